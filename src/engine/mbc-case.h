/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-case.h: one patient case, as the case file (schema mbc-advisor/case/1) describes it */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MBC_CASE_SCHEMA "mbc-advisor/case/1"
#define MBC_CASE_LABEL_MAX_CHARS 200
/* Case files are small and flat: anything nested deeper is not a case. */
#define MBC_CASE_MAX_DEPTH 16
/* The optional member of a library case that says what it teaches (mbc-library.h). */
#define MBC_CASE_TEACHING "teaching"
/* The optional member that records the clinician's decision: never read by the rules. */
#define MBC_CASE_DECISION "decision"
#define MBC_CASE_DECISION_NOTE_MAX_CHARS 500

typedef enum
{
  MBC_CASE_FIELD_LABEL,
  MBC_CASE_FIELD_AGE_YEARS,
  MBC_CASE_FIELD_MENOPAUSAL_STATUS,
  MBC_CASE_FIELD_ECOG,
  MBC_CASE_FIELD_ER_STATUS,
  MBC_CASE_FIELD_PR_STATUS,
  MBC_CASE_FIELD_HER2_STATUS,
  MBC_CASE_FIELD_METASTATIC_SITES,
  MBC_CASE_FIELD_METASTATIC_LESION_COUNT,
  MBC_CASE_FIELD_LIVER_LESION_COUNT,
  MBC_CASE_FIELD_LUNG_LESION_COUNT,
  MBC_CASE_FIELD_SYSTEMIC_THERAPY_COMPLETED,
  MBC_CASE_FIELD_METASTATIC_RESPONSE,
  MBC_CASE_FIELD_BREAST_RESPONSE,
  MBC_CASE_FIELD_RESPONSE_IMAGING,
  MBC_CASE_FIELD_RESIDUAL_BREAST_SIZE_CM,
  MBC_CASE_FIELD_NEGATIVE_MARGINS,
  MBC_CASE_FIELD_FIT_FOR_SURGERY,
  MBC_CASE_FIELD_AXILLARY_NODES,
  MBC_CASE_N_FIELDS
} MbcCaseField;

typedef enum
{
  MBC_CASE_KIND_LABEL,   /* string property, NULL when absent */
  MBC_CASE_KIND_INT,     /* int property, -1 when unknown */
  MBC_CASE_KIND_NUMBER,  /* double property, -1 when unknown */
  MBC_CASE_KIND_BOOL,    /* string property: "yes", "no" or "unknown" */
  MBC_CASE_KIND_CHOICE,  /* string property: one of the choices or "unknown" */
  MBC_CASE_KIND_SET,     /* strv property, NULL when unknown */
} MbcCaseKind;

/* How leniently a case file is read. The command line reads strictly; the window opens a
 * file whose only problems are between fields (as if they had been typed), and its draft
 * keeps whatever the form held. */
typedef enum
{
  MBC_CASE_READ_STRICT            = 0,
  MBC_CASE_READ_KEEP_INCONSISTENT = 1 << 0,  /* counts that cannot all be true together */
  MBC_CASE_READ_KEEP_OUT_OF_RANGE = 1 << 1,  /* a whole number, or a number, past its range */
} MbcCaseReadFlags;

#define MBC_TYPE_CASE (mbc_case_get_type ())

G_DECLARE_FINAL_TYPE (MbcCase, mbc_case, MBC, CASE, GObject)

const char          *mbc_case_field_get_name      (MbcCaseField  field);
char                *mbc_case_field_dup_property_name (MbcCaseField  field);
const char          *mbc_case_field_get_title     (MbcCaseField  field);
MbcCaseKind          mbc_case_field_get_kind      (MbcCaseField  field);
const char * const  *mbc_case_field_get_choices   (MbcCaseField  field);
const char          *mbc_case_field_get_choice_title (MbcCaseField field,
                                                     const char  *choice);
int                  mbc_case_field_from_name     (const char   *name);
int                  mbc_case_field_from_problem  (const char   *where);
void                 mbc_case_field_get_range     (MbcCaseField  field,
                                                   double       *min,
                                                   double       *max);

MbcCase   *mbc_case_new               (void);
MbcCase   *mbc_case_new_from_json     (JsonNode     *root,
                                       GPtrArray    *problems);
MbcCase   *mbc_case_new_from_data     (const char   *data,
                                       gsize         length,
                                       GPtrArray    *problems);
MbcCase   *mbc_case_new_from_data_full (const char      *data,
                                        gsize            length,
                                        MbcCaseReadFlags flags,
                                        GPtrArray       *problems);
MbcCase   *mbc_case_new_from_json_full (JsonNode        *root,
                                        MbcCaseReadFlags flags,
                                        GPtrArray       *problems);
MbcCase   *mbc_case_copy              (MbcCase      *self);
MbcCase   *mbc_case_copy_evaluable    (MbcCase      *self);
gboolean   mbc_case_is_known          (MbcCase      *self,
                                       MbcCaseField  field);
void       mbc_case_set_unknown       (MbcCase      *self,
                                       MbcCaseField  field);
JsonNode  *mbc_case_dup_field_json    (MbcCase      *self,
                                       MbcCaseField  field);
gboolean   mbc_case_set_field_json    (MbcCase      *self,
                                       MbcCaseField  field,
                                       JsonNode     *value,
                                       GPtrArray    *problems);
void       mbc_case_reset             (MbcCase      *self);
void       mbc_case_assign            (MbcCase      *self,
                                       MbcCase      *other);
gboolean   mbc_case_validate          (MbcCase      *self,
                                       GPtrArray    *problems);
gboolean   mbc_case_validate_values   (MbcCase      *self,
                                       GPtrArray    *problems);
gboolean   mbc_case_is_empty          (MbcCase      *self);
JsonNode  *mbc_case_to_json           (MbcCase      *self);
char      *mbc_case_to_data           (MbcCase      *self,
                                       gsize        *length);
gboolean   mbc_case_save              (MbcCase      *self,
                                       GFile        *file,
                                       GError      **error);
JsonNode  *mbc_case_to_rule_data      (MbcCase      *self);

/* What rules read of each field, kept between cases (see mbc-case-json.c). */
typedef struct _MbcCaseRuleNodes MbcCaseRuleNodes;

MbcCaseRuleNodes *mbc_case_rule_nodes_new  (void);
void              mbc_case_rule_nodes_free (MbcCaseRuleNodes  *self);
void              mbc_case_rule_nodes_fill (MbcCaseRuleNodes  *self,
                                            MbcCase           *kase,
                                            JsonNode         **nodes,
                                            guint64           *codes);
char      *mbc_case_format_value      (MbcCase      *self,
                                       MbcCaseField  field);
char      *mbc_case_to_vignette       (MbcCase      *self);
const char * const *mbc_case_decision_get_choices (void);
const char *mbc_case_decision_get_choice_title (const char *choice);
const char *mbc_case_get_decision_choice (MbcCase     *self);
const char *mbc_case_get_decision_date   (MbcCase     *self);
const char *mbc_case_get_decision_note   (MbcCase     *self);

G_END_DECLS
