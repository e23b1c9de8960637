/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcGuideline: a guideline pack, loaded and checked as a whole before anything uses it.
 * The code knows the format of a pack (docs/guideline-format.md), never its medicine:
 * thresholds, texts, findings and the decision table all come from the data.
 *
 * Loading reports every problem with its JSON path: unknown keys, missing or mistyped
 * values, unknown operators, reads of data that does not exist, dangling source ids,
 * findings the decision table never uses, and a decision table that can fall through.
 */
#define G_LOG_DOMAIN "mbc-guideline"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-engine-resources.h"
#include "mbc-guideline.h"
#include "mbc-guideline-private.h"
#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-problem.h"
#include "mbc-tier.h"

struct _MbcGuideline
{
  GObject       parent_instance;

  JsonNode     *root;          /* every string below points into this tree */
  char         *sha256;
  const char   *id;
  const char   *version;
  const char   *title;
  const char   *short_title;
  const char  **authors;
  const char   *date;
  const char   *status;
  const char   *intended_use;
  const char   *intended_users;
  const char   *disclaimer;
  GPtrArray    *sources;       /* MbcSource */
  GHashTable   *source_by_id;
  GPtrArray    *params;        /* MbcParam */
  JsonNode     *params_node;   /* { name: value }, what rules read as "params" */
  GPtrArray    *groups;        /* MbcGroup */
  GPtrArray    *findings;      /* MbcFinding */
  GPtrArray    *rules;         /* MbcRule */
  GPtrArray    *tallies;       /* MbcTally */
  GPtrArray    *options;       /* MbcOption */
  GPtrArray    *sections;      /* MbcPlanSection */
  GPtrArray    *plan_items;    /* MbcPlanItem */
  MbcEvidence   evidence;
  MbcTierText   tier_texts[MBC_N_TIERS];
  MbcPolls      polls;
  GPtrArray    *tests;         /* MbcPackTest */
  GArray       *numbers;       /* double: every number of the conditions and params */
};

G_DEFINE_FINAL_TYPE (MbcGuideline, mbc_guideline, G_TYPE_OBJECT)

G_DEFINE_QUARK (mbc-guideline-error-quark, mbc_guideline_error)

/* A loaded guideline never changes: its properties are read-only and never notify. */
enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_DISCLAIMER,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  SCOPE_FINDING,   /* a finding's conditions: case, params, earlier findings */
  SCOPE_DECISION,  /* decision rules: case, params, findings */
  SCOPE_PLAN,      /* plan items: also decision.tier, decision.rule, decision.strength */
} Scope;

typedef struct
{
  MbcGuideline *self;
  GPtrArray    *problems;
  GHashTable   *finding_ids;   /* id -> index + 1 */
  GHashTable   *param_ids;
  GHashTable   *used_findings;
  GHashTable   *option_ids;
  GHashTable   *section_ids;
  GHashTable   *group_ids;
  Scope         scope;
  guint         findings_visible;
  GPtrArray    *fields_read;    /* case fields read by the finding being loaded */
} Loader;

static const char * const indicators[] = { "info", "warning", "critical", NULL };
static const char * const source_kinds[] = {
  "take_home_message", "poll", "question", "statement", "reference", NULL
};
static const char * const strengths[] = { "stronger", "standard", NULL };
static const char * const finding_statuses[] = { "unknown", "met", "not_met" };

const char *
mbc_finding_status_to_string (MbcFindingStatus status)
{
  g_return_val_if_fail (status <= MBC_FINDING_NOT_MET, NULL);
  return finding_statuses[status];
}

/* --- Struct lifetimes: only containers are owned; strings and nodes are the pack's ------- */

static void
source_free (MbcSource *source)
{
  g_clear_pointer (&source->options, g_ptr_array_unref);
  g_free (source);
}

static void
param_free (MbcParam *param)
{
  g_free (param->sources);
  g_free (param);
}

static void
finding_free (MbcFinding *finding)
{
  g_free (finding->sources);
  g_free (finding->fields);
  g_free (finding);
}

static void
strength_free (MbcStrength *strength)
{
  g_free (strength->sources);
  g_free (strength);
}

static void
rule_free (MbcRule *rule)
{
  g_free (rule->sources);
  g_clear_pointer (&rule->missing, g_ptr_array_unref);
  g_clear_pointer (&rule->confirm, g_ptr_array_unref);
  g_clear_pointer (&rule->strength, g_ptr_array_unref);
  g_free (rule);
}

static void
tally_free (MbcTally *tally)
{
  g_free (tally->findings);
  g_free (tally);
}

static void
group_free (MbcGroup *group)
{
  g_free (group->sources);
  g_free (group);
}

static void
pack_test_free (MbcPackTest *test)
{
  g_clear_object (&test->kase);
  g_free (test->missing);
  g_free (test);
}

static void
plan_item_free (MbcPlanItem *item)
{
  g_free (item->sources);
  g_free (item->options);
  g_free (item);
}

/* --- Reading helpers ----------------------------------------------------------------------- */

static char *
join_allowed (const char * const *allowed)
{
  return g_strjoinv (", ", (char **) allowed);
}

static gboolean
in_list (const char * const *list,
         const char         *value)
{
  for (guint i = 0; list[i]; i++)
    if (strcmp (list[i], value) == 0)
      return TRUE;
  return FALSE;
}

/* Reports every key of @object that is not in @allowed. */
static void
check_keys (Loader             *l,
            JsonObject         *object,
            const char         *path,
            const char * const *allowed)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!in_list (allowed, name))
      {
        g_autofree char *where = mbc_json_path_member (path, name);
        g_autofree char *list = join_allowed (allowed);
        mbc_problems_add (l->problems, where, _("unknown key; allowed keys here: %s"), list);
      }
}

static JsonNode *
member (Loader     *l,
        JsonObject *object,
        const char *path,
        const char *key,
        gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);
  if (node == NULL && required)
    {
      g_autofree char *where = mbc_json_path_member (path, key);
      mbc_problems_add (l->problems, where, _("is required"));
    }
  return node;
}

static const char *
get_string (Loader     *l,
            JsonObject *object,
            const char *path,
            const char *key,
            gboolean    required)
{
  JsonNode *node = member (l, object, path, key, required);
  const char *value;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *(value = json_node_get_string (node)) == '\0')
    {
      g_autofree char *where = mbc_json_path_member (path, key);
      gboolean empty = JSON_NODE_HOLDS_VALUE (node) &&
                       json_node_get_value_type (node) == G_TYPE_STRING;
      mbc_problems_add (l->problems, where, _("must be a non-empty string; got %s"),
                        empty ? "an empty string" : mbc_json_type_name (node));
      return NULL;
    }
  return value;
}

static const char *
get_choice (Loader             *l,
            JsonObject         *object,
            const char         *path,
            const char         *key,
            const char * const *allowed)
{
  const char *value = get_string (l, object, path, key, TRUE);

  if (value != NULL && !in_list (allowed, value))
    {
      g_autofree char *where = mbc_json_path_member (path, key);
      g_autofree char *list = join_allowed (allowed);
      mbc_problems_add (l->problems, where, _("\"%s\" is not allowed; allowed: %s"), value, list);
      return NULL;
    }
  return value;
}

static const char *
get_id (Loader     *l,
        JsonObject *object,
        const char *path,
        GHashTable *seen)
{
  const char *id = get_string (l, object, path, "id", TRUE);
  g_autofree char *where = mbc_json_path_member (path, "id");

  if (id == NULL)
    return NULL;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      {
        mbc_problems_add (l->problems, where,
                          _("\"%s\" is not a valid id; use letters, digits, '_' and '-'"), id);
        return NULL;
      }
  if (seen != NULL)
    {
      if (g_hash_table_contains (seen, id))
        {
          mbc_problems_add (l->problems, where, _("\"%s\" is defined twice; ids must be unique"), id);
          return NULL;
        }
      g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (g_hash_table_size (seen) + 1));
    }
  return id;
}

static JsonArray *
get_array (Loader     *l,
           JsonObject *object,
           const char *path,
           const char *key,
           gboolean    required)
{
  JsonNode *node = member (l, object, path, key, required);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = mbc_json_path_member (path, key);
      mbc_problems_add (l->problems, where, _("must be an array; got %s"),
                        mbc_json_type_name (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
as_object (Loader     *l,
           JsonNode   *node,
           const char *path)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mbc_problems_add (l->problems, path, _("must be an object; got %s"),
                        mbc_json_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonObject *
get_object (Loader     *l,
            JsonObject *object,
            const char *path,
            const char *key,
            gboolean    required)
{
  JsonNode *node = member (l, object, path, key, required);
  g_autofree char *where = NULL;

  if (node == NULL)
    return NULL;
  where = mbc_json_path_member (path, key);
  return as_object (l, node, where);
}

/* A list of ids, each checked against @known (with @what naming the kind in messages).
 * Returns a NULL-terminated array of borrowed strings. */
static const char **
get_refs (Loader     *l,
          JsonObject *object,
          const char *path,
          const char *key,
          gboolean    required,
          GHashTable *known,
          const char *what)
{
  JsonArray *array = get_array (l, object, path, key, required);
  g_autofree char *where = mbc_json_path_member (path, key);
  const char **refs;
  guint n;

  if (array == NULL)
    return g_new0 (const char *, 1);
  n = json_array_get_length (array);
  refs = g_new0 (const char *, n + 1);
  for (guint i = 0, k = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *at = mbc_json_path_index (where, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          mbc_problems_add (l->problems, at, _("must be the id of %s (a string); got %s"), what,
                            mbc_json_type_name (element));
          continue;
        }
      id = json_node_get_string (element);
      if (known != NULL && !g_hash_table_contains (known, id))
        {
          mbc_problems_add (l->problems, at, _("\"%s\" is not the id of any %s in this pack"), id,
                            what);
          continue;
        }
      refs[k++] = id;
    }
  return refs;
}

static const char **
get_sources (Loader     *l,
             JsonObject *object,
             const char *path)
{
  return get_refs (l, object, path, "sources", TRUE, l->self->source_by_id, "source");
}

/* Something shown as advice must rest on sources or say that it is our interpretation. */
static void
check_basis (Loader      *l,
             const char  *path,
             const char **sources,
             const char  *interpretation)
{
  if ((sources == NULL || sources[0] == NULL) && interpretation == NULL)
    {
      g_autofree char *where = mbc_json_path_member (path, "sources");
      mbc_problems_add (l->problems, where,
                        _("is empty and there is no \"interpretation\": say what this rests on"));
    }
}

static void
check_var (const char *name,
           const char *path,
           gpointer    user_data)
{
  Loader *l = user_data;
  g_auto(GStrv) parts = g_strsplit (name, ".", 3);
  const char *root = parts[0];
  const char *key = parts[1];

  if (strcmp (root, "case") == 0)
    {
      int field = key ? mbc_case_field_from_name (key) : 0;
      if (key != NULL && (field < 0 || field == MBC_CASE_FIELD_LABEL))
        mbc_problems_add (l->problems, path,
                          _("reads \"%s\", but \"%s\" is not a case field rules can read"), name, key);
      else if (key != NULL && l->fields_read != NULL)
        {
          const char *field_name = mbc_case_field_get_name (field);
          if (!g_ptr_array_find (l->fields_read, field_name, NULL))
            g_ptr_array_add (l->fields_read, (gpointer) field_name);
        }
    }
  else if (strcmp (root, "findings") == 0)
    {
      gpointer index = key ? g_hash_table_lookup (l->finding_ids, key) : NULL;
      if (key == NULL)
        return;
      if (index == NULL)
        mbc_problems_add (l->problems, path, _("reads \"%s\", but there is no finding \"%s\""),
                          name, key);
      else if (l->scope == SCOPE_FINDING && GPOINTER_TO_UINT (index) > l->findings_visible)
        mbc_problems_add (l->problems, path,
                          _("reads \"%s\", but a finding can only read findings listed before it"),
                          name);
      else if (l->scope == SCOPE_DECISION)
        {
          gpointer id = NULL;
          g_hash_table_lookup_extended (l->finding_ids, key, &id, NULL);
          g_hash_table_add (l->used_findings, id);
        }
    }
  else if (strcmp (root, "params") == 0)
    {
      if (key != NULL && !g_hash_table_contains (l->param_ids, key))
        mbc_problems_add (l->problems, path, _("reads \"%s\", but there is no param \"%s\""),
                          name, key);
    }
  else if (strcmp (root, "decision") == 0 && l->scope == SCOPE_PLAN)
    {
      static const char * const allowed[] = { "tier", "rule", "strength", NULL };
      if (key != NULL && !in_list (allowed, key))
        mbc_problems_add (l->problems, path,
                          _("reads \"%s\"; a plan item can read decision.tier, decision.rule and "
                          "decision.strength"), name);
    }
  else
    mbc_problems_add (l->problems, path,
                      _("reads \"%s\"; rules read case.*, findings.* and params.*%s"), name,
                      l->scope == SCOPE_PLAN ? " (and, in the plan, decision.*)" : "");
}

static JsonNode *
get_condition (Loader     *l,
               JsonObject *object,
               const char *path,
               const char *key,
               gboolean    required)
{
  JsonNode *node = member (l, object, path, key, required);
  g_autofree char *where = NULL;

  if (node == NULL)
    return NULL;
  where = mbc_json_path_member (path, key);
  mbc_json_logic_check (node, where, check_var, l, l->problems);
  return node;
}

static gboolean
is_literal_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* --- Sections of the pack ------------------------------------------------------------------ */

static void
load_sources (Loader     *l,
              JsonObject *root)
{
  static const char * const keys[] = {
    "id", "kind", "title", "text", "question", "options", "consensus", "note",
    "interpretation", NULL
  };
  JsonArray *array = get_array (l, root, "$", "sources", TRUE);

  if (array == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.sources", i);
      JsonObject *object = as_object (l, json_array_get_element (array, i), path);
      MbcSource *source;
      JsonArray *options;

      if (object == NULL)
        continue;
      check_keys (l, object, path, keys);
      source = g_new0 (MbcSource, 1);
      source->id = get_id (l, object, path, l->self->source_by_id);
      source->kind = get_choice (l, object, path, "kind", source_kinds);
      source->title = get_string (l, object, path, "title", TRUE);
      source->text = get_string (l, object, path, "text", TRUE);
      source->note = get_string (l, object, path, "note", FALSE);
      source->interpretation = get_string (l, object, path, "interpretation", FALSE);
      g_ptr_array_add (l->self->sources, source);
      if (source->id)
        g_hash_table_replace (l->self->source_by_id, (gpointer) source->id, source);

      if (source->kind == NULL)
        continue;
      if (strcmp (source->kind, "poll") == 0 || strcmp (source->kind, "question") == 0)
        {
          source->question = get_string (l, object, path, "question", TRUE);
          source->consensus = get_string (l, object, path, "consensus", TRUE);
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

      options = get_array (l, object, path, "options", TRUE);
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
              JsonObject *o = as_object (l, json_array_get_element (options, k), option_path);
              MbcPollOption *option;
              JsonNode *percent;

              if (o == NULL)
                continue;
              check_keys (l, o, option_path, option_keys);
              option = g_new0 (MbcPollOption, 1);
              option->label = get_string (l, o, option_path, "label", TRUE);
              percent = member (l, o, option_path, "percent", TRUE);
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
}

static void
load_params (Loader     *l,
             JsonObject *root)
{
  static const char * const keys[] = {
    "value", "unit", "title", "reason", "interpretation", "sources", NULL
  };
  JsonObject *params = get_object (l, root, "$", "params", TRUE);
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
      JsonObject *object = as_object (l, node, path);
      JsonNode *value;
      MbcParam *param;

      if (object == NULL)
        continue;
      check_keys (l, object, path, keys);
      param = g_new0 (MbcParam, 1);
      param->id = name;
      param->title = get_string (l, object, path, "title", TRUE);
      param->unit = get_string (l, object, path, "unit", FALSE);
      param->reason = get_string (l, object, path, "reason", TRUE);
      param->interpretation = get_string (l, object, path, "interpretation", FALSE);
      param->sources = get_sources (l, object, path);
      value = member (l, object, path, "value", TRUE);
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
      check_basis (l, path, param->sources, param->interpretation);
      g_hash_table_add (l->param_ids, (gpointer) name);
      g_ptr_array_add (l->self->params, param);
    }
}

static void
load_groups (Loader     *l,
             JsonObject *root)
{
  static const char * const keys[] = {
    "id", "title", "description", "interpretation", "sources", NULL
  };
  JsonArray *array = get_array (l, root, "$", "groups", TRUE);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.groups", i);
      JsonObject *object = as_object (l, json_array_get_element (array, i), path);
      MbcGroup *group;

      if (object == NULL)
        continue;
      check_keys (l, object, path, keys);
      group = g_new0 (MbcGroup, 1);
      group->id = get_id (l, object, path, l->group_ids);
      group->title = get_string (l, object, path, "title", TRUE);
      group->description = get_string (l, object, path, "description", FALSE);
      group->interpretation = get_string (l, object, path, "interpretation", FALSE);
      group->sources = json_object_has_member (object, "sources")
                       ? get_sources (l, object, path) : g_new0 (const char *, 1);
      g_ptr_array_add (l->self->groups, group);
    }
}

static void
load_findings (Loader     *l,
               JsonObject *root)
{
  static const char * const keys[] = {
    "id", "group", "title", "unknown_when", "met_when", "text", "interpretation", "sources", NULL
  };
  static const char * const text_keys[] = { "met", "not_met", "unknown", NULL };
  JsonArray *array = get_array (l, root, "$", "findings", TRUE);

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
      JsonObject *object = as_object (l, json_array_get_element (array, i), path);
      JsonObject *text;
      MbcFinding *finding;

      if (object == NULL)
        continue;
      check_keys (l, object, path, keys);
      finding = g_new0 (MbcFinding, 1);
      finding->id = get_id (l, object, path, NULL);
      if (finding->id &&
          GPOINTER_TO_UINT (g_hash_table_lookup (l->finding_ids, finding->id)) != i + 1)
        {
          g_autofree char *where = mbc_json_path_member (path, "id");
          mbc_problems_add (l->problems, where, _("\"%s\" is defined twice; ids must be unique"),
                            finding->id);
        }
      finding->group = get_string (l, object, path, "group", TRUE);
      if (finding->group && !g_hash_table_contains (l->group_ids, finding->group))
        {
          g_autofree char *where = mbc_json_path_member (path, "group");
          mbc_problems_add (l->problems, where, _("\"%s\" is not the id of any group in this pack"),
                            finding->group);
        }
      finding->title = get_string (l, object, path, "title", TRUE);
      finding->interpretation = get_string (l, object, path, "interpretation", FALSE);
      finding->sources = get_sources (l, object, path);
      check_basis (l, path, finding->sources, finding->interpretation);
      l->findings_visible = i;
      l->fields_read = g_ptr_array_new ();
      finding->unknown_when = get_condition (l, object, path, "unknown_when", TRUE);
      finding->met_when = get_condition (l, object, path, "met_when", TRUE);
      g_ptr_array_add (l->fields_read, NULL);
      finding->fields = (const char **) g_ptr_array_free (l->fields_read, FALSE);
      l->fields_read = NULL;
      text = get_object (l, object, path, "text", TRUE);
      if (text != NULL)
        {
          check_keys (l, text, text_path, text_keys);
          finding->text[MBC_FINDING_MET] = get_string (l, text, text_path, "met", TRUE);
          finding->text[MBC_FINDING_NOT_MET] = get_string (l, text, text_path, "not_met", TRUE);
          finding->text[MBC_FINDING_UNKNOWN] = get_string (l, text, text_path, "unknown", TRUE);
        }
      g_ptr_array_add (l->self->findings, finding);
    }
}

static GPtrArray *
load_field_conditions (Loader     *l,
                       JsonObject *object,
                       const char *path,
                       const char *key)
{
  static const char * const keys[] = { "field", "when", NULL };
  JsonArray *array = get_array (l, object, path, key, FALSE);
  g_autofree char *list_path = mbc_json_path_member (path, key);
  GPtrArray *conditions = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = mbc_json_path_index (list_path, i);
      JsonObject *o = as_object (l, json_array_get_element (array, i), item_path);
      MbcFieldCondition *condition;
      int field;

      if (o == NULL)
        continue;
      check_keys (l, o, item_path, keys);
      condition = g_new0 (MbcFieldCondition, 1);
      condition->field = get_string (l, o, item_path, "field", TRUE);
      field = condition->field ? mbc_case_field_from_name (condition->field) : 0;
      if (field < 0 || field == MBC_CASE_FIELD_LABEL)
        {
          g_autofree char *where = mbc_json_path_member (item_path, "field");
          mbc_problems_add (l->problems, where, _("\"%s\" is not a case field"), condition->field);
        }
      condition->when = get_condition (l, o, item_path, "when", TRUE);
      g_ptr_array_add (conditions, condition);
    }
  return conditions;
}

static GPtrArray *
load_strength (Loader     *l,
               JsonObject *object,
               const char *path)
{
  static const char * const keys[] = { "value", "when", "summary", "detail", "sources", NULL };
  JsonArray *array = get_array (l, object, path, "strength", FALSE);
  g_autofree char *list_path = mbc_json_path_member (path, "strength");
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) strength_free);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = mbc_json_path_index (list_path, i);
      JsonObject *o = as_object (l, json_array_get_element (array, i), item_path);
      MbcStrength *strength;

      if (o == NULL)
        continue;
      check_keys (l, o, item_path, keys);
      strength = g_new0 (MbcStrength, 1);
      strength->value = get_choice (l, o, item_path, "value", strengths);
      strength->when = get_condition (l, o, item_path, "when", TRUE);
      strength->summary = get_string (l, o, item_path, "summary", TRUE);
      strength->detail = get_string (l, o, item_path, "detail", FALSE);
      strength->sources = get_sources (l, o, item_path);
      g_ptr_array_add (list, strength);
      if (i + 1 == n && strength->when && !is_literal_true (strength->when))
        mbc_problems_add (l->problems, item_path,
                          _("the last strength must have \"when\": true, so a strength is always "
                          "chosen"));
    }
  return list;
}

static void
load_decision (Loader     *l,
               JsonObject *root)
{
  static const char * const keys[] = { "hit_policy", "rules", "tallies", NULL };
  static const char * const rule_keys[] = {
    "id", "when", "tier", "heading", "indicator", "summary", "detail", "interpretation",
    "sources", "missing", "confirm", "strength", NULL
  };
  static const char * const tally_keys[] = { "id", "title", "findings", NULL };
  static const char * const policies[] = { "first", NULL };
  JsonObject *decision = get_object (l, root, "$", "decision", TRUE);
  g_autoptr(GHashTable) rule_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tally_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *rules, *tallies;
  gboolean always_fired = FALSE;
  guint n;

  if (decision == NULL)
    return;
  check_keys (l, decision, "$.decision", keys);
  get_choice (l, decision, "$.decision", "hit_policy", policies);
  l->scope = SCOPE_DECISION;

  rules = get_array (l, decision, "$.decision", "rules", TRUE);
  n = rules ? json_array_get_length (rules) : 0;
  if (rules != NULL && n == 0)
    mbc_problems_add (l->problems, "$.decision.rules", _("the decision table has no rule"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.decision.rules", i);
      JsonObject *object = as_object (l, json_array_get_element (rules, i), path);
      MbcRule *rule;

      if (object == NULL)
        continue;
      check_keys (l, object, path, rule_keys);
      rule = g_new0 (MbcRule, 1);
      rule->id = get_id (l, object, path, rule_ids);
      rule->when = get_condition (l, object, path, "when", TRUE);
      rule->tier = get_choice (l, object, path, "tier", mbc_tier_names ());
      rule->indicator = get_choice (l, object, path, "indicator", indicators);
      rule->summary = get_string (l, object, path, "summary", TRUE);
      rule->detail = get_string (l, object, path, "detail", TRUE);
      rule->interpretation = get_string (l, object, path, "interpretation", FALSE);
      rule->heading = get_string (l, object, path, "heading", FALSE);
      rule->sources = get_sources (l, object, path);
      check_basis (l, path, rule->sources, rule->interpretation);
      rule->missing = load_field_conditions (l, object, path, "missing");
      rule->confirm = load_field_conditions (l, object, path, "confirm");
      rule->strength = load_strength (l, object, path);
      g_ptr_array_add (l->self->rules, rule);

      if (always_fired)
        mbc_problems_add (l->problems, path,
                          _("is never reached: an earlier rule has \"when\": true and always fires"));
      always_fired = always_fired || is_literal_true (rule->when);

      if (rule->tier == NULL)
        continue;
      if (strcmp (rule->tier, "indeterminate") == 0 && rule->missing->len == 0)
        mbc_problems_add (l->problems, path,
                          _("an indeterminate rule must list the fields it is \"missing\""));
      if (strcmp (rule->tier, "indeterminate") != 0 && json_object_has_member (object, "missing"))
        {
          g_autofree char *where = mbc_json_path_member (path, "missing");
          mbc_problems_add (l->problems, where, _("only an indeterminate rule lists missing fields"));
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

  tallies = get_array (l, decision, "$.decision", "tallies", FALSE);
  for (guint i = 0; tallies && i < json_array_get_length (tallies); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.decision.tallies", i);
      JsonObject *object = as_object (l, json_array_get_element (tallies, i), path);
      MbcTally *tally;

      if (object == NULL)
        continue;
      check_keys (l, object, path, tally_keys);
      tally = g_new0 (MbcTally, 1);
      tally->id = get_id (l, object, path, tally_ids);
      tally->title = get_string (l, object, path, "title", TRUE);
      tally->findings = get_refs (l, object, path, "findings", TRUE, l->finding_ids, "finding");
      for (guint k = 0; tally->findings[k]; k++)
        g_hash_table_add (l->used_findings, (gpointer) tally->findings[k]);
      g_ptr_array_add (l->self->tallies, tally);
    }

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
load_options (Loader     *l,
              JsonObject *root)
{
  static const char * const keys[] = { "id", "title", NULL };
  JsonArray *array = get_array (l, root, "$", "options", TRUE);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.options", i);
      JsonObject *object = as_object (l, json_array_get_element (array, i), path);
      MbcOption *option;

      if (object == NULL)
        continue;
      check_keys (l, object, path, keys);
      option = g_new0 (MbcOption, 1);
      option->id = get_id (l, object, path, l->option_ids);
      option->title = get_string (l, object, path, "title", TRUE);
      g_ptr_array_add (l->self->options, option);
    }
}

static void
load_plan (Loader     *l,
           JsonObject *root)
{
  static const char * const keys[] = { "sections", "items", NULL };
  static const char * const section_keys[] = { "id", "title", NULL };
  static const char * const item_keys[] = {
    "id", "section", "when", "indicator", "summary", "detail", "sources", "options",
    "axillary_evaluation", NULL
  };
  JsonObject *plan = get_object (l, root, "$", "plan", TRUE);
  g_autoptr(GHashTable) item_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *sections, *items;

  if (plan == NULL)
    return;
  check_keys (l, plan, "$.plan", keys);
  l->scope = SCOPE_PLAN;

  sections = get_array (l, plan, "$.plan", "sections", TRUE);
  for (guint i = 0; sections && i < json_array_get_length (sections); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.plan.sections", i);
      JsonObject *object = as_object (l, json_array_get_element (sections, i), path);
      MbcPlanSection *section;

      if (object == NULL)
        continue;
      check_keys (l, object, path, section_keys);
      section = g_new0 (MbcPlanSection, 1);
      section->id = get_id (l, object, path, l->section_ids);
      section->title = get_string (l, object, path, "title", TRUE);
      g_ptr_array_add (l->self->sections, section);
    }

  items = get_array (l, plan, "$.plan", "items", TRUE);
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.plan.items", i);
      JsonObject *object = as_object (l, json_array_get_element (items, i), path);
      MbcPlanItem *item;
      JsonNode *axilla;

      if (object == NULL)
        continue;
      check_keys (l, object, path, item_keys);
      item = g_new0 (MbcPlanItem, 1);
      item->id = get_id (l, object, path, item_ids);
      item->section = get_string (l, object, path, "section", TRUE);
      if (item->section && !g_hash_table_contains (l->section_ids, item->section))
        {
          g_autofree char *where = mbc_json_path_member (path, "section");
          mbc_problems_add (l->problems, where, _("\"%s\" is not the id of any plan section"),
                            item->section);
        }
      item->when = get_condition (l, object, path, "when", TRUE);
      item->indicator = get_choice (l, object, path, "indicator", indicators);
      item->summary = get_string (l, object, path, "summary", TRUE);
      item->detail = get_string (l, object, path, "detail", TRUE);
      item->sources = get_sources (l, object, path);
      check_basis (l, path, item->sources, NULL);
      item->options = get_refs (l, object, path, "options", FALSE, l->option_ids, "option");
      axilla = member (l, object, path, "axillary_evaluation", FALSE);
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
load_evidence (Loader     *l,
               JsonObject *root)
{
  static const char * const keys[] = {
    "title", "as_of", "line", "summary", "note", "items", NULL
  };
  static const char * const item_keys[] = { "id", "title", "citation", "text", NULL };
  JsonObject *evidence = get_object (l, root, "$", "evidence_since", TRUE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  MbcEvidence *e = &l->self->evidence;
  JsonArray *items;

  if (evidence == NULL)
    return;
  check_keys (l, evidence, "$.evidence_since", keys);
  e->title = get_string (l, evidence, "$.evidence_since", "title", TRUE);
  e->as_of = get_string (l, evidence, "$.evidence_since", "as_of", TRUE);
  e->line = get_string (l, evidence, "$.evidence_since", "line", TRUE);
  e->summary = get_string (l, evidence, "$.evidence_since", "summary", TRUE);
  e->note = get_string (l, evidence, "$.evidence_since", "note", FALSE);
  items = get_array (l, evidence, "$.evidence_since", "items", TRUE);
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    {
      g_autofree char *path = mbc_json_path_index ("$.evidence_since.items", i);
      JsonObject *object = as_object (l, json_array_get_element (items, i), path);
      MbcEvidenceItem *item;

      if (object == NULL)
        continue;
      check_keys (l, object, path, item_keys);
      item = g_new0 (MbcEvidenceItem, 1);
      item->id = get_id (l, object, path, ids);
      item->title = get_string (l, object, path, "title", TRUE);
      item->citation = get_string (l, object, path, "citation", FALSE);
      item->text = get_string (l, object, path, "text", TRUE);
      g_ptr_array_add (e->items, item);
    }
}

/* The pack's own tests: each case must be a valid case, and what it expects must name
 * the pack's tiers, strengths, rules, findings and the case's fields. */
static void
load_tests (Loader     *l,
            JsonObject *root)
{
  static const char * const keys[] = { "name", "case", "expect", NULL };
  static const char * const expect_keys[] = {
    "tier", "strength", "rule", "findings", "missing", NULL
  };
  JsonArray *array = get_array (l, root, "$", "tests", FALSE);
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
      JsonObject *object = as_object (l, json_array_get_element (array, i), path);
      JsonObject *kase, *expect;
      MbcPackTest *test;

      if (object == NULL)
        continue;
      check_keys (l, object, path, keys);
      test = g_new0 (MbcPackTest, 1);
      g_ptr_array_add (l->self->tests, test);
      test->name = get_string (l, object, path, "name", TRUE);
      if (test->name && !g_hash_table_add (names, (gpointer) test->name))
        {
          g_autofree char *where = mbc_json_path_member (path, "name");
          mbc_problems_add (l->problems, where, _("another test has the name \"%s\""),
                            test->name);
        }

      kase = get_object (l, object, path, "case", TRUE);
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

      expect = get_object (l, object, path, "expect", TRUE);
      if (expect == NULL)
        continue;
      check_keys (l, expect, expect_path, expect_keys);
      test->tier = get_choice (l, expect, expect_path, "tier", mbc_tier_names ());
      if (json_object_has_member (expect, "strength"))
        {
          test->has_strength = TRUE;
          if (!JSON_NODE_HOLDS_NULL (json_object_get_member (expect, "strength")))
            test->strength = get_choice (l, expect, expect_path, "strength", strengths);
        }
      test->rule = get_string (l, expect, expect_path, "rule", FALSE);
      if (test->rule && !g_hash_table_contains (rule_ids, test->rule))
        {
          g_autofree char *where = mbc_json_path_member (expect_path, "rule");
          mbc_problems_add (l->problems, where, _("\"%s\" is not a decision rule of this pack"),
                            test->rule);
        }
      test->findings = get_object (l, expect, expect_path, "findings", FALSE);
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
                       !in_list (statuses, json_node_get_string (value)))
                mbc_problems_add (l->problems, where, _("must be met, not_met or unknown"));
            }
        }
      if (json_object_has_member (expect, "missing"))
        {
          test->missing = get_refs (l, expect, expect_path, "missing", FALSE, NULL, "field");
          for (guint k = 0; test->missing && test->missing[k]; k++)
            if (mbc_case_field_from_name (test->missing[k]) < 0)
              {
                g_autofree char *missing_path = mbc_json_path_member (expect_path, "missing");
                g_autofree char *where = mbc_json_path_index (missing_path, k);
                mbc_problems_add (l->problems, where, _("\"%s\" is not a case field"),
                                  test->missing[k]);
              }
        }
    }
}

/* The words of each tier, and of the polls: the pack's, never the application's. */
static void
load_presentation (Loader     *l,
                   JsonObject *root)
{
  static const char * const tier_keys[] = { "title", "heading", NULL };
  static const char * const poll_keys[] = { "title", "description", "series", NULL };
  JsonObject *object = get_object (l, root, "$", "tiers", TRUE);
  MbcPolls *polls = &l->self->polls;

  if (object != NULL)
    {
      check_keys (l, object, "$.tiers", mbc_tier_names ());
      for (guint t = 0; mbc_tier_names ()[t]; t++)
        {
          const char *name = mbc_tier_names ()[t];
          g_autofree char *path = mbc_json_path_member ("$.tiers", name);
          JsonObject *text = get_object (l, object, "$.tiers", name, TRUE);

          if (text == NULL)
            continue;
          check_keys (l, text, path, tier_keys);
          l->self->tier_texts[t].title = get_string (l, text, path, "title", TRUE);
          l->self->tier_texts[t].heading = get_string (l, text, path, "heading", TRUE);
        }
    }
  object = get_object (l, root, "$", "polls", TRUE);
  if (object != NULL)
    {
      check_keys (l, object, "$.polls", poll_keys);
      polls->title = get_string (l, object, "$.polls", "title", TRUE);
      polls->description = get_string (l, object, "$.polls", "description", FALSE);
      polls->series = get_string (l, object, "$.polls", "series", TRUE);
    }
}

static const char **
get_authors (Loader     *l,
             JsonObject *root)
{
  const char **authors = get_refs (l, root, "$", "authors", TRUE, NULL, "author");
  if (authors[0] == NULL && json_object_has_member (root, "authors"))
    mbc_problems_add (l->problems, "$.authors", _("must name at least one author"));
  return authors;
}

/* Where thresholds are: the params and every condition (not the sources' percentages). */
static const char * const with_numbers[] = { "params", "findings", "decision", "plan" };

static void
collect_numbers (JsonNode *node,
                 GArray   *numbers)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));
      for (GList *m = members; m; m = m->next)
        collect_numbers (m->data, numbers);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_numbers (json_array_get_element (array, i), numbers);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                                            json_node_get_value_type (node) == G_TYPE_DOUBLE))
    {
      double v = json_node_get_double (node);
      for (guint i = 0; i < numbers->len; i++)
        if (g_array_index (numbers, double, i) == v)
          return;
      g_array_append_val (numbers, v);
    }
}

static void
load (Loader   *l,
      JsonNode *root_node)
{
  static const char * const keys[] = {
    "schema", "id", "version", "title", "short_title", "authors", "date", "status",
    "intended_use", "intended_users", "disclaimer", "tiers", "polls", "sources", "params",
    "groups", "findings", "decision", "options", "plan", "evidence_since", "tests", NULL
  };
  MbcGuideline *self = l->self;
  JsonObject *root = as_object (l, root_node, "$");
  const char *schema;

  if (root == NULL)
    return;
  check_keys (l, root, "$", keys);
  schema = get_string (l, root, "$", "schema", TRUE);
  if (schema && strcmp (schema, MBC_GUIDELINE_SCHEMA) != 0)
    mbc_problems_add (l->problems, "$.schema", _("must be \"%s\"; got \"%s\""),
                      MBC_GUIDELINE_SCHEMA, schema);
  self->id = get_id (l, root, "$", NULL);
  self->version = get_string (l, root, "$", "version", TRUE);
  self->title = get_string (l, root, "$", "title", TRUE);
  self->short_title = get_string (l, root, "$", "short_title", FALSE);
  self->authors = get_authors (l, root);
  self->date = get_string (l, root, "$", "date", TRUE);
  self->status = get_string (l, root, "$", "status", TRUE);
  self->intended_use = get_string (l, root, "$", "intended_use", TRUE);
  self->intended_users = get_string (l, root, "$", "intended_users", TRUE);
  self->disclaimer = get_string (l, root, "$", "disclaimer", TRUE);

  load_presentation (l, root);
  load_sources (l, root);
  load_params (l, root);
  load_groups (l, root);
  load_findings (l, root);
  load_options (l, root);
  load_decision (l, root);
  load_plan (l, root);
  load_evidence (l, root);
  load_tests (l, root);
  for (guint i = 0; i < G_N_ELEMENTS (with_numbers); i++)
    if (json_object_has_member (root, with_numbers[i]))
      collect_numbers (json_object_get_member (root, with_numbers[i]), self->numbers);
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
mbc_guideline_finalize (GObject *object)
{
  MbcGuideline *self = MBC_GUIDELINE (object);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_clear_pointer (&self->params_node, json_node_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->tallies, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->plan_items, g_ptr_array_unref);
  g_clear_pointer (&self->evidence.items, g_ptr_array_unref);
  g_clear_pointer (&self->tests, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_array_unref);
  g_clear_pointer (&self->authors, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->root, json_node_unref);
  G_OBJECT_CLASS (mbc_guideline_parent_class)->finalize (object);
}

static void
mbc_guideline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MbcGuideline *self = MBC_GUIDELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHORT_TITLE:
      g_value_set_string (value, mbc_guideline_get_short_title (self));
      break;
    case PROP_DISCLAIMER:
      g_value_set_string (value, self->disclaimer);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_guideline_class_init (MbcGuidelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mbc_guideline_finalize;
  object_class->get_property = mbc_guideline_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SHORT_TITLE] = g_param_spec_string ("short-title", NULL, NULL, NULL, flags);
  properties[PROP_DISCLAIMER] = g_param_spec_string ("disclaimer", NULL, NULL, NULL, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mbc_guideline_init (MbcGuideline *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->params = g_ptr_array_new_with_free_func ((GDestroyNotify) param_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  self->options = g_ptr_array_new_with_free_func (g_free);
  self->sections = g_ptr_array_new_with_free_func (g_free);
  self->plan_items = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_item_free);
  self->evidence.items = g_ptr_array_new_with_free_func (g_free);
  self->tests = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_test_free);
  self->numbers = g_array_new (FALSE, FALSE, sizeof (double));
}

/* --- Public API ---------------------------------------------------------------------------- */


/**
 * mbc_guideline_new_from_bytes:
 * @bytes: the text of a pack
 * @problems: (element-type MbcProblem) (nullable): where every problem is added
 * @error: set to MBC_GUIDELINE_ERROR_INVALID when there is any problem
 *
 * Returns: (transfer full) (nullable): the guideline, or %NULL if the pack has problems.
 */
MbcGuideline *
mbc_guideline_new_from_bytes (GBytes     *bytes,
                              GPtrArray  *problems,
                              GError    **error)
{
  g_autoptr(MbcGuideline) self = NULL;
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize length;
  guint before;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = mbc_problems_new ();
  before = problems->len;
  data = g_bytes_get_data (bytes, &length);
  root = mbc_json_parse (data, length, MBC_GUIDELINE_MAX_DEPTH, &parse_error);
  if (root == NULL)
    mbc_problems_add (problems, "$", "%s", parse_error->message);
  else
    {
      Loader l = { 0 };

      self = g_object_new (MBC_TYPE_GUIDELINE, NULL);
      self->root = json_node_ref (root);
      self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                                  length);
      _mbc_guideline_translate (root);
      l.self = self;
      l.problems = problems;
      l.finding_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.param_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.used_findings = g_hash_table_new (g_str_hash, g_str_equal);
      l.option_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.section_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.group_ids = g_hash_table_new (g_str_hash, g_str_equal);
      load (&l, root);
      g_hash_table_unref (l.finding_ids);
      g_hash_table_unref (l.param_ids);
      g_hash_table_unref (l.used_findings);
      g_hash_table_unref (l.option_ids);
      g_hash_table_unref (l.section_ids);
      g_hash_table_unref (l.group_ids);
    }
  if (problems->len > before)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_INVALID,
                   _("the guideline pack has %u problem%s"), problems->len - before,
                   problems->len - before == 1 ? "" : "s");
      return NULL;
    }
  return g_steal_pointer (&self);
}

MbcGuideline *
mbc_guideline_new_from_file (GFile      *file,
                             GPtrArray  *problems,
                             GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_file_load_bytes (file, NULL, NULL, &read_error);
  if (bytes == NULL)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_READ, "%s",
                   read_error->message);
      return NULL;
    }
  return mbc_guideline_new_from_bytes (bytes, problems, error);
}

/**
 * mbc_engine_resources_ensure:
 *
 * Registers the engine's resources (the pack, the case library) once. They live in a
 * static library, so they are registered by hand.
 */
void
mbc_engine_resources_ensure (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      mbc_engine_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * mbc_guideline_new_default:
 *
 * Loads the pack compiled into the application's resources.
 */
MbcGuideline *
mbc_guideline_new_default (GPtrArray  *problems,
                           GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;

  mbc_engine_resources_ensure ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/guidelines/" MBC_GUIDELINE_DEFAULT_ID ".json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &read_error);
  if (bytes == NULL)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_READ,
                   _("the bundled guideline is missing: %s"), read_error->message);
      return NULL;
    }
  return mbc_guideline_new_from_bytes (bytes, problems, error);
}

#define GETTER(type, name) \
  type mbc_guideline_get_##name (MbcGuideline *self) \
  { \
    g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL); \
    return self->name; \
  }

GETTER (const char *, id)
GETTER (const char *, version)
GETTER (const char *, title)
GETTER (const char *, date)
GETTER (const char *, status)
GETTER (const char *, intended_use)
GETTER (const char *, intended_users)
GETTER (const char *, disclaimer)
GETTER (const char *, sha256)
GETTER (GPtrArray *, sources)
GETTER (GPtrArray *, params)
GETTER (GPtrArray *, groups)
GETTER (GPtrArray *, findings)
GETTER (GPtrArray *, rules)
GETTER (GPtrArray *, tallies)
GETTER (GPtrArray *, options)
GETTER (JsonNode *, params_node)

const char *
mbc_guideline_get_short_title (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->short_title ? self->short_title : self->title;
}

const char * const *
mbc_guideline_get_authors (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->authors;
}

GPtrArray *
mbc_guideline_get_plan_sections (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->sections;
}

GPtrArray *
mbc_guideline_get_plan_items (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->plan_items;
}

/**
 * mbc_guideline_get_numbers:
 *
 * Returns: (transfer none) (element-type double): every number the pack's params and
 *   conditions use, once each: where its thresholds are.
 */
GArray *
mbc_guideline_get_numbers (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->numbers;
}

/**
 * mbc_guideline_get_tests:
 *
 * Returns: (transfer none) (element-type MbcPackTest): the pack's own tests, in order.
 */
GPtrArray *
mbc_guideline_get_tests (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->tests;
}

const MbcEvidence *
mbc_guideline_get_evidence (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return &self->evidence;
}

/**
 * mbc_guideline_get_tier_text:
 * @tier: recommended, individualise, not_recommended or indeterminate
 *
 * Returns: (nullable): the pack's title and heading for @tier.
 */
const MbcTierText *
mbc_guideline_get_tier_text (MbcGuideline *self,
                             const char   *tier)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  for (guint t = 0; mbc_tier_names ()[t]; t++)
    if (g_strcmp0 (tier, mbc_tier_names ()[t]) == 0)
      return &self->tier_texts[t];
  return NULL;
}

const MbcPolls *
mbc_guideline_get_polls (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return &self->polls;
}

/**
 * mbc_guideline_describe_sources:
 * @ids: (nullable): source ids
 *
 * Returns: (transfer full): the sources by their names, each with its id beside it
 *   ("Take-home message 1 (TH1), Table 1: Question 1 (T1)"); "" for none.
 */
char *
mbc_guideline_describe_sources (MbcGuideline       *self,
                                const char * const *ids)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  for (guint i = 0; ids && ids[i]; i++)
    {
      const MbcSource *source = g_hash_table_lookup (self->source_by_id, ids[i]);
      g_string_append_printf (out, "%s%s (%s)", i ? ", " : "", source ? source->title : ids[i],
                              ids[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * mbc_interpretation_text:
 *
 * Returns: (transfer full): @interpretation introduced as the application's own, in the
 *   same words wherever one is shown.
 */
char *
mbc_interpretation_text (const char *interpretation)
{
  g_return_val_if_fail (interpretation != NULL, NULL);
  return g_strdup_printf (_("Interpretation (the application's): %s"), interpretation);
}

const MbcSource *
mbc_guideline_lookup_source (MbcGuideline *self,
                             const char   *id)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->source_by_id, id);
}

const MbcOption *
mbc_guideline_lookup_option (MbcGuideline *self,
                             const char   *id)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  for (guint i = 0; i < self->options->len; i++)
    {
      MbcOption *option = g_ptr_array_index (self->options, i);
      if (option->id && strcmp (option->id, id) == 0)
        return option;
    }
  return NULL;
}
