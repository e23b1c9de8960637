/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The fields of a case file (docs/contracts.md): each one's name, title for people, kind,
 * allowed values and range, in the order of the contract. MbcCase has a property for each.
 */
#define G_LOG_DOMAIN "mbc-case"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-case.h"
#include "mbc-case-private.h"

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

/* The clinician's decision (the "decision" member): not a field, since no rule reads it. */
static const char * const decision_choices[] = { "surgery", "no_surgery", "deferred", NULL };
static const char * const decision_choice_titles[] = {
  N_("Surgery"), N_("No surgery"), N_("Deferred"), NULL
};

const FieldInfo _mbc_case_fields[MBC_CASE_N_FIELDS] = {
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
  return _mbc_case_fields[field].name;
}

/**
 * mbc_case_field_dup_property_name:
 *
 * Returns: (transfer full): the name of the field's property ("age-years" for "age_years").
 */
char *
mbc_case_field_dup_property_name (MbcCaseField field)
{
  char *name;

  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);

  name = g_strdup (_mbc_case_fields[field].name);
  g_strdelimit (name, "_", '-');
  return name;
}

const char *
mbc_case_field_get_title (MbcCaseField field)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  return _(_mbc_case_fields[field].title);
}

MbcCaseKind
mbc_case_field_get_kind (MbcCaseField field)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, 0);
  return _mbc_case_fields[field].kind;
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
  return _mbc_case_fields[field].choices;
}

const char *
mbc_case_field_get_choice_title (MbcCaseField  field,
                                 const char   *choice)
{
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  g_return_val_if_fail (choice != NULL, NULL);

  if (_mbc_case_fields[field].choices == NULL)
    return NULL;
  for (guint i = 0; _mbc_case_fields[field].choices[i]; i++)
    if (strcmp (_mbc_case_fields[field].choices[i], choice) == 0)
      return _(_mbc_case_fields[field].choice_titles[i]);
  return NULL;
}

/* The field named by the @len bytes at @text, or -1. */
int
_mbc_case_field_from_name_len (const char *text,
                               gsize       len)
{
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    if (_mbc_case_name_is (_mbc_case_fields[i].name, text, len))
      return (int) i;
  return -1;
}

int
mbc_case_field_from_name (const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  return _mbc_case_field_from_name_len (name, strlen (name));
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
    *min = _mbc_case_fields[field].min;
  if (max)
    *max = _mbc_case_fields[field].max;
}


/**
 * mbc_case_decision_get_choices:
 *
 * Returns: (transfer none): what the "choice" of a case's "decision" may be, in order.
 */
const char * const *
mbc_case_decision_get_choices (void)
{
  return decision_choices;
}

/**
 * mbc_case_decision_get_choice_title:
 *
 * Returns: a decision's choice for people ("No surgery"), or @choice itself if it is none.
 */
const char *
mbc_case_decision_get_choice_title (const char *choice)
{
  for (guint i = 0; decision_choices[i]; i++)
    if (g_strcmp0 (decision_choices[i], choice) == 0)
      return _(decision_choice_titles[i]);
  return choice;
}
