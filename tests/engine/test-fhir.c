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
  JsonNode  *bundle;    /* the export, as read here */
  GPtrArray *names;     /* what named() gave */
} Import;

static void
import_clear (Import *im)
{
  g_clear_object (&im->kase);
  g_clear_pointer (&im->sources, g_ptr_array_unref);
  g_clear_pointer (&im->not_used, g_ptr_array_unref);
  g_clear_pointer (&im->problems, g_ptr_array_unref);
  g_clear_pointer (&im->bundle, json_node_unref);
  g_clear_pointer (&im->names, g_ptr_array_unref);
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
  im->bundle = json_from_string (text, NULL);
  im->names = g_ptr_array_new_with_free_func (g_free);
}

/* How the import must name the resource whose id is @id: its type and its position in the
 * export ("Observation 4"), read here from the bundle itself. */
static const char *
named (Import     *im,
       const char *id)
{
  JsonObject *root = json_node_get_object (im->bundle);
  JsonArray *entries = json_object_has_member (root, "entry")
                       ? json_object_get_array_member (root, "entry") : NULL;

  for (guint i = 0; entries && i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (
        json_array_get_object_element (entries, i), "resource");
      if (resource && g_strcmp0 (json_object_get_string_member_with_default (resource, "id",
                                                                              NULL), id) == 0)
        {
          char *name = g_strdup_printf ("%s %u", json_object_get_string_member (resource,
                                                                                "resourceType"),
                                        i + 1);
          g_ptr_array_add (im->names, name);
          return name;
        }
    }
  if (json_object_has_member (root, "resourceType") &&
      g_strcmp0 (json_object_get_string_member_with_default (root, "id", NULL), id) == 0)
    {
      char *name = g_strdup_printf ("%s 1", json_object_get_string_member (root,
                                                                           "resourceType"));
      g_ptr_array_add (im->names, name);
      return name;
    }
  g_assert_not_reached ();
}

/* No resource id of the export appears in any source or line of the import: each names its
 * resource as "Type N", and no id that could not be a word of the text ("er-qqqprivacy",
 * "her2-1") appears anywhere. */
static void
assert_no_ids (Import *im)
{
  g_autoptr(GRegex) shape = g_regex_new ("^([A-Z][A-Za-z]+ [0-9]+|Bundle|entry [0-9]+)$", 0, 0,
                                         NULL);

  for (guint k = 0; im->not_used && k < im->not_used->len; k++)
    {
      const char *line = im->not_used->pdata[k];
      const char *colon = strstr (line, ": ");
      g_autofree char *who = colon ? g_strndup (line, colon - line) : g_strdup (line);
      if (!g_regex_match (shape, who, 0, NULL))
        g_error ("the line \"%s\" does not name its resource as \"Type N\"", line);
    }
  for (guint k = 0; im->sources && k < im->sources->len; k++)
    if (!g_regex_match (shape, ((MbcFhirSource *) im->sources->pdata[k])->resource, 0, NULL))
      g_error ("a source is named \"%s\"", ((MbcFhirSource *) im->sources->pdata[k])->resource);

  JsonObject *root = json_node_get_object (im->bundle);
  JsonArray *entries = json_object_has_member (root, "entry")
                       ? json_object_get_array_member (root, "entry") : NULL;

  for (guint i = 0; entries && i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (
        json_array_get_object_element (entries, i), "resource");
      const char *id = resource ? json_object_get_string_member_with_default (resource, "id",
                                                                              NULL) : NULL;
      if (id == NULL || strpbrk (id, "-.0123456789") == NULL)
        continue;
      for (guint k = 0; im->not_used && k < im->not_used->len; k++)
        if (strstr (im->not_used->pdata[k], id))
          g_error ("the line \"%s\" shows the id %s", (char *) im->not_used->pdata[k], id);
      for (guint k = 0; im->sources && k < im->sources->len; k++)
        {
          const MbcFhirSource *src = im->sources->pdata[k];
          if (strstr (src->resource, id))
            g_error ("a source names the id %s", id);
        }
    }
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

/* A line of @im about the resource whose id is @id (named as the import names it), that
 * goes on with @then and holds @part. */
static gboolean
has_line_of (Import     *im,
             const char *id,
             const char *then,
             const char *part)
{
  g_autofree char *start = g_strdup_printf ("%s: %s", named (im, id), then);

  return has_line (im, start, part);
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

  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_AGE_YEARS, "45")->resource, ==,
                   named (&im, "cancer-patient-zyxw"));
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_ER_STATUS, "positive")->code, ==,
                   "http://loinc.org|LA6576-8");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_METASTATIC_SITES, "bone")->resource, ==,
                   named (&im, "bone-mets"));
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_METASTATIC_RESPONSE, "complete")->code, ==,
                   "http://snomed.info/sct|550991000124107");
  /* The sources come in the order of the case's fields. */
  for (guint i = 1; i < im.sources->len; i++)
    g_assert_cmpint (((MbcFhirSource *) im.sources->pdata[i - 1])->field, <=,
                     ((MbcFhirSource *) im.sources->pdata[i])->field);
  g_assert_true (has_line_of (&im, "oncologist-1", "", "not a resource type"));
  assert_no_ids (&im);
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
  /* Its id holds the patient's family name: never shown; no id is. */
  g_assert_cmpstr (er->resource, ==, named (&im, "er-qqqprivacy"));
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_HER2_STATUS, "positive")->resource, ==,
                   named (&im, "her2-fish"));
  assert_no_ids (&im);
  g_assert_true (has_line_of (&im, "her2-ihc", "", "superseded"));
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
  g_assert_true (has_line_of (&im, "upper-limb-or-axilla", "", "needs review"));
  g_assert_true (has_line_of (&im, "nodes-unspecified", "", "needs review"));
  g_assert_true (has_line_of (&im, "neck-nodes", "", "regional nodes"));
  g_assert_true (has_line_of (&im, "secondary-somewhere", "", "bodySite"));
  g_assert_true (has_line_of (&im, "bone-marrow-or-bone", "", "bone marrow"));
  g_assert_true (has_line_of (&im, "refuted-liver", "", "not confirmed"));
  assert_no_ids (&im);
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
  g_assert_true (has_line_of (&im, "er-a", "Oestrogen receptor (ER): Positive", "differ"));
  g_assert_true (has_line_of (&im, "er-b", "Oestrogen receptor (ER): Negative", "differ"));
  g_assert_true (has_line_of (&im, "pr-new", "Progesterone receptor (PR): ", "equivocal"));
  g_assert_true (has_line_of (&im, "pr-old", "Progesterone receptor (PR): Positive", "superseded"));
  g_assert_true (has_line_of (&im, "her2-x", "", "disagree"));
  g_assert_true (has_line_of (&im, "ecog-prelim", "", "not final"));
  g_assert_true (has_line_of (&im, "status-whole", "", "focus"));
  assert_no_ids (&im);
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
                   named (&single, "her2-single"));

  import_file (&other, "other-patient.json");
  g_assert_nonnull (other.kase);
  assert_json (&other, MBC_CASE_FIELD_ER_STATUS, "\"positive\"");
  g_assert_true (has_line_of (&other, "er-theirs", "", "another patient"));
  assert_no_ids (&other);
}

static void
test_malformed (void)
{
  const struct { const char *file; const char *where; } cases[] = {
    { "not-json.json", "$" },
    { "no-resource-type.json", "$.resourceType" },
    { "two-patients.json", "$" },
    { "wrong-types.json", "$.entry[0].resource.birthDate" },
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

/* An export shaped like a real one (an mCODE transaction Bundle: meta, narratives, contained
 * resources, extensions, ids with underscores and the patient's name, birth date, address
 * or record number in them) is imported; what is not used is said; no id is shown. */
static void
test_real_shaped (void)
{
  g_auto(Import) im = { 0 };

  import_file (&im, "real-shaped.json");
  g_assert_nonnull (im.kase);
  g_assert_cmpuint (im.problems->len, ==, 0);
  assert_json (&im, MBC_CASE_FIELD_AGE_YEARS, "45");
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"positive\"");
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_SITES, "[\"bone\"]");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_ER_STATUS, "positive")->resource, ==,
                   "Observation 2");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_METASTATIC_SITES, "bone")->resource, ==,
                   named (&im, "bone-uniqueavenue"));
  g_assert_true (has_line (&im, "Bundle: ", "not a FHIR id"));
  g_assert_true (has_line_of (&im, "med_1", "", "not a resource type"));
  assert_no_ids (&im);
  /* A code the import does not know is never shown, only its system: it may hold the
   * patient's record number or name. */
  g_assert_true (has_line_of (&im, "lab-6", "a ", "not a code the import maps"));
  for (guint k = 0; k < im.not_used->len; k++)
    {
      g_autofree char *folded = g_ascii_strdown (im.not_used->pdata[k], -1);
      g_assert_null (strstr (folded, "jenny"));
      g_assert_null (strstr (folded, "smith"));
      g_assert_null (strstr (folded, "987654321"));
    }
}

/* An export that puts the patient's details in codes, whole, in part, in capitals, without
 * punctuation, in another Unicode form, and in a resource type: none of it is printed (no code
 * the import does not know is shown, nor a type FHIR does not define). One Observation coded
 * for two tests, and one with a modifier extension, are not read; the rest is. */
static void
test_hostile_codes (void)
{
  g_auto(Import) im = { 0 };
  static const char * const secrets[] = { "jenny", "smith", "jones", "mary", "12345",
                                          "9434765919", "943 476", "19800517", "1980",
                                          "jo\xcc\x88nsson", "j\xc3\xb6nsson", "unique",
                                          "somewhere", "qq1", NULL };

  import_file (&im, "hostile-codes.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"positive\"");
  assert_json (&im, MBC_CASE_FIELD_HER2_STATUS, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_PR_STATUS, "\"unknown\"");
  g_assert_true (has_line_of (&im, "o1", "a code of LOINC", "not a code the import maps"));
  g_assert_true (has_line_of (&im, "o6", "a code of another system", ""));
  g_assert_true (has_line (&im, "resource 8 (a type FHIR R4 does not define)", ""));
  g_assert_true (has_line_of (&im, "o8", "", "codes name different tests"));
  g_assert_true (has_line_of (&im, "o9", "", "modifier extension"));
  for (guint k = 0; k < im.not_used->len; k++)
    {
      g_autofree char *folded = g_utf8_casefold (im.not_used->pdata[k], -1);
      for (guint i = 0; secrets[i]; i++)
        if (strstr (folded, secrets[i]))
          g_error ("\"%s\" shows \"%s\"", (char *) im.not_used->pdata[k], secrets[i]);
    }
  for (guint k = 0; k < im.sources->len; k++)
    {
      g_autofree char *said = mbc_fhir_source_describe (im.sources->pdata[k]);
      for (guint i = 0; secrets[i]; i++)
        g_assert_null (strstr (said, secrets[i]));
    }
}

/* A Condition's verification status, when given, must say confirmed in HL7's code system:
 * text alone, a local code or an empty status is not taken as confirmed. A modifier
 * extension in a contained resource stops the read too. Without a Patient, a versioned
 * reference names the same patient as the plain one. */
static void
test_verification_and_versions (void)
{
  g_auto(Import) im = { 0 };
  g_auto(Import) other = { 0 };

  import_file (&im, "verification.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_SITES, "[\"brain\",\"pleura\"]");
  g_assert_true (has_line_of (&im, "c0", "", "not confirmed"));
  g_assert_true (has_line_of (&im, "c1", "", "not confirmed"));
  g_assert_true (has_line_of (&im, "c2", "", "not confirmed"));
  g_assert_true (has_line_of (&im, "o1", "", "modifier extension"));
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"unknown\"");

  import_file (&other, "no-patient-versioned.json");
  g_assert_nonnull (other.kase);
  g_assert_cmpuint (other.problems->len, ==, 0);
  assert_json (&other, MBC_CASE_FIELD_ER_STATUS, "\"positive\"");
  assert_json (&other, MBC_CASE_FIELD_PR_STATUS, "\"negative\"");
}

/* Text that is not JSON is said by its place and the kind of problem, never by what is there
 * (a duplicate key that holds the patient's name and number). */
static void
test_hostile_json (void)
{
  g_auto(Import) im = { 0 };
  g_autofree char *said = NULL;

  import_file (&im, "hostile-json.json");
  g_assert_null (im.kase);
  said = mbc_problems_format (im.problems, NULL);
  g_assert_nonnull (strstr (said, "line 1, column"));
  g_assert_null (strstr (said, "Jenny"));
  g_assert_null (strstr (said, "987654321"));
}

/* With a Patient in the bundle, only what names it by reference is read: a result whose
 * subject is another patient's identifier, only a display, or absent is never taken for this
 * patient's. A versioned reference names the Patient too. */
static void
test_unnamed_subjects (void)
{
  g_auto(Import) im = { 0 };

  import_file (&im, "unnamed-subjects.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_PR_STATUS, "\"unknown\"");
  assert_json (&im, MBC_CASE_FIELD_METASTATIC_SITES, "null");
  assert_json (&im, MBC_CASE_FIELD_HER2_STATUS, "\"negative\"");
  g_assert_true (has_line_of (&im, "er-other", "", "another patient"));
  g_assert_true (has_line_of (&im, "pr-display", "", "another patient"));
  g_assert_true (has_line_of (&im, "bone-nobody", "", "does not name the patient"));
  assert_no_ids (&im);
}

/* Provenance: of two agreeing results a day apart the later is named as the source and the
 * earlier listed as superseded by it; two resources with one id are reported. */
static void
test_provenance (void)
{
  g_auto(Import) im = { 0 };

  import_file (&im, "provenance.json");
  g_assert_nonnull (im.kase);
  assert_json (&im, MBC_CASE_FIELD_ER_STATUS, "\"positive\"");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_ER_STATUS, "positive")->resource, ==,
                   "Observation 3");
  g_assert_true (has_line (&im, "Observation 2: Oestrogen receptor (ER): Positive, superseded by Observation 3",
                           "agrees"));
  assert_json (&im, MBC_CASE_FIELD_PR_STATUS, "\"negative\"");
  g_assert_cmpstr (source (&im, MBC_CASE_FIELD_PR_STATUS, "negative")->resource, ==,
                   "Observation 5");
  g_assert_true (has_line (&im, "Observation 5: its id is also that of Observation 4", ""));
  assert_no_ids (&im);
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
  g_test_add_func ("/fhir/real-shaped", test_real_shaped);
  g_test_add_func ("/fhir/hostile-codes", test_hostile_codes);
  g_test_add_func ("/fhir/hostile-json", test_hostile_json);
  g_test_add_func ("/fhir/verification-and-versions", test_verification_and_versions);
  g_test_add_func ("/fhir/unnamed-subjects", test_unnamed_subjects);
  g_test_add_func ("/fhir/provenance", test_provenance);
  return g_test_run ();
}
