/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The clinical table: cases whose expected results were worked out by hand from the
 * interpretation in docs/guideline-format.md (tests/data/evaluate-cases.json). Together
 * they must fire every decision rule and assert every finding met, not met and unknown.
 */
#include "config.h"

#include <string.h>

#include "mbc-case.h"
#include "mbc-evaluator.h"
#include "mbc-guideline.h"
#include "mbc-json.h"
#include "mbc-memo.h"
#include "mbc-result-writer.h"
#include "mbc-problem.h"

/* The result JSON of @result, as the command line writes it, read back as a tree. */
static JsonNode *
result_json (MbcResult *result)
{
  g_autoptr(MbcResultWriter) writer = mbc_result_writer_new (mbc_result_get_guideline (result));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  mbc_result_writer_write (writer, result, out);
  node = mbc_json_parse (out->str, out->len, 16, &error);
  g_assert_no_error (error);
  return node;
}

static MbcGuideline *guideline;

static JsonNode *
load_json (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  JsonNode *node;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  node = mbc_json_parse (text, length, 64, &error);
  g_assert_no_error (error);
  return node;
}

static MbcResult *
evaluate_object (JsonObject *case_object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcCase) kase = NULL;
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  MbcResult *result;

  json_object_set_string_member (copy, "schema", MBC_CASE_SCHEMA);
  json_object_iter_init_ordered (&iter, case_object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    json_object_set_member (copy, name, json_node_copy (value));
  json_node_take_object (root, copy);
  kase = mbc_case_new_from_json (root, problems);
  if (kase == NULL)
    g_error ("invalid test case: %s: %s", ((MbcProblem *) problems->pdata[0])->where,
             ((MbcProblem *) problems->pdata[0])->message);
  result = mbc_evaluate (guideline, kase, &error);
  g_assert_no_error (error);
  return result;
}

static void
assert_strings (const char *name,
                const char *what,
                JsonArray  *expected,
                GPtrArray  *got)
{
  gboolean same = json_array_get_length (expected) == got->len;

  for (guint i = 0; same && i < got->len; i++)
    same = g_strcmp0 (json_array_get_string_element (expected, i), got->pdata[i]) == 0;
  if (!same)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      for (guint i = 0; i < got->len; i++)
        g_string_append_printf (text, "%s%s", i ? ", " : "", (char *) got->pdata[i]);
      g_error ("%s: %s is [%s], expected %u items", name, what, text->str,
               json_array_get_length (expected));
    }
}

static gboolean
plan_has (MbcResult  *result,
          const char *id)
{
  GPtrArray *plan = mbc_result_get_plan (result);
  for (guint i = 0; i < plan->len; i++)
    if (strcmp (((MbcPlanItem *) plan->pdata[i])->id, id) == 0)
      return TRUE;
  return FALSE;
}

/* What must hold for every result, whatever the case (docs/contracts.md). */
static void
assert_invariants (const char *name,
                   MbcResult  *result)
{
  const char *tier = mbc_result_get_tier (result);
  gboolean recommended = strcmp (tier, "recommended") == 0;
  gboolean active = recommended || strcmp (tier, "individualise") == 0;
  g_autoptr(JsonNode) json = result_json (result);
  JsonObject *object = json_node_get_object (json);

  g_assert_cmpint (recommended, ==, mbc_result_get_strength (result) != NULL);
  if (strcmp (tier, "indeterminate") == 0)
    g_assert_cmpuint (mbc_result_get_missing (result)->len, >, 0);
  else
    g_assert_cmpuint (mbc_result_get_missing (result)->len, ==, 0);
  if (!recommended)
    g_assert_cmpuint (mbc_result_get_confirm (result)->len, ==, 0);
  if (!active && mbc_result_get_options (result)->len != 0)
    g_error ("%s: options offered with tier %s", name, tier);
  if (active)
    g_assert_cmpuint (mbc_result_get_options (result)->len, >, 0);
  g_assert_cmpint (mbc_result_get_axillary_evaluation (result), ==,
                   mbc_result_get_options (result)->len > 0);
  /* Every finding of the guideline has a status and a reason with its text. */
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "findings")), ==,
                    mbc_guideline_get_findings (guideline)->len);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "reasons")), ==,
                    mbc_guideline_get_findings (guideline)->len);
  g_assert_cmpstr (json_object_get_string_member (object, "schema"), ==, "mbc-advisor/result/1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                   "guideline"), "sha256"), ==, mbc_guideline_get_sha256 (guideline));
  /* Read alone, a result says which guideline, of which date, it comes from. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                   "guideline"), "title"), ==, mbc_guideline_get_title (guideline));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                   "guideline"), "date"), ==, mbc_guideline_get_date (guideline));
  /* Counselling is advised in all patients. */
  g_assert_true (plan_has (result, "counselling"));
  for (guint i = 0; i < mbc_result_get_statements (result)->len; i++)
    g_assert_nonnull (mbc_guideline_lookup_source (guideline,
                                                   mbc_result_get_statements (result)->pdata[i]));
}

static void
test_table (void)
{
  g_autoptr(JsonNode) table = load_json ("evaluate-cases.json");
  JsonArray *cases = json_node_get_array (table);
  GPtrArray *findings = mbc_guideline_get_findings (guideline);
  GPtrArray *rules = mbc_guideline_get_rules (guideline);
  g_autoptr(GHashTable) fired = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) asserted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (json_array_get_length (cases), >=, 30);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *entry = json_array_get_object_element (cases, i);
      const char *name = json_object_get_string_member (entry, "name");
      JsonObject *expect = json_object_get_object_member (entry, "expect");
      g_autoptr(MbcResult) result = evaluate_object (json_object_get_object_member (entry, "case"));

      g_test_message ("%s -> %s (%s)", name, mbc_result_get_tier (result),
                      mbc_result_get_rule (result)->id);
      if (g_strcmp0 (mbc_result_get_tier (result), json_object_get_string_member (expect, "tier")))
        g_error ("%s: tier %s, expected %s", name, mbc_result_get_tier (result),
                 json_object_get_string_member (expect, "tier"));
      if (json_object_has_member (expect, "rule") &&
          g_strcmp0 (mbc_result_get_rule (result)->id,
                     json_object_get_string_member (expect, "rule")))
        g_error ("%s: rule %s, expected %s", name, mbc_result_get_rule (result)->id,
                 json_object_get_string_member (expect, "rule"));
      if (json_object_has_member (expect, "strength"))
        g_assert_cmpstr (mbc_result_get_strength (result), ==,
                         json_object_get_string_member_with_default (expect, "strength", NULL));
      if (json_object_has_member (expect, "missing"))
        assert_strings (name, "missing", json_object_get_array_member (expect, "missing"),
                        mbc_result_get_missing (result));
      if (json_object_has_member (expect, "confirm"))
        assert_strings (name, "confirm", json_object_get_array_member (expect, "confirm"),
                        mbc_result_get_confirm (result));
      if (json_object_has_member (expect, "options"))
        assert_strings (name, "options", json_object_get_array_member (expect, "options"),
                        mbc_result_get_options (result));
      if (json_object_has_member (expect, "plan_includes"))
        {
          JsonArray *ids = json_object_get_array_member (expect, "plan_includes");
          for (guint k = 0; k < json_array_get_length (ids); k++)
            if (!plan_has (result, json_array_get_string_element (ids, k)))
              g_error ("%s: plan lacks %s", name, json_array_get_string_element (ids, k));
        }
      if (json_object_has_member (expect, "plan_excludes"))
        {
          JsonArray *ids = json_object_get_array_member (expect, "plan_excludes");
          for (guint k = 0; k < json_array_get_length (ids); k++)
            if (plan_has (result, json_array_get_string_element (ids, k)))
              g_error ("%s: plan has %s", name, json_array_get_string_element (ids, k));
        }
      if (json_object_has_member (expect, "findings"))
        {
          JsonObject *expected = json_object_get_object_member (expect, "findings");
          JsonObjectIter iter;
          const char *id;
          JsonNode *status;

          json_object_iter_init_ordered (&iter, expected);
          while (json_object_iter_next_ordered (&iter, &id, &status))
            {
              int index = mbc_result_lookup_finding (result, id);
              const char *got;

              g_assert_cmpint (index, >=, 0);
              got = mbc_finding_status_to_string (mbc_result_get_finding_status (result, index));
              if (g_strcmp0 (got, json_node_get_string (status)) != 0)
                g_error ("%s: finding %s is %s, expected %s", name, id, got,
                         json_node_get_string (status));
              g_hash_table_add (asserted, g_strdup_printf ("%s=%s", id, got));
            }
        }
      assert_invariants (name, result);
      g_hash_table_add (fired, (gpointer) mbc_result_get_rule (result)->id);
    }

  /* Coverage: every rule fires, every finding is asserted both ways and unknown. */
  for (guint i = 0; i < rules->len; i++)
    if (!g_hash_table_contains (fired, ((MbcRule *) rules->pdata[i])->id))
      g_error ("no case fires rule %s", ((MbcRule *) rules->pdata[i])->id);
  for (guint i = 0; i < findings->len; i++)
    {
      static const char * const statuses[] = { "met", "not_met", "unknown" };
      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        {
          g_autofree char *key = g_strdup_printf ("%s=%s", ((MbcFinding *) findings->pdata[i])->id,
                                                  statuses[s]);
          if (!g_hash_table_contains (asserted, key))
            g_error ("no case asserts %s", key);
        }
    }
}

static void
test_text (void)
{
  g_autoptr(JsonNode) table = load_json ("evaluate-cases.json");
  JsonObject *first = json_array_get_object_element (json_node_get_array (table), 0);
  g_autoptr(MbcResult) result = evaluate_object (json_object_get_object_member (first, "case"));
  g_autofree char *text = mbc_result_to_text (result);
  g_autofree char *heading = g_strdup_printf ("%s\n%s\n", mbc_result_get_heading (result),
                                              mbc_guideline_get_evidence (guideline)->line);

  /* The heading names the consensus and its date, and the dated note of later evidence
   * comes directly under it. */
  g_assert_true (g_str_has_prefix (mbc_result_get_heading (result), "2017 consensus: "));
  g_assert_true (g_str_has_prefix (text, heading));
  g_assert_nonnull (strstr (mbc_guideline_get_evidence (guideline)->line, "as of 2023"));
  g_assert_nonnull (strstr (text, "Confirm before surgery"));
  g_assert_nonnull (strstr (text, "Evidence Since 2017"));
  g_assert_nonnull (strstr (text, mbc_guideline_get_sha256 (guideline)));
  g_assert_nonnull (strstr (text, mbc_guideline_get_disclaimer (guideline)));
}

/* The same case evaluates the same way every time, and a result is independent of
 * the one before (no state leaks between evaluations). */
static void
test_repeatable (void)
{
  g_autoptr(JsonNode) table = load_json ("evaluate-cases.json");
  JsonArray *cases = json_node_get_array (table);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < json_array_get_length (cases); i++)
      {
        guint index = pass == 0 ? i : json_array_get_length (cases) - 1 - i;
        JsonObject *entry = json_array_get_object_element (cases, index);
        JsonObject *case_object = json_object_get_object_member (entry, "case");
        g_autoptr(MbcResult) result = evaluate_object (case_object);
        g_autoptr(GString) out = g_string_new (NULL);

        g_autoptr(MbcResultWriter) writer =
          mbc_result_writer_new (mbc_result_get_guideline (result));

        mbc_result_writer_write (writer, result, out);
        if (pass == 0)
          g_ptr_array_add (first, g_string_free (g_steal_pointer (&out), FALSE));
        else
          g_assert_cmpstr (out->str, ==, first->pdata[index]);
      }
}

static const MbcChange *
find_change (GPtrArray    *changes,
             MbcCaseField  field)
{
  for (guint i = 0; i < changes->len; i++)
    if (((MbcChange *) changes->pdata[i])->field == field)
      return changes->pdata[i];
  return NULL;
}

/* "What would change this": single changes found by evaluating the changed case. */
static void
test_what_would_change (void)
{
  g_autoptr(JsonNode) table = load_json ("evaluate-cases.json");
  JsonObject *first = json_array_get_object_element (json_node_get_array (table), 0);
  JsonObject *case_object = json_object_get_object_member (first, "case");
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(MbcEvaluator) evaluator = mbc_evaluator_new (guideline);
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const MbcChange *change;

  json_node_set_object (root, case_object);
  json_object_set_string_member (case_object, "schema", MBC_CASE_SCHEMA);
  kase = mbc_case_new_from_json (root, problems);
  g_assert_nonnull (kase);
  result = mbc_evaluator_evaluate (evaluator, kase, NULL);
  changes = mbc_evaluator_what_would_change (evaluator, kase, result);

  /* The worked example is recommended with fitness and margins unknown. */
  change = find_change (changes, MBC_CASE_FIELD_FIT_FOR_SURGERY);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->tier, ==, "not_recommended");
  g_assert_cmpstr (json_node_get_string (change->value), ==, "no");
  change = find_change (changes, MBC_CASE_FIELD_NEGATIVE_MARGINS);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->tier, ==, "individualise");
  /* Unknown ECOG: 2 or more puts the patient outside the subset (an individual decision). */
  change = find_change (changes, MBC_CASE_FIELD_ECOG);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->tier, ==, "individualise");
  g_assert_cmpint (json_node_get_int (change->value), >=, 2);
  /* ER-negative is an unmet supporting factor, but ER does not change the tier. */
  g_assert_null (find_change (changes, MBC_CASE_FIELD_ER_STATUS));
  /* Known inputs of met findings are left alone. */
  g_assert_null (find_change (changes, MBC_CASE_FIELD_METASTATIC_RESPONSE));
  /* Five more lesions in liver and lung, or progression: a change of a known input whose
   * finding is met is not listed; a burden count that is unknown is (at 5 lesions the
   * subset still holds through bone only, so no change there either). */
  g_assert_null (find_change (changes, MBC_CASE_FIELD_METASTATIC_LESION_COUNT));
  /* The original case is untouched. */
  g_assert_false (mbc_case_is_known (kase, MBC_CASE_FIELD_FIT_FOR_SURGERY));
}

/* A case from case-file members, as JSON text. */
static MbcCase *
case_from_text (const char *members)
{
  g_autofree char *text = g_strdup_printf ("{\"schema\": \"%s\"%s%s}", MBC_CASE_SCHEMA,
                                           *members ? ", " : "", members);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  MbcCase *kase = mbc_case_new_from_data (text, strlen (text), problems);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (kase);
  return kase;
}

/* Whether @kase lists @site among its metastatic sites. */
static gboolean
case_lists_site (MbcCase    *kase,
                 const char *site)
{
  g_autoptr(JsonNode) sites = mbc_case_dup_field_json (kase, MBC_CASE_FIELD_METASTATIC_SITES);

  for (guint i = 0; JSON_NODE_HOLDS_ARRAY (sites) &&
                    i < json_array_get_length (json_node_get_array (sites)); i++)
    if (g_strcmp0 (json_array_get_string_element (json_node_get_array (sites), i), site) == 0)
      return TRUE;
  return FALSE;
}

/* Every change of @changes proposes a value for an input unknown in @kase, contradicts
 * nothing recorded (the changed case is valid), counts lesions only of a recorded site, and
 * gives the tier it says. Returns how many there are. */
static guint
assert_changes_sound (MbcEvaluator *evaluator,
                      MbcCase      *kase,
                      GPtrArray    *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const MbcChange *change = changes->pdata[i];
      g_autoptr(MbcCase) changed = mbc_case_copy (kase);
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcResult) other = NULL;

      g_assert_false (mbc_case_is_known (kase, change->field));
      g_assert_true (mbc_case_set_field_json (changed, change->field, change->value, problems));
      g_assert_true (mbc_case_validate (changed, problems));
      g_assert_cmpuint (problems->len, ==, 0);
      if (change->field == MBC_CASE_FIELD_LIVER_LESION_COUNT)
        g_assert_true (case_lists_site (kase, "liver"));
      if (change->field == MBC_CASE_FIELD_LUNG_LESION_COUNT)
        g_assert_true (case_lists_site (kase, "lung"));
      other = mbc_evaluator_evaluate (evaluator, changed, NULL);
      g_assert_cmpstr (mbc_result_get_tier (other), ==, change->tier);
    }
  return changes->len;
}

/* Only what can still change is proposed: unknown inputs, nothing that contradicts what is
 * recorded, no count for an organ that is not a recorded site. */
static void
test_what_would_change_unknown_only (void)
{
  static const char * const cases[] = {
    "",
    "\"metastatic_sites\": [\"bone\"], \"metastatic_response\": \"complete\"",
    /* Liver and lung lesions would make it not recommended, but the sites are recorded. */
    "\"metastatic_sites\": [\"bone\"], \"metastatic_lesion_count\": 1, "
    "\"metastatic_response\": \"partial\", \"fit_for_surgery\": \"yes\"",
    "\"metastatic_sites\": [\"bone\", \"liver\"], \"metastatic_response\": \"complete\"",
    "\"liver_lesion_count\": 0, \"ecog\": 1, \"metastatic_response\": \"stable\"",
  };
  g_autoptr(MbcEvaluator) evaluator = mbc_evaluator_new (guideline);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(MbcCase) kase = case_from_text (cases[c]);
      g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, kase, NULL);
      g_autoptr(GPtrArray) changes = mbc_evaluator_what_would_change (evaluator, kase, result);

      g_test_message ("case %u: %u changes", c, changes->len);
      assert_changes_sound (evaluator, kase, changes);
      /* No recorded site is removed, nor a site added to recorded ones. */
      if (mbc_case_is_known (kase, MBC_CASE_FIELD_METASTATIC_SITES))
        g_assert_null (find_change (changes, MBC_CASE_FIELD_METASTATIC_SITES));
      switch (c)
        {
        case 0:
          /* An empty form: no lesion count of an organ nobody recorded. */
          g_assert_null (find_change (changes, MBC_CASE_FIELD_LIVER_LESION_COUNT));
          g_assert_null (find_change (changes, MBC_CASE_FIELD_LUNG_LESION_COUNT));
          break;
        case 1:
        case 2:
          g_assert_null (find_change (changes, MBC_CASE_FIELD_LIVER_LESION_COUNT));
          g_assert_null (find_change (changes, MBC_CASE_FIELD_LUNG_LESION_COUNT));
          break;
        case 3:
          /* The liver is a recorded site: its count can still decide. */
          g_assert_nonnull (find_change (changes, MBC_CASE_FIELD_LIVER_LESION_COUNT));
          g_assert_null (find_change (changes, MBC_CASE_FIELD_LUNG_LESION_COUNT));
          break;
        case 4:
          /* Stable disease is recorded: not recommended whatever else, so nothing. */
          g_assert_cmpstr (mbc_result_get_tier (result), ==, "not_recommended");
          g_assert_cmpuint (changes->len, ==, 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* @pack's JSON text with finding @id's met_when replaced by @condition. */
static MbcGuideline *
load_variant (const char *pack,
              const char *id,
              const char *condition)
{
  g_autoptr(JsonNode) root = mbc_json_parse (pack, strlen (pack), 64, NULL);
  JsonArray *findings = json_object_get_array_member (json_node_get_object (root), "findings");
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  MbcGuideline *variant;
  gboolean found = FALSE;

  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      if (g_strcmp0 (json_object_get_string_member (finding, "id"), id) != 0)
        continue;
      json_object_remove_member (finding, "met_when");
      json_object_set_member (finding, "met_when", mbc_json_parse (condition, strlen (condition),
                                                                   64, NULL));
      found = TRUE;
    }
  g_assert_true (found);
  text = json_to_string (root, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  variant = mbc_guideline_new_from_bytes (bytes, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (variant);
  return variant;
}

static char *
evaluated_json (MbcEvaluator *evaluator,
                MbcCase      *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, kase, &error);
  g_autoptr(MbcResultWriter) writer = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  writer = mbc_result_writer_new (mbc_evaluator_get_guideline (evaluator));
  mbc_result_writer_write (writer, result, out);
  return g_string_free (out, FALSE);
}

/* The results an evaluator keeps for what a condition read (its memo) never stand in for a
 * case that reads differently: one evaluator, case after case, gives what a new evaluator
 * gives each case, with the pack and with conditions that read the data as a whole, through
 * map, some and reduce (which the evaluator must not keep). */
static void
test_kept_results (void)
{
  static const char * const variants[][2] = {
    { NULL, NULL },
    /* found by a red team: kept once for every case, before the fix */
    { "single_site", "{\"some\":[[{\"var\":\"\"}],{\"missing\":\"case.metastatic_sites.1\"}]}" },
    { "bone_only", "{\"reduce\":[[1],{\"in\":[\"liver\",{\"var\":\"accumulator.case.metastatic_sites\"}]},"
                   "{\"var\":\"\"}]}" },
    { "young_age", "{\"all\":[{\"map\":[[{\"var\":null}],{\"var\":\"case.age_years\"}]},"
                   "{\"<\":[{\"var\":\"\"},40]}]}" },
    { "good_performance_status", "{\"<=\":[{\"var\":[\"case.ecog\",{\"var\":\"case.age_years\"}]},1]}" },
  };
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "guidelines",
                                            "uio2017-mbc-primary-surgery.json", NULL);
  g_autofree char *pack = NULL;
  g_autoptr(JsonNode) table = load_json ("evaluate-cases.json");
  JsonArray *entries = json_node_get_array (table);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const extra[] = {
    "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_sites\":[\"bone\"]}",
    "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_sites\":[\"bone\",\"liver\"]}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":35,\"ecog\":0}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":35}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":70,\"ecog\":2}",
  };

  g_assert_true (g_file_get_contents (path, &pack, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      MbcCase *kase = mbc_case_new_from_data (extra[i], strlen (extra[i]), problems);
      g_assert_nonnull (kase);
      g_ptr_array_add (cases, kase);
    }
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      JsonObject *copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_set_string_member (copy, "schema", MBC_CASE_SCHEMA);
      json_object_iter_init_ordered (&iter, json_object_get_object_member (entry, "case"));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        json_object_set_member (copy, name, json_node_copy (value));
      json_node_take_object (root, copy);
      g_ptr_array_add (cases, mbc_case_new_from_json (root, problems));
      g_assert_nonnull (cases->pdata[cases->len - 1]);
    }

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(MbcGuideline) pack_variant =
        variants[v][0] ? load_variant (pack, variants[v][0], variants[v][1])
                       : g_object_ref (guideline);
      g_autoptr(MbcEvaluator) kept = mbc_evaluator_new (pack_variant);
      guint64 conditions = 0, answered = 0;

      for (guint pass = 0; pass < 2; pass++)
        for (guint k = 0; k < cases->len; k++)
          {
            MbcCase *kase = cases->pdata[pass == 0 ? k : cases->len - 1 - k];
            g_autoptr(MbcEvaluator) fresh = mbc_evaluator_new (pack_variant);
            g_autofree char *want = evaluated_json (fresh, kase);
            g_autofree char *got = evaluated_json (kept, kase);

            if (g_strcmp0 (want, got) != 0)
              g_error ("variant %u, case %u: a kept result stood in for another", v, k);
          }
      mbc_evaluator_get_counts (kept, &conditions, &answered);
      g_test_message ("variant %u: %" G_GUINT64_FORMAT " conditions, %" G_GUINT64_FORMAT
                      " answered by kept results", v, conditions, answered);
      g_assert_cmpuint (answered, >, 0);
    }
}

/* The table of kept answers: every key kept is found with its answer, through growth and
 * collisions; a key not kept is not found; a key of no words is one key. */
static void
test_memo_table (void)
{
  GRand *rand = g_rand_new_with_seed (1201);
  g_autoptr(MbcMemo) memo = mbc_memo_new (3);
  g_autoptr(MbcMemo) none = mbc_memo_new (0);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  const guint64 empty[1] = { 0 };

  for (guint i = 0; i < 20000; i++)
    {
      /* few distinct words, so that hashes collide */
      guint64 key[3] = { g_rand_int_range (rand, 0, 40), i, G_MAXUINT64 - (i % 7) };
      g_assert_cmpint (mbc_memo_lookup (memo, key), ==, -1);
      mbc_memo_insert (memo, key, i % 3 == 0);
      g_array_append_vals (keys, key, 3);
    }
  g_assert_cmpuint (mbc_memo_size (memo), ==, 20000);
  for (guint i = 0; i < 20000; i++)
    g_assert_cmpint (mbc_memo_lookup (memo, &g_array_index (keys, guint64, 3 * i)), ==,
                     i % 3 == 0);
  {
    guint64 other[3] = { 41, 0, 0 };
    g_assert_cmpint (mbc_memo_lookup (memo, other), ==, -1);
  }
  g_assert_cmpint (mbc_memo_lookup (none, empty), ==, -1);
  mbc_memo_insert (none, empty, TRUE);
  g_assert_cmpint (mbc_memo_lookup (none, empty), ==, 1);
  g_assert_cmpuint (mbc_memo_size (none), ==, 1);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  guideline = mbc_guideline_new_default (NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/evaluate/clinical-table", test_table);
  g_test_add_func ("/evaluate/text", test_text);
  g_test_add_func ("/evaluate/repeatable", test_repeatable);
  g_test_add_func ("/evaluate/kept-results", test_kept_results);
  g_test_add_func ("/evaluate/memo-table", test_memo_table);
  g_test_add_func ("/evaluate/what-would-change", test_what_would_change);
  g_test_add_func ("/evaluate/what-would-change-unknown-only",
                   test_what_would_change_unknown_only);
  status = g_test_run ();
  g_clear_object (&guideline);
  return status;
}
