/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-fhir.h: a case from a FHIR R4 export (a Bundle, or one resource), with the source of
 * every value it sets and what it did not use */
#pragma once

#include <json-glib/json-glib.h>

#include "mbc-case.h"

G_BEGIN_DECLS

/* FHIR nests deeper than a case file (a Bundle's entry's resource's code's coding). */
#define MBC_FHIR_MAX_DEPTH 64

#define MBC_TYPE_FHIR_SOURCE (mbc_fhir_source_get_type ())

/* Where one imported value came from. Never the patient's name, identifiers or dates. */
typedef struct
{
  MbcCaseField  field;
  char         *value;     /* as the case file writes it: "45", "positive", "bone" */
  char         *resource;  /* "Observation 3": its type and position, never its id */
  char         *code;      /* "http://loinc.org|LA6576-8", or the element read ("birthDate") */
} MbcFhirSource;

GType          mbc_fhir_source_get_type (void) G_GNUC_CONST;
MbcFhirSource *mbc_fhir_source_copy     (const MbcFhirSource *self);
void           mbc_fhir_source_free     (MbcFhirSource       *self);
char          *mbc_fhir_source_describe (const MbcFhirSource *source);

MbcCase *mbc_fhir_import      (JsonNode     *root,
                               const GDate  *as_of,
                               GPtrArray   **sources,
                               GPtrArray   **not_used,
                               GPtrArray    *problems);
MbcCase *mbc_fhir_import_data (const char   *data,
                               gsize         length,
                               const GDate  *as_of,
                               GPtrArray   **sources,
                               GPtrArray   **not_used,
                               GPtrArray    *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcFhirSource, mbc_fhir_source_free)

G_END_DECLS
