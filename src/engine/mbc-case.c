/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcCase: every field of a case file as a property, with the validation of the case
 * contract (docs/contracts.md). The model may hold an incomplete or even inconsistent case
 * while a person types; mbc_case_validate() says what is wrong, field by field. A case
 * read from JSON is only returned when it has no problem at all.
 */
#define G_LOG_DOMAIN "mbc-case"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-tier.h"
#include "mbc-file.h"
#include "mbc-json.h"
#include "mbc-problem.h"

typedef struct
{
  const char         *name;
  const char         *title;
  MbcCaseKind         kind;
  const char * const *choices;
  const char * const *choice_titles;
  double              min;
  double              max;
} FieldInfo;

typedef struct
{
  gboolean known;
  gint64   i;   /* int value, bool, index of a choice, or bit set of choices */
  double   d;   /* number value */
} Slot;

struct _MbcCase
{
  GObject  parent_instance;

  char     *label;
  Slot      slots[MBC_CASE_N_FIELDS];
  JsonNode *rule_data;  /* cache of mbc_case_to_rule_data(), dropped on any change */
};

G_DEFINE_FINAL_TYPE (MbcCase, mbc_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* one property a field, in field order */
  N_PROPS = MBC_CASE_N_FIELDS + 1
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const menopausal[] = { "premenopausal", "postmenopausal", NULL };
static const char * const menopausal_t[] = { N_("Premenopausal"), N_("Postmenopausal"), NULL };
static const char * const receptor[] = { "positive", "negative", NULL };
static const char * const receptor_t[] = { N_("Positive"), N_("Negative"), NULL };
static const char * const sites[] = {
  "bone", "liver", "lung", "brain", "distant_lymph_nodes", "pleura", "skin_soft_tissue",
  "other", NULL
};
static const char * const sites_t[] = {
  N_("Bone"), N_("Liver"), N_("Lung"), N_("Brain"), N_("Distant lymph nodes"), N_("Pleura"),
  N_("Skin and soft tissue"), N_("Other"), NULL
};
static const char * const response[] = { "complete", "partial", "stable", "progression", NULL };
static const char * const response_t[] = {
  N_("Complete response"), N_("Partial response"), N_("Stable disease"), N_("Progression"), NULL
};
static const char * const breast[] = { "complete", "residual", NULL };
static const char * const breast_t[] = { N_("Complete response"), N_("Residual disease"), NULL };
static const char * const imaging[] = { "pet_ct", "other", NULL };
static const char * const imaging_t[] = { N_("PET/CT"), N_("Other imaging"), NULL };
static const char * const margins[] = { "bcs", "mastectomy_only", "not_achievable", NULL };
static const char * const margins_t[] = {
  N_("Achievable with breast-conserving surgery"), N_("Achievable with mastectomy only"),
  N_("Not achievable"), NULL
};
static const char * const yes_no[] = { "yes", "no", NULL };
static const char * const yes_no_t[] = { N_("Yes"), N_("No"), NULL };
static const char * const nodes[] = { "clinically_positive", "clinically_negative", NULL };
static const char * const nodes_t[] = {
  N_("Clinically positive"), N_("Clinically negative"), NULL
};

static const FieldInfo fields[MBC_CASE_N_FIELDS] = {
  { "label", N_("Label"), MBC_CASE_KIND_LABEL, NULL, NULL, 0, MBC_CASE_LABEL_MAX_CHARS },
  { "age_years", N_("Age (years)"), MBC_CASE_KIND_INT, NULL, NULL, 18, 110 },
  { "menopausal_status", N_("Menopausal status"), MBC_CASE_KIND_CHOICE, menopausal, menopausal_t },
  { "ecog", N_("ECOG performance status"), MBC_CASE_KIND_INT, NULL, NULL, 0, 4 },
  { "er_status", N_("Oestrogen receptor (ER)"), MBC_CASE_KIND_CHOICE, receptor, receptor_t },
  { "pr_status", N_("Progesterone receptor (PR)"), MBC_CASE_KIND_CHOICE, receptor, receptor_t },
  { "her2_status", N_("HER2"), MBC_CASE_KIND_CHOICE, receptor, receptor_t },
  { "metastatic_sites", N_("Metastatic sites"), MBC_CASE_KIND_SET, sites, sites_t },
  { "metastatic_lesion_count", N_("Distant metastatic lesions"), MBC_CASE_KIND_INT, NULL, NULL,
    1, 1000 },
  { "liver_lesion_count", N_("Liver lesions"), MBC_CASE_KIND_INT, NULL, NULL, 0, 1000 },
  { "lung_lesion_count", N_("Lung lesions"), MBC_CASE_KIND_INT, NULL, NULL, 0, 1000 },
  { "systemic_therapy_completed", N_("Systemic therapy completed"), MBC_CASE_KIND_BOOL, yes_no,
    yes_no_t },
  { "metastatic_response", N_("Response at metastatic sites"), MBC_CASE_KIND_CHOICE, response,
    response_t },
  { "breast_response", N_("Response in the breast"), MBC_CASE_KIND_CHOICE, breast, breast_t },
  { "response_imaging", N_("Imaging used"), MBC_CASE_KIND_CHOICE, imaging, imaging_t },
  { "residual_breast_size_cm", N_("Residual breast lesion (cm)"), MBC_CASE_KIND_NUMBER, NULL, NULL,
    0, 30 },
  { "negative_margins", N_("Negative margins"), MBC_CASE_KIND_CHOICE, margins, margins_t },
  { "fit_for_surgery", N_("Fit for surgery"), MBC_CASE_KIND_CHOICE, yes_no, yes_no_t },
  { "axillary_nodes", N_("Axillary nodes"), MBC_CASE_KIND_CHOICE, nodes, nodes_t },
};

/* --- Field metadata ------------------------------------------------------------------------ */

const char *
mbc_case_field_get_name (MbcCaseField field)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  return fields[field].name;
}

const char *
mbc_case_field_get_title (MbcCaseField field)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  return _(fields[field].title);
}

MbcCaseKind
mbc_case_field_get_kind (MbcCaseField field)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, 0);
  return fields[field].kind;
}

/**
 * mbc_case_field_get_choices:
 *
 * Returns: (nullable): the values a choice, yes/no or set field allows, in the case
 *   file's spelling (yes/no fields: "yes", "no").
 */
const char * const *
mbc_case_field_get_choices (MbcCaseField field)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  return fields[field].choices;
}

const char *
mbc_case_field_get_choice_title (MbcCaseField  field,
                                 const char   *choice)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  g_return_val_if_fail (choice != NULL, NULL);

  if (fields[field].choices == NULL)
    return NULL;
  for (guint i = 0; fields[field].choices[i]; i++)
    if (strcmp (fields[field].choices[i], choice) == 0)
      return _(fields[field].choice_titles[i]);
  return NULL;
}

int
mbc_case_field_from_name (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    if (strcmp (fields[i].name, name) == 0)
      return (int) i;
  return -1;
}

/**
 * mbc_case_field_from_problem:
 * @where: where a problem is, such as "metastatic_sites[1]" or "ecog"
 *
 * Returns: the field a problem is about, or -1.
 */
int
mbc_case_field_from_problem (const char *where)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (where != NULL, -1);
  name = g_strndup (where, strcspn (where, "["));
  return mbc_case_field_from_name (name);
}

/**
 * mbc_case_field_get_range:
 *
 * The allowed range of a number field (for the label: its length in characters).
 */
void
mbc_case_field_get_range (MbcCaseField  field,
                          double       *min,
                          double       *max)
{
  g_return_if_fail (field < MBC_CASE_N_FIELDS);
  if (min)
    *min = fields[field].min;
  if (max)
    *max = fields[field].max;
}

static int
choice_index (MbcCaseField  field,
              const char   *value)
{
  const char * const *choices = fields[field].choices;
  for (int i = 0; choices && choices[i]; i++)
    if (strcmp (choices[i], value) == 0)
      return i;
  return -1;
}

static char *
allowed_list (MbcCaseField field)
{
  return g_strjoinv (", ", (char **) fields[field].choices);
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static double
number_of (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The text of a value for a message, short and with nothing that could break a line. */
static char *
quote_value (JsonNode *node)
{
  g_autofree char *text = mbc_json_to_string (node, 0);
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 40);
      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&text);
}

/* Checks one value against its field's type and range; on success fills *slot (and
 * *label). Consistency between fields is checked separately. */
static gboolean
check_value (MbcCaseField   field,
             JsonNode      *value,
             Slot          *slot,
             char         **label,
             GPtrArray     *problems)
{
  const FieldInfo *info = &fields[field];
  g_autofree char *got = NULL;
  guint before = problems->len;

  memset (slot, 0, sizeof *slot);
  switch (info->kind)
    {
    case MBC_CASE_KIND_LABEL:
      if (JSON_NODE_HOLDS_NULL (value))
        return TRUE; /* no label, as when absent */
      if (!is_string (value))
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
        for (const char *p = s; *p; p = g_utf8_next_char (p))
          if (g_unichar_iscntrl (g_utf8_get_char (p)))
            {
              mbc_problems_add (problems, info->name,
                                _("contains a control character (U+%04X, such as a line break "
                                "or tab); only printable text is allowed"),
                                g_utf8_get_char (p));
              break;
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
        double d = is_number (value) ? number_of (value) : NAN;
        if (!is_number (value) || (integer && d != floor (d)) || d < info->min || d > info->max)
          {
            mbc_problems_add (problems, info->name,
                              _("must be %s from %g to %g, or null for unknown; got %s"),
                              integer ? _("a whole number") : _("a number"), info->min, info->max,
                              (got = quote_value (value)));
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
                            (got = quote_value (value)));
          break;
        }
      slot->known = TRUE;
      slot->i = json_node_get_boolean (value) ? 0 : 1; /* index into yes_no */
      break;

    case MBC_CASE_KIND_CHOICE:
      {
        int index = is_string (value) ? choice_index (field, json_node_get_string (value)) : -1;
        /* "unknown" is the contract's spelling; null means the same and is accepted. */
        if (JSON_NODE_HOLDS_NULL (value) ||
            (is_string (value) && strcmp (json_node_get_string (value), "unknown") == 0))
          return TRUE;
        if (index < 0)
          {
            g_autofree char *allowed = allowed_list (field);
            mbc_problems_add (problems, info->name,
                              _("must be one of %s, or \"unknown\"; got %s"), allowed,
                              (got = quote_value (value)));
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
          g_autofree char *allowed = allowed_list (field);
          mbc_problems_add (problems, info->name,
                            _("must be a non-empty array of distinct values from %s, or null for "
                            "unknown; got %s"), allowed,
                            (got = quote_value (value)));
          break;
        }
      {
        JsonArray *array = json_node_get_array (value);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            g_autofree char *where = g_strdup_printf ("%s[%u]", info->name, i);
            int index = is_string (element) ? choice_index (field, json_node_get_string (element))
                                            : -1;
            if (index < 0)
              {
                g_autofree char *allowed = allowed_list (field);
                g_autofree char *bad = quote_value (element);
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
count_bits (gint64 mask)
{
  return (guint) __builtin_popcountll ((unsigned long long) mask);
}

/* What the case contract calls inconsistent: counts that cannot all be true together. */
static void
check_consistency (const Slot *s,
                   GPtrArray  *problems)
{
  const Slot *site_slot = &s[MBC_CASE_FIELD_METASTATIC_SITES];
  struct { MbcCaseField field; int site; const char *organ; } organs[] = {
    { MBC_CASE_FIELD_LIVER_LESION_COUNT, 1, "liver" },
    { MBC_CASE_FIELD_LUNG_LESION_COUNT, 2, "lung" },
  };
  gint64 needed = 0;

  if (!site_slot->known)
    return;

  for (guint k = 0; k < G_N_ELEMENTS (organs); k++)
    {
      const Slot *count = &s[organs[k].field];
      gboolean is_site = (site_slot->i & (1 << organs[k].site)) != 0;

      if (!count->known)
        continue;
      if (!is_site && count->i != 0)
        mbc_problems_add (problems, fields[organs[k].field].name,
                          "is %" G_GINT64_FORMAT " but %s is not among metastatic_sites; "
                          "must be 0 or null unless %s is a site", count->i, organs[k].organ,
                          organs[k].organ);
      else if (is_site && count->i < 1)
        mbc_problems_add (problems, fields[organs[k].field].name,
                          _("is 0 but %s is among metastatic_sites; must be at least 1, or null "
                          "for unknown"), organs[k].organ);
    }

  if (!s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].known)
    return;
  /* Every site has at least one lesion, and a known liver or lung count is all of that
   * organ's lesions. */
  needed = count_bits (site_slot->i);
  for (guint k = 0; k < G_N_ELEMENTS (organs); k++)
    {
      const Slot *count = &s[organs[k].field];
      if ((site_slot->i & (1 << organs[k].site)) && count->known && count->i > 1)
        needed += count->i - 1;
    }
  if (s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].i < needed)
    {
      gint64 n_sites = count_bits (site_slot->i);
      if (needed == n_sites)
        mbc_problems_add (problems, "metastatic_lesion_count",
                          "is %" G_GINT64_FORMAT ", fewer than the %" G_GINT64_FORMAT
                          " metastatic sites listed; must be at least the number of sites",
                          s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].i, n_sites);
      else
        mbc_problems_add (problems, "metastatic_lesion_count",
                          "is %" G_GINT64_FORMAT ", fewer than the liver and lung lesions plus "
                          "one for each other site (%" G_GINT64_FORMAT "); must be at least that",
                          s[MBC_CASE_FIELD_METASTATIC_LESION_COUNT].i, needed);
    }
}

/* --- Value conversion ---------------------------------------------------------------------- */

static JsonNode *
slot_to_json (MbcCase      *self,
              MbcCaseField  field,
              gboolean      for_rules)
{
  const FieldInfo *info = &fields[field];
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

/* A node that owns @object (json_node_init_object would take a second reference). */
static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* --- Properties ---------------------------------------------------------------------------- */

/* Two values of a field are the same: both unknown, or both known and equal. */
static gboolean
slot_equal (const Slot *a,
            const Slot *b)
{
  return a->known == b->known && (!a->known || (a->i == b->i && a->d == b->d));
}

static gboolean
set_slot (MbcCase      *self,
          MbcCaseField  field,
          const Slot   *slot)
{
  Slot *current = &self->slots[field];

  if (slot_equal (current, slot))
    return FALSE;
  *current = *slot;
  g_clear_pointer (&self->rule_data, json_node_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
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

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  slot = &self->slots[field];
  switch (fields[field].kind)
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
      g_value_set_string (value, slot->known ? fields[field].choices[slot->i] : "unknown");
      break;
    case MBC_CASE_KIND_SET:
      if (!slot->known)
        g_value_set_boxed (value, NULL);
      else
        {
          GStrvBuilder *builder = g_strv_builder_new ();
          for (guint i = 0; fields[field].choices[i]; i++)
            if (slot->i & (1 << i))
              g_strv_builder_add (builder, fields[field].choices[i]);
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

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  switch (fields[field].kind)
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
        int index = s ? choice_index (field, s) : -1;
        if (index < 0 && s != NULL && strcmp (s, "unknown") != 0)
          {
            g_critical ("%s: \"%s\" is not a value of %s", G_STRFUNC, s, fields[field].name);
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
            int index = choice_index (field, strv[i]);
            if (index < 0)
              {
                g_critical ("%s: \"%s\" is not a value of %s", G_STRFUNC, strv[i],
                            fields[field].name);
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
  set_slot (self, field, &slot);
}

static void
mbc_case_finalize (GObject *object)
{
  MbcCase *self = MBC_CASE (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->rule_data, json_node_unref);
  G_OBJECT_CLASS (mbc_case_parent_class)->finalize (object);
}

static char *
property_name (const char *field_name)
{
  char *name = g_strdup (field_name);
  g_strdelimit (name, "_", '-');
  return name;
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
      g_autofree char *dashed = property_name (fields[i].name);
      const char *name = g_intern_string (dashed);
      const char *nick = fields[i].title;
      GParamSpec *pspec;

      switch (fields[i].kind)
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

/* The optional "teaching" object of a library case: what the case teaches. It does not
 * change the case; it is checked so that a library file is a valid case file. */
static void
check_teaching (JsonNode  *node,
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

      if (strcmp (name, "title") == 0 || strcmp (name, "note") == 0)
        {
          if (!is_string (member) || *json_node_get_string (member) == '\0')
            mbc_problems_add (problems, where, _("must be a non-empty string"));
        }
      else if (strcmp (name, "statements") == 0)
        {
          JsonArray *array = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
          gboolean ok = array && json_array_get_length (array) > 0;

          for (guint i = 0; ok && i < json_array_get_length (array); i++)
            ok = is_string (json_array_get_element (array, i));
          if (!ok)
            mbc_problems_add (problems, where, _("must be a non-empty array of source ids"));
        }
      else if (strcmp (name, "expected_tier") == 0)
        {
          if (!is_string (member) ||
              !g_strv_contains (tiers, json_node_get_string (member)))
            mbc_problems_add (problems, where, _("must be one of recommended, individualise, "
                              "not_recommended, indeterminate"));
        }
      else
        {
          g_autofree char *shown = g_utf8_make_valid (name, -1);
          g_autofree char *at = g_strdup_printf (MBC_CASE_TEACHING ".%s", shown);
          mbc_problems_add (problems, at, _("unknown field; allowed fields: title, statements, "
                            "note, expected_tier"));
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
  else if (!is_string (member) || strcmp (json_node_get_string (member), MBC_CASE_SCHEMA) != 0)
    {
      g_autofree char *got = quote_value (member);
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
          check_teaching (member, problems);
          continue;
        }
      field = mbc_case_field_from_name (name);
      if (field < 0)
        {
          g_autoptr(GString) allowed = g_string_new ("schema, " MBC_CASE_TEACHING);
          g_autofree char *shown = g_utf8_make_valid (name, -1);
          for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
            g_string_append_printf (allowed, ", %s", fields[i].name);
          g_strdelimit (shown, "\n\r\t", ' ');
          mbc_problems_add (problems, shown, _("unknown field; allowed fields: %s"), allowed->str);
          continue;
        }
      check_value (field, member, &self->slots[field], &self->label, problems);
    }
  if (problems->len == before)
    check_consistency (self->slots, problems);
  return problems->len == before ? g_steal_pointer (&self) : NULL;
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
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  MbcCase *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  root = mbc_json_parse (data, length, MBC_CASE_MAX_DEPTH, &error);
  if (root == NULL)
    {
      mbc_problems_add (problems, "$", "%s", error->message);
      return NULL;
    }
  self = mbc_case_new_from_json (root, problems);
  if (self != NULL)
    {
      /* The tree just read, once it holds only the known fields, is what rules read: keep
       * it instead of building the same object again (this is the batch's hot path). */
      JsonObject *object = json_node_get_object (root);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *value = json_object_get_member (object, l->data);
          if (strcmp (l->data, "schema") == 0 || strcmp (l->data, "label") == 0 ||
              strcmp (l->data, MBC_CASE_TEACHING) == 0 ||
              JSON_NODE_HOLDS_NULL (value) ||
              (is_string (value) && strcmp (json_node_get_string (value), "unknown") == 0))
            json_object_remove_member (object, l->data);
        }
      self->rule_data = g_steal_pointer (&root);
    }
  return self;
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
      if (mbc_case_validate (copy, problems))
        break;
      for (guint i = 0; i < problems->len; i++)
        {
          int field = mbc_case_field_from_problem (((MbcProblem *) problems->pdata[i])->where);
          if (field >= 0)
            mbc_case_set_unknown (copy, field);
        }
    }
  return copy;
}

MbcCase *
mbc_case_copy (MbcCase *self)
{
  MbcCase *copy;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);

  copy = mbc_case_new ();
  copy->label = g_strdup (self->label);
  memcpy (copy->slots, self->slots, sizeof self->slots);
  return copy;
}

gboolean
mbc_case_is_known (MbcCase      *self,
                   MbcCaseField  field)
{
  g_return_val_if_fail (MBC_IS_CASE (self), FALSE);
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, FALSE);

  if (fields[field].kind == MBC_CASE_KIND_LABEL)
    return self->label != NULL;
  return self->slots[field].known;
}

void
mbc_case_set_unknown (MbcCase      *self,
                      MbcCaseField  field)
{
  static const Slot unknown = { 0 };

  g_return_if_fail (MBC_IS_CASE (self));
  g_return_if_fail (field < MBC_CASE_N_FIELDS);

  if (fields[field].kind == MBC_CASE_KIND_LABEL)
    g_object_set (self, "label", NULL, NULL);
  else
    set_slot (self, field, &unknown);
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
  return slot_to_json (self, field, FALSE);
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

  if (!check_value (field, value, &slot, &label, problems))
    return FALSE;
  if (fields[field].kind == MBC_CASE_KIND_LABEL)
    g_object_set (self, "label", label, NULL);
  else
    set_slot (self, field, &slot);
  return TRUE;
}

/**
 * mbc_case_reset:
 *
 * Makes every field unknown (and the label absent), with one ::changed emission.
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
 * Makes every field of @self that of @other, with a notify for each field that changed
 * and one ::changed emission.
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
      if (slot_equal (&self->slots[i], &other->slots[i]))
        continue;
      self->slots[i] = other->slots[i];
      g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
      changed = TRUE;
    }
  if (changed)
    g_clear_pointer (&self->rule_data, json_node_unref);
  g_object_thaw_notify (G_OBJECT (self));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mbc_case_validate:
 * @problems: (element-type MbcProblem): where every problem is added, each naming its field
 *
 * Checks every field's range and the consistency between fields, as a case file is
 * checked when it is read.
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
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    {
      g_autoptr(JsonNode) value = slot_to_json (self, i, FALSE);
      Slot slot;
      if (value != NULL)
        check_value (i, value, &slot, NULL, problems);
    }
  if (problems->len == before)
    check_consistency (self->slots, problems);
  return problems->len == before;
}

/**
 * mbc_case_to_json:
 *
 * Returns: (transfer full): the case file, every field written (unknowns as null or
 *   "unknown"), in the order of the contract.
 */
JsonNode *
mbc_case_to_json (MbcCase *self)
{
  JsonObject *object;

  g_return_val_if_fail (MBC_IS_CASE (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "schema", MBC_CASE_SCHEMA);
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    {
      JsonNode *value = slot_to_json (self, i, FALSE);
      if (value != NULL)
        json_object_set_member (object, fields[i].name, value);
    }
  return object_node (object);
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
  return mbc_file_write_atomic (file, data, length, error);
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
    if (fields[i].kind != MBC_CASE_KIND_LABEL && self->slots[i].known)
      json_object_set_member (object, fields[i].name, slot_to_json (self, i, TRUE));
  self->rule_data = object_node (object);
  return json_node_ref (self->rule_data);
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

  info = &fields[field];
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

      if (fields[f].kind == MBC_CASE_KIND_LABEL || !mbc_case_is_known (self, f))
        continue;
      value = mbc_case_format_value (self, f);
      g_string_append_printf (out, "%s%s: %s", out->len ? "\n" : "", _(fields[f].title), value);
    }
  return g_string_free (out, FALSE);
}
