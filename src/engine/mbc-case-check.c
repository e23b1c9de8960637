/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The case contract (docs/contracts.md): each value against its field's type and range,
 * the counts that cannot all be true together, a library case's "teaching" object; and
 * the one place of the rule that a field with a problem reads as unknown
 * (mbc_case_copy_evaluable()).
 */
#define G_LOG_DOMAIN "mbc-case"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-case-private.h"
#include "mbc-file.h"
#include "mbc-json.h"
#include "mbc-problem.h"
#include "mbc-tier.h"

/* The choice of @field that is the @len bytes at @text, or -1. */
int
_mbc_case_choice_index_len (MbcCaseField  field,
                            const char   *text,
                            gsize         len)
{
  const char * const *choices = _mbc_case_fields[field].choices;
  for (int i = 0; choices && choices[i]; i++)
    if (_mbc_case_name_is (choices[i], text, len))
      return i;
  return -1;
}

int
_mbc_case_choice_index (MbcCaseField  field,
                        const char   *value)
{
  return _mbc_case_choice_index_len (field, value, strlen (value));
}

/* Whether the @len bytes at @text are not text a person may write in a case (a label, the
 * decision's note): a control character, one that can make it read as something else (a
 * line or paragraph separator, a change of writing direction) or an invisible one
 * (mbc_unichar_is_unsafe()); the first in *c. */
gboolean
_mbc_case_text_unsafe (const char *text,
                        gsize       len,
                        gunichar   *c)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      *c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (*c) || mbc_unichar_is_unsafe (*c))
        return TRUE;
    }
  return FALSE;
}

static char *
check_allowed_list (MbcCaseField field)
{
  return g_strjoinv (", ", (char **) _mbc_case_fields[field].choices);
}

static double
check_number_of (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

/* The text of a value for a message, short and with nothing that could break a line. */
char *
_mbc_case_quote_value (JsonNode   *node,
                       GHashTable *literals)
{
  const char *literal = literals ? g_hash_table_lookup (literals, node) : NULL;
  g_autofree char *text = literal ? g_strdup (literal) : mbc_json_to_string (node, 0);
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 40);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&text);
}

/* Checks one value against its field's type and range; on success fills *slot (and
 * *label). Consistency between fields is checked separately. */
gboolean
_mbc_case_check_value (MbcCaseField   field,
                       JsonNode      *value,
                       GHashTable    *literals,
                       Slot          *slot,
                       char         **label,
                       GPtrArray     *problems)
{
  const FieldInfo *info = &_mbc_case_fields[field];
  g_autofree char *got = NULL;
  guint before = problems->len;

  memset (slot, 0, sizeof *slot);
  switch (info->kind)
    {
    case MBC_CASE_KIND_LABEL:
      if (JSON_NODE_HOLDS_NULL (value))
        return TRUE; /* no label, as when absent */
      if (!mbc_json_is_string (value))
        {
          mbc_problems_add (problems, info->name,
                            _("must be a string of at most %d characters, or absent; got %s"),
                            MBC_CASE_LABEL_MAX_CHARS, mbc_json_type_name (value));
          break;
        }
      {
        const char *s = json_node_get_string (value);
        glong chars = g_utf8_strlen (s, -1);
        if (chars > MBC_CASE_LABEL_MAX_CHARS)
          mbc_problems_add (problems, info->name,
                            _("is %ld characters long; at most %d are allowed"), chars,
                            MBC_CASE_LABEL_MAX_CHARS);
        if (literals && g_hash_table_contains (literals, value))
          mbc_problems_add (problems, info->name,
                            _("contains a NUL character (\\u0000); only printable text is "
                              "allowed"));
        else
          {
            gunichar c;
            if (_mbc_case_text_unsafe (s, strlen (s), &c))
              mbc_problems_add (problems, info->name,
                                _("contains a control or invisible character (U+%04X, "
                                  "such as a line break, a tab, a change of writing "
                                  "direction or a zero-width space); only printable text "
                                  "is allowed"), c);
          }
        if (problems->len == before && label)
          *label = g_strdup (s);
      }
      break;

    case MBC_CASE_KIND_INT:
    case MBC_CASE_KIND_NUMBER:
      if (JSON_NODE_HOLDS_NULL (value))
        return TRUE;
      {
        gboolean integer = info->kind == MBC_CASE_KIND_INT;
        double d = mbc_json_is_number (value) ? check_number_of (value) : NAN;
        /* A whole number is written as one (the reader makes "45.0" one, and leaves
         * "44.99999999999999999999" a fraction): never one a fraction rounds to. */
        gboolean whole = json_node_get_value_type (value) == G_TYPE_INT64;
        if (!mbc_json_is_number (value) || (integer && !whole) || d < info->min ||
            d > info->max)
          {
            mbc_problems_add (problems, info->name,
                              _("must be %s from %g to %g, or null for unknown; got %s"),
                              integer ? _("a whole number") : _("a number"), info->min, info->max,
                              (got = _mbc_case_quote_value (value, literals)));
            break;
          }
        slot->known = TRUE;
        slot->i = (gint64) d;
        slot->d = d;
      }
      break;

    case MBC_CASE_KIND_BOOL:
      if (JSON_NODE_HOLDS_NULL (value))
        return TRUE;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        {
          mbc_problems_add (problems, info->name,
                            _("must be true, false, or null for unknown; got %s"),
                            (got = _mbc_case_quote_value (value, literals)));
          break;
        }
      slot->known = TRUE;
      slot->i = json_node_get_boolean (value) ? 0 : 1; /* index into yes_no */
      break;

    case MBC_CASE_KIND_CHOICE:
      {
        int index = mbc_json_is_string (value)
                    ? _mbc_case_choice_index (field, json_node_get_string (value)) : -1;
        /* "unknown" is the contract's spelling; null means the same and is accepted. */
        if (JSON_NODE_HOLDS_NULL (value) ||
            (mbc_json_is_string (value) && strcmp (json_node_get_string (value), "unknown") == 0))
          return TRUE;
        if (index < 0)
          {
            g_autofree char *allowed = check_allowed_list (field);
            mbc_problems_add (problems, info->name,
                              _("must be one of %s, or \"unknown\"; got %s"), allowed,
                              (got = _mbc_case_quote_value (value, literals)));
            break;
          }
        slot->known = TRUE;
        slot->i = index;
      }
      break;

    case MBC_CASE_KIND_SET:
      if (JSON_NODE_HOLDS_NULL (value))
        return TRUE;
      if (!JSON_NODE_HOLDS_ARRAY (value) ||
          json_array_get_length (json_node_get_array (value)) == 0)
        {
          g_autofree char *allowed = check_allowed_list (field);
          mbc_problems_add (problems, info->name,
                            _("must be a non-empty array of distinct values from %s, or null for "
                            "unknown; got %s"), allowed,
                            (got = _mbc_case_quote_value (value, literals)));
          break;
        }
      {
        JsonArray *array = json_node_get_array (value);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            g_autofree char *where = g_strdup_printf ("%s[%u]", info->name, i);
            int index = mbc_json_is_string (element)
                        ? _mbc_case_choice_index (field, json_node_get_string (element)) : -1;
            if (index < 0)
              {
                g_autofree char *allowed = check_allowed_list (field);
                g_autofree char *bad = _mbc_case_quote_value (element, literals);
                mbc_problems_add (problems, where, _("must be one of %s; got %s"), allowed, bad);
              }
            else if (slot->i & (1 << index))
              mbc_problems_add (problems, where,
                                _("\"%s\" is listed twice; sites must be distinct"),
                                json_node_get_string (element));
            else
              slot->i |= 1 << index;
          }
        slot->known = problems->len == before;
        if (!slot->known)
          slot->i = 0;
      }
      break;

    default:
      g_assert_not_reached ();
    }
  return problems->len == before;
}

static guint
check_count_bits (gint64 mask)
{
  return (guint) __builtin_popcountll ((unsigned long long) mask);
}

/* What the case contract calls inconsistent: counts that cannot all be true together. With
 * @people, the messages are for the form and the report (the fields by their titles), not
 * for the file (the fields by their names). */
static void
check_consistency (const Slot *s,
                   gboolean    people,
                   GPtrArray  *problems)
{
  const Slot *site_slot = &s[MBC_CASE_FIELD_METASTATIC_SITES];
  struct { MbcCaseField field; int site; const char *organ; } organs[] = {
    { MBC_CASE_FIELD_LIVER_LESION_COUNT, 1, "liver" },
    { MBC_CASE_FIELD_LUNG_LESION_COUNT, 2, "lung" },
  };
  gint64 needed = 0;

  if (!site_slot->known)
    {
      /* Whatever the sites, the liver and lung lesions are among all the lesions. */
      const Slot *total = &s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT];
      gint64 counted = 0;

      for (guint k = 0; k < G_N_ELEMENTS (organs); k++)
        if (s[organs[k].field].known)
          counted += s[organs[k].field].i;
      if (total->known && counted > total->i)
        mbc_problems_add (problems, "metastatic_lesion_count",
                          people ? _("is %d, fewer than the liver and lung lesions counted (%d)")
                                 : _("is %d, fewer than liver_lesion_count + "
                                     "lung_lesion_count (%d); must be at least that"),
                          (int) total->i, (int) counted);
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (organs); k++)
    {
      const Slot *count = &s[organs[k].field];
      gboolean is_site = (site_slot->i & (1 << organs[k].site)) != 0;

      if (!count->known)
        continue;
      const char *where = _mbc_case_fields[organs[k].field].name;
      const char *title = mbc_case_field_get_choice_title (MBC_CASE_FIELD_METASTATIC_SITES,
                                                           organs[k].organ);

      if (!is_site && count->i != 0 && people)
        mbc_problems_add (problems, where, _("is %d, but %s is not checked as a metastatic "
                          "site: check it, or clear this count"), (int) count->i, title);
      else if (!is_site && count->i != 0)
        mbc_problems_add (problems, where,
                          _("is %d but %s is not among metastatic_sites; "
                          "must be 0 or null unless %s is a site"), (int) count->i,
                          organs[k].organ, organs[k].organ);
      else if (is_site && count->i < 1 && people)
        mbc_problems_add (problems, where, _("is 0, but %s is checked as a metastatic site, "
                          "which has at least one lesion: correct the count, or clear it if "
                          "it is not known"), title);
      else if (is_site && count->i < 1)
        mbc_problems_add (problems, where,
                          _("is 0 but %s is among metastatic_sites; must be at least 1, or null "
                          "for unknown"), organs[k].organ);
    }

  if (!s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].known)
    return;
  /* Every site has at least one lesion, and a known liver or lung count is all of that
   * organ's lesions. */
  needed = check_count_bits (site_slot->i);
  for (guint k = 0; k < G_N_ELEMENTS (organs); k++)
    {
      const Slot *count = &s[organs[k].field];
      if ((site_slot->i & (1 << organs[k].site)) && count->known && count->i > 1)
        needed += count->i - 1;
    }
  if (s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].i < needed)
    {
      gint64 n_sites = check_count_bits (site_slot->i);
      int total = (int) s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].i;

      if (needed == n_sites)
        mbc_problems_add (problems, "metastatic_lesion_count",
                          people ? _("is %d, fewer than the %d metastatic sites checked: each "
                                     "site has at least one lesion")
                                 : _("is %d, fewer than the %d metastatic sites listed; must be "
                                     "at least the number of sites"), total, (int) n_sites);
      else
        mbc_problems_add (problems, "metastatic_lesion_count",
                          people ? _("is %d, fewer than the liver and lung lesions plus one for "
                                     "each other site checked (%d)")
                                 : _("is %d, fewer than the liver and lung lesions plus one for "
                                     "each other site (%d); must be at least that"),
                          total, (int) needed);
      return;
    }

  /* With no site other than liver and lung, every lesion is in those organs: when both
   * listed organs are counted, their counts add up to the total (fewer is checked above). */
  if ((site_slot->i & ~((1 << organs[0].site) | (1 << organs[1].site))) == 0)
    {
      gint64 counted = 0;
      int total = (int) s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].i;

      for (guint k = 0; k < G_N_ELEMENTS (organs); k++)
        {
          const Slot *count = &s[organs[k].field];
          if (!(site_slot->i & (1 << organs[k].site)))
            continue;
          if (!count->known)
            return;
          counted += count->i;
        }
      if (counted != total)
        mbc_problems_add (problems, "metastatic_lesion_count",
                          people ? _("is %d, but the liver and lung lesions counted add up to "
                                     "%d, and with no other site checked every lesion is in the "
                                     "liver or the lungs: correct the counts")
                                 : _("is %d but liver_lesion_count + lung_lesion_count is %d; "
                                     "with no site other than liver and lung listed they must "
                                     "add up to the total"),
                          total, (int) counted);
    }
}

void
_mbc_case_check_consistency (const Slot *s,
                             GPtrArray  *problems)
{
  check_consistency (s, FALSE, problems);
}

/* The optional "teaching" object of a library case: what the case teaches. It does not
 * change the case; it is checked so that a library file is a valid case file. */
void
_mbc_case_check_teaching (JsonNode  *node,
                          GPtrArray *problems)
{
  const char * const *tiers = mbc_tier_names ();
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mbc_problems_add (problems, MBC_CASE_TEACHING, _("must be an object with title, "
                        "statements, note and expected_tier"));
      return;
    }
  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *where = g_strdup_printf (MBC_CASE_TEACHING ".%s", name);

      if (strcmp (name, "title") == 0 || strcmp (name, "note") == 0 ||
          strcmp (name, "vignette") == 0)
        {
          if (!mbc_json_is_string (member) || *json_node_get_string (member) == '\0')
            mbc_problems_add (problems, where, _("must be a non-empty string"));
        }
      else if (strcmp (name, "statements") == 0)
        {
          JsonArray *array = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
          gboolean ok = array && json_array_get_length (array) > 0;

          for (guint i = 0; ok && i < json_array_get_length (array); i++)
            ok = mbc_json_is_string (json_array_get_element (array, i));
          if (!ok)
            mbc_problems_add (problems, where, _("must be a non-empty array of source ids"));
        }
      else if (strcmp (name, "expected_tier") == 0)
        {
          if (!mbc_json_is_string (member) ||
              !g_strv_contains (tiers, json_node_get_string (member)))
            mbc_problems_add (problems, where, _("must be one of recommended, individualise, "
                              "not_recommended, indeterminate"));
        }
      else
        {
          g_autofree char *shown = g_utf8_make_valid (name, -1);
          g_autofree char *at = g_strdup_printf (MBC_CASE_TEACHING ".%s", shown);
          mbc_problems_add (problems, at, _("unknown field; allowed fields: title, statements, "
                            "note, expected_tier, vignette"));
        }
    }
  for (guint i = 0; i < 4; i++)
    {
      static const char * const required[] = { "title", "statements", "note", "expected_tier" };
      if (!json_object_has_member (object, required[i]))
        {
          g_autofree char *where = g_strdup_printf (MBC_CASE_TEACHING ".%s", required[i]);
          mbc_problems_add (problems, where, _("is required"));
        }
    }
}

/* A real date written YYYY-MM-DD, not after today. */
static void
check_decision_date (const char *where,
                     const char *s,
                     GPtrArray  *problems)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean shaped = strlen (s) == 10 && s[4] == '-' && s[7] == '-';
  g_autofree char *shown = NULL;

  for (guint i = 0; shaped && i < 10; i++)
    shaped = i == 4 || i == 7 || g_ascii_isdigit (s[i]);
  if (!shaped ||
      !g_date_valid_dmy ((GDateDay) atoi (s + 8), (GDateMonth) atoi (s + 5),
                         (GDateYear) atoi (s)))
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), s);
      shown = _mbc_case_quote_value (node, NULL);
      mbc_problems_add (problems, where, _("must be a date written YYYY-MM-DD, such as %s; "
                        "got %s"), today, shown);
    }
  else if (strcmp (s, today) > 0)
    mbc_problems_add (problems, where, _("is %s, in the future; a decision is dated the day it "
                      "was taken, today (%s) at the latest"), s, today);
}

/* The optional "decision" member: what the clinician decided, when, and a note. It is
 * checked as strictly as the fields, but it is not one: no rule reads it. On success,
 * *choice, *date and *note (each NULL when absent) are set. */
gboolean
_mbc_case_check_decision (JsonNode    *node,
                          GHashTable  *literals,
                          char       **choice,
                          char       **date,
                          char       **note,
                          GPtrArray   *problems)
{
  const char * const *choices = mbc_case_decision_get_choices ();
  guint before = problems->len;
  const char *values[3] = { NULL, NULL, NULL };
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  *choice = *date = *note = NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE; /* as when absent */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mbc_problems_add (problems, MBC_CASE_DECISION, _("must be an object with choice, and "
                        "optionally date and note, or absent; got %s"), mbc_json_type_name (node));
      return FALSE;
    }
  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *got = NULL;
      gunichar bad = 0;
      int k = strcmp (name, "choice") == 0 ? 0 : strcmp (name, "date") == 0 ? 1
              : strcmp (name, "note") == 0 ? 2 : -1;
      g_autofree char *where = NULL;

      if (k < 0)
        {
          g_autofree char *shown = g_utf8_make_valid (name, -1);
          g_autofree char *at = g_strdup_printf (MBC_CASE_DECISION ".%s", shown);
          mbc_problems_add (problems, at, _("unknown field; allowed fields: choice, date, note"));
          continue;
        }
      where = g_strdup_printf (MBC_CASE_DECISION ".%s", name);
      if (k > 0 && JSON_NODE_HOLDS_NULL (member))
        continue;
      if (!mbc_json_is_string (member) || (literals && g_hash_table_contains (literals, member)))
        {
          got = _mbc_case_quote_value (member, literals);
          if (k == 0)
            {
              g_autofree char *allowed = g_strjoinv (", ", (char **) choices);
              mbc_problems_add (problems, where, _("must be one of %s; got %s"), allowed, got);
            }
          else if (k == 1)
            mbc_problems_add (problems, where, _("must be a date written YYYY-MM-DD, or null; "
                              "got %s"), got);
          else
            mbc_problems_add (problems, where, _("must be a string of at most %d characters "
                              "without control characters, or null; got %s"),
                              MBC_CASE_DECISION_NOTE_MAX_CHARS, got);
          continue;
        }
      values[k] = json_node_get_string (member);
      if (k == 0 && !g_strv_contains (choices, values[k]))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) choices);
          got = _mbc_case_quote_value (member, literals);
          mbc_problems_add (problems, where, _("must be one of %s; got %s"), allowed, got);
        }
      else if (k == 1)
        check_decision_date (where, values[k], problems);
      else if (k == 2)
        {
          glong chars = g_utf8_strlen (values[k], -1);
          if (chars > MBC_CASE_DECISION_NOTE_MAX_CHARS)
            mbc_problems_add (problems, where,
                              _("is %ld characters long; at most %d are allowed"), chars,
                              MBC_CASE_DECISION_NOTE_MAX_CHARS);
          if (_mbc_case_text_unsafe (values[k], strlen (values[k]), &bad))
            mbc_problems_add (problems, where,
                              _("contains a control or invisible character (U+%04X, "
                                "such as a line break, a tab, a change of writing "
                                "direction or a zero-width space); only printable text "
                                "is allowed"), bad);
        }
    }
  if (values[0] == NULL && problems->len == before &&
      !json_object_has_member (object, "choice"))
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) choices);
      mbc_problems_add (problems, MBC_CASE_DECISION ".choice", _("is required: one of %s"),
                        allowed);
    }
  if (problems->len != before)
    return FALSE;
  *choice = g_strdup (values[0]);
  *date = g_strdup (values[1]);
  *note = g_strdup (values[2]);
  return TRUE;
}

/**
 * mbc_case_validate_values:
 * @problems: (element-type MbcProblem): where every problem is added, each naming its field
 *
 * Checks each field's value on its own (its range, its length, its characters), not the
 * consistency between fields: what a case file must meet to be opened at all. The messages
 * are for people (the form, the report, Save), not for the file.
 *
 * Returns: %TRUE when no value has a problem.
 */
gboolean
mbc_case_validate_values (MbcCase   *self,
                          GPtrArray *problems)
{
  guint before;

  g_return_val_if_fail (MBC_IS_CASE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  before = problems->len;
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    {
      g_autoptr(JsonNode) value = _mbc_case_slot_to_json (self, i, FALSE);
      MbcCaseKind kind = _mbc_case_fields[i].kind;
      guint had = problems->len;
      Slot slot;

      if (value == NULL || _mbc_case_check_value (i, value, NULL, &slot, NULL, problems))
        continue;
      /* A number past its range, for people: the range, and the value as it is. */
      if ((kind == MBC_CASE_KIND_INT || kind == MBC_CASE_KIND_NUMBER) && problems->len > had)
        {
          MbcProblem *problem = g_ptr_array_index (problems, had);
          g_free (problem->message);
          problem->message = kind == MBC_CASE_KIND_INT
            ? g_strdup_printf (_("must be a whole number from %g to %g; it is %d"),
                               _mbc_case_fields[i].min, _mbc_case_fields[i].max,
                               (int) self->slots[i].i)
            : g_strdup_printf (_("must be from %g to %g; it is %g"), _mbc_case_fields[i].min,
                               _mbc_case_fields[i].max, self->slots[i].d);
        }
    }
  {
    g_autoptr(JsonNode) decision = _mbc_case_decision_to_json (self);
    g_autofree char *choice = NULL, *date = NULL, *note = NULL;
    if (decision != NULL)
      _mbc_case_check_decision (decision, NULL, &choice, &date, &note, problems);
  }
  return problems->len == before;
}

/**
 * mbc_case_validate:
 * @problems: (element-type MbcProblem): where every problem is added, each naming its field
 *
 * Checks every field's range and the consistency between fields, as a case file is
 * checked when it is read; both kinds are reported, so that a form can show each at its
 * field, in words for people.
 *
 * Returns: %TRUE when the case has no problem.
 */
gboolean
mbc_case_validate (MbcCase   *self,
                   GPtrArray *problems)
{
  guint before;

  g_return_val_if_fail (MBC_IS_CASE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  before = problems->len;
  mbc_case_validate_values (self, problems);
  check_consistency (self->slots, TRUE, problems);
  return problems->len == before;
}

/**
 * mbc_case_copy_evaluable:
 *
 * A case as it is being entered may hold values with problems (fewer lesions than sites,
 * say). What is evaluated is a copy in which every field with a problem counts as unknown,
 * until what remains is valid: the one place this rule lives.
 *
 * Returns: (transfer full): a valid copy of @self.
 */
MbcCase *
mbc_case_copy_evaluable (MbcCase *self)
{
  MbcCase *copy;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);
  copy = mbc_case_copy (self);
  for (int round = 0; round < MBC_CASE_N_FIELDS; round++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      gboolean cleared = FALSE;
      if (mbc_case_validate (copy, problems))
        break;
      for (guint i = 0; i < problems->len; i++)
        {
          int field = mbc_case_field_from_problem (((MbcProblem *) problems->pdata[i])->where);
          if (field >= 0)
            {
              mbc_case_set_unknown (copy, field);
              cleared = TRUE;
            }
        }
      /* What is left is not a field (the decision, which no rule reads). */
      if (!cleared)
        break;
    }
  return copy;
}

