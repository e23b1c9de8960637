/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a cohort in CSV, read by the engine's own reader (mbc-csv.c), its first
 * record taken as the header (mbc-csv-case.c), every other row evaluated against the bundled
 * guideline as --batch evaluates it, written both as result JSON and as a summary row. A
 * hostile file must never crash, hang or be evaluated when it is not a case. */
#include "config.h"

#include "mbc-batch.h"
#include "mbc-csv.h"
#include "mbc-csv-case.h"
#include "mbc-csv-writer.h"
#include "mbc-guideline.h"
#include "mbc-problem.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  static const char * const ignored[] = { "record_id", NULL };
  static MbcGuideline *guideline;
  static MbcEvaluator *evaluator;
  static MbcResultWriter *json;
  static MbcCsvWriter *csv;
  g_autofree guint8 *copy = g_memdup2 (data, size);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (copy, size, NULL);
  g_autoptr(MbcCsvReader) reader = mbc_csv_reader_new (stream);
  g_autoptr(MbcCsvRecord) header = NULL;
  g_autoptr(MbcCsvColumns) columns = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  MbcCsvRecord *record;

  if (guideline == NULL)
    {
      guideline = mbc_guideline_new_default (NULL, NULL);
      evaluator = mbc_evaluator_new (guideline);
      json = mbc_result_writer_new (guideline);
      csv = mbc_csv_writer_new (guideline);
    }
  header = mbc_csv_reader_next (reader, NULL);
  if (header == NULL || !(columns = mbc_csv_columns_new (header, ignored, problems)))
    return 0;
  mbc_csv_writer_write_header (csv, out);
  while ((record = mbc_csv_reader_next (reader, NULL)))
    {
      g_autoptr(GError) error = NULL;
      g_ptr_array_set_size (problems, 0);
      if (!mbc_batch_evaluate_record (evaluator, json, NULL, columns, record, out, problems,
                                      &error) && error != NULL)
        __builtin_trap ();    /* the bundled guideline evaluates every valid case */
      g_ptr_array_set_size (problems, 0);
      if (!mbc_batch_evaluate_record (evaluator, NULL, csv, columns, record, out, problems,
                                      &error) && error != NULL)
        __builtin_trap ();
      mbc_csv_record_free (record);
      g_string_truncate (out, 0);
    }
  return 0;
}
