/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mbc-bench-phases COHORT.jsonl: where a batch's time goes, per case, in one thread: reading
 * each line into a case, evaluating it, and writing its result JSON and its summary row of
 * CSV. Each phase runs over the whole cohort in turn, and is timed by the thread's CPU clock
 * around the whole pass (so that the clock itself costs nothing per case). Then how many
 * conditions a case asks, and how many of them were answered by a kept result.
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
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  gsize length, bytes = 0;
  gint64 t0, t1, t2, t3, t4;
  guint64 conditions = 0, kept = 0;

  if (argc != 2 || !g_file_get_contents (argv[1], &text, &length, NULL))
    {
      fprintf (stderr, "usage: mbc-bench-phases COHORT.jsonl\n");
      return 2;
    }
  guideline = mbc_guideline_new_default (NULL, NULL);
  evaluator = mbc_evaluator_new (guideline);
  json = mbc_result_writer_new (guideline);
  csv = mbc_csv_writer_new (guideline);

  t0 = cpu_ns ();
  for (const char *line = text, *end; line < text + length; line = end + 1)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      MbcCase *kase;

      end = memchr (line, '\n', text + length - line);
      if (end == NULL)
        end = text + length;
      if ((kase = mbc_case_new_from_data (line, end - line, problems)) == NULL)
        {
          fprintf (stderr, "line %u: not a valid case\n", cases->len + 1);
          return 1;
        }
      g_ptr_array_add (cases, kase);
    }
  t1 = cpu_ns ();
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (results, mbc_evaluator_evaluate (evaluator, cases->pdata[i], NULL));
  t2 = cpu_ns ();
  for (guint i = 0; i < cases->len; i++)
    {
      g_string_truncate (out, 0);
      mbc_result_writer_write (json, results->pdata[i], out);
      bytes += out->len;
    }
  t3 = cpu_ns ();
  for (guint i = 0; i < cases->len; i++)
    {
      g_string_truncate (out, 0);
      mbc_csv_writer_write_result (csv, i + 1, cases->pdata[i], results->pdata[i], out);
    }
  t4 = cpu_ns ();
  mbc_evaluator_get_counts (evaluator, &conditions, &kept);
  printf ("%u cases, per case (one thread's CPU): read %.1f µs, evaluate %.1f µs, "
          "result JSON %.1f µs (%.1f KB), CSV row %.1f µs\n", cases->len,
          (t1 - t0) / 1e3 / cases->len, (t2 - t1) / 1e3 / cases->len,
          (t3 - t2) / 1e3 / cases->len, bytes / 1e3 / cases->len, (t4 - t3) / 1e3 / cases->len);
  printf ("conditions: %.1f a case, %.1f %% answered by a result kept from a case that read "
          "the same\n", (double) conditions / cases->len, 100.0 * kept / MAX (conditions, 1));
  return 0;
}
