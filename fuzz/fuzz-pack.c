/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a guideline pack, loaded and checked; a pack that loads evaluates a
 * case. */
#include "config.h"

#include "mbc-evaluator.h"
#include "mbc-guideline.h"
#include "mbc-problem.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcGuideline) guideline = mbc_guideline_new_from_bytes (bytes, problems, &error);

  if (guideline != NULL)
    {
      static const char text[] = "{\"schema\": \"mbc-advisor/case/1\", \"age_years\": 45, "
                                 "\"metastatic_sites\": [\"bone\"], \"metastatic_response\": "
                                 "\"complete\"}";
      g_autoptr(GPtrArray) case_problems = mbc_problems_new ();
      g_autoptr(MbcCase) kase = mbc_case_new_from_data (text, sizeof text - 1, case_problems);
      g_autoptr(GError) evaluation_error = NULL;
      g_autoptr(MbcResult) result = mbc_evaluate (guideline, kase, &evaluation_error);
      (void) result;
    }
  return 0;
}
