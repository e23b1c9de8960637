/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: an arbitrary JsonLogic rule, evaluated as a pack's condition is (on a
 * case, findings and params) and printed. fuzz/run.py runs it under tight time and memory
 * limits (-timeout, -rss_limit_mb): a rule that would hang or exhaust memory despite the
 * evaluation budget (MBC_JSON_LOGIC_MAX_STEPS) is found here, not by a user. */
#include "config.h"

#include <string.h>

#include "mbc-json.h"
#include "mbc-json-logic.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static const char rule_data[] =
  "{\"case\": {\"age_years\": 45, \"ecog\": 1, \"er_status\": \"positive\", "
  "\"metastatic_sites\": [\"bone\", \"liver\"], \"metastatic_lesion_count\": 3, "
  "\"liver_lesion_count\": 1, \"label\": \"Teaching case: ☃ 𝄞\"}, "
  "\"findings\": {\"young_age\": \"met\", \"good_response\": \"unknown\"}, "
  "\"params\": {\"young_age_below\": 50, \"sites\": [1, [2, [3, \"x\"]], {\"a\": null}]}}";

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  static JsonNode *input;
  g_autoptr(JsonNode) rule = mbc_json_parse ((const char *) data, size, 320, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = NULL;
  gboolean truth;

  if (input == NULL)
    input = mbc_json_parse (rule_data, strlen (rule_data), 16, NULL);
  if (rule == NULL)
    return 0;
  value = mbc_json_logic_apply (rule, input, &error);
  if (value != NULL)
    g_free (mbc_json_logic_to_string (value));
  g_clear_error (&error);
  mbc_json_logic_test (rule, input, &truth, &error);
  return 0;
}
