/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The guideline's checks: typed reads of a pack's members (keys allowed, values present and
 * of their type, ids unique and known, conditions that read only what exists in their
 * scope), each problem added with its JSON path. The loader reads every section with them.
 */
#define G_LOG_DOMAIN "mbc-guideline"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-case.h"
#include "mbc-guideline-private.h"
#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-problem.h"

char *
_mbc_pack_join_allowed (const char * const *allowed)
{
  return g_strjoinv (", ", (char **) allowed);
}

gboolean
_mbc_pack_in_list (const char * const *list,
                   const char         *value)
{
  for (guint i = 0; list[i]; i++)
    if (strcmp (list[i], value) == 0)
      return TRUE;
  return FALSE;
}

/* Reports every key of @object that is not in @allowed. */
void
_mbc_pack_check_keys (Loader             *l,
                      JsonObject         *object,
                      const char         *path,
                      const char * const *allowed)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!_mbc_pack_in_list (allowed, name))
      {
        g_autofree char *where = mbc_json_path_member (path, name);
        g_autofree char *list = _mbc_pack_join_allowed (allowed);
        mbc_problems_add (l->problems, where, _("unknown key; allowed keys here: %s"), list);
      }
}

JsonNode *
_mbc_pack_member (Loader     *l,
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

const char *
_mbc_pack_get_string (Loader     *l,
                      JsonObject *object,
                      const char *path,
                      const char *key,
                      gboolean    required)
{
  JsonNode *node = _mbc_pack_member (l, object, path, key, required);
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

const char *
_mbc_pack_get_choice (Loader             *l,
                      JsonObject         *object,
                      const char         *path,
                      const char         *key,
                      const char * const *allowed)
{
  const char *value = _mbc_pack_get_string (l, object, path, key, TRUE);

  if (value != NULL && !_mbc_pack_in_list (allowed, value))
    {
      g_autofree char *where = mbc_json_path_member (path, key);
      g_autofree char *list = _mbc_pack_join_allowed (allowed);
      mbc_problems_add (l->problems, where, _("\"%s\" is not allowed; allowed: %s"), value, list);
      return NULL;
    }
  return value;
}

const char *
_mbc_pack_get_id (Loader     *l,
                  JsonObject *object,
                  const char *path,
                  GHashTable *seen)
{
  const char *id = _mbc_pack_get_string (l, object, path, "id", TRUE);
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
          mbc_problems_add (l->problems, where,
                            _("\"%s\" is defined twice; ids must be unique"), id);
          return NULL;
        }
      g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (g_hash_table_size (seen) + 1));
    }
  return id;
}

JsonArray *
_mbc_pack_get_array (Loader     *l,
                     JsonObject *object,
                     const char *path,
                     const char *key,
                     gboolean    required)
{
  JsonNode *node = _mbc_pack_member (l, object, path, key, required);

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

JsonObject *
_mbc_pack_as_object (Loader     *l,
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

JsonObject *
_mbc_pack_get_object (Loader     *l,
                      JsonObject *object,
                      const char *path,
                      const char *key,
                      gboolean    required)
{
  JsonNode *node = _mbc_pack_member (l, object, path, key, required);
  g_autofree char *where = NULL;

  if (node == NULL)
    return NULL;
  where = mbc_json_path_member (path, key);
  return _mbc_pack_as_object (l, node, where);
}

/* A list of ids, each checked against @known (with @what naming the kind in messages).
 * Returns a NULL-terminated array of borrowed strings. */
const char **
_mbc_pack_get_refs (Loader     *l,
                    JsonObject *object,
                    const char *path,
                    const char *key,
                    gboolean    required,
                    GHashTable *known,
                    const char *what)
{
  JsonArray *array = _mbc_pack_get_array (l, object, path, key, required);
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

const char **
_mbc_pack_get_sources (Loader     *l,
                       JsonObject *object,
                       const char *path)
{
  return _mbc_pack_get_refs (l, object, path, "sources", TRUE, l->self->source_by_id, "source");
}

/* Something shown as advice must rest on sources or say that it is our interpretation. */
void
_mbc_pack_check_basis (Loader      *l,
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

void
_mbc_pack_check_var (const char *name,
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
                          _("reads \"%s\", but \"%s\" is not a case field rules can read"),
                          name, key);
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
      if (key != NULL && !_mbc_pack_in_list (allowed, key))
        mbc_problems_add (l->problems, path,
                          _("reads \"%s\"; a plan item can read decision.tier, decision.rule and "
                          "decision.strength"), name);
    }
  else
    mbc_problems_add (l->problems, path,
                      _("reads \"%s\"; rules read case.*, findings.* and params.*%s"), name,
                      l->scope == SCOPE_PLAN ? " (and, in the plan, decision.*)" : "");
}

JsonNode *
_mbc_pack_get_condition (Loader     *l,
                         JsonObject *object,
                         const char *path,
                         const char *key,
                         gboolean    required)
{
  JsonNode *node = _mbc_pack_member (l, object, path, key, required);
  g_autofree char *where = NULL;

  if (node == NULL)
    return NULL;
  where = mbc_json_path_member (path, key);
  mbc_json_logic_check (node, where, _mbc_pack_check_var, l, l->problems);
  /* An evaluation that fails names the condition by its path. */
  g_hash_table_replace (l->self->condition_paths, node, g_steal_pointer (&where));
  return node;
}

gboolean
_mbc_pack_is_literal_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

