/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The FHIR import: each bundle of tests/data/fhir gives the case, sources and lines it must. */
#include "config.h"

#include <string.h>

#include "mbc-fhir.h"
#include "mbc-problem.h"
#include "mbc-test.h"

typedef struct
{
  MbcCase   *kase;
  GPtrArray *sources;
  GPtrArray *not_used;
  GPtrArray *problems;
} Import;

static void
import_clear (Import *im)
{
  g_clear_object (&im->kase);
  g_clear_pointer (&im->sources, g_ptr_array_unref);
  g_clear_pointer (&im->not_used, g_ptr_array_unref);
  g_clear_pointer (&im->problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static void
import_file (Import     *im,
             const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "fhir", name, NULL);
  g_autofree char *text = NULL;
  gsize length;
  GDate as_of;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 6, 2025);
  im->problems = mbc_problems_new ();
  im->kase = mbc_fhir_import_data (text, length, &as_of, &im->sources, &im->not_used,
                                   im->problems);
}

static void
assert_json (Import       *im,
             MbcCaseField  f,
             const char   *expected)
{
  g_autoptr(JsonNode) node = mbc_case_dup_field_json (im->kase, f);
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==, expected);
}

/* The source of @value for @f, which must be there. */
static const MbcFhirSource *
source (Import       *im,
        MbcCaseField  f,
        const char   *value)
{
  for (guint i = 0; i < im->sources->len; i++)
    {
      const MbcFhirSource *s = im->sources->pdata[i];
      if (s->field == f && strcmp (s->value, value) == 0)
        return s;
    }
  g_assert_not_reached ();
}

static gboolean
has_line (Import     *im,
          const char *start,
          const char *part)
{
  for (guint i = 0; i < im->not_used->len; i++)
    if (g_str_has_prefix (im->not_used->pdata[i], start) &&
        strstr (im->not_used->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_bone_only (void)
{
  g_auto(Import) im = { 0 };

  import_file (&im, "bone-only.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_AGE_YEARS, "45");
  assert_json (&im, MBC_CASE_FIELD_ECOG, "1");
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"positive\"");
  assert_json (&im, MBC_CASE_FIELD_PR_STATUS, "\"negative\"");
  assert_json (&im, MBC_CASE_FIELD_HER2_STATUS, "\"negative\"");
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_SITES, "[\"bone\"]");
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_RESPONSE, "\"complete\"");
  /* Nothing the bundle does not state. */
  assert_json (&im, MBC_CASE_FIELD_MENOPAUSAL_STATUS, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_AXILLARY_NODES, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, "null");
  g_assert_false (mbc_case_is_known (im.kase, MBC_CASE_FIELD_LABEL));

  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_AGE_YEARS, "45")->resource, ==, "Patient");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_ER_STATUS, "positive")->code, ==,
                   "http://loinc.org|LA6576-8");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_METASTATIC_SITES, "bone")->resource, ==,
                   "Condition/bone-mets");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_METASTATIC_RESPONSE, "complete")->code, ==,
                   "http://snomed.info/sct|550991000124107");
  /* The sources come in the order of the case's fields. */
  for (guint i = 1; i < im.sources->len; i++)
    g_assert_cmpint (((MbcFhirSource *) im.sources->pdata[i - 1])->field, <=,
                     ((MbcFhirSource *) im.sources->pdata[i])->field);
  g_assert_true (has_line (&im, "Practitioner/oncologist-1: ", "not a resource type"));
}

static void
test_visceral_old_codes (void)
{
  g_auto(Import) im = { 0 };
  const MbcFhirSource *er;

  import_file (&im, "visceral.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_SITES, "[\"liver\",\"lung\",\"brain\",\"pleura\"]");
  assert_json (&im, MBC_CASE_FIELD_PR_STATUS, "\"positive\"");
  /* Interpretation POS on the old ER code; the ISH result after the equivocal IHC wins. */
  er = source (&im, MBC_CASE_FIELD_ER_STATUS, "positive");
  g_assert_cmpstr (er->code, ==,
                   "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|POS");
  /* Its id holds the patient's family name: shown as a hash. */
  g_assert_true (g_str_has_prefix (er->resource, "Observation/#"));
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_HER2_STATUS, "positive")->resource, ==,
                   "Observation/her2-fish");
  g_assert_true (has_line (&im, "Observation/her2-ihc: ", "superseded"));
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_METASTATIC_SITES, "pleura")->code, ==,
                   "http://terminology.hl7.org/CodeSystem/icd-o-3|C38.4");
  /* No lesion counts are guessed from the sites. */
  assert_json (&im, MBC_CASE_FIELD_LIVER_LESION_COUNT, "null");
}

static void
test_nodal (void)
{
  g_auto(Import) im = { 0 };

  import_file (&im, "nodal.json");
  g_assert_nonnull (im.kase);
  /* Axillary nodes are regional: not a distant site. */
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_SITES, "[\"distant_lymph_nodes\"]");
  assert_json (&im, MBC_CASE_FIELD_AXILLARY_NODES, "\"clinically_positive\"");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_AXILLARY_NODES, "clinically_positive")->code, ==,
                   "http://snomed.info/sct|68171009");
  g_assert_true (has_line (&im, "Condition/upper-limb-or-axilla: ", "needs review"));
  g_assert_true (has_line (&im, "Condition/nodes-unspecified: ", "needs review"));
  g_assert_true (has_line (&im, "Condition/neck-nodes: ", "regional nodes"));
  g_assert_true (has_line (&im, "Condition/secondary-somewhere: ", "bodySite"));
  g_assert_true (has_line (&im, "Condition/bone-marrow-or-bone: ", "bone marrow"));
  g_assert_true (has_line (&im, "Condition/refuted-liver: ", "not confirmed"));
}

static void
test_conflicting (void)
{
  g_auto(Import) im = { 0 };

  import_file (&im, "conflicting.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_PR_STATUS, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_HER2_STATUS, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_ECOG, "null");
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_RESPONSE, "\"unknown\"");
  /* Both results of the same day are listed, and why. */
  g_assert_true (has_line (&im, "Observation/er-a: er_status: positive", "differ"));
  g_assert_true (has_line (&im, "Observation/er-b: er_status: negative", "differ"));
  g_assert_true (has_line (&im, "Observation/pr-new: pr_status: ", "equivocal"));
  g_assert_true (has_line (&im, "Observation/pr-old: pr_status: positive", "superseded"));
  g_assert_true (has_line (&im, "Observation/her2-x: ", "disagree"));
  g_assert_true (has_line (&im, "Observation/ecog-prelim: ", "not final"));
  g_assert_true (has_line (&im, "Observation/status-whole: ", "focus"));
  g_assert_cmpuint (im.sources->len, ==, 1);   /* the age alone */
}

static void
test_no_patient_and_single (void)
{
  g_auto(Import) im = { 0 };
  g_auto(Import) single = { 0 };
  g_auto(Import) other = { 0 };

  import_file (&im, "no-patient.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_AGE_YEARS, "null");
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"negative\"");
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_SITES, "[\"skin_soft_tissue\"]");

  import_file (&single, "single-observation.json");
  g_assert_nonnull (single.kase);
  assert_json (&single, MBC_CASE_FIELD_HER2_STATUS, "\"positive\"");
  g_assert_cmpstr (source (&single, MBC_CASE_FIELD_HER2_STATUS, "positive")->resource, ==,
                   "Observation/her2-single");

  import_file (&other, "other-patient.json");
  g_assert_nonnull (other.kase);
  assert_json (&other, MBC_CASE_FIELD_ER_STATUS, "\"positive\"");
  g_assert_true (has_line (&other, "Observation/er-theirs: ", "another patient"));
}

static void
test_malformed (void)
{
  const struct { const char *file; const char *where; } cases[] = {
    { "not-json.json", "$" },
    { "no-resource-type.json", "$.resourceType" },
    { "two-patients.json", "$" },
    { "wrong-types.json", "$.entry[0].resource.birthDate" },
    { "wrong-types.json", "$.entry[1].resource.id" },
    { "wrong-types.json", "$.entry[2].resource.resourceType" },
    { "wrong-types.json", "$.entry[3]" },
    { "wrong-types.json", "$.entry[4].resource.valueInteger" },
    { "wrong-types.json", "$.entry[4].resource.effectiveDateTime" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Import) im = { 0 };
      gboolean found = FALSE;

      import_file (&im, cases[i].file);
      g_assert_null (im.kase);
      g_assert_null (im.sources);
      for (guint p = 0; p < im.problems->len; p++)
        found |= strcmp (((MbcProblem *) im.problems->pdata[p])->where, cases[i].where) == 0;
      g_assert_true (found);
    }
}

static void
test_age (void)
{
  const struct { const char *birth; const char *age; } cases[] = {
    { "1980-05-17", "45" }, { "1980-06-01", "45" }, { "1980-06-02", "44" },
    { "1980-07", "44" }, { "1980-06", NULL },    /* 44 or 45 */
    { "1980", NULL }, { "2010-01-01", NULL },    /* 15: outside the case's range */
    { "2026-01-01", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"resourceType\":\"Patient\",\"id\":\"x\","
                                               "\"birthDate\":\"%s\"}", cases[i].birth);
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(GPtrArray) sources = NULL;
      g_autoptr(GPtrArray) not_used = NULL;
      g_autoptr(MbcCase) kase = NULL;
      g_autofree char *age = NULL;
      GDate as_of;

      g_date_clear (&as_of, 1);
      g_date_set_dmy (&as_of, 1, 6, 2025);
      kase = mbc_fhir_import_data (text, strlen (text), &as_of, &sources, &not_used, problems);
      g_assert_nonnull (kase);
      age = mbc_case_is_known (kase, MBC_CASE_FIELD_AGE_YEARS)
            ? mbc_case_format_value (kase, MBC_CASE_FIELD_AGE_YEARS) : NULL;
      if (cases[i].age)
        g_assert_nonnull (strstr (age, cases[i].age));
      else
        {
          g_assert_null (age);
          g_assert_cmpuint (not_used->len, ==, 1);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fhir/bone-only", test_bone_only);
  g_test_add_func ("/fhir/visceral-old-codes", test_visceral_old_codes);
  g_test_add_func ("/fhir/nodal", test_nodal);
  g_test_add_func ("/fhir/conflicting", test_conflicting);
  g_test_add_func ("/fhir/no-patient-and-single", test_no_patient_and_single);
  g_test_add_func ("/fhir/malformed", test_malformed);
  g_test_add_func ("/fhir/age", test_age);
  return g_test_run ();
}
