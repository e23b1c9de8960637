/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: one line of a --batch cohort, evaluated against the bundled guideline
 * by the engine's own batch code (mbc_batch_evaluate_line, as --batch runs it), then what
 * would change it. The input is copied to a buffer of exactly its size, so that reading
 * past the line's end is caught. */
#include "config.h"

#include <string.h>

#include "mbc-batch.h"
#include "mbc-guideline.h"
#include "mbc-problem.h"
#include "mbc-result.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  static MbcGuideline *guideline;
  static MbcEvaluator *evaluator;
  static MbcResultWriter *writer;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_memdup2 (data, size);
  g_autoptr(GPtrArray) more = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;

  if (guideline == NULL)
    {
      guideline = mbc_guideline_new_default (NULL, NULL);
      evaluator = mbc_evaluator_new (guideline);
      writer = mbc_result_writer_new (guideline);
    }
  if (!mbc_batch_evaluate_line (evaluator, writer, line, size, 1, out, problems, &error) &&
      error != NULL)
    __builtin_trap ();    /* the bundled guideline evaluates every valid case */
  kase = mbc_case_new_from_data (line, size, more);
  if (kase != NULL)
    {
      g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, kase, NULL);
      if (result != NULL)
        g_ptr_array_unref (mbc_evaluator_what_would_change (evaluator, kase, result));
    }
  return 0;
}
