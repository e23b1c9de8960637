/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window, driven through its widgets as a person would (combo rows, spin buttons,
 * check buttons), for every decision rule; and every interactive widget has an
 * accessible name. Runs under Xvfb (see docs/testing.md).
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mbc-case-form.h"
#include "mbc-choice-button.h"
#include "mbc-guideline.h"
#include "mbc-json.h"
#include "mbc-library-dialog.h"
#include "mbc-preferences-window.h"
#include "mbc-problem.h"
#include "mbc-presenter-window.h"
#include "mbc-result-view.h"
#include "mbc-section.h"
#include "mbc-text-row.h"
#include "mbc-test.h"
#include "mbc-test-window.h"
#include "mbc-poll-chart.h"
#include "mbc-window.h"
#include "mbc-window-private.h"

static MbcGuideline *guideline;
static GSettings *settings;    /* in memory (mbc_test_settings) */

/* A window as a person gets it: presented, and with every section built (those below the
 * first screen come once the first frame is painted). */
static MbcWindow *
new_window_for (MbcGuideline *pack)
{
  return mbc_test_window_new (pack, settings, NULL, 1200, 800);
}

static MbcWindow *
new_window (void)
{
  return new_window_for (guideline);
}

static GtkWidget *
control (MbcWindow    *window,
         MbcCaseField  field)
{
  return mbc_case_form_get_control (MBC_CASE_FORM (mbc_window_get_form (window)), field);
}

/* Chooses the entry whose title is @title, as its menu item would. */
static void
choose (MbcWindow    *window,
        MbcCaseField  field,
        const char   *title)
{
  GtkWidget *button = control (window, field);
  const char * const *choices = mbc_choice_button_get_choices (MBC_CHOICE_BUTTON (button));

  for (guint i = 0; choices[i]; i++)
    if (g_strcmp0 (choices[i], title) == 0)
      {
        g_assert_true (gtk_widget_activate_action (button, "choice.select", "u", i));
        g_assert_cmpuint (mbc_choice_button_get_selected (MBC_CHOICE_BUTTON (button)), ==, i);
        mbc_test_settle ();
        return;
      }
  g_error ("%s has no entry %s", mbc_case_field_get_name (field), title);
}

static void
check_site (MbcWindow  *window,
            const char *site)
{
  GtkWidget *check = mbc_case_form_get_site_check (MBC_CASE_FORM (mbc_window_get_form (window)),
                                                   site);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  mbc_test_settle ();
}

static const char *
heading (MbcWindow *window)
{
  return mbc_result_view_get_heading (MBC_RESULT_VIEW (mbc_window_get_result_view (window)));
}

static MbcResult *
result (MbcWindow *window)
{
  return mbc_result_view_get_result (MBC_RESULT_VIEW (mbc_window_get_result_view (window)));
}

/* The window shows the pack's heading for the tier whose title is @tier_title. */
static void
assert_rule (MbcWindow  *window,
             const char *tier_title,
             const char *rule)
{
  g_assert_cmpstr (mbc_result_get_tier_title (result (window)), ==, tier_title);
  g_assert_cmpstr (heading (window), ==, mbc_result_get_heading (result (window)));
  g_assert_cmpstr (mbc_result_get_rule (result (window))->id, ==, rule);
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

/* Whether the plan item @id is shown, in the window and in the result it shows. */
static gboolean
plan_has (MbcWindow  *window,
          const char *id)
{
  GtkWidget *row = find_named (mbc_window_get_result_view (window), id);
  GPtrArray *plan = mbc_result_get_plan (result (window));
  gboolean in_result = FALSE;

  g_assert_nonnull (row);
  for (guint i = 0; i < plan->len; i++)
    in_result = in_result || g_strcmp0 (((MbcPlanItem *) plan->pdata[i])->id, id) == 0;
  g_assert_cmpint (in_result, ==, gtk_widget_get_visible (row) &&
                                  gtk_widget_get_visible (gtk_widget_get_parent (
                                    gtk_widget_get_parent (row))));
  return in_result;
}

/* The status a finding's row shows, in words ("Met", "Not met", "Unknown"). */
static const char *
finding_word (MbcWindow  *window,
              const char *id)
{
  GtkWidget *row = find_named (mbc_window_get_result_view (window), id);

  g_assert_nonnull (row);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (row)); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "heading"))
      return gtk_label_get_text (GTK_LABEL (w));
  g_assert_not_reached ();
}

/* Whether "What would change this" shows @title with @outcome. */
static gboolean
change_shown (MbcWindow  *window,
              const char *title,
              const char *outcome)
{
  GtkWidget *section = find_named (mbc_window_get_result_view (window), "changes");
  GtkWidget *list;

  g_assert_nonnull (section);
  if (!gtk_widget_get_visible (section))
    return FALSE;
  list = mbc_section_get_list (MBC_SECTION (section));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (MBC_IS_TEXT_ROW (row) &&
        g_strcmp0 (mbc_text_row_get_title (MBC_TEXT_ROW (row)), title) == 0 &&
        g_strcmp0 (mbc_text_row_get_subtitle (MBC_TEXT_ROW (row)), outcome) == 0)
      return TRUE;
  return FALSE;
}

/* The favourable case, entered field by field. */
static void
enter_favourable (MbcWindow *window)
{
  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "45");
  mbc_test_type_number (window, MBC_CASE_FIELD_ECOG, "0");
  choose (window, MBC_CASE_FIELD_ER_STATUS, "Positive");
  check_site (window, "bone");
  mbc_test_type_number (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, "1");
  choose (window, MBC_CASE_FIELD_SYSTEMIC_THERAPY_COMPLETED, "Yes");
  choose (window, MBC_CASE_FIELD_METASTATIC_RESPONSE, "Complete response");
  choose (window, MBC_CASE_FIELD_BREAST_RESPONSE, "Residual disease");
  choose (window, MBC_CASE_FIELD_RESPONSE_IMAGING, "PET/CT");
  choose (window, MBC_CASE_FIELD_NEGATIVE_MARGINS, "Achievable with breast-conserving surgery");
  choose (window, MBC_CASE_FIELD_FIT_FOR_SURGERY, "Yes");
}

static void
test_starts_unknown (void)
{
  MbcWindow *window = new_window ();

  /* Nothing entered: the first-run state, not the tier's heading (tests/app/test-window.c,
   * /results/first-run). */
  g_assert_cmpstr (mbc_result_get_tier_title (result (window)), ==, "More information needed");
  g_assert_cmpstr (mbc_result_get_rule (result (window))->id, ==, "needs_information");
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    g_assert_false (mbc_case_is_known (mbc_window_get_case (window), f));
  /* Empty, with "Unknown" in its place (and for a screen reader). */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window,
                   MBC_CASE_FIELD_AGE_YEARS))), ==, "");
  g_assert_cmpstr (gtk_text_get_placeholder_text (GTK_TEXT (gtk_editable_get_delegate (
                   GTK_EDITABLE (control (window, MBC_CASE_FIELD_AGE_YEARS))))), ==, "Unknown");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "What would change this", found once every section is built, follows each change. */
static void
test_what_would_change (void)
{
  MbcWindow *window = new_window ();

  enter_favourable (window);
  g_assert_false (change_shown (window, "Fit for surgery: No",
                                "would give: Surgery not recommended"));
  choose (window, MBC_CASE_FIELD_FIT_FOR_SURGERY, "Unknown");
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  g_assert_true (change_shown (window, "Fit for surgery: No",
                               "would give: Surgery not recommended"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_every_rule (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *stronger, *basis;

  g_assert_cmpstr (finding_word (window, "good_response"), ==, "Unknown");
  enter_favourable (window);
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  g_assert_cmpstr (finding_word (window, "good_response"), ==, "Met");
  g_assert_cmpstr (finding_word (window, "bone_only"), ==, "Met");
  g_assert_cmpstr (finding_word (window, "fit_for_surgery"), ==, "Met");
  g_assert_cmpstr (mbc_result_get_strength (result (window)), ==, "standard");
  g_assert_true (plan_has (window, "breast_conserving_surgery"));
  g_assert_true (plan_has (window, "axillary_evaluation"));

  /* Stronger: complete response in the breast too, on PET/CT. */
  choose (window, MBC_CASE_FIELD_BREAST_RESPONSE, "Complete response");
  g_assert_cmpstr (mbc_result_get_strength (result (window)), ==, "stronger");
  stronger = find_named (mbc_window_get_result_view (window), "strength");
  g_assert_nonnull (stronger);
  g_assert_true (gtk_widget_get_visible (stronger));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (stronger)),
                                   "2017 consensus: a stronger recommendation"));
  /* Its basis and sources are shown with it. */
  basis = find_named (mbc_window_get_result_view (window), "strength-basis");
  g_assert_true (gtk_widget_get_visible (basis));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (basis)), "potentially"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (basis)), "Take-home message 2 (TH2)"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (basis)), "(T2)"));

  /* Margins not achievable: individual decision. */
  choose (window, MBC_CASE_FIELD_NEGATIVE_MARGINS, "Not achievable");
  assert_rule (window, "Individual decision", "margins_not_achievable");
  g_assert_false (gtk_widget_get_visible (stronger));
  choose (window, MBC_CASE_FIELD_NEGATIVE_MARGINS, "Achievable with mastectomy only");
  g_assert_false (plan_has (window, "breast_conserving_surgery"));

  /* Outside the favourable subset: three sites, eight lesions. */
  check_site (window, "pleura");
  check_site (window, "brain");
  mbc_test_type_number (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, "8");
  assert_rule (window, "Individual decision", "outside_subset");

  /* Back in the subset with fewer than five lesions. */
  mbc_test_type_number (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, "4");
  assert_rule (window, "Surgery can be recommended", "favourable_subset");

  /* Liver checked, four lesions over four sites: the liver has exactly one. */
  check_site (window, "liver");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
                   control (window, MBC_CASE_FIELD_LIVER_LESION_COUNT), MBC_TYPE_TEXT_ROW)));
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  g_assert_cmpstr (finding_word (window, "no_multiple_liver_lung"), ==, "Met");
  /* Four lesions over three sites: the liver may have two, so its count is needed. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mbc_case_form_get_site_check (
                                 MBC_CASE_FORM (mbc_window_get_form (window)), "pleura")), FALSE);
  mbc_test_settle ();
  assert_rule (window, "More information needed", "needs_information");
  g_assert_cmpstr (mbc_result_get_missing (result (window))->pdata[0], ==, "liver_lesion_count");
  mbc_test_type_number (window, MBC_CASE_FIELD_LIVER_LESION_COUNT, "2");
  assert_rule (window, "Surgery not recommended", "multiple_liver_lung");
  g_assert_cmpstr (finding_word (window, "no_multiple_liver_lung"), ==, "Not met");
  mbc_test_type_number (window, MBC_CASE_FIELD_LIVER_LESION_COUNT, "1");
  assert_rule (window, "Surgery can be recommended", "favourable_subset");

  /* Stable disease, then not fit. */
  choose (window, MBC_CASE_FIELD_METASTATIC_RESPONSE, "Stable disease");
  assert_rule (window, "Surgery not recommended", "no_good_response");
  g_assert_false (plan_has (window, "mastectomy"));
  g_assert_true (plan_has (window, "counselling"));
  choose (window, MBC_CASE_FIELD_FIT_FOR_SURGERY, "No");
  assert_rule (window, "Surgery not recommended", "not_fit");
  g_assert_cmpstr (finding_word (window, "fit_for_surgery"), ==, "Not met");

  /* Back to unknown through the form, then Reset. */
  choose (window, MBC_CASE_FIELD_FIT_FOR_SURGERY, "Unknown");
  choose (window, MBC_CASE_FIELD_METASTATIC_RESPONSE, "Unknown");
  assert_rule (window, "More information needed", "needs_information");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL));
  mbc_test_settle ();
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    g_assert_false (mbc_case_is_known (mbc_window_get_case (window), f));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window,
                   MBC_CASE_FIELD_LIVER_LESION_COUNT))), ==, "");
  /* The form cleared at once can be put back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  mbc_test_settle ();
  g_assert_true (mbc_case_is_known (mbc_window_get_case (window),
                                    MBC_CASE_FIELD_LIVER_LESION_COUNT));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window,
                   MBC_CASE_FIELD_LIVER_LESION_COUNT))), ==, "1");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label under the heading of the result view named @name, or NULL when hidden. */
static const char *
under_heading (MbcWindow  *window,
               const char *name)
{
  GtkWidget *label = find_named (mbc_window_get_result_view (window), name);

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Directly under the heading: its conditions are in it, the deciding rule's interpretation
 * stands under it (ECOG 2-4, unfit, stable disease, outside the subset), and a caution when
 * brain is a site; the rule's text below does not repeat the interpretation. */
static void
test_under_heading (void)
{
  MbcWindow *window = new_window ();
  const MbcRule *rule;
  g_autofree char *want = NULL;

  enter_favourable (window);
  g_assert_null (under_heading (window, "deciding-interpretation"));
  g_assert_null (under_heading (window, "cautions"));
  g_assert_cmpstr (heading (window), ==, "2017 consensus: surgery can be recommended");

  /* ECOG unknown: the heading says what is to be confirmed. */
  mbc_test_type_number (window, MBC_CASE_FIELD_ECOG, "");
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  g_assert_cmpstr (heading (window), ==,
                   "2017 consensus: surgery can be recommended if performance status is "
                   "confirmed");

  /* ECOG 4: an individual decision, its interpretation under the heading. */
  mbc_test_type_number (window, MBC_CASE_FIELD_ECOG, "4");
  assert_rule (window, "Individual decision", "poor_performance_status");
  rule = mbc_result_get_rule (result (window));
  want = mbc_interpretation_text (rule->interpretation);
  g_assert_cmpstr (under_heading (window, "deciding-interpretation"), ==, want);
  /* The bar that heads the narrow window says the same under its heading. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (window),
                                                              "summary-note"))), ==, want);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (find_named (
                   mbc_window_get_result_view (window), "rule"))), "Interpretation"));

  /* Brain the only site: recommended, with the caution beside it. */
  mbc_test_type_number (window, MBC_CASE_FIELD_ECOG, "1");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mbc_case_form_get_site_check (
                                 MBC_CASE_FORM (mbc_window_get_form (window)), "bone")), FALSE);
  check_site (window, "brain");
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  g_assert_null (under_heading (window, "deciding-interpretation"));
  g_assert_nonnull (under_heading (window, "cautions"));
  g_assert_true (g_str_has_prefix (under_heading (window, "cautions"),
                                   "Caution: The consensus does not discuss brain metastases"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (find_named (
                   GTK_WIDGET (window), "summary-note"))), "Caution: The consensus does not"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The ids of the poll charts marked as what the result rests on, joined with spaces. */
static void
collect_marked (GtkWidget *widget,
                GString   *out)
{
  if (MBC_IS_POLL_CHART (widget) && mbc_poll_chart_get_highlighted (MBC_POLL_CHART (widget)))
    g_string_append_printf (out, "%s%s", out->len ? " " : "",
                            mbc_poll_chart_get_source (MBC_POLL_CHART (widget))->id);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_marked (child, out);
}

static char *
marked_polls (MbcWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_marked (mbc_window_get_result_view (window), out);
  return g_string_free (out, FALSE);
}

/* Only the polls the result rests on are marked: the deciding rule's and its strength's,
 * not every table the plan cites. */
static void
test_marked_polls (void)
{
  MbcWindow *window = new_window ();
  g_autofree char *recommended = NULL;
  g_autofree char *poor = NULL;
  g_autofree char *stable = NULL;

  enter_favourable (window);
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  recommended = marked_polls (window);
  g_assert_cmpstr (recommended, ==, "T1 T2");
  mbc_test_type_number (window, MBC_CASE_FIELD_ECOG, "3");
  assert_rule (window, "Individual decision", "poor_performance_status");
  poor = marked_polls (window);
  g_assert_cmpstr (poor, ==, "T1");
  choose (window, MBC_CASE_FIELD_METASTATIC_RESPONSE, "Stable disease");
  assert_rule (window, "Surgery not recommended", "no_good_response");
  stable = marked_polls (window);
  g_assert_cmpstr (stable, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Save As proposes the case's label as the file's name (not "New Case.json"), made a safe
 * name; with no label, the title; once saved, the file's own name. */
static void
test_proposed_name (void)
{
  MbcWindow *window = new_window ();
  g_autofree char *unnamed = NULL;
  g_autofree char *labelled = NULL;

  unnamed = _mbc_window_proposed_name (window);
  g_assert_cmpstr (unnamed, ==, "New Case.json");
  g_object_set (mbc_window_get_case (window), "label", "Study 12/B: bone-only", NULL);
  labelled = _mbc_window_proposed_name (window);
  g_assert_cmpstr (labelled, ==, "Study 12-B- bone-only.json");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A value the case file cannot hold (an age of 15) is said when Save As is chosen, before any
 * file chooser opens. */
static void
test_save_refused_first (void)
{
  MbcWindow *window = new_window ();
  AdwMessageDialog *dialog;
  g_autoptr(GListModel) toplevels = NULL;
  guint choosers = 0;

  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "15");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  mbc_test_settle ();
  dialog = mbc_test_find_message_dialog ("The Case Could Not Be Saved");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            mbc_case_field_get_title (MBC_CASE_FIELD_AGE_YEARS)));
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (GTK_IS_FILE_CHOOSER (toplevel))
        choosers++;
    }
  g_assert_cmpuint (choosers, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_inconsistent_input (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *row;
  const char *subtitle;

  check_site (window, "bone");
  check_site (window, "lung");
  mbc_test_type_number (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, "1");
  row = gtk_widget_get_ancestor (control (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT),
                                 MBC_TYPE_TEXT_ROW);
  subtitle = mbc_text_row_get_subtitle (MBC_TEXT_ROW (row));
  g_assert_nonnull (strstr (subtitle, "fewer than the 2 metastatic sites"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* The inconsistent count is left out: the burden is then unknown. */
  g_assert_cmpstr (mbc_result_get_tier_title (result (window)), ==, "More information needed");
  mbc_test_type_number (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT, "2");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_file (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "worked-example.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path ("/nonexistent/case.json");
  MbcWindow *window = new_window ();
  int age;

  mbc_window_open_file (window, file);
  mbc_test_settle ();
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  g_object_get (mbc_window_get_case (window), "age-years", &age, NULL);
  g_assert_cmpint (age, ==, 45);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (window,
                   MBC_CASE_FIELD_AGE_YEARS))), ==, "45");
  /* A file that cannot be read leaves the form as it was. */
  mbc_window_open_file (window, bad);
  mbc_test_settle ();
  assert_rule (window, "Surgery can be recommended", "favourable_subset");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The widget types a person operates, and whether @widget has a name for a screen reader:
 * an accessible label or labelled-by relation we set, or a text label of its own. */
static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) || MBC_IS_CHOICE_BUTTON (widget) || GTK_IS_ENTRY (widget) ||
         (GTK_IS_LIST_BOX_ROW (widget) &&
          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)));
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)))
    return TRUE;
  return FALSE;
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  /* The window controls and libadwaita's own parts are not ours to name. */
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (gtk_widget_get_visible (widget) && is_interactive (widget) && !has_name (widget))
    g_ptr_array_add (unnamed, g_strdup_printf ("%s (%s)", G_OBJECT_TYPE_NAME (widget),
                                               gtk_widget_get_name (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
test_accessible_names (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "worked-example.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  MbcWindow *window = new_window ();

  /* With a case and without: the results show different rows. */
  for (int round = 0; round < 2; round++)
    {
      if (round == 1)
        mbc_window_open_file (window, file);
      mbc_test_settle ();
      collect_unnamed (GTK_WIDGET (window), unnamed);
    }
  for (guint i = 0; i < unnamed->len; i++)
    g_printerr ("no accessible name: %s\n", (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* As a click on a button of the dialog: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  mbc_test_settle ();
}

/* Saved, the title loses its mark; changed, it gets it back; reopened, the case is the
 * same; a file that cannot be written gives a dialog naming it and leaves the case
 * unsaved. */
/* A device, a FIFO without a writer and a folder are refused at once, never waited on
 * (interfaces.md, Limits); the dialog says what the file is, and the form is unchanged. */
static void
test_open_special (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-window-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "case.json", NULL);
  const char *paths[] = { "/dev/zero", fifo, dir };
  const char *kinds[] = { "a device", "a FIFO", "a folder" };
  MbcWindow *window = new_window ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf ("“%s” Could Not Be Opened", name);
      gint64 start = g_get_monotonic_time ();
      AdwMessageDialog *dialog;

      mbc_window_open_file (window, file);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      mbc_test_settle ();
      dialog = mbc_test_find_message_dialog (heading);
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), kinds[i]));
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_false (mbc_case_is_known (mbc_window_get_case (window), MBC_CASE_FIELD_AGE_YEARS));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_save_and_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "favourable.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-folder", "case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  MbcWindow *window = new_window ();
  MbcWindow *again = NULL;
  MbcDocument *document = mbc_window_get_document (window);
  AdwMessageDialog *dialog;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "New Case — MBC Surgery Advisor");
  enter_favourable (window);
  g_assert_true (mbc_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "• New Case — MBC Surgery Advisor");
  g_assert_true (mbc_window_save_to (window, file));
  mbc_test_settle ();
  g_assert_false (mbc_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "favourable.json — MBC Surgery Advisor");

  g_assert_false (mbc_window_save_to (window, nowhere));
  mbc_test_settle ();
  dialog = mbc_test_find_message_dialog ("The Case Could Not Be Saved");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), missing));
  respond (dialog, "close");

  again = new_window ();
  mbc_window_open_file (again, file);
  mbc_test_settle ();
  assert_rule (again, "Surgery can be recommended", "favourable_subset");
  g_assert_false (mbc_document_get_modified (mbc_window_get_document (again)));
  gtk_window_destroy (GTK_WINDOW (again));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Closing with unsaved changes asks first; discarding closes. */
static void
test_close_asks (void)
{
  MbcWindow *window = new_window ();
  g_autoptr(GtkWidget) alive = g_object_ref (GTK_WIDGET (window));
  AdwMessageDialog *dialog;

  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "50");
  gtk_window_close (GTK_WINDOW (window));
  mbc_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = mbc_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_close (GTK_WINDOW (window));
  mbc_test_settle ();
  dialog = mbc_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  respond (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (alive));
}

/* The library: searchable; a chosen case opens as an unsaved copy with no file. */
static void
test_library (void)
{
  MbcWindow *window = new_window ();
  MbcLibraryDialog *dialog = MBC_LIBRARY_DIALOG (mbc_window_show_library (window));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = mbc_library_load (&error);
  guint visceral = G_MAXUINT;

  g_assert_nonnull (dialog);
  g_assert_cmpuint (mbc_library_dialog_count_shown (dialog), ==, cases->len);
  mbc_library_dialog_set_search (dialog, "Visceral");
  g_assert_cmpuint (mbc_library_dialog_count_shown (dialog), ==, 1);
  mbc_library_dialog_set_search (dialog, "individual decision");
  /* 07 and 08 are individual decisions; 03 says ECOG 2 alone would make it one. */
  g_assert_cmpuint (mbc_library_dialog_count_shown (dialog), ==, 3);
  mbc_library_dialog_set_search (dialog, "no such words");
  g_assert_cmpuint (mbc_library_dialog_count_shown (dialog), ==, 0);
  for (guint i = 0; i < cases->len; i++)
    if (g_strcmp0 (((MbcLibraryCase *) cases->pdata[i])->id, "05-multiple-visceral") == 0)
      visceral = i;
  g_assert_cmpuint (visceral, <, cases->len);
  mbc_library_dialog_choose (dialog, visceral);
  mbc_test_settle ();
  assert_rule (window, "Surgery not recommended", "multiple_liver_lung");
  g_assert_null (mbc_document_get_file (mbc_window_get_document (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Multiple liver and lung metastases — MBC Surgery Advisor");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The subtitles of the library's rows, one a line. */
static char *
library_subtitles (MbcLibraryDialog *dialog)
{
  GString *out = g_string_new (NULL);
  GtkWidget *list = find_named (GTK_WIDGET (dialog), "library-list");

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (MBC_IS_TEXT_ROW (row))
      g_string_append_printf (out, "%s\n", mbc_text_row_get_subtitle (MBC_TEXT_ROW (row)));
  return g_string_free (out, FALSE);
}

/* While teaching mode is on, the library does not give the answers away on the projector:
 * no "Expected: …"; after it, it does again. */
static void
test_library_teaching (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *presenter = mbc_window_show_teaching (window, FALSE);
  MbcLibraryDialog *dialog;
  g_autofree char *during = NULL, *after = NULL;

  g_assert_nonnull (presenter);
  dialog = MBC_LIBRARY_DIALOG (mbc_window_show_library (window));
  during = library_subtitles (dialog);
  g_assert_null (strstr (during, "Expected"));
  g_assert_nonnull (strstr (during, "Illustrates"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (presenter));
  mbc_test_settle ();
  dialog = MBC_LIBRARY_DIALOG (mbc_window_show_library (window));
  after = library_subtitles (dialog);
  g_assert_nonnull (strstr (after, "Expected"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text of a PDF, page by page (pdftotext; kept until the next call but one). */
static const char *
text_of (const char *pdf)
{
  static char *texts[2];
  static guint next;

  next = (next + 1) % 2;
  g_clear_pointer (&texts[next], g_free);
  texts[next] = mbc_test_pdf_text (pdf);
  /* The two are written a moment apart: the minute may differ. */
  for (char *at = strstr (texts[next], "Written "); at; at = strstr (at + 1, "Written "))
    memset (at, 'x', MIN (strlen (at), 36));
  return texts[next];
}

/* Export Report writes the PDF of what the window shows. */
static void
test_export_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *pdf = NULL;
  gsize length;
  MbcWindow *window = new_window ();

  enter_favourable (window);
  g_assert_true (mbc_window_export_report (window, file));
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  /* Printing draws the same pages through GtkPrintOperation (here exported, as the print
   * dialog's "Print to File" does): the same text, page for page. */
  mbc_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, printed);
  g_assert_cmpstr (text_of (printed), ==, text_of (path));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (printed);
  g_rmdir (dir);
}

/* Whether @model (or a section of it) has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Export FHIR (in the main menu) writes the result of what the window shows as an R4
 * Bundle, private to the user: the decision the form records in it, and nothing of the
 * label. */
static void
test_export_fhir (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "result.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  MbcWindow *window = new_window ();
  MbcResult *result;
  JsonArray *entries;
  const char *status = NULL, *request_intent = NULL, *decision = NULL;
  GStatBuf st;

  g_assert_true (menu_has_action (window->primary_menu, "win.export-fhir"));
  enter_favourable (window);
  g_object_set (window->kase, "label", "Teaching case 7", NULL);
  g_object_set (window->kase, "decision-choice", "surgery", "decision-date", "2026-11-30", NULL);
  result = mbc_result_view_get_result (MBC_RESULT_VIEW (window->results));
  g_assert_nonnull (result);
  g_assert_cmpstr (mbc_result_get_tier (result), ==, "recommended");

  g_assert_true (mbc_window_export_fhir (window, file));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_null (strstr (text, "Teaching case 7"));
  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "entry");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *resource = json_object_get_object_member (
        json_array_get_object_element (entries, i), "resource");
      const char *type = json_object_get_string_member (resource, "resourceType");

      if (g_str_equal (type, "GuidanceResponse"))
        status = json_object_get_string_member (resource, "status");
      else if (g_str_equal (type, "RequestGroup"))
        request_intent = json_object_get_string_member (resource, "intent");
      else if (g_str_equal (type, "Observation") &&
               json_object_has_member (resource, "valueCodeableConcept"))
        decision = json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (
            json_object_get_object_member (resource, "valueCodeableConcept"), "coding"), 0),
          "code");
    }
  g_assert_cmpstr (status, ==, "success");
  g_assert_cmpstr (request_intent, ==, "proposal");
  g_assert_cmpstr (decision, ==, "surgery");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* A button labelled @label among the descendants of @widget, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

/* The report is of the case as the form holds it: an input with a problem is printed as
 * entered, with its problem; after the export, a toast offers to open the PDF. */
static void
test_report_as_entered (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MbcWindow *window = new_window ();
  const char *liver = mbc_case_field_get_title (MBC_CASE_FIELD_LIVER_LESION_COUNT);
  g_autofree char *first = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean shown = FALSE;

  check_site (window, "bone");
  check_site (window, "liver");
  mbc_test_type_number (window, MBC_CASE_FIELD_LIVER_LESION_COUNT, "0");
  g_assert_true (mbc_window_export_report (window, file));
  first = g_strdup (text_of (path));
  *strchr (first, '\f') = '\0';
  lines = g_strsplit (first, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) words = g_regex_split_simple ("\\s{2,}", g_strstrip (lines[i]), 0, 0);
      if (g_strcmp0 (words[0], liver) != 0 || words[1] == NULL)
        continue;
      g_assert_cmpstr (words[1], ==, "0");
      g_assert_nonnull (words[2]);
      g_assert_true (g_str_has_prefix (words[2], liver));
      shown = TRUE;
    }
  g_assert_true (shown);
  g_assert_nonnull (strstr (first, "1 input has a problem"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Open"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
keys (MbcPresenterWindow *presenter,
      const guint        *keyvals)
{
  for (guint i = 0; keyvals[i]; i++)
    mbc_presenter_window_press_key (presenter, keyvals[i], 0);
  mbc_test_settle ();
}

/* The dialog teaching mode shows, if any. */
static AdwMessageDialog *
dialog_of (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  mbc_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers the dialog that teaching mode shows with @response. */
static void
respond_to (GtkWindow  *parent,
            const char *response)
{
  AdwMessageDialog *dialog = dialog_of (parent);

  g_assert_nonnull (dialog);
  respond (dialog, response);
}

/* A teaching session run from the keyboard: votes, undo, hidden counts, reset, reveal,
 * next and previous, the summary, and the exported CSV and JSON read back. */
static void
test_teaching_session (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-teaching-XXXXXX", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "session.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "session.json", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  MbcWindow *window = new_window ();
  MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, FALSE));
  g_autoptr(GtkWidget) alive = g_object_ref (GTK_WIDGET (presenter));
  MbcPollSession *session;

  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "choose");
  mbc_presenter_window_choose_case (presenter, 0);
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "vignette");
  session = mbc_presenter_window_get_session (presenter);
  g_assert_cmpstr (mbc_poll_session_get_case_title (session), ==, "The case the experts discussed");

  /* Question 1: six yes and three no, one no undone, then revealed. */
  keys (presenter, (guint[]) { GDK_KEY_Right, GDK_KEY_y, GDK_KEY_y, GDK_KEY_y, GDK_KEY_Y,
                               GDK_KEY_y, GDK_KEY_y, GDK_KEY_n, GDK_KEY_n, GDK_KEY_n, GDK_KEY_n,
                               GDK_KEY_BackSpace, 0 });
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "question");
  /* The vignette stays in view while the room votes, with the facts the library's
   * presentation of the case records and no field can. */
  {
    GtkWidget *vignette = find_named (GTK_WIDGET (presenter), "case-line");

    g_assert_true (gtk_widget_get_mapped (vignette));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (vignette)),
                              "multiple bone metastases"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (vignette)), "six cycles of TCH"));
  }
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 0), ==, 6);
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 1), ==, 3);
  keys (presenter, (guint[]) { GDK_KEY_h, GDK_KEY_2, GDK_KEY_r, 0 });
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 1), ==, 4);
  g_assert_true (mbc_poll_session_get_revealed (session, 0));
  g_assert_cmpfloat_with_epsilon (mbc_poll_session_get_percent (session, 0, 0), 60.0, 1e-9);

  /* Question 2: votes, reset, two votes; back to question 1 and on again. */
  keys (presenter, (guint[]) { GDK_KEY_space, GDK_KEY_y, GDK_KEY_y, GDK_KEY_Delete, GDK_KEY_n,
                               GDK_KEY_y, GDK_KEY_Left, 0 });
  g_assert_cmpuint (mbc_poll_session_get_current (session), ==, 0);
  g_assert_cmpuint (mbc_poll_session_get_total (session, 1), ==, 2);
  keys (presenter, (guint[]) { GDK_KEY_Right, GDK_KEY_Right, GDK_KEY_y, GDK_KEY_Right,
                               GDK_KEY_n, GDK_KEY_Right, GDK_KEY_y, GDK_KEY_y, GDK_KEY_n,
                               GDK_KEY_r, 0 });
  g_assert_cmpuint (mbc_poll_session_get_current (session), ==, 4);
  g_assert_cmpstr (mbc_poll_session_get_question (session, 4)->id, ==, "Q5");
  keys (presenter, (guint[]) { GDK_KEY_Right, 0 });
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "summary");

  g_assert_true (mbc_presenter_window_export (presenter, csv_file, TRUE, &error));
  g_assert_true (mbc_presenter_window_export (presenter, json_file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[1], ==, "The case the experts discussed,T1,Will you proceed "
                                 "with mastectomy?,Yes,6,10,60.0,77.3");
  g_assert_cmpstr (lines[2], ==, "The case the experts discussed,T1,Will you proceed "
                                 "with mastectomy?,No,4,10,40.0,22.7");
  g_assert_true (g_str_has_suffix (lines[3], ",Yes,1,2,50.0,63.6"));
  g_assert_true (g_str_has_suffix (lines[9], ",Yes,2,3,66.7,"));
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"schema\": \"mbc-advisor/poll-session/1\""));
  g_assert_nonnull (strstr (json, "\"room_count\": 6"));
  /* Nothing of the case but its title. */
  g_assert_null (strstr (json, "Teaching case"));
  g_assert_null (strstr (csv, "premenopausal"));

  /* Esc: the room has voted, so it asks first; ended, the session is kept. */
  keys (presenter, (guint[]) { GDK_KEY_Escape, 0 });
  g_assert_true (gtk_widget_get_visible (alive));
  respond_to (GTK_WINDOW (presenter), "end");
  g_assert_false (gtk_widget_get_visible (alive));
  /* Teaching mode opened again offers it, and takes it up where it was, votes and all. */
  presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, FALSE));
  mbc_test_settle ();
  g_assert_nonnull (find_named (GTK_WIDGET (presenter), "resume"));
  g_assert_true (mbc_presenter_window_resume (presenter));
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "summary");
  session = mbc_presenter_window_get_session (presenter);
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 0), ==, 6);
  g_assert_cmpuint (mbc_poll_session_get_current (session), ==, 4);
  g_assert_true (mbc_poll_session_get_revealed (session, 0));
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (csv_path);
  g_unlink (json_path);
  g_rmdir (dir);
}

/* The shortcuts window is built when asked for, once. */
static void
test_shortcuts (void)
{
  MbcWindow *window = new_window ();
  GtkShortcutsWindow *shortcuts;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  mbc_test_settle ();
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_close (GTK_WINDOW (shortcuts));
  mbc_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  mbc_test_settle ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) ==
                 shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_accelerators (GtkWidget *widget,
                      GArray    *keys)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator ? accelerator : "", " ", -1);
      for (guint i = 0; parts[i]; i++)
        {
          guint key[2] = { 0, 0 };
          if (gtk_accelerator_parse (parts[i], &key[0], (GdkModifierType *) &key[1]))
            g_array_append_vals (keys, key, 2);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, keys);
}

/* Every key of teaching mode's actions is listed in the shortcuts window. */
static void
test_teaching_shortcuts_listed (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *presenter = mbc_window_show_teaching (window, FALSE);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (presenter);
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkShortcutsWindow *shortcuts;
  guint bound = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  mbc_test_settle ();
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  collect_accelerators (GTK_WIDGET (shortcuts), listed);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          guint keyval, mods;
          gboolean found = FALSE;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action) ||
              !g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                 "teaching."))
            continue;
          keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          mods = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
          /* The keypad's digits are listed as the digits. */
          if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
            keyval = GDK_KEY_1 + (keyval - GDK_KEY_KP_1);
          for (guint j = 0; j + 1 < listed->len && !found; j += 2)
            found = g_array_index (listed, guint, j) == keyval &&
                    g_array_index (listed, guint, j + 1) == mods;
          if (!found)
            g_error ("the key %s (%s) is not in the shortcuts window",
                     gtk_accelerator_name (keyval, mods),
                     gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          bound++;
        }
    }
  g_assert_cmpuint (bound, >=, 20);
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preferences are bound to the settings both ways: nothing is kept beside them. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) own = mbc_test_settings ();
  GtkWidget *prefs = mbc_preferences_window_new (NULL, own);
  GtkWidget *paper = find_of_type (prefs, ADW_TYPE_COMBO_ROW);
  GtkWidget *toggle = find_of_type (prefs, GTK_TYPE_SWITCH);
  g_autofree char *nick = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  mbc_test_settle ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (paper)), ==, 0);
  g_settings_set_string (own, "paper-size", "letter");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (paper)), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper), 1);
  nick = g_settings_get_string (own, "paper-size");
  g_assert_cmpstr (nick, ==, "a4");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (own, "teaching-hide-counts"));
  g_settings_set_boolean (own, "teaching-hide-counts", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static gboolean
is_stacked (gpointer data)
{
  GtkWidget *form = mbc_window_get_form (data);
  GtkWidget *results = mbc_window_get_result_view (data);
  graphene_rect_t f, r;

  return gtk_widget_compute_bounds (form, GTK_WIDGET (data), &f) &&
         gtk_widget_compute_bounds (results, GTK_WIDGET (data), &r) &&
         r.origin.y >= f.origin.y + f.size.height && f.size.width <= 360;
}

/* The window's scroller: stacked, it scrolls the form and the result together. */
static GtkWidget *
outer_scroller (GtkWidget *widget)
{
  GtkWidget *outer = NULL;

  for (GtkWidget *w = widget; w; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      outer = w;
  return outer;
}

/* The result's top is in view (at the top, unless the page cannot scroll that far). */
static gboolean
result_in_view (gpointer data)
{
  GtkWidget *results = mbc_window_get_result_view (data);
  GtkWidget *scroller = outer_scroller (results);
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t at;

  return gtk_widget_compute_point (results, scroller, &GRAPHENE_POINT_INIT (0, 0), &at) &&
         at.y >= -1 && at.y < gtk_adjustment_get_page_size (adjustment);
}

static gboolean
summary_bar_hidden (gpointer data)
{
  return !gtk_widget_get_visible (find_named (GTK_WIDGET (data), "summary-bar"));
}

static gboolean
summary_bar_shown (gpointer data)
{
  return !summary_bar_hidden (data);
}

static void
test_narrow (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *form = mbc_window_get_form (window);
  GtkWidget *results = mbc_window_get_result_view (window);
  GtkWidget *bar = find_named (GTK_WIDGET (window), "summary-bar");
  GtkWidget *scroller = outer_scroller (form);
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t r;

  /* Stacked, form first, and nothing wider than the window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  g_assert_true (mbc_test_wait_until (is_stacked, window, 5000));
  g_assert_true (gtk_widget_compute_bounds (results, GTK_WIDGET (window), &r));
  g_assert_cmpfloat (r.size.width, <=, 360);

  /* Stacked, the dated heading stays in view above the form, with the note under it; it
   * goes to the result. Side by side, it is not needed. */
  g_assert_nonnull (bar);
  g_assert_true (mbc_test_wait_until (summary_bar_shown, window, 5000));
  g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (window), &r));
  g_assert_cmpfloat (r.origin.y + r.size.height, <=, 700);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_false (result_in_view (window));
  g_signal_emit_by_name (bar, "clicked");
  g_assert_true (mbc_test_wait_until (result_in_view, window, 5000));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  g_assert_true (mbc_test_wait_until (summary_bar_hidden, window, 5000));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The bundled pack's words, and what the C code must never say of its own. */
static const char * const pack_words[][2] = {
  { "2017", "2030" }, { "Oncologists", "Surgeons" }, { "oncologists", "surgeons" },
  { "Take-home message", "Key point" }, { "take-home message", "key point" },
  { "Update in Oncology", "Other Guideline" }, { "panel", "board" },
  { "Surgery can be recommended", "Operation advised" },
  { "surgery can be recommended", "operation advised" },
  { "Individual decision", "Case by case" }, { "Surgery not recommended", "No operation" },
  { "surgery not recommended", "no operation" },
  { "More information needed", "Details missing" },
};

/* Every string of the pack, with the bundled pack's words replaced. */
static void
reword (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));
      for (GList *v = values; v; v = v->next)
        reword (v->data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        reword (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autoptr(GString) text = g_string_new (json_node_get_string (node));
      for (guint i = 0; i < G_N_ELEMENTS (pack_words); i++)
        g_string_replace (text, pack_words[i][0], pack_words[i][1], 0);
      json_node_set_string (node, text->str);
    }
}

/* Everything the widgets under @widget say in labels. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static void
assert_no_pack_words (const char *where,
                      const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (pack_words); i++)
    if (strstr (text, pack_words[i][0]))
      g_error ("%s says \"%s\", a word of the bundled pack:\n%s", where, pack_words[i][0],
               text);
}

/* Another pack, with other words and another threshold: the window and the report show
 * that pack's words and apply its threshold, and none of the bundled pack's words. */
static void
test_second_pack (void)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "guidelines",
                                            "uio2017-mbc-primary-surgery.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbcGuideline) other = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("mbc-second-pack-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  MbcWindow *window;
  JsonObject *young;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  root = mbc_json_parse (text, length, 512, &error);
  g_assert_no_error (error);
  reword (root);
  young = json_object_get_object_member (json_object_get_object_member (
    json_node_get_object (root), "params"), "young_age_below_years");
  json_object_set_int_member (young, "value", 60);
  written = mbc_json_to_string (root, 0);
  bytes = g_bytes_new (written, strlen (written));
  other = mbc_guideline_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  window = new_window_for (other);
  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "57");
  check_site (window, "bone");
  choose (window, MBC_CASE_FIELD_METASTATIC_RESPONSE, "Complete response");
  /* The threshold is the pack's: 57 is young under this one. */
  g_assert_cmpstr (finding_word (window, "young_age"), ==, "Met");
  g_assert_cmpstr (mbc_result_get_tier_title (result (window)), ==, "Operation advised");
  g_assert_true (g_str_has_prefix (heading (window), "2030 consensus: operation advised"));
  collect_text (GTK_WIDGET (window), shown);
  assert_no_pack_words ("the window", shown->str);

  g_assert_true (mbc_window_export_report (window, file));
  {
    g_autofree char *report = mbc_test_pdf_text (pdf);
    assert_no_pack_words ("the report", report);
    g_assert_nonnull (strstr (report, "How the Polled Surgeons Voted (2030)"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Without a guideline there is no recommendation at all: an error page says why. */
static void
test_no_guideline (void)
{
  MbcWindow *window = mbc_window_new (NULL, settings, NULL, "the pack has 3 problems");
  GtkWidget *results = mbc_window_get_result_view (window);

  GtkWidget *page = find_named (GTK_WIDGET (window), "error-page");

  gtk_window_present (GTK_WINDOW (window));
  mbc_test_settle ();
  g_assert_false (gtk_widget_get_mapped (results));
  g_assert_null (mbc_result_view_get_result (MBC_RESULT_VIEW (results)));
  /* The error page is what is shown, and it says what is wrong. */
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==,
                   "The Guideline Could Not Be Loaded");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==,
                   "the pack has 3 problems");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The vote button of option @option of the question shown (as the mouse finds it). */
static GtkWidget *
vote_button (GtkWidget *widget,
             guint     *option)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "presenter-option") &&
      gtk_widget_get_mapped (widget) && (*option)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vote_button (child, option);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
yes_button (MbcPresenterWindow *presenter)
{
  guint option = 0;

  return vote_button (GTK_WIDGET (presenter), &option);
}

typedef struct
{
  MbcPollSession *session;
  guint           count;
} VoteCount;

static gboolean
has_votes (gpointer data)
{
  VoteCount *want = data;

  return mbc_poll_session_get_count (want->session, 0, 0) >= want->count;
}

/* Clicked once more while the click before is being handled. */
static void
click_again_cb (GtkButton *button,
                guint     *again)
{
  if (*again == 0)
    return;
  (*again)--;
  g_signal_emit_by_name (button, "clicked");
}

/* Five clicks on Yes give five votes: one in flight (a click lands ~250 ms after the press)
 * while others are counted, one while the click before it is still being handled. The
 * buttons are the same widgets throughout, their counts changed in place. */
static void
test_teaching_rapid_clicks (void)
{
  MbcWindow *window = new_window ();
  MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, FALSE));
  MbcPollSession *session;
  GtkWidget *yes;
  guint again = 1;
  VoteCount want;

  mbc_presenter_window_choose_case (presenter, 0);
  keys (presenter, (guint[]) { GDK_KEY_Right, 0 });
  session = mbc_presenter_window_get_session (presenter);
  yes = yes_button (presenter);
  g_assert_nonnull (yes);
  g_signal_connect_after (yes, "clicked", G_CALLBACK (click_again_cb), &again);
  gtk_widget_activate (yes_button (presenter));               /* in flight */
  g_signal_emit_by_name (yes_button (presenter), "clicked");  /* and one more in it */
  g_signal_emit_by_name (yes_button (presenter), "clicked");
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 0), ==, 3);
  want = (VoteCount) { session, 4 };
  g_assert_true (mbc_test_wait_until (has_votes, &want, 3000));
  gtk_widget_activate (yes_button (presenter));
  want.count = 5;
  g_assert_true (mbc_test_wait_until (has_votes, &want, 3000));
  mbc_test_settle ();
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 0), ==, 5);
  g_assert_cmpuint (mbc_poll_session_get_total (session, 0), ==, 5);
  g_assert_true (yes_button (presenter) == yes);
  g_assert_true (g_str_has_suffix (gtk_button_get_label (GTK_BUTTON (yes)), "5"));
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Esc leaves full screen first, and only then teaching mode. Starting another case ends the
 * session the room has voted in: it asks first, and the session can be resumed. */
static void
test_teaching_end_and_resume (void)
{
  MbcWindow *window = new_window ();
  MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, TRUE));
  g_autoptr(GtkWidget) alive = g_object_ref (GTK_WIDGET (presenter));
  MbcPollSession *session;

  /* Full screen (the state GTK was given: without a window manager, here, it stays so),
   * Esc asks to leave full screen, and neither closes the window nor asks to. */
  mbc_test_settle ();
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presenter)));
  keys (presenter, (guint[]) { GDK_KEY_Escape, 0 });
  g_assert_true (gtk_widget_get_visible (alive));
  mbc_presenter_window_choose_case (presenter, 0);
  keys (presenter, (guint[]) { GDK_KEY_Right, GDK_KEY_y, GDK_KEY_Escape, 0 });
  g_assert_null (dialog_of (GTK_WINDOW (presenter)));
  g_assert_true (gtk_widget_get_visible (alive));
  gtk_window_destroy (GTK_WINDOW (presenter));
  g_clear_object (&alive);
  presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, FALSE));
  alive = g_object_ref (GTK_WIDGET (presenter));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (presenter)));

  /* Two questions voted on, then back to the list and another case: it asks; kept. */
  mbc_presenter_window_choose_case (presenter, 0);
  keys (presenter, (guint[]) { GDK_KEY_Right, GDK_KEY_y, GDK_KEY_n, GDK_KEY_y, GDK_KEY_Right,
                               GDK_KEY_n, GDK_KEY_Left, GDK_KEY_Left, GDK_KEY_Left, 0 });
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "choose");
  g_assert_nonnull (find_named (GTK_WIDGET (presenter), "resume"));
  mbc_presenter_window_choose_case (presenter, 1);
  respond_to (GTK_WINDOW (presenter), "cancel");
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "choose");
  g_assert_cmpuint (mbc_poll_session_get_n_votes (mbc_presenter_window_get_session (presenter)),
                    ==, 4);
  mbc_presenter_window_choose_case (presenter, 1);
  respond_to (GTK_WINDOW (presenter), "end");
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "vignette");
  session = mbc_presenter_window_get_session (presenter);
  g_assert_cmpuint (mbc_poll_session_get_n_votes (session), ==, 0);
  g_assert_cmpstr (mbc_poll_session_get_case_title (session), !=,
                   "The case the experts discussed");
  /* Without votes, leaving the new case's vignette for the list offers the one ended. */
  keys (presenter, (guint[]) { GDK_KEY_Left, 0 });
  g_assert_nonnull (find_named (GTK_WIDGET (presenter), "resume"));
  g_assert_true (mbc_presenter_window_resume (presenter));
  session = mbc_presenter_window_get_session (presenter);
  g_assert_cmpstr (mbc_poll_session_get_case_title (session), ==,
                   "The case the experts discussed");
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 0), ==, 2);
  g_assert_cmpuint (mbc_poll_session_get_count (session, 1, 1), ==, 1);
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "question");

  /* Esc out of full screen, with votes: asks; kept teaching, it stays. */
  keys (presenter, (guint[]) { GDK_KEY_Escape, 0 });
  respond_to (GTK_WINDOW (presenter), "cancel");
  g_assert_true (gtk_widget_get_visible (alive));
  g_assert_cmpuint (mbc_poll_session_get_n_votes (mbc_presenter_window_get_session (presenter)),
                    ==, 4);
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The revealed question's scroller, its adjustment and how many of its labels hold @a and @b. */
static GtkAdjustment *
reveal_scroll (MbcPresenterWindow *presenter,
               const char         *a,
               const char         *b,
               guint              *n_a,
               guint              *n_b)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (find_named (GTK_WIDGET (presenter),
                                                             "question-page"),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *revealed = gtk_widget_get_parent (find_named (GTK_WIDGET (presenter),
                                                           "MbcComparisonChart"));

  *n_a = *n_b = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (revealed); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
      {
        const char *text = gtk_label_get_text (GTK_LABEL (child));

        *n_a += strstr (text, a) != NULL;
        *n_b += strstr (text, b) != NULL;
      }
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* At 1280×720 a reveal fits the first screen (the chart, the consensus and the dated note of
 * the evidence since, each once) and the hint then names no scrolling; or, where the
 * application's interpretation stands under the consensus (Table 1), it may scroll, and the
 * hint then says how. */
static void
test_teaching_reveal_fits (void)
{
  MbcWindow *window = new_window ();
  MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, FALSE));
  GtkAdjustment *scroll;
  const char *hint;
  guint n_evidence = 0;
  guint n_text = 0;

  gtk_window_set_default_size (GTK_WINDOW (presenter), 1280, 720);
  mbc_presenter_window_choose_case (presenter, 0);
  keys (presenter, (guint[]) { GDK_KEY_Right, GDK_KEY_y, GDK_KEY_r, 0 });
  mbc_test_wait_frames (GTK_WIDGET (presenter), 3);
  scroll = reveal_scroll (presenter, "Since 2017 (as of 2023, reviewed December 2026)",
                          "Interpretation (the application's): Good performance status",
                          &n_evidence, &n_text);
  g_assert_cmpuint (n_evidence, ==, 1);
  g_assert_cmpuint (n_text, ==, 1);
  hint = gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (presenter), "hint")));
  if (gtk_adjustment_get_upper (scroll) > gtk_adjustment_get_page_size (scroll) + 1)
    g_assert_nonnull (strstr (hint, "PgUp"));
  else
    g_assert_null (strstr (hint, "PgUp"));

  /* Table 2, with no interpretation of the application's: none is shown. */
  keys (presenter, (guint[]) { GDK_KEY_Right, GDK_KEY_y, GDK_KEY_r, 0 });
  mbc_test_wait_frames (GTK_WIDGET (presenter), 3);
  scroll = reveal_scroll (presenter, "viable residual cells", "Interpretation (the application's)",
                          &n_text, &n_evidence);
  g_assert_cmpuint (n_text, ==, 1);
  g_assert_cmpuint (n_evidence, ==, 0);
  hint = gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (presenter), "hint")));
  if (gtk_adjustment_get_upper (scroll) > gtk_adjustment_get_page_size (scroll) + 1)
    g_assert_nonnull (strstr (hint, "PgUp"));
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 1280×720 every question's reveal fits or scrolls (the hint then names the keys), and
 * the hints stay on one line inside the window. */
static void
test_teaching_every_question_fits (void)
{
  MbcWindow *window = new_window ();
  MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, FALSE));
  guint n;

  gtk_window_set_default_size (GTK_WINDOW (presenter), 1280, 720);
  mbc_presenter_window_choose_case (presenter, 0);
  keys (presenter, (guint[]) { GDK_KEY_Right, 0 });
  n = mbc_poll_session_get_n_questions (mbc_presenter_window_get_session (presenter));
  for (guint q = 0; q < n; q++)
    {
      GtkWidget *hint = find_named (GTK_WIDGET (presenter), "hint");
      GtkWidget *scroller = gtk_widget_get_ancestor (find_named (GTK_WIDGET (presenter),
                                                                 "question-page"),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t bounds;

      keys (presenter, (guint[]) { GDK_KEY_y, GDK_KEY_r, 0 });
      mbc_test_wait_frames (GTK_WIDGET (presenter), 3);
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (hint))), ==,
                       1);
      g_assert_true (gtk_widget_compute_bounds (hint, GTK_WIDGET (presenter), &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                         gtk_widget_get_height (GTK_WIDGET (presenter)));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (presenter)));
      if (gtk_adjustment_get_upper (scroll) > gtk_adjustment_get_page_size (scroll) + 1)
        g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "PgUp"));
      keys (presenter, (guint[]) { GDK_KEY_Right, 0 });
    }
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Page Up and Page Down scroll the reveal when it is longer than the screen (here a low
 * window), never to another question; the hint then names them. */
static void
test_teaching_page_keys (void)
{
  MbcWindow *window = new_window ();
  MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (mbc_window_show_teaching (window, FALSE));
  MbcPollSession *session;
  GtkAdjustment *scroll;
  GtkWidget *scroller;
  double bottom;

  gtk_window_set_default_size (GTK_WINDOW (presenter), 1280, 480);
  mbc_presenter_window_choose_case (presenter, 0);
  keys (presenter, (guint[]) { GDK_KEY_Right, GDK_KEY_y, GDK_KEY_r, 0 });
  mbc_test_wait_frames (GTK_WIDGET (presenter), 3);
  session = mbc_presenter_window_get_session (presenter);
  scroller = gtk_widget_get_ancestor (find_named (GTK_WIDGET (presenter), "question-page"),
                                      GTK_TYPE_SCROLLED_WINDOW);
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  bottom = gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll);
  g_assert_cmpfloat (bottom, >, 0);     /* the evidence line is below */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (presenter),
                                                                       "hint"))), "PgUp"));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  keys (presenter, (guint[]) { GDK_KEY_Page_Down, 0 });
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  keys (presenter, (guint[]) { GDK_KEY_Page_Down, GDK_KEY_Page_Down, GDK_KEY_Page_Down, 0 });
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, bottom);
  g_assert_cmpuint (mbc_poll_session_get_current (session), ==, 0);
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "question");
  keys (presenter, (guint[]) { GDK_KEY_Page_Up, GDK_KEY_Page_Up, GDK_KEY_Page_Up,
                               GDK_KEY_Page_Up, GDK_KEY_Page_Up, 0 });
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  g_assert_cmpuint (mbc_poll_session_get_current (session), ==, 0);
  g_assert_cmpstr (mbc_presenter_window_get_page (presenter), ==, "question");
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- The results pane ---------------------------------------------------------------------- */

static GtkWidget *
results_view (MbcWindow *window)
{
  return mbc_window_get_result_view (window);
}

/* The row of a section's list whose title is @title, or NULL. */
static GtkWidget *
section_row (GtkWidget  *section,
             const char *title)
{
  GtkWidget *list = mbc_section_get_list (MBC_SECTION (section));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (MBC_IS_TEXT_ROW (row) && g_strcmp0 (mbc_text_row_get_title (MBC_TEXT_ROW (row)),
                                            title) == 0)
      return row;
  return NULL;
}

/* The section whose title is @title, among the view's. */
static GtkWidget *
section_titled (GtkWidget  *widget,
                const char *title)
{
  if (MBC_IS_SECTION (widget) && g_strcmp0 (mbc_section_get_title (MBC_SECTION (widget)),
                                            title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = section_titled (child, title);
      if (found)
        return found;
    }
  return NULL;
}

/* The button that shows and hides a collapsible section, or NULL. */
static GtkWidget *
toggle_of (GtkWidget *section)
{
  for (GtkWidget *child = gtk_widget_get_first_child (section); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

/* Short by default, complete on demand: under the heading, its conditions, the deciding
 * rule's interpretation and the dated evidence note (a labelled block of its own); what to
 * confirm and what would change it; the findings as a checklist of one line each (their
 * quotation, interpretation and references open from the row); the plan, the polls and the
 * evidence since 2017 one click away. */
static void
test_short_by_default (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "cases", "worked-example.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MbcWindow *window = mbc_test_window_new (guideline, settings, file, 1280, 720);
  GtkWidget *view = results_view (window);
  MbcResult *r = result (window);
  const MbcEvidence *evidence = mbc_guideline_get_evidence (guideline);
  const MbcPolls *polls = mbc_guideline_get_polls (guideline);
  GtkWidget *note = find_named (view, "evidence-note");
  GtkWidget *title = find_named (view, "evidence-title");
  GPtrArray *findings = mbc_guideline_get_findings (guideline);
  GtkWidget *sections[3];
  g_autofree char *dated = mbc_evidence_dated_title (evidence);

  /* The evidence note: a block of its own, marked, labelled by the pack's title. */
  g_assert_true (gtk_widget_get_mapped (note));
  g_assert_true (gtk_widget_has_css_class (note, "evidence-note"));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (note)), ==,
                   GTK_ACCESSIBLE_ROLE_NOTE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, evidence->title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (view, "evidence-line"))), ==,
                   evidence->line);
  if (mbc_result_get_rule (r)->interpretation)
    g_assert_true (gtk_widget_get_mapped (find_named (view, "deciding-interpretation")));

  /* Findings: the status and one line; nothing of their references on the row. */
  for (guint i = 0; i < findings->len; i++)
    {
      const MbcFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = find_named (view, finding->id);
      const char *subtitle = mbc_text_row_get_subtitle (MBC_TEXT_ROW (row));

      g_assert_true (g_str_has_prefix (subtitle,
                                       finding->text[mbc_result_get_finding_status (r, i)]));
      g_assert_null (strstr (subtitle, "Sources:"));
      g_assert_null (strchr (subtitle, '\n'));
      if (finding->interpretation)
        g_assert_null (strstr (subtitle, finding->interpretation));
    }

  /* A "not met" that alone decides nothing (the pack's not_met_indicator "info": here ER
   * status) is not drawn as a contraindication; one that weighs against surgery would be. */
  for (guint i = 0; i < findings->len; i++)
    {
      const MbcFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *word = g_object_get_data (G_OBJECT (find_named (view, finding->id)), "mbc-word");

      if (mbc_result_get_finding_status (r, i) != MBC_FINDING_NOT_MET)
        continue;
      g_assert_true (gtk_widget_has_css_class (word, g_strcmp0 (finding->not_met_indicator,
                                                                "info") == 0
                                                     ? "dim-label" : "error"));
    }
  g_assert_cmpint (mbc_result_get_finding_status (r, mbc_guideline_find_finding (guideline,
                                                                                 "er_positive")),
                   ==, MBC_FINDING_NOT_MET);

  /* The plan, the polls and the evidence: collapsed, their heading a button; one click
   * shows each. */
  sections[0] = find_named (view, "plan");
  sections[1] = section_titled (view, polls->title);
  sections[2] = section_titled (view, dated);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *toggle;

      g_assert_nonnull (sections[i]);
      g_assert_false (mbc_section_get_expanded (MBC_SECTION (sections[i])));
      toggle = toggle_of (sections[i]);
      g_assert_nonnull (toggle);
      g_signal_emit_by_name (toggle, "clicked");
      mbc_test_wait_frames (GTK_WIDGET (window), 2);
      g_assert_true (mbc_section_get_expanded (MBC_SECTION (sections[i])));
      g_signal_emit_by_name (toggle, "clicked");
    }
  /* The pane is a few screens, not a dozen: at most three at 720 px. */
  mbc_test_wait_frames (GTK_WIDGET (window), 2);
  g_test_message ("results: %d px", gtk_widget_get_height (view));
  g_assert_cmpint (gtk_widget_get_height (view), <=, 3 * 720);

  /* Details (not a link: it goes nowhere outside the window) opens the full note. */
  g_signal_emit_by_name (find_named (view, "evidence-details"), "clicked");
  mbc_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (mbc_section_get_expanded (MBC_SECTION (sections[2])));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  guint     emitted;
  guint     field;
  JsonNode *value;
} Applied;

static void
apply_change_cb (MbcResultView *view,
                 guint          field,
                 JsonNode      *value,
                 Applied       *applied)
{
  applied->emitted++;
  applied->field = field;
  g_clear_pointer (&applied->value, json_node_unref);
  applied->value = json_node_copy (value);
}

/* Activating a row of "What would change this" asks for that change: the field and the value
 * as the case file writes it, those the engine found. */
static void
test_results_apply_change (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *section, *row;
  Applied applied = { 0 };
  g_autoptr(MbcEvaluator) evaluator = mbc_evaluator_new (guideline);
  g_autoptr(MbcCase) evaluable = NULL;
  g_autoptr(MbcResult) again = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const MbcChange *fit = NULL;

  enter_favourable (window);
  choose (window, MBC_CASE_FIELD_FIT_FOR_SURGERY, "Unknown");
  evaluable = mbc_case_copy_evaluable (mbc_window_get_case (window));
  again = mbc_evaluator_evaluate (evaluator, evaluable, NULL);
  changes = mbc_evaluator_what_would_change (evaluator, evaluable, again);
  for (guint i = 0; i < changes->len; i++)
    if (((MbcChange *) changes->pdata[i])->field == MBC_CASE_FIELD_FIT_FOR_SURGERY)
      fit = changes->pdata[i];
  g_assert_nonnull (fit);

  g_signal_connect (results_view (window), "apply-change", G_CALLBACK (apply_change_cb),
                    &applied);
  section = find_named (results_view (window), "changes");
  row = section_row (section, "Fit for surgery: No");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (mbc_section_get_list (MBC_SECTION (section)), "row-activated", row);
  g_assert_cmpuint (applied.emitted, ==, 1);
  g_assert_cmpuint (applied.field, ==, MBC_CASE_FIELD_FIT_FOR_SURGERY);
  g_assert_true (json_node_equal (applied.value, fit->value));
  g_assert_cmpstr (json_node_get_string (applied.value), ==, "no");
  /* The window makes the change, with undo. */
  mbc_test_settle ();
  g_assert_true (mbc_case_is_known (mbc_window_get_case (window),
                                    MBC_CASE_FIELD_FIT_FOR_SURGERY));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  mbc_test_settle ();
  g_assert_false (mbc_case_is_known (mbc_window_get_case (window),
                                     MBC_CASE_FIELD_FIT_FOR_SURGERY));
  g_clear_pointer (&applied.value, json_node_unref);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An empty form says what to enter, calmly: no tier heading, no "would give" rows, the
 * inputs the guideline needs first to go to. */
static void
test_results_first_run (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *view = results_view (window);
  GtkWidget *missing = section_titled (view, "Answer These to Decide");
  GPtrArray *needed = mbc_result_get_missing (result (window));

  g_assert_cmpstr (heading (window), !=, mbc_result_get_heading (result (window)));
  g_assert_cmpstr (heading (window), ==, "Enter the Case");
  g_assert_false (gtk_widget_get_visible (find_named (view, "changes")));
  /* The evidence line is there as always. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (view, "evidence-line"))), !=, "");
  g_assert_true (gtk_widget_get_visible (missing));
  g_assert_cmpuint (needed->len, >, 0);
  for (guint i = 0; i < needed->len; i++)
    {
      int field = mbc_case_field_from_name (needed->pdata[i]);
      g_assert_nonnull (section_row (missing, mbc_case_field_get_title (field)));
    }
  /* Once something is entered, the heading is the guideline's again. */
  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "45");
  g_assert_cmpstr (heading (window), ==, mbc_result_get_heading (result (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The heading counts the inputs with problems apart from those not recorded, and a field with
 * a problem is shown with it, not as not recorded. */
static void
test_results_problems (void)
{
  MbcWindow *window = new_window ();
  MbcResultView *view = MBC_RESULT_VIEW (results_view (window));
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  GPtrArray *needed;
  GtkWidget *inputs, *missing, *row;
  int with_problem;
  g_autofree char *expected = NULL;

  needed = mbc_result_get_missing (result (window));
  g_assert_cmpuint (needed->len, >=, 2);
  with_problem = mbc_case_field_from_name (needed->pdata[1]);
  mbc_problems_add (problems, needed->pdata[1], "is wrong in a way only this test knows");
  mbc_problems_add (problems, "ecog", "is not a score");
  mbc_result_view_set_problems (view, problems);
  mbc_result_view_set_result (view, result (window), NULL);

  inputs = find_named (GTK_WIDGET (view), "inputs");
  g_assert_true (gtk_widget_get_visible (inputs));
  /* ECOG is not needed, but has a problem all the same. */
  expected = g_strdup_printf ("2 inputs have problems, %u needed input%s not recorded",
                              needed->len - 1, needed->len - 1 == 1 ? "" : "s");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (inputs)), ==, expected);
  g_clear_pointer (&expected, g_free);
  /* Entered wrongly is not "nothing entered". */
  g_assert_cmpstr (heading (window), ==, mbc_result_get_heading (result (window)));
  missing = section_titled (GTK_WIDGET (view), "Answer These to Decide");
  row = section_row (missing, mbc_case_field_get_title (with_problem));
  expected = g_strdup_printf ("Has a problem: %s", "is wrong in a way only this test knows");
  g_assert_cmpstr (mbc_text_row_get_subtitle (MBC_TEXT_ROW (row)), ==, expected);
  row = section_row (missing, mbc_case_field_get_title (mbc_case_field_from_name
                                                        (needed->pdata[0])));
  g_assert_cmpstr (mbc_text_row_get_subtitle (MBC_TEXT_ROW (row)), ==, "Not recorded");

  mbc_result_view_set_problems (view, NULL);
  mbc_result_view_set_result (view, result (window), NULL);
  g_assert_false (gtk_widget_get_visible (inputs));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_window_named (const char *name)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0 &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

typedef struct
{
  gboolean  done;
  char     *text;
} Clip;

static void
clipboard_read_cb (GObject      *clipboard,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  Clip *clip = user_data;

  clip->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), res, NULL);
  clip->done = TRUE;
}

static gboolean
clip_done (gpointer data)
{
  return ((Clip *) data)->done;
}

/* A finding's sources open in a window to read, select and copy, with its status as an icon
 * that is neither the close cross nor the question diamond, beside its word; and the
 * references the quotations cite resolved to their text. */
static void
test_results_sources (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *row = find_named (results_view (window), "single_site");
  GtkWidget *sources, *text_view, *copy;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const MbcSource *r1 = mbc_guideline_lookup_source (guideline, "R1");
  Clip clip = { 0 };

  enter_favourable (window);
  choose (window, MBC_CASE_FIELD_ER_STATUS, "Negative");
  for (const char **id = (const char *[]) { "single_site", "er_positive", "fit_for_surgery", NULL };
       *id; id++)
    {
      GtkWidget *finding = find_named (results_view (window), *id);
      GtkWidget *image = find_of_type (finding, GTK_TYPE_IMAGE);

      g_assert_nonnull (image);
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), !=, "window-close-symbolic");
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), !=,
                       "dialog-question-symbolic");
      g_assert_cmpstr (finding_word (window, *id), !=, "");
    }
  g_assert_cmpstr (finding_word (window, "er_positive"), ==, "Not met");

  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  mbc_test_settle ();
  sources = find_window_named ("sources-window");
  g_assert_nonnull (sources);
  g_assert_false (ADW_IS_MESSAGE_DIALOG (sources));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (sources)) == GTK_WINDOW (window));
  text_view = find_named (sources, "sources-text");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (text_view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Named sources with their ids, the quotation, and the references it cites. */
  g_assert_nonnull (strstr (text, "Take-home message 1 (TH1)"));
  g_assert_nonnull (strstr (text, mbc_guideline_lookup_source (guideline, "TH1")->text));
  g_assert_nonnull (strstr (text, "References cited"));
  g_assert_nonnull (strstr (text, r1->title));
  g_assert_nonnull (strstr (text, r1->text));

  copy = find_of_type (sources, GTK_TYPE_BUTTON);
  while (copy && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (copy)), "_Copy") != 0)
    copy = find_of_type (gtk_widget_get_next_sibling (copy), GTK_TYPE_BUTTON);
  g_assert_nonnull (copy);
  g_signal_emit_by_name (copy, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (text_view), NULL, clipboard_read_cb,
                                 &clip);
  g_assert_true (mbc_test_wait_until (clip_done, &clip, 5000));
  g_assert_cmpstr (clip.text, ==, text);
  g_free (clip.text);
  gtk_window_destroy (GTK_WINDOW (sources));
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/window/starts-unknown", test_starts_unknown);
  g_test_add_func ("/window/every-rule", test_every_rule);
  g_test_add_func ("/window/inconsistent-input", test_inconsistent_input);
  g_test_add_func ("/window/open-file", test_open_file);
  g_test_add_func ("/window/under-heading", test_under_heading);
  g_test_add_func ("/window/marked-polls", test_marked_polls);
  g_test_add_func ("/window/proposed-name", test_proposed_name);
  g_test_add_func ("/window/save-refused-first", test_save_refused_first);
  g_test_add_func ("/window/open-special", test_open_special);
  g_test_add_func ("/window/what-would-change", test_what_would_change);
  g_test_add_func ("/window/accessible-names", test_accessible_names);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/teaching-shortcuts-listed", test_teaching_shortcuts_listed);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/save-and-open", test_save_and_open);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/library", test_library);
  g_test_add_func ("/window/library-teaching", test_library_teaching);
  g_test_add_func ("/window/export-report", test_export_report);
  g_test_add_func ("/window/export-fhir", test_export_fhir);
  g_test_add_func ("/window/short-by-default", test_short_by_default);
  g_test_add_func ("/window/teaching-session", test_teaching_session);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/second-pack", test_second_pack);
  g_test_add_func ("/window/no-guideline", test_no_guideline);
  g_test_add_func ("/window/teaching-rapid-clicks", test_teaching_rapid_clicks);
  g_test_add_func ("/window/teaching-end-and-resume", test_teaching_end_and_resume);
  g_test_add_func ("/window/teaching-reveal-fits", test_teaching_reveal_fits);
  g_test_add_func ("/window/teaching-every-question-fits", test_teaching_every_question_fits);
  g_test_add_func ("/window/teaching-page-keys", test_teaching_page_keys);
  g_test_add_func ("/window/report-as-entered", test_report_as_entered);
  g_test_add_func ("/results/apply-change", test_results_apply_change);
  g_test_add_func ("/results/first-run", test_results_first_run);
  g_test_add_func ("/results/problems", test_results_problems);
  g_test_add_func ("/results/sources", test_results_sources);
  status = g_test_run ();
  g_clear_object (&guideline);
  g_clear_object (&settings);
  return status;
}
