/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The guideline's loader: each section of a pack (docs/guideline-format.md) read into the
 * model through the checks, and the checks across sections: dangling source ids, findings
 * the decision table never uses, a decision table that can fall through.
 */
#define G_LOG_DOMAIN "mbc-guideline"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-guideline-private.h"
#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-problem.h"
#include "mbc-tier.h"

static const char * const indicators[] = { "info", "warning", "critical", NULL };
static const char * const source_kinds[] = {
  "take_home_message", "poll", "question", "statement", "reference", NULL
};
static const char * const strengths[] = { "stronger", "standard", NULL };


static void
loader_strength_free (MbcStrength *strength)
{
  g_free (strength->sources);
  g_free (strength);
}

/* --- Sections of the pack ------------------------------------------------------------------ */

static void
loader_load_sources (Loader     *l,
                     JsonObject *root)
{
  static const char * const keys[] = {
    "id", "kind", "title", "text", "question", "options", "consensus", "note",
    "interpretation", "cites", NULL
  };
  JsonArray *array = _mbc_pack_get_array (l, root, "$", "sources", TRUE);

  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.sources", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (array, i), path);
      MbcSource *source;
      JsonArray *options;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, keys);
      source = g_new0 (MbcSource, 1);
      source->id = _mbc_pack_get_id (l, object, path, l->self->source_by_id);
      source->kind = _mbc_pack_get_choice (l, object, path, "kind", source_kinds);
      source->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      source->text = _mbc_pack_get_string (l, object, path, "text", TRUE);
      source->note = _mbc_pack_get_string (l, object, path, "note", FALSE);
      source->interpretation = _mbc_pack_get_string (l, object, path, "interpretation", FALSE);
      g_ptr_array_add (l->self->sources, source);
      if (source->id)
        g_hash_table_replace (l->self->source_by_id, (gpointer) source->id, source);

      if (source->kind == NULL)
        continue;
      if (strcmp (source->kind, "poll") == 0 || strcmp (source->kind, "question") == 0)
        {
          source->question = _mbc_pack_get_string (l, object, path, "question", TRUE);
          source->consensus = _mbc_pack_get_string (l, object, path, "consensus", TRUE);
        }
      else
        {
          static const char * const only_polls[] = { "question", "consensus", "options" };
          for (guint k = 0; k < G_N_ELEMENTS (only_polls); k++)
            if (json_object_has_member (object, only_polls[k]))
              {
                g_autofree char *where = mbc_json_path_member (path, only_polls[k]);
                mbc_problems_add (l->problems, where, _("only a poll or a question has this key"));
              }
        }
      if (strcmp (source->kind, "question") == 0 && json_object_has_member (object, "options"))
        {
          g_autofree char *where = mbc_json_path_member (path, "options");
          mbc_problems_add (l->problems, where,
                            _("a question has no poll results; make it a poll to give options"));
        }
      if (strcmp (source->kind, "poll") != 0)
        continue;

      options = _mbc_pack_get_array (l, object, path, "options", TRUE);
      source->options = g_ptr_array_new_with_free_func (g_free);
      if (options != NULL)
        {
          g_autofree char *options_path = mbc_json_path_member (path, "options");
          double total = 0;
          guint n = json_array_get_length (options);

          if (n < 2)
            mbc_problems_add (l->problems, options_path, _("a poll needs at least two options"));
          for (guint k = 0; k < n; k++)
            {
              static const char * const option_keys[] = { "label", "percent", NULL };
              g_autofree char *option_path = mbc_json_path_index (options_path, k);
              JsonObject *o = _mbc_pack_as_object (l, json_array_get_element (options, k),
                                                   option_path);
              MbcPollOption *option;
              JsonNode *percent;

              if (o == NULL)
                continue;
              _mbc_pack_check_keys (l, o, option_path, option_keys);
              option = g_new0 (MbcPollOption, 1);
              option->label = _mbc_pack_get_string (l, o, option_path, "label", TRUE);
              percent = _mbc_pack_member (l, o, option_path, "percent", TRUE);
              if (percent != NULL)
                {
                  GType t = JSON_NODE_HOLDS_VALUE (percent) ? json_node_get_value_type (percent)
                                                            : G_TYPE_NONE;
                  double value = t == G_TYPE_INT64 ? (double) json_node_get_int (percent)
                               : t == G_TYPE_DOUBLE ? json_node_get_double (percent) : NAN;
                  if (isnan (value) || value < 0 || value > 100)
                    {
                      g_autofree char *where = mbc_json_path_member (option_path, "percent");
                      mbc_problems_add (l->problems, where, _("must be a number from 0 to 100"));
                    }
                  else
                    option->percent = value;
                  total += option->percent;
                }
              g_ptr_array_add (source->options, option);
            }
          /* Published percentages are rounded: allow half a point either way. */
          if (n >= 2 && fabs (total - 100) > 0.5)
            mbc_problems_add (l->problems, options_path,
                              _("the percentages add up to %g, not 100"), total);
        }
    }
  /* The references a source's text cites, once every source is known (they come later). */
  for (guint i = 0, n = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.sources", i);
      JsonNode *element = json_array_get_element (array, i);
      MbcSource *source;

      /* Only objects became sources, in order. */
      if (!JSON_NODE_HOLDS_OBJECT (element) || n >= l->self->sources->len)
        continue;
      source = g_ptr_array_index (l->self->sources, n++);
      source->cites = _mbc_pack_get_refs (l, json_node_get_object (element), path, "cites", FALSE,
                                          l->self->source_by_id, "source");
      for (guint k = 0; source->cites[k]; k++)
        {
          const MbcSource *cited = g_hash_table_lookup (l->self->source_by_id, source->cites[k]);
          if (g_strcmp0 (cited->kind, "reference") != 0)
            {
              g_autofree char *where = mbc_json_path_member (path, "cites");
              g_autofree char *at = mbc_json_path_index (where, k);
              mbc_problems_add (l->problems, at, _("\"%s\" is not a reference"), source->cites[k]);
            }
        }
    }
}

static void
loader_load_params (Loader     *l,
                    JsonObject *root)
{
  static const char * const keys[] = {
    "value", "unit", "title", "reason", "interpretation", "sources", NULL
  };
  JsonObject *params = _mbc_pack_get_object (l, root, "$", "params", TRUE);
  JsonObject *values = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  l->self->params_node = json_node_init_object (json_node_alloc (), values);
  json_object_unref (values);
  if (params == NULL)
    return;
  json_object_iter_init_ordered (&iter, params);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      g_autofree char *path = mbc_json_path_member ("$.params", name);
      JsonObject *object = _mbc_pack_as_object (l, node, path);
      JsonNode *value;
      MbcParam *param;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, keys);
      param = g_new0 (MbcParam, 1);
      param->id = name;
      param->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      param->unit = _mbc_pack_get_string (l, object, path, "unit", FALSE);
      param->reason = _mbc_pack_get_string (l, object, path, "reason", TRUE);
      param->interpretation = _mbc_pack_get_string (l, object, path, "interpretation", FALSE);
      param->sources = _mbc_pack_get_sources (l, object, path);
      value = _mbc_pack_member (l, object, path, "value", TRUE);
      if (value != NULL && (JSON_NODE_HOLDS_OBJECT (value) || JSON_NODE_HOLDS_NULL (value)))
        {
          g_autofree char *where = mbc_json_path_member (path, "value");
          mbc_problems_add (l->problems, where, _("must be a number, string, boolean or array"));
        }
      else if (value != NULL)
        {
          param->value = value;
          json_object_set_member (values, name, json_node_ref (value));
        }
      _mbc_pack_check_basis (l, path, param->sources, param->interpretation);
      g_hash_table_add (l->param_ids, (gpointer) name);
      g_ptr_array_add (l->self->params, param);
    }
}

static void
loader_load_groups (Loader     *l,
                    JsonObject *root)
{
  static const char * const keys[] = {
    "id", "title", "description", "interpretation", "sources", NULL
  };
  JsonArray *array = _mbc_pack_get_array (l, root, "$", "groups", TRUE);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.groups", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (array, i), path);
      MbcGroup *group;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, keys);
      group = g_new0 (MbcGroup, 1);
      group->id = _mbc_pack_get_id (l, object, path, l->group_ids);
      group->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      group->description = _mbc_pack_get_string (l, object, path, "description", FALSE);
      group->interpretation = _mbc_pack_get_string (l, object, path, "interpretation", FALSE);
      group->sources = json_object_has_member (object, "sources")
                       ? _mbc_pack_get_sources (l, object, path) : g_new0 (const char *, 1);
      g_ptr_array_add (l->self->groups, group);
    }
}

static void
loader_load_findings (Loader     *l,
                      JsonObject *root)
{
  static const char * const keys[] = {
    "id", "group", "title", "unknown_when", "met_when", "text", "interpretation", "sources",
    "not_met_indicator", NULL
  };
  static const char * const text_keys[] = { "met", "not_met", "unknown", NULL };
  JsonArray *array = _mbc_pack_get_array (l, root, "$", "findings", TRUE);

  if (array == NULL)
    return;
  /* Ids first, so that a condition reading a later finding is reported as such. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *id = JSON_NODE_HOLDS_OBJECT (node) ?
                     json_object_get_member (json_node_get_object (node), "id") : NULL;
      if (id && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
          !g_hash_table_contains (l->finding_ids, json_node_get_string (id)))
        g_hash_table_insert (l->finding_ids, (gpointer) json_node_get_string (id),
                             GUINT_TO_POINTER (i + 1));
    }
  l->scope = SCOPE_FINDING;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.findings", i);
      g_autofree char *text_path = mbc_json_path_member (path, "text");
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (array, i), path);
      JsonObject *text;
      MbcFinding *finding;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, keys);
      finding = g_new0 (MbcFinding, 1);
      finding->id = _mbc_pack_get_id (l, object, path, NULL);
      if (finding->id &&
          GPOINTER_TO_UINT (g_hash_table_lookup (l->finding_ids, finding->id)) != i + 1)
        {
          g_autofree char *where = mbc_json_path_member (path, "id");
          mbc_problems_add (l->problems, where, _("\"%s\" is defined twice; ids must be unique"),
                            finding->id);
        }
      finding->group = _mbc_pack_get_string (l, object, path, "group", TRUE);
      if (finding->group && !g_hash_table_contains (l->group_ids, finding->group))
        {
          g_autofree char *where = mbc_json_path_member (path, "group");
          mbc_problems_add (l->problems, where, _("\"%s\" is not the id of any group in this pack"),
                            finding->group);
        }
      finding->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      finding->interpretation = _mbc_pack_get_string (l, object, path, "interpretation", FALSE);
      /* How a "not met" is shown: critical (the default) where it weighs against surgery,
       * info where it alone decides nothing (one of alternatives, a supporting factor). */
      finding->not_met_indicator =
        json_object_has_member (object, "not_met_indicator")
        ? _mbc_pack_get_choice (l, object, path, "not_met_indicator", indicators) : "critical";
      finding->sources = _mbc_pack_get_sources (l, object, path);
      _mbc_pack_check_basis (l, path, finding->sources, finding->interpretation);
      l->findings_visible = i;
      l->fields_read = g_ptr_array_new ();
      finding->unknown_when = _mbc_pack_get_condition (l, object, path, "unknown_when", TRUE);
      finding->met_when = _mbc_pack_get_condition (l, object, path, "met_when", TRUE);
      g_ptr_array_add (l->fields_read, NULL);
      finding->fields = (const char **) g_ptr_array_free (l->fields_read, FALSE);
      l->fields_read = NULL;
      text = _mbc_pack_get_object (l, object, path, "text", TRUE);
      if (text != NULL)
        {
          _mbc_pack_check_keys (l, text, text_path, text_keys);
          finding->text[MBC_FINDING_MET] = _mbc_pack_get_string (l, text, text_path, "met", TRUE);
          finding->text[MBC_FINDING_NOT_MET] =
            _mbc_pack_get_string (l, text, text_path, "not_met", TRUE);
          finding->text[MBC_FINDING_UNKNOWN] =
            _mbc_pack_get_string (l, text, text_path, "unknown", TRUE);
        }
      g_ptr_array_add (l->self->findings, finding);
    }
}

static GPtrArray *
loader_load_field_conditions (Loader     *l,
                              JsonObject *object,
                              const char *path,
                              const char *key)
{
  static const char * const keys[] = { "field", "when", NULL };
  JsonArray *array = _mbc_pack_get_array (l, object, path, key, FALSE);
  g_autofree char *list_path = mbc_json_path_member (path, key);
  GPtrArray *conditions = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = mbc_json_path_index (list_path, i);
      JsonObject *o = _mbc_pack_as_object (l, json_array_get_element (array, i), item_path);
      MbcFieldCondition *condition;
      int field;

      if (o == NULL)
        continue;
      _mbc_pack_check_keys (l, o, item_path, keys);
      condition = g_new0 (MbcFieldCondition, 1);
      condition->field = _mbc_pack_get_string (l, o, item_path, "field", TRUE);
      field = condition->field ? mbc_case_field_from_name (condition->field) : 0;
      if (field < 0 || field == MBC_CASE_FIELD_LABEL)
        {
          g_autofree char *where = mbc_json_path_member (item_path, "field");
          mbc_problems_add (l->problems, where, _("\"%s\" is not a case field"), condition->field);
        }
      condition->when = _mbc_pack_get_condition (l, o, item_path, "when", TRUE);
      g_ptr_array_add (conditions, condition);
    }
  return conditions;
}

static GPtrArray *
loader_load_strength (Loader     *l,
                      JsonObject *object,
                      const char *path)
{
  static const char * const keys[] = { "value", "when", "summary", "detail", "sources", NULL };
  JsonArray *array = _mbc_pack_get_array (l, object, path, "strength", FALSE);
  g_autofree char *list_path = mbc_json_path_member (path, "strength");
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) loader_strength_free);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = mbc_json_path_index (list_path, i);
      JsonObject *o = _mbc_pack_as_object (l, json_array_get_element (array, i), item_path);
      MbcStrength *strength;

      if (o == NULL)
        continue;
      _mbc_pack_check_keys (l, o, item_path, keys);
      strength = g_new0 (MbcStrength, 1);
      strength->value = _mbc_pack_get_choice (l, o, item_path, "value", strengths);
      strength->when = _mbc_pack_get_condition (l, o, item_path, "when", TRUE);
      strength->summary = _mbc_pack_get_string (l, o, item_path, "summary", TRUE);
      strength->detail = _mbc_pack_get_string (l, o, item_path, "detail", FALSE);
      strength->sources = _mbc_pack_get_sources (l, o, item_path);
      g_ptr_array_add (list, strength);
      if (i + 1 == n && strength->when && !_mbc_pack_is_literal_true (strength->when))
        mbc_problems_add (l->problems, item_path,
                          _("the last strength must have \"when\": true, so a strength is always "
                          "chosen"));
    }
  return list;
}

static GPtrArray *
loader_load_headings (Loader     *l,
                      JsonObject *object,
                      const char *path)
{
  static const char * const keys[] = { "text", "when", NULL };
  JsonArray *array = _mbc_pack_get_array (l, object, path, "headings", FALSE);
  g_autofree char *list_path = mbc_json_path_member (path, "headings");
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = mbc_json_path_index (list_path, i);
      JsonObject *o = _mbc_pack_as_object (l, json_array_get_element (array, i), item_path);
      MbcHeading *heading;

      if (o == NULL)
        continue;
      _mbc_pack_check_keys (l, o, item_path, keys);
      heading = g_new0 (MbcHeading, 1);
      heading->text = _mbc_pack_get_string (l, o, item_path, "text", TRUE);
      heading->when = _mbc_pack_get_condition (l, o, item_path, "when", TRUE);
      g_ptr_array_add (list, heading);
    }
  return list;
}

/* Cautions read what plan items read: the case, the findings and the decision. */
static void
loader_load_cautions (Loader     *l,
                      JsonObject *decision)
{
  static const char * const keys[] = { "id", "when", "text", "interpretation", "sources", NULL };
  JsonArray *array = _mbc_pack_get_array (l, decision, "$.decision", "cautions", FALSE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  Scope scope = l->scope;

  l->scope = SCOPE_PLAN;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.decision.cautions", i);
      JsonObject *o = _mbc_pack_as_object (l, json_array_get_element (array, i), path);
      MbcCaution *caution;

      if (o == NULL)
        continue;
      _mbc_pack_check_keys (l, o, path, keys);
      caution = g_new0 (MbcCaution, 1);
      caution->id = _mbc_pack_get_id (l, o, path, ids);
      caution->when = _mbc_pack_get_condition (l, o, path, "when", TRUE);
      caution->text = _mbc_pack_get_string (l, o, path, "text", TRUE);
      caution->interpretation = _mbc_pack_get_string (l, o, path, "interpretation", FALSE);
      caution->sources = _mbc_pack_get_sources (l, o, path);
      _mbc_pack_check_basis (l, path, caution->sources, caution->interpretation);
      g_ptr_array_add (l->self->cautions, caution);
    }
  l->scope = scope;
}

static void
loader_load_decision (Loader     *l,
                      JsonObject *root)
{
  static const char * const keys[] = { "hit_policy", "rules", "tallies", "cautions", NULL };
  static const char * const rule_keys[] = {
    "id", "when", "tier", "heading", "headings", "indicator", "summary", "detail", "interpretation",
    "sources", "missing", "confirm", "strength", NULL
  };
  static const char * const tally_keys[] = { "id", "title", "findings", NULL };
  static const char * const policies[] = { "first", NULL };
  JsonObject *decision = _mbc_pack_get_object (l, root, "$", "decision", TRUE);
  g_autoptr(GHashTable) rule_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tally_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *rules, *tallies;
  gboolean always_fired = FALSE;
  guint n;

  if (decision == NULL)
    return;
  _mbc_pack_check_keys (l, decision, "$.decision", keys);
  _mbc_pack_get_choice (l, decision, "$.decision", "hit_policy", policies);
  l->scope = SCOPE_DECISION;

  rules = _mbc_pack_get_array (l, decision, "$.decision", "rules", TRUE);
  n = rules ? json_array_get_length (rules) : 0;
  if (rules != NULL && n == 0)
    mbc_problems_add (l->problems, "$.decision.rules", _("the decision table has no rule"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.decision.rules", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (rules, i), path);
      MbcRule *rule;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, rule_keys);
      rule = g_new0 (MbcRule, 1);
      rule->id = _mbc_pack_get_id (l, object, path, rule_ids);
      rule->when = _mbc_pack_get_condition (l, object, path, "when", TRUE);
      rule->tier = _mbc_pack_get_choice (l, object, path, "tier", mbc_tier_names ());
      rule->indicator = _mbc_pack_get_choice (l, object, path, "indicator", indicators);
      rule->summary = _mbc_pack_get_string (l, object, path, "summary", TRUE);
      rule->detail = _mbc_pack_get_string (l, object, path, "detail", TRUE);
      rule->interpretation = _mbc_pack_get_string (l, object, path, "interpretation", FALSE);
      rule->heading = _mbc_pack_get_string (l, object, path, "heading", FALSE);
      rule->headings = loader_load_headings (l, object, path);
      rule->sources = _mbc_pack_get_sources (l, object, path);
      _mbc_pack_check_basis (l, path, rule->sources, rule->interpretation);
      rule->missing = loader_load_field_conditions (l, object, path, "missing");
      rule->confirm = loader_load_field_conditions (l, object, path, "confirm");
      rule->strength = loader_load_strength (l, object, path);
      g_ptr_array_add (l->self->rules, rule);

      if (always_fired)
        mbc_problems_add (l->problems, path,
                          _("is never reached: an earlier rule has \"when\": true and "
                            "always fires"));
      always_fired = always_fired || _mbc_pack_is_literal_true (rule->when);

      if (rule->tier == NULL)
        continue;
      if (strcmp (rule->tier, "indeterminate") == 0 && rule->missing->len == 0)
        mbc_problems_add (l->problems, path,
                          _("an indeterminate rule must list the fields it is \"missing\""));
      if (strcmp (rule->tier, "indeterminate") != 0 && json_object_has_member (object, "missing"))
        {
          g_autofree char *where = mbc_json_path_member (path, "missing");
          mbc_problems_add (l->problems, where,
                            _("only an indeterminate rule lists missing fields"));
        }
      if (strcmp (rule->tier, "recommended") != 0)
        {
          static const char * const only_recommended[] = { "confirm", "strength" };
          for (guint k = 0; k < G_N_ELEMENTS (only_recommended); k++)
            if (json_object_has_member (object, only_recommended[k]))
              {
                g_autofree char *where = mbc_json_path_member (path, only_recommended[k]);
                mbc_problems_add (l->problems, where, _("only a recommended rule has this key"));
              }
        }
      else if (rule->strength->len == 0)
        {
          g_autofree char *where = mbc_json_path_member (path, "strength");
          mbc_problems_add (l->problems, where,
                            _("a recommended rule must say how its strength is chosen"));
        }
    }
  if (n > 0 && !always_fired)
    mbc_problems_add (l->problems, "$.decision.rules",
                      _("the table can fall through without a rule firing: the last rule must "
                      "have \"when\": true"));

  tallies = _mbc_pack_get_array (l, decision, "$.decision", "tallies", FALSE);
  for (guint i = 0; tallies && i < json_array_get_length (tallies); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.decision.tallies", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (tallies, i), path);
      MbcTally *tally;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, tally_keys);
      tally = g_new0 (MbcTally, 1);
      tally->id = _mbc_pack_get_id (l, object, path, tally_ids);
      tally->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      tally->findings = _mbc_pack_get_refs (l, object, path, "findings", TRUE, l->finding_ids,
                                            "finding");
      for (guint k = 0; tally->findings[k]; k++)
        g_hash_table_add (l->used_findings, (gpointer) tally->findings[k]);
      g_ptr_array_add (l->self->tallies, tally);
    }

  loader_load_cautions (l, decision);

  /* A finding no rule reads is most likely a mistake in the table. */
  for (guint i = 0; i < l->self->findings->len; i++)
    {
      MbcFinding *finding = g_ptr_array_index (l->self->findings, i);
      if (finding->id && !g_hash_table_contains (l->used_findings, finding->id))
        {
          g_autofree char *path = mbc_json_path_index ("$.findings", i);
          mbc_problems_add (l->problems, path,
                            _("finding \"%s\" is never used by the decision table (its rules, "
                            "their missing, confirm and strength conditions, or its tallies)"),
                            finding->id);
        }
    }
}

static void
loader_load_options (Loader     *l,
                     JsonObject *root)
{
  static const char * const keys[] = { "id", "title", NULL };
  JsonArray *array = _mbc_pack_get_array (l, root, "$", "options", TRUE);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.options", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (array, i), path);
      MbcOption *option;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, keys);
      option = g_new0 (MbcOption, 1);
      option->id = _mbc_pack_get_id (l, object, path, l->option_ids);
      option->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      g_ptr_array_add (l->self->options, option);
    }
}

static void
loader_load_plan (Loader     *l,
                  JsonObject *root)
{
  static const char * const keys[] = { "sections", "items", NULL };
  static const char * const section_keys[] = { "id", "title", NULL };
  static const char * const item_keys[] = {
    "id", "section", "when", "indicator", "summary", "detail", "sources", "options",
    "axillary_evaluation", NULL
  };
  JsonObject *plan = _mbc_pack_get_object (l, root, "$", "plan", TRUE);
  g_autoptr(GHashTable) item_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *sections, *items;

  if (plan == NULL)
    return;
  _mbc_pack_check_keys (l, plan, "$.plan", keys);
  l->scope = SCOPE_PLAN;

  sections = _mbc_pack_get_array (l, plan, "$.plan", "sections", TRUE);
  for (guint i = 0; sections && i < json_array_get_length (sections); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.plan.sections", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (sections, i), path);
      MbcPlanSection *section;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, section_keys);
      section = g_new0 (MbcPlanSection, 1);
      section->id = _mbc_pack_get_id (l, object, path, l->section_ids);
      section->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      g_ptr_array_add (l->self->sections, section);
    }

  items = _mbc_pack_get_array (l, plan, "$.plan", "items", TRUE);
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.plan.items", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (items, i), path);
      MbcPlanItem *item;
      JsonNode *axilla;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, item_keys);
      item = g_new0 (MbcPlanItem, 1);
      item->id = _mbc_pack_get_id (l, object, path, item_ids);
      item->section = _mbc_pack_get_string (l, object, path, "section", TRUE);
      if (item->section && !g_hash_table_contains (l->section_ids, item->section))
        {
          g_autofree char *where = mbc_json_path_member (path, "section");
          mbc_problems_add (l->problems, where, _("\"%s\" is not the id of any plan section"),
                            item->section);
        }
      item->when = _mbc_pack_get_condition (l, object, path, "when", TRUE);
      item->indicator = _mbc_pack_get_choice (l, object, path, "indicator", indicators);
      item->summary = _mbc_pack_get_string (l, object, path, "summary", TRUE);
      item->detail = _mbc_pack_get_string (l, object, path, "detail", TRUE);
      item->sources = _mbc_pack_get_sources (l, object, path);
      _mbc_pack_check_basis (l, path, item->sources, NULL);
      item->options = _mbc_pack_get_refs (l, object, path, "options", FALSE, l->option_ids,
                                          "option");
      axilla = _mbc_pack_member (l, object, path, "axillary_evaluation", FALSE);
      if (axilla != NULL)
        {
          if (!JSON_NODE_HOLDS_VALUE (axilla) ||
              json_node_get_value_type (axilla) != G_TYPE_BOOLEAN)
            {
              g_autofree char *where = mbc_json_path_member (path, "axillary_evaluation");
              mbc_problems_add (l->problems, where, _("must be true or false; got %s"),
                                mbc_json_type_name (axilla));
            }
          else
            item->axillary_evaluation = json_node_get_boolean (axilla);
        }
      g_ptr_array_add (l->self->plan_items, item);
    }
}

static void
loader_load_evidence (Loader     *l,
                      JsonObject *root)
{
  static const char * const keys[] = {
    "title", "as_of", "reviewed", "line", "summary", "note", "items", NULL
  };
  static const char * const item_keys[] = { "id", "title", "citation", "text", NULL };
  JsonObject *evidence = _mbc_pack_get_object (l, root, "$", "evidence_since", TRUE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  MbcEvidence *e = &l->self->evidence;
  JsonArray *items;

  if (evidence == NULL)
    return;
  _mbc_pack_check_keys (l, evidence, "$.evidence_since", keys);
  e->title = _mbc_pack_get_string (l, evidence, "$.evidence_since", "title", TRUE);
  e->as_of = _mbc_pack_get_string (l, evidence, "$.evidence_since", "as_of", TRUE);
  e->reviewed = _mbc_pack_get_string (l, evidence, "$.evidence_since", "reviewed", FALSE);
  e->line = _mbc_pack_get_string (l, evidence, "$.evidence_since", "line", TRUE);
  e->summary = _mbc_pack_get_string (l, evidence, "$.evidence_since", "summary", TRUE);
  e->note = _mbc_pack_get_string (l, evidence, "$.evidence_since", "note", FALSE);
  items = _mbc_pack_get_array (l, evidence, "$.evidence_since", "items", TRUE);
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.evidence_since.items", i);
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (items, i), path);
      MbcEvidenceItem *item;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, item_keys);
      item = g_new0 (MbcEvidenceItem, 1);
      item->id = _mbc_pack_get_id (l, object, path, ids);
      item->title = _mbc_pack_get_string (l, object, path, "title", TRUE);
      item->citation = _mbc_pack_get_string (l, object, path, "citation", FALSE);
      item->text = _mbc_pack_get_string (l, object, path, "text", TRUE);
      g_ptr_array_add (e->items, item);
    }
}

/* The pack's own tests: each case must be a valid case, and what it expects must name
 * the pack's tiers, strengths, rules, findings and the case's fields. */
static void
loader_load_tests (Loader     *l,
                   JsonObject *root)
{
  static const char * const keys[] = { "name", "case", "expect", NULL };
  static const char * const expect_keys[] = {
    "tier", "strength", "rule", "findings", "missing", "confirm", "heading", NULL
  };
  JsonArray *array = _mbc_pack_get_array (l, root, "$", "tests", FALSE);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rule_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (array == NULL)
    return;
  for (guint i = 0; i < l->self->rules->len; i++)
    {
      const MbcRule *rule = g_ptr_array_index (l->self->rules, i);
      if (rule->id)
        g_hash_table_add (rule_ids, (gpointer) rule->id);
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.tests", i);
      g_autofree char *case_path = mbc_json_path_member (path, "case");
      g_autofree char *expect_path = mbc_json_path_member (path, "expect");
      JsonObject *object = _mbc_pack_as_object (l, json_array_get_element (array, i), path);
      JsonObject *kase, *expect;
      MbcPackTest *test;

      if (object == NULL)
        continue;
      _mbc_pack_check_keys (l, object, path, keys);
      test = g_new0 (MbcPackTest, 1);
      g_ptr_array_add (l->self->tests, test);
      test->name = _mbc_pack_get_string (l, object, path, "name", TRUE);
      if (test->name && !g_hash_table_add (names, (gpointer) test->name))
        {
          g_autofree char *where = mbc_json_path_member (path, "name");
          mbc_problems_add (l->problems, where, _("another test has the name \"%s\""),
                            test->name);
        }

      kase = _mbc_pack_get_object (l, object, path, "case", TRUE);
      if (kase != NULL)
        {
          /* A case file's members; "schema" may be left out. */
          g_autoptr(JsonNode) node = json_node_copy (json_object_get_member (object, "case"));
          g_autoptr(GPtrArray) problems = mbc_problems_new ();

          if (!json_object_has_member (json_node_get_object (node), "schema"))
            json_object_set_string_member (json_node_get_object (node), "schema",
                                           MBC_CASE_SCHEMA);
          test->kase = (GObject *) mbc_case_new_from_json (node, problems);
          for (guint k = 0; k < problems->len; k++)
            {
              const MbcProblem *problem = g_ptr_array_index (problems, k);
              g_autofree char *where = strcmp (problem->where, "$") == 0
                                       ? g_strdup (case_path)
                                       : mbc_json_path_member (case_path, problem->where);
              mbc_problems_add (l->problems, where, "%s", problem->message);
            }
        }

      expect = _mbc_pack_get_object (l, object, path, "expect", TRUE);
      if (expect == NULL)
        continue;
      _mbc_pack_check_keys (l, expect, expect_path, expect_keys);
      test->tier = _mbc_pack_get_choice (l, expect, expect_path, "tier", mbc_tier_names ());
      if (json_object_has_member (expect, "strength"))
        {
          test->has_strength = TRUE;
          if (!JSON_NODE_HOLDS_NULL (json_object_get_member (expect, "strength")))
            test->strength = _mbc_pack_get_choice (l, expect, expect_path, "strength", strengths);
        }
      test->rule = _mbc_pack_get_string (l, expect, expect_path, "rule", FALSE);
      if (test->rule && !g_hash_table_contains (rule_ids, test->rule))
        {
          g_autofree char *where = mbc_json_path_member (expect_path, "rule");
          mbc_problems_add (l->problems, where, _("\"%s\" is not a decision rule of this pack"),
                            test->rule);
        }
      test->findings = _mbc_pack_get_object (l, expect, expect_path, "findings", FALSE);
      if (test->findings)
        {
          g_autofree char *findings_path = mbc_json_path_member (expect_path, "findings");
          g_autoptr(GList) members = json_object_get_members (test->findings);

          for (GList *m = members; m; m = m->next)
            {
              static const char * const statuses[] = { "met", "not_met", "unknown", NULL };
              g_autofree char *where = mbc_json_path_member (findings_path, m->data);
              JsonNode *value = json_object_get_member (test->findings, m->data);

              if (!g_hash_table_contains (l->finding_ids, m->data))
                mbc_problems_add (l->problems, where, _("is not a finding of this pack"));
              else if (!JSON_NODE_HOLDS_VALUE (value) ||
                       json_node_get_value_type (value) != G_TYPE_STRING ||
                       !_mbc_pack_in_list (statuses, json_node_get_string (value)))
                mbc_problems_add (l->problems, where, _("must be met, not_met or unknown"));
            }
        }
      /* The fields listed as missing, and those to confirm: case fields. */
      for (guint list = 0; list < 2; list++)
        {
          const char *key = list == 0 ? "missing" : "confirm";
          const char **fields;

          if (!json_object_has_member (expect, key))
            continue;
          fields = _mbc_pack_get_refs (l, expect, expect_path, key, FALSE, NULL, "field");
          for (guint k = 0; fields && fields[k]; k++)
            if (mbc_case_field_from_name (fields[k]) < 0)
              {
                g_autofree char *list_path = mbc_json_path_member (expect_path, key);
                g_autofree char *where = mbc_json_path_index (list_path, k);
                mbc_problems_add (l->problems, where, _("\"%s\" is not a case field"),
                                  fields[k]);
              }
          if (list == 0)
            test->missing = fields;
          else
            test->confirm = fields;
        }
      test->heading = _mbc_pack_get_string (l, expect, expect_path, "heading", FALSE);
    }
}

/* The words of each tier, and of the polls: the pack's, never the application's. */
static void
loader_load_presentation (Loader     *l,
                          JsonObject *root)
{
  static const char * const tier_keys[] = { "title", "heading", NULL };
  static const char * const poll_keys[] = { "title", "description", "series", NULL };
  JsonObject *object = _mbc_pack_get_object (l, root, "$", "tiers", TRUE);
  MbcPolls *polls = &l->self->polls;

  if (object != NULL)
    {
      _mbc_pack_check_keys (l, object, "$.tiers", mbc_tier_names ());
      for (guint t = 0; mbc_tier_names ()[t]; t++)
        {
          const char *name = mbc_tier_names ()[t];
          g_autofree char *path = mbc_json_path_member ("$.tiers", name);
          JsonObject *text = _mbc_pack_get_object (l, object, "$.tiers", name, TRUE);

          if (text == NULL)
            continue;
          _mbc_pack_check_keys (l, text, path, tier_keys);
          l->self->tier_texts[t].title = _mbc_pack_get_string (l, text, path, "title", TRUE);
          l->self->tier_texts[t].heading = _mbc_pack_get_string (l, text, path, "heading", TRUE);
        }
    }
  object = _mbc_pack_get_object (l, root, "$", "polls", TRUE);
  if (object != NULL)
    {
      _mbc_pack_check_keys (l, object, "$.polls", poll_keys);
      polls->title = _mbc_pack_get_string (l, object, "$.polls", "title", TRUE);
      polls->description = _mbc_pack_get_string (l, object, "$.polls", "description", FALSE);
      polls->series = _mbc_pack_get_string (l, object, "$.polls", "series", TRUE);
    }
}

static const char **
loader_get_authors (Loader     *l,
                    JsonObject *root)
{
  const char **authors = _mbc_pack_get_refs (l, root, "$", "authors", TRUE, NULL, "author");
  if (authors[0] == NULL && json_object_has_member (root, "authors"))
    mbc_problems_add (l->problems, "$.authors", _("must name at least one author"));
  return authors;
}

/* Where thresholds are: the params and every condition (not the sources' percentages). */
static const char * const with_numbers[] = { "params", "findings", "decision", "plan" };

/* The bits of a double, mixed (MurmurHash3's finaliser): small decimal numbers share their
 * low bits, which g_int64_hash would make collide. */
static guint
loader_number_hash (gconstpointer key)
{
  guint64 x = *(const guint64 *) key;

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return (guint) x;
}

static void
loader_collect_numbers (JsonNode   *node,
                        GArray     *numbers,
                        GHashTable *seen)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));
      for (GList *m = members; m; m = m->next)
        loader_collect_numbers (m->data, numbers, seen);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        loader_collect_numbers (json_array_get_element (array, i), numbers, seen);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                                            json_node_get_value_type (node) == G_TYPE_DOUBLE))
    {
      /* Each distinct number once, in the order first met: looked up by its bits (-0 as 0;
       * JSON has no NaN), so a pack's numbers are collected in time linear in their count. */
      double v = json_node_get_double (node);
      gint64 bits;

      if (v == 0)
        v = 0;
      memcpy (&bits, &v, sizeof bits);
      if (g_hash_table_contains (seen, &bits))
        return;
      g_hash_table_add (seen, g_memdup2 (&bits, sizeof bits));
      g_array_append_val (numbers, v);
    }
}

void
_mbc_guideline_load (Loader   *l,
                     JsonNode *root_node)
{
  static const char * const keys[] = {
    "schema", "id", "version", "title", "short_title", "authors", "date", "status",
    "intended_use", "intended_users", "disclaimer", "tiers", "polls", "sources", "params",
    "groups", "findings", "decision", "options", "plan", "evidence_since", "tests", NULL
  };
  MbcGuideline *self = l->self;
  JsonObject *root = _mbc_pack_as_object (l, root_node, "$");
  g_autoptr(GHashTable) seen = NULL;
  const char *schema;

  if (root == NULL)
    return;
  _mbc_pack_check_keys (l, root, "$", keys);
  schema = _mbc_pack_get_string (l, root, "$", "schema", TRUE);
  if (schema && strcmp (schema, MBC_GUIDELINE_SCHEMA) != 0)
    mbc_problems_add (l->problems, "$.schema", _("must be \"%s\"; got \"%s\""),
                      MBC_GUIDELINE_SCHEMA, schema);
  self->id = _mbc_pack_get_id (l, root, "$", NULL);
  self->version = _mbc_pack_get_string (l, root, "$", "version", TRUE);
  self->title = _mbc_pack_get_string (l, root, "$", "title", TRUE);
  self->short_title = _mbc_pack_get_string (l, root, "$", "short_title", FALSE);
  self->authors = loader_get_authors (l, root);
  self->date = _mbc_pack_get_string (l, root, "$", "date", TRUE);
  self->status = _mbc_pack_get_string (l, root, "$", "status", TRUE);
  self->intended_use = _mbc_pack_get_string (l, root, "$", "intended_use", TRUE);
  self->intended_users = _mbc_pack_get_string (l, root, "$", "intended_users", TRUE);
  self->disclaimer = _mbc_pack_get_string (l, root, "$", "disclaimer", TRUE);

  loader_load_presentation (l, root);
  loader_load_sources (l, root);
  loader_load_params (l, root);
  loader_load_groups (l, root);
  loader_load_findings (l, root);
  loader_load_options (l, root);
  loader_load_decision (l, root);
  loader_load_plan (l, root);
  loader_load_evidence (l, root);
  loader_load_tests (l, root);
  seen = g_hash_table_new_full (loader_number_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (with_numbers); i++)
    if (json_object_has_member (root, with_numbers[i]))
      loader_collect_numbers (json_object_get_member (root, with_numbers[i]), self->numbers,
                              seen);
}

