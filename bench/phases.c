/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mbc-bench-phases COHORT.jsonl: where a batch's time goes, per case, in one thread: reading
 * each line into a case, evaluating it, and writing its result JSON and its summary row of
 * CSV (the thread's CPU time for each phase over the whole file, divided by the cases).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mbc-csv-writer.h"
#include "mbc-evaluator.h"
#include "mbc-problem.h"
#include "mbc-result-writer.h"

static gint64
cpu_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MbcGuideline) guideline = NULL;
  g_autoptr(MbcEvaluator) evaluator = NULL;
  g_autoptr(MbcResultWriter) json = NULL;
  g_autoptr(MbcCsvWriter) csv = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *text = NULL;
  gsize length;
  gint64 read_ns = 0, evaluate_ns = 0, json_ns = 0, csv_ns = 0;
  guint cases = 0;

  if (argc != 2 || !g_file_get_contents (argv[1], &text, &length, NULL))
    {
      fprintf (stderr, "usage: mbc-bench-phases COHORT.jsonl\n");
      return 2;
    }
  guideline = mbc_guideline_new_default (NULL, NULL);
  evaluator = mbc_evaluator_new (guideline);
  json = mbc_result_writer_new (guideline);
  csv = mbc_csv_writer_new (guideline);
  for (const char *line = text, *end; line < text + length; line = end + 1)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcCase) kase = NULL;
      g_autoptr(MbcResult) result = NULL;
      gint64 t0, t1, t2, t3, t4;

      end = memchr (line, '\n', text + length - line);
      if (end == NULL)
        end = text + length;
      t0 = cpu_ns ();
      kase = mbc_case_new_from_data (line, end - line, problems);
      t1 = cpu_ns ();
      if (kase == NULL)
        {
          fprintf (stderr, "line %u: not a valid case\n", cases + 1);
          return 1;
        }
      result = mbc_evaluator_evaluate (evaluator, kase, NULL);
      t2 = cpu_ns ();
      g_string_truncate (out, 0);
      mbc_result_writer_write (json, result, out);
      t3 = cpu_ns ();
      g_string_truncate (out, 0);
      mbc_csv_writer_write_result (csv, cases + 1, kase, result, out);
      t4 = cpu_ns ();
      read_ns += t1 - t0;
      evaluate_ns += t2 - t1;
      json_ns += t3 - t2;
      csv_ns += t4 - t3;
      cases++;
    }
  printf ("%u cases, per case (one thread's CPU): read %.1f µs, evaluate %.1f µs, "
          "result JSON %.1f µs, CSV row %.1f µs\n", cases, read_ns / 1e3 / cases,
          evaluate_ns / 1e3 / cases, json_ns / 1e3 / cases, csv_ns / 1e3 / cases);
  return 0;
}
