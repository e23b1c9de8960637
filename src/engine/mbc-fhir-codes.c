/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The codes the FHIR import knows, and what each says, from the code systems' own meanings
 * (LOINC, SNOMED CT, ICD-10, ICD-O-3, HL7 v3) and mCODE's profiles and value sets. A code is
 * here only when its meaning gives one value of the case; docs/contracts.md has the table
 * and the reasons for the codes that are known but refused.
 */
#define G_LOG_DOMAIN "mbc-fhir"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "mbc-fhir.h"
#include "mbc-fhir-private.h"

#define ICD10_CM "http://hl7.org/fhir/sid/icd-10-cm"
#define ICD10    "http://hl7.org/fhir/sid/icd-10"
#define ICD_O_3  "http://terminology.hl7.org/CodeSystem/icd-o-3"
#define V3_INTERPRETATION "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

typedef struct
{
  const char *code;
  int         value;
} CodeValue;

/* Tumour-marker tests (mCODE TumorMarkerTest; the HL7 Breast Cancer IG's interpretation
 * tests): LOINC presence and interpretation codes. */
static const CodeValue marker_tests[] = {
  { "85337-4", MBC_CASE_FIELD_ER_STATUS },   /* ER Ag [Presence] in Breast cancer by Immune stain */
  { "16112-5", MBC_CASE_FIELD_ER_STATUS },   /* Estrogen receptor [Interpretation] in Tissue */
  { "40556-3", MBC_CASE_FIELD_ER_STATUS },   /* ER Ag [Presence] in Tissue by Immune stain */
  { "85339-0", MBC_CASE_FIELD_PR_STATUS },   /* PR Ag [Presence] in Breast cancer by Immune stain */
  { "16113-3", MBC_CASE_FIELD_PR_STATUS },   /* Progesterone receptor [Interpretation] in Tissue */
  { "40557-1", MBC_CASE_FIELD_PR_STATUS },   /* PR Ag [Presence] in Tissue by Immune stain */
  { "48676-1", MBC_CASE_FIELD_HER2_STATUS }, /* HER2 [Interpretation] in Tissue */
  { "85319-2", MBC_CASE_FIELD_HER2_STATUS }, /* HER2 [Presence] in Breast cancer by Immune stain */
  { "18474-7", MBC_CASE_FIELD_HER2_STATUS }, /* HER2 Ag [Presence] in Tissue by Immune stain */
  { "85318-4", MBC_CASE_FIELD_HER2_STATUS }, /* HER2 [Presence] in Breast cancer by FISH */
  { "31150-6", MBC_CASE_FIELD_HER2_STATUS }, /* HER2 [Presence] in Tissue by FISH */
};

/* LOINC answers (mCODE's examples) and SNOMED CT qualifiers (mCODE PositiveNegativeVS). */
static const CodeValue loinc_answers[] = {
  { "LA6576-8", MBC_FHIR_RESULT_POSITIVE },
  { "LA6577-6", MBC_FHIR_RESULT_NEGATIVE },
  { "LA11884-6", MBC_FHIR_RESULT_INDETERMINATE },
};
static const CodeValue snomed_answers[] = {
  { "10828004", MBC_FHIR_RESULT_POSITIVE },
  { "260385009", MBC_FHIR_RESULT_NEGATIVE },
  { "42425007", MBC_FHIR_RESULT_EQUIVOCAL },
  { "82334004", MBC_FHIR_RESULT_INDETERMINATE },
};
static const CodeValue interpretations[] = {
  { "POS", MBC_FHIR_RESULT_POSITIVE },
  { "NEG", MBC_FHIR_RESULT_NEGATIVE },
  { "IND", MBC_FHIR_RESULT_INDETERMINATE },
};

/* ECOG grades 0 to 4 in SNOMED CT (mCODE ECOGPerformanceStatusVS); grade 5 is death. */
static const CodeValue ecog_answers[] = {
  { "425389002", 0 }, { "422512005", 1 }, { "422894000", 2 }, { "423053003", 3 },
  { "423237006", 4 },
};

static int
codes_find (const CodeValue *table,
            gsize            n,
            const char      *code,
            int              otherwise)
{
  if (code == NULL)
    return otherwise;
  for (gsize i = 0; i < n; i++)
    if (strcmp (table[i].code, code) == 0)
      return table[i].value;
  return otherwise;
}

static gboolean
codes_is (const char *system,
          const char *expected)
{
  return system != NULL && strcmp (system, expected) == 0;
}

/* Returns: the receptor field a LOINC test code is about, or -1. */
int
_mbc_fhir_code_marker_test (const char *system,
                            const char *code)
{
  if (!codes_is (system, MBC_FHIR_LOINC))
    return -1;
  return codes_find (marker_tests, G_N_ELEMENTS (marker_tests), code, -1);
}

MbcFhirResult
_mbc_fhir_code_marker_answer (const char *system,
                              const char *code)
{
  if (codes_is (system, MBC_FHIR_LOINC))
    return codes_find (loinc_answers, G_N_ELEMENTS (loinc_answers), code, MBC_FHIR_RESULT_NONE);
  if (codes_is (system, MBC_FHIR_SNOMED))
    return codes_find (snomed_answers, G_N_ELEMENTS (snomed_answers), code,
                       MBC_FHIR_RESULT_NONE);
  return MBC_FHIR_RESULT_NONE;
}

MbcFhirResult
_mbc_fhir_code_interpretation (const char *system,
                               const char *code)
{
  if (!codes_is (system, V3_INTERPRETATION))
    return MBC_FHIR_RESULT_NONE;
  return codes_find (interpretations, G_N_ELEMENTS (interpretations), code,
                     MBC_FHIR_RESULT_NONE);
}

/* mCODE ECOGPerformanceStatus: LOINC 89247-1. */
gboolean
_mbc_fhir_code_is_ecog (const char *system,
                        const char *code)
{
  return codes_is (system, MBC_FHIR_LOINC) && g_strcmp0 (code, MBC_FHIR_LOINC_ECOG) == 0;
}

/* Returns: the ECOG grade 0..4 a coded value says, or -1. */
int
_mbc_fhir_code_ecog_answer (const char *system,
                            const char *code)
{
  if (!codes_is (system, MBC_FHIR_SNOMED))
    return -1;
  return codes_find (ecog_answers, G_N_ELEMENTS (ecog_answers), code, -1);
}

/* mCODE CancerDiseaseStatus: LOINC 97509-4. */
gboolean
_mbc_fhir_code_is_disease_status (const char *system,
                                  const char *code)
{
  return codes_is (system, MBC_FHIR_LOINC) && g_strcmp0 (code, MBC_FHIR_LOINC_DISEASE_STATUS) == 0;
}

/**
 * _mbc_fhir_code_disease_status:
 * @why: (out): when %NULL is returned for a code the import knows, why it gives no value
 *
 * Returns: the metastatic_response a disease status answer (mCODE ConditionStatusTrendVS)
 *   says, or %NULL.
 */
const char *
_mbc_fhir_code_disease_status (const char  *system,
                               const char  *code,
                               const char **why)
{
  *why = NULL;
  if (!codes_is (system, MBC_FHIR_SNOMED) || code == NULL)
    return NULL;
  if (strcmp (code, "359746009") == 0)         /* Patient's condition stable */
    return "stable";
  if (strcmp (code, "271299001") == 0)         /* Patient's condition worsened */
    return "progression";
  if (strcmp (code, "550991000124107") == 0)   /* Malignant neoplasm in full remission */
    return "complete";
  if (strcmp (code, "551001000124108") == 0)   /* Malignant neoplasm in partial remission */
    return "partial";
  if (strcmp (code, "268910001") == 0)
    *why = N_("\"improved\" does not say whether the response is complete or partial");
  else if (strcmp (code, "709137006") == 0)
    *why = N_("the condition is recorded as undetermined");
  return NULL;
}

typedef struct
{
  const char      *code;
  MbcFhirSiteKind  kind;
  const char      *site;
  const char      *why;
} SiteCode;

#define DISTANT(c, s) { c, MBC_FHIR_SITE_DISTANT, s, NULL }
#define REVIEW(c, w) { c, MBC_FHIR_SITE_REVIEW, NULL, w }

static const char review_nodes[] =
  N_("lymph nodes of a region that holds regional nodes of the breast (axillary, "
     "infraclavicular, supraclavicular or internal mammary) as well as distant ones: "
     "needs review");
static const char review_unspecified[] = N_("the site is not specified: needs review");

/* ICD-10 (WHO) and ICD-10-CM C77-C79: secondary malignant neoplasms. */
static const SiteCode icd10_sites[] = {
  REVIEW ("C77", review_unspecified),
  REVIEW ("C77.0", review_nodes),   /* head, face and neck: supraclavicular among them */
  REVIEW ("C77.1", review_nodes),   /* intrathoracic: internal mammary among them */
  DISTANT ("C77.2", "distant_lymph_nodes"),   /* intra-abdominal */
  { "C77.3", MBC_FHIR_SITE_NODES, NULL,
    N_("ICD-10 C77.3 is the lymph nodes of the axilla and of the upper limb: needs review, "
       "or a bodySite that says axillary") },
  DISTANT ("C77.4", "distant_lymph_nodes"),   /* inguinal and lower limb */
  DISTANT ("C77.5", "distant_lymph_nodes"),   /* intrapelvic */
  REVIEW ("C77.8", N_("lymph nodes of multiple regions: needs review")),
  { "C77.9", MBC_FHIR_SITE_NODES, NULL, N_("lymph nodes, region not specified: needs review") },
  DISTANT ("C78.0", "lung"), DISTANT ("C78.00", "lung"), DISTANT ("C78.01", "lung"),
  DISTANT ("C78.02", "lung"),
  DISTANT ("C78.1", "other"),   /* mediastinum */
  DISTANT ("C78.2", "pleura"),
  REVIEW ("C78.3", review_unspecified), REVIEW ("C78.30", review_unspecified),
  REVIEW ("C78.39", N_("other respiratory organs: needs review")),
  DISTANT ("C78.4", "other"),   /* small intestine */
  DISTANT ("C78.5", "other"),   /* large intestine and rectum */
  DISTANT ("C78.6", "other"),   /* retroperitoneum and peritoneum */
  DISTANT ("C78.7", "liver"),   /* liver and intrahepatic bile duct */
  REVIEW ("C78.8", review_unspecified), REVIEW ("C78.80", review_unspecified),
  REVIEW ("C78.89", N_("other digestive organs: needs review")),
  DISTANT ("C79.0", "other"), DISTANT ("C79.00", "other"), DISTANT ("C79.01", "other"),
  DISTANT ("C79.02", "other"),  /* kidney and renal pelvis */
  DISTANT ("C79.1", "other"), DISTANT ("C79.10", "other"), DISTANT ("C79.11", "other"),
  DISTANT ("C79.19", "other"),  /* bladder and other urinary organs */
  DISTANT ("C79.2", "skin_soft_tissue"),
  REVIEW ("C79.3", N_("brain and cerebral meninges, not told apart: needs review")),
  DISTANT ("C79.31", "brain"),
  REVIEW ("C79.32", N_("cerebral meninges are not the brain: needs review")),
  REVIEW ("C79.4", N_("other parts of the nervous system: needs review")),
  REVIEW ("C79.40", N_("other parts of the nervous system: needs review")),
  REVIEW ("C79.49", N_("other parts of the nervous system: needs review")),
  REVIEW ("C79.5", N_("bone and bone marrow, not told apart: needs review")),
  DISTANT ("C79.51", "bone"),
  REVIEW ("C79.52", N_("bone marrow is not bone: needs review")),
  DISTANT ("C79.6", "other"), DISTANT ("C79.60", "other"), DISTANT ("C79.61", "other"),
  DISTANT ("C79.62", "other"),  /* ovary */
  DISTANT ("C79.7", "other"), DISTANT ("C79.70", "other"), DISTANT ("C79.71", "other"),
  DISTANT ("C79.72", "other"),  /* adrenal gland */
  REVIEW ("C79.8", review_unspecified),
  REVIEW ("C79.81", N_("a secondary neoplasm of the breast: needs review")),
  REVIEW ("C79.82", N_("genital organs: needs review")),
  REVIEW ("C79.89", N_("other specified sites: needs review")),
  REVIEW ("C79.9", review_unspecified),
};

/* SNOMED CT secondary malignant neoplasm disorders (mCODE SecondaryCancerDisorderVS). */
static const SiteCode snomed_sites[] = {
  { MBC_FHIR_SNOMED_SECONDARY, MBC_FHIR_SITE_GENERIC, NULL, NULL },  /* secondary malignant neoplastic disease */
  DISTANT ("94222008", "bone"),
  DISTANT ("94381002", "liver"),
  DISTANT ("94391008", "lung"),
  DISTANT ("94225005", "brain"),
};

/* Body structures in bodySite: SNOMED CT, and ICD-O-3 topography. */
static const SiteCode snomed_body_sites[] = {
  DISTANT ("272673000", "bone"),   /* Bone structure */
  { "68171009", MBC_FHIR_SITE_AXILLARY, NULL, NULL },   /* Axillary lymph node structure */
};
static const SiteCode icd_o_3_body_sites[] = {
  DISTANT ("C22.0", "liver"),
  DISTANT ("C34.0", "lung"), DISTANT ("C34.1", "lung"), DISTANT ("C34.2", "lung"),
  DISTANT ("C34.3", "lung"), DISTANT ("C34.8", "lung"), DISTANT ("C34.9", "lung"),
  DISTANT ("C38.4", "pleura"),
  DISTANT ("C71.0", "brain"), DISTANT ("C71.1", "brain"), DISTANT ("C71.2", "brain"),
  DISTANT ("C71.3", "brain"), DISTANT ("C71.4", "brain"), DISTANT ("C71.5", "brain"),
  DISTANT ("C71.6", "brain"), DISTANT ("C71.7", "brain"), DISTANT ("C71.8", "brain"),
  DISTANT ("C71.9", "brain"),
  DISTANT ("C44.0", "skin_soft_tissue"), DISTANT ("C44.1", "skin_soft_tissue"),
  DISTANT ("C44.2", "skin_soft_tissue"), DISTANT ("C44.3", "skin_soft_tissue"),
  DISTANT ("C44.4", "skin_soft_tissue"), DISTANT ("C44.5", "skin_soft_tissue"),
  DISTANT ("C44.6", "skin_soft_tissue"), DISTANT ("C44.7", "skin_soft_tissue"),
  DISTANT ("C44.8", "skin_soft_tissue"), DISTANT ("C44.9", "skin_soft_tissue"),
};

static MbcFhirSite
codes_find_site (const SiteCode *table,
                 gsize           n,
                 const char     *code)
{
  MbcFhirSite site = { MBC_FHIR_SITE_NONE, NULL, NULL };

  for (gsize i = 0; code != NULL && i < n; i++)
    if (strcmp (table[i].code, code) == 0)
      {
        site.kind = table[i].kind;
        site.site = table[i].site;
        site.why = table[i].why;
        break;
      }
  return site;
}

/* Returns: what a Condition's code says about a secondary cancer's place. */
MbcFhirSite
_mbc_fhir_code_secondary (const char *system,
                          const char *code)
{
  MbcFhirSite none = { MBC_FHIR_SITE_NONE, NULL, NULL };

  if (codes_is (system, ICD10_CM) || codes_is (system, ICD10))
    return codes_find_site (icd10_sites, G_N_ELEMENTS (icd10_sites), code);
  if (codes_is (system, MBC_FHIR_SNOMED))
    return codes_find_site (snomed_sites, G_N_ELEMENTS (snomed_sites), code);
  return none;
}

/* Returns: what a bodySite's code says (DISTANT, AXILLARY or NONE). */
MbcFhirSite
_mbc_fhir_code_body_site (const char *system,
                          const char *code)
{
  MbcFhirSite none = { MBC_FHIR_SITE_NONE, NULL, NULL };

  if (codes_is (system, MBC_FHIR_SNOMED))
    return codes_find_site (snomed_body_sites, G_N_ELEMENTS (snomed_body_sites), code);
  if (codes_is (system, ICD_O_3))
    return codes_find_site (icd_o_3_body_sites, G_N_ELEMENTS (icd_o_3_body_sites), code);
  return none;
}

/**
 * mbc_fhir_source_describe:
 *
 * Returns: (transfer full): where an imported value came from, for people: "From
 *   Observation 3, LOINC LA6576-8" (a code system the import reads by its name; another
 *   as it is written).
 */
/* The resource types of FHIR R4 (4.0.1), as its JSON schema's discriminator lists them. */
static const char * const r4_resource_types[] = {
  "Account", "ActivityDefinition", "AdverseEvent", "AllergyIntolerance", "Appointment",
  "AppointmentResponse", "AuditEvent", "Basic", "Binary", "BiologicallyDerivedProduct",
  "BodyStructure", "Bundle", "CapabilityStatement", "CarePlan", "CareTeam", "CatalogEntry",
  "ChargeItem", "ChargeItemDefinition", "Claim", "ClaimResponse", "ClinicalImpression",
  "CodeSystem", "Communication", "CommunicationRequest", "CompartmentDefinition",
  "Composition", "ConceptMap", "Condition", "Consent", "Contract", "Coverage",
  "CoverageEligibilityRequest", "CoverageEligibilityResponse", "DetectedIssue", "Device",
  "DeviceDefinition", "DeviceMetric", "DeviceRequest", "DeviceUseStatement",
  "DiagnosticReport", "DocumentManifest", "DocumentReference", "EffectEvidenceSynthesis",
  "Encounter", "Endpoint", "EnrollmentRequest", "EnrollmentResponse", "EpisodeOfCare",
  "EventDefinition", "Evidence", "EvidenceVariable", "ExampleScenario", "ExplanationOfBenefit",
  "FamilyMemberHistory", "Flag", "Goal", "GraphDefinition", "Group", "GuidanceResponse",
  "HealthcareService", "ImagingStudy", "Immunization", "ImmunizationEvaluation",
  "ImmunizationRecommendation", "ImplementationGuide", "InsurancePlan", "Invoice", "Library",
  "Linkage", "List", "Location", "Measure", "MeasureReport", "Media", "Medication",
  "MedicationAdministration", "MedicationDispense", "MedicationKnowledge", "MedicationRequest",
  "MedicationStatement", "MedicinalProduct", "MedicinalProductAuthorization",
  "MedicinalProductContraindication", "MedicinalProductIndication",
  "MedicinalProductIngredient", "MedicinalProductInteraction", "MedicinalProductManufactured",
  "MedicinalProductPackaged", "MedicinalProductPharmaceutical",
  "MedicinalProductUndesirableEffect", "MessageDefinition", "MessageHeader",
  "MolecularSequence", "NamingSystem", "NutritionOrder", "Observation",
  "ObservationDefinition", "OperationDefinition", "OperationOutcome", "Organization",
  "OrganizationAffiliation", "Parameters", "Patient", "PaymentNotice", "PaymentReconciliation",
  "Person", "PlanDefinition", "Practitioner", "PractitionerRole", "Procedure", "Provenance",
  "Questionnaire", "QuestionnaireResponse", "RelatedPerson", "RequestGroup",
  "ResearchDefinition", "ResearchElementDefinition", "ResearchStudy", "ResearchSubject",
  "RiskAssessment", "RiskEvidenceSynthesis", "Schedule", "SearchParameter", "ServiceRequest",
  "Slot", "Specimen", "SpecimenDefinition", "StructureDefinition", "StructureMap",
  "Subscription", "Substance", "SubstanceNucleicAcid", "SubstancePolymer", "SubstanceProtein",
  "SubstanceReferenceInformation", "SubstanceSourceMaterial", "SubstanceSpecification",
  "SupplyDelivery", "SupplyRequest", "Task", "TerminologyCapabilities", "TestReport",
  "TestScript", "ValueSet", "VerificationResult", "VisionPrescription",
};

static int
codes_compare_strings (const void *a,
                       const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * _mbc_fhir_is_resource_type:
 *
 * Returns: whether @type is a resource type of FHIR R4: only such a type is ever shown (an
 *   export's "resourceType" may hold anything).
 */
gboolean
_mbc_fhir_is_resource_type (const char *type)
{
  return type != NULL &&
         bsearch (&type, r4_resource_types, G_N_ELEMENTS (r4_resource_types),
                  sizeof (r4_resource_types[0]), codes_compare_strings) != NULL;
}

static const struct { const char *system; const char *name; } code_systems[] = {
  { MBC_FHIR_LOINC, "LOINC" }, { MBC_FHIR_SNOMED, "SNOMED CT" }, { ICD10_CM, "ICD-10-CM" },
  { ICD10, "ICD-10" }, { V3_INTERPRETATION, "HL7 v3" }, { ICD_O_3, "ICD-O-3" },
};

/**
 * _mbc_fhir_code_is_known:
 *
 * Returns: whether @system|@code is one of the codes the import knows (it gives a value,
 *   or is refused for a reason said): only such a code is ever shown, since what an export
 *   writes in a code it does not know may be anything, the patient's name or number too.
 */
gboolean
_mbc_fhir_code_is_known (const char *system,
                         const char *code)
{
  const char *why = NULL;

  if (system == NULL || code == NULL)
    return FALSE;
  return _mbc_fhir_code_marker_test (system, code) >= 0 ||
         _mbc_fhir_code_marker_answer (system, code) != MBC_FHIR_RESULT_NONE ||
         _mbc_fhir_code_interpretation (system, code) != MBC_FHIR_RESULT_NONE ||
         _mbc_fhir_code_is_ecog (system, code) || _mbc_fhir_code_ecog_answer (system, code) >= 0 ||
         _mbc_fhir_code_is_disease_status (system, code) ||
         _mbc_fhir_code_disease_status (system, code, &why) != NULL || why != NULL ||
         _mbc_fhir_code_secondary (system, code).kind != MBC_FHIR_SITE_NONE ||
         _mbc_fhir_code_body_site (system, code).kind != MBC_FHIR_SITE_NONE;
}

/**
 * _mbc_fhir_system_name:
 *
 * Returns: (nullable): the name of a code system the import reads ("LOINC"), or %NULL for
 *   any other (whose URI is not shown: it may be anything).
 */
const char *
_mbc_fhir_system_name (const char *system)
{
  for (guint i = 0; system && i < G_N_ELEMENTS (code_systems); i++)
    if (strcmp (code_systems[i].system, system) == 0)
      return code_systems[i].name;
  return NULL;
}

char *
mbc_fhir_source_describe (const MbcFhirSource *source)
{
  const char *code;
  const char *bar;
  g_autofree char *named = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  code = source->code ? source->code : "";
  bar = strchr (code, '|');
  for (guint i = 0; bar && named == NULL && i < G_N_ELEMENTS (code_systems); i++)
    if (strlen (code_systems[i].system) == (gsize) (bar - code) &&
        strncmp (code, code_systems[i].system, bar - code) == 0)
      named = g_strdup_printf ("%s %s", code_systems[i].name, bar + 1);
  /* TRANSLATORS: where an imported value came from: a FHIR resource, and a code */
  return g_strdup_printf (_("From %s, %s"), source->resource, named ? named : code);
}

/**
 * _mbc_fhir_code_requirement:
 * @field: an #MbcCaseField
 * @requirement: (out): what of a record the import reads @field from
 *
 * The resource type (and, where the import reads @field by one code, its first code: mCODE's)
 * that would give @field: what the result's data requirement asks for, read from the same
 * tables the import reads. Fields no FHIR code gives are asked of an Observation.
 */
void
_mbc_fhir_code_requirement (int                 field,
                            MbcFhirRequirement *requirement)
{
  *requirement = (MbcFhirRequirement) { "Observation", NULL, NULL, NULL };
  for (guint i = 0; i < G_N_ELEMENTS (marker_tests); i++)
    if (marker_tests[i].value == field)
      {
        requirement->system = MBC_FHIR_LOINC;
        requirement->code = marker_tests[i].code;
        return;
      }
  switch (field)
    {
    case MBC_CASE_FIELD_AGE_YEARS:
      requirement->type = "Patient";
      requirement->element = "birthDate";
      break;
    case MBC_CASE_FIELD_ECOG:
      requirement->system = MBC_FHIR_LOINC;
      requirement->code = MBC_FHIR_LOINC_ECOG;
      break;
    case MBC_CASE_FIELD_METASTATIC_RESPONSE:
      requirement->system = MBC_FHIR_LOINC;
      requirement->code = MBC_FHIR_LOINC_DISEASE_STATUS;
      break;
    case MBC_CASE_FIELD_METASTATIC_SITES:
      requirement->type = "Condition";
      requirement->system = MBC_FHIR_SNOMED;
      requirement->code = MBC_FHIR_SNOMED_SECONDARY;
      break;
    default:
      break;
    }
}
