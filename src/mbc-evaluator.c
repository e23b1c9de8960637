/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Evaluation of a case against a guideline pack: findings in order (unknown first, then
 * met), the first decision rule whose condition holds, then its missing and confirm
 * fields and strength, then the plan items, statements and tallies. All the medicine is
 * in the pack's conditions; this file only walks the pack's structure.
 */
#define G_LOG_DOMAIN "mbc-evaluator"

#include "config.h"

#include <string.h>

#include "mbc-evaluator.h"
#include "mbc-json-logic.h"
#include "mbc-result-private.h"

static gboolean
holds (JsonNode  *condition,
       JsonNode  *data,
       gboolean  *ok,
       GError   **error)
{
  g_autoptr(JsonNode) value = NULL;

  if (!*ok)
    return FALSE;
  value = mbc_json_logic_apply (condition, data, error);
  if (value == NULL)
    {
      *ok = FALSE;
      return FALSE;
    }
  return mbc_json_logic_truthy (value);
}

static void
add_unique (GPtrArray  *array,
            const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), value) == 0)
      return;
  g_ptr_array_add (array, (gpointer) value);
}

static void
add_statements (MbcGuideline  *guideline,
                GPtrArray     *statements,
                const char   **sources)
{
  for (guint i = 0; sources && sources[i]; i++)
    {
      const MbcSource *source = mbc_guideline_lookup_source (guideline, sources[i]);
      /* Statements are what the consensus says; references are only cited in reasons. */
      if (source && strcmp (source->kind, "reference") != 0)
        add_unique (statements, sources[i]);
    }
}

static void
add_fields (GPtrArray *out,
            GPtrArray *conditions,
            JsonNode  *data,
            gboolean  *ok,
            GError   **error)
{
  for (guint i = 0; i < conditions->len && *ok; i++)
    {
      const MbcFieldCondition *c = g_ptr_array_index (conditions, i);
      if (holds (c->when, data, ok, error))
        add_unique (out, c->field);
    }
}

/**
 * mbc_evaluate:
 * @guideline: a loaded guideline
 * @kase: a valid case (see mbc_case_validate())
 * @error: set if a rule fails while evaluating (such as one nested too deeply)
 *
 * Returns: (transfer full) (nullable): the result.
 */
MbcResult *
mbc_evaluate (MbcGuideline  *guideline,
              MbcCase       *kase,
              GError       **error)
{
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root, *findings_object;
  GPtrArray *findings, *rules, *items, *tallies;
  gboolean ok = TRUE;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);
  g_return_val_if_fail (MBC_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = _mbc_result_new (guideline);
  findings = mbc_guideline_get_findings (guideline);
  rules = mbc_guideline_get_rules (guideline);
  items = mbc_guideline_get_plan_items (guideline);
  tallies = mbc_guideline_get_tallies (guideline);

  root = json_object_new ();
  findings_object = json_object_new ();
  json_object_set_member (root, "case", mbc_case_to_rule_data (kase));
  json_object_set_object_member (root, "findings", findings_object);
  json_object_set_member (root, "params", json_node_ref (mbc_guideline_get_params_node (guideline)));
  data = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);

  /* Findings, in order: a finding may read those before it. */
  for (guint i = 0; i < findings->len && ok; i++)
    {
      const MbcFinding *finding = g_ptr_array_index (findings, i);
      MbcFindingStatus status;

      if (holds (finding->unknown_when, data, &ok, &local_error))
        status = MBC_FINDING_UNKNOWN;
      else if (holds (finding->met_when, data, &ok, &local_error))
        status = MBC_FINDING_MET;
      else
        status = MBC_FINDING_NOT_MET;
      result->statuses[i] = status;
      json_object_set_string_member (findings_object, finding->id,
                                     mbc_finding_status_to_string (status));
    }

  /* The decision table: the first rule that holds (the pack guarantees one does). */
  for (guint i = 0; i < rules->len && ok && result->rule == NULL; i++)
    {
      const MbcRule *rule = g_ptr_array_index (rules, i);
      if (holds (rule->when, data, &ok, &local_error))
        result->rule = rule;
    }
  if (ok && result->rule != NULL)
    {
      const MbcRule *rule = result->rule;
      JsonObject *decision = json_object_new ();

      add_fields (result->missing, rule->missing, data, &ok, &local_error);
      add_fields (result->confirm, rule->confirm, data, &ok, &local_error);
      for (guint i = 0; i < rule->strength->len && ok && result->strength == NULL; i++)
        {
          const MbcStrength *strength = g_ptr_array_index (rule->strength, i);
          if (holds (strength->when, data, &ok, &local_error))
            result->strength = strength;
        }
      add_statements (guideline, result->statements, rule->sources);
      if (result->strength)
        add_statements (guideline, result->statements, result->strength->sources);

      json_object_set_string_member (decision, "tier", rule->tier);
      json_object_set_string_member (decision, "rule", rule->id);
      if (result->strength)
        json_object_set_string_member (decision, "strength", result->strength->value);
      else
        json_object_set_null_member (decision, "strength");
      json_object_set_object_member (json_node_get_object (data), "decision", decision);

      for (guint i = 0; i < items->len && ok; i++)
        {
          const MbcPlanItem *item = g_ptr_array_index (items, i);
          if (!holds (item->when, data, &ok, &local_error))
            continue;
          g_ptr_array_add (result->plan, (gpointer) item);
          for (guint k = 0; item->options[k]; k++)
            add_unique (result->options, item->options[k]);
          result->axillary_evaluation |= item->axillary_evaluation;
          add_statements (guideline, result->statements, item->sources);
        }
    }
  else if (ok)
    g_set_error (&local_error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_EVALUATE,
                 "no decision rule fired");

  if (!ok || local_error != NULL)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_EVALUATE,
                   "the guideline could not be evaluated: %s",
                   local_error ? local_error->message : "unknown error");
      return NULL;
    }

  for (guint t = 0; t < tallies->len; t++)
    {
      const MbcTally *tally = g_ptr_array_index (tallies, t);
      for (guint k = 0; tally->findings[k]; k++)
        {
          int index = mbc_result_lookup_finding (result, tally->findings[k]);
          MbcFindingStatus status = index >= 0 ? result->statuses[index] : MBC_FINDING_UNKNOWN;
          guint slot = status == MBC_FINDING_MET ? 0 : status == MBC_FINDING_NOT_MET ? 1 : 2;
          result->tallies[3 * t + slot]++;
        }
    }
  return g_steal_pointer (&result);
}
