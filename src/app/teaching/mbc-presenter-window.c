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
 * Everything runs from the keyboard; Esc leaves. The pages are a template
 * (ui/teaching/mbc-presenter-window.ui); each key is a shortcut to one of the class's
 * "teaching." actions (presenter_keys), enabled on the pages where it does something, and
 * listed in the shortcuts window.
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
  GtkEventController *keys;      /* the presenter's keys (owned by the widget) */

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

enum
{
  PROP_0,
  PROP_HIDE_COUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
presenter_text (const char *css_class,
                const char *content)
{
  GtkWidget *label = gtk_label_new (content);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
presenter_set_hint (MbcPresenterWindow *self)
{
  const char *page = mbc_presenter_window_get_page (self);
  const char *hint = "";

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (g_strcmp0 (page, "choose") == 0)
    hint = _("↑ ↓ choose a case   Enter start   Esc leave teaching mode");
  else if (g_strcmp0 (page, "vignette") == 0)
    hint = _("→ or Space first question   ← other case   Esc leave");
  else if (g_strcmp0 (page, "question") == 0)
    hint = _("Y / N or 1–9 vote   Backspace undo   Delete reset   H hide counts   R reveal   "
             "← → previous / next   Esc leave");
  else if (g_strcmp0 (page, "summary") == 0)
    hint = _("C export CSV   J export JSON   ← last question   Esc leave");
  gtk_label_set_text (GTK_LABEL (self->hint), hint);
}

/* The keys of the page shown: its hint, and its actions enabled (a key whose action is
 * disabled goes on to the focused widget, such as the case list's arrows). */
static void
presenter_page_changed_cb (MbcPresenterWindow *self)
{
  const char *page = mbc_presenter_window_get_page (self);
  gboolean question = g_strcmp0 (page, "question") == 0;
  gboolean summary = g_strcmp0 (page, "summary") == 0;
  gboolean vignette = g_strcmp0 (page, "vignette") == 0;
  static const char *const question_actions[] = {
    "teaching.vote", "teaching.vote-letter", "teaching.undo", "teaching.reset-question",
    "teaching.hide-counts", "teaching.reveal",
  };

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (self->hint == NULL)    /* still being built */
    return;
  for (guint i = 0; i < G_N_ELEMENTS (question_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), question_actions[i], question);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teaching.next", question || vignette);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teaching.previous",
                                 question || vignette || summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teaching.start", vignette);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teaching.export", summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teaching.scroll", question || summary);
  presenter_set_hint (self);
}

static void
presenter_show_page (MbcPresenterWindow *self,
                     const char         *name)
{
  g_assert (MBC_IS_PRESENTER_WINDOW (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), name);
}

static void
presenter_vote_clicked_cb (GtkButton          *button,
                           MbcPresenterWindow *self)
{
  mbc_poll_session_vote (self->session,
                         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mbc-option")));
}

/* The option of the current question whose words begin with @letter (a lower-case ASCII
 * letter), when exactly one does; otherwise -1 (the digits still vote for it). */
static int
presenter_option_of_letter (MbcPresenterWindow *self,
                            guint               index,
                            char                letter)
{
  const char * const *options = mbc_poll_session_get_options (self->session, index);
  int found = -1;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  for (guint i = 0; options[i]; i++)
    if (g_ascii_tolower (options[i][0]) == letter)
      {
        if (found >= 0)
          return -1;
        found = (int) i;
      }
  return found;
}

/* The question shown, its vote buttons and counts, and what the reveal shows. */
static void
presenter_update_question (MbcPresenterWindow *self)
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

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  gtk_label_set_text (GTK_LABEL (self->progress), progress);
  gtk_label_set_text (GTK_LABEL (self->question), source->question ? source->question
                                                                   : source->title);
  while ((child = gtk_widget_get_first_child (self->buttons)))
    gtk_box_remove (GTK_BOX (self->buttons), child);
  for (guint i = 0; options[i]; i++)
    {
      gboolean lettered = presenter_option_of_letter (self, index, 'y') == (int) i ||
                          presenter_option_of_letter (self, index, 'n') == (int) i;
      g_autofree char *key = lettered ? g_strdup_printf ("%c", g_ascii_toupper (options[i][0]))
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
      g_signal_connect (button, "clicked", G_CALLBACK (presenter_vote_clicked_cb), self);
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
      g_autofree char *rationale = g_strdup_printf (_("From the consensus: “%s”"),
                                                    source->text);
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
presenter_update_summary (MbcPresenterWindow *self)
{
  GtkWidget *child;
  g_autofree char *heading = g_strdup_printf (_("Summary: %s"),
                                              mbc_poll_session_get_case_title (self->session));

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  while ((child = gtk_widget_get_first_child (self->summary)))
    gtk_box_remove (GTK_BOX (self->summary), child);
  gtk_box_append (GTK_BOX (self->summary), presenter_text ("presenter-title", heading));
  {
    g_autofree char *intro = g_strdup_printf (_("The room beside the %s, question by question. "
                                              "C exports the session as CSV, J as JSON: the "
                                              "questions and counts, no names."),
                                              mbc_guideline_get_polls (self->guideline)->series);
    gtk_box_append (GTK_BOX (self->summary), presenter_text ("presenter-small", intro));
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
      gtk_box_append (GTK_BOX (self->summary), presenter_text ("presenter-subheading", title));
      gtk_box_append (GTK_BOX (self->summary), chart);
    }
}

static void
presenter_session_changed_cb (MbcPresenterWindow *self)
{
  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  presenter_update_question (self);
}

static void
presenter_case_activated_cb (GtkListBox         *list,
                             GtkListBoxRow      *row,
                             MbcPresenterWindow *self)
{
  mbc_presenter_window_choose_case (self, (guint) gtk_list_box_row_get_index (row));
}

/* --- Export --------------------------------------------------------------------------------- */

static void
presenter_export_response_cb (GtkNativeDialog    *chooser,
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
presenter_choose_export (MbcPresenterWindow *self,
                         gboolean            csv)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (csv ? _("Export Session as CSV") : _("Export Session as JSON"),
                                 GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                 _("_Cancel"));

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     csv ? "teaching-session.csv" : "teaching-session.json");
  g_object_set_data (G_OBJECT (chooser), "mbc-csv", GINT_TO_POINTER (csv));
  g_signal_connect (chooser, "response", G_CALLBACK (presenter_export_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- Actions, and the keys bound to them -------------------------------------------------- */

/* Right, Space, Page Down: the first question from the vignette, else the next question
 * (after the last, the summary). */
static void
presenter_next_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (widget);

  if (g_strcmp0 (mbc_presenter_window_get_page (self), "vignette") == 0)
    {
      presenter_update_question (self);
      presenter_show_page (self, "question");
      return;
    }
  if (!mbc_poll_session_next (self->session))
    {
      presenter_update_summary (self);
      presenter_show_page (self, "summary");
    }
  gtk_adjustment_set_value (
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->question_scroller)), 0);
}

/* Left, Page Up: back a question (from the first, the vignette); from the vignette, the
 * list of cases; from the summary, the last question. */
static void
presenter_previous_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (widget);
  const char *page = mbc_presenter_window_get_page (self);

  if (g_strcmp0 (page, "vignette") == 0)
    {
      presenter_show_page (self, "choose");
      gtk_widget_grab_focus (self->case_list);
    }
  else if (g_strcmp0 (page, "summary") == 0)
    presenter_show_page (self, "question");
  else
    {
      if (!mbc_poll_session_previous (self->session))
        presenter_show_page (self, "vignette");
      gtk_adjustment_set_value (
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->question_scroller)), 0);
    }
}

/* Enter on the vignette: the first question. */
static void
presenter_start_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  presenter_next_action (widget, action_name, parameter);
}

/* 1 to 9: a vote for that option. */
static void
presenter_vote_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (widget);

  mbc_poll_session_vote (self->session, g_variant_get_uint32 (parameter));
}

/* Y and N: a vote for the option whose words begin with that letter ("Yes", "No"). */
static void
presenter_vote_letter_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (widget);
  guint index = mbc_poll_session_get_current (self->session);
  int option = presenter_option_of_letter (self, index, g_variant_get_string (parameter, NULL)[0]);

  if (option >= 0)
    mbc_poll_session_vote (self->session, (guint) option);
}

static void
presenter_undo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  mbc_poll_session_undo (MBC_PRESENTER_WINDOW (widget)->session);
}

static void
presenter_reset_question_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  mbc_poll_session_reset_question (MBC_PRESENTER_WINDOW (widget)->session);
}

static void
presenter_reveal_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  mbc_poll_session_reveal (MBC_PRESENTER_WINDOW (widget)->session);
}

/* C and J on the summary: the session as CSV or as JSON. */
static void
presenter_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  presenter_choose_export (MBC_PRESENTER_WINDOW (widget),
                           g_strcmp0 (g_variant_get_string (parameter, NULL), "csv") == 0);
}

/* Up and Down scroll a page that is longer than the screen, by a third of it. */
static void
presenter_scroll_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (widget);
  GtkWidget *scroller = g_strcmp0 (mbc_presenter_window_get_page (self), "summary") == 0
                        ? self->summary_scroller : self->question_scroller;
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) +
                            g_variant_get_int32 (parameter) *
                            gtk_adjustment_get_page_size (scroll) / 3);
}

/* The keys, and the action each is bound to. They are caught before the focused widget
 * sees them (the window's own arrow keys would move the focus instead); a key whose action
 * is disabled on the page shown goes on to the focused widget. */
static const struct
{
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
  const char     *parameter;     /* GVariant text, or NULL */
} presenter_keys[] = {
  { GDK_KEY_Right, 0, "teaching.next", NULL },
  { GDK_KEY_space, 0, "teaching.next", NULL },
  { GDK_KEY_Page_Down, 0, "teaching.next", NULL },
  { GDK_KEY_Left, 0, "teaching.previous", NULL },
  { GDK_KEY_Page_Up, 0, "teaching.previous", NULL },
  { GDK_KEY_Return, 0, "teaching.start", NULL },
  { GDK_KEY_1, 0, "teaching.vote", "uint32 0" }, { GDK_KEY_KP_1, 0, "teaching.vote", "uint32 0" },
  { GDK_KEY_2, 0, "teaching.vote", "uint32 1" }, { GDK_KEY_KP_2, 0, "teaching.vote", "uint32 1" },
  { GDK_KEY_3, 0, "teaching.vote", "uint32 2" }, { GDK_KEY_KP_3, 0, "teaching.vote", "uint32 2" },
  { GDK_KEY_4, 0, "teaching.vote", "uint32 3" }, { GDK_KEY_KP_4, 0, "teaching.vote", "uint32 3" },
  { GDK_KEY_5, 0, "teaching.vote", "uint32 4" }, { GDK_KEY_KP_5, 0, "teaching.vote", "uint32 4" },
  { GDK_KEY_6, 0, "teaching.vote", "uint32 5" }, { GDK_KEY_KP_6, 0, "teaching.vote", "uint32 5" },
  { GDK_KEY_7, 0, "teaching.vote", "uint32 6" }, { GDK_KEY_KP_7, 0, "teaching.vote", "uint32 6" },
  { GDK_KEY_8, 0, "teaching.vote", "uint32 7" }, { GDK_KEY_KP_8, 0, "teaching.vote", "uint32 7" },
  { GDK_KEY_9, 0, "teaching.vote", "uint32 8" }, { GDK_KEY_KP_9, 0, "teaching.vote", "uint32 8" },
  /* Y and N vote for the option whose words they begin, as the buttons show. */
  { GDK_KEY_y, 0, "teaching.vote-letter", "'y'" },
  { GDK_KEY_n, 0, "teaching.vote-letter", "'n'" },
  { GDK_KEY_BackSpace, 0, "teaching.undo", NULL },
  { GDK_KEY_z, GDK_CONTROL_MASK, "teaching.undo", NULL },
  { GDK_KEY_Delete, 0, "teaching.reset-question", NULL },
  { GDK_KEY_h, 0, "teaching.hide-counts", NULL },
  { GDK_KEY_r, 0, "teaching.reveal", NULL },
  { GDK_KEY_c, 0, "teaching.export", "'csv'" },
  { GDK_KEY_j, 0, "teaching.export", "'json'" },
  { GDK_KEY_Down, 0, "teaching.scroll", "1" },
  { GDK_KEY_Up, 0, "teaching.scroll", "-1" },
  { GDK_KEY_Escape, 0, "window.close", NULL },
};

static void
presenter_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "teaching.next", NULL, presenter_next_action);
  gtk_widget_class_install_action (widget_class, "teaching.previous", NULL,
                                   presenter_previous_action);
  gtk_widget_class_install_action (widget_class, "teaching.start", NULL,
                                   presenter_start_action);
  gtk_widget_class_install_action (widget_class, "teaching.vote", "u", presenter_vote_action);
  gtk_widget_class_install_action (widget_class, "teaching.vote-letter", "s",
                                   presenter_vote_letter_action);
  gtk_widget_class_install_action (widget_class, "teaching.undo", NULL, presenter_undo_action);
  gtk_widget_class_install_action (widget_class, "teaching.reset-question", NULL,
                                   presenter_reset_question_action);
  gtk_widget_class_install_property_action (widget_class, "teaching.hide-counts",
                                            "hide-counts");
  gtk_widget_class_install_action (widget_class, "teaching.reveal", NULL,
                                   presenter_reveal_action);
  gtk_widget_class_install_action (widget_class, "teaching.export", "s",
                                   presenter_export_action);
  gtk_widget_class_install_action (widget_class, "teaching.scroll", "i",
                                   presenter_scroll_action);
}

static GtkEventController *
presenter_new_keys (void)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (presenter_keys); i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (presenter_keys[i].keyval,
                                                  presenter_keys[i].modifiers),
                          gtk_named_action_new (presenter_keys[i].action));

      if (presenter_keys[i].parameter)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_parsed (presenter_keys[i].parameter));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
    }
  return keys;
}

/* --- GObject -------------------------------------------------------------------------------- */

static void
mbc_presenter_window_dispose (GObject *object)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_PRESENTER_WINDOW);
  g_clear_handle_id (&self->scale_source, g_source_remove);
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->guideline);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  G_OBJECT_CLASS (mbc_presenter_window_parent_class)->dispose (object);
}

static gboolean
presenter_update_scale_cb (gpointer user_data)
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
        self->scale_source = g_idle_add (presenter_update_scale_cb, self);
    }
}

static void
mbc_presenter_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HIDE_COUNTS:
      g_value_set_boolean (value, self->hide_counts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_presenter_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HIDE_COUNTS:
      mbc_presenter_window_set_hide_counts (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_presenter_window_class_init (MbcPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_presenter_window_dispose;
  object_class->get_property = mbc_presenter_window_get_property;
  object_class->set_property = mbc_presenter_window_set_property;
  widget_class->size_allocate = mbc_presenter_window_size_allocate;

  /**
   * MbcPresenterWindow:hide-counts:
   *
   * Whether the room's counts are hidden until the reveal (H toggles it).
   */
  properties[PROP_HIDE_COUNTS] =
    g_param_spec_boolean ("hide-counts", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MBC_TYPE_COMPARISON_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, hint);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, case_list);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, vignette_title);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, vignette_text);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, question);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, buttons);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, total);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, revealed);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, consensus);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, rationale);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, evidence);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, summary_scroller);
  presenter_class_add_actions (widget_class);
}

static void
mbc_presenter_window_init (MbcPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->keys = presenter_new_keys ();
  gtk_widget_add_controller (GTK_WIDGET (self), self->keys);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (presenter_page_changed_cb), self);
  g_signal_connect (self->case_list, "row-activated", G_CALLBACK (presenter_case_activated_cb),
                    self);
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
  g_signal_connect_swapped (self->session, "changed",
                            G_CALLBACK (presenter_session_changed_cb), self);
  vignette = mbc_case_to_vignette (self->entry->kase);
  gtk_label_set_text (GTK_LABEL (self->vignette_title), self->entry->title);
  gtk_label_set_text (GTK_LABEL (self->vignette_text), vignette);
  presenter_update_question (self);
  presenter_show_page (self, "vignette");
}

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
  return mbc_file_write_atomic (file, data, strlen (data), 0644, error);
}

/**
 * mbc_presenter_window_press_key:
 *
 * Does what the key does on the page shown, through the shortcut a key press would use (for
 * scripts such as the screenshot tool, and tests).
 *
 * Returns: whether a shortcut of the key did something.
 */
gboolean
mbc_presenter_window_press_key (MbcPresenterWindow *self,
                                guint               keyval,
                                GdkModifierType     state)
{
  GListModel *shortcuts = G_LIST_MODEL (self->keys);
  guint lower = gdk_keyval_to_lower (keyval);

  g_return_val_if_fail (MBC_IS_PRESENTER_WINDOW (self), FALSE);

  for (guint k = 0; k < g_list_model_get_n_items (shortcuts); k++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, k);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == lower &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) ==
          (state & GDK_CONTROL_MASK) &&
          gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                        GTK_WIDGET (self), gtk_shortcut_get_arguments (shortcut)))
        return TRUE;
    }
  return FALSE;
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
  presenter_show_page (self, "choose");
  presenter_page_changed_cb (self);
  gtk_widget_child_focus (self->case_list, GTK_DIR_TAB_FORWARD);
  return GTK_WIDGET (self);
}

/* Whether the room's counts start hidden until the reveal (H toggles it). */
void
mbc_presenter_window_set_hide_counts (MbcPresenterWindow *self,
                                      gboolean            hide)
{
  g_return_if_fail (MBC_IS_PRESENTER_WINDOW (self));

  hide = !!hide;
  if (self->hide_counts == hide)
    return;
  self->hide_counts = hide;
  if (self->session)
    presenter_update_question (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_COUNTS]);
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
