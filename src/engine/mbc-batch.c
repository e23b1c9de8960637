/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One case of a cohort, evaluated: a line of JSON Lines or a row of CSV (mbc-csv-case.c),
 * written as its result JSON, or an error object in its place
 * ({"schema":"mbc-advisor/error/1","line":N,"errors":[…]}), or as a summary row of CSV
 * (mbc-csv-writer.c). The command line runs this on every case of --batch, in worker
 * threads; the batch fuzzer runs it directly.
 */
#define G_LOG_DOMAIN "mbc-batch"

#include "config.h"

#include <glib/gi18n.h>

#include "mbc-batch.h"
#include "mbc-csv-writer.h"
#include "mbc-json.h"
#include "mbc-problem.h"
#include "mbc-result.h"
#include "mbc-result-writer.h"

static void
batch_write_error_line (GString   *out,
                        guint      line,
                        GPtrArray *problems)
{
  g_string_append_printf (out, "{\"schema\":\"mbc-advisor/error/1\",\"line\":%u,\"errors\":[",
                          line);
  for (guint i = 0; i < MIN (problems->len, MBC_PROBLEMS_SHOWN); i++)
    {
      const MbcProblem *p = g_ptr_array_index (problems, i);
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"field\":");
      mbc_json_write_string (out, p->where);
      g_string_append (out, ",\"message\":");
      mbc_json_write_string (out, p->message);
      g_string_append_c (out, '}');
    }
  /* As many as are printed, then how many more. */
  if (problems->len > MBC_PROBLEMS_SHOWN)
    {
      g_autofree char *text = mbc_problems_describe_more (problems->len - MBC_PROBLEMS_SHOWN);
      g_string_append (out, ",{\"field\":\"$\",\"message\":");
      mbc_json_write_string (out, text);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

/* Whether the @length bytes at @p are all spaces or tabs (reading no further: a line of
 * a file or of standard input is not NUL-terminated). */
static gboolean
batch_is_blank (const char *p,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (p[i] != ' ' && p[i] != '\t')
      return FALSE;
  return TRUE;
}

/* The case read from line or row @number (NULL when it is not one: @problems says why),
 * evaluated and written as @json or @csv writes it (exactly one of them is given). */
static gboolean
batch_evaluate_case (MbcEvaluator    *evaluator,
                     MbcResultWriter *json,
                     MbcCsvWriter    *csv,
                     MbcCase         *kase,
                     guint            number,
                     GString         *out,
                     GPtrArray       *problems,
                     GError         **error)
{
  g_assert ((json == NULL) != (csv == NULL));

  if (kase != NULL)
    {
      g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, kase, error);
      if (result == NULL)
        return FALSE;
      if (csv != NULL)
        mbc_csv_writer_write_result (csv, number, kase, result, out);
      else
        {
          mbc_result_writer_write (json, result, out);
          g_string_append_c (out, '\n');
        }
      return TRUE;
    }
  if (csv != NULL)
    mbc_csv_writer_write_error (csv, number, problems, out);
  else
    batch_write_error_line (out, number, problems);
  return FALSE;
}

/**
 * mbc_batch_evaluate_line:
 * @writer: writes the result (it may be shared between threads: it never changes)
 * @line: the line, with or without its end ("\n" or "\r\n"); not NUL-terminated
 * @number: its line number, from 1
 * @out: where its result JSON, or its error object, is appended, with a newline
 * @problems: where the line's problems are added when it is not a valid case
 * @error: set when the guideline fails to evaluate a valid case
 *
 * Returns: %TRUE when the line was a valid case and its result was written; %FALSE when it
 *   was not (its error object written, @problems filled) or when @error is set.
 */
gboolean
mbc_batch_evaluate_line (MbcEvaluator    *evaluator,
                         MbcResultWriter *writer,
                         const char      *line,
                         gsize            length,
                         guint            number,
                         GString         *out,
                         GPtrArray       *problems,
                         GError         **error)
{
  g_return_val_if_fail (MBC_IS_RESULT_WRITER (writer), FALSE);

  return mbc_batch_evaluate_line_full (evaluator, writer, NULL, line, length, number, out,
                                       problems, error);
}

/**
 * mbc_batch_evaluate_line_full:
 * @json: (nullable): writes the result as result JSON
 * @csv: (nullable): writes the result as a summary row (exactly one of @json and @csv)
 *
 * As mbc_batch_evaluate_line(), written as @json or @csv writes it.
 */
gboolean
mbc_batch_evaluate_line_full (MbcEvaluator    *evaluator,
                              MbcResultWriter *json,
                              MbcCsvWriter    *csv,
                              const char      *line,
                              gsize            length,
                              guint            number,
                              GString         *out,
                              GPtrArray       *problems,
                              GError         **error)
{
  g_autoptr(MbcCase) kase = NULL;

  g_return_val_if_fail (MBC_IS_EVALUATOR (evaluator), FALSE);
  g_return_val_if_fail ((json == NULL) != (csv == NULL), FALSE);
  g_return_val_if_fail (line != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL && problems != NULL, FALSE);

  if (length > 0 && line[length - 1] == '\n')
    length--;
  if (length > 0 && line[length - 1] == '\r')
    length--;
  if (batch_is_blank (line, length))
    mbc_problems_add (problems, "$", _("the line is empty; each line must hold one case"));
  else
    kase = mbc_case_new_from_data (line, length, problems);
  return batch_evaluate_case (evaluator, json, csv, kase, number, out, problems, error);
}

/**
 * mbc_batch_evaluate_record:
 * @columns: what the cohort's header says each column holds
 * @record: a row after the header; its number is the row's in a spreadsheet
 *
 * As mbc_batch_evaluate_line_full(), for a row of a cohort in CSV.
 */
gboolean
mbc_batch_evaluate_record (MbcEvaluator       *evaluator,
                           MbcResultWriter    *json,
                           MbcCsvWriter       *csv,
                           MbcCsvColumns      *columns,
                           const MbcCsvRecord *record,
                           GString            *out,
                           GPtrArray          *problems,
                           GError            **error)
{
  g_autoptr(MbcCase) kase = NULL;

  g_return_val_if_fail (MBC_IS_EVALUATOR (evaluator), FALSE);
  g_return_val_if_fail ((json == NULL) != (csv == NULL), FALSE);
  g_return_val_if_fail (columns != NULL && record != NULL, FALSE);
  g_return_val_if_fail (out != NULL && problems != NULL, FALSE);

  kase = mbc_csv_columns_read_case (columns, record, problems);
  return batch_evaluate_case (evaluator, json, csv, kase, record->number, out, problems, error);
}
