/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a JsonLogic rule and its data (the input's first line is the rule, the
 * rest the data), checked and applied. */
#include "config.h"

#include <string.h>

#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-problem.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  const char *text = (const char *) data;
  const char *newline = memchr (text, '\n', size);
  size_t rule_length = newline ? (size_t) (newline - text) : size;
  g_autoptr(JsonNode) rule = mbc_json_parse (text, rule_length, 64, NULL);
  g_autoptr(JsonNode) input = newline ? mbc_json_parse (newline + 1, size - rule_length - 1, 64,
                                                        NULL)
                                      : NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = NULL;
  gboolean truth;

  if (rule == NULL)
    return 0;
  mbc_json_logic_check (rule, "$", NULL, NULL, problems);
  value = mbc_json_logic_apply (rule, input, &error);
  if (value != NULL)
    g_free (mbc_json_logic_to_string (value));
  g_clear_error (&error);
  mbc_json_logic_test (rule, input, &truth, &error);
  return 0;
}
