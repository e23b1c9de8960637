/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The case file: read strictly (mbc-json.c) and checked (mbc-case-check.c) into an MbcCase,
 * written in the order of the contract, and the object guideline rules read as "case".
 */
#define G_LOG_DOMAIN "mbc-case"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-case-private.h"
#include "mbc-file.h"
#include "mbc-json.h"
#include "mbc-problem.h"
#include "mbc-tier.h"

JsonNode *
_mbc_case_slot_to_json (MbcCase      *self,
                        MbcCaseField  field,
                        gboolean      for_rules)
{
  const FieldInfo *info = &_mbc_case_fields[field];
  const Slot *slot = &self->slots[field];
  JsonNode *node;

  if (info->kind == MBC_CASE_KIND_LABEL)
    return self->label ? json_node_init_string (json_node_alloc (), self->label) : NULL;
  if (!slot->known)
    {
      if (info->kind == MBC_CASE_KIND_CHOICE && !for_rules)
        return json_node_init_string (json_node_alloc (), "unknown");
      return json_node_new (JSON_NODE_NULL);
    }
  node = json_node_alloc ();
  switch (info->kind)
    {
    case MBC_CASE_KIND_INT:
      return json_node_init_int (node, slot->i);
    case MBC_CASE_KIND_NUMBER:
      return json_node_init_double (node, slot->d);
    case MBC_CASE_KIND_BOOL:
      return json_node_init_boolean (node, slot->i == 0);
    case MBC_CASE_KIND_CHOICE:
      return json_node_init_string (node, info->choices[slot->i]);
    case MBC_CASE_KIND_SET:
      {
        JsonArray *array = json_array_new ();
        for (guint i = 0; info->choices[i]; i++)
          if (slot->i & (1 << i))
            json_array_add_string_element (array, info->choices[i]);
        json_node_init_array (node, array);
        json_array_unref (array);
        return node;
      }
    default:
      g_assert_not_reached ();
    }
}

/* The "decision" member as a case file writes it (absent parts left out), or NULL when
 * there is no decision. */
JsonNode *
_mbc_case_decision_to_json (MbcCase *self)
{
  JsonObject *object;

  if (!self->decision_choice && !self->decision_date && !self->decision_note)
    return NULL;
  object = json_object_new ();
  if (self->decision_choice)
    json_object_set_string_member (object, "choice", self->decision_choice);
  if (self->decision_date)
    json_object_set_string_member (object, "date", self->decision_date);
  if (self->decision_note)
    json_object_set_string_member (object, "note", self->decision_note);
  return _mbc_case_object_node (object);
}

/* A node that owns @object (json_node_init_object would take a second reference). */
JsonNode *
_mbc_case_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* As mbc_case_new_from_json(); @literals (nullable) gives the text of numbers read as
 * doubles, which messages quote (mbc_json_parse_full()). */
/* A number of the field's kind that is only past the field's range, kept as it is (the form
 * holds it with its problem shown): TRUE with *slot filled. Nothing the form cannot hold
 * (below 0, past G_MAXINT, a fraction for a whole number) is kept. */
static gboolean
case_json_keep_out_of_range (MbcCaseField  field,
                             JsonNode     *value,
                             Slot         *slot)
{
  MbcCaseKind kind = _mbc_case_fields[field].kind;
  double d;

  if ((kind != MBC_CASE_KIND_INT && kind != MBC_CASE_KIND_NUMBER) || !mbc_json_is_number (value))
    return FALSE;
  if (kind == MBC_CASE_KIND_INT && json_node_get_value_type (value) != G_TYPE_INT64)
    return FALSE;
  d = json_node_get_double (value);
  if (!(d >= 0 && d <= G_MAXINT))
    return FALSE;
  slot->known = TRUE;
  slot->i = (gint64) d;
  slot->d = d;
  return TRUE;
}

static MbcCase *
case_json_read (JsonNode        *root,
                GHashTable      *literals,
                MbcCaseReadFlags flags,
                GPtrArray       *problems)
{
  guint kept = 0;   /* problems of values kept as they are (flags) */
  g_autoptr(MbcCase) self = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint before;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  before = problems->len;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      mbc_problems_add (problems, "$", _("a case must be a JSON object; got %s"),
                        mbc_json_type_name (root));
      return NULL;
    }
  object = json_node_get_object (root);
  self = mbc_case_new ();

  member = json_object_get_member (object, "schema");
  if (member == NULL)
    mbc_problems_add (problems, "schema", _("is required and must be \"%s\""), MBC_CASE_SCHEMA);
  else if (!mbc_json_is_string (member) ||
           strcmp (json_node_get_string (member), MBC_CASE_SCHEMA) != 0)
    {
      g_autofree char *got = _mbc_case_quote_value (member, literals);
      mbc_problems_add (problems, "schema", _("must be \"%s\"; got %s"), MBC_CASE_SCHEMA, got);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      int field;

      if (strcmp (name, "schema") == 0)
        continue;
      if (strcmp (name, MBC_CASE_TEACHING) == 0)
        {
          _mbc_case_check_teaching (member, problems);
          continue;
        }
      if (strcmp (name, MBC_CASE_DECISION) == 0)
        {
          g_clear_pointer (&self->decision_choice, g_free);
          g_clear_pointer (&self->decision_date, g_free);
          g_clear_pointer (&self->decision_note, g_free);
          _mbc_case_check_decision (member, literals, &self->decision_choice,
                                    &self->decision_date, &self->decision_note, problems);
          continue;
        }
      field = mbc_case_field_from_name (name);
      if (field < 0)
        {
          g_autoptr(GString) allowed = g_string_new ("schema, " MBC_CASE_TEACHING ", "
                                                     MBC_CASE_DECISION);
          g_autofree char *shown = g_utf8_make_valid (name, -1);
          for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
            g_string_append_printf (allowed, ", %s", _mbc_case_fields[i].name);
          mbc_problems_add (problems, shown, _("unknown field; allowed fields: %s"), allowed->str);
          continue;
        }
      if (!_mbc_case_check_value (field, member, literals, &self->slots[field], &self->label,
                                  problems) &&
          (flags & MBC_CASE_READ_KEEP_OUT_OF_RANGE) &&
          case_json_keep_out_of_range (field, member, &self->slots[field]))
        kept++;
    }
  if (problems->len - before == kept)
    {
      guint consistent = problems->len;
      _mbc_case_check_consistency (self->slots, problems);
      if (flags & (MBC_CASE_READ_KEEP_INCONSISTENT | MBC_CASE_READ_KEEP_OUT_OF_RANGE))
        kept += problems->len - consistent;
    }
  return problems->len - before == kept ? g_steal_pointer (&self) : NULL;
}

/**
 * mbc_case_new_from_json:
 * @root: a parsed case file
 * @problems: (element-type MbcProblem): where every problem is added
 *
 * Returns: (transfer full) (nullable): the case, or %NULL when there was any problem.
 */
MbcCase *
mbc_case_new_from_json (JsonNode  *root,
                        GPtrArray *problems)
{
  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return case_json_read (root, NULL, MBC_CASE_READ_STRICT, problems);
}

/**
 * mbc_case_new_from_json_full:
 * @flags: which problems leave the values in place
 * @problems: (element-type MbcProblem): where every problem is added
 *
 * As mbc_case_new_from_json(), but a case whose only problems are those @flags allow is
 * returned with the values as they are; its problems are still added to @problems.
 *
 * Returns: (transfer full) (nullable): the case, or %NULL.
 */
MbcCase *
mbc_case_new_from_json_full (JsonNode        *root,
                             MbcCaseReadFlags flags,
                             GPtrArray       *problems)
{
  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return case_json_read (root, NULL, flags, problems);
}

/**
 * mbc_case_new_from_data:
 * @data: the text of a case file
 * @length: its length in bytes
 * @problems: (element-type MbcProblem): where every problem is added; a text that is not
 *   JSON gives one problem at "$"
 *
 * Returns: (transfer full) (nullable): the case, or %NULL when there was any problem.
 */
MbcCase *
mbc_case_new_from_data (const char *data,
                        gsize       length,
                        GPtrArray  *problems)
{
  return mbc_case_new_from_data_full (data, length, MBC_CASE_READ_STRICT, problems);
}

/**
 * mbc_case_new_from_data_full:
 * @flags: which problems leave the values in place (see mbc_case_new_from_json_full())
 *
 * Returns: (transfer full) (nullable): the case, or %NULL.
 */
MbcCase *
mbc_case_new_from_data_full (const char      *data,
                             gsize            length,
                             MbcCaseReadFlags flags,
                             GPtrArray       *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) literals = NULL;
  g_autoptr(JsonNode) root = NULL;
  MbcCase *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  /* A case written plainly, with no problem, is read straight into its values. */
  if ((self = _mbc_case_scan (data, length)) != NULL)
    return self;
  literals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  root = mbc_json_parse_full (data, length, MBC_CASE_MAX_DEPTH, literals, &error);
  if (root == NULL)
    {
      mbc_problems_add (problems, "$", "%s", error->message);
      return NULL;
    }
  return case_json_read (root, literals, flags, problems);
}

/**
 * mbc_case_dup_field_json:
 *
 * Returns: (transfer full) (nullable): the field as the case file writes it (null or
 *   "unknown" when unknown); %NULL for an absent label.
 */
JsonNode *
mbc_case_dup_field_json (MbcCase      *self,
                         MbcCaseField  field)
{
  g_return_val_if_fail (MBC_IS_CASE (self), NULL);
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  return _mbc_case_slot_to_json (self, field, FALSE);
}

/**
 * mbc_case_to_json:
 *
 * Returns: (transfer full): the case file, every field written (unknowns as null or
 *   "unknown"), in the order of the contract, then the decision when there is one.
 */
JsonNode *
mbc_case_to_json (MbcCase *self)
{
  JsonObject *object;
  JsonNode *decision;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "schema", MBC_CASE_SCHEMA);
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    {
      JsonNode *value = _mbc_case_slot_to_json (self, i, FALSE);
      if (value != NULL)
        json_object_set_member (object, _mbc_case_fields[i].name, value);
    }
  decision = _mbc_case_decision_to_json (self);
  if (decision != NULL)
    json_object_set_member (object, MBC_CASE_DECISION, decision);
  return _mbc_case_object_node (object);
}

char *
mbc_case_to_data (MbcCase *self,
                  gsize   *length)
{
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);

  root = mbc_case_to_json (self);
  out = g_string_new (NULL);
  mbc_json_write (out, root, 2);
  g_string_append_c (out, '\n');
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * mbc_case_save:
 * @file: where to write the case file
 *
 * Writes the case file atomically (mbc_file_write_atomic()): @file is never left
 * half-written.
 *
 * Returns: %TRUE when saved; otherwise @error names the file and the cause.
 */
gboolean
mbc_case_save (MbcCase  *self,
               GFile    *file,
               GError  **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (MBC_IS_CASE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = mbc_case_to_data (self, &length);
  return mbc_file_write_atomic (file, data, length, MBC_FILE_PRIVATE_MODE, error);
}

/**
 * mbc_case_to_rule_data:
 *
 * Returns: (transfer full): the object that guideline rules read as `case`: only the
 *   known fields, so every unknown value reads as null (and `missing` finds it). The
 *   label is left out: no rule has any business reading it.
 */
JsonNode *
mbc_case_to_rule_data (MbcCase *self)
{
  JsonObject *object;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);

  if (self->rule_data != NULL)
    return json_node_ref (self->rule_data);
  object = json_object_new ();
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    if (_mbc_case_fields[i].kind != MBC_CASE_KIND_LABEL && self->slots[i].known)
      json_object_set_member (object, _mbc_case_fields[i].name,
                              _mbc_case_slot_to_json (self, i, TRUE));
  self->rule_data = _mbc_case_object_node (object);
  return json_node_ref (self->rule_data);
}


/*
 * The values rules read, without a tree: for each field, a node that reads as the member of
 * mbc_case_to_rule_data() does (the same type and value), or NULL where that object has no
 * member. The nodes are kept and reused from case to case: a choice, a yes or no and a set of
 * sites each have a node made once for each value; a number has a node of its own, set to
 * each case's value. Not thread-safe: one an evaluator.
 */
struct _MbcCaseRuleNodes
{
  JsonNode  *numbers[MBC_CASE_N_FIELDS];   /* INT and NUMBER fields */
  JsonNode **choices[MBC_CASE_N_FIELDS];   /* CHOICE fields: one a choice */
  JsonNode  *booleans[2];                  /* true, false */
  JsonNode **sets[MBC_CASE_N_FIELDS];      /* SET fields: one a subset, made when first met */
  guint      n_choices[MBC_CASE_N_FIELDS]; /* CHOICE and SET fields */
};

static guint
case_rule_n_choices (MbcCaseField field)
{
  guint n = 0;

  while (_mbc_case_fields[field].choices[n] != NULL)
    n++;
  return n;
}

MbcCaseRuleNodes *
mbc_case_rule_nodes_new (void)
{
  MbcCaseRuleNodes *self = g_new0 (MbcCaseRuleNodes, 1);

  for (guint b = 0; b < 2; b++)
    json_node_seal ((self->booleans[b] = json_node_init_boolean (json_node_alloc (), b == 0)));
  for (MbcCaseField f = 0; f < MBC_CASE_N_FIELDS; f++)
    if (_mbc_case_fields[f].choices != NULL)
      self->n_choices[f] = case_rule_n_choices (f);
  for (MbcCaseField f = 0; f < MBC_CASE_N_FIELDS; f++)
    switch (_mbc_case_fields[f].kind)
      {
      case MBC_CASE_KIND_INT:
        self->numbers[f] = json_node_init_int (json_node_alloc (), 0);
        break;
      case MBC_CASE_KIND_NUMBER:
        self->numbers[f] = json_node_init_double (json_node_alloc (), 0);
        break;
      case MBC_CASE_KIND_CHOICE:
        {
          guint n = self->n_choices[f];
          self->choices[f] = g_new0 (JsonNode *, n);
          for (guint i = 0; i < n; i++)
            {
              self->choices[f][i] = json_node_init_string (json_node_alloc (),
                                                           _mbc_case_fields[f].choices[i]);
              json_node_seal (self->choices[f][i]);
            }
        }
        break;
      case MBC_CASE_KIND_SET:
        g_assert (self->n_choices[f] <= 16);   /* a node for each subset */
        self->sets[f] = g_new0 (JsonNode *, (gsize) 1 << self->n_choices[f]);
        break;
      case MBC_CASE_KIND_LABEL:
      case MBC_CASE_KIND_BOOL:
      default:
        break;
      }
  return self;
}

void
mbc_case_rule_nodes_free (MbcCaseRuleNodes *self)
{
  if (self == NULL)
    return;
  for (MbcCaseField f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      g_clear_pointer (&self->numbers[f], json_node_unref);
      if (self->choices[f] != NULL)
        for (guint i = 0; i < self->n_choices[f]; i++)
          json_node_unref (self->choices[f][i]);
      g_free (self->choices[f]);
      if (self->sets[f] != NULL)
        for (gsize i = 0; i < (gsize) 1 << self->n_choices[f]; i++)
          g_clear_pointer (&self->sets[f][i], json_node_unref);
      g_free (self->sets[f]);
    }
  for (guint b = 0; b < 2; b++)
    json_node_unref (self->booleans[b]);
  g_free (self);
}

/**
 * mbc_case_rule_nodes_fill:
 * @nodes: (out caller-allocates) (array fixed-size=MBC_CASE_N_FIELDS): set, for each field,
 *   to what rules read of @kase's field: a node @self owns, valid until the next fill, or
 *   %NULL when mbc_case_to_rule_data() has no member for it (unknown, or the label)
 * @codes: (out caller-allocates) (array fixed-size=MBC_CASE_N_FIELDS): set, for each field,
 *   to a number that is the same for two cases exactly when the field reads the same
 *   (G_MAXUINT64 when it reads nothing)
 */
void
mbc_case_rule_nodes_fill (MbcCaseRuleNodes  *self,
                          MbcCase           *kase,
                          JsonNode         **nodes,
                          guint64           *codes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (MBC_IS_CASE (kase));

  for (MbcCaseField f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      const Slot *slot = &kase->slots[f];
      JsonNode **set;

      nodes[f] = NULL;
      codes[f] = G_MAXUINT64;
      if (!slot->known || _mbc_case_fields[f].kind == MBC_CASE_KIND_LABEL)
        continue;
      /* A number by its bits, every NaN as one (rules read them alike) and never as unknown;
       * the rest by index, bit set or whole number. */
      if (_mbc_case_fields[f].kind == MBC_CASE_KIND_NUMBER && isnan (slot->d))
        codes[f] = G_MAXUINT64 - 1;
      else if (_mbc_case_fields[f].kind == MBC_CASE_KIND_NUMBER)
        memcpy (&codes[f], &slot->d, sizeof (guint64));
      else
        codes[f] = (guint64) slot->i;
      switch (_mbc_case_fields[f].kind)
        {
        case MBC_CASE_KIND_INT:
          json_node_set_int (self->numbers[f], slot->i);
          nodes[f] = self->numbers[f];
          break;
        case MBC_CASE_KIND_NUMBER:
          json_node_set_double (self->numbers[f], slot->d);
          nodes[f] = self->numbers[f];
          break;
        case MBC_CASE_KIND_BOOL:
          nodes[f] = self->booleans[slot->i == 0 ? 0 : 1];
          break;
        case MBC_CASE_KIND_CHOICE:
          nodes[f] = self->choices[f][slot->i];
          break;
        case MBC_CASE_KIND_SET:
          g_assert (slot->i >= 0 && slot->i < (gint64) 1 << self->n_choices[f]);
          set = &self->sets[f][slot->i];
          if (*set == NULL)
            json_node_seal ((*set = _mbc_case_slot_to_json (kase, f, TRUE)));
          nodes[f] = *set;
          break;
        case MBC_CASE_KIND_LABEL:
        default:
          break;
        }
    }
}
