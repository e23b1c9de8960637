/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The PDF report, read back with pdftotext: a case with inputs that have problems (which
 * the command line refuses, and the window's form may hold) shows each as entered with its
 * problem, never as unknown; the first page holds what a clinician needs; no page holds a
 * few lines alone; no internal identifier is in the text.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-chart.h"
#include "mbc-evaluator.h"
#include "mbc-guideline.h"
#include "mbc-problem.h"
#include "mbc-report.h"
#include "mbc-test.h"

static MbcGuideline *guideline;

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path != NULL)
    return TRUE;
  /* A full test run (./run test) has it: there, its absence is a failure. */
  if (g_getenv ("MBC_REQUIRE_TOOLS"))
    g_error ("pdftotext is not installed");
  g_test_skip ("pdftotext is not installed");
  return FALSE;
}

/* The report of @kase as entered, with the result of its evaluable copy (as the window
 * makes it), as pdftotext -layout reads it; pages separated by form feeds. */
static char *
report_text (MbcCase    *kase,
             MbcPaper    paper,
             MbcResult **result_out)
{
  g_autoptr(MbcCase) evaluable = mbc_case_copy_evaluable (kase);
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcResult) result = mbc_evaluate (guideline, evaluable, &error);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2024, 3, 1, 9, 30, 0);
  g_autoptr(MbcReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mbc-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *text;

  g_assert_no_error (error);
  report = mbc_report_new (kase, result, when);
  g_assert_true (mbc_report_write_pdf (report, file, paper, &error));
  g_assert_no_error (error);
  text = mbc_test_pdf_text (path);
  /* MBC_TEST_REPORT_DIR keeps the PDFs there, to look at. */
  if (g_getenv ("MBC_TEST_REPORT_DIR"))
    {
      g_autofree char *label = mbc_case_format_value (kase, MBC_CASE_FIELD_LABEL);
      g_autofree char *name = g_strdup_printf ("%s.pdf", g_strdelimit (label, "/: ", '-'));
      g_autofree char *kept = g_build_filename (g_getenv ("MBC_TEST_REPORT_DIR"), name, NULL);
      g_rename (path, kept);
    }
  g_unlink (path);
  g_rmdir (dir);
  if (result_out)
    *result_out = g_steal_pointer (&result);
  return text;
}

/* @text with every run of white space one space, so that wrapped lines read as one. */
static char *
flatten (const char *text)
{
  /* A line broken after a hyphen ("meta-" / "analysis") reads as the hyphenated word. */
  g_autoptr(GRegex) hyphen = g_regex_new ("-\\n", 0, 0, NULL);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (hyphen, text, -1, 0, "-", 0, NULL);

  return g_regex_replace_literal (space, joined, -1, 0, " ", 0, NULL);
}

static char *
first_page (const char *text)
{
  const char *end = strchr (text, '\f');

  return g_strndup (text, end ? (gsize) (end - text) : strlen (text));
}

/* The line of @page whose text starts with @title, or NULL. */
static char *
line_of (const char *page,
         const char *title)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *start = lines[i] + strspn (lines[i], " ");
      if (g_str_has_prefix (start, title))
        return g_strdup (start);
    }
  return NULL;
}

static void
set (MbcCase    *kase,
     MbcCaseField field,
     ...)
{
  g_autofree char *property = mbc_case_field_dup_property_name (field);
  va_list args;

  va_start (args, field);
  g_object_set_valist (G_OBJECT (kase), property, args);
  va_end (args);
}

/* A case the form may hold: liver a site with 0 liver lesions, fewer lesions than sites,
 * an ECOG out of range (which hides the checks of consistency until it is set aside). */
static MbcCase *
flagged_case (void)
{
  const char *sites[] = { "bone", "liver", NULL };
  MbcCase *kase = mbc_case_new ();

  set (kase, MBC_CASE_FIELD_LABEL, "Inputs with problems", NULL);
  set (kase, MBC_CASE_FIELD_AGE_YEARS, 50, NULL);
  set (kase, MBC_CASE_FIELD_ECOG, 9, NULL);
  set (kase, MBC_CASE_FIELD_METASTATIC_SITES, sites, NULL);
  set (kase, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, 1, NULL);
  set (kase, MBC_CASE_FIELD_LIVER_LESION_COUNT, 0, NULL);
  set (kase, MBC_CASE_FIELD_METASTATIC_RESPONSE, "complete", NULL);
  return kase;
}

/* Every problem of @kase, at its field, as the form words it (its title, then the
 * message), found as the evaluable copy is: again after each round is set aside. */
static GPtrArray *
problems_of (MbcCase  *kase,
             gboolean *flagged)
{
  g_autoptr(MbcCase) copy = mbc_case_copy (kase);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();

  while (!mbc_case_validate (copy, problems))
    {
      for (guint i = 0; i < problems->len; i++)
        {
          const MbcProblem *problem = g_ptr_array_index (problems, i);
          int field = mbc_case_field_from_problem (problem->where);

          g_assert_cmpint (field, >=, 0);
          flagged[field] = TRUE;
          g_ptr_array_add (texts, g_strdup_printf ("%s %s", mbc_case_field_get_title (field),
                                                   problem->message));
          mbc_case_set_unknown (copy, field);
        }
      g_ptr_array_set_size (problems, 0);
    }
  return texts;
}

/* Each input with a problem is printed as entered, with its problem beside it, on the
 * first page and in the list of every input; the counts tell problems from not recorded. */
static void
test_flagged_inputs (void)
{
  g_autoptr(MbcCase) kase = flagged_case ();
  g_autoptr(MbcResult) result = NULL;
  gboolean flagged[MBC_CASE_N_FIELDS] = { FALSE };
  g_autoptr(GPtrArray) problems = problems_of (kase, flagged);
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *flat_page = NULL;
  g_autofree char *counts = NULL;
  guint n_flagged = 0, n_needed = 0;
  gboolean needed[MBC_CASE_N_FIELDS] = { FALSE };

  if (!have_pdftotext ())
    return;
  text = report_text (kase, MBC_PAPER_A4, &result);
  page = first_page (text);
  flat_page = flatten (page);

  /* The case has the problems it was made with: ECOG, and once that is set aside, the
   * liver's count and the total. */
  g_assert_true (flagged[MBC_CASE_FIELD_ECOG]);
  g_assert_true (flagged[MBC_CASE_FIELD_LIVER_LESION_COUNT]);
  g_assert_true (flagged[MBC_CASE_FIELD_METASTATIC_LESION_COUNT]);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *problem = flatten (g_ptr_array_index (problems, i));
      if (strstr (flat_page, problem) == NULL)
        g_error ("the first page does not show the problem “%s”:\n%s", problem, page);
    }
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      g_autofree char *value = NULL;
      g_autofree char *line = NULL;
      g_auto(GStrv) words = NULL;

      if (f == MBC_CASE_FIELD_LABEL)
        continue;
      if (!flagged[f])
        continue;
      n_flagged++;
      /* The line of the input (its title first) has the value as entered right after the
       * title, and its problem beside it: never "Unknown" nor "Not recorded". */
      value = mbc_case_format_value (kase, f);
      line = line_of (page, mbc_case_field_get_title (f));
      g_assert_nonnull (line);
      words = g_regex_split_simple ("\\s{2,}", line, 0, 0);
      g_assert_cmpstr (words[0], ==, mbc_case_field_get_title (f));
      g_assert_cmpstr (words[1], ==, value);
      g_assert_nonnull (words[2]);
      g_assert_true (g_str_has_prefix (words[2], mbc_case_field_get_title (f)));
      g_assert_null (strstr (line, "Unknown"));
      g_assert_null (strstr (line, "Not recorded"));
    }
  /* The headline counts each apart, in the window's words: the inputs with problems, and
   * the inputs the result needs (what is missing, what to confirm) that are not recorded. */
  {
    GPtrArray *lists[] = { mbc_result_get_missing (result), mbc_result_get_confirm (result) };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      for (guint i = 0; i < lists[l]->len; i++)
        {
          int field = mbc_case_field_from_name (lists[l]->pdata[i]);
          if (field >= 0 && !flagged[field] && !needed[field])
            n_needed += needed[field] = TRUE;
        }
  }
  counts = n_needed == 0
           ? g_strdup_printf ("%u inputs have problems", n_flagged)
           : g_strdup_printf ("%u inputs have problems, %u needed input%s not recorded",
                              n_flagged, n_needed, n_needed == 1 ? "" : "s");
  if (strstr (flat_page, counts) == NULL)
    g_error ("the first page does not say “%s”:\n%s", counts, page);
  /* The lung is not a site: 0, and said why. */
  {
    const char *title = mbc_case_field_get_title (MBC_CASE_FIELD_LUNG_LESION_COUNT);
    const char *at = strstr (strstr (text, "All Inputs"), title);
    g_autofree char *line = NULL;

    g_assert_nonnull (at);
    line = g_strndup (at, strcspn (at, "\n"));
    g_assert_true (g_str_has_prefix (g_strchug (line + strlen (title)), "0 (not a site)"));
  }
  /* What to correct is listed with what was entered. */
  g_assert_nonnull (strstr (flat_page, "Correct these inputs"));
  /* No identifier of the pack in the text. */
  g_assert_null (strstr (text, mbc_result_get_rule (result)->id));
  g_assert_null (strstr (text, mbc_guideline_get_id (guideline)));
  /* The lines to sign are on the first page, on either paper (the shorter Letter too). */
  g_assert_nonnull (strstr (flat_page, "Signature"));
  {
    g_autofree char *letter = report_text (kase, MBC_PAPER_LETTER, NULL);
    g_autofree char *letter_page = first_page (letter);
    g_assert_nonnull (strstr (letter_page, "Signature"));
  }
}

/* The first page stands alone: the recommendation with its date and source, the note of
 * later evidence, the key inputs, every finding, what to confirm, lines for the decision;
 * and no page of any test case holds a few lines alone. */
static void
test_pages (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *cases = mbc_test_data_path ("cases");
  const char *name;
  guint n = 0;

  if (!have_pdftotext ())
    return;
  dir = g_dir_open (cases, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (cases, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcCase) kase = NULL;
      g_autoptr(MbcResult) result = NULL;
      g_autofree char *text = NULL;
      g_autofree char *page = NULL;
      g_autofree char *flat_page = NULL;
      g_autofree char *flat_evidence = NULL;
      g_auto(GStrv) pages = NULL;
      GPtrArray *findings = mbc_guideline_get_findings (guideline);
      gsize length;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      kase = mbc_case_new_from_data (data, length, problems);
      g_assert_nonnull (kase);
      text = report_text (kase, MBC_PAPER_A4, &result);
      page = first_page (text);
      flat_page = flatten (page);
      flat_evidence = flatten (mbc_guideline_get_evidence (guideline)->line);

      g_assert_nonnull (strstr (flat_page, mbc_result_get_heading (result)));
      g_assert_nonnull (strstr (flat_page, mbc_guideline_get_date (guideline)));
      g_assert_nonnull (strstr (flat_page, flat_evidence));
      g_assert_nonnull (strstr (flat_page, "Key Inputs"));
      g_assert_nonnull (strstr (flat_page, "Signature"));
      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          g_autofree char *title = flatten (finding->title);
          g_assert_nonnull (strstr (flat_page, title));
        }
      for (guint i = 0; i < mbc_result_get_confirm (result)->len; i++)
        {
          int field = mbc_case_field_from_name (mbc_result_get_confirm (result)->pdata[i]);
          g_assert_nonnull (strstr (page, mbc_case_field_get_title (field)));
        }
      g_assert_null (strstr (text, mbc_result_get_rule (result)->id));
      g_assert_null (strstr (text, mbc_guideline_get_id (guideline)));
      /* What to do is under the window's headings, and only those. */
      g_assert_null (strstr (flat_page, "What to Confirm"));
      g_assert_true (strstr (flat_page, "Confirm Before Surgery") != NULL ||
                     strstr (flat_page, "Answer These to Decide") != NULL);
      g_assert_true ((mbc_result_get_missing (result)->len > 0) ==
                     (strstr (flat_page, "Answer These to Decide") != NULL));
      /* One line in the first page's footer says what the report is not, and names the page
       * that holds the disclaimer, which does hold it. */
      {
        pages = g_strsplit (text, "\f", -1);
        for (guint p = 0; pages[p]; p++)
          {
            g_autofree char *flat = flatten (pages[p]);
            g_autofree char *disclaimer = flatten (mbc_guideline_get_disclaimer (guideline));
            g_autofree char *pointer = g_strdup_printf ("Disclaimer: page %u.", p + 1);

            if (strstr (flat, disclaimer))
              g_assert_nonnull (strstr (flat_page, pointer));
          }
        g_assert_nonnull (strstr (flat_page, "Decision support only"));
        g_clear_pointer (&pages, g_strfreev);
      }
      /* A strength is shown with what it means. */
      if (mbc_result_get_strength_basis (result))
        {
          g_autofree char *detail = flatten (mbc_result_get_strength_basis (result)->detail);
          g_assert_nonnull (strstr (flat_page, detail));
        }
      /* Key Inputs holds every recorded input the findings read. */
      {
        const char *keys = strstr (page, "Key Inputs");
        const char *end = strstr (page, "Findings");

        g_assert_nonnull (keys);
        for (guint i = 0; i < findings->len; i++)
          {
            const MbcFinding *finding = g_ptr_array_index (findings, i);
            for (guint k = 0; finding->fields && finding->fields[k]; k++)
              {
                int field = mbc_case_field_from_name (finding->fields[k]);
                g_autofree char *head = g_strndup (keys, end - keys);
                g_autofree char *flat_head = flatten (head);
                g_auto(GStrv) words = g_strsplit (mbc_case_field_get_title (field), " ", 2);

                if (mbc_case_is_known (kase, field))
                  g_assert_nonnull (strstr (flat_head, words[0]));
              }
          }
      }

      /* Every page but the first has more than three lines besides its footer. */
      pages = g_strsplit (text, "\f", -1);
      for (guint p = 0; pages[p] && pages[p + 1]; p++)
        {
          g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
          guint filled = 0;

          for (guint l = 0; lines[l]; l++)
            filled += lines[l][strspn (lines[l], " ")] != '\0';
          if (filled - 1 <= 3)
            g_error ("%s: page %u holds %u lines:\n%s", name, p + 1, filled - 1, pages[p]);
        }
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* A decision recorded in the case is printed on the first page, with lines still to sign. */
static void
test_decision (void)
{
  g_autoptr(MbcCase) kase = flagged_case ();
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *flat = NULL;

  g_object_set (kase, "decision-choice", "no_surgery", "decision-date", "2026-11-30",
                "decision-note", "Board: systemic therapy continued.", NULL);
  text = report_text (kase, MBC_PAPER_A4, NULL);
  page = first_page (text);
  flat = flatten (page);
  g_assert_nonnull (strstr (flat, "Decision No surgery Date 2026-11-30"));
  g_assert_nonnull (strstr (flat, "Note: Board: systemic therapy continued."));
  g_assert_nonnull (strstr (flat, "Signature"));
}

/* A question the polled group was not asked (Q5) is never drawn as bars, which read as 0 %:
 * one line says so (the pack's note). A poll keeps its figures, option by option. */
static void
test_no_poll_figures (void)
{
  GPtrArray *sources = mbc_guideline_get_sources (guideline);
  const char *options[] = { "Yes", "No", NULL };
  guint counts[] = { 3, 1 };
  guint questions = 0;

  for (guint i = 0; i < sources->len; i++)
    {
      const MbcSource *source = g_ptr_array_index (sources, i);
      g_autofree char *said = NULL;
      gboolean polled = source->options && source->options->len > 0;

      if (g_strcmp0 (source->kind, "poll") != 0 && g_strcmp0 (source->kind, "question") != 0)
        continue;
      said = mbc_chart_describe_comparison (options, counts, TRUE, source, "Polled, 2017");
      if (polled)
        g_assert_nonnull (strstr (said, "Polled, 2017: "));
      else
        {
          questions++;
          g_assert_null (strstr (said, ": no poll;"));
          g_assert_nonnull (strstr (said, source->note ? source->note
                                                       : "no poll figures reported"));
          g_assert_nonnull (strstr (said, "Room: 75% (3 of 4)"));
        }
    }
  g_assert_cmpuint (questions, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  guideline = mbc_guideline_new_default (NULL, &error);
  g_assert_no_error (error);
  g_test_add_func ("/report/flagged-inputs", test_flagged_inputs);
  g_test_add_func ("/report/pages", test_pages);
  g_test_add_func ("/report/decision", test_decision);
  g_test_add_func ("/report/no-poll-figures", test_no_poll_figures);
  status = g_test_run ();
  g_object_unref (guideline);
  return status;
}
