/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcResultView: the recommendation for the current case, why, what to do, what would
 * change it, how the 2017 panel voted, and the later evidence, kept apart. Rebuilt from
 * an MbcResult after every change of the case. Every status is an icon and a word,
 * never colour alone; activating a finding or plan item quotes the text it rests on.
 */
#define G_LOG_DOMAIN "mbc-result-view"

#include "config.h"

#include <adwaita.h>

#include "mbc-poll-chart.h"
#include "mbc-result-view.h"

struct _MbcResultView
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkWidget    *box;
  GtkWidget    *heading_icon;
  GtkWidget    *heading_label;
  GtkWidget    *strength_label;
  GtkWidget    *rule_label;
  GtkWidget    *content;

  /* owned */
  MbcResult    *result;
};

G_DEFINE_FINAL_TYPE (MbcResultView, mbc_result_view, GTK_TYPE_WIDGET)

enum {
  FOCUS_FIELD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *tier;
  const char *heading;
  const char *icon;
  const char *style;
} tiers[] = {
  { "recommended", "Surgery can be recommended", "emblem-ok-symbolic", "success" },
  { "individualise", "Individual decision", "dialog-information-symbolic", "warning" },
  { "not_recommended", "Surgery not recommended", "action-unavailable-symbolic", "error" },
  { "indeterminate", "More information needed", "dialog-question-symbolic", "accent" },
};

static const struct
{
  const char *word;
  const char *icon;
  const char *style;
} statuses[] = {
  [MBC_FINDING_UNKNOWN] = { "Unknown", "dialog-question-symbolic", "dim-label" },
  [MBC_FINDING_MET] = { "Met", "emblem-ok-symbolic", "success" },
  [MBC_FINDING_NOT_MET] = { "Not met", "window-close-symbolic", "error" },
};

/**
 * mbc_result_view_tier_heading:
 *
 * Returns: the heading shown for a tier ("Surgery can be recommended", …).
 */
const char *
mbc_result_view_tier_heading (const char *tier)
{
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    if (g_strcmp0 (tiers[i].tier, tier) == 0)
      return tiers[i].heading;
  return "";
}

/* --- Sources dialog ----------------------------------------------------------------------- */

static char *
quote_sources (MbcGuideline  *guideline,
               const char   **ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids && ids[i]; i++)
    {
      const MbcSource *source = mbc_guideline_lookup_source (guideline, ids[i]);
      if (source == NULL)
        continue;
      if (out->len)
        g_string_append (out, "\n\n");
      g_string_append_printf (out, "%s (%s)\n", source->title, source->id);
      if (source->question)
        g_string_append_printf (out, "Question: %s\n", source->question);
      for (guint k = 0; source->options && k < source->options->len; k++)
        {
          const MbcPollOption *option = g_ptr_array_index (source->options, k);
          g_string_append_printf (out, "%s%s %g%%", k ? ", " : "Polled oncologists: ",
                                  option->label, option->percent);
        }
      if (source->options)
        g_string_append_c (out, '\n');
      if (source->consensus)
        g_string_append_printf (out, "Expert group consensus: “%s”\n", source->consensus);
      g_string_append_printf (out, "“%s”", source->text);
      if (source->note)
        g_string_append_printf (out, "\n%s", source->note);
    }
  return g_string_free (out, FALSE);
}

static void
row_activated_cb (AdwActionRow  *row,
                  MbcResultView *self)
{
  const char **ids = g_object_get_data (G_OBJECT (row), "mbc-sources");
  const char *interpretation = g_object_get_data (G_OBJECT (row), "mbc-interpretation");
  g_autofree char *quoted = quote_sources (mbc_result_get_guideline (self->result), ids);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (interpretation && *quoted)
    body = g_strdup_printf ("%s\n\nThe application's interpretation: %s", quoted, interpretation);
  else if (interpretation)
    body = g_strdup_printf ("The application's interpretation: %s", interpretation);
  else
    body = g_steal_pointer (&quoted);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "_Close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Building ----------------------------------------------------------------------------- */

static GtkWidget *
add_group (MbcResultView *self,
           const char    *title,
           const char    *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->content), group);
  return group;
}

static char *
sources_text (const char **ids)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids && ids[i]; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "Sources: ", ids[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A row that shows what it rests on when activated. */
static GtkWidget *
add_source_row (MbcResultView  *self,
                GtkWidget      *group,
                const char     *title,
                const char     *subtitle,
                const char    **sources,
                const char     *interpretation,
                GtkWidget      *status)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *where = sources_text (sources);
  g_autofree char *full = NULL;

  if (interpretation)
    full = g_strdup_printf ("%s\nInterpretation: %s\n%s", subtitle, interpretation, where);
  else
    full = g_strdup_printf ("%s%s%s", subtitle, *where ? "\n" : "", where);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full);
  if (status)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  if ((sources && sources[0]) || interpretation)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_widget_set_tooltip_text (row, "Show the text this rests on");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "mbc-sources", sources);
      g_object_set_data (G_OBJECT (row), "mbc-interpretation", (gpointer) interpretation);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_findings (MbcResultView *self)
{
  MbcGuideline *guideline = mbc_result_get_guideline (self->result);
  GPtrArray *groups = mbc_guideline_get_groups (guideline);
  GPtrArray *findings = mbc_guideline_get_findings (guideline);

  for (guint g = 0; g < groups->len; g++)
    {
      const MbcGroup *info = g_ptr_array_index (groups, g);
      GtkWidget *group = add_group (self, info->title, info->description);

      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          MbcFindingStatus status = mbc_result_get_finding_status (self->result, i);
          GtkWidget *row, *icon, *word;
          g_autofree char *name = NULL;

          if (g_strcmp0 (finding->group, info->id) != 0)
            continue;
          word = gtk_label_new (statuses[status].word);
          gtk_widget_add_css_class (word, statuses[status].style);
          gtk_widget_add_css_class (word, "heading");
          row = add_source_row (self, group, finding->title, finding->text[status],
                                finding->sources, finding->interpretation, word);
          icon = gtk_image_new_from_icon_name (statuses[status].icon);
          gtk_widget_add_css_class (icon, statuses[status].style);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          name = g_strdup_printf ("%s: %s", finding->title, statuses[status].word);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          gtk_widget_set_name (row, finding->id);
        }
    }
}

static void
field_row_activated_cb (AdwActionRow  *row,
                        MbcResultView *self)
{
  g_signal_emit (self, signals[FOCUS_FIELD], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mbc-field")));
}

static void
add_fields (MbcResultView *self,
            const char    *title,
            const char    *description,
            GPtrArray     *fields)
{
  GtkWidget *group;

  if (fields->len == 0)
    return;
  group = add_group (self, title, description);
  for (guint i = 0; i < fields->len; i++)
    {
      int field = mbc_case_field_from_name (g_ptr_array_index (fields, i));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *tooltip = NULL;

      if (field < 0)
        continue;
      tooltip = g_strdup_printf ("Go to %s in the form", mbc_case_field_get_title (field));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mbc_case_field_get_title (field));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_widget_set_tooltip_text (row, tooltip);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "mbc-field", GUINT_TO_POINTER (field));
      g_signal_connect (row, "activated", G_CALLBACK (field_row_activated_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_plan (MbcResultView *self)
{
  MbcGuideline *guideline = mbc_result_get_guideline (self->result);
  GPtrArray *sections = mbc_guideline_get_plan_sections (guideline);
  GPtrArray *plan = mbc_result_get_plan (self->result);

  for (guint s = 0; s < sections->len; s++)
    {
      const MbcPlanSection *section = g_ptr_array_index (sections, s);
      GtkWidget *group = NULL;

      for (guint i = 0; i < plan->len; i++)
        {
          const MbcPlanItem *item = g_ptr_array_index (plan, i);
          GtkWidget *row;

          if (g_strcmp0 (item->section, section->id) != 0)
            continue;
          if (group == NULL)
            group = add_group (self, section->title, NULL);
          row = add_source_row (self, group, item->summary, item->detail, item->sources, NULL,
                                NULL);
          if (g_strcmp0 (item->indicator, "warning") == 0)
            {
              GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
              gtk_widget_add_css_class (icon, "warning");
              gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Warning", -1);
              adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
            }
        }
    }
}

static void
add_changes (MbcResultView *self,
             GPtrArray     *changes)
{
  GtkWidget *group;

  if (changes == NULL || changes->len == 0)
    return;
  group = add_group (self, "What would change this",
                     "For each unknown or unmet input, the single change that would give "
                     "another recommendation, found by evaluating the changed case.");
  for (guint i = 0; i < changes->len; i++)
    {
      const MbcChange *change = g_ptr_array_index (changes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s: %s", mbc_case_field_get_title (change->field),
                                                change->text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_autofree char *outcome = g_strdup_printf ("would give: %s",
                                                  mbc_result_view_tier_heading (change->tier));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), outcome);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_polls (MbcResultView *self)
{
  MbcGuideline *guideline = mbc_result_get_guideline (self->result);
  GPtrArray *statements = mbc_result_get_statements (self->result);
  GPtrArray *sources = mbc_guideline_get_sources (guideline);
  GtkWidget *group = add_group (self, "How the 2017 Panel Voted",
                                "The polls of the consensus meeting; the ones this result rests "
                                "on are marked.");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (box, 6);
  for (guint i = 0; i < sources->len; i++)
    {
      const MbcSource *source = g_ptr_array_index (sources, i);
      GtkWidget *chart;
      gboolean used = FALSE;

      if (g_strcmp0 (source->kind, "poll") != 0 && g_strcmp0 (source->kind, "question") != 0)
        continue;
      for (guint k = 0; k < statements->len; k++)
        used = used || g_strcmp0 (statements->pdata[k], source->id) == 0;
      chart = mbc_poll_chart_new (guideline, source->id);
      mbc_poll_chart_set_highlighted (MBC_POLL_CHART (chart), used);
      gtk_widget_set_margin_start (chart, 12);
      gtk_widget_set_margin_end (chart, 12);
      gtk_widget_set_margin_top (chart, i == 0 ? 12 : 0);
      gtk_box_append (GTK_BOX (box), chart);
    }
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
}

static void
add_evidence (MbcResultView *self)
{
  MbcGuideline *guideline = mbc_result_get_guideline (self->result);
  const MbcEvidence *evidence = mbc_guideline_get_evidence (guideline);
  g_autofree char *title = g_strdup_printf ("%s (as of %s)", evidence->title, evidence->as_of);
  g_autofree char *description = g_strdup_printf ("%s %s", evidence->note ? evidence->note : "",
                                                  evidence->summary);
  GtkWidget *group = add_group (self, title, description);

  gtk_widget_add_css_class (group, "evidence");
  for (guint i = 0; i < evidence->items->len; i++)
    {
      const MbcEvidenceItem *item = g_ptr_array_index (evidence->items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *row_title = item->citation ? g_strdup_printf ("%s — %s", item->title,
                                                                     item->citation)
                                                  : g_strdup (item->title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->text);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_footer (MbcResultView *self)
{
  MbcGuideline *guideline = mbc_result_get_guideline (self->result);
  g_autofree char *sha = g_strndup (mbc_guideline_get_sha256 (guideline), 12);
  g_autofree char *text = g_strdup_printf ("%s, version %s, SHA-256 %s…\n\n%s",
                                           mbc_guideline_get_title (guideline),
                                           mbc_guideline_get_version (guideline), sha,
                                           mbc_guideline_get_disclaimer (guideline));
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (label, "footer");
  gtk_box_append (GTK_BOX (self->content), label);
}

static void
rebuild (MbcResultView *self,
         GPtrArray     *changes)
{
  GtkWidget *child;
  const char *tier;
  const MbcRule *rule;
  g_autofree char *rule_text = NULL;

  while ((child = gtk_widget_get_first_child (self->content)))
    gtk_box_remove (GTK_BOX (self->content), child);
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      gtk_widget_remove_css_class (self->heading_icon, tiers[i].style);
      gtk_widget_remove_css_class (self->heading_label, tiers[i].style);
    }
  if (self->result == NULL)
    return;

  tier = mbc_result_get_tier (self->result);
  rule = mbc_result_get_rule (self->result);
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    if (g_strcmp0 (tiers[i].tier, tier) == 0)
      {
        gtk_image_set_from_icon_name (GTK_IMAGE (self->heading_icon), tiers[i].icon);
        gtk_widget_add_css_class (self->heading_icon, tiers[i].style);
        gtk_widget_add_css_class (self->heading_label, tiers[i].style);
        gtk_label_set_text (GTK_LABEL (self->heading_label), tiers[i].heading);
      }
  gtk_widget_set_visible (self->strength_label,
                          g_strcmp0 (mbc_result_get_strength (self->result), "stronger") == 0);
  rule_text = g_strdup_printf ("%s %s%s%s", rule->summary, rule->detail,
                               rule->interpretation ? "\nInterpretation: " : "",
                               rule->interpretation ? rule->interpretation : "");
  gtk_label_set_text (GTK_LABEL (self->rule_label), rule_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, rule->summary, -1);

  add_fields (self, "Answer These to Decide",
              "The recommendation depends on these inputs: activate one to fill it in.",
              mbc_result_get_missing (self->result));
  add_fields (self, "Confirm Before Surgery", "Not recorded, and needed before operating.",
              mbc_result_get_confirm (self->result));
  add_changes (self, changes);
  add_findings (self);
  add_plan (self);
  add_polls (self);
  add_evidence (self);
  add_footer (self);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
mbc_result_view_dispose (GObject *object)
{
  MbcResultView *self = MBC_RESULT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_RESULT_VIEW);
  g_clear_object (&self->result);
  G_OBJECT_CLASS (mbc_result_view_parent_class)->dispose (object);
}

static void
mbc_result_view_class_init (MbcResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_result_view_dispose;

  /**
   * MbcResultView::focus-field:
   * @field: an #MbcCaseField
   *
   * The person asked to fill in @field ("Answer these to decide").
   */
  signals[FOCUS_FIELD] = g_signal_new ("focus-field", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-result-view.ui");
  /* Bound so that gtk_widget_dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, box);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, heading_icon);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, strength_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, MbcResultView, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mbc_result_view_init (MbcResultView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  g_set_object (&self->result, result);
  rebuild (self, changes);
}

MbcResult *
mbc_result_view_get_result (MbcResultView *self)
{
  g_return_val_if_fail (MBC_IS_RESULT_VIEW (self), NULL);
  return self->result;
}

const char *
mbc_result_view_get_heading (MbcResultView *self)
{
  g_return_val_if_fail (MBC_IS_RESULT_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->heading_label));
}
