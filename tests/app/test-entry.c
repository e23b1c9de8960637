/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What is entered is what is kept: the window opens what it saves, keeps a value as typed
 * (with its problem at the field), refuses only what can never be valid, clears a hidden
 * field with undo, restores a draft exactly, and takes one tab stop per field.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mbc-case-form.h"
#include "mbc-choice-button.h"
#include "mbc-document.h"
#include "mbc-guideline.h"
#include "mbc-library-dialog.h"
#include "mbc-result-view.h"
#include "mbc-test.h"
#include "mbc-test-window.h"
#include "mbc-text-row.h"
#include "mbc-window.h"

static MbcGuideline *guideline;
static GSettings *settings;

static MbcWindow *
new_window (void)
{
  return mbc_test_window_new (guideline, settings, NULL, 1200, 800);
}

static MbcCaseForm *
form_of (MbcWindow *window)
{
  return MBC_CASE_FORM (mbc_window_get_form (window));
}

static GtkWidget *
control (MbcWindow    *window,
         MbcCaseField  field)
{
  return mbc_case_form_get_control (form_of (window), field);
}

static GtkWidget *
row_of (MbcWindow    *window,
        MbcCaseField  field)
{
  return gtk_widget_get_ancestor (control (window, field), MBC_TYPE_TEXT_ROW);
}

static void
set_site (MbcWindow  *window,
          const char *site,
          gboolean    on)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mbc_case_form_get_site_check (form_of (window),
                                                                              site)), on);
  mbc_test_settle ();
}

static int
int_of (MbcWindow  *window,
        const char *property)
{
  int value;
  g_object_get (mbc_window_get_case (window), property, &value, NULL);
  return value;
}

/* The problem the row shows, or NULL. */
static const char *
problem_at (MbcWindow    *window,
            MbcCaseField  field)
{
  GtkWidget *row = row_of (window, field);
  return gtk_widget_has_css_class (row, "error") ? mbc_text_row_get_subtitle (MBC_TEXT_ROW (row))
                                                 : NULL;
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A file with counts that cannot all be true (as the window may save them) opens with its
 * values and each problem at its field; saved again, it opens again. A file with a value
 * past its range is still refused, naming it. */
static void
test_open_inconsistent (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-entry-XXXXXX", NULL);
  g_autofree char *path = write_temp (dir, "inconsistent.json",
    "{\"schema\": \"mbc-advisor/case/1\", \"metastatic_sites\": [\"bone\", \"pleura\", "
    "\"liver\"], \"metastatic_lesion_count\": 2, \"liver_lesion_count\": 0, "
    "\"lung_lesion_count\": 3}");
  g_autofree char *bad = write_temp (dir, "range.json",
    "{\"schema\": \"mbc-advisor/case/1\", \"age_years\": 150}");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  MbcWindow *window = new_window ();
  MbcWindow *again;
  AdwMessageDialog *dialog;

  mbc_window_open_file (window, file);
  mbc_test_settle ();
  g_assert_null (mbc_test_find_message_dialog (NULL));
  g_assert_true (g_file_equal (mbc_document_get_file (mbc_window_get_document (window)), file));
  g_assert_cmpint (int_of (window, "metastatic-lesion-count"), ==, 2);
  g_assert_cmpint (int_of (window, "liver-lesion-count"), ==, 0);
  g_assert_cmpint (int_of (window, "lung-lesion-count"), ==, 3);
  g_assert_nonnull (problem_at (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT));
  g_assert_nonnull (problem_at (window, MBC_CASE_FIELD_LIVER_LESION_COUNT));
  /* Lung is not a site but has a count: it is shown, with its problem, not hidden. */
  g_assert_true (gtk_widget_get_visible (row_of (window, MBC_CASE_FIELD_LUNG_LESION_COUNT)));
  g_assert_nonnull (problem_at (window, MBC_CASE_FIELD_LUNG_LESION_COUNT));

  g_assert_true (mbc_window_save_to (window, file));
  again = new_window ();
  mbc_window_open_file (again, file);
  mbc_test_settle ();
  g_assert_null (mbc_test_find_message_dialog (NULL));
  g_assert_cmpint (int_of (again, "liver-lesion-count"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (again));

  mbc_window_open_file (window, bad_file);
  mbc_test_settle ();
  dialog = mbc_test_find_message_dialog ("“range.json” Could Not Be Opened");
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (int_of (window, "lung-lesion-count"), ==, 3);   /* kept what it had */

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (bad);
  g_rmdir (dir);
}

/* A typed number is never changed: below or past its range it is kept as typed, its
 * problem at the field; Save refuses it, naming the field, and writes nothing. Letters are
 * refused where they are typed, and said there. */
static void
test_typed_numbers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-entry-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MbcWindow *window = new_window ();
  AdwMessageDialog *dialog;
  GtkWidget *age = control (window, MBC_CASE_FIELD_AGE_YEARS);

  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "15");
  g_assert_cmpint (int_of (window, "age-years"), ==, 15);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age)), ==, "15");
  g_assert_nonnull (problem_at (window, MBC_CASE_FIELD_AGE_YEARS));
  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "150");
  g_assert_cmpint (int_of (window, "age-years"), ==, 150);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age)), ==, "150");
  g_assert_nonnull (strstr (problem_at (window, MBC_CASE_FIELD_AGE_YEARS), "110"));

  g_assert_false (mbc_window_save_to (window, file));
  mbc_test_settle ();
  dialog = mbc_test_find_message_dialog ("The Case Could Not Be Saved");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Age"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (int_of (window, "age-years"), ==, 150);

  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "45");
  g_assert_null (problem_at (window, MBC_CASE_FIELD_AGE_YEARS));
  /* Letters never reach the field. */
  gtk_editable_set_text (GTK_EDITABLE (age), "abc");
  mbc_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age)), ==, "");
  g_assert_nonnull (problem_at (window, MBC_CASE_FIELD_AGE_YEARS));
  gtk_editable_set_text (GTK_EDITABLE (age), "4x7");
  gtk_spin_button_update (GTK_SPIN_BUTTON (age));
  mbc_test_settle ();
  g_assert_cmpint (int_of (window, "age-years"), ==, 47);

  g_assert_true (mbc_window_save_to (window, file));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
age_is_known (gpointer window)
{
  return mbc_case_is_known (mbc_window_get_case (window), MBC_CASE_FIELD_AGE_YEARS);
}

/* A number is taken as typed, after a short pause, without leaving the field: the result
 * follows what is on screen, and the field keeps the focus and the text. */
static void
test_numbers_as_typed (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *age = control (window, MBC_CASE_FIELD_AGE_YEARS);
  int position = 0;

  gtk_widget_grab_focus (age);
  gtk_editable_insert_text (GTK_EDITABLE (age), "4", -1, &position);
  gtk_editable_insert_text (GTK_EDITABLE (age), "6", -1, &position);
  mbc_test_settle ();
  /* Not at once, at every keystroke: after the pause. */
  g_assert_false (age_is_known (window));
  g_assert_true (mbc_test_wait_until (age_is_known, window, 3000));
  g_assert_cmpint (int_of (window, "age-years"), ==, 46);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age)), ==, "46");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (
                   GTK_EDITABLE (age)))));
  mbc_test_settle ();
  g_assert_true (mbc_result_get_input_known (
    mbc_result_view_get_result (MBC_RESULT_VIEW (mbc_window_get_result_view (window))),
    MBC_CASE_FIELD_AGE_YEARS));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Unknown" in a number field is at least 4.5:1 against the field, light and dark. */
static void
test_unknown_contrast (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT,
                                            ADW_COLOR_SCHEME_FORCE_DARK };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      MbcWindow *window = new_window ();
      GtkWidget *age = control (window, MBC_CASE_FIELD_AGE_YEARS);
      GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (age)));
      double contrast;

      adw_style_manager_set_color_scheme (style, schemes[i]);
      mbc_test_wait_frames (GTK_WIDGET (window), 3);
      g_assert_false (age_is_known (window));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (age)), ==, "");
      contrast = mbc_test_drawn_contrast (GTK_WINDOW (window), text);
      g_test_message ("\"Unknown\" in %s: %.2f:1", i ? "dark" : "light", contrast);
      g_assert_cmpfloat (contrast, >=, 4.5);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The label takes only what a case file may hold: no line break, at most 200 characters. */
static void
test_label_refuses (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *label = control (window, MBC_CASE_FIELD_LABEL);
  g_autofree char *value = NULL;
  g_autofree char *long_text = g_strnfill (250, 'x');

  gtk_editable_set_text (GTK_EDITABLE (label), "TB-12\nsecond line");
  mbc_test_settle ();
  g_object_get (mbc_window_get_case (window), "label", &value, NULL);
  g_assert_cmpstr (value, ==, "TB-12second line");
  g_assert_nonnull (problem_at (window, MBC_CASE_FIELD_LABEL));
  g_clear_pointer (&value, g_free);
  gtk_editable_set_text (GTK_EDITABLE (label), long_text);
  mbc_test_settle ();
  g_object_get (mbc_window_get_case (window), "label", &value, NULL);
  g_assert_cmpint (g_utf8_strlen (value, -1), ==, MBC_CASE_LABEL_MAX_CHARS);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Unchecking an organ hides its count, which is cleared; Undo puts both back. */
static void
test_hidden_cleared (void)
{
  MbcWindow *window = new_window ();

  set_site (window, "bone", TRUE);
  set_site (window, "liver", TRUE);
  mbc_test_type_number (window, MBC_CASE_FIELD_LIVER_LESION_COUNT, "2");
  g_assert_cmpint (int_of (window, "liver-lesion-count"), ==, 2);
  set_site (window, "liver", FALSE);
  g_assert_cmpint (int_of (window, "liver-lesion-count"), ==, -1);
  g_assert_false (gtk_widget_get_visible (row_of (window, MBC_CASE_FIELD_LIVER_LESION_COUNT)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  mbc_test_settle ();
  g_assert_cmpint (int_of (window, "liver-lesion-count"), ==, 2);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
                   mbc_case_form_get_site_check (form_of (window), "liver"))));
  g_assert_true (gtk_widget_get_visible (row_of (window, MBC_CASE_FIELD_LIVER_LESION_COUNT)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A draft restores exactly what the form held: counts that do not fit and a value past its
 * range included. */
static void
test_draft_exact (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-entry-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "draft.json", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (path);
  g_autoptr(MbcDocument) document = mbc_document_new (draft);
  g_autoptr(MbcDocument) restored = mbc_document_new (draft);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *title = NULL;
  const char *sites[] = { "bone", "liver", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_object_set (mbc_document_get_case (document), "label", "TB-7", "age-years", 15,
                "metastatic-sites", sites, "metastatic-lesion-count", 1,
                "liver-lesion-count", 0, NULL);
  g_assert_true (mbc_document_write_draft (document, &error));
  g_assert_no_error (error);
  g_assert_true (mbc_document_describe_draft (restored, &title, &when, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "TB-7");
  g_assert_nonnull (when);
  g_assert_true (mbc_document_restore_draft (restored, &error));
  g_assert_no_error (error);
  before = mbc_case_to_data (mbc_document_get_case (document), NULL);
  after = mbc_case_to_data (mbc_document_get_case (restored), NULL);
  g_assert_cmpstr (after, ==, before);
  mbc_document_discard_draft (restored);
  g_rmdir (dir);
}

/* Clear Form and New Case: a cleared new case asks nothing on closing; New Case asks about
 * unsaved changes first. */
static void
test_clear_and_new (void)
{
  MbcWindow *window = new_window ();
  AdwMessageDialog *dialog;

  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "45");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL));
  mbc_test_settle ();
  dialog = mbc_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  mbc_test_settle ();
  g_assert_true (mbc_case_is_empty (mbc_window_get_case (window)));

  mbc_test_type_number (window, MBC_CASE_FIELD_AGE_YEARS, "45");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL));
  mbc_test_settle ();
  g_assert_true (mbc_case_is_empty (mbc_window_get_case (window)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  mbc_test_settle ();
  g_assert_null (mbc_test_find_message_dialog (NULL));
  g_assert_null (window);   /* closed without asking */
}

/* One tab stop per field shown: the sites are one stop, and the rows are none. */
static void
test_tab_stops (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *form = mbc_window_get_form (window);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint shown = 0;

  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      GtkWidget *c = control (window, f);
      shown += gtk_widget_is_visible (c) || f == MBC_CASE_FIELD_METASTATIC_SITES;
    }
  /* And the decision: its choice, date and note. */
  for (guint k = 0; k < 3; k++)
    shown += gtk_widget_is_visible (mbc_case_form_get_decision_control (form_of (window), k));
  gtk_widget_grab_focus (control (window, MBC_CASE_FIELD_LABEL));
  for (guint steps = 0; steps < 200; steps++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
      /* An editable's text takes the focus for it. */
      GtkWidget *owner = gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON);
      owner = owner ? owner : gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
      owner = owner ? owner : gtk_widget_get_ancestor (focus, MBC_TYPE_CHOICE_BUTTON);
      /* The sites are one stop, whichever site has it. */
      if (owner == NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_GRID) &&
          GTK_IS_CHECK_BUTTON (focus))
        owner = control (window, MBC_CASE_FIELD_METASTATIC_SITES);
      g_hash_table_add (seen, owner ? owner : focus);
      if (!gtk_widget_child_focus (form, GTK_DIR_TAB_FORWARD))
        break;
    }
  g_test_message ("%u tab stops for %u fields", g_hash_table_size (seen), shown);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    if (gtk_widget_is_visible (control (window, f)) &&
        !g_hash_table_contains (seen, control (window, f)))
      g_test_message ("not reached: %s", mbc_case_field_get_name (f));
  g_assert_cmpuint (g_hash_table_size (seen), ==, shown);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sites' arrow keys move between them; Tab comes back to the one last focused. */
static void
test_sites_keyboard (void)
{
  MbcWindow *window = new_window ();
  GtkWidget *first = mbc_case_form_get_site_check (form_of (window), "bone");
  GtkWidget *group = gtk_widget_get_parent (first);
  GtkWidget *second = mbc_case_form_get_site_check (form_of (window), "liver");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (group);
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        keys = GTK_EVENT_CONTROLLER (c);
    }
  g_assert_nonnull (keys);
  gtk_widget_grab_focus (first);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_false (gtk_widget_has_focus (first));
  g_assert_false (gtk_widget_get_can_focus (first));
  g_assert_true (gtk_widget_has_focus (second));
  g_assert_true (gtk_widget_get_can_focus (second));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (gtk_widget_has_focus (first));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In the library, Enter in the search opens the first case it shows. */
static void
test_library_enter (void)
{
  MbcWindow *window = new_window ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  MbcLibraryDialog *dialog = NULL;
  GtkWidget *search;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.library", NULL));
  mbc_test_settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (MBC_IS_LIBRARY_DIALOG (w))
        dialog = MBC_LIBRARY_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  search = GTK_WIDGET (gtk_window_get_focus (GTK_WINDOW (dialog)));
  search = search ? gtk_widget_get_ancestor (search, GTK_TYPE_SEARCH_ENTRY) : NULL;
  g_assert_nonnull (search);
  g_signal_emit_by_name (search, "activate");
  mbc_test_settle ();
  g_assert_null (dialog);
  g_assert_false (mbc_case_is_empty (mbc_window_get_case (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A change "What would change this" offers is made when activated, and can be undone. */
static void
test_apply_change_undo (void)
{
  MbcWindow *window = new_window ();
  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), "no");
  g_autofree char *fit = NULL;

  g_signal_emit_by_name (mbc_window_get_result_view (window), "apply-change",
                         (guint) MBC_CASE_FIELD_FIT_FOR_SURGERY, value);
  mbc_test_settle ();
  g_object_get (mbc_window_get_case (window), "fit-for-surgery", &fit, NULL);
  g_assert_cmpstr (fit, ==, "no");
  g_clear_pointer (&fit, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  mbc_test_settle ();
  g_object_get (mbc_window_get_case (window), "fit-for-surgery", &fit, NULL);
  g_assert_cmpstr (fit, ==, "unknown");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The clinician's decision: chosen, dated and noted in the form, saved in the case file and
 * opened again; a date in the future is a problem at its row, and is not saved. */
static void
test_decision (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-entry-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "decided.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MbcWindow *window = new_window ();
  MbcWindow *again;
  GtkWidget *choice = mbc_case_form_get_decision_control (form_of (window), 0);
  GtkWidget *date = mbc_case_form_get_decision_control (form_of (window), 1);
  GtkWidget *note = mbc_case_form_get_decision_control (form_of (window), 2);
  g_autofree char *text = NULL;

  g_assert_nonnull (choice);
  g_assert_true (gtk_widget_activate_action (choice, "choice.select", "u", 1));
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-11-30");
  gtk_editable_set_text (GTK_EDITABLE (note), "Tumour board:\nmastectomy planned.");
  mbc_test_settle ();
  g_assert_cmpstr (mbc_case_get_decision_choice (mbc_window_get_case (window)), ==, "surgery");
  g_assert_cmpstr (mbc_case_get_decision_note (mbc_window_get_case (window)), ==,
                   "Tumour board:mastectomy planned.");
  g_assert_true (mbc_window_save_to (window, file));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"decision\""));
  again = new_window ();
  mbc_window_open_file (again, file);
  mbc_test_settle ();
  g_assert_cmpstr (mbc_case_get_decision_date (mbc_window_get_case (again)), ==, "2026-11-30");
  g_assert_cmpuint (mbc_choice_button_get_selected (MBC_CHOICE_BUTTON (
                      mbc_case_form_get_decision_control (form_of (again), 0))), ==, 1);
  gtk_window_destroy (GTK_WINDOW (again));

  gtk_editable_set_text (GTK_EDITABLE (date), "2999-01-01");
  mbc_test_settle ();
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (date, MBC_TYPE_TEXT_ROW),
                                           "error"));
  g_assert_false (mbc_window_save_to (window, file));
  mbc_test_settle ();
  {
    AdwMessageDialog *dialog = mbc_test_find_message_dialog ("The Case Could Not Be Saved");
    g_assert_nonnull (dialog);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Every label text under @widget, one a line. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* Importing a FHIR export: each value set with where it came from, under its field, until it
 * is changed; a summary of what was not used; nothing of the patient's identity anywhere (the
 * title, the labels, the draft, the recent files). */
static void
test_import_fhir (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA, "fhir", "bone-only.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GString) shown = g_string_new (NULL);
  MbcWindow *window = new_window ();
  AdwMessageDialog *dialog;
  g_autofree char *er = NULL;
  g_autofree char *draft = NULL;
  static const char *const identity[] = { "Qqqprivacy", "MRN-987654321", "555-0199-7731",
                                          "1980-05-17", NULL };

  mbc_window_import_fhir (window, file);
  mbc_test_settle ();
  dialog = mbc_test_find_message_dialog ("Imported from FHIR");
  g_assert_nonnull (dialog);
  collect_labels (GTK_WIDGET (dialog), shown);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_get (mbc_window_get_case (window), "er-status", &er, NULL);
  g_assert_cmpstr (er, ==, "positive");
  g_assert_cmpstr (problem_at (window, MBC_CASE_FIELD_ER_STATUS), ==, NULL);
  g_assert_cmpstr (mbc_text_row_get_subtitle (MBC_TEXT_ROW (row_of (window,
                   MBC_CASE_FIELD_ER_STATUS))), ==, "From Observation 2, LOINC LA6576-8");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)),
                                   "Imported from FHIR"));
  g_assert_false (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  collect_labels (GTK_WIDGET (window), shown);
  g_string_append_printf (shown, "%s\n", gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_true (mbc_document_write_draft (mbc_window_get_document (window), NULL));
  {
    GFile *draft_file = mbc_document_get_draft (mbc_window_get_document (window));
    if (draft_file)
      g_assert_true (g_file_load_contents (draft_file, NULL, &draft, NULL, NULL, NULL));
  }
  if (draft)
    g_string_append (shown, draft);
  for (guint i = 0; identity[i]; i++)
    g_assert_null (strstr (shown->str, identity[i]));

  /* Changed, the value is no longer the export's: its note goes. */
  g_object_set (mbc_window_get_case (window), "er-status", "negative", NULL);
  mbc_test_settle ();
  g_assert_cmpstr (mbc_text_row_get_subtitle (MBC_TEXT_ROW (row_of (window,
                   MBC_CASE_FIELD_ER_STATUS))), ==, "");
  mbc_document_discard_draft (mbc_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The import's summary names fields and values for people ("Oestrogen receptor (ER):
 * Positive"), in what was set and in what was not used, never by the case file's names. */
static void
test_import_summary_titles (void)
{
  static const char *const exports[] = { "conflicting.json", "provenance.json", "visceral.json",
                                         NULL };

  for (guint e = 0; exports[e]; e++)
    {
      g_autofree char *path = g_build_filename (TEST_DATA, "fhir", exports[e], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GString) shown = g_string_new (NULL);
      MbcWindow *window = new_window ();
      AdwMessageDialog *dialog;

      mbc_window_import_fhir (window, file);
      mbc_test_settle ();
      dialog = mbc_test_find_message_dialog ("Imported from FHIR");
      g_assert_nonnull (dialog);
      collect_labels (GTK_WIDGET (dialog), shown);
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_nonnull (strstr (shown->str, ":"));
      for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
        {
          const char *name = mbc_case_field_get_name (f);
          const char * const *choices = mbc_case_field_get_choices (f);

          if (strchr (name, '_'))
            g_assert_null (strstr (shown->str, name));
          for (guint c = 0; choices && choices[c]; c++)
            if (strchr (choices[c], '_'))
              g_assert_null (strstr (shown->str, choices[c]));
        }
      mbc_document_discard_draft (mbc_window_get_document (window));
      gtk_window_destroy (GTK_WINDOW (window));
    }
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
  g_test_add_func ("/entry/open-inconsistent", test_open_inconsistent);
  g_test_add_func ("/entry/typed-numbers", test_typed_numbers);
  g_test_add_func ("/entry/numbers-as-typed", test_numbers_as_typed);
  g_test_add_func ("/entry/unknown-contrast", test_unknown_contrast);
  g_test_add_func ("/entry/label-refuses", test_label_refuses);
  g_test_add_func ("/entry/hidden-cleared", test_hidden_cleared);
  g_test_add_func ("/entry/draft-exact", test_draft_exact);
  g_test_add_func ("/entry/clear-and-new", test_clear_and_new);
  g_test_add_func ("/entry/tab-stops", test_tab_stops);
  g_test_add_func ("/entry/sites-keyboard", test_sites_keyboard);
  g_test_add_func ("/entry/library-enter", test_library_enter);
  g_test_add_func ("/entry/apply-change-undo", test_apply_change_undo);
  g_test_add_func ("/entry/decision", test_decision);
  g_test_add_func ("/entry/import-fhir", test_import_fhir);
  g_test_add_func ("/entry/import-summary-titles", test_import_summary_titles);
  status = g_test_run ();
  g_clear_object (&guideline);
  g_clear_object (&settings);
  return status;
}
