/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcCase: every field of a case file (the field table, mbc-case-field.c) as a property:
 * the GObject, copies and the words for people. The model may hold an incomplete or even
 * inconsistent case while a person types. The case contract (docs/contracts.md) is checked in
 * mbc-case-check.c, which says what is wrong field by field; the case file is read and
 * written in mbc-case-json.c, and a case read from JSON is only returned when it has no
 * problem at all.
 */
#define G_LOG_DOMAIN "mbc-case"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-case-private.h"
#include "mbc-tier.h"
#include "mbc-file.h"
#include "mbc-json.h"
#include "mbc-problem.h"

G_DEFINE_FINAL_TYPE (MbcCase, mbc_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* one property a field, in field order, then the decision's */
  PROP_DECISION_CHOICE = MBC_CASE_N_FIELDS + 1,
  PROP_DECISION_DATE,
  PROP_DECISION_NOTE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- Properties ---------------------------------------------------------------------------- */

/* Two values of a field are the same: both unknown, or both known and equal. */
static gboolean
case_slot_equal (const Slot *a,
                 const Slot *b)
{
  return a->known == b->known && (!a->known || (a->i == b->i && a->d == b->d));
}

static gboolean
case_set_slot (MbcCase      *self,
               MbcCaseField  field,
               const Slot   *slot)
{
  Slot *current = &self->slots[field];

  g_assert (MBC_IS_CASE (self));

  if (case_slot_equal (current, slot))
    return FALSE;
  *current = *slot;
  g_clear_pointer (&self->rule_data, json_node_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* The decision's strings, by property. */
static char **
case_decision_member (MbcCase *self,
                      guint    prop_id)
{
  switch (prop_id)
    {
    case PROP_DECISION_CHOICE:
      return &self->decision_choice;
    case PROP_DECISION_DATE:
      return &self->decision_date;
    case PROP_DECISION_NOTE:
      return &self->decision_note;
    default:
      return NULL;
    }
}

/* Sets one of the decision's strings; it is not an input, so the rule data stays. */
static void
case_set_decision_member (MbcCase    *self,
                          guint       prop_id,
                          const char *value)
{
  char **member = case_decision_member (self, prop_id);

  g_assert (member != NULL);

  if (g_strcmp0 (*member, value) == 0)
    return;
  g_free (*member);
  *member = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Makes the decision that of @other (NULL: none); TRUE when it changed. */
static gboolean
case_assign_decision (MbcCase *self,
                      MbcCase *other)
{
  gboolean changed = FALSE;

  for (guint prop_id = PROP_DECISION_CHOICE; prop_id <= PROP_DECISION_NOTE; prop_id++)
    {
      char **member = case_decision_member (self, prop_id);
      const char *value = other ? *case_decision_member (other, prop_id) : NULL;

      if (g_strcmp0 (*member, value) == 0)
        continue;
      g_free (*member);
      *member = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
      changed = TRUE;
    }
  return changed;
}

static void
mbc_case_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MbcCase *self = MBC_CASE (object);
  MbcCaseField field = prop_id - 1;
  const Slot *slot;

  if (case_decision_member (self, prop_id) != NULL)
    {
      g_value_set_string (value, *case_decision_member (self, prop_id));
      return;
    }
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  slot = &self->slots[field];
  switch (_mbc_case_fields[field].kind)
    {
    case MBC_CASE_KIND_LABEL:
      g_value_set_string (value, self->label);
      break;
    case MBC_CASE_KIND_INT:
      g_value_set_int (value, slot->known ? (int) slot->i : -1);
      break;
    case MBC_CASE_KIND_NUMBER:
      g_value_set_double (value, slot->known ? slot->d : -1);
      break;
    case MBC_CASE_KIND_BOOL:
    case MBC_CASE_KIND_CHOICE:
      g_value_set_string (value,
                          slot->known ? _mbc_case_fields[field].choices[slot->i] : "unknown");
      break;
    case MBC_CASE_KIND_SET:
      if (!slot->known)
        g_value_set_boxed (value, NULL);
      else
        {
          GStrvBuilder *builder = g_strv_builder_new ();
          for (guint i = 0; _mbc_case_fields[field].choices[i]; i++)
            if (slot->i & (1 << i))
              g_strv_builder_add (builder, _mbc_case_fields[field].choices[i]);
          g_value_take_boxed (value, g_strv_builder_end (builder));
          g_strv_builder_unref (builder);
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
mbc_case_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MbcCase *self = MBC_CASE (object);
  MbcCaseField field = prop_id - 1;
  Slot slot = { 0 };

  if (prop_id == PROP_DECISION_CHOICE && g_value_get_string (value) != NULL &&
      !g_strv_contains (mbc_case_decision_get_choices (), g_value_get_string (value)))
    {
      g_critical ("%s: \"%s\" is not a decision", G_STRFUNC, g_value_get_string (value));
      return;
    }
  if (case_decision_member (self, prop_id) != NULL)
    {
      /* The date and the note are checked when the case is validated (and saved). */
      case_set_decision_member (self, prop_id, g_value_get_string (value));
      return;
    }
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (_mbc_case_fields[field].kind)
    {
    case MBC_CASE_KIND_LABEL:
      if (g_strcmp0 (self->label, g_value_get_string (value)) != 0)
        {
          g_free (self->label);
          self->label = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
          g_signal_emit (self, signals[CHANGED], 0);
        }
      return;
    case MBC_CASE_KIND_INT:
      slot.known = g_value_get_int (value) >= 0;
      slot.i = slot.known ? g_value_get_int (value) : 0;
      slot.d = (double) slot.i;
      break;
    case MBC_CASE_KIND_NUMBER:
      slot.known = g_value_get_double (value) >= 0;
      slot.d = slot.known ? g_value_get_double (value) : 0;
      slot.i = (gint64) slot.d;
      break;
    case MBC_CASE_KIND_BOOL:
    case MBC_CASE_KIND_CHOICE:
      {
        const char *s = g_value_get_string (value);
        int index = s ? _mbc_case_choice_index (field, s) : -1;
        if (index < 0 && s != NULL && strcmp (s, "unknown") != 0)
          {
            g_critical ("%s: \"%s\" is not a value of %s", G_STRFUNC, s,
                        _mbc_case_fields[field].name);
            return;
          }
        slot.known = index >= 0;
        slot.i = MAX (index, 0);
      }
      break;
    case MBC_CASE_KIND_SET:
      {
        const char * const *strv = g_value_get_boxed (value);
        for (guint i = 0; strv && strv[i]; i++)
          {
            int index = _mbc_case_choice_index (field, strv[i]);
            if (index < 0)
              {
                g_critical ("%s: \"%s\" is not a value of %s", G_STRFUNC, strv[i],
                            _mbc_case_fields[field].name);
                return;
              }
            slot.i |= 1 << index;
          }
        slot.known = slot.i != 0;
      }
      break;
    default:
      g_assert_not_reached ();
    }
  case_set_slot (self, field, &slot);
}

static void
mbc_case_finalize (GObject *object)
{
  MbcCase *self = MBC_CASE (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->decision_choice, g_free);
  g_clear_pointer (&self->decision_date, g_free);
  g_clear_pointer (&self->decision_note, g_free);
  g_clear_pointer (&self->rule_data, json_node_unref);
  G_OBJECT_CLASS (mbc_case_parent_class)->finalize (object);
}

static void
mbc_case_class_init (MbcCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mbc_case_finalize;
  object_class->get_property = mbc_case_get_property;
  object_class->set_property = mbc_case_set_property;

  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    {
      /* Property names are the field names with dashes, interned so they live forever. */
      g_autofree char *dashed = mbc_case_field_dup_property_name (i);
      const char *name = g_intern_string (dashed);
      const char *nick = _mbc_case_fields[i].title;
      GParamSpec *pspec;

      switch (_mbc_case_fields[i].kind)
        {
        case MBC_CASE_KIND_LABEL:
          pspec = g_param_spec_string (name, nick, "Free text that must not identify the patient",
                                       NULL, flags);
          break;
        case MBC_CASE_KIND_INT:
          pspec = g_param_spec_int (name, nick, "-1 when unknown", -1, G_MAXINT, -1, flags);
          break;
        case MBC_CASE_KIND_NUMBER:
          pspec = g_param_spec_double (name, nick, "-1 when unknown", -1, G_MAXDOUBLE, -1, flags);
          break;
        case MBC_CASE_KIND_BOOL:
        case MBC_CASE_KIND_CHOICE:
          pspec = g_param_spec_string (name, nick, "One of the field's values, or \"unknown\"",
                                       "unknown", flags);
          break;
        case MBC_CASE_KIND_SET:
          pspec = g_param_spec_boxed (name, nick, "The values present, NULL when unknown",
                                      G_TYPE_STRV, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      properties[i + 1] = pspec;
    }
  /* The clinician's decision (the case file's "decision"): NULL when absent. */
  properties[PROP_DECISION_CHOICE] =
    g_param_spec_string ("decision-choice", "Decision", "surgery, no_surgery, deferred or NULL",
                         NULL, flags);
  properties[PROP_DECISION_DATE] =
    g_param_spec_string ("decision-date", "Date of the decision", "YYYY-MM-DD or NULL", NULL,
                         flags);
  properties[PROP_DECISION_NOTE] =
    g_param_spec_string ("decision-note", "Note on the decision",
                         "At most 500 characters that must not identify the patient, or NULL",
                         NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbcCase::changed:
   *
   * Emitted once after any field changes (after its notify), so a view can re-evaluate.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mbc_case_init (MbcCase *self)
{
}

/* --- Public API ---------------------------------------------------------------------------- */

MbcCase *
mbc_case_new (void)
{
  return g_object_new (MBC_TYPE_CASE, NULL);
}

MbcCase *
mbc_case_copy (MbcCase *self)
{
  MbcCase *copy;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);

  copy = mbc_case_new ();
  copy->label = g_strdup (self->label);
  memcpy (copy->slots, self->slots, sizeof self->slots);
  copy->decision_choice = g_strdup (self->decision_choice);
  copy->decision_date = g_strdup (self->decision_date);
  copy->decision_note = g_strdup (self->decision_note);
  return copy;
}

gboolean
mbc_case_is_known (MbcCase      *self,
                   MbcCaseField  field)
{
  g_return_val_if_fail (MBC_IS_CASE (self), FALSE);
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, FALSE);

  if (_mbc_case_fields[field].kind == MBC_CASE_KIND_LABEL)
    return self->label != NULL;
  return self->slots[field].known;
}

/**
 * mbc_case_is_empty:
 *
 * Returns: whether nothing is recorded: every field unknown, no label and no decision.
 */
gboolean
mbc_case_is_empty (MbcCase *self)
{
  g_return_val_if_fail (MBC_IS_CASE (self), FALSE);

  if (self->decision_choice || self->decision_date || self->decision_note)
    return FALSE;
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    if (mbc_case_is_known (self, i))
      return FALSE;
  return TRUE;
}

void
mbc_case_set_unknown (MbcCase      *self,
                      MbcCaseField  field)
{
  static const Slot unknown = { 0 };

  g_return_if_fail (MBC_IS_CASE (self));
  g_return_if_fail (field < MBC_CASE_N_FIELDS);

  if (_mbc_case_fields[field].kind == MBC_CASE_KIND_LABEL)
    g_object_set (self, "label", NULL, NULL);
  else
    case_set_slot (self, field, &unknown);
}

/**
 * mbc_case_set_field_json:
 * @value: the value as a case file writes it
 * @problems: (element-type MbcProblem): where problems with the value are added
 *
 * Sets one field from its JSON form after checking its type and range; consistency with
 * other fields is left to mbc_case_validate().
 *
 * Returns: %TRUE when the value was valid and set.
 */
gboolean
mbc_case_set_field_json (MbcCase      *self,
                         MbcCaseField  field,
                         JsonNode     *value,
                         GPtrArray    *problems)
{
  g_autofree char *label = NULL;
  Slot slot;

  g_return_val_if_fail (MBC_IS_CASE (self), FALSE);
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!_mbc_case_check_value (field, value, NULL, &slot, &label, problems))
    return FALSE;
  if (_mbc_case_fields[field].kind == MBC_CASE_KIND_LABEL)
    g_object_set (self, "label", label, NULL);
  else
    case_set_slot (self, field, &slot);
  return TRUE;
}

/**
 * mbc_case_reset:
 *
 * Makes every field unknown (and the label and the decision absent), with one ::changed
 * emission.
 */
void
mbc_case_reset (MbcCase *self)
{
  gboolean changed;

  g_return_if_fail (MBC_IS_CASE (self));

  changed = self->label != NULL;
  g_object_freeze_notify (G_OBJECT (self));
  g_clear_pointer (&self->rule_data, json_node_unref);
  g_clear_pointer (&self->label, g_free);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[MBC_CASE_FIELD_LABEL + 1]);
  if (case_assign_decision (self, NULL))
    changed = TRUE;
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    if (self->slots[i].known)
      {
        memset (&self->slots[i], 0, sizeof (Slot));
        g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
        changed = TRUE;
      }
  g_object_thaw_notify (G_OBJECT (self));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mbc_case_assign:
 * @other: the case to copy
 *
 * Makes every field of @self (and the decision) that of @other, with a notify for each
 * that changed and one ::changed emission.
 */
void
mbc_case_assign (MbcCase *self,
                 MbcCase *other)
{
  gboolean changed = FALSE;

  g_return_if_fail (MBC_IS_CASE (self));
  g_return_if_fail (MBC_IS_CASE (other));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->label, other->label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (other->label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[MBC_CASE_FIELD_LABEL + 1]);
      changed = TRUE;
    }
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    {
      if (case_slot_equal (&self->slots[i], &other->slots[i]))
        continue;
      self->slots[i] = other->slots[i];
      g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
      changed = TRUE;
    }
  if (changed)
    g_clear_pointer (&self->rule_data, json_node_unref);
  if (case_assign_decision (self, other))
    changed = TRUE;
  g_object_thaw_notify (G_OBJECT (self));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mbc_case_format_value:
 *
 * Returns: (transfer full): the field's value for people: "Unknown", a number, or the
 *   titles of the chosen values.
 */
char *
mbc_case_format_value (MbcCase      *self,
                       MbcCaseField  field)
{
  const FieldInfo *info;
  const Slot *slot;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);

  info = &_mbc_case_fields[field];
  slot = &self->slots[field];
  if (info->kind == MBC_CASE_KIND_LABEL)
    return g_strdup (self->label ? self->label : _("Unknown"));
  if (!slot->known)
    return g_strdup (_("Unknown"));
  switch (info->kind)
    {
    case MBC_CASE_KIND_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, slot->i);
    case MBC_CASE_KIND_NUMBER:
      {
        GString *out = g_string_new (NULL);
        mbc_json_write_number (out, slot->d);
        return g_string_free (out, FALSE);
      }
    case MBC_CASE_KIND_BOOL:
    case MBC_CASE_KIND_CHOICE:
      return g_strdup (_(info->choice_titles[slot->i]));
    case MBC_CASE_KIND_SET:
      {
        GString *out = g_string_new (NULL);
        for (guint i = 0; info->choices[i]; i++)
          if (slot->i & (1 << i))
            g_string_append_printf (out, "%s%s", out->len ? ", " : "", _(info->choice_titles[i]));
        return g_string_free (out, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * mbc_case_to_vignette:
 *
 * Returns: (transfer full): the case as it is presented to a room: one line for each known
 *   field, its title and value (the label, which names the case, is left out).
 */
char *
mbc_case_to_vignette (MbcCase *self)
{
  GString *out;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);

  out = g_string_new (NULL);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      g_autofree char *value = NULL;

      if (_mbc_case_fields[f].kind == MBC_CASE_KIND_LABEL || !mbc_case_is_known (self, f))
        continue;
      value = mbc_case_format_value (self, f);
      g_string_append_printf (out, "%s%s: %s", out->len ? "\n" : "", _(_mbc_case_fields[f].title),
                              value);
    }
  return g_string_free (out, FALSE);
}

/**
 * mbc_case_get_decision_choice:
 *
 * Returns: (nullable): what the clinician decided (surgery, no_surgery, deferred), or %NULL.
 */
const char *
mbc_case_get_decision_choice (MbcCase *self)
{
  g_return_val_if_fail (MBC_IS_CASE (self), NULL);
  return self->decision_choice;
}

/**
 * mbc_case_get_decision_date:
 *
 * Returns: (nullable): the date of the decision, YYYY-MM-DD, or %NULL.
 */
const char *
mbc_case_get_decision_date (MbcCase *self)
{
  g_return_val_if_fail (MBC_IS_CASE (self), NULL);
  return self->decision_date;
}

/**
 * mbc_case_get_decision_note:
 *
 * Returns: (nullable): the note on the decision, or %NULL.
 */
const char *
mbc_case_get_decision_note (MbcCase *self)
{
  g_return_val_if_fail (MBC_IS_CASE (self), NULL);
  return self->decision_note;
}
