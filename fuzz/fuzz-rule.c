/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: an arbitrary JsonLogic rule, evaluated as a pack's condition is (on a
 * case, findings and params) and printed. fuzz/run.py runs it under tight time and memory
 * limits (-timeout, -rss_limit_mb): a rule that would hang or exhaust memory despite the
 * evaluation budget (MBC_JSON_LOGIC_MAX_STEPS) is found here, not by a user. The rule is
 * also compiled with names resolved to slots, as the evaluator does, and evaluated bound,
 * the case filled into the tree only when asked: it must give what the whole tree gives. */
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

/* A name resolved as deep as the data's objects go (the evaluator's resolver does so for
 * params); names starting "-" are left to the tree. */
static gboolean
fuzz_resolve (const char * const *names,
              guint               n_names,
              guint              *slot,
              guint              *n_used,
              gpointer            user_data)
{
  GPtrArray *slots = user_data;
  JsonNode *node = g_ptr_array_index (slots, 0);   /* the whole data */
  guint used = 0;

  if (names[0][0] == '-')
    return FALSE;
  while (used < n_names && JSON_NODE_HOLDS_OBJECT (node) &&
         json_object_has_member (json_node_get_object (node), names[used]))
    node = json_object_get_member (json_node_get_object (node), names[used++]);
  *slot = slots->len;
  *n_used = MAX (used, 1);
  g_ptr_array_add (slots, used > 0 ? node : NULL);
  return TRUE;
}

static void
fuzz_fill_tree (gpointer user_data)
{
  JsonNode **trees = user_data;   /* the root given, and the whole data */
  JsonObject *root = json_node_get_object (trees[0]);

  if (!json_object_has_member (root, "case"))
    json_object_set_member (root, "case", json_node_ref (json_object_get_member (
                                            json_node_get_object (trees[1]), "case")));
}

static void
fuzz_bound (JsonNode *rule,
            JsonNode *input)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(MbcJsonLogicProgram) program = NULL;
  g_autoptr(GError) error = NULL, bound_error = NULL;
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (input));
  JsonNode *trees[2] = { root, input };
  MbcJsonLogicBinding binding;
  gboolean truth = FALSE, bound_truth = FALSE, ok, bound_ok;

  g_ptr_array_add (slots, input);
  program = mbc_json_logic_program_new_resolved (rule, fuzz_resolve, slots);
  /* The root the evaluator gives: everything but the case, which fuzz_fill_tree() adds. */
  json_node_take_object (root, json_object_new ());
  for (GList *l = members; l; l = l->next)
    if (strcmp (l->data, "case") != 0)
      json_object_set_member (json_node_get_object (root), l->data,
                              json_node_ref (json_object_get_member (json_node_get_object (input),
                                                                     l->data)));
  binding = (MbcJsonLogicBinding) { root, (JsonNode **) slots->pdata, fuzz_fill_tree, trees };
  ok = mbc_json_logic_test (rule, input, &truth, &error);
  bound_ok = mbc_json_logic_program_test_bound (program, &binding, &bound_truth, &bound_error);
  if (ok != bound_ok || (ok && truth != bound_truth))
    __builtin_trap ();    /* bound, the rule read something else than the tree holds */
}

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
  fuzz_bound (rule, input);
  return 0;
}
