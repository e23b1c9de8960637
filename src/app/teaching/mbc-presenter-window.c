/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcPresenterWindow: teaching mode. A view of its own, full screen and in large type, for a
 * room and a projector. The presenter chooses a library case; the case is shown as a
 * vignette; then each question the guideline's polls asked, in turn, then the question
 * asked without a poll. The presenter counts the room's votes from the keyboard (Y and N,
 * or 1 to 9 for an option) or with the large buttons, can hide the counts until the reveal,
 * undo the last vote or start a question again. The reveal (R) shows the room beside the
 * polled oncologists, the expert consensus, its rationale in the consensus text and the evidence
 * since 2017. The summary shows every question, and exports the session as CSV or JSON.
 * Everything runs from the keyboard; Esc leaves.
 */
#define G_LOG_DOMAIN "mbc-presenter-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-comparison-chart.h"
#include "mbc-file.h"
#include "mbc-presenter-window.h"
#include "mbc-text-row.h"

struct _MbcPresenterWindow
{
  AdwWindow       parent_instance;

  MbcGuideline   *guideline;
  GPtrArray      *library;       /* MbcLibraryCase */
  MbcPollSession *session;
  const MbcLibraryCase *entry;
  gboolean        hide_counts;
  gboolean        large;
  guint           scale_source;

  GtkWidget      *stack;
  GtkWidget      *hint;
  GtkWidget      *case_list;
  GtkWidget      *vignette_title;
  GtkWidget      *vignette_text;
  GtkWidget      *question_scroller;
  GtkWidget      *progress;
  GtkWidget      *question;
  GtkWidget      *buttons;
  GtkWidget      *total;
  GtkWidget      *chart;
  GtkWidget      *revealed;
  GtkWidget      *consensus;
  GtkWidget      *rationale;
  GtkWidget      *evidence;
  GtkWidget      *summary;
  GtkWidget      *summary_scroller;
};

G_DEFINE_FINAL_TYPE (MbcPresenterWindow, mbc_presenter_window, ADW_TYPE_WINDOW)

static GtkWidget *
text (const char *css_class,
      const char *content)
{
  GtkWidget *label = gtk_label_new (content);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
page_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_margin_top (box, 36);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  return box;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1600);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static void
set_hint (MbcPresenterWindow *self)
{
  const char *page = mbc_presenter_window_get_page (self);
  const char *hint = "";

  if (g_strcmp0 (page, "choose") == 0)
    hint = "↑ ↓ choose a case   Enter start   Esc leave teaching mode";
  else if (g_strcmp0 (page, "vignette") == 0)
    hint = "→ or Space first question   ← other case   Esc leave";
  else if (g_strcmp0 (page, "question") == 0)
    hint = "Y / N or 1–9 vote   Backspace undo   Delete reset   H hide counts   R reveal   "
           "← → previous / next   Esc leave";
  else if (g_strcmp0 (page, "summary") == 0)
    hint = "C export CSV   J export JSON   ← last question   Esc leave";
  gtk_label_set_text (GTK_LABEL (self->hint), hint);
}

static void
show_page (MbcPresenterWindow *self,
           const char         *name)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
  set_hint (self);
}

static void
vote_clicked_cb (GtkButton          *button,
                 MbcPresenterWindow *self)
{
  mbc_poll_session_vote (self->session,
                         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mbc-option")));
}

/* The question shown, its vote buttons and counts, and what the reveal shows. */
static void
update_question (MbcPresenterWindow *self)
{
  guint index = mbc_poll_session_get_current (self->session);
  guint n = mbc_poll_session_get_n_questions (self->session);
  const MbcSource *source = mbc_poll_session_get_question (self->session, index);
  const char * const *options = mbc_poll_session_get_options (self->session, index);
  gboolean revealed = mbc_poll_session_get_revealed (self->session, index);
  gboolean counts_shown = revealed || !self->hide_counts;
  guint total = mbc_poll_session_get_total (self->session, index);
  g_autofree char *progress = g_strdup_printf (_("Question %u of %u · %s"), index + 1, n,
                                               source->title);
  g_autofree char *total_text = NULL;
  g_autofree guint *counts = g_new0 (guint, g_strv_length ((char **) options));
  GtkWidget *child;

  gtk_label_set_text (GTK_LABEL (self->progress), progress);
  gtk_label_set_text (GTK_LABEL (self->question), source->question ? source->question
                                                                   : source->title);
  while ((child = gtk_widget_get_first_child (self->buttons)))
    gtk_box_remove (GTK_BOX (self->buttons), child);
  for (guint i = 0; options[i]; i++)
    {
      g_autofree char *key = g_strcmp0 (options[i], "Yes") == 0 ? g_strdup ("Y")
                             : g_strcmp0 (options[i], "No") == 0 ? g_strdup ("N")
                             : g_strdup_printf ("%u", i + 1);
      g_autofree char *label = counts_shown
        ? g_strdup_printf ("%s   %s   %u", key, options[i],
                           mbc_poll_session_get_count (self->session, index, i))
        : g_strdup_printf ("%s   %s", key, options[i]);
      g_autofree char *name = g_strdup_printf (_("Vote %s"), options[i]);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_add_css_class (button, "presenter-option");
      gtk_widget_add_css_class (button, "opaque");   /* alike: no answer looks preferred */
      g_object_set_data (G_OBJECT (button), "mbc-option", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (vote_clicked_cb), self);
      gtk_widget_set_focusable (button, FALSE);   /* the keys vote, not the focus */
      gtk_box_append (GTK_BOX (self->buttons), button);
      counts[i] = mbc_poll_session_get_count (self->session, index, i);
    }
  total_text = counts_shown
    ? g_strdup_printf (_("%u vote%s"), total, total == 1 ? "" : "s")
    : g_strdup_printf (_("%u vote%s · counts hidden until the reveal"), total,
                       total == 1 ? "" : "s");
  gtk_label_set_text (GTK_LABEL (self->total), total_text);

  gtk_widget_set_visible (self->revealed, revealed);
  if (revealed)
    {
      const MbcEvidence *evidence = mbc_guideline_get_evidence (self->guideline);
      /* The consensus with its date, and directly under it the dated note of what came since. */
      g_autofree char *consensus =
        g_strdup_printf (g_strcmp0 (source->kind, "poll") == 0
                         ? _("Expert group consensus (%s): “%s”")
                         : _("Expert group opinion (%s): “%s”"),
                         mbc_guideline_get_date (self->guideline),
                         source->consensus ? source->consensus : "");
      g_autofree char *rationale = g_strdup_printf (_("From the consensus: “%s”"), source->text);
      g_autofree char *later = g_strdup_printf (_("%s\n%s (as of %s): %s"), evidence->line,
                                                evidence->title, evidence->as_of,
                                                evidence->summary);

      mbc_comparison_chart_set_data (MBC_COMPARISON_CHART (self->chart), options, counts, TRUE,
                                     source, mbc_guideline_get_polls (self->guideline)->series);
      gtk_label_set_text (GTK_LABEL (self->consensus), consensus);
      gtk_label_set_text (GTK_LABEL (self->rationale), rationale);
      gtk_label_set_text (GTK_LABEL (self->evidence), later);
    }
}

static void
update_summary (MbcPresenterWindow *self)
{
  GtkWidget *child;
  g_autofree char *heading = g_strdup_printf (_("Summary: %s"),
                                              mbc_poll_session_get_case_title (self->session));

  while ((child = gtk_widget_get_first_child (self->summary)))
    gtk_box_remove (GTK_BOX (self->summary), child);
  gtk_box_append (GTK_BOX (self->summary), text ("presenter-title", heading));
  {
    g_autofree char *intro = g_strdup_printf (_("The room beside the %s, question by question. "
                                              "C exports the session as CSV, J as JSON: the "
                                              "questions and counts, no names."),
                                              mbc_guideline_get_polls (self->guideline)->series);
    gtk_box_append (GTK_BOX (self->summary), text ("presenter-small", intro));
  }
  for (guint i = 0; i < mbc_poll_session_get_n_questions (self->session); i++)
    {
      const MbcSource *source = mbc_poll_session_get_question (self->session, i);
      const char * const *options = mbc_poll_session_get_options (self->session, i);
      g_autofree guint *counts = g_new0 (guint, g_strv_length ((char **) options));
      g_autofree char *title = g_strdup_printf ("%s — %s", source->title,
                                                source->question ? source->question : "");
      GtkWidget *chart = mbc_comparison_chart_new ();

      for (guint k = 0; options[k]; k++)
        counts[k] = mbc_poll_session_get_count (self->session, i, k);
      mbc_comparison_chart_set_data (MBC_COMPARISON_CHART (chart), options, counts, TRUE, source,
                                     mbc_guideline_get_polls (self->guideline)->series);
      gtk_box_append (GTK_BOX (self->summary), text ("presenter-subheading", title));
      gtk_box_append (GTK_BOX (self->summary), chart);
    }
}

static void
session_changed_cb (MbcPresenterWindow *self)
{
  update_question (self);
}

/**
 * mbc_presenter_window_choose_case:
 *
 * Starts a session on the @index-th library case: its vignette is shown.
 */
void
mbc_presenter_window_choose_case (MbcPresenterWindow *self,
                                  guint               index)
{
  g_autofree char *vignette = NULL;

  g_return_if_fail (MBC_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (index < self->library->len);

  self->entry = g_ptr_array_index (self->library, index);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, NULL);
  self->session = mbc_poll_session_new (self->guideline, self->entry->title);
  g_signal_connect_swapped (self->session, "changed", G_CALLBACK (session_changed_cb), self);
  vignette = mbc_case_to_vignette (self->entry->kase);
  gtk_label_set_text (GTK_LABEL (self->vignette_title), self->entry->title);
  gtk_label_set_text (GTK_LABEL (self->vignette_text), vignette);
  update_question (self);
  show_page (self, "vignette");
}

static void
case_activated_cb (GtkListBox         *list,
                   GtkListBoxRow      *row,
                   MbcPresenterWindow *self)
{
  mbc_presenter_window_choose_case (self, (guint) gtk_list_box_row_get_index (row));
}

/* --- Export --------------------------------------------------------------------------------- */

/**
 * mbc_presenter_window_export:
 * @csv: CSV, or else JSON
 *
 * Writes the session (atomically).
 */
gboolean
mbc_presenter_window_export (MbcPresenterWindow  *self,
                             GFile               *file,
                             gboolean             csv,
                             GError             **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (MBC_IS_PRESENTER_WINDOW (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  data = csv ? mbc_poll_session_to_csv (self->session) : mbc_poll_session_to_json (self->session);
  return mbc_file_write_atomic (file, data, strlen (data), error);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    MbcPresenterWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "mbc-csv"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file && !mbc_presenter_window_export (self, file, csv, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("The Session Could Not Be Exported"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (self);
}

static void
choose_export (MbcPresenterWindow *self,
               gboolean            csv)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (csv ? "Export Session as CSV" : "Export Session as JSON",
                                 GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                 _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     csv ? "teaching-session.csv" : "teaching-session.json");
  g_object_set_data (G_OBJECT (chooser), "mbc-csv", GINT_TO_POINTER (csv));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Keys ----------------------------------------------------------------------------------- */

/* Up and Down scroll a page that is longer than the screen. */
static gboolean
scroll_key (GtkWidget *scroller,
            guint      keyval)
{
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up)
    return FALSE;
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) +
                            (keyval == GDK_KEY_Down ? 1 : -1) *
                            gtk_adjustment_get_page_size (scroll) / 3);
  return TRUE;
}

static gboolean
question_key (MbcPresenterWindow *self,
              guint               keyval,
              GdkModifierType     state)
{
  guint index = mbc_poll_session_get_current (self->session);
  const char * const *options = mbc_poll_session_get_options (self->session, index);
  GtkAdjustment *scroll =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->question_scroller));

  switch (keyval)
    {
    case GDK_KEY_y:
    case GDK_KEY_Y:
    case GDK_KEY_n:
    case GDK_KEY_N:
      for (guint i = 0; options[i]; i++)
        if (g_ascii_tolower (options[i][0]) == (int) gdk_keyval_to_lower (keyval) &&
            (g_strcmp0 (options[i], "Yes") == 0 || g_strcmp0 (options[i], "No") == 0))
          return mbc_poll_session_vote (self->session, i);
      return FALSE;
    case GDK_KEY_1: case GDK_KEY_2: case GDK_KEY_3: case GDK_KEY_4: case GDK_KEY_5:
    case GDK_KEY_6: case GDK_KEY_7: case GDK_KEY_8: case GDK_KEY_9:
      return mbc_poll_session_vote (self->session, keyval - GDK_KEY_1);
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3: case GDK_KEY_KP_4:
    case GDK_KEY_KP_5: case GDK_KEY_KP_6: case GDK_KEY_KP_7: case GDK_KEY_KP_8:
    case GDK_KEY_KP_9:
      return mbc_poll_session_vote (self->session, keyval - GDK_KEY_KP_1);
    case GDK_KEY_BackSpace:
      mbc_poll_session_undo (self->session);
      return TRUE;
    case GDK_KEY_z:
      if (state & GDK_CONTROL_MASK)
        mbc_poll_session_undo (self->session);
      return (state & GDK_CONTROL_MASK) != 0;
    case GDK_KEY_Delete:
      mbc_poll_session_reset_question (self->session);
      return TRUE;
    case GDK_KEY_h:
    case GDK_KEY_H:
      self->hide_counts = !self->hide_counts;
      update_question (self);
      return TRUE;
    case GDK_KEY_r:
    case GDK_KEY_R:
      mbc_poll_session_reveal (self->session);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
      if (!mbc_poll_session_next (self->session))
        {
          update_summary (self);
          show_page (self, "summary");
        }
      gtk_adjustment_set_value (scroll, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      if (!mbc_poll_session_previous (self->session))
        show_page (self, "vignette");
      gtk_adjustment_set_value (scroll, 0);
      return TRUE;
    default:
      return scroll_key (self->question_scroller, keyval);
    }
}

/**
 * mbc_presenter_window_press_key:
 *
 * What a key does on the page shown (the window's key controller calls it).
 *
 * Returns: whether the key did something.
 */
gboolean
mbc_presenter_window_press_key (MbcPresenterWindow *self,
                                guint               keyval,
                                GdkModifierType     state)
{
  const char *page = mbc_presenter_window_get_page (self);

  g_return_val_if_fail (MBC_IS_PRESENTER_WINDOW (self), FALSE);

  if (keyval == GDK_KEY_Escape)
    {
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  if (g_strcmp0 (page, "vignette") == 0)
    {
      if (keyval == GDK_KEY_Right || keyval == GDK_KEY_space || keyval == GDK_KEY_Page_Down ||
          keyval == GDK_KEY_Return)
        {
          update_question (self);
          show_page (self, "question");
          return TRUE;
        }
      if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Page_Up)
        {
          show_page (self, "choose");
          gtk_widget_grab_focus (self->case_list);
          return TRUE;
        }
      return FALSE;
    }
  if (g_strcmp0 (page, "question") == 0)
    return question_key (self, keyval, state);
  if (g_strcmp0 (page, "summary") == 0)
    {
      if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Page_Up)
        {
          show_page (self, "question");
          return TRUE;
        }
      if (keyval == GDK_KEY_c || keyval == GDK_KEY_C || keyval == GDK_KEY_j ||
          keyval == GDK_KEY_J)
        {
          choose_export (self, keyval == GDK_KEY_c || keyval == GDK_KEY_C);
          return TRUE;
        }
      return scroll_key (self->summary_scroller, keyval);
    }
  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MbcPresenterWindow    *self)
{
  return mbc_presenter_window_press_key (self, keyval, state);
}

/* --- GObject -------------------------------------------------------------------------------- */

static void
mbc_presenter_window_dispose (GObject *object)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->scale_source, g_source_remove);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->guideline);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  G_OBJECT_CLASS (mbc_presenter_window_parent_class)->dispose (object);
}

static gboolean
update_scale_cb (gpointer user_data)
{
  MbcPresenterWindow *self = user_data;

  self->scale_source = 0;
  if (self->large)
    gtk_widget_add_css_class (GTK_WIDGET (self), "large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "large");
  return G_SOURCE_REMOVE;
}

/* On a screen 1000 pixels high or more (a 1080p projector) the type grows by half: the CSS
 * class is changed after the allocation, never during it. */
static void
mbc_presenter_window_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (widget);
  gboolean large = height >= 1000;

  GTK_WIDGET_CLASS (mbc_presenter_window_parent_class)->size_allocate (widget, width, height,
                                                                        baseline);
  if (large != self->large)
    {
      self->large = large;
      if (self->scale_source == 0)
        self->scale_source = g_idle_add (update_scale_cb, self);
    }
}

static void
mbc_presenter_window_class_init (MbcPresenterWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mbc_presenter_window_dispose;
  GTK_WIDGET_CLASS (klass)->size_allocate = mbc_presenter_window_size_allocate;
}

static void
mbc_presenter_window_init (MbcPresenterWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *choose = page_box ();
  GtkWidget *vignette = page_box ();
  GtkWidget *question = page_box ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Teaching Mode — MBC Surgery Advisor"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");

  /* Choose a case. */
  gtk_box_append (GTK_BOX (choose), text ("presenter-title", _("Teaching Mode")));
  gtk_box_append (GTK_BOX (choose),
                  text ("presenter-text", _("Choose the case to discuss. The room then answers "
                                          "the questions of the guideline's polls, one by one, "
                                          "and is compared with the polled group's answers.")));
  self->case_list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->case_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->case_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teaching cases"), -1);
  g_signal_connect (self->case_list, "row-activated", G_CALLBACK (case_activated_cb), self);
  gtk_box_append (GTK_BOX (choose), self->case_list);

  /* The vignette. */
  self->vignette_title = text ("presenter-title", "");
  self->vignette_text = text ("presenter-text", "");
  gtk_box_append (GTK_BOX (vignette), self->vignette_title);
  gtk_box_append (GTK_BOX (vignette), self->vignette_text);

  /* A question. */
  self->progress = text ("presenter-small", "");
  self->question = text ("presenter-question", "");
  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  self->total = text ("presenter-text", "");
  self->revealed = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  self->chart = mbc_comparison_chart_new ();
  self->consensus = text ("presenter-text", "");
  self->rationale = text ("presenter-small", "");
  self->evidence = text ("presenter-small", "");
  gtk_widget_add_css_class (self->consensus, "presenter-strong");
  gtk_box_append (GTK_BOX (self->revealed), self->chart);
  gtk_box_append (GTK_BOX (self->revealed), self->consensus);
  gtk_box_append (GTK_BOX (self->revealed), self->evidence);    /* directly under it */
  gtk_box_append (GTK_BOX (self->revealed), self->rationale);
  gtk_box_append (GTK_BOX (question), self->progress);
  gtk_box_append (GTK_BOX (question), self->question);
  gtk_box_append (GTK_BOX (question), self->buttons);
  gtk_box_append (GTK_BOX (question), self->total);
  gtk_box_append (GTK_BOX (question), self->revealed);

  self->summary = page_box ();

  self->stack = gtk_stack_new ();
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled (choose), "choose");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled (vignette), "vignette");
  self->question_scroller = scrolled (question);
  gtk_stack_add_named (GTK_STACK (self->stack), self->question_scroller, "question");
  self->summary_scroller = scrolled (self->summary);
  gtk_stack_add_named (GTK_STACK (self->stack), self->summary_scroller, "summary");
  gtk_box_append (GTK_BOX (outer), self->stack);

  self->hint = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->hint, "presenter-hint");
  gtk_label_set_wrap (GTK_LABEL (self->hint), TRUE);
  gtk_box_append (GTK_BOX (outer), self->hint);
  adw_window_set_content (ADW_WINDOW (self), outer);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * mbc_presenter_window_new:
 * @library: (element-type MbcLibraryCase): the cases to choose from
 */
GtkWidget *
mbc_presenter_window_new (MbcGuideline *guideline,
                          GPtrArray    *library)
{
  MbcPresenterWindow *self = g_object_new (MBC_TYPE_PRESENTER_WINDOW, NULL);

  self->guideline = g_object_ref (guideline);
  self->library = g_ptr_array_ref (library);
  for (guint i = 0; i < library->len; i++)
    {
      const MbcLibraryCase *entry = g_ptr_array_index (library, i);
      GtkWidget *row = mbc_text_row_new (entry->title, NULL);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (self->case_list), row);
    }
  show_page (self, "choose");
  gtk_widget_child_focus (self->case_list, GTK_DIR_TAB_FORWARD);
  return GTK_WIDGET (self);
}

/* Whether the room's counts start hidden until the reveal (H toggles it). */
void
mbc_presenter_window_set_hide_counts (MbcPresenterWindow *self,
                                      gboolean            hide)
{
  g_return_if_fail (MBC_IS_PRESENTER_WINDOW (self));
  self->hide_counts = hide;
  if (self->session)
    update_question (self);
}

/* "choose", "vignette", "question" or "summary". */
const char *
mbc_presenter_window_get_page (MbcPresenterWindow *self)
{
  g_return_val_if_fail (MBC_IS_PRESENTER_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

MbcPollSession *
mbc_presenter_window_get_session (MbcPresenterWindow *self)
{
  g_return_val_if_fail (MBC_IS_PRESENTER_WINDOW (self), NULL);
  return self->session;
}
