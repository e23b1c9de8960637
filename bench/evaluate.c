/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mbc-bench-evaluate CASE.json…: the engine time of one re-evaluation as the window does
 * it after each change (evaluate, then "what would change this"), per case, median of
 * many runs. Goal: the evaluation itself under 1 ms. The evaluator keeps what each condition
 * gave for what it read, so a re-evaluation mostly reads kept results: "first" is the
 * evaluation of the case by a new evaluator, which has kept nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mbc-evaluator.h"
#include "mbc-problem.h"

#define RUNS 501

static int
compare (const void *a,
         const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static double
median_us (gint64 *samples)
{
  qsort (samples, RUNS, sizeof (gint64), compare);
  return samples[RUNS / 2] / 1000.0;
}

static gint64
now_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MbcGuideline) guideline = mbc_guideline_new_default (NULL, NULL);
  g_autoptr(MbcEvaluator) evaluator = mbc_evaluator_new (guideline);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcCase) loaded = NULL;
      g_autoptr(MbcCase) kase = NULL;
      g_autofree char *name = g_path_get_basename (argv[i]);
      gint64 evaluate[RUNS], changes[RUNS], first[RUNS];

      if (!g_file_get_contents (argv[i], &text, &length, NULL) ||
          !(loaded = mbc_case_new_from_data (text, length, problems)))
        {
          fprintf (stderr, "%s: not a valid case\n", argv[i]);
          return 1;
        }
      /* As in the window: a case built field by field, not the tree read from disk. */
      kase = mbc_case_copy (loaded);
      for (int r = 0; r < RUNS; r++)
        {
          g_autoptr(MbcEvaluator) fresh = mbc_evaluator_new (guideline);
          g_autoptr(MbcResult) once = NULL;
          gint64 t = now_ns ();

          once = mbc_evaluator_evaluate (fresh, kase, NULL);
          first[r] = now_ns () - t;
        }
      for (int r = 0; r < RUNS; r++)
        {
          g_autoptr(MbcResult) result = NULL;
          g_autoptr(GPtrArray) list = NULL;
          gint64 t0, t1, t2;

          mbc_case_set_unknown (kase, MBC_CASE_FIELD_AXILLARY_NODES); /* a change */
          t0 = now_ns ();
          result = mbc_evaluator_evaluate (evaluator, kase, NULL);
          t1 = now_ns ();
          list = mbc_evaluator_what_would_change (evaluator, kase, result);
          t2 = now_ns ();
          evaluate[r] = t1 - t0;
          changes[r] = t2 - t1;
        }
      printf ("%-32s evaluation %7.1f µs (first %7.1f µs)   what would change this %8.1f µs\n",
              name, median_us (evaluate), median_us (first), median_us (changes));
    }
  return 0;
}
