/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The guideline model: the bundled pack loads and says what docs/guideline-format.md (How a
 * case is decided) says; broken packs, made by damaging the bundled one in one place, are
 * each rejected with a problem at the right JSON path.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "mbc-evaluator.h"
#include "mbc-guideline.h"
#include "mbc-pack-test.h"
#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-problem.h"

static char *pack_text;
static gsize pack_length;

typedef struct
{
  const char *what;
  const char *at;      /* slash-separated path to change; a last part "+" appends */
  const char *value;   /* JSON text, or NULL to delete */
  const char *where;   /* the path a problem must name */
} Breakage;

static const Breakage breakages[] = {
  { "unknown top-level key", "colour", "\"red\"", "$.colour" },
  { "a misspelt name in missing", "findings/0/unknown_when",
    "{\"missing\":\"case.metastatic_respons\"}", "$.findings[0].unknown_when.missing" },
  { "a misspelt name among several in missing", "findings/0/unknown_when",
    "{\"missing\":[\"case.ecog\",\"case.age_yeras\"]}", "$.findings[0].unknown_when.missing" },
  { "a misspelt name in missing_some", "findings/0/unknown_when",
    "{\"missing_some\":[1,[\"case.ecog\",\"case.age_yeras\"]]}",
    "$.findings[0].unknown_when.missing_some" },
  { "a caution citing no source", "decision/cautions/0/sources", "[\"TH9\"]",
    "$.decision.cautions[0].sources[0]" },
  { "a caution with neither sources nor interpretation", "decision/cautions/0/interpretation",
    NULL, "$.decision.cautions[0].sources" },
  { "a caution reading no case field", "decision/cautions/0/when", "{\"var\":\"case.brain\"}",
    "$.decision.cautions[0].when.var" },
  { "a heading without a condition", "decision/rules/7/headings/0/when", NULL,
    "$.decision.rules[7].headings[0].when" },
  { "a heading with an unknown key", "decision/rules/7/headings/0/colour", "1",
    "$.decision.rules[7].headings[0].colour" },
  { "a pack test expecting a field to confirm that is not a case field",
    "tests/0/expect/confirm", "[\"fitness\"]", "$.tests[0].expect.confirm[0]" },
  { "unknown key in a source", "sources/0/colour", "1", "$.sources[0].colour" },
  { "unknown key in a finding text", "findings/0/text/maybe", "\"x\"",
    "$.findings[0].text.maybe" },
  { "wrong schema", "schema", "\"mbc-advisor/guideline/2\"", "$.schema" },
  { "missing disclaimer", "disclaimer", NULL, "$.disclaimer" },
  { "empty title", "title", "\"\"", "$.title" },
  { "unknown operator", "findings/0/met_when", "{\"frobnicate\":[1]}",
    "$.findings[0].met_when.frobnicate" },
  { "unknown operator deep in a rule", "decision/rules/3/when/or/0", "{\"regex\":[\"a\",\"b\"]}",
    "$.decision.rules[3].when.or[0].regex" },
  { "object with two keys in a rule", "findings/1/met_when", "{\"<\":[1,2],\">\":[2,1]}",
    "$.findings[1].met_when" },
  { "dangling source id in a finding", "findings/0/sources/0", "\"TH9\"",
    "$.findings[0].sources[0]" },
  { "dangling source id in a rule", "decision/rules/1/sources/+", "\"R99\"",
    "$.decision.rules[1].sources[2]" },
  { "dangling source id in a param", "params/young_age_below_years/sources/0", "\"Z\"",
    "$.params.young_age_below_years.sources[0]" },
  { "dangling source id in a plan item", "plan/items/0/sources/0", "\"T7\"",
    "$.plan.items[0].sources[0]" },
  { "finding that reads an unknown case field", "findings/0/met_when",
    "{\"==\":[{\"var\":\"case.metastatic_reponse\"},\"complete\"]}",
    "$.findings[0].met_when[\"==\"][0].var" },
  { "finding that reads the label", "findings/0/met_when", "{\"var\":\"case.label\"}",
    "$.findings[0].met_when.var" },
  { "finding that reads an unknown param", "findings/6/met_when",
    "{\"<\":[{\"var\":\"case.age_years\"},{\"var\":\"params.young_age\"}]}",
    "$.findings[6].met_when[\"<\"][1].var" },
  { "finding that reads a later finding", "findings/0/unknown_when",
    "{\"==\":[{\"var\":\"findings.clear_margins\"},\"unknown\"]}",
    "$.findings[0].unknown_when[\"==\"][0].var" },
  { "rule that reads an unknown finding", "decision/rules/0/when",
    "{\"==\":[{\"var\":\"findings.fit\"},\"not_met\"]}",
    "$.decision.rules[0].when[\"==\"][0].var" },
  { "rule that reads unknown data", "decision/rules/0/when", "{\"var\":\"patient.age\"}",
    "$.decision.rules[0].when.var" },
  { "duplicate finding id", "findings/1/id", "\"good_response\"", "$.findings[1].id" },
  { "duplicate source id", "sources/1/id", "\"TH1\"", "$.sources[1].id" },
  { "finding in an unknown group", "findings/0/group", "\"gates\"", "$.findings[0].group" },
  { "unused finding", "findings/+",
    "{\"id\":\"her2_positive\",\"group\":\"supporting\",\"title\":\"HER2\","
    "\"unknown_when\":{\"missing\":\"case.her2_status\"},"
    "\"met_when\":{\"==\":[{\"var\":\"case.her2_status\"},\"positive\"]},"
    "\"text\":{\"met\":\"a\",\"not_met\":\"b\",\"unknown\":\"c\"},\"sources\":[\"TH1\"]}",
    "$.findings[10]" },
  { "table that can fall through", "decision/rules/7/when",
    "{\"==\":[{\"var\":\"findings.clear_margins\"},\"met\"]}", "$.decision.rules" },
  { "unreachable rule after the catch-all", "decision/rules/+",
    "{\"id\":\"late\",\"when\":true,\"tier\":\"individualise\",\"indicator\":\"info\","
    "\"summary\":\"s\",\"detail\":\"d\",\"sources\":[\"TH1\"]}", "$.decision.rules[8]" },
  { "unknown tier", "decision/rules/0/tier", "\"maybe\"", "$.decision.rules[0].tier" },
  { "unknown indicator", "decision/rules/0/indicator", "\"red\"",
    "$.decision.rules[0].indicator" },
  { "hit policy other than first", "decision/hit_policy", "\"collect\"",
    "$.decision.hit_policy" },
  { "indeterminate rule without missing fields", "decision/rules/3/missing", NULL,
    "$.decision.rules[3]" },
  { "missing field that is not a case field", "decision/rules/3/missing/0/field",
    "\"response\"", "$.decision.rules[3].missing[0].field" },
  { "confirm on a rule that does not recommend", "decision/rules/4/confirm",
    "[{\"field\":\"fit_for_surgery\",\"when\":true}]", "$.decision.rules[4].confirm" },
  { "strength without a default", "decision/rules/7/strength/1/when", "false",
    "$.decision.rules[7].strength[1]" },
  { "poll percentages that do not add up", "sources/5/options/0/percent", "70",
    "$.sources[5].options" },
  { "percent out of range", "sources/5/options/1/percent", "122.7",
    "$.sources[5].options[1].percent" },
  { "poll without a question", "sources/5/question", NULL, "$.sources[5].question" },
  { "unknown source kind", "sources/0/kind", "\"tweet\"", "$.sources[0].kind" },
  { "a source citing a take-home message as a reference", "sources/5/cites/0", "\"TH1\"",
    "$.sources[5].cites[0]" },
  { "a source citing a reference there is not", "sources/5/cites/1", "\"R99\"",
    "$.sources[5].cites[1]" },
  { "plan item offering an unknown option", "plan/items/0/options/0", "\"lumpectomy\"",
    "$.plan.items[0].options[0]" },
  { "plan item in an unknown section", "plan/items/0/section", "\"diet\"",
    "$.plan.items[0].section" },
  { "plan item with a non-boolean axillary flag", "plan/items/0/axillary_evaluation", "\"yes\"",
    "$.plan.items[0].axillary_evaluation" },
  { "advice resting on nothing", "decision/rules/3/sources", "[]",
    "$.decision.rules[3].sources" },
  { "a tier without its heading", "tiers/recommended/heading", NULL,
    "$.tiers.recommended.heading" },
  { "a tier the result contract does not have", "tiers/maybe",
    "{\"title\": \"x\", \"heading\": \"y\"}", "$.tiers.maybe" },
  { "polls without a name for the polled group", "polls/series", NULL, "$.polls.series" },
  { "evidence without its one-line note", "evidence_since/line", NULL,
    "$.evidence_since.line" },
  { "evidence without a date", "evidence_since/as_of", NULL, "$.evidence_since.as_of" },
  { "a pack test whose case is invalid", "tests/0/case/ecog", "9", "$.tests[0].case.ecog" },
  { "a pack test with an unknown case field", "tests/0/case/stage", "4",
    "$.tests[0].case.stage" },
  { "a pack test without the tier it expects", "tests/0/expect/tier", NULL,
    "$.tests[0].expect.tier" },
  { "a pack test expecting a tier there is not", "tests/0/expect/tier", "\"maybe\"",
    "$.tests[0].expect.tier" },
  { "a pack test naming a rule the pack has not", "tests/0/expect/rule", "\"nope\"",
    "$.tests[0].expect.rule" },
  { "a pack test naming a finding the pack has not", "tests/0/expect/findings/nope",
    "\"met\"", "$.tests[0].expect.findings.nope" },
  { "a pack test with a finding status there is not", "tests/0/expect/findings/young_age",
    "\"maybe\"", "$.tests[0].expect.findings.young_age" },
  { "a pack test missing a field there is not", "tests/0/expect/missing", "[\"stage\"]",
    "$.tests[0].expect.missing[0]" },
  { "a pack test with an unknown key", "tests/0/expect/outcome", "1",
    "$.tests[0].expect.outcome" },
  { "two pack tests of one name", "tests/1/name",
    "\"liver 1 with lung a site, its count unknown: at least two together\"",
    "$.tests[1].name" },
  { "tally of an unknown finding", "decision/tallies/0/findings/0", "\"youth\"",
    "$.decision.tallies[0].findings[0]" },
  { "sources not an array", "findings/2/sources", "\"TH1\"", "$.findings[2].sources" },
  { "findings not an array", "findings", "{}", "$.findings" },
  { "root not an object", "", "[]", "$" },
  { "a var name computed, not written out", "findings/3/met_when",
    "{\"==\": [{\"var\": {\"cat\": [\"findings.\", \"clear_margins\"]}}, \"met\"]}",
    "$.findings[3].met_when[\"==\"][0].var" },
};

static JsonNode *
parse_pack (void)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = mbc_json_parse (pack_text, pack_length, 512, &error);
  g_assert_no_error (error);
  return root;
}

/* Changes @root at @at (see Breakage); returns the new root. */
static JsonNode *
apply_breakage (JsonNode   *root,
                const char *at,
                const char *value_text)
{
  g_auto(GStrv) parts = g_strsplit (at, "/", -1);
  guint n = g_strv_length (parts);
  JsonNode *node = root;
  JsonNode *value = NULL;
  const char *last;

  if (value_text)
    value = mbc_json_parse (value_text, strlen (value_text), 512, NULL);
  if (*at == '\0')
    {
      json_node_unref (root);
      return value;
    }
  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      g_assert_nonnull (node);
    }
  last = parts[n - 1];
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      if (value)
        json_object_set_member (json_node_get_object (node), last, value);
      else
        json_object_remove_member (json_node_get_object (node), last);
    }
  else
    {
      /* Arrays are rebuilt with the element replaced, removed or appended. */
      JsonArray *old = json_node_get_array (node);
      JsonArray *fresh = json_array_new ();
      gboolean append = strcmp (last, "+") == 0;
      guint index = append ? G_MAXUINT : (guint) atoi (last);

      for (guint k = 0; k < json_array_get_length (old); k++)
        {
          if (k != index)
            json_array_add_element (fresh, json_node_ref (json_array_get_element (old, k)));
          else if (value)
            json_array_add_element (fresh, g_steal_pointer (&value));
        }
      if (append)
        json_array_add_element (fresh, g_steal_pointer (&value));
      json_node_set_array (node, fresh);
      json_array_unref (fresh);
    }
  return root;
}

/* The bundled pack's own tests pass, and reach every rule and every finding met, not met
 * and unknown. */
static void
test_pack_tests (void)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcGuideline) guideline = mbc_guideline_new_default (problems, &error);
  g_autoptr(GHashTable) reached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *tests, *rules, *findings;

  g_assert_no_error (error);
  tests = mbc_guideline_get_tests (guideline);
  rules = mbc_guideline_get_rules (guideline);
  findings = mbc_guideline_get_findings (guideline);
  g_assert_cmpuint (tests->len, >, 0);
  for (guint i = 0; i < tests->len; i++)
    {
      const MbcPackTest *test = g_ptr_array_index (tests, i);
      g_autoptr(GError) run_error = NULL;
      g_autofree char *differs = mbc_pack_test_run (guideline, test, &run_error);

      g_assert_no_error (run_error);
      if (differs)
        g_error ("pack test \"%s\": %s", test->name, differs);
      if (test->rule)
        g_hash_table_add (reached, g_strdup_printf ("rule %s", test->rule));
      for (guint k = 0; test->findings && k < findings->len; k++)
        {
          const char *id = ((MbcFinding *) findings->pdata[k])->id;
          const char *status = json_object_get_string_member_with_default (test->findings, id,
                                                                           NULL);
          if (status)
            g_hash_table_add (reached, g_strdup_printf ("%s %s", id, status));
        }
    }
  for (guint i = 0; i < rules->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("rule %s", ((MbcRule *) rules->pdata[i])->id);
      if (!g_hash_table_contains (reached, key))
        g_error ("no pack test reaches %s", key);
    }
  for (guint i = 0; i < findings->len; i++)
    for (guint s = 0; s < 3; s++)
      {
        static const char * const statuses[] = { "met", "not_met", "unknown" };
        g_autofree char *key = g_strdup_printf ("%s %s", ((MbcFinding *) findings->pdata[i])->id,
                                                statuses[s]);
        if (!g_hash_table_contains (reached, key))
          g_error ("no pack test asserts %s", key);
      }
}

static MbcGuideline *
load_text (const char *text,
           gsize       length,
           GPtrArray  *problems,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  return mbc_guideline_new_from_bytes (bytes, problems, error);
}

static gboolean
names (GPtrArray  *problems,
       const char *where)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((MbcProblem *) problems->pdata[i])->where, where) == 0)
      return TRUE;
  return FALSE;
}

static void
test_bundled (void)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcGuideline) guideline = mbc_guideline_new_default (problems, &error);
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) pack_text,
                                                      pack_length);
  static const struct { const char *id; double yes; double no; } polls[] = {
    { "T1", 77.3, 22.7 }, { "T2", 63.6, 36.4 }, { "T3", 81.8, 18.2 }, { "T4", 53, 47 },
  };
  static const char * const ids[] = {
    "TH1", "TH2", "TH3", "TH4", "TH5", "T1", "T2", "T3", "T4", "Q5", "TIMING", "COUNSEL",
    "UNRESOLVED", "R1", "R14", "R17", "R19",
  };
  const MbcEvidence *evidence;
  const MbcSource *q5;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (mbc_guideline_get_id (guideline), ==, "uio2017-mbc-primary-surgery");
  g_assert_cmpstr (mbc_guideline_get_version (guideline), ==, "1.3.1");
  /* The checksum is that of the file in the source tree: the bundled bytes are the same. */
  g_assert_cmpstr (mbc_guideline_get_sha256 (guideline), ==, sha);
  {
    g_autofree char *prop_sha = NULL, *prop_id = NULL;
    g_object_get (guideline, "sha256", &prop_sha, "id", &prop_id, NULL);
    g_assert_cmpstr (prop_sha, ==, sha);
    g_assert_cmpstr (prop_id, ==, "uio2017-mbc-primary-surgery");
  }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (mbc_guideline_lookup_source (guideline, ids[i]));
  /* The four poll tables with the figures of the tables. */
  for (guint i = 0; i < G_N_ELEMENTS (polls); i++)
    {
      const MbcSource *poll = mbc_guideline_lookup_source (guideline, polls[i].id);
      g_assert_cmpstr (poll->kind, ==, "poll");
      g_assert_nonnull (poll->consensus);
      g_assert_cmpuint (poll->options->len, ==, 2);
      g_assert_cmpfloat (((MbcPollOption *) poll->options->pdata[0])->percent, ==, polls[i].yes);
      g_assert_cmpfloat (((MbcPollOption *) poll->options->pdata[1])->percent, ==, polls[i].no);
    }
  /* The references a quotation cites, resolved to sources of kind reference. */
  {
    const MbcSource *t1 = mbc_guideline_lookup_source (guideline, "T1");
    const MbcSource *th1 = mbc_guideline_lookup_source (guideline, "TH1");

    g_assert_cmpuint (g_strv_length ((char **) t1->cites), ==, 2);
    g_assert_cmpstr (t1->cites[0], ==, "R1");
    g_assert_cmpstr (mbc_guideline_lookup_source (guideline, t1->cites[1])->kind, ==,
                     "reference");
    g_assert_null (th1->cites[0]);
  }
  q5 = mbc_guideline_lookup_source (guideline, "Q5");
  g_assert_cmpstr (q5->kind, ==, "question");
  g_assert_null (q5->options);
  evidence = mbc_guideline_get_evidence (guideline);
  g_assert_nonnull (evidence->as_of);
  g_assert_cmpstr (evidence->reviewed, ==, "December 2026");
  {
    /* Balanced: the trials with no benefit beside the one with, and the pooled trials. */
    static const char * const trials[] = { "TMH", "E2108", "JCOG1017", "ABCSG-28", "MF07-01",
                                           "meta-analysis-2021" };
    g_assert_cmpuint (evidence->items->len, ==, G_N_ELEMENTS (trials));
    for (guint i = 0; i < G_N_ELEMENTS (trials); i++)
      g_assert_cmpstr (((MbcEvidenceItem *) evidence->items->pdata[i])->id, ==, trials[i]);
  }
  g_assert_cmpuint (mbc_guideline_get_findings (guideline)->len, ==, 10);
  g_assert_cmpuint (mbc_guideline_get_groups (guideline)->len, ==, 3);
}

/* The CPU time of loading the bundled pack with a condition `in` over @n numbers. */
static double
load_seconds_with_numbers (guint n)
{
  g_autoptr(GString) list = g_string_new ("{\"in\": [{\"var\": \"case.age_years\"}, [");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcGuideline) guideline = NULL;
  struct rusage before, after;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s%u.5", i ? "," : "", i);
  g_string_append (list, "]]}");
  root = apply_breakage (parse_pack (), "findings/6/met_when", list->str);
  root = apply_breakage (root, "tests", "[]");
  text = mbc_json_to_string (root, 0);
  getrusage (RUSAGE_SELF, &before);
  guideline = load_text (text, strlen (text), NULL, &error);
  getrusage (RUSAGE_SELF, &after);
  g_assert_no_error (error);
  return (after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
         (after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6;
}

/* Loading is linear in a pack's numbers (a red team's `in` over 200,000 numbers took 8.5 s,
 * 1.5 million over 2 minutes): four times the numbers take nowhere near sixteen times as
 * long. */
static void
test_numbers_linear (void)
{
  double small = load_seconds_with_numbers (50000);
  double large = load_seconds_with_numbers (200000);

  g_test_message ("50,000 numbers: %.3f s; 200,000: %.3f s", small, large);
  g_assert_cmpfloat (large, <, 10 * MAX (small, 0.01));
}

static void
test_param_drives_threshold (void)
{
  /* The guideline lives in data: changing a param changes the finding, no rebuild. */
  g_autoptr(JsonNode) root = parse_pack ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcGuideline) guideline = NULL;
  MbcParam *param;

  root = apply_breakage (root, "params/young_age_below_years/value", "50");
  text = mbc_json_to_string (root, 2);
  guideline = load_text (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  param = g_ptr_array_index (mbc_guideline_get_params (guideline), 0);
  g_assert_cmpstr (param->id, ==, "young_age_below_years");
  g_assert_cmpint (json_node_get_int (param->value), ==, 50);
}

static void
test_breakages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      const Breakage *b = &breakages[i];
      g_autoptr(JsonNode) root = apply_breakage (parse_pack (), b->at, b->value);
      g_autofree char *text = mbc_json_to_string (root, 2);
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(MbcGuideline) guideline = load_text (text, strlen (text), problems, &error);

      if (guideline != NULL)
        g_error ("%s: the broken pack was accepted", b->what);
      g_assert_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_INVALID);
      if (!names (problems, b->where))
        {
          for (guint k = 0; k < problems->len; k++)
            g_printerr ("  %s: %s\n", ((MbcProblem *) problems->pdata[k])->where,
                        ((MbcProblem *) problems->pdata[k])->message);
          g_error ("%s: no problem at %s", b->what, b->where);
        }
      g_test_message ("%s: rejected at %s", b->what, b->where);
    }
}

static void
test_every_problem (void)
{
  /* Three breakages in one pack: all three reported in one load. */
  g_autoptr(JsonNode) root = parse_pack ();
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcGuideline) guideline = NULL;

  root = apply_breakage (root, "colour", "1");
  root = apply_breakage (root, "findings/0/sources/0", "\"TH9\"");
  root = apply_breakage (root, "decision/rules/0/tier", "\"maybe\"");
  text = mbc_json_to_string (root, 2);
  guideline = load_text (text, strlen (text), problems, NULL);
  g_assert_null (guideline);
  g_assert_cmpuint (problems->len, ==, 3);
}

static void
test_not_json (void)
{
  static const char * const texts[] = { "", "{", "{\"schema\":", "\xff\xfe", "null", "[]" };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcGuideline) guideline = load_text (texts[i], strlen (texts[i]), problems, NULL);
      g_assert_null (guideline);
      g_assert_true (names (problems, "$"));
    }
  for (int i = 0; i < 200000; i++)
    g_string_append (deep, "{\"a\":");
  {
    g_autoptr(GPtrArray) problems = mbc_problems_new ();
    g_autoptr(MbcGuideline) guideline = load_text (deep->str, deep->len, problems, NULL);
    g_assert_null (guideline);
    g_assert_true (names (problems, "$"));
  }
}

/* A rule nested beyond the evaluator's limit is refused at load, not at evaluation. */
static void
test_deep_rule (void)
{
  g_autoptr(GString) rule = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcGuideline) guideline = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append (rule, "{\"!\":");
  g_string_append (rule, "true");
  for (int i = 0; i < 200; i++)
    g_string_append_c (rule, '}');
  root = apply_breakage (parse_pack (), "findings/0/met_when", rule->str);
  text = mbc_json_to_string (root, 0);
  guideline = load_text (text, strlen (text), problems, NULL);
  g_assert_null (guideline);
  g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "nested"));
}

/* The depth a pack is checked to is the depth it is evaluated to: a rule that loads
 * evaluates (interfaces.md, Limits). */
static void
test_depth_agrees (void)
{
  for (int n = MBC_JSON_LOGIC_MAX_DEPTH - 2; n <= MBC_JSON_LOGIC_MAX_DEPTH + 1; n++)
    {
      g_autoptr(GString) rule = g_string_new (NULL);
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcGuideline) guideline = NULL;

      for (int i = 0; i < n; i++)
        g_string_append (rule, "{\"!\":");
      g_string_append (rule, "false");
      for (int i = 0; i < n; i++)
        g_string_append_c (rule, '}');
      root = apply_breakage (parse_pack (), "findings/0/unknown_when", rule->str);
      text = mbc_json_to_string (root, 0);
      guideline = load_text (text, strlen (text), problems, NULL);
      if (guideline != NULL)
        {
          g_autoptr(MbcCase) kase = mbc_case_new ();
          g_autoptr(GError) error = NULL;
          g_autoptr(MbcResult) result = mbc_evaluate (guideline, kase, &error);

          g_assert_no_error (error);
          g_assert_nonnull (result);
        }
      else
        g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "nested"));
      /* Within the depth, the rule loads; past it, it does not. */
      g_assert_true ((guideline != NULL) == (n < MBC_JSON_LOGIC_MAX_DEPTH));
    }
}

/* A rule that loads but would exhaust time or memory makes the evaluation fail, with the
 * rule's JSON path, instead of hanging or crashing (interfaces.md, Limits). */
static void
test_bomb (void)
{
  static const char *const bombs[] = {
    /* a string doubled thirty times */
    "{\"reduce\": [[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,"
    "27,28,29,30], {\"cat\": [{\"var\": \"accumulator\"}, {\"var\": \"accumulator\"}]}, \"ab\"]}",
    /* an array made of itself twice, forty times (small to hold, huge to print) */
    "{\"in\": [\"x\", {\"reduce\": [[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,"
    "22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40], [{\"var\": \"accumulator\"}, "
    "{\"var\": \"accumulator\"}], [1]]}]}",
    /* merge doubling */
    "{\"reduce\": [[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,"
    "27,28,29,30], {\"merge\": [{\"var\": \"accumulator\"}, {\"var\": \"accumulator\"}]}, [1]]}",
  };

  for (guint b = 0; b < G_N_ELEMENTS (bombs); b++)
    {
      g_autoptr(JsonNode) root = apply_breakage (parse_pack (), "findings/0/unknown_when",
                                                 bombs[b]);
      g_autofree char *text = mbc_json_to_string (root, 0);
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcGuideline) guideline = load_text (text, strlen (text), problems, NULL);
      g_autoptr(MbcCase) kase = mbc_case_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(MbcResult) result = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_nonnull (guideline);
      result = mbc_evaluate (guideline, kase, &error);
      g_assert_null (result);
      g_assert_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_EVALUATE);
      g_assert_nonnull (strstr (error->message, "$.findings[0].unknown_when: "));
      g_assert_nonnull (strstr (error->message, "steps"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
}

/* Random damage to the pack never crashes or hangs the loader (run under ASan too); what
 * loads anyway evaluates a case without failing. */
static void
test_mutations (void)
{
  GRand *rand = g_rand_new_with_seed (2017);
  g_autoptr(MbcCase) kase = mbc_case_new ();
  guint loaded = 0, rejected = 0;

  for (int round = 0; round < 300; round++)
    {
      g_autofree char *text = g_memdup2 (pack_text, pack_length);
      gsize n = pack_length;
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcGuideline) guideline = NULL;

      for (int e = g_rand_int_range (rand, 1, 6); e > 0; e--)
        {
          static const char json_bytes[] = "{}[]\",:0123456789tfnx- ";
          gsize at = g_rand_int_range (rand, 0, (gint32) n);
          if (g_rand_boolean (rand))
            text[at] = json_bytes[g_rand_int_range (rand, 0, sizeof json_bytes - 1)];
          else
            {
              memmove (text + at, text + at + 1, n - at - 1);
              n--;
            }
        }
      guideline = load_text (text, n, problems, NULL);
      if (guideline == NULL)
        {
          g_assert_cmpuint (problems->len, >, 0);
          rejected++;
          continue;
        }
      loaded++;
      {
        g_autoptr(MbcResult) result = mbc_evaluate (guideline, kase, NULL);
        g_assert_nonnull (result);
      }
    }
  g_rand_free (rand);
  g_test_message ("pack mutations: %u loaded, %u rejected", loaded, rejected);
  g_assert_cmpuint (rejected, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "guidelines",
                                            "uio2017-mbc-primary-surgery.json", NULL);
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_true (g_file_get_contents (path, &pack_text, &pack_length, NULL));
  g_test_add_func ("/guideline/numbers-linear", test_numbers_linear);
  g_test_add_func ("/guideline/bundled", test_bundled);
  g_test_add_func ("/guideline/param-drives-threshold", test_param_drives_threshold);
  g_test_add_func ("/guideline/broken-packs", test_breakages);
  g_test_add_func ("/guideline/pack-tests", test_pack_tests);
  g_test_add_func ("/guideline/every-problem", test_every_problem);
  g_test_add_func ("/guideline/not-json", test_not_json);
  g_test_add_func ("/guideline/deep-rule", test_deep_rule);
  g_test_add_func ("/guideline/depth-agrees", test_depth_agrees);
  g_test_add_func ("/guideline/bomb", test_bomb);
  g_test_add_func ("/guideline/mutations", test_mutations);
  status = g_test_run ();
  g_free (pack_text);
  return status;
}
