/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcResult: the evaluation of one case. Everything it holds points into its guideline,
 * which it keeps alive; the JSON and text forms are written from that.
 */
#define G_LOG_DOMAIN "mbc-result"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-case.h"
#include "mbc-json.h"
#include "mbc-result-private.h"

G_DEFINE_FINAL_TYPE (MbcResult, mbc_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIER,
  PROP_STRENGTH,
  PROP_RULE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mbc_result_finalize (GObject *object)
{
  MbcResult *self = MBC_RESULT (object);

  g_clear_pointer (&self->statuses, g_free);
  g_clear_pointer (&self->tallies, g_free);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->confirm, g_ptr_array_unref);
  g_clear_pointer (&self->cautions, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_object (&self->guideline);
  G_OBJECT_CLASS (mbc_result_parent_class)->finalize (object);
}

static void
mbc_result_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MbcResult *self = MBC_RESULT (object);

  switch (prop_id)
    {
    case PROP_TIER:
      g_value_set_string (value, mbc_result_get_tier (self));
      break;
    case PROP_STRENGTH:
      g_value_set_string (value, mbc_result_get_strength (self));
      break;
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule ? self->rule->id : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_result_class_init (MbcResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mbc_result_finalize;
  object_class->get_property = mbc_result_get_property;

  properties[PROP_TIER] =
    g_param_spec_string ("tier", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STRENGTH] =
    g_param_spec_string ("strength", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mbc_result_init (MbcResult *self)
{
  self->missing = g_ptr_array_new ();
  self->confirm = g_ptr_array_new ();
  self->cautions = g_ptr_array_new ();
  self->options = g_ptr_array_new ();
  self->statements = g_ptr_array_new ();
  self->plan = g_ptr_array_new ();
}

MbcResult *
_mbc_result_new (MbcGuideline *guideline)
{
  MbcResult *self = g_object_new (MBC_TYPE_RESULT, NULL);

  self->guideline = g_object_ref (guideline);
  self->statuses = g_new0 (guint8, mbc_guideline_get_findings (guideline)->len);
  self->tallies = g_new0 (guint, 3 * mbc_guideline_get_tallies (guideline)->len + 1);
  return self;
}

MbcGuideline *
mbc_result_get_guideline (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->guideline;
}

/**
 * mbc_result_get_tier:
 *
 * Returns: recommended, individualise, not_recommended or indeterminate.
 */
const char *
mbc_result_get_tier (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->rule ? self->rule->tier : NULL;
}

/**
 * mbc_result_get_strength:
 *
 * Returns: (nullable): stronger or standard for a recommendation, else %NULL.
 */
const char *
mbc_result_get_strength (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->strength ? self->strength->value : NULL;
}

const MbcRule *
mbc_result_get_rule (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->rule;
}

const MbcStrength *
mbc_result_get_strength_basis (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->strength;
}

MbcFindingStatus
mbc_result_get_finding_status (MbcResult *self,
                               guint      index)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), MBC_FINDING_UNKNOWN);
  g_return_val_if_fail (index < mbc_guideline_get_findings (self->guideline)->len,
                        MBC_FINDING_UNKNOWN);
  return self->statuses[index];
}

int
mbc_result_lookup_finding (MbcResult  *self,
                           const char *id)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  return mbc_guideline_find_finding (self->guideline, id);
}

/**
 * mbc_result_get_missing:
 *
 * Returns: (element-type utf8) (transfer none): case fields whose unknown value blocks
 *   the decision (indeterminate only).
 */
GPtrArray *
mbc_result_get_missing (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->missing;
}

GPtrArray *
mbc_result_get_confirm (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->confirm;
}

/* Whether @id is among @sources (nullable). */
static gboolean
result_cites (const char * const *sources,
              const char         *id)
{
  for (guint k = 0; sources && sources[k]; k++)
    if (g_strcmp0 (sources[k], id) == 0)
      return TRUE;
  return FALSE;
}

/**
 * mbc_result_rests_on:
 * @id: a source id of the guideline
 *
 * Returns: whether the result itself rests on that source: the rule that decided cites it,
 *   or its strength does (what the plan cites beside it is not counted). Where polls are
 *   shown, those the result rests on are marked.
 */
gboolean
mbc_result_rests_on (MbcResult  *self,
                     const char *id)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), FALSE);
  return result_cites ((const char * const *) self->rule->sources, id) ||
         (self->strength && result_cites ((const char * const *) self->strength->sources, id));
}

/**
 * mbc_result_get_cautions:
 *
 * Returns: (transfer none) (element-type MbcCaution): the pack's cautions that hold for
 *   this case, shown beside the recommendation.
 */
GPtrArray *
mbc_result_get_cautions (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->cautions;
}

GPtrArray *
mbc_result_get_options (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->options;
}

gboolean
mbc_result_get_axillary_evaluation (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), FALSE);
  return self->axillary_evaluation;
}

/**
 * mbc_result_get_input_known:
 * @field: an #MbcCaseField
 *
 * Returns: whether @field was known in the case evaluated (a field with a problem is not).
 */
gboolean
mbc_result_get_input_known (MbcResult *self,
                            guint      field)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), FALSE);
  g_return_val_if_fail (field < 64, FALSE);
  return (self->known_inputs >> field) & 1;
}

/**
 * mbc_result_get_any_input_known:
 *
 * Returns: whether anything but the label was known in the case evaluated: %FALSE for an
 *   empty form.
 */
gboolean
mbc_result_get_any_input_known (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), FALSE);
  return self->known_inputs != 0;
}

GPtrArray *
mbc_result_get_statements (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->statements;
}

/**
 * mbc_result_get_plan:
 *
 * Returns: (element-type MbcPlanItem) (transfer none): the plan items that apply.
 */
GPtrArray *
mbc_result_get_plan (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return self->plan;
}

void
mbc_result_get_tally (MbcResult *self,
                      guint      index,
                      guint     *met,
                      guint     *not_met,
                      guint     *unknown)
{
  g_return_if_fail (MBC_IS_RESULT (self));
  g_return_if_fail (index < mbc_guideline_get_tallies (self->guideline)->len);

  if (met)
    *met = self->tallies[3 * index];
  if (not_met)
    *not_met = self->tallies[3 * index + 1];
  if (unknown)
    *unknown = self->tallies[3 * index + 2];
}

/* --- Text ---------------------------------------------------------------------------------- */

/**
 * mbc_result_get_heading:
 *
 * Returns: the heading the pack gives the rule that fired, or else its tier ("2017
 *   consensus: …").
 */
const char *
mbc_result_get_heading (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  if (self->heading)
    return self->heading;
  if (self->rule->heading)
    return self->rule->heading;
  return mbc_guideline_get_tier_text (self->guideline, mbc_result_get_tier (self))->heading;
}

/**
 * mbc_result_get_tier_title:
 *
 * Returns: the short title the pack gives the result's tier ("Surgery can be recommended").
 */
const char *
mbc_result_get_tier_title (MbcResult *self)
{
  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);
  return mbc_guideline_get_tier_text (self->guideline, mbc_result_get_tier (self))->title;
}

/**
 * mbc_finding_status_word:
 *
 * Returns: "Met", "Not met" or "Unknown".
 */
const char *
mbc_finding_status_word (MbcFindingStatus status)
{
  switch (status)
    {
    case MBC_FINDING_MET:
      return _("Met");
    case MBC_FINDING_NOT_MET:
      return _("Not met");
    case MBC_FINDING_UNKNOWN:
    default:
      return _("Unknown");
    }
}

/* "Sources: Take-home message 1 (TH1), …" on a line of its own, indented by @indent. */
static void
result_append_sources (GString            *out,
                       MbcGuideline       *guideline,
                       const char * const *sources,
                       const char         *indent)
{
  g_autofree char *names = NULL;

  if (sources == NULL || sources[0] == NULL)
    return;
  names = mbc_guideline_describe_sources (guideline, sources);
  g_string_append_printf (out, _("%sSources: %s\n"), indent, names);
}

static void
result_append_interpretation (GString    *out,
                              const char *interpretation,
                              const char *indent)
{
  g_autofree char *text = NULL;

  if (interpretation == NULL)
    return;
  text = mbc_interpretation_text (interpretation);
  g_string_append_printf (out, "%s%s\n", indent, text);
}

static void
result_append_fields (GString    *out,
                      const char *heading,
                      GPtrArray  *fields)
{
  if (fields->len == 0)
    return;
  g_string_append_printf (out, "\n%s\n", heading);
  for (guint i = 0; i < fields->len; i++)
    {
      int field = mbc_case_field_from_name (g_ptr_array_index (fields, i));
      g_string_append_printf (out, "  - %s\n",
                              field >= 0 ? mbc_case_field_get_title (field)
                                         : (const char *) g_ptr_array_index (fields, i));
    }
}

/**
 * mbc_result_to_text:
 *
 * Returns: (transfer full): a readable summary: recommendation, why, plan, evidence since
 *   the guideline, and the disclaimer.
 */
char *
mbc_result_to_text (MbcResult *self)
{
  static const char * const marks[] = { "[ ? ]", "[met]", "[ x ]" };
  GString *out;
  GPtrArray *findings, *groups, *tallies, *sections;
  const MbcEvidence *evidence;

  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);

  out = g_string_new (NULL);
  findings = mbc_guideline_get_findings (self->guideline);
  groups = mbc_guideline_get_groups (self->guideline);
  tallies = mbc_guideline_get_tallies (self->guideline);
  sections = mbc_guideline_get_plan_sections (self->guideline);
  evidence = mbc_guideline_get_evidence (self->guideline);

  /* The heading names the consensus and its date (and its conditions); directly under it
   * the interpretation the deciding rule rests on, the dated note of later evidence and any
   * caution. */
  g_string_append_printf (out, "%s\n", mbc_result_get_heading (self));
  result_append_interpretation (out, self->rule->interpretation, "");
  g_string_append_printf (out, "%s\n", evidence->line);
  g_string_append_printf (out, _("(%s, below)\n"), evidence->title);
  for (guint i = 0; i < self->cautions->len; i++)
    {
      const MbcCaution *caution = g_ptr_array_index (self->cautions, i);
      g_string_append_printf (out, _("Caution: %s\n"), caution->text);
      result_append_interpretation (out, caution->interpretation, "  ");
      result_append_sources (out, self->guideline, caution->sources, "  ");
    }
  g_string_append_printf (out, "\n%s\n%s\n", self->rule->summary, self->rule->detail);
  result_append_sources (out, self->guideline, self->rule->sources, "");
  if (self->strength)
    {
      g_string_append_printf (out, "\n%s\n%s\n", self->strength->summary, self->strength->detail);
      result_append_sources (out, self->guideline, self->strength->sources, "");
    }

  result_append_fields (out, _("Answer these to decide:"), self->missing);
  result_append_fields (out, _("Confirm before surgery:"), self->confirm);

  for (guint g = 0; g < groups->len; g++)
    {
      const MbcGroup *group = g_ptr_array_index (groups, g);
      g_string_append_printf (out, "\n%s\n", group->title);
      if (group->description)
        g_string_append_printf (out, "  %s\n", group->description);
      result_append_sources (out, self->guideline, (const char * const *) group->sources, "  ");
      result_append_interpretation (out, group->interpretation, "  ");
      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          if (g_strcmp0 (finding->group, group->id) != 0)
            continue;
          g_string_append_printf (out, "  %s %s: %s\n", marks[self->statuses[i]], finding->title,
                                  finding->text[self->statuses[i]]);
          result_append_sources (out, self->guideline, finding->sources, "        ");
          result_append_interpretation (out, finding->interpretation, "        ");
        }
    }
  for (guint i = 0; i < tallies->len; i++)
    {
      const MbcTally *tally = g_ptr_array_index (tallies, i);
      g_string_append_printf (out, _("  %s: %u of %u (%u unknown)\n"), tally->title,
                              self->tallies[3 * i],
                              (guint) g_strv_length ((char **) tally->findings),
                              self->tallies[3 * i + 2]);
    }

  if (self->plan->len > 0)
    g_string_append (out, _("\nPlan\n"));
  for (guint s = 0; s < sections->len; s++)
    {
      const MbcPlanSection *section = g_ptr_array_index (sections, s);
      gboolean first = TRUE;
      for (guint i = 0; i < self->plan->len; i++)
        {
          const MbcPlanItem *item = g_ptr_array_index (self->plan, i);
          if (g_strcmp0 (item->section, section->id) != 0)
            continue;
          if (first)
            g_string_append_printf (out, "  %s\n", section->title);
          first = FALSE;
          g_string_append_printf (out, "    - %s. %s\n", item->summary, item->detail);
          result_append_sources (out, self->guideline, item->sources, "      ");
        }
    }

  {
    g_autofree char *dated = mbc_evidence_dated_title (evidence);
    g_string_append_printf (out, "\n%s\n  %s\n", dated, evidence->summary);
  }
  for (guint i = 0; i < evidence->items->len; i++)
    {
      const MbcEvidenceItem *item = g_ptr_array_index (evidence->items, i);
      g_string_append_printf (out, "  - %s%s%s%s: %s\n", item->title, item->citation ? " (" : "",
                              item->citation ? item->citation : "", item->citation ? ")" : "",
                              item->text);
    }
  if (evidence->note)
    g_string_append_printf (out, "  %s\n", evidence->note);

  g_string_append_printf (out, _("\nGuideline: %s, version %s, SHA-256 %s\n"),
                          mbc_guideline_get_title (self->guideline),
                          mbc_guideline_get_version (self->guideline),
                          mbc_guideline_get_sha256 (self->guideline));
  g_string_append_printf (out, "%s\n", mbc_guideline_get_disclaimer (self->guideline));
  return g_string_free (out, FALSE);
}
