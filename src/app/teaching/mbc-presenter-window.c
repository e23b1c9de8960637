/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcPresenterWindow: teaching mode. A view of its own, full screen and in large type, for a
 * room and a projector. The presenter chooses a library case; the case is shown as a
 * vignette, which stays in view above each question the guideline's polls asked, in turn,
 * then the question asked without a poll. The presenter counts the room's votes from the
 * keyboard (Y and N, or 1 to 9 for an option) or with the large buttons (made once for each
 * question, their counts changed in place, so that no click is lost), can hide the counts
 * until the reveal, undo the last vote or start a question again. The reveal (R) shows the
 * room beside the polled oncologists, the expert consensus with the dated note of the
 * evidence since 2017 directly under it, each once, so that it fits a 1280×720 projector (a
 * longer text scrolls with Page Up and Page Down). The summary is one table of every question,
 * and exports the session as CSV or JSON.
 *
 * Everything runs from the keyboard. Esc leaves full screen; out of it, Esc leaves. Ending a
 * session the room has voted in (leaving, or starting another case) asks first; an ended
 * session is kept and offered at the top of the list of cases (Resume), with its votes and
 * the page it was on, also when teaching mode is opened again from the same window (the
 * window it is transient for holds it). The pages are a template
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

/* What the window teaching mode was opened from keeps of an ended session. */
#define PRESENTER_ENDED_KEY "mbc-presenter-ended-session"

typedef struct
{
  MbcPollSession *session;
  guint           case_index;
  const char     *page;        /* "vignette", "question" or "summary" (static) */
} PresenterEnded;

struct _MbcPresenterWindow
{
  AdwWindow       parent_instance;

  MbcGuideline   *guideline;
  GPtrArray      *library;       /* MbcLibraryCase */
  MbcPollSession *session;
  const MbcLibraryCase *entry;
  PresenterEnded *ended;         /* a session set aside, to be resumed; or NULL */
  gboolean        hide_counts;
  gboolean        large;
  gboolean        end_confirmed; /* the presenter said to end the session: close */
  guint           buttons_for;   /* the question the vote buttons were made for */
  guint           scale_source;
  GtkEventController *keys;      /* the presenter's keys (owned by the widget) */
  GtkWidget      *resume_row;    /* first in the case list while there is a session to resume */
  GtkWidget      *confirm;       /* the dialog asking to end the session, while shown */

  GtkWidget      *stack;
  GtkWidget      *hint;
  GtkWidget      *case_list;
  GtkWidget      *vignette_title;
  GtkWidget      *vignette_text;
  GtkWidget      *vignette_fields;
  GtkWidget      *question_scroller;
  GtkWidget      *progress;
  GtkWidget      *case_line;
  GtkWidget      *question;
  GtkWidget      *buttons;
  GtkWidget      *total;
  GtkWidget      *chart;
  GtkWidget      *revealed;
  GtkWidget      *interpretation;
  GtkWidget      *consensus;
  GtkWidget      *evidence;
  GtkWidget      *summary_title;
  GtkWidget      *summary_intro;
  GtkWidget      *summary_table;
};

static int presenter_option_of_letter (MbcPresenterWindow *self,
                                       guint               index,
                                       char                letter);

G_DEFINE_FINAL_TYPE (MbcPresenterWindow, mbc_presenter_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_HIDE_COUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void presenter_start_case (MbcPresenterWindow *self,
                                  guint               index);

static void
presenter_ended_free (gpointer data)
{
  PresenterEnded *ended = data;

  if (ended == NULL)
    return;
  g_clear_object (&ended->session);
  g_free (ended);
}

static GtkWidget *
presenter_text (const char *css_class,
                const char *content)
{
  GtkWidget *label = gtk_label_new (content);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The scrolled window of the page shown (each page but the list of cases is one), or NULL. */
static GtkAdjustment *
presenter_page_scroll (MbcPresenterWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (self->stack));

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  return GTK_IS_SCROLLED_WINDOW (page)
         ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page)) : NULL;
}

/* The hint names only keys that do something: Page Up and Page Down when the page is longer
 * than the screen, Y and N when the options of the question are lettered. Kept to one line
 * at 1280 pixels in the projector's type. */
static void
presenter_set_hint (MbcPresenterWindow *self)
{
  const char *page = mbc_presenter_window_get_page (self);
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  GtkAdjustment *scroll = presenter_page_scroll (self);
  gboolean scrolls = scroll && gtk_adjustment_get_upper (scroll) >
                               gtk_adjustment_get_page_size (scroll) + 1;
  g_autofree char *hint = NULL;
  g_autofree char *keys = NULL;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (self->hint == NULL)    /* still being built */
    return;
  if (g_strcmp0 (page, "choose") == 0)
    keys = g_strdup (self->resume_row ? _("↑ ↓ choose a case, or the session to resume   "
                                          "Enter start")
                                      : _("↑ ↓ choose a case   Enter start"));
  else if (g_strcmp0 (page, "vignette") == 0)
    keys = g_strdup (_("→ or Space first question   ← other case"));
  else if (g_strcmp0 (page, "question") == 0 && self->session)
    {
      guint index = mbc_poll_session_get_current (self->session);
      gboolean lettered = presenter_option_of_letter (self, index, 'y') >= 0 &&
                          presenter_option_of_letter (self, index, 'n') >= 0;

      keys = g_strdup (lettered
                       ? _("Y / N vote   Backspace undo   Delete reset   H hide counts   "
                           "R reveal   ← → question")
                       : _("1–9 vote   Backspace undo   Delete reset   H hide counts   "
                           "R reveal   ← → question"));
    }
  else if (g_strcmp0 (page, "summary") == 0)
    keys = g_strdup (_("C export CSV   J export JSON   ← last question"));
  else
    keys = g_strdup ("");
  if (scrolls)
    {
      /* The keys of the page, then the page keys: "…   PgUp PgDn scroll". */
      char *with_scroll = g_strdup_printf (_("%s   PgUp PgDn scroll"), keys);

      g_free (keys);
      keys = with_scroll;
    }
  /* The keys of the page, then what Esc does: "… Esc leave full screen". */
  hint = g_strdup_printf (_("%s   %s"), keys,
                          fullscreen ? _("Esc leave full screen") : _("Esc leave"));
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->hint)), hint) != 0)
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "teaching.scroll-page",
                                 question || summary || vignette);
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
  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (self->session)
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

/* What the pack calls the question's source before any ": " ("Table 1: Question 1" is
 * "Table 1"): the presenter counts the questions itself. */
static char *
presenter_source_name (const MbcSource *source)
{
  const char *colon = strstr (source->title, ": ");

  return colon ? g_strndup (source->title, colon - source->title) : g_strdup (source->title);
}

/* The vote buttons of question @index, made once for it (a click in flight must land on
 * the button it was made on: they are never remade while the question is shown). */
static void
presenter_make_buttons (MbcPresenterWindow *self,
                        guint               index)
{
  const char * const *options = mbc_poll_session_get_options (self->session, index);
  GtkWidget *child;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  while ((child = gtk_widget_get_first_child (self->buttons)))
    gtk_box_remove (GTK_BOX (self->buttons), child);
  for (guint i = 0; options[i]; i++)
    {
      g_autofree char *name = g_strdup_printf (_("Vote %s"), options[i]);
      GtkWidget *button = gtk_button_new_with_label (options[i]);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_add_css_class (button, "presenter-option");
      gtk_widget_add_css_class (button, "opaque");   /* alike: no answer looks preferred */
      g_object_set_data (G_OBJECT (button), "mbc-option", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (presenter_vote_clicked_cb), self);
      gtk_widget_set_focusable (button, FALSE);   /* the keys vote, not the focus */
      gtk_box_append (GTK_BOX (self->buttons), button);
    }
  self->buttons_for = index;
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
  g_autofree char *source_name = presenter_source_name (source);
  g_autofree char *progress = g_strdup_printf (_("Question %u of %u · %s"), index + 1, n,
                                               source_name);
  g_autofree char *total_text = NULL;
  g_autofree guint *counts = g_new0 (guint, g_strv_length ((char **) options));
  GtkWidget *button;
  guint i = 0;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  gtk_label_set_text (GTK_LABEL (self->progress), progress);
  gtk_label_set_text (GTK_LABEL (self->question), source->question ? source->question
                                                                   : source->title);
  if (self->buttons_for != index)
    presenter_make_buttons (self, index);
  for (button = gtk_widget_get_first_child (self->buttons); button && options[i];
       button = gtk_widget_get_next_sibling (button), i++)
    {
      gboolean lettered = presenter_option_of_letter (self, index, 'y') == (int) i ||
                          presenter_option_of_letter (self, index, 'n') == (int) i;
      g_autofree char *key = lettered ? g_strdup_printf ("%c", g_ascii_toupper (options[i][0]))
                             : g_strdup_printf ("%u", i + 1);
      g_autofree char *label = NULL;

      counts[i] = mbc_poll_session_get_count (self->session, index, i);
      /* The key, the option and the room's count: "Y   Yes   7". */
      label = counts_shown ? g_strdup_printf (_("%s   %s   %u"), key, options[i], counts[i])
                           : g_strdup_printf (_("%s   %s"), key, options[i]);
      gtk_button_set_label (GTK_BUTTON (button), label);
    }
  total_text = counts_shown
    ? g_strdup_printf (ngettext ("%u vote", "%u votes", total), total)
    : g_strdup_printf (ngettext ("%u vote · counts hidden until the reveal",
                                 "%u votes · counts hidden until the reveal", total), total);
  gtk_label_set_text (GTK_LABEL (self->total), total_text);

  gtk_widget_set_visible (self->revealed, revealed);
  presenter_set_hint (self);
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

      mbc_comparison_chart_set_data (MBC_COMPARISON_CHART (self->chart), options, counts, TRUE,
                                     source, mbc_guideline_get_polls (self->guideline)->series);
      gtk_label_set_text (GTK_LABEL (self->consensus), consensus);
      /* Where the application reads the consensus its own way, it says so under it. */
      if (source->interpretation)
        {
          g_autofree char *interpretation = mbc_interpretation_text (source->interpretation);
          gtk_label_set_text (GTK_LABEL (self->interpretation), interpretation);
        }
      gtk_widget_set_visible (self->interpretation, source->interpretation != NULL);
      gtk_label_set_text (GTK_LABEL (self->evidence), evidence->line);
    }
}

/* The room's share of each option of question @index, a line each: "Yes: 60% (6 of 10)". */
static char *
presenter_room_cell (MbcPresenterWindow *self,
                     guint               index)
{
  const char * const *options = mbc_poll_session_get_options (self->session, index);
  guint total = mbc_poll_session_get_total (self->session, index);
  GString *out = g_string_new (NULL);

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (total == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (_("No votes"));
    }
  for (guint k = 0; options[k]; k++)
    {
      g_autofree char *line =
        g_strdup_printf (_("%s: %.0f%% (%u of %u)"), options[k],
                         mbc_poll_session_get_percent (self->session, index, k),
                         mbc_poll_session_get_count (self->session, index, k), total);
      g_string_append_printf (out, "%s%s", k ? "\n" : "", line);
    }
  return g_string_free (out, FALSE);
}

/* The polled group's share of each option, a line each ("Yes: 77.3%"), or that there was
 * no poll. */
static char *
presenter_panel_cell (const MbcSource *source)
{
  GString *out;

  if (source->options == NULL || source->options->len == 0)
    return g_strdup (_("No poll"));
  out = g_string_new (NULL);
  for (guint k = 0; k < source->options->len; k++)
    {
      const MbcPollOption *option = g_ptr_array_index (source->options, k);
      g_autofree char *line = g_strdup_printf (_("%s: %g%%"), option->label, option->percent);
      g_string_append_printf (out, "%s%s", k ? "\n" : "", line);
    }
  return g_string_free (out, FALSE);
}

/* One table: each question, the room's answers, the polled group's. */
static void
presenter_update_summary (MbcPresenterWindow *self)
{
  GtkGrid *table = GTK_GRID (self->summary_table);
  const char *series = mbc_guideline_get_polls (self->guideline)->series;
  g_autofree char *heading = g_strdup_printf (_("Summary: %s"),
                                              mbc_poll_session_get_case_title (self->session));
  const char *intro = _("Question by question, the room beside the polled group. C exports "
                        "the session as CSV, J as JSON: the questions and counts, no names.");
  const char *headers[] = { _("Question"), _("The room"), series };
  GtkWidget *child;
  int row = 0;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  gtk_label_set_text (GTK_LABEL (self->summary_title), heading);
  gtk_label_set_text (GTK_LABEL (self->summary_intro), intro);
  while ((child = gtk_widget_get_first_child (self->summary_table)))
    gtk_grid_remove (table, child);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *label = presenter_text ("presenter-small", headers[c]);

      gtk_widget_add_css_class (label, "presenter-strong");
      gtk_grid_attach (table, label, c, row, 1, 1);
    }
  row++;
  for (guint i = 0; i < mbc_poll_session_get_n_questions (self->session); i++)
    {
      const MbcSource *source = mbc_poll_session_get_question (self->session, i);
      g_autofree char *name = presenter_source_name (source);
      /* The source and its question: "Table 1 · Will you proceed with mastectomy?" */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), name,
                                                source->question ? source->question : "");
      g_autofree char *room = presenter_room_cell (self, i);
      g_autofree char *panel = presenter_panel_cell (source);
      GtkWidget *question = presenter_text ("presenter-small", title);

      gtk_widget_set_hexpand (question, TRUE);
      gtk_grid_attach (table, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 3, 1);
      gtk_grid_attach (table, question, 0, row, 1, 1);
      gtk_grid_attach (table, presenter_text ("presenter-small", room), 1, row, 1, 1);
      gtk_grid_attach (table, presenter_text ("presenter-small", panel), 2, row, 1, 1);
      row++;
    }
}

static void
presenter_session_changed_cb (MbcPresenterWindow *self)
{
  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  presenter_update_question (self);
}

/* --- Sessions: started, ended, resumed ------------------------------------------------------ */

static gboolean
presenter_has_votes (MbcPresenterWindow *self)
{
  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  return self->session && mbc_poll_session_get_n_votes (self->session) > 0;
}

/* The ended session to resume: the window teaching mode was opened from keeps it (it
 * outlives this one); without one, this window does. */
static PresenterEnded *
presenter_get_ended (MbcPresenterWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  return parent ? g_object_get_data (G_OBJECT (parent), PRESENTER_ENDED_KEY) : self->ended;
}

/* @ended: (transfer full) (nullable) */
static void
presenter_set_ended (MbcPresenterWindow *self,
                     PresenterEnded     *ended)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  g_clear_pointer (&self->ended, presenter_ended_free);
  if (parent)
    g_object_set_data_full (G_OBJECT (parent), PRESENTER_ENDED_KEY, ended,
                            presenter_ended_free);
  else
    self->ended = ended;
}

static guint
presenter_case_index (MbcPresenterWindow *self)
{
  guint index = 0;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  g_ptr_array_find (self->library, self->entry, &index);
  return index;
}

/* @session: (transfer full): the session shown from now on, on library case @index. */
static void
presenter_set_session (MbcPresenterWindow *self,
                       MbcPollSession     *session,
                       guint               index)
{
  g_autofree char *fields = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *line = NULL;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  self->session = session;
  self->entry = g_ptr_array_index (self->library, index);
  self->buttons_for = G_MAXUINT;
  g_signal_connect_swapped (self->session, "changed",
                            G_CALLBACK (presenter_session_changed_cb), self);
  /* The case as the library presents it, when it does (facts the fields cannot hold, such
   * as "multiple" lesions or the regimen), then every field recorded. Above each question,
   * the one or else the other, in a paragraph. */
  fields = mbc_case_to_vignette (self->entry->kase);
  lines = g_strsplit (fields, "\n", -1);
  line = g_strjoinv (_(" · "), lines);
  gtk_label_set_text (GTK_LABEL (self->vignette_title), self->entry->title);
  gtk_label_set_text (GTK_LABEL (self->vignette_text),
                      self->entry->vignette ? self->entry->vignette : "");
  gtk_widget_set_visible (self->vignette_text, self->entry->vignette != NULL);
  gtk_label_set_text (GTK_LABEL (self->vignette_fields), fields);
  gtk_label_set_text (GTK_LABEL (self->case_line),
                      self->entry->vignette ? self->entry->vignette : line);
  presenter_update_question (self);
}

/* A new session on library case @index: its vignette is shown. */
static void
presenter_start_case (MbcPresenterWindow *self,
                      guint               index)
{
  const MbcLibraryCase *entry = g_ptr_array_index (self->library, index);

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  presenter_set_session (self, mbc_poll_session_new (self->guideline, entry->title), index);
  presenter_show_page (self, "vignette");
}

/* The session shown is set aside, with its votes and its page, to be resumed. */
static void
presenter_end_session (MbcPresenterWindow *self)
{
  const char *page = mbc_presenter_window_get_page (self);
  PresenterEnded *ended = g_new0 (PresenterEnded, 1);

  g_assert (MBC_IS_PRESENTER_WINDOW (self));
  g_assert (self->session != NULL);

  ended->case_index = presenter_case_index (self);
  ended->page = g_strcmp0 (page, "summary") == 0 ? "summary"
              : g_strcmp0 (page, "vignette") == 0 ? "vignette" : "question";
  g_signal_handlers_disconnect_by_data (self->session, self);
  ended->session = g_steal_pointer (&self->session);
  self->entry = NULL;
  presenter_set_ended (self, ended);
}

/* The first row of the list of cases, while there is a session to resume: the one shown if
 * the room has voted in it, else the one ended last. */
static void
presenter_update_resume (MbcPresenterWindow *self)
{
  PresenterEnded *ended = presenter_get_ended (self);
  MbcPollSession *session = presenter_has_votes (self) ? self->session
                            : ended && ended->case_index < self->library->len ? ended->session
                            : NULL;
  g_autofree char *title = NULL;
  guint votes;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (session == NULL)
    {
      if (self->resume_row)
        gtk_list_box_remove (GTK_LIST_BOX (self->case_list), self->resume_row);
      self->resume_row = NULL;
      return;
    }
  votes = mbc_poll_session_get_n_votes (session);
  /* "Resume “The case the experts discussed”: question 5 of 5, 25 votes" */
  title = g_strdup_printf (ngettext ("Resume “%s”: question %u of %u, %u vote",
                                     "Resume “%s”: question %u of %u, %u votes", votes),
                           mbc_poll_session_get_case_title (session),
                           mbc_poll_session_get_current (session) + 1,
                           mbc_poll_session_get_n_questions (session), votes);
  if (self->resume_row == NULL)
    {
      self->resume_row = mbc_text_row_new (title, NULL);
      gtk_widget_set_name (self->resume_row, "resume");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->resume_row), TRUE);
      gtk_widget_set_focusable (self->resume_row, TRUE);
      gtk_list_box_prepend (GTK_LIST_BOX (self->case_list), self->resume_row);
    }
  else
    mbc_text_row_set_title (MBC_TEXT_ROW (self->resume_row), title);
}

/* On the list of cases, the session to resume comes first, chosen (Enter takes it up). */
static void
presenter_focus_resume (MbcPresenterWindow *self)
{
  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (self->resume_row == NULL)
    {
      /* The row the keys move from, highlighted: the one chosen before, or the first. */
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->case_list));

      if (row == NULL)
        row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->case_list), 0);
      if (row == NULL)
        {
          gtk_widget_grab_focus (self->case_list);
          return;
        }
      gtk_list_box_select_row (GTK_LIST_BOX (self->case_list), row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }
  gtk_list_box_select_row (GTK_LIST_BOX (self->case_list), GTK_LIST_BOX_ROW (self->resume_row));
  gtk_widget_grab_focus (self->resume_row);
}

static void
presenter_confirm_response_cb (AdwMessageDialog   *dialog,
                               const char         *response,
                               MbcPresenterWindow *self)
{
  guint then = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "mbc-then-case"));

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (g_strcmp0 (response, "end") != 0 || self->session == NULL)
    return;
  presenter_end_session (self);
  if (then == G_MAXUINT)
    gtk_window_close (GTK_WINDOW (self));
  else
    presenter_start_case (self, then);
}

/* Asks before the session the room has voted in ends; then closes (@then_case G_MAXUINT)
 * or starts library case @then_case. */
static void
presenter_confirm_end (MbcPresenterWindow *self,
                       guint               then_case)
{
  guint votes = mbc_poll_session_get_n_votes (self->session);
  g_autofree char *body =
    g_strdup_printf (ngettext ("The room's %u vote is kept: you can resume this session "
                               "from the list of cases.",
                               "The room's %u votes are kept: you can resume this session "
                               "from the list of cases.",
                               votes), votes);
  GtkWidget *dialog;

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (self->confirm)
    {
      gtk_window_present (GTK_WINDOW (self->confirm));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("End the Session?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Teaching"),
                                    "end", _("_End Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_add_css_class (dialog, "presenter-dialog");   /* read on the projector too */
  g_object_set_data (G_OBJECT (dialog), "mbc-then-case", GUINT_TO_POINTER (then_case));
  g_signal_connect_object (dialog, "response", G_CALLBACK (presenter_confirm_response_cb), self,
                           0);
  self->confirm = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->confirm);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
presenter_case_activated_cb (GtkListBox         *list,
                             GtkListBoxRow      *row,
                             MbcPresenterWindow *self)
{
  if (GTK_WIDGET (row) == self->resume_row)
    mbc_presenter_window_resume (self);
  else
    mbc_presenter_window_choose_case (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row),
                                                                                 "mbc-case")));
}

/* A session kept by the window it was opened from shows once it is known. */
static void
presenter_transient_for_cb (MbcPresenterWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_assert (MBC_IS_PRESENTER_WINDOW (self));

  if (parent && self->ended)
    g_object_set_data_full (G_OBJECT (parent), PRESENTER_ENDED_KEY,
                            g_steal_pointer (&self->ended), presenter_ended_free);
  presenter_update_resume (self);
  if (g_strcmp0 (mbc_presenter_window_get_page (self), "choose") == 0)
    presenter_focus_resume (self);
  presenter_set_hint (self);
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

/* Right, Space: the first question from the vignette, else the next question (after the
 * last, the summary). */
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

/* Left: back a question (from the first, the vignette); from the vignette, the
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
      presenter_update_resume (self);
      presenter_show_page (self, "choose");
      presenter_focus_resume (self);
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
  GtkAdjustment *scroll = presenter_page_scroll (MBC_PRESENTER_WINDOW (widget));

  if (scroll == NULL)
    return;
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) +
                            g_variant_get_int32 (parameter) *
                            gtk_adjustment_get_page_size (scroll) / 3);
}

/* Page Up and Page Down scroll the page by a screen, less a little kept in view; they never
 * move to another question. */
static void
presenter_scroll_page_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GtkAdjustment *scroll = presenter_page_scroll (MBC_PRESENTER_WINDOW (widget));

  if (scroll == NULL)
    return;
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) +
                            g_variant_get_int32 (parameter) *
                            gtk_adjustment_get_page_size (scroll) * 0.9);
}

/* Esc: out of full screen first; out of it, teaching mode is left (which asks first when
 * the room has voted). */
static void
presenter_escape_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_close (GTK_WINDOW (widget));
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
  { GDK_KEY_Left, 0, "teaching.previous", NULL },
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
  { GDK_KEY_Page_Down, 0, "teaching.scroll-page", "1" },
  { GDK_KEY_Page_Up, 0, "teaching.scroll-page", "-1" },
  { GDK_KEY_Escape, 0, "teaching.escape", NULL },
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
  gtk_widget_class_install_action (widget_class, "teaching.scroll-page", "i",
                                   presenter_scroll_page_action);
  gtk_widget_class_install_action (widget_class, "teaching.escape", NULL,
                                   presenter_escape_action);
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
  g_clear_pointer (&self->ended, presenter_ended_free);
  if (self->confirm)
    g_object_remove_weak_pointer (G_OBJECT (self->confirm), (gpointer *) &self->confirm);
  self->confirm = NULL;
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

/* Leaving teaching mode ends the session: when the room has voted, it asks first. */
static gboolean
mbc_presenter_window_close_request (GtkWindow *window)
{
  MbcPresenterWindow *self = MBC_PRESENTER_WINDOW (window);

  if (presenter_has_votes (self))
    {
      presenter_confirm_end (self, G_MAXUINT);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (mbc_presenter_window_parent_class)->close_request (window);
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
  GTK_WINDOW_CLASS (klass)->close_request = mbc_presenter_window_close_request;

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
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, vignette_fields);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, case_line);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, question);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, buttons);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, total);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, revealed);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, interpretation);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, consensus);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, evidence);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, summary_title);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, summary_intro);
  gtk_widget_class_bind_template_child (widget_class, MbcPresenterWindow, summary_table);
  presenter_class_add_actions (widget_class);
}

static void
mbc_presenter_window_init (MbcPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons_for = G_MAXUINT;
  self->keys = presenter_new_keys ();
  gtk_widget_add_controller (GTK_WIDGET (self), self->keys);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (presenter_page_changed_cb), self);
  g_signal_connect (self->case_list, "row-activated", G_CALLBACK (presenter_case_activated_cb),
                    self);
  g_signal_connect (self, "notify::transient-for", G_CALLBACK (presenter_transient_for_cb),
                    NULL);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (presenter_set_hint), NULL);
  /* The hint names Page Up and Page Down while the page is longer than the screen. */
  for (GtkWidget *page = gtk_widget_get_first_child (self->stack); page;
       page = gtk_widget_get_next_sibling (page))
    if (GTK_IS_SCROLLED_WINDOW (page))
      g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page)),
                               "changed", G_CALLBACK (presenter_set_hint), self,
                               G_CONNECT_SWAPPED);
}

/**
 * mbc_presenter_window_choose_case:
 *
 * Starts a session on the @index-th library case: its vignette is shown. When the room has
 * voted in the session shown, it asks first (that session is ended, to be resumed).
 */
void
mbc_presenter_window_choose_case (MbcPresenterWindow *self,
                                  guint               index)
{
  g_return_if_fail (MBC_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (index < self->library->len);

  if (presenter_has_votes (self))
    presenter_confirm_end (self, index);
  else
    presenter_start_case (self, index);
}

/**
 * mbc_presenter_window_resume:
 *
 * Takes up the session offered as Resume on the list of cases (the one shown, if the room
 * has voted in it, else the one ended last) with its votes, on the page it was left on.
 *
 * Returns: whether there was one.
 */
gboolean
mbc_presenter_window_resume (MbcPresenterWindow *self)
{
  PresenterEnded *ended;
  MbcPollSession *session;
  const char *page;
  guint index;

  g_return_val_if_fail (MBC_IS_PRESENTER_WINDOW (self), FALSE);

  if (presenter_has_votes (self))
    {
      presenter_show_page (self, "question");
      return TRUE;
    }
  ended = presenter_get_ended (self);
  if (ended == NULL || ended->case_index >= self->library->len)
    return FALSE;
  session = g_steal_pointer (&ended->session);
  index = ended->case_index;
  page = ended->page;
  presenter_set_ended (self, NULL);
  presenter_set_session (self, session, index);
  presenter_update_resume (self);
  if (g_strcmp0 (page, "summary") == 0)
    presenter_update_summary (self);
  presenter_show_page (self, page);
  return TRUE;
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
      gtk_widget_set_focusable (row, TRUE);   /* the row is the control here */
      g_object_set_data (G_OBJECT (row), "mbc-case", GUINT_TO_POINTER (i));
      gtk_list_box_append (GTK_LIST_BOX (self->case_list), row);
    }
  /* The row the arrow keys move to is highlighted (selected) as well as focused: on a
   * projector the focus ring alone is not seen. */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->case_list), GTK_SELECTION_BROWSE);
  gtk_list_box_select_row (GTK_LIST_BOX (self->case_list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->case_list), 0));
  presenter_show_page (self, "choose");
  presenter_page_changed_cb (self);
  presenter_focus_resume (self);
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
