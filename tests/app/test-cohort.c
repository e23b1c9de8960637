/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The cohort view: every case of a cohort evaluated off the UI thread, each row the same as
 * the case evaluated alone, bad rows with their problems, filters, the charts' numbers in
 * words, a row opened as a copy in the main window, and Cancel.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mbc-cohort-row.h"
#include "mbc-cohort-window.h"
#include "mbc-document.h"
#include "mbc-evaluator.h"
#include "mbc-file.h"
#include "mbc-guideline.h"
#include "mbc-problem.h"
#include "mbc-test.h"
#include "mbc-test-window.h"
#include "mbc-tier.h"
#include "mbc-window.h"

static MbcGuideline *guideline;
static GSettings *settings;

static gboolean
loaded (gpointer data)
{
  return !mbc_cohort_window_get_loading (data);
}

/* A cohort file: the test cohort's lines (every other one ending in "\r\n"), a blank line,
 * and three bad ones: a case out of range, a line past the most that is read, and one that
 * is not JSON, last, with no line end. */
static char *
write_cohort (const char *dir,
              guint      *n_good)
{
  g_autofree char *source = g_build_filename (TEST_DATA, "cohort.jsonl", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char *path = g_build_filename (dir, "cohort.jsonl", NULL);

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  *n_good = 0;
  for (guint i = 0; lines[i]; i++)
    if (*lines[i])
      {
        g_string_append_printf (out, "%s%s\n", lines[i], *n_good % 2 ? "\r" : "");
        (*n_good)++;
      }
  g_string_append (out, "\n{\"schema\": \"mbc-advisor/case/1\", \"age_years\": 7}\n{");
  for (guint i = 0; i < MBC_FILE_CASE_MAX_BYTES; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, "}\nnot json");
  g_assert_true (g_file_set_contents (path, out->str, -1, NULL));
  return path;
}

static void
test_evaluates_each_row (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-cohort-XXXXXX", NULL);
  guint n_good = 0;
  g_autofree char *path = write_cohort (dir, &n_good);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  MbcWindow *window = mbc_test_window_new (guideline, settings, NULL, 1200, 800);
  GtkWidget *cohort = mbc_window_open_cohort (window, file);
  GListModel *rows = mbc_cohort_window_get_rows (MBC_COHORT_WINDOW (cohort));
  guint n_bad = 0;
  g_autofree char *words = NULL;

  g_assert_true (mbc_test_wait_until (loaded, cohort, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_good + 3);

  /* Each row as the case evaluated alone gives it. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(MbcCohortRow) row = g_list_model_get_item (rows, i);
      const char *line = lines[mbc_cohort_row_get_line (row) - 1];
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcCase) kase = mbc_case_new_from_data (line, strlen (line), problems);
      g_autoptr(MbcResult) result = kase ? mbc_evaluate (guideline, kase, NULL) : NULL;

      if (result)
        g_assert_cmpstr (mbc_cohort_row_get_tier (row), ==, mbc_result_get_tier (result));
      else
        {
          g_assert_cmpstr (mbc_cohort_row_get_tier (row), ==, "");
          g_assert_cmpstr (mbc_cohort_row_get_problems (row), !=, "");
          n_bad++;
        }
    }
  g_assert_cmpuint (n_bad, ==, 3);
  /* The blank line is no row; the rows after it keep their numbers in the file. */
  {
    g_autoptr(MbcCohortRow) long_row = g_list_model_get_item (rows, n_good + 1);
    g_autoptr(MbcCohortRow) last = g_list_model_get_item (rows, n_good + 2);
    g_assert_cmpuint (mbc_cohort_row_get_line (long_row), ==, n_good + 3);
    g_assert_nonnull (strstr (mbc_cohort_row_get_problems (long_row), "larger than"));
    g_assert_cmpuint (mbc_cohort_row_get_line (last), ==, n_good + 4);
    g_assert_nonnull (strstr (mbc_cohort_row_get_problems (last), "$"));
  }

  /* The numbers of the charts, in words. */
  words = mbc_cohort_window_describe (MBC_COHORT_WINDOW (cohort));
  g_assert_nonnull (strstr (words, "3 that could not be evaluated"));

  /* Filters: only the rows that could not be evaluated; then one recommendation. */
  mbc_cohort_window_set_filters (MBC_COHORT_WINDOW (cohort), 0, 7);
  g_assert_cmpuint (g_list_model_get_n_items (
                      mbc_cohort_window_get_shown (MBC_COHORT_WINDOW (cohort))), ==, 3);
  mbc_cohort_window_set_filters (MBC_COHORT_WINDOW (cohort), MBC_TIER_RECOMMENDED + 1, 0);
  for (guint i = 0;
       i < g_list_model_get_n_items (mbc_cohort_window_get_shown (MBC_COHORT_WINDOW (cohort)));
       i++)
    {
      g_autoptr(MbcCohortRow) row =
        g_list_model_get_item (mbc_cohort_window_get_shown (MBC_COHORT_WINDOW (cohort)), i);
      g_assert_cmpstr (mbc_cohort_row_get_tier (row), ==, "recommended");
    }

  /* A row opens a copy in the main window, named by its row; the file stays unwritten. */
  mbc_cohort_window_set_filters (MBC_COHORT_WINDOW (cohort), 0, 0);
  mbc_cohort_window_activate_row (MBC_COHORT_WINDOW (cohort), 0);
  mbc_test_settle ();
  {
    g_autofree char *title = mbc_document_get_title (mbc_window_get_document (window));
    g_assert_true (g_str_has_prefix (title, "Row 1 of cohort.jsonl"));
    g_assert_null (mbc_document_get_file (mbc_window_get_document (window)));
    g_assert_false (mbc_case_is_empty (mbc_window_get_case (window)));
    g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Row 1 of "));
  }
  /* New Case: the window's title is the new case's, not the row's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  mbc_test_settle ();
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "New Case"));
  gtk_window_destroy (GTK_WINDOW (cohort));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mbc_cohort_window_export_finish (MBC_COHORT_WINDOW (source), result, &error));
  g_assert_no_error (error);
  (*(guint *) data)++;
}

static gboolean
two_done (gpointer data)
{
  return *(guint *) data == 2;
}

/* The numbers a board reads: one denominator for the agreement (the decisions compared
 * with a recommendation), said in words, the chart's shares the sentence's; a deferred
 * decision a category of its own, not a disagreement; the rest counted apart. */
static void
test_one_denominator (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-cohort-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.jsonl", NULL);
  g_autofree char *full = g_build_filename (TEST_DATA, "cases", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  static const char *const choices[] = { "surgery", "surgery", "no_surgery", "deferred", NULL,
                                         NULL };
  GtkWidget *cohort = mbc_cohort_window_new (NULL, guideline);

  g_assert_true (g_file_get_contents (full, &text, NULL, NULL));
  g_strdelimit (text, "\n", ' ');
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      /* The case recommends surgery (tests/data/cases/full.json). */
      GString *line = g_string_new (text);
      g_strchomp (line->str);
      line->len = strlen (line->str);
      g_assert_true (line->str[line->len - 1] == '}');
      g_string_truncate (line, line->len - 1);
      if (choices[i])
        g_string_append_printf (line, ", \"decision\": {\"choice\": \"%s\"}", choices[i]);
      g_string_append (line, "}\n");
      g_string_append (out, line->str);
      g_string_free (line, TRUE);
    }
  g_assert_true (g_file_set_contents (path, out->str, -1, NULL));
  gtk_window_present (GTK_WINDOW (cohort));
  mbc_cohort_window_open (MBC_COHORT_WINDOW (cohort), file);
  g_assert_true (mbc_test_wait_until (loaded, cohort, 20000));
  words = mbc_cohort_window_describe (MBC_COHORT_WINDOW (cohort));
  g_test_message ("%s", words);
  g_assert_nonnull (strstr (words, "Of the 4 decisions compared with a recommendation, 2 (50%) "
                                   "agree, 1 (25%) disagree, 1 (25%) were deferred and 0 (0%) "
                                   "were left to the clinician by the guideline."));
  g_assert_nonnull (strstr (words, "Not compared: 2 with no decision recorded"));
  /* The filter shows the deferred decision apart. */
  mbc_cohort_window_set_filters (MBC_COHORT_WINDOW (cohort), 0, 3);
  g_assert_cmpuint (g_list_model_get_n_items (
                      mbc_cohort_window_get_shown (MBC_COHORT_WINDOW (cohort))), ==, 1);
  gtk_window_destroy (GTK_WINDOW (cohort));
  g_unlink (path);
  g_rmdir (dir);
}

/* The decision's agreement with the guideline, counted here on its own (interfaces.md). */
static const char *
expected_agreement (const char *tier,
                    const char *choice)
{
  if (choice == NULL || g_str_equal (tier, "indeterminate"))
    return "";
  if (g_str_equal (tier, "individualise"))
    return "individual";
  if (g_str_equal (tier, "recommended"))
    return g_str_equal (choice, "surgery") ? "agrees" : "disagrees";
  return g_str_equal (choice, "no_surgery") ? "agrees" : "disagrees";
}

/* A CSV cohort as a spreadsheet writes it: rows numbered as the spreadsheet numbers them,
 * the decision read, and its agreement with the guideline. */
static void
test_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-cohort-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *cohort = mbc_cohort_window_new (NULL, guideline);
  GListModel *rows = mbc_cohort_window_get_rows (MBC_COHORT_WINDOW (cohort));
  const char *csv =
    "\xef\xbb\xbflabel,age_years,ecog,metastatic_sites,metastatic_lesion_count,"
    "systemic_therapy_completed,metastatic_response,fit_for_surgery,decision_choice,"
    "decision_date\r\n"
    "\"TB-1, bone\",45,0,bone,1,yes,complete,yes,surgery,2026-11-30\r\n"
    "TB-2,50,1,bone;liver,3,yes,progression,yes,surgery,2026-11-30\r\n"
    "TB-3,61,0,bone,1,yes,complete,no,no_surgery,2026-11-29\r\n"
    "TB-4,UNK,0,bone,1,yes,complete,yes,,\r\n"
    "TB-5,48,0,,,,,,deferred,2026-11-28\r\n";
  const guint numbers[] = { 2, 3, 4, 5, 6 };

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  gtk_window_present (GTK_WINDOW (cohort));
  mbc_cohort_window_open (MBC_COHORT_WINDOW (cohort), file);
  g_assert_true (mbc_test_wait_until (loaded, cohort, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(MbcCohortRow) row = g_list_model_get_item (rows, i);
      MbcCase *kase = mbc_cohort_row_get_case (row);

      g_assert_cmpuint (mbc_cohort_row_get_line (row), ==, numbers[i]);
      if (numbers[i] == 5)
        {
          /* UNK is no age: the row says so, naming the column. */
          g_assert_cmpstr (mbc_cohort_row_get_tier (row), ==, "");
          g_assert_nonnull (strstr (mbc_cohort_row_get_problems (row), "age_years"));
          continue;
        }
      {
        g_autoptr(MbcResult) alone = mbc_evaluate (guideline, kase, NULL);
        g_assert_cmpstr (mbc_cohort_row_get_tier (row), ==, mbc_result_get_tier (alone));
        g_assert_cmpstr (mbc_cohort_row_get_concordance (row), ==,
                         expected_agreement (mbc_result_get_tier (alone),
                                             mbc_case_get_decision_choice (kase)));
      }
    }
  {
    g_autoptr(MbcCohortRow) first = g_list_model_get_item (rows, 0);
    g_assert_cmpstr (mbc_cohort_row_get_label (first), ==, "TB-1, bone");
    g_assert_cmpstr (mbc_cohort_row_get_decision (first), ==, "Surgery");
  }

  /* Exported: the summary as --format csv writes it, one row a case; the tumour-board list
   * with every patient; both the user's alone. */
  {
    g_autofree char *csv_path = g_build_filename (dir, "summary.csv", NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "board.pdf", NULL);
    g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
    g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
    g_autofree char *text = NULL;
    g_autofree char *pdf_text = NULL;
    g_auto(GStrv) lines = NULL;
    guint done = 0;
    struct stat st;

    mbc_cohort_window_export (MBC_COHORT_WINDOW (cohort), FALSE, csv_file, exported_cb, &done);
    mbc_cohort_window_export (MBC_COHORT_WINDOW (cohort), TRUE, pdf_file, exported_cb, &done);
    g_assert_true (mbc_test_wait_until (two_done, &done, 20000));
    g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
    lines = g_strsplit (text, "\r\n", -1);
    g_assert_true (g_str_has_prefix (lines[0], "line,label,tier,"));
    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (numbers) + 2);
    g_assert_true (g_str_has_prefix (lines[1], "2,\"TB-1, bone\","));
    g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    pdf_text = mbc_test_pdf_text (pdf_path);
    g_assert_nonnull (strstr (pdf_text, "Tumour Board List"));
    g_assert_nonnull (strstr (pdf_text, "TB-3"));
    g_assert_nonnull (strstr (pdf_text, "Decisions and the Guideline"));
    g_assert_null (strstr (pdf_text, "Filtered"));
    /* The key inputs are a table, a column each. */
    g_assert_nonnull (strstr (pdf_text, "ECOG"));
    g_assert_nonnull (strstr (pdf_text, "Receptors"));
    g_assert_nonnull (strstr (pdf_text, "Response"));
    /* Filtered, the list says so, with the whole cohort beside those listed. */
    {
      g_autofree char *filtered_path = g_build_filename (dir, "filtered.pdf", NULL);
      g_autoptr(GFile) filtered_file = g_file_new_for_path (filtered_path);
      g_autofree char *filtered = NULL;
      g_autofree char *flat = NULL;
      g_autofree char *expected = NULL;
      guint n_all = g_list_model_get_n_items (mbc_cohort_window_get_rows (
                      MBC_COHORT_WINDOW (cohort)));
      guint n_shown;

      mbc_cohort_window_set_filters (MBC_COHORT_WINDOW (cohort), 0, 2);
      n_shown = g_list_model_get_n_items (mbc_cohort_window_get_shown (MBC_COHORT_WINDOW (cohort)));
      done = 1;
      mbc_cohort_window_export (MBC_COHORT_WINDOW (cohort), TRUE, filtered_file, exported_cb,
                                &done);
      g_assert_true (mbc_test_wait_until (two_done, &done, 20000));
      filtered = mbc_test_pdf_text (filtered_path);
      {
        g_auto(GStrv) words = g_regex_split_simple ("\\s+", filtered, 0, 0);
        flat = g_strjoinv (" ", words);
      }
      expected = g_strdup_printf ("Filtered (Agreement with the guideline: Disagrees with the "
                                  "guideline): %u of the cohort's %u patients are listed",
                                  n_shown, n_all);
      g_assert_nonnull (strstr (flat, expected));
      g_unlink (filtered_path);
      mbc_cohort_window_set_filters (MBC_COHORT_WINDOW (cohort), 0, 0);
    }
    /* Kept to be looked at, as the report's test keeps its PDFs. */
    if (g_getenv ("MBC_TEST_REPORT_DIR"))
      {
        g_autofree char *kept = g_build_filename (g_getenv ("MBC_TEST_REPORT_DIR"),
                                                  "tumour-board.pdf", NULL);
        g_rename (pdf_path, kept);
      }
    g_unlink (csv_path);
    g_unlink (pdf_path);
  }
  gtk_window_destroy (GTK_WINDOW (cohort));
  g_unlink (path);
  g_rmdir (dir);
}

/* A large cohort can be cancelled: it stops, and what was evaluated stays. */
static void
test_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-cohort-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  GtkWidget *cohort = mbc_cohort_window_new (NULL, guideline);
  guint n = 200000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "{\"schema\": \"mbc-advisor/case/1\", \"age_years\": %u}\n",
                            18 + i % 90);
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, NULL));
  gtk_window_present (GTK_WINDOW (cohort));
  mbc_cohort_window_open (MBC_COHORT_WINDOW (cohort), file);
  g_assert_true (mbc_cohort_window_get_loading (MBC_COHORT_WINDOW (cohort)));
  mbc_cohort_window_cancel (MBC_COHORT_WINDOW (cohort));
  g_assert_false (mbc_cohort_window_get_loading (MBC_COHORT_WINDOW (cohort)));
  mbc_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (mbc_cohort_window_get_rows (
                      MBC_COHORT_WINDOW (cohort))), <, n);
  gtk_window_destroy (GTK_WINDOW (cohort));
  g_unlink (path);
  g_rmdir (dir);
}

/* Lets @ms pass with the main loop running. */
static void
run_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Closing the window, cancelling or opening another file at any moment while a cohort is
 * evaluated is clean: no warning (made fatal here), no crash, under ASan too. Moments and
 * actions are random (the seed is in the log: --seed repeats a run). */
static void
test_close_at_any_moment (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-cohort-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cohort.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  g_log_set_always_fatal (fatal | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (out, "{\"schema\": \"mbc-advisor/case/1\", \"age_years\": %u}\n",
                            18 + i % 90);
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, NULL));
  for (guint round = 0; round < 16; round++)
    {
      GtkWidget *cohort = mbc_cohort_window_new (NULL, guideline);
      guint action = (guint) g_test_rand_int_range (0, 3);

      gtk_window_present (GTK_WINDOW (cohort));
      mbc_cohort_window_open (MBC_COHORT_WINDOW (cohort), file);
      run_for_ms ((guint) g_test_rand_int_range (0, 400));
      if (action == 1)
        mbc_cohort_window_cancel (MBC_COHORT_WINDOW (cohort));
      else if (action == 2)
        mbc_cohort_window_open (MBC_COHORT_WINDOW (cohort), file);
      run_for_ms ((guint) g_test_rand_int_range (0, 100));
      gtk_window_destroy (GTK_WINDOW (cohort));
      run_for_ms ((guint) g_test_rand_int_range (0, 300));
    }
  mbc_test_settle ();
  g_log_set_always_fatal (fatal);
  g_unlink (path);
  g_rmdir (dir);
}

/* The first widget of @type in @widget, depth first, or NULL. */
static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The table's column titles are at least 4.5:1, light and dark (Adwaita's 0.4 gave 2.2:1). */
static void
test_header_contrast (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT,
                                            ADW_COLOR_SCHEME_FORCE_DARK };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      GtkWidget *cohort = mbc_cohort_window_new (NULL, guideline);
      GtkWidget *view, *header, *button;
      double contrast;

      adw_style_manager_set_color_scheme (style, schemes[i]);
      gtk_window_set_default_size (GTK_WINDOW (cohort), 1280, 720);
      gtk_window_present (GTK_WINDOW (cohort));
      mbc_test_wait_frames (cohort, 3);
      view = find_type (cohort, GTK_TYPE_COLUMN_VIEW);
      g_assert_nonnull (view);
      header = gtk_widget_get_first_child (view);
      while (header && g_strcmp0 (gtk_widget_get_css_name (header), "header") != 0)
        header = gtk_widget_get_next_sibling (header);
      g_assert_nonnull (header);
      button = gtk_widget_get_first_child (header);
      g_assert_nonnull (button);
      contrast = mbc_test_drawn_contrast (GTK_WINDOW (cohort), button);
      g_test_message ("column title in %s: %.2f:1", i ? "dark" : "light", contrast);
      g_assert_cmpfloat (contrast, >=, 4.5);
      gtk_window_destroy (GTK_WINDOW (cohort));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The cohort window opened for @parent, or NULL. */
static GtkWidget *
find_cohort_window (MbcWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (MBC_IS_COHORT_WINDOW (window) &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (parent))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* A cohort given to the window by name (mbc-advisor FILE, a drop: mbc_window_open_file)
 * opens in the cohort view, by its extension or, where the name does not say, by its
 * content; the case in the window is untouched. */
static void
test_open_by_name (void)
{
  static const struct { const char *name; const char *text; guint rows; } files[] = {
    { "cohort.csv", "label,age_years\r\nA,45\r\nB,70\r\n", 2 },
    { "export.txt", "label,age_years\nA,45\nB,70\nC,\n", 3 },
    { "cases.data", "{\"schema\": \"mbc-advisor/case/1\"}\n{\"schema\": \"mbc-advisor/case/1\"}\n",
      2 },
  };
  g_autofree char *dir = g_dir_make_tmp ("mbc-cohort-name-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      MbcWindow *window = mbc_test_window_new (guideline, settings, NULL, 1200, 800);
      g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
      GtkWidget *cohort;

      g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
      mbc_window_open_file (window, file);
      cohort = find_cohort_window (window);
      g_assert_nonnull (cohort);
      g_assert_true (mbc_test_wait_until (loaded, cohort, 20000));
      g_assert_cmpuint (g_list_model_get_n_items (mbc_cohort_window_get_rows (
                          MBC_COHORT_WINDOW (cohort))), ==, files[i].rows);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
      gtk_window_destroy (GTK_WINDOW (cohort));
      gtk_window_destroy (GTK_WINDOW (window));
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  mbc_test_gtk_init (&argc, &argv);
  guideline = mbc_guideline_new_default (NULL, &error);
  g_assert_no_error (error);
  settings = mbc_test_settings ();
  g_test_add_func ("/cohort/evaluates-each-row", test_evaluates_each_row);
  g_test_add_func ("/cohort/csv", test_csv);
  g_test_add_func ("/cohort/cancel", test_cancel);
  g_test_add_func ("/cohort/one-denominator", test_one_denominator);
  g_test_add_func ("/cohort/header-contrast", test_header_contrast);
  g_test_add_func ("/cohort/close-at-any-moment", test_close_at_any_moment);
  g_test_add_func ("/cohort/open-by-name", test_open_by_name);
  status = g_test_run ();
  g_clear_object (&guideline);
  g_clear_object (&settings);
  return status;
}
