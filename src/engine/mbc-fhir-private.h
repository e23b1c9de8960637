/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-fhir-private.h: what the FHIR import's files share: the codes it knows (mbc-fhir-codes.c) */
#pragma once

#include <glib.h>

#include "mbc-case.h"

G_BEGIN_DECLS

#define MBC_FHIR_LOINC  "http://loinc.org"
#define MBC_FHIR_SNOMED "http://snomed.info/sct"

#define MBC_FHIR_LOINC_ECOG            "89247-1"    /* mCODE ECOGPerformanceStatus */
#define MBC_FHIR_LOINC_DISEASE_STATUS  "97509-4"    /* mCODE CancerDiseaseStatus */
#define MBC_FHIR_SNOMED_SECONDARY      "128462008"  /* secondary malignant neoplastic disease */

/* What a record holds that gives one case field: a resource of @type, with @code when the
 * import reads the field by one (nullable), or the element @element of it (nullable). */
typedef struct
{
  const char *type;
  const char *system;
  const char *code;
  const char *element;
} MbcFhirRequirement;

/* A tumour-marker result, as its answer code or interpretation says. */
typedef enum
{
  MBC_FHIR_RESULT_NONE,           /* not an answer the import knows */
  MBC_FHIR_RESULT_POSITIVE,
  MBC_FHIR_RESULT_NEGATIVE,
  MBC_FHIR_RESULT_EQUIVOCAL,
  MBC_FHIR_RESULT_INDETERMINATE,
} MbcFhirResult;

/* What a code says about where a secondary cancer is. */
typedef enum
{
  MBC_FHIR_SITE_NONE,        /* not a code the import knows */
  MBC_FHIR_SITE_DISTANT,     /* a distant site: @site is one of the case's eight */
  MBC_FHIR_SITE_AXILLARY,    /* the axillary lymph nodes: regional, not distant */
  MBC_FHIR_SITE_GENERIC,     /* a secondary cancer whose place is in its bodySite */
  MBC_FHIR_SITE_NODES,       /* lymph nodes of a region that holds the axilla, among others */
  MBC_FHIR_SITE_REVIEW,      /* known, but not one answer: @why says why */
} MbcFhirSiteKind;

typedef struct
{
  MbcFhirSiteKind  kind;
  const char      *site;  /* MBC_FHIR_SITE_DISTANT: the case's value */
  const char      *why;   /* MBC_FHIR_SITE_REVIEW and _NODES: why it is not mapped (N_()) */
} MbcFhirSite;

int           _mbc_fhir_code_marker_test      (const char  *system,
                                               const char  *code);
MbcFhirResult _mbc_fhir_code_marker_answer    (const char  *system,
                                               const char  *code);
MbcFhirResult _mbc_fhir_code_interpretation   (const char  *system,
                                               const char  *code);
gboolean      _mbc_fhir_code_is_ecog          (const char  *system,
                                               const char  *code);
int           _mbc_fhir_code_ecog_answer      (const char  *system,
                                               const char  *code);
gboolean      _mbc_fhir_code_is_disease_status (const char *system,
                                                const char *code);
const char   *_mbc_fhir_code_disease_status   (const char  *system,
                                               const char  *code,
                                               const char **why);
MbcFhirSite   _mbc_fhir_code_secondary        (const char  *system,
                                               const char  *code);
MbcFhirSite   _mbc_fhir_code_body_site        (const char  *system,
                                               const char  *code);

gboolean      _mbc_fhir_is_resource_type      (const char  *type);
gboolean      _mbc_fhir_code_is_known         (const char  *system,
                                               const char  *code);
const char   *_mbc_fhir_system_name           (const char  *system);
void          _mbc_fhir_code_requirement      (int                 field,
                                               MbcFhirRequirement *requirement);

G_END_DECLS
