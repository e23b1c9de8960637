/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case model: every validation rule of every field, good and bad values, robustness
 * against hostile input, the JSON round trip and the properties. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mbc-case.h"
#include "mbc-case-private.h"
#include "mbc-json.h"
#include "mbc-problem.h"

typedef struct
{
  const char *field;    /* the field set (and the one a problem must name) */
  const char *value;    /* its JSON text */
  const char *extra;    /* other members the case needs, JSON text without braces, or NULL */
  const char *where;    /* NULL: valid; else the field the problem must name */
} FieldCase;

/* Good and bad values for every field of the case contract (docs/contracts.md). */
static const FieldCase field_cases[] = {
  /* label: a string of at most 200 characters without control characters */
  { "label", "\"Teaching case 1\"", NULL, NULL },
  { "label", "\"\"", NULL, NULL },
  { "label", "null", NULL, NULL },
  { "label", "\"Été, 45 ans — case B\"", NULL, NULL },
  { "label", "42", NULL, "label" },
  { "label", "[\"a\"]", NULL, "label" },
  { "label", "\"line\\nbreak\"", NULL, "label" },
  { "label", "\"tab\\there\"", NULL, "label" },
  { "label", "\"bell\\u0007\"", NULL, "label" },
  { "label", "\"del\\u007f\"", NULL, "label" },
  { "label", "\"NUL\\u0000inside\"", NULL, "label" },
  { "label", "\"line\\u2028separator\"", NULL, "label" },
  { "label", "\"paragraph\\u2029separator\"", NULL, "label" },
  { "label", "\"right-to-left\\u202eoverride\"", NULL, "label" },
  { "label", "\"isolate\\u2067text\\u2069\"", NULL, "label" },
  /* invisible, or no character at all: refused; a zero-width joiner (emoji, scripts) stays */
  { "label", "\"zero\\u200bwidth\"", NULL, "label" },
  { "label", "\"\\ufeffBOM\"", NULL, "label" },
  { "label", "\"soft\\u00adhyphen\"", NULL, "label" },
  { "label", "\"tag\\udb40\\udc01\"", NULL, "label" },
  { "label", "\"non\\ufffecharacter\"", NULL, "label" },
  { "label", "\"inhibit\\u206aswapping\"", NULL, "label" },
  { "label", "\"hangul\\u3164filler\"", NULL, "label" },
  { "label", "\"grapheme\\u034fjoiner\"", NULL, "label" },
  { "label", "\"Case \\ud83d\\udc69\\u200d\\u2695\\ufe0f B\"", NULL, NULL },
  { "er_status", "\"positive\\u0000\"", NULL, "er_status" },
  /* age_years: integer 18..110 */
  { "age_years", "18", NULL, NULL },
  { "age_years", "110", NULL, NULL },
  { "age_years", "45", NULL, NULL },
  { "age_years", "45.0", NULL, NULL },
  { "age_years", "null", NULL, NULL },
  { "age_years", "17", NULL, "age_years" },
  { "age_years", "111", NULL, "age_years" },
  { "age_years", "45.5", NULL, "age_years" },
  { "age_years", "-45", NULL, "age_years" },
  { "age_years", "\"45\"", NULL, "age_years" },
  { "age_years", "true", NULL, "age_years" },
  { "age_years", "\"unknown\"", NULL, "age_years" },
  { "age_years", "18446744073709551661", NULL, "age_years" },
  { "age_years", "1e300", NULL, "age_years" },
  /* Whole numbers only as written: not a fraction that rounds to one. */
  { "age_years", "4.5e1", NULL, NULL },
  { "age_years", "450e-1", NULL, NULL },
  { "age_years", "44.99999999999999999999", NULL, "age_years" },
  { "age_years", "45.00000000000000000001", NULL, "age_years" },
  /* menopausal_status */
  { "menopausal_status", "\"premenopausal\"", NULL, NULL },
  { "menopausal_status", "\"postmenopausal\"", NULL, NULL },
  { "menopausal_status", "\"unknown\"", NULL, NULL },
  { "menopausal_status", "null", NULL, NULL },
  { "menopausal_status", "\"perimenopausal\"", NULL, "menopausal_status" },
  { "menopausal_status", "\"Premenopausal\"", NULL, "menopausal_status" },
  { "menopausal_status", "1", NULL, "menopausal_status" },
  /* ecog: integer 0..4 */
  { "ecog", "0", NULL, NULL },
  { "ecog", "4", NULL, NULL },
  { "ecog", "null", NULL, NULL },
  { "ecog", "5", NULL, "ecog" },
  { "ecog", "-1", NULL, "ecog" },
  { "ecog", "1.5", NULL, "ecog" },
  { "ecog", "\"1\"", NULL, "ecog" },
  /* receptors */
  { "er_status", "\"positive\"", NULL, NULL },
  { "er_status", "\"negative\"", NULL, NULL },
  { "er_status", "\"unknown\"", NULL, NULL },
  { "er_status", "\"weak\"", NULL, "er_status" },
  { "er_status", "true", NULL, "er_status" },
  { "pr_status", "\"negative\"", NULL, NULL },
  { "pr_status", "\"+\"", NULL, "pr_status" },
  { "her2_status", "\"positive\"", NULL, NULL },
  { "her2_status", "\"3+\"", NULL, "her2_status" },
  /* metastatic_sites: non-empty array of distinct known sites */
  { "metastatic_sites", "[\"bone\"]", NULL, NULL },
  { "metastatic_sites", "[\"bone\",\"liver\",\"lung\",\"brain\",\"distant_lymph_nodes\","
    "\"pleura\",\"skin_soft_tissue\",\"other\"]", NULL, NULL },
  { "metastatic_sites", "null", NULL, NULL },
  { "metastatic_sites", "[]", NULL, "metastatic_sites" },
  { "metastatic_sites", "\"bone\"", NULL, "metastatic_sites" },
  { "metastatic_sites", "[\"bone\",\"bone\"]", NULL, "metastatic_sites[1]" },
  { "metastatic_sites", "[\"spleen\"]", NULL, "metastatic_sites[0]" },
  { "metastatic_sites", "[\"bone\",1]", NULL, "metastatic_sites[1]" },
  { "metastatic_sites", "[\"Bone\"]", NULL, "metastatic_sites[0]" },
  /* metastatic_lesion_count: integer 1..1000, at least the number of sites */
  { "metastatic_lesion_count", "1", NULL, NULL },
  { "metastatic_lesion_count", "1000", NULL, NULL },
  { "metastatic_lesion_count", "null", NULL, NULL },
  { "metastatic_lesion_count", "2", "\"metastatic_sites\":[\"bone\",\"lung\"]", NULL },
  { "metastatic_lesion_count", "0", NULL, "metastatic_lesion_count" },
  { "metastatic_lesion_count", "1001", NULL, "metastatic_lesion_count" },
  { "metastatic_lesion_count", "2.5", NULL, "metastatic_lesion_count" },
  { "metastatic_lesion_count", "1", "\"metastatic_sites\":[\"bone\",\"lung\"]",
    "metastatic_lesion_count" },
  { "metastatic_lesion_count", "3",
    "\"metastatic_sites\":[\"bone\",\"liver\"],\"liver_lesion_count\":3",
    "metastatic_lesion_count" },
  { "metastatic_lesion_count", "4",
    "\"metastatic_sites\":[\"bone\",\"liver\"],\"liver_lesion_count\":3", NULL },
  /* liver_lesion_count: 0..1000; 0 or null unless liver is a site, then at least 1 */
  { "liver_lesion_count", "0", NULL, NULL },
  { "liver_lesion_count", "null", NULL, NULL },
  { "liver_lesion_count", "3", "\"metastatic_sites\":[\"liver\"]", NULL },
  { "liver_lesion_count", "1000", "\"metastatic_sites\":[\"liver\"]", NULL },
  { "liver_lesion_count", "0", "\"metastatic_sites\":[\"bone\"]", NULL },
  { "liver_lesion_count", "2", NULL, NULL }, /* sites unknown: nothing to check against */
  { "liver_lesion_count", "2", "\"metastatic_sites\":[\"bone\"]", "liver_lesion_count" },
  { "liver_lesion_count", "0", "\"metastatic_sites\":[\"liver\"]", "liver_lesion_count" },
  { "liver_lesion_count", "-1", NULL, "liver_lesion_count" },
  { "liver_lesion_count", "1001", "\"metastatic_sites\":[\"liver\"]", "liver_lesion_count" },
  { "liver_lesion_count", "\"many\"", NULL, "liver_lesion_count" },
  /* lung_lesion_count: the same rules for lung */
  { "lung_lesion_count", "1", "\"metastatic_sites\":[\"lung\"]", NULL },
  { "lung_lesion_count", "0", "\"metastatic_sites\":[\"bone\"]", NULL },
  { "lung_lesion_count", "1", "\"metastatic_sites\":[\"bone\"]", "lung_lesion_count" },
  { "lung_lesion_count", "0", "\"metastatic_sites\":[\"lung\"]", "lung_lesion_count" },
  { "lung_lesion_count", "0.5", NULL, "lung_lesion_count" },
  /* systemic_therapy_completed: boolean */
  { "systemic_therapy_completed", "true", NULL, NULL },
  { "systemic_therapy_completed", "false", NULL, NULL },
  { "systemic_therapy_completed", "null", NULL, NULL },
  { "systemic_therapy_completed", "\"yes\"", NULL, "systemic_therapy_completed" },
  { "systemic_therapy_completed", "1", NULL, "systemic_therapy_completed" },
  { "systemic_therapy_completed", "\"unknown\"", NULL, "systemic_therapy_completed" },
  /* metastatic_response */
  { "metastatic_response", "\"complete\"", NULL, NULL },
  { "metastatic_response", "\"partial\"", NULL, NULL },
  { "metastatic_response", "\"stable\"", NULL, NULL },
  { "metastatic_response", "\"progression\"", NULL, NULL },
  { "metastatic_response", "\"unknown\"", NULL, NULL },
  { "metastatic_response", "\"good\"", NULL, "metastatic_response" },
  /* breast_response */
  { "breast_response", "\"complete\"", NULL, NULL },
  { "breast_response", "\"residual\"", NULL, NULL },
  { "breast_response", "\"partial\"", NULL, "breast_response" },
  /* response_imaging */
  { "response_imaging", "\"pet_ct\"", NULL, NULL },
  { "response_imaging", "\"other\"", NULL, NULL },
  { "response_imaging", "\"PET/CT\"", NULL, "response_imaging" },
  /* residual_breast_size_cm: number 0..30 */
  { "residual_breast_size_cm", "0", NULL, NULL },
  { "residual_breast_size_cm", "1.5", NULL, NULL },
  { "residual_breast_size_cm", "30", NULL, NULL },
  { "residual_breast_size_cm", "null", NULL, NULL },
  { "residual_breast_size_cm", "30.01", NULL, "residual_breast_size_cm" },
  { "residual_breast_size_cm", "-0.1", NULL, "residual_breast_size_cm" },
  { "residual_breast_size_cm", "\"1.5\"", NULL, "residual_breast_size_cm" },
  /* negative_margins */
  { "negative_margins", "\"bcs\"", NULL, NULL },
  { "negative_margins", "\"mastectomy_only\"", NULL, NULL },
  { "negative_margins", "\"not_achievable\"", NULL, NULL },
  { "negative_margins", "\"unknown\"", NULL, NULL },
  { "negative_margins", "\"yes\"", NULL, "negative_margins" },
  { "negative_margins", "true", NULL, "negative_margins" },
  /* fit_for_surgery */
  { "fit_for_surgery", "\"yes\"", NULL, NULL },
  { "fit_for_surgery", "\"no\"", NULL, NULL },
  { "fit_for_surgery", "\"unknown\"", NULL, NULL },
  { "fit_for_surgery", "true", NULL, "fit_for_surgery" },
  /* axillary_nodes */
  { "axillary_nodes", "\"clinically_positive\"", NULL, NULL },
  { "axillary_nodes", "\"clinically_negative\"", NULL, NULL },
  { "axillary_nodes", "\"positive\"", NULL, "axillary_nodes" },
  /* the schema and unknown keys */
  { "colour", "\"red\"", NULL, "colour" },
  { "Age_years", "45", NULL, "Age_years" },
  /* decision: the clinician's, not an input (each kind of problem named at its path) */
  { "decision", "{\"choice\":\"surgery\"}", NULL, NULL },
  { "decision", "{\"choice\":\"no_surgery\",\"date\":\"2020-02-29\"}", NULL, NULL },
  { "decision", "{\"choice\":\"deferred\",\"date\":null,\"note\":\"Tumour board: review "
                "after the next scan.\"}", NULL, NULL },
  { "decision", "null", NULL, NULL },
  { "decision", "\"surgery\"", NULL, "decision" },
  { "decision", "[]", NULL, "decision" },
  { "decision", "{}", NULL, "decision.choice" },
  { "decision", "{\"date\":\"2020-01-01\"}", NULL, "decision.choice" },
  { "decision", "{\"choice\":\"mastectomy\"}", NULL, "decision.choice" },
  { "decision", "{\"choice\":\"Surgery\"}", NULL, "decision.choice" },
  { "decision", "{\"choice\":null}", NULL, "decision.choice" },
  { "decision", "{\"choice\":1}", NULL, "decision.choice" },
  { "decision", "{\"choice\":\"surgery\",\"when\":\"2020-01-01\"}", NULL, "decision.when" },
  { "decision", "{\"choice\":\"surgery\",\"date\":\"2021-02-29\"}", NULL, "decision.date" },
  { "decision", "{\"choice\":\"surgery\",\"date\":\"2021-13-01\"}", NULL, "decision.date" },
  { "decision", "{\"choice\":\"surgery\",\"date\":\"2021-1-01\"}", NULL, "decision.date" },
  { "decision", "{\"choice\":\"surgery\",\"date\":\"01/02/2021\"}", NULL, "decision.date" },
  { "decision", "{\"choice\":\"surgery\",\"date\":\"2021-01-01T10:00\"}", NULL,
    "decision.date" },
  { "decision", "{\"choice\":\"surgery\",\"date\":20210101}", NULL, "decision.date" },
  { "decision", "{\"choice\":\"surgery\",\"date\":\"9999-12-31\"}", NULL, "decision.date" },
  { "decision", "{\"choice\":\"surgery\",\"note\":\"two\\nlines\"}", NULL,
    "decision.note" },
  { "decision", "{\"choice\":\"surgery\",\"note\":\"rtl\\u202eoverride\"}", NULL,
    "decision.note" },
  { "decision", "{\"choice\":\"surgery\",\"note\":\"NUL\\u0000\"}", NULL, "decision.note" },
  { "decision", "{\"choice\":\"surgery\",\"note\":42}", NULL, "decision.note" },
};

static MbcCase *
load (const char *text,
      GPtrArray  *problems)
{
  return mbc_case_new_from_data (text, strlen (text), problems);
}

static gboolean
names (GPtrArray  *problems,
       const char *where)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((MbcProblem *) g_ptr_array_index (problems, i))->where, where) == 0)
      return TRUE;
  return FALSE;
}

static void
test_fields (void)
{
  guint checked_fields = 0;
  gboolean seen[MBC_CASE_N_FIELDS] = { FALSE };

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      const FieldCase *c = &field_cases[i];
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autofree char *text = g_strdup_printf ("{\"schema\":\"mbc-advisor/case/1\",%s%s\"%s\":%s}",
                                               c->extra ? c->extra : "", c->extra ? "," : "",
                                               c->field, c->value);
      g_autoptr(MbcCase) kase = load (text, problems);
      int field = mbc_case_field_from_name (c->field);

      if (field >= 0)
        seen[field] = TRUE;
      if (c->where == NULL)
        {
          if (kase == NULL)
            g_error ("%s should be valid, but: %s: %s", text,
                     ((MbcProblem *) problems->pdata[0])->where,
                     ((MbcProblem *) problems->pdata[0])->message);
          g_assert_cmpuint (problems->len, ==, 0);
        }
      else
        {
          if (kase != NULL)
            g_error ("%s should be rejected", text);
          if (!names (problems, c->where))
            g_error ("%s: expected a problem naming %s, got %s: %s", text, c->where,
                     ((MbcProblem *) problems->pdata[0])->where,
                     ((MbcProblem *) problems->pdata[0])->message);
          /* Every message says what is allowed or what is wrong, in words. */
          for (guint k = 0; k < problems->len; k++)
            g_assert_cmpuint (strlen (((MbcProblem *) problems->pdata[k])->message), >, 10);
        }
    }
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      g_assert_true (seen[f]);
      checked_fields++;
    }
  g_assert_cmpuint (checked_fields, ==, MBC_CASE_N_FIELDS);
}

/* A message quotes a number as the file writes it, not as the double it rounds to. */
static void
test_quotes_the_file (void)
{
  static const char *const values[] = { "44.99999999999999999999", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autofree char *text = g_strdup_printf ("{\"schema\":\"mbc-advisor/case/1\","
                                               "\"age_years\":%s}", values[i]);
      g_autoptr(MbcCase) kase = load (text, problems);
      g_autofree char *got = g_strdup_printf ("got %s", values[i]);

      g_assert_null (kase);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_true (g_str_has_suffix (((MbcProblem *) problems->pdata[0])->message, got));
    }
}

static void
test_label_length (void)
{
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autofree char *ok = NULL, *bad = NULL;
  g_autoptr(MbcCase) good = NULL, rejected = NULL;

  /* 200 two-byte characters: the limit is in characters, not bytes. */
  for (int i = 0; i < 200; i++)
    g_string_append (label, "é");
  ok = g_strdup_printf ("{\"schema\":\"mbc-advisor/case/1\",\"label\":\"%s\"}", label->str);
  good = load (ok, problems);
  g_assert_nonnull (good);
  g_string_append (label, "x");
  bad = g_strdup_printf ("{\"schema\":\"mbc-advisor/case/1\",\"label\":\"%s\"}", label->str);
  rejected = load (bad, problems);
  g_assert_null (rejected);
  g_assert_true (names (problems, "label"));
  g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "201"));
}

static void
test_schema (void)
{
  static const struct { const char *text; const char *where; } cases[] = {
    { "{}", "schema" },
    { "{\"schema\":\"mbc-advisor/case/2\"}", "schema" },
    { "{\"schema\":1}", "schema" },
    { "[]", "$" },
    { "\"case\"", "$" },
    { "", "$" },
    { "{\"schema\":\"mbc-advisor/case/1\"", "$" },          /* truncated */
    { "{\"schema\":\"mbc-advisor/case/1\",}", "$" },        /* trailing comma */
    { "{\"schema\":\"mbc-advisor/case/1\"} x", "$" },       /* garbage after */
    { "{\"schema\":\"mbc-advisor/case/1\",\"ecog\":1,\"ecog\":2}", "$" }, /* duplicate */
    { "{'schema':'mbc-advisor/case/1'}", "$" },
    { "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"a\x01\"}", "$" }, /* raw control */
    { "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"\\ud800\"}", "$" },
    { "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"\\u0000\"}", "label" }, /* at its field */
    { "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":1e999}", "$" },
    { "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":NaN}", "$" },
    { "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":045}", "$" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcCase) kase = load (cases[i].text, problems);
      g_assert_null (kase);
      if (!names (problems, cases[i].where))
        g_error ("case %u: expected a problem at %s", i, cases[i].where);
    }
}

static void
test_every_problem (void)
{
  const char *text = "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":5,\"ecog\":9,"
                     "\"er_status\":\"maybe\",\"metastatic_sites\":[\"bone\",\"spleen\"],"
                     "\"flavour\":1}";
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = load (text, problems);

  g_assert_null (kase);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_true (names (problems, "age_years"));
  g_assert_true (names (problems, "ecog"));
  g_assert_true (names (problems, "er_status"));
  g_assert_true (names (problems, "metastatic_sites[1]"));
  g_assert_true (names (problems, "flavour"));
}

static void
test_hostile_input (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"schema\":\"mbc-advisor/case/1\",\"label\":");
  g_autoptr(GString) huge = g_string_new ("{\"schema\":\"mbc-advisor/case/1\",\"label\":\"");
  g_autoptr(GString) digits = g_string_new ("{\"schema\":\"mbc-advisor/case/1\",\"age_years\":");
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  const char bad_utf8[] = "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"\xff\xfe\"}";
  const char with_nul[] = "{\"schema\":\"mbc-advisor/case/1\"}\0{}";
  MbcCase *kase;

  /* Nested a hundred thousand levels: rejected at the limit, without recursion. */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  kase = mbc_case_new_from_data (deep->str, deep->len, problems);
  g_assert_null (kase);
  g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "nested"));
  g_ptr_array_set_size (problems, 0);

  /* A megabyte label: rejected, and the message does not repeat it. */
  for (int i = 0; i < 1 << 20; i++)
    g_string_append_c (huge, 'a' + i % 26);
  g_string_append (huge, "\"}");
  kase = mbc_case_new_from_data (huge->str, huge->len, problems);
  g_assert_null (kase);
  g_assert_true (names (problems, "label"));
  g_assert_cmpuint (strlen (((MbcProblem *) problems->pdata[0])->message), <, 200);
  g_ptr_array_set_size (problems, 0);

  /* A number with ten thousand digits. */
  for (int i = 0; i < 10000; i++)
    g_string_append_c (digits, '9');
  g_string_append_c (digits, '}');
  kase = mbc_case_new_from_data (digits->str, digits->len, problems);
  g_assert_null (kase);
  g_assert_cmpuint (problems->len, ==, 1);
  g_ptr_array_set_size (problems, 0);

  kase = mbc_case_new_from_data (bad_utf8, sizeof bad_utf8 - 1, problems);
  g_assert_null (kase);
  g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "UTF-8"));
  g_ptr_array_set_size (problems, 0);

  kase = mbc_case_new_from_data (with_nul, sizeof with_nul - 1, problems);
  g_assert_null (kase);
  g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "NUL"));
}

/* Random damage to a valid case never crashes or hangs the reader (run under ASan too). */
static void
test_mutations (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "worked-example.json", NULL);
  g_autofree char *original = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (2017);
  guint accepted = 0, rejected = 0;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  for (int round = 0; round < 5000; round++)
    {
      g_autofree char *text = g_memdup2 (original, length);
      gsize n = length;
      int edits = g_rand_int_range (rand, 1, 4);
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcCase) kase = NULL;

      for (int e = 0; e < edits; e++)
        {
          gsize at;
          if (n < 2)
            break;
          at = g_rand_int_range (rand, 0, (gint32) n);
          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0: text[at] = (char) g_rand_int_range (rand, 0, 256); break;
            case 1: memmove (text + at, text + at + 1, n - at - 1); n--; break;
            default: n = at; break; /* truncate */
            }
        }
      kase = mbc_case_new_from_data (text, n, problems);
      if (kase)
        accepted++;
      else
        {
          g_assert_cmpuint (problems->len, >, 0);
          rejected++;
        }
    }
  g_rand_free (rand);
  g_test_message ("mutations: %u accepted, %u rejected", accepted, rejected);
  g_assert_cmpuint (rejected, >, 0);
}

/* The quick reader (mbc-case-scan.c) takes a text only when the full reader takes it with no
 * problem, and makes the same case; returns whether it took it. */
static gboolean
assert_scan_agrees (const char *text,
                    gsize       n)
{
  g_autoptr(MbcCase) quick = _mbc_case_scan (text, n);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MbcCase) full = NULL;
  g_autofree char *quick_text = NULL, *full_text = NULL;

  if (quick == NULL)
    return FALSE;
  root = mbc_json_parse (text, n, MBC_CASE_MAX_DEPTH, NULL);
  g_assert_nonnull (root);
  full = mbc_case_new_from_json (root, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (full);
  quick_text = mbc_case_to_data (quick, NULL);
  full_text = mbc_case_to_data (full, NULL);
  g_assert_cmpstr (quick_text, ==, full_text);
  return TRUE;
}

/* Plain texts, and every way of writing them the quick reader must leave to the full one. */
static void
test_quick_reader (void)
{
  static const char * const texts[] = {
    "{\"schema\":\"mbc-advisor/case/1\"}",
    " {\"schema\" : \"mbc-advisor/case/1\" , \"age_years\" : 61 }\r\n",
    "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"Ré 7\",\"residual_breast_size_cm\":2.5,"
    "\"metastatic_sites\":[\"bone\",\"liver\"],\"liver_lesion_count\":1,"
    "\"fit_for_surgery\":\"unknown\",\"systemic_therapy_completed\":false}",
    "{\"schema\":\"mbc-advisor/case/1\",\"residual_breast_size_cm\":2.0}",
    "{\"schema\":\"mbc-advisor/case/1\",\"residual_breast_size_cm\":0}",
    /* left to the full reader, which accepts or refuses them */
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":61.0}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":6.1e1}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":-0}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":061}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":17}",
    "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":61,\"age_years\":62}",
    "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"a\\u0000b\"}",
    "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"a\\tb\"}",
    "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"a\u202eb\"}",
    "{\"schema\":\"mbc-advisor/case/1\",\"label\":\"\xff\"}",
    "{\"schema\":\"mbc-advisor/case/1\",\"er_status\":\"positiv\\u0065\"}",
    "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_sites\":[]}",
    "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_sites\":[\"bone\",\"bone\"]}",
    "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_sites\":[\"lung\"],"
    "\"liver_lesion_count\":3}",
    "{\"schema\":\"mbc-advisor/case/1\",\"decision\":{\"choice\":\"surgery\"}}",
    "{\"schema\":\"mbc-advisor/case/1\",\"frobnicate\":1}",
    "{\"schema\":\"mbc-advisor/case/2\"}",
    "{\"age_years\":61}",
    "\xef\xbb\xbf{\"schema\":\"mbc-advisor/case/1\"}",
    "{\"schema\":\"mbc-advisor/case/1\"} x",
    "{\"schema\":\"mbc-advisor/case/1\",}",
  };
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "full.json", NULL);
  g_autofree char *original = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (1129);
  static const char palette[] = "0123456789.e-\"[]{},: \\nulltrue";
  guint taken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpint (assert_scan_agrees (texts[i], strlen (texts[i])), ==, i < 5);

  /* Random edits of a full case, each either taken as the full reader takes it or left. */
  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  g_assert_true (assert_scan_agrees (original, length));
  for (int round = 0; round < 20000; round++)
    {
      g_autofree char *text = g_memdup2 (original, length);
      gsize n = length;

      for (int e = g_rand_int_range (rand, 1, 3); e > 0 && n > 1; e--)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32) n);
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: text[at] = (char) g_rand_int_range (rand, 0, 256); break;
            case 1: text[at] = palette[g_rand_int_range (rand, 0, sizeof palette - 1)];
                    break;
            case 2: memmove (text + at, text + at + 1, n - at - 1); n--; break;
            default: n = at; break;
            }
        }
      taken += assert_scan_agrees (text, n);
    }
  g_rand_free (rand);
  g_test_message ("quick reader: %u of 20000 edited texts taken", taken);
  g_assert_cmpuint (taken, >, 0);
}

static void
test_round_trip (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "full.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(MbcCase) again = NULL;
  g_autofree char *saved_again = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  kase = mbc_case_new_from_data (text, length, problems);
  g_assert_nonnull (kase);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    g_assert_true (mbc_case_is_known (kase, f));
  saved = mbc_case_to_data (kase, &length);
  /* The file was written by us: saving it again gives the same bytes. */
  g_assert_cmpstr (saved, ==, text);
  again = mbc_case_new_from_data (saved, length, problems);
  g_assert_nonnull (again);
  saved_again = mbc_case_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved);

  /* Unknowns are written the way the contract spells them. */
  mbc_case_reset (again);
  g_clear_pointer (&saved_again, g_free);
  saved_again = mbc_case_to_data (again, NULL);
  g_assert_nonnull (strstr (saved_again, "\"ecog\": null"));
  g_assert_nonnull (strstr (saved_again, "\"er_status\": \"unknown\""));
  g_assert_nonnull (strstr (saved_again, "\"metastatic_sites\": null"));
  g_assert_null (strstr (saved_again, "\"label\""));
}

/* Saved to a file and read back, every field (full.json knows them all) is the same. */
static void
test_save_round_trip (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "full.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("mbc-save-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(MbcCase) again = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  kase = mbc_case_new_from_data (text, length, problems);
  g_assert_nonnull (kase);
  g_assert_true (mbc_case_save (kase, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &written, &length, NULL));
  again = mbc_case_new_from_data (written, length, problems);
  g_assert_nonnull (again);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      g_autoptr(JsonNode) a = mbc_case_dup_field_json (kase, f);
      g_autoptr(JsonNode) b = mbc_case_dup_field_json (again, f);
      g_assert_true (mbc_case_is_known (again, f));
      g_assert_true (json_node_equal (a, b));
    }
  g_assert_cmpstr (written, ==, text);
  g_unlink (target);
  g_rmdir (dir);
}

/* A write that fails part-way (here: the file size limit, as a full disk would) leaves the
 * old file byte for byte and no temporary file beside it; the error names the file. */
static void
test_save_atomic (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "full.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("mbc-save-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "case.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(GDir) listing = NULL;
  const char old[] = "{\"schema\": \"mbc-advisor/case/1\"}\n";
  struct rlimit saved, limit;
  gsize length;
  int status;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  kase = mbc_case_new_from_data (text, length, problems);
  g_assert_nonnull (kase);
  g_assert_true (g_file_set_contents (target, old, -1, NULL));

  /* In a child process: the limit must not outlive the test. */
  if (fork () == 0)
    {
      g_autoptr(GError) child_error = NULL;
      signal (SIGXFSZ, SIG_IGN);
      getrlimit (RLIMIT_FSIZE, &saved);
      limit = saved;
      limit.rlim_cur = 64;
      setrlimit (RLIMIT_FSIZE, &limit);
      if (mbc_case_save (kase, file, &child_error))
        _exit (1);
      _exit (strstr (child_error->message, target) ? 0 : 2);
    }
  g_assert_cmpint (wait (&status), >, 0);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, old);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "case.json");
  g_assert_null (g_dir_read_name (listing));

  /* A read-only folder (not for root, whom permissions do not stop). */
  if (geteuid () != 0)
    {
      g_autoptr(GError) readonly_error = NULL;
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (mbc_case_save (kase, file, &readonly_error));
      g_assert_nonnull (strstr (readonly_error->message, target));
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_clear_pointer (&after, g_free);
      g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, old);
    }

  /* A folder that does not exist: an error naming the file. */
  g_assert_false (mbc_case_save (kase, nowhere, &error));
  g_assert_nonnull (strstr (error->message, missing));
  g_unlink (target);
  g_rmdir (dir);
}

/* Run by tests/system/check-full-disk.sh inside a small full (or read-only) tmpfs: saving into
 * MBC_SAVE_INTO fails with the file named, the case already there stays byte for byte,
 * and no temporary file is left. Skipped without it. */
static void
test_save_into (void)
{
  const char *dir = g_getenv ("MBC_SAVE_INTO");
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "full.json", NULL);
  g_autofree char *target = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gsize length;

  if (dir == NULL)
    {
      g_test_skip ("MBC_SAVE_INTO is not set (tests/system/check-full-disk.sh sets it)");
      return;
    }
  target = g_build_filename (dir, "case.json", NULL);
  file = g_file_new_for_path (target);
  g_assert_true (g_file_get_contents (target, &before, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  kase = mbc_case_new_from_data (text, length, problems);
  g_assert_false (mbc_case_save (kase, file, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, target));
  g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    g_assert_true (g_str_equal (name, "case.json") || g_str_equal (name, "report.pdf") ||
                   g_str_equal (name, "filler"));
}

/* A library case's "teaching" object is checked, field by field. */
static void
test_teaching (void)
{
  static const struct { const char *json; const char *where; } bad[] = {
    { "\"teaching\": 3", "teaching" },
    { "\"teaching\": {\"title\": \"t\", \"statements\": [\"TH1\"], \"note\": \"n\", "
      "\"expected_tier\": \"maybe\"}", "teaching.expected_tier" },
    { "\"teaching\": {\"title\": \"\", \"statements\": [\"TH1\"], \"note\": \"n\", "
      "\"expected_tier\": \"recommended\"}", "teaching.title" },
    { "\"teaching\": {\"title\": \"t\", \"statements\": [], \"note\": \"n\", "
      "\"expected_tier\": \"recommended\"}", "teaching.statements" },
    { "\"teaching\": {\"title\": \"t\", \"statements\": [\"TH1\"], \"note\": \"n\", "
      "\"expected_tier\": \"recommended\", \"extra\": 1}", "teaching.extra" },
    { "\"teaching\": {\"title\": \"t\", \"statements\": [\"TH1\"], "
      "\"expected_tier\": \"recommended\"}", "teaching.note" },
  };
  const char *good = "{\"schema\": \"mbc-advisor/case/1\", \"teaching\": {\"title\": \"t\", "
                     "\"statements\": [\"TH1\"], \"note\": \"n\", \"expected_tier\": "
                     "\"recommended\"}}";
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = mbc_case_new_from_data (good, strlen (good), problems);
  g_autofree char *saved = NULL;

  g_assert_nonnull (kase);
  /* What the case teaches is not part of the case: a saved copy does not carry it. */
  saved = mbc_case_to_data (kase, NULL);
  g_assert_null (strstr (saved, "teaching"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"schema\": \"mbc-advisor/case/1\", %s}",
                                               bad[i].json);
      g_autoptr(GPtrArray) found = mbc_problems_new ();
      g_autoptr(MbcCase) rejected = mbc_case_new_from_data (text, strlen (text), found);

      g_assert_null (rejected);
      g_assert_cmpuint (found->len, >, 0);
      g_assert_cmpstr (((MbcProblem *) found->pdata[0])->where, ==, bad[i].where);
    }
}

static void
count_cb (gpointer  object,
          gpointer  pspec_or_null,
          gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static void
test_properties (void)
{
  g_autoptr(MbcCase) kase = mbc_case_new ();
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  const char *sites[] = { "bone", "liver", NULL };
  g_auto(GStrv) got_sites = NULL;
  g_autofree char *menopause = NULL;
  guint notifies = 0, changes = 0;
  int age;

  g_signal_connect (kase, "notify::age-years", G_CALLBACK (count_cb), &notifies);
  g_signal_connect (kase, "changed", G_CALLBACK (count_cb), &changes);

  g_object_get (kase, "age-years", &age, "menopausal-status", &menopause, NULL);
  g_assert_cmpint (age, ==, -1);
  g_assert_cmpstr (menopause, ==, "unknown");
  g_assert_false (mbc_case_is_known (kase, MBC_CASE_FIELD_AGE_YEARS));

  g_object_set (kase, "age-years", 52, NULL);
  g_object_set (kase, "age-years", 52, NULL); /* no change: no notify */
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (mbc_case_is_known (kase, MBC_CASE_FIELD_AGE_YEARS));

  g_object_set (kase, "metastatic-sites", sites, "liver-lesion-count", 2,
                "metastatic-lesion-count", 2, "systemic-therapy-completed", "no", NULL);
  g_object_get (kase, "metastatic-sites", &got_sites, NULL);
  g_assert_cmpstrv (got_sites, sites);
  /* 2 liver lesions and bone: at least 3 lesions. The model holds it; validation says so. */
  g_assert_false (mbc_case_validate (kase, problems));
  g_assert_true (names (problems, "metastatic_lesion_count"));
  g_ptr_array_set_size (problems, 0);

  g_object_set (kase, "metastatic-lesion-count", 3, "age-years", 12, NULL);
  g_assert_false (mbc_case_validate (kase, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (names (problems, "age_years"));
  g_ptr_array_set_size (problems, 0);

  mbc_case_set_unknown (kase, MBC_CASE_FIELD_AGE_YEARS);
  g_assert_true (mbc_case_validate (kase, problems));
  g_assert_false (mbc_case_is_known (kase, MBC_CASE_FIELD_AGE_YEARS));

  changes = 0;
  mbc_case_reset (kase);
  g_assert_cmpuint (changes, ==, 1);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    g_assert_false (mbc_case_is_known (kase, f));
}

static void
test_rule_data (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "worked-example.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(JsonNode) data = NULL;
  JsonObject *object;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  kase = mbc_case_new_from_data (text, length, problems);
  data = mbc_case_to_rule_data (kase);
  object = json_node_get_object (data);
  /* Rules see only known values: unknowns are absent, whatever their spelling on disk. */
  g_assert_false (json_object_has_member (object, "ecog"));
  g_assert_false (json_object_has_member (object, "negative_margins"));
  g_assert_false (json_object_has_member (object, "label"));
  g_assert_cmpint (json_object_get_int_member (object, "age_years"), ==, 45);
  g_assert_true (json_object_get_boolean_member (object, "systemic_therapy_completed"));
  g_assert_cmpstr (json_object_get_string_member (object, "metastatic_response"), ==, "complete");

  /* The tree kept from reading the file and the one built from the fields are the same. */
  {
    g_autoptr(MbcCase) copy = mbc_case_copy (kase);
    g_autoptr(JsonNode) built = mbc_case_to_rule_data (copy);
    g_assert_true (json_node_equal (built, data));
    /* A change drops the kept tree. */
    g_object_set (kase, "ecog", 1, NULL);
    {
      g_autoptr(JsonNode) changed = mbc_case_to_rule_data (kase);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (changed), "ecog"), ==, 1);
    }
  }
}

static void
decision_changed_cb (guint *count)
{
  (*count)++;
}

/* The clinician's decision: read, kept, written back, copied, validated, and never seen by
 * the rules, whichever way the case was made. */
static void
test_decision (void)
{
  const char *text = "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":45,"
                     "\"decision\":{\"choice\":\"surgery\",\"date\":\"2024-05-02\","
                     "\"note\":\"Tumour board: mastectomy planned.\"}}";
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = load (text, problems);
  g_autoptr(MbcCase) copy = NULL;
  g_autoptr(MbcCase) other = mbc_case_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *choice = NULL;
  g_autofree char *long_note = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autofree char *future = NULL;
  JsonObject *decision;
  guint changes = 0;

  g_assert_nonnull (kase);
  g_assert_cmpstr (mbc_case_get_decision_choice (kase), ==, "surgery");
  g_assert_cmpstr (mbc_case_get_decision_date (kase), ==, "2024-05-02");
  g_assert_cmpstr (mbc_case_get_decision_note (kase), ==, "Tumour board: mastectomy planned.");
  g_object_get (kase, "decision-choice", &choice, NULL);
  g_assert_cmpstr (choice, ==, "surgery");
  g_assert_false (mbc_case_is_empty (kase));

  /* Never in what rules read: the tree kept from the file, nor one built from the case. */
  data = mbc_case_to_rule_data (kase);
  g_assert_false (json_object_has_member (json_node_get_object (data), "decision"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (data), "age_years"), ==, 45);
  copy = mbc_case_copy (kase);
  built = mbc_case_to_rule_data (copy);
  g_assert_true (json_node_equal (built, data));
  g_clear_pointer (&built, json_node_unref);
  {
    g_autoptr(JsonNode) root = json_from_string (text, NULL);
    g_autoptr(MbcCase) from_json = mbc_case_new_from_json (root, problems);
    g_assert_nonnull (from_json);
    built = mbc_case_to_rule_data (from_json);
    g_assert_false (json_object_has_member (json_node_get_object (built), "decision"));
    g_assert_cmpstr (mbc_case_get_decision_note (from_json), ==,
                     "Tumour board: mastectomy planned.");
  }

  /* Copied and written back. */
  g_assert_cmpstr (mbc_case_get_decision_date (copy), ==, "2024-05-02");
  written = mbc_case_to_json (copy);
  decision = json_object_get_object_member (json_node_get_object (written), "decision");
  g_assert_cmpstr (json_object_get_string_member (decision, "choice"), ==, "surgery");
  g_assert_cmpstr (json_object_get_string_member (decision, "date"), ==, "2024-05-02");
  g_assert_cmpstr (json_object_get_string_member (decision, "note"), ==,
                   "Tumour board: mastectomy planned.");
  {
    g_autofree char *again = mbc_case_to_data (copy, NULL);
    g_autoptr(MbcCase) reread = load (again, problems);
    g_assert_nonnull (reread);
    g_assert_cmpstr (mbc_case_get_decision_choice (reread), ==, "surgery");
  }

  /* Assigned, with notifies and one ::changed; reset drops it. */
  g_signal_connect_swapped (other, "changed", G_CALLBACK (decision_changed_cb), &changes);
  mbc_case_assign (other, kase);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (mbc_case_get_decision_note (other), ==, "Tumour board: mastectomy planned.");
  g_object_set (other, "decision-choice", "deferred", NULL);
  g_assert_cmpuint (changes, ==, 2);
  g_object_set (other, "decision-choice", "deferred", NULL);
  g_assert_cmpuint (changes, ==, 2);
  mbc_case_reset (other);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_null (mbc_case_get_decision_choice (other));
  g_assert_null (mbc_case_get_decision_date (other));
  g_assert_true (mbc_case_is_empty (other));
  /* A case without a decision writes none. */
  {
    g_autoptr(JsonNode) none = mbc_case_to_json (other);
    g_assert_false (json_object_has_member (json_node_get_object (none), "decision"));
  }

  /* What a form may hold is checked before it is saved: a future date, a long note. */
  tomorrow = g_date_time_add_days (now, 1);
  future = g_date_time_format (tomorrow, "%Y-%m-%d");
  long_note = g_strnfill (MBC_CASE_DECISION_NOTE_MAX_CHARS + 1, 'x');
  g_object_set (other, "decision-choice", "surgery", "decision-date", future,
                "decision-note", long_note, NULL);
  g_assert_false (mbc_case_validate_values (other, problems));
  g_assert_true (names (problems, "decision.date"));
  g_assert_true (names (problems, "decision.note"));
  g_ptr_array_set_size (problems, 0);
  /* ... and evaluating it is not held up: no rule reads it. */
  {
    g_autoptr(MbcCase) evaluable = mbc_case_copy_evaluable (other);
    g_assert_nonnull (evaluable);
  }
  long_note[MBC_CASE_DECISION_NOTE_MAX_CHARS] = '\0';
  g_object_set (other, "decision-date", "2020-01-31", "decision-note", long_note, NULL);
  g_assert_true (mbc_case_validate_values (other, problems));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Evaluated, a field with a problem counts as unknown, and nothing else changes. */
static void
test_copy_evaluable (void)
{
  g_autoptr(MbcCase) kase = mbc_case_new ();
  g_autoptr(MbcCase) copy = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(JsonNode) sites = json_from_string ("[\"bone\", \"liver\"]", NULL);
  g_autoptr(JsonNode) one = json_from_string ("1", NULL);
  g_autoptr(JsonNode) age = json_from_string ("45", NULL);

  g_assert_true (mbc_case_set_field_json (kase, MBC_CASE_FIELD_METASTATIC_SITES, sites,
                                          problems));
  g_assert_true (mbc_case_set_field_json (kase, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, one,
                                          problems));
  g_assert_true (mbc_case_set_field_json (kase, MBC_CASE_FIELD_AGE_YEARS, age, problems));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (mbc_case_validate (kase, problems));

  copy = mbc_case_copy_evaluable (kase);
  g_ptr_array_set_size (problems, 0);
  g_assert_true (mbc_case_validate (copy, problems));
  g_assert_false (mbc_case_is_known (copy, MBC_CASE_FIELD_METASTATIC_LESION_COUNT));
  g_assert_true (mbc_case_is_known (copy, MBC_CASE_FIELD_METASTATIC_SITES));
  g_assert_true (mbc_case_is_known (copy, MBC_CASE_FIELD_AGE_YEARS));
  /* The case entered is left as it was. */
  g_assert_true (mbc_case_is_known (kase, MBC_CASE_FIELD_METASTATIC_LESION_COUNT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/case/fields", test_fields);
  g_test_add_func ("/case/quotes-the-file", test_quotes_the_file);
  g_test_add_func ("/case/copy-evaluable", test_copy_evaluable);
  g_test_add_func ("/case/label-length", test_label_length);
  g_test_add_func ("/case/schema-and-syntax", test_schema);
  g_test_add_func ("/case/every-problem", test_every_problem);
  g_test_add_func ("/case/hostile-input", test_hostile_input);
  g_test_add_func ("/case/mutations", test_mutations);
  g_test_add_func ("/case/quick-reader", test_quick_reader);
  g_test_add_func ("/case/round-trip", test_round_trip);
  g_test_add_func ("/case/save-round-trip", test_save_round_trip);
  g_test_add_func ("/case/save-atomic", test_save_atomic);
  g_test_add_func ("/case/teaching", test_teaching);
  g_test_add_func ("/case/save-into", test_save_into);
  g_test_add_func ("/case/properties", test_properties);
  g_test_add_func ("/case/rule-data", test_rule_data);
  g_test_add_func ("/case/decision", test_decision);
  return g_test_run ();
}
