/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: one line of a --batch cohort, evaluated against the bundled guideline
 * and written as a result (or its problems), as --batch does for each line. */
#include "config.h"

#include "mbc-evaluator.h"
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
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;

  if (guideline == NULL)
    {
      guideline = mbc_guideline_new_default (NULL, NULL);
      evaluator = mbc_evaluator_new (guideline);
    }
  kase = mbc_case_new_from_data ((const char *) data, size, problems);
  if (kase != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, kase, &error);
      g_autoptr(GString) out = g_string_new (NULL);

      if (result == NULL)
        __builtin_trap ();    /* the bundled guideline evaluates every valid case */
      mbc_result_write_json (result, out);
      g_ptr_array_unref (mbc_evaluator_what_would_change (evaluator, kase, result));
    }
  return 0;
}
