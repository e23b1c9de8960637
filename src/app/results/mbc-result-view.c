/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcResultView: the recommendation for the current case, why, what to do, what would
 * change it, how the polled oncologists voted, and the later evidence, kept apart. Rebuilt from
 * an MbcResult after every change of the case. Every status is an icon and a word,
 * never colour alone; activating a finding or plan item shows the text it rests on in a
 * window of its own, to read, select and copy; activating a change previews it
 * ("apply-change"). With nothing entered it says what to enter, calmly.
 */
#define G_LOG_DOMAIN "mbc-result-view"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "mbc-poll-chart.h"
#include "mbc-problem.h"
#include "mbc-result-view.h"
#include "mbc-section.h"
#include "mbc-text-row.h"
#include "mbc-tooltip.h"

struct _MbcResultView
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkWidget    *box;
  GtkWidget    *heading_icon;
  GtkWidget    *heading_label;
  GtkWidget    *evidence_label;
  GtkWidget    *evidence_title_label;
  GtkWidget    *evidence_button;
  GtkWidget    *interpretation_label;
  GtkWidget    *cautions_label;
  GtkWidget    *strength_label;
  GtkWidget    *strength_basis_label;
  GtkWidget    *rule_label;
  GtkWidget    *inputs_label;
  GtkWidget    *content;

  /* owned */
  MbcResult    *result;
  MbcGuideline *guideline;      /* the one the sections below were built for */
  GPtrArray    *finding_rows;   /* MbcTextRow, by finding index */
  GPtrArray    *plan_rows;      /* MbcTextRow, by plan item index */
  GPtrArray    *charts;         /* MbcPollChart */
  GPtrArray    *changes;        /* MbcChange: what would change the result */
  GPtrArray    *problems;       /* MbcProblem: of the case as entered (set_problems) */
  gboolean      empty;          /* nothing entered: the first-run state */
  gboolean      rest_pending;   /* the sections below the first screen are still to build */

  /* borrowed: sections rebuilt on every result */
  GtkWidget    *missing_section;
  GtkWidget    *confirm_section;
  GtkWidget    *changes_section;
  GtkWidget    *evidence_section;
  GtkWidget    *polls_section;
  GtkWidget    *plan_section;
};

G_DEFINE_FINAL_TYPE (MbcResultView, mbc_result_view, GTK_TYPE_WIDGET)

enum {
  FOCUS_FIELD,
  APPLY_CHANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_COMPLETE,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The heading's icon and colour follow the indicator the pack gives the rule that fired,
 * as a CDS Hooks card's would. Icons are ones the Adwaita theme of GTK 4.8 has as PNG at
 * every size, so that no SVG renderer is loaded (8 MiB at start-up). */
static const struct
{
  const char *indicator;
  const char *icon;
  const char *style;
} indicators[] = {
  { "info", "emblem-ok-symbolic", "success" },
  { "warning", "dialog-information-symbolic", "warning" },
  { "critical", "action-unavailable-symbolic", "error" },
};

/* A tick, a "no entry" sign and an ellipsis: not the close button's cross, nor the question
 * diamond that reads as a missing glyph; each beside its word. */
static const struct
{
  const char *icon;
  const char *style;
} statuses[] = {
  [MBC_FINDING_UNKNOWN] = { "content-loading-symbolic", "dim-label" },
  [MBC_FINDING_MET] = { "emblem-ok-symbolic", "success" },
  [MBC_FINDING_NOT_MET] = { "action-unavailable-symbolic", "error" },
};

/* --- Sources dialog ----------------------------------------------------------------------- */

/* What each source says: a quotation, or for a reference what it is cited for (its own
 * words, not a quotation), with any interpretation the application adds to it. */
static char *
view_quote_sources (MbcGuideline  *guideline,
                    const char   **ids)
{
  GString *out = g_string_new (NULL);

  g_assert (MBC_IS_GUIDELINE (guideline));

  for (guint i = 0; ids && ids[i]; i++)
    {
      const MbcSource *source = mbc_guideline_lookup_source (guideline, ids[i]);
      if (source == NULL)
        continue;
      if (out->len)
        g_string_append (out, "\n\n");
      g_string_append_printf (out, "%s (%s)\n", source->title, source->id);
      if (source->question)
        g_string_append_printf (out, _("Question: %s\n"), source->question);
      for (guint k = 0; source->options && k < source->options->len; k++)
        {
          const MbcPollOption *option = g_ptr_array_index (source->options, k);
          g_string_append_printf (out, "%s%s %g%%", k ? ", " : "",
                                  option->label, option->percent);
        }
      if (source->options)
        g_string_append_printf (out, " (%s)\n", mbc_guideline_get_polls (guideline)->series);
      if (source->consensus)
        g_string_append_printf (out, _("Expert group consensus: “%s”\n"), source->consensus);
      if (g_strcmp0 (source->kind, "reference") == 0)
        g_string_append (out, source->text);
      else
        g_string_append_printf (out, "“%s”", source->text);
      if (source->note)
        g_string_append_printf (out, "\n%s", source->note);
      if (source->interpretation)
        {
          g_autofree char *text = mbc_interpretation_text (source->interpretation);
          g_string_append_printf (out, "\n%s", text);
        }
    }
  return g_string_free (out, FALSE);
}

/* The references the sources of @ids cite, each once, with what they are cited for. */
static void
view_append_cited (GString      *out,
                   MbcGuideline *guideline,
                   const char  **ids)
{
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();

  g_assert (MBC_IS_GUIDELINE (guideline));

  for (guint i = 0; ids && ids[i]; i++)
    {
      const MbcSource *source = mbc_guideline_lookup_source (guideline, ids[i]);

      for (guint k = 0; source && source->cites && source->cites[k]; k++)
        {
          const MbcSource *reference = mbc_guideline_lookup_source (guideline, source->cites[k]);
          gboolean listed = g_strv_contains (ids, source->cites[k]);

          for (guint n = 0; n < cited->len && !listed; n++)
            listed = cited->pdata[n] == reference;
          if (reference && !listed)
            g_ptr_array_add (cited, (gpointer) reference);
        }
    }
  if (cited->len == 0)
    return;
  g_string_append_printf (out, "\n\n%s", _("References cited"));
  for (guint i = 0; i < cited->len; i++)
    {
      const MbcSource *reference = cited->pdata[i];

      g_string_append_printf (out, "\n\n%s (%s)\n%s", reference->title, reference->id,
                              reference->text);
      if (reference->interpretation)
        {
          g_autofree char *text = mbc_interpretation_text (reference->interpretation);
          g_string_append_printf (out, "\n%s", text);
        }
    }
}

static void
view_copy_cb (GtkButton   *button,
              GtkTextView *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (text_view)), text);
}

/* What a row rests on, in a window of its own: text to read, select and copy, not a
 * centred message. */
static GtkWidget *
view_show_sources (MbcResultView *self,
                   MbcTextRow    *row)
{
  const char **ids = g_object_get_data (G_OBJECT (row), "mbc-sources");
  const char *interpretation = g_object_get_data (G_OBJECT (row), "mbc-interpretation");
  MbcGuideline *guideline = mbc_result_get_guideline (self->result);
  g_autofree char *quoted = view_quote_sources (guideline, ids);
  g_autofree char *labelled = interpretation ? mbc_interpretation_text (interpretation) : NULL;
  GString *body = g_string_new (quoted);
  GtkWidget *window, *box, *header, *copy, *scrolled, *text_view;
  GtkEventController *keys;

  g_assert (MBC_IS_RESULT_VIEW (self));

  if (labelled)
    g_string_append_printf (body, "%s%s", body->len ? "\n\n" : "", labelled);
  view_append_cited (body, guideline, ids);

  window = adw_window_new ();
  gtk_widget_set_name (window, "sources-window");
  gtk_window_set_title (GTK_WINDOW (window), mbc_text_row_get_title (row));
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 480);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  copy = gtk_button_new_with_mnemonic (_("_Copy"));
  mbc_tooltip_set_text (copy, _("Copy the whole text"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), copy);
  gtk_box_append (GTK_BOX (box), header);

  text_view = gtk_text_view_new ();
  gtk_widget_set_name (text_view, "sources-text");
  gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 18);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 18);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 18);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (text_view), 3);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), body->str, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mbc_text_row_get_title (row), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_box_append (GTK_BOX (box), scrolled);
  g_signal_connect (copy, "clicked", G_CALLBACK (view_copy_cb), text_view);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Escape closes it, as a dialog. */
  keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
  g_string_free (body, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (text_view);
  return window;
}

/* A field row goes to the field in the form, a change row previews the change; any other
 * shows what it rests on. */
static void
view_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       MbcResultView *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mbc-field"));
  JsonNode *value = g_object_get_data (G_OBJECT (row), "mbc-change-value");

  if (field > 0 && value)
    g_signal_emit (self, signals[APPLY_CHANGE], 0, field - 1, value);
  else if (field > 0)
    g_signal_emit (self, signals[FOCUS_FIELD], 0, field - 1);
  else if (MBC_IS_TEXT_ROW (row))
    view_show_sources (self, MBC_TEXT_ROW (row));
}

/* --- Building ------------------------------------------------------------------------------ */

/* A section of the results, whose rows say what activating them does. */
static GtkWidget *
view_new_section (MbcResultView *self,
                  const char    *title,
                  const char    *description)
{
  GtkWidget *section = mbc_section_new (title, description);

  g_assert (MBC_IS_RESULT_VIEW (self));

  g_signal_connect (mbc_section_get_list (MBC_SECTION (section)), "row-activated",
                    G_CALLBACK (view_row_activated_cb), self);
  return section;
}

static GtkWidget *
view_add_section (MbcResultView *self,
                  const char    *title,
                  const char    *description)
{
  GtkWidget *section = view_new_section (self, title, description);

  gtk_box_append (GTK_BOX (self->content), section);
  return section;
}

static void
view_clear_section (GtkWidget *section)
{
  GtkWidget *list = mbc_section_get_list (MBC_SECTION (section));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)))
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

/* @text, then what it rests on: its sources by name and any interpretation, labelled. */
static char *
view_source_subtitle (MbcGuideline *guideline,
                      const char   *text,
                      const char  **sources,
                      const char   *interpretation)
{
  GString *out = g_string_new (text);

  g_assert (MBC_IS_GUIDELINE (guideline));

  if (interpretation)
    {
      g_autofree char *labelled = mbc_interpretation_text (interpretation);
      g_string_append_printf (out, "%s%s", out->len ? "\n" : "", labelled);
    }
  if (sources && sources[0])
    {
      g_autofree char *names =
        mbc_guideline_describe_sources (guideline, (const char * const *) sources);
      g_string_append_printf (out, _("%sSources: %s"), out->len ? "\n" : "", names);
    }
  return g_string_free (out, FALSE);
}

/* A row that shows what it rests on when activated; @status (nullable) goes before the
 * arrow. */
static GtkWidget *
view_new_source_row (MbcResultView  *self,
                     const char     *title,
                     const char    **sources,
                     const char     *interpretation,
                     GtkWidget      *status)
{
  GtkWidget *row = mbc_text_row_new (title, NULL);

  g_assert (MBC_IS_RESULT_VIEW (self));

  if (status)
    mbc_text_row_add_suffix (MBC_TEXT_ROW (row), status);
  if ((sources && sources[0]) || interpretation)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      mbc_tooltip_set_text (row, _("Show the text this rests on"));
      mbc_text_row_add_suffix (MBC_TEXT_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "mbc-sources", sources);
      g_object_set_data (G_OBJECT (row), "mbc-interpretation", (gpointer) interpretation);
    }
  return row;
}

/* One row a finding, in three sections; their status is set by update_findings(). */
static void
view_build_findings (MbcResultView *self)
{
  GPtrArray *groups = mbc_guideline_get_groups (self->guideline);
  GPtrArray *findings = mbc_guideline_get_findings (self->guideline);

  g_assert (MBC_IS_RESULT_VIEW (self));

  self->finding_rows = g_ptr_array_new ();
  g_ptr_array_set_size (self->finding_rows, findings->len);
  for (guint g = 0; g < groups->len; g++)
    {
      const MbcGroup *info = g_ptr_array_index (groups, g);
      /* The group's description and interpretation; its references are its findings'. */
      g_autofree char *description =
        view_source_subtitle (self->guideline, info->description ? info->description : "",
                              NULL, info->interpretation);
      GtkWidget *section = view_add_section (self, info->title,
                                             *description ? description : NULL);

      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          GtkWidget *row, *word;

          if (g_strcmp0 (finding->group, info->id) != 0)
            continue;
          word = gtk_label_new (NULL);
          gtk_widget_add_css_class (word, "heading");
          row = view_new_source_row (self, finding->title, finding->sources,
                                     finding->interpretation, word);
          g_object_set_data (G_OBJECT (row), "mbc-word", word);
          gtk_widget_set_name (row, finding->id);
          mbc_section_add (MBC_SECTION (section), row);
          self->finding_rows->pdata[i] = row;
        }
    }
}

/* A finding's line under its title: the reason for its status, and, when the finding rests
 * on an interpretation of the application's, a word that says so (opened from the row). */
static char *
view_finding_subtitle (const MbcFinding *finding,
                       MbcFindingStatus  status)
{
  if (finding->interpretation == NULL)
    return g_strdup (finding->text[status]);
  /* TRANSLATORS: a finding's reason, then a mark that it rests on an interpretation */
  return g_strdup_printf (_("%s Interpreted by the application."), finding->text[status]);
}

static void
view_update_findings (MbcResultView *self)
{
  GPtrArray *findings = mbc_guideline_get_findings (self->guideline);

  g_assert (MBC_IS_RESULT_VIEW (self));

  for (guint i = 0; i < findings->len; i++)
    {
      const MbcFinding *finding = g_ptr_array_index (findings, i);
      MbcFindingStatus status = mbc_result_get_finding_status (self->result, i);
      MbcTextRow *row = self->finding_rows->pdata[i];
      GtkWidget *word = g_object_get_data (G_OBJECT (row), "mbc-word");
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;

      /* A "not met" that alone decides nothing (the pack says so: one of alternatives, a
       * supporting factor) is not drawn in the colour of a contraindication. */
      const char *style = status == MBC_FINDING_NOT_MET &&
                          g_strcmp0 (finding->not_met_indicator, "info") == 0
                          ? "dim-label" : statuses[status].style;

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (word)), mbc_finding_status_word (status)) != 0 ||
          !gtk_widget_has_css_class (word, style))
        {
          GtkWidget *icon = gtk_image_new_from_icon_name (statuses[status].icon);

          gtk_widget_add_css_class (icon, style);
          mbc_text_row_set_prefix (row, icon);
          for (guint k = 0; k < G_N_ELEMENTS (statuses); k++)
            gtk_widget_remove_css_class (word, statuses[k].style);
          gtk_widget_add_css_class (word, style);
          gtk_label_set_text (GTK_LABEL (word), mbc_finding_status_word (status));
        }
      /* A checklist: the status and one line; the quotation, the application's
       * interpretation and the references open from the row. */
      subtitle = view_finding_subtitle (finding, status);
      mbc_text_row_set_subtitle (row, subtitle);
      name = g_strdup_printf ("%s: %s", finding->title, mbc_finding_status_word (status));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
    }
}

/* The first problem set_problems() gave for @field, or NULL. */
static const MbcProblem *
view_field_problem (MbcResultView *self,
                    int            field)
{
  g_assert (MBC_IS_RESULT_VIEW (self));

  for (guint i = 0; self->problems && i < self->problems->len; i++)
    {
      const MbcProblem *problem = g_ptr_array_index (self->problems, i);
      if (mbc_case_field_from_problem (problem->where) == field)
        return problem;
    }
  return NULL;
}

/* Whether @section already shows what @key describes; if not, remembers @key. Rows that did
 * not change are kept, so that the results do not jump while a person types. */
static gboolean
view_section_unchanged (GtkWidget  *section,
                        const char *key)
{
  const char *shown = g_object_get_data (G_OBJECT (section), "mbc-key");

  if (g_strcmp0 (shown, key) == 0)
    return TRUE;
  g_object_set_data_full (G_OBJECT (section), "mbc-key", g_strdup (key), g_free);
  return FALSE;
}

/* The rows of "Answer these to decide" or "Confirm before surgery"; hidden when empty. A
 * field with a problem says so, with the problem, rather than "not recorded". */
static void
view_update_fields (GtkWidget     *section,
                    MbcResultView *self,
                    GPtrArray     *fields)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      int field = mbc_case_field_from_name (g_ptr_array_index (fields, i));
      const MbcProblem *problem = field >= 0 ? view_field_problem (self, field) : NULL;
      g_string_append_printf (key, "%d:%s\n", field, problem ? problem->message : "");
    }
  gtk_widget_set_visible (section, fields->len > 0);
  if (view_section_unchanged (section, key->str))
    return;
  view_clear_section (section);
  for (guint i = 0; i < fields->len; i++)
    {
      int field = mbc_case_field_from_name (g_ptr_array_index (fields, i));
      const MbcProblem *problem;
      GtkWidget *row;
      g_autofree char *tooltip = NULL;

      if (field < 0)
        continue;
      problem = view_field_problem (self, field);
      row = mbc_text_row_new (mbc_case_field_get_title (field), NULL);
      if (problem)
        {
          g_autofree char *message = mbc_problem_escape (problem->message);
          g_autofree char *subtitle = g_strdup_printf (_("Has a problem: %s"), message);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Problem"), -1);
          mbc_text_row_set_prefix (MBC_TEXT_ROW (row), icon);
          mbc_text_row_set_subtitle (MBC_TEXT_ROW (row), subtitle);
        }
      else
        mbc_text_row_set_subtitle (MBC_TEXT_ROW (row), _("Not recorded"));
      tooltip = g_strdup_printf (_("Go to %s in the form"), mbc_case_field_get_title (field));
      mbc_text_row_add_suffix (MBC_TEXT_ROW (row),
                               gtk_image_new_from_icon_name ("document-edit-symbolic"));
      mbc_tooltip_set_text (row, tooltip);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "mbc-field", GUINT_TO_POINTER (field + 1));
      mbc_section_add (MBC_SECTION (section), row);
    }
}

/* Every plan item of the guideline, each shown when the result includes it. */
static void
view_build_plan (MbcResultView *self)
{
  GPtrArray *sections = mbc_guideline_get_plan_sections (self->guideline);
  GPtrArray *items = mbc_guideline_get_plan_items (self->guideline);
  GtkWidget *plan_box;

  g_assert (MBC_IS_RESULT_VIEW (self));

  self->plan_rows = g_ptr_array_new ();
  g_ptr_array_set_size (self->plan_rows, items->len);
  /* The plan, one click away (the answer and its conditions first): its sections in one. */
  self->plan_section = view_add_section (self, _("Plan"), NULL);
  mbc_section_set_collapsible (MBC_SECTION (self->plan_section));
  gtk_widget_set_name (self->plan_section, "plan");
  plan_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (plan_box, 6);
  mbc_section_append (MBC_SECTION (self->plan_section), plan_box);
  for (guint s = 0; s < sections->len; s++)
    {
      const MbcPlanSection *section = g_ptr_array_index (sections, s);
      GtkWidget *list_section = NULL;

      for (guint i = 0; i < items->len; i++)
        {
          const MbcPlanItem *item = g_ptr_array_index (items, i);
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (g_strcmp0 (item->section, section->id) != 0)
            continue;
          if (list_section == NULL)
            {
              list_section = view_new_section (self, section->title, NULL);
              gtk_box_append (GTK_BOX (plan_box), list_section);
            }
          row = view_new_source_row (self, item->summary, item->sources, NULL, NULL);
          subtitle = view_source_subtitle (self->guideline, item->detail, item->sources, NULL);
          mbc_text_row_set_subtitle (MBC_TEXT_ROW (row), subtitle);
          if (g_strcmp0 (item->indicator, "warning") == 0)
            {
              GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
              gtk_widget_add_css_class (icon, "warning");
              gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _("Warning"), -1);
              mbc_text_row_set_prefix (MBC_TEXT_ROW (row), icon);
            }
          gtk_widget_set_name (row, item->id);
          mbc_section_add (MBC_SECTION (list_section), row);
          self->plan_rows->pdata[i] = row;
        }
    }
}

static void
view_update_plan (MbcResultView *self)
{
  GPtrArray *items = mbc_guideline_get_plan_items (self->guideline);
  GPtrArray *plan = mbc_result_get_plan (self->result);

  g_assert (MBC_IS_RESULT_VIEW (self));

  for (guint i = 0; i < items->len; i++)
    {
      gboolean shown = FALSE;
      for (guint k = 0; k < plan->len && !shown; k++)
        shown = plan->pdata[k] == items->pdata[i];
      gtk_widget_set_visible (self->plan_rows->pdata[i], shown);
    }
  /* A section with nothing in it is hidden. */
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *list = gtk_widget_get_parent (self->plan_rows->pdata[i]);
      gboolean any = FALSE;

      for (GtkWidget *row = gtk_widget_get_first_child (list); row && !any;
           row = gtk_widget_get_next_sibling (row))
        any = gtk_widget_get_visible (row);
      gtk_widget_set_visible (gtk_widget_get_parent (list), any);
    }
  gtk_widget_set_visible (self->plan_section, plan->len > 0);
}

/* "What would change this": a row a change, each previewing it when activated. */
static void
view_update_changes (MbcResultView *self,
                     GPtrArray     *changes)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_assert (MBC_IS_RESULT_VIEW (self));

  for (guint i = 0; changes && i < changes->len; i++)
    {
      const MbcChange *change = g_ptr_array_index (changes, i);
      g_string_append_printf (key, "%u:%s:%s\n", change->field, change->text, change->tier);
    }
  gtk_widget_set_visible (self->changes_section,
                          !self->empty && changes != NULL && changes->len > 0);
  if (view_section_unchanged (self->changes_section, key->str))
    return;
  view_clear_section (self->changes_section);
  for (guint i = 0; changes && i < changes->len; i++)
    {
      const MbcChange *change = g_ptr_array_index (changes, i);
      g_autofree char *title = g_strdup_printf ("%s: %s", mbc_case_field_get_title (change->field),
                                                change->text);
      const MbcTierText *tier = mbc_guideline_get_tier_text (self->guideline, change->tier);
      g_autofree char *outcome = g_strdup_printf (_("would give: %s"),
                                                  tier ? tier->title : change->tier);
      GtkWidget *row = mbc_text_row_new (title, outcome);

      mbc_text_row_add_suffix (MBC_TEXT_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));
      mbc_tooltip_set_text (row, _("Try this value in the form"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "mbc-field", GUINT_TO_POINTER (change->field + 1));
      g_object_set_data_full (G_OBJECT (row), "mbc-change-value", json_node_ref (change->value),
                              (GDestroyNotify) json_node_unref);
      mbc_section_add (MBC_SECTION (self->changes_section), row);
    }
}

static void
view_build_polls (MbcResultView *self)
{
  GPtrArray *sources = mbc_guideline_get_sources (self->guideline);
  const MbcPolls *polls = mbc_guideline_get_polls (self->guideline);
  g_autofree char *description =
    g_strdup_printf (_("%s Those whose expert group statement this result rests on are "
                       "marked."), polls->description ? polls->description : "");
  GtkWidget *section = view_add_section (self, polls->title, g_strstrip (description));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  g_assert (MBC_IS_RESULT_VIEW (self));

  mbc_section_set_collapsible (MBC_SECTION (section));
  self->polls_section = section;
  /* Charts in a card, not rows: nothing to activate. */
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (box, 6);
  self->charts = g_ptr_array_new ();
  for (guint i = 0; i < sources->len; i++)
    {
      const MbcSource *source = g_ptr_array_index (sources, i);
      GtkWidget *chart;

      if (g_strcmp0 (source->kind, "poll") != 0 && g_strcmp0 (source->kind, "question") != 0)
        continue;
      chart = mbc_poll_chart_new (self->guideline, source->id);
      gtk_widget_set_margin_start (chart, 12);
      gtk_widget_set_margin_end (chart, 12);
      gtk_widget_set_margin_top (chart, self->charts->len == 0 ? 12 : 0);
      gtk_box_append (GTK_BOX (box), chart);
      g_ptr_array_add (self->charts, chart);
    }
  if (self->charts->len > 0)
    gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);
  mbc_section_append (MBC_SECTION (section), box);
}

/* Marked: the polls the result itself rests on, those of the rule that decided and of its
 * strength; not every table the plan cites. */
static void
view_update_polls (MbcResultView *self)
{
  g_assert (MBC_IS_RESULT_VIEW (self));

  for (guint i = 0; i < self->charts->len; i++)
    {
      MbcPollChart *chart = self->charts->pdata[i];
      const char *id = mbc_poll_chart_get_source (chart)->id;
      gboolean used = !self->empty && mbc_result_rests_on (self->result, id);

      mbc_poll_chart_set_highlighted (chart, used);
    }
}

static void
view_build_evidence (MbcResultView *self)
{
  const MbcEvidence *evidence = mbc_guideline_get_evidence (self->guideline);
  g_autofree char *title = mbc_evidence_dated_title (evidence);
  g_autofree char *description = g_strdup_printf ("%s %s", evidence->note ? evidence->note : "",
                                                  evidence->summary);
  GtkWidget *section = view_add_section (self, title, description);

  g_assert (MBC_IS_RESULT_VIEW (self));

  self->evidence_section = section;
  mbc_section_set_collapsible (MBC_SECTION (section));
  gtk_widget_set_name (section, "evidence");
  gtk_widget_add_css_class (section, "evidence");
  for (guint i = 0; i < evidence->items->len; i++)
    {
      const MbcEvidenceItem *item = g_ptr_array_index (evidence->items, i);
      g_autofree char *row_title = item->citation ? g_strdup_printf ("%s — %s", item->title,
                                                                     item->citation)
                                                  : g_strdup (item->title);

      mbc_section_add (MBC_SECTION (section), mbc_text_row_new (row_title, item->text));
    }
}

static void
view_build_footer (MbcResultView *self)
{
  g_autofree char *sha = g_strndup (mbc_guideline_get_sha256 (self->guideline), 12);
  g_autofree char *text = g_strdup_printf (_("%s, version %s, SHA-256 %s…\n\n%s"),
                                           mbc_guideline_get_title (self->guideline),
                                           mbc_guideline_get_version (self->guideline), sha,
                                           mbc_guideline_get_disclaimer (self->guideline));
  GtkWidget *label = gtk_label_new (text);

  g_assert (MBC_IS_RESULT_VIEW (self));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (label, "footer");
  gtk_box_append (GTK_BOX (self->content), label);
}

static void view_update_rest (MbcResultView *self);

/* The sections below the first screen: the findings, the plan, the polls, the evidence
 * and the footer, which hold most of the text. Built when the first frame has been painted,
 * so that the window shows sooner. */
static void
view_build_rest (MbcResultView *self)
{
  g_assert (MBC_IS_RESULT_VIEW (self));

  self->rest_pending = FALSE;
  self->confirm_section = view_add_section (self, _("Confirm Before Surgery"),
                                            _("Not recorded, and needed before operating."));
  self->changes_section =
    view_add_section (self, _("What Would Change This"),
                      _("For each input not recorded, the value that would give another "
                        "recommendation, found by evaluating the changed case. Activate one "
                        "to try it in the form."));
  gtk_widget_set_name (self->changes_section, "changes");
  view_build_findings (self);
  view_build_plan (self);
  view_build_polls (self);
  view_build_evidence (self);
  view_build_footer (self);
  if (self->result)
    view_update_rest (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
view_first_frame_cb (GdkFrameClock *clock,
                     MbcResultView *self)
{
  g_signal_handlers_disconnect_by_func (clock, view_first_frame_cb, self);
  if (self->rest_pending)
    view_build_rest (self);
}

/* The evidence note's Details goes to the evidence section (built with the rest), opened. */
static void
view_evidence_details_cb (MbcResultView *self)
{
  GtkWidget *list;

  if (self->rest_pending)
    view_build_rest (self);
  if (self->evidence_section == NULL)
    return;
  mbc_section_set_expanded (MBC_SECTION (self->evidence_section), TRUE);
  list = mbc_section_get_list (MBC_SECTION (self->evidence_section));
  if (gtk_widget_get_first_child (list))
    gtk_widget_grab_focus (gtk_widget_get_first_child (list));
}

/* The sections, once a guideline: later results only change what they show. */
static void
view_build (MbcResultView *self,
            MbcGuideline  *guideline)
{
  GtkWidget *child;

  g_assert (MBC_IS_RESULT_VIEW (self));

  while ((child = gtk_widget_get_first_child (self->content)))
    gtk_box_remove (GTK_BOX (self->content), child);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  self->rest_pending = FALSE;
  self->evidence_section = NULL;
  self->polls_section = NULL;
  self->plan_section = NULL;
  g_set_object (&self->guideline, guideline);
  gtk_label_set_text (GTK_LABEL (self->evidence_label), "");
  gtk_label_set_text (GTK_LABEL (self->evidence_title_label), "");
  if (guideline == NULL)
    return;
  {
    /* The dated note of later evidence, under the heading, under its own title, which links
     * to the full note. */
    const MbcEvidence *evidence = mbc_guideline_get_evidence (guideline);
    gtk_label_set_text (GTK_LABEL (self->evidence_title_label), evidence->title);
    gtk_label_set_text (GTK_LABEL (self->evidence_label), evidence->line);
  }

  self->missing_section =
    view_add_section (self, _("Answer These to Decide"),
                      _("The recommendation depends on these inputs: activate one to fill it "
                        "in."));
  self->rest_pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    view_build_rest (self);
}

static void
view_update_rest (MbcResultView *self)
{
  g_assert (MBC_IS_RESULT_VIEW (self));

  view_update_fields (self->confirm_section, self, mbc_result_get_confirm (self->result));
  view_update_changes (self, self->changes);
  view_update_findings (self);
  view_update_plan (self);
  view_update_polls (self);
}

/* Under the heading: how many inputs have problems, apart from how many needed ones are not
 * recorded (a field with a problem is not counted as not recorded). */
static void
view_update_inputs (MbcResultView *self)
{
  GPtrArray *lists[] = { mbc_result_get_missing (self->result),
                         mbc_result_get_confirm (self->result) };
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 with_problems = 0, not_recorded = 0;
  guint n_problems, n_not_recorded;

  g_assert (MBC_IS_RESULT_VIEW (self));

  for (guint i = 0; self->problems && i < self->problems->len; i++)
    {
      const MbcProblem *problem = g_ptr_array_index (self->problems, i);
      int field = mbc_case_field_from_problem (problem->where);
      if (field >= 0)
        with_problems |= G_GUINT64_CONSTANT (1) << field;
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        int field = mbc_case_field_from_name (g_ptr_array_index (lists[l], i));
        if (field >= 0 && !((with_problems >> field) & 1))
          not_recorded |= G_GUINT64_CONSTANT (1) << field;
      }
  n_problems = __builtin_popcountll (with_problems);
  n_not_recorded = __builtin_popcountll (not_recorded);
  if (n_problems > 0)
    g_string_append_printf (text, ngettext ("%u input has a problem",
                                            "%u inputs have problems", n_problems), n_problems);
  if (n_problems > 0 && n_not_recorded > 0 && !self->empty)
    g_string_append (text, _(", "));
  if (n_not_recorded > 0 && !self->empty)
    g_string_append_printf (text, ngettext ("%u needed input not recorded",
                                            "%u needed inputs not recorded", n_not_recorded),
                            n_not_recorded);
  gtk_label_set_text (GTK_LABEL (self->inputs_label), text->str);
  gtk_widget_set_visible (self->inputs_label, text->len > 0);
}

/* Directly under the heading: the interpretation the deciding rule rests on, and the
 * cautions that hold (each with what it rests on). Hidden when there is none. */
static void
view_update_under_heading (MbcResultView *self,
                           MbcResult     *result)
{
  const MbcRule *rule = result ? mbc_result_get_rule (result) : NULL;
  GPtrArray *cautions = result ? mbc_result_get_cautions (result) : NULL;
  g_autofree char *interpretation = rule && rule->interpretation
                                    ? mbc_interpretation_text (rule->interpretation) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_label_set_text (GTK_LABEL (self->interpretation_label),
                      interpretation ? interpretation : "");
  gtk_widget_set_visible (self->interpretation_label, interpretation != NULL);
  /* Each caution in bold, not to be read as body text, then what it rests on. */
  for (guint i = 0; cautions && i < cautions->len; i++)
    {
      const MbcCaution *caution = g_ptr_array_index (cautions, i);
      g_autofree char *line = g_strdup_printf (_("Caution: %s"), caution->text);
      g_autofree char *basis = view_source_subtitle (self->guideline, "",
                                                     (const char **) caution->sources,
                                                     caution->interpretation);
      g_autofree char *markup = g_markup_printf_escaped ("%s<b>%s</b>%s%s",
                                                         text->len ? "\n" : "", line,
                                                         *basis ? "\n" : "", basis);
      g_string_append (text, markup);
    }
  gtk_label_set_markup (GTK_LABEL (self->cautions_label), text->str);
  gtk_widget_set_visible (self->cautions_label, text->len > 0);
}

static void
view_update (MbcResultView *self,
             GPtrArray     *changes)
{
  const MbcRule *rule;
  const MbcStrength *strength;
  gboolean stronger;
  g_autofree char *rule_text = NULL;

  g_assert (MBC_IS_RESULT_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      gtk_widget_remove_css_class (self->heading_icon, indicators[i].style);
      gtk_widget_remove_css_class (self->heading_label, indicators[i].style);
    }
  if (self->result == NULL)
    {
      view_build (self, NULL);
      return;
    }
  if (mbc_result_get_guideline (self->result) != self->guideline)
    view_build (self, mbc_result_get_guideline (self->result));

  rule = mbc_result_get_rule (self->result);
  /* Nothing entered (and nothing entered wrongly): what to enter, not a verdict. */
  self->empty = !mbc_result_get_any_input_known (self->result) &&
                (self->problems == NULL || self->problems->len == 0);
  if (self->empty)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->heading_icon), "document-edit-symbolic");
      gtk_label_set_text (GTK_LABEL (self->heading_label), _("Enter the Case"));
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
        if (g_strcmp0 (indicators[i].indicator, rule->indicator) == 0)
          {
            gtk_image_set_from_icon_name (GTK_IMAGE (self->heading_icon), indicators[i].icon);
            gtk_widget_add_css_class (self->heading_icon, indicators[i].style);
            gtk_widget_add_css_class (self->heading_label, indicators[i].style);
          }
      gtk_label_set_text (GTK_LABEL (self->heading_label), mbc_result_get_heading (self->result));
    }
  strength = mbc_result_get_strength_basis (self->result);
  stronger = g_strcmp0 (mbc_result_get_strength (self->result), "stronger") == 0;
  gtk_widget_set_visible (self->strength_label, stronger);
  gtk_widget_set_visible (self->strength_basis_label, stronger);
  if (stronger)
    {
      g_autofree char *basis = view_source_subtitle (self->guideline, strength->detail,
                                                     (const char **) strength->sources, NULL);
      gtk_label_set_text (GTK_LABEL (self->strength_label), strength->summary);
      gtk_label_set_text (GTK_LABEL (self->strength_basis_label), basis);
    }
  if (self->empty)
    /* The guideline's name from the pack; what it needs first is listed below it. */
    rule_text = g_strdup_printf (_("Nothing is entered yet. Fill in the form with what is "
                                   "recorded: the %s is applied after every change, and "
                                   "nothing left unknown is guessed. To decide, it needs "
                                   "these first."),
                                 mbc_guideline_get_short_title (self->guideline)
                                 ? mbc_guideline_get_short_title (self->guideline)
                                 : mbc_guideline_get_title (self->guideline));
  else
    {
      g_autofree char *summary = g_strdup_printf ("%s %s", rule->summary, rule->detail);
      /* The rule's interpretation stands under the heading, not here. */
      rule_text = view_source_subtitle (self->guideline, summary, (const char **) rule->sources,
                                        NULL);
    }
  view_update_under_heading (self, self->empty ? NULL : self->result);
  if (g_strcmp0 (rule_text, gtk_label_get_text (GTK_LABEL (self->rule_label))) != 0)
    gtk_label_set_text (GTK_LABEL (self->rule_label), rule_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->empty ? rule_text : rule->summary, -1);
  view_update_inputs (self);

  view_update_fields (self->missing_section, self, mbc_result_get_missing (self->result));
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  self->changes = changes ? g_ptr_array_ref (changes) : NULL;
  if (!self->rest_pending)
    view_update_rest (self);
}

static void
view_restore_scroll_cb (GtkAdjustment *adjustment,
                        gpointer       user_data)
{
  double *value = g_object_get_data (G_OBJECT (adjustment), "mbc-kept-value");

  if (value && gtk_adjustment_get_value (adjustment) != *value)
    gtk_adjustment_set_value (adjustment, *value);
}

static gboolean
view_scroll_kept_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  GtkAdjustment *adjustment = user_data;
  guint ticks = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (adjustment), "mbc-kept-ticks"));

  /* A tick comes before the frame's layout: the second one follows the frame laid out. */
  if (ticks == 0)
    {
      g_object_set_data (G_OBJECT (adjustment), "mbc-kept-ticks", GUINT_TO_POINTER (1));
      return G_SOURCE_CONTINUE;
    }
  g_object_set_data (G_OBJECT (adjustment), "mbc-kept-ticks", NULL);
  g_signal_handlers_disconnect_by_func (adjustment, view_restore_scroll_cb, NULL);
  g_object_set_data (G_OBJECT (adjustment), "mbc-kept-value", NULL);
  return G_SOURCE_REMOVE;
}

/* The results do not jump while a person types: when a replaced result changes the height of
 * what is above the scroll position, the position it had is put back until the next frame
 * is drawn. */
static void
view_keep_scroll (MbcResultView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double *value;

  g_assert (MBC_IS_RESULT_VIEW (self));

  if (scrolled == NULL || !gtk_widget_get_mapped (scrolled))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (g_object_get_data (G_OBJECT (adjustment), "mbc-kept-value"))
    return;
  value = g_new (double, 1);
  *value = gtk_adjustment_get_value (adjustment);
  g_object_set_data_full (G_OBJECT (adjustment), "mbc-kept-value", value, g_free);
  g_signal_connect (adjustment, "changed", G_CALLBACK (view_restore_scroll_cb), NULL);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (view_restore_scroll_cb), NULL);
  gtk_widget_add_tick_callback (scrolled, view_scroll_kept_cb, g_object_ref (adjustment),
                                g_object_unref);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
mbc_result_view_dispose (GObject *object)
{
  MbcResultView *self = MBC_RESULT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_RESULT_VIEW);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_object (&self->guideline);
  g_clear_object (&self->result);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (mbc_result_view_parent_class)->dispose (object);
}

static void
mbc_result_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mbc_result_view_parent_class)->map (widget);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (view_first_frame_cb), widget, 0);
}

static void
mbc_result_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MbcResultView *self = MBC_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, mbc_result_view_get_complete (self));
      break;
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_result_view_class_init (MbcResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_result_view_dispose;
  object_class->get_property = mbc_result_view_get_property;
  widget_class->map = mbc_result_view_map;

  /**
   * MbcResultView:complete:
   *
   * Whether every section is built. The sections below the first screen are built once
   * the first frame is painted.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * MbcResultView:result:
   *
   * The result shown (%NULL for none): what views beside it, such as the window's summary
   * bar, bind to.
   */
  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, MBC_TYPE_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbcResultView::focus-field:
   * @field: an #MbcCaseField
   *
   * The person asked to fill in @field ("Answer these to decide").
   */
  signals[FOCUS_FIELD] = g_signal_new ("focus-field", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * MbcResultView::apply-change:
   * @field: an #MbcCaseField
   * @value: the value for it, as the case file writes it
   *
   * The person asked to try a change "What would change this" proposes.
   */
  signals[APPLY_CHANGE] = g_signal_new ("apply-change", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_UINT, JSON_TYPE_NODE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-result-view.ui");
  /* Bound so that gtk_widget_dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, box);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, heading_icon);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, evidence_title_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, interpretation_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, cautions_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, strength_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, strength_basis_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, inputs_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mbc_result_view_init (MbcResultView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->evidence_button, "clicked",
                            G_CALLBACK (view_evidence_details_cb), self);
}

GtkWidget *
mbc_result_view_new (void)
{
  return g_object_new (MBC_TYPE_RESULT_VIEW, NULL);
}

/**
 * mbc_result_view_set_result:
 * @result: (nullable): the result to show
 * @changes: (nullable) (element-type MbcChange): what would change it
 */
void
mbc_result_view_set_result (MbcResultView *self,
                            MbcResult     *result,
                            GPtrArray     *changes)
{
  g_return_if_fail (MBC_IS_RESULT_VIEW (self));
  g_return_if_fail (result == NULL || MBC_IS_RESULT (result));

  /* A new guideline can complete the view: say so once it shows this result. */
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->result, result))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
  view_update (self, changes);
  view_keep_scroll (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mbc_result_view_get_under_heading:
 *
 * Returns: (transfer full) (nullable): what stands under the heading, as text: the
 *   interpretation the deciding rule rests on and the cautions, a line each; %NULL when
 *   there is none (or nothing is entered).
 */
char *
mbc_result_view_get_under_heading (MbcResultView *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MBC_IS_RESULT_VIEW (self), NULL);
  if (gtk_widget_get_visible (self->interpretation_label))
    g_string_append (out, gtk_label_get_text (GTK_LABEL (self->interpretation_label)));
  if (gtk_widget_get_visible (self->cautions_label))
    g_string_append_printf (out, "%s%s", out->len ? "\n" : "",
                            gtk_label_get_text (GTK_LABEL (self->cautions_label)));
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/**
 * mbc_result_view_set_problems:
 * @problems: (nullable) (element-type MbcProblem): the problems of the case as entered, each
 *   naming a case field
 *
 * Called before mbc_result_view_set_result() after each change: the heading then counts the
 * inputs with problems apart from those not recorded, and a field with a problem is shown
 * with it rather than as not recorded.
 */
void
mbc_result_view_set_problems (MbcResultView *self,
                              GPtrArray     *problems)
{
  g_return_if_fail (MBC_IS_RESULT_VIEW (self));

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (problems)
    {
      self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mbc_problem_free);
      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (self->problems, mbc_problem_copy (problems->pdata[i]));
    }
}

MbcResult *
mbc_result_view_get_result (MbcResultView *self)
{
  g_return_val_if_fail (MBC_IS_RESULT_VIEW (self), NULL);
  return self->result;
}

gboolean
mbc_result_view_get_complete (MbcResultView *self)
{
  g_return_val_if_fail (MBC_IS_RESULT_VIEW (self), FALSE);
  return self->guideline != NULL && !self->rest_pending;
}

const char *
mbc_result_view_get_heading (MbcResultView *self)
{
  g_return_val_if_fail (MBC_IS_RESULT_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->heading_label));
}
