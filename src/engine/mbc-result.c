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
  GPtrArray *findings;

  g_return_val_if_fail (MBC_IS_RESULT (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  findings = mbc_guideline_get_findings (self->guideline);
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((MbcFinding *) g_ptr_array_index (findings, i))->id, id) == 0)
      return (int) i;
  return -1;
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

/* --- JSON ---------------------------------------------------------------------------------- */

static void
write_key (GString    *out,
           const char *key)
{
  mbc_json_write_string (out, key);
  g_string_append_c (out, ':');
}

static void
write_string_member (GString    *out,
                     const char *key,
                     const char *value)
{
  write_key (out, key);
  if (value)
    mbc_json_write_string (out, value);
  else
    g_string_append (out, "null");
}

static void
write_strings (GString     *out,
               const char **strings,
               guint        n)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n && strings[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      mbc_json_write_string (out, strings[i]);
    }
  g_string_append_c (out, ']');
}

static void
write_array_member (GString    *out,
                    const char *key,
                    GPtrArray  *strings)
{
  write_key (out, key);
  write_strings (out, (const char **) strings->pdata, strings->len);
}

static void
write_sources_member (GString     *out,
                      const char **sources)
{
  write_key (out, "sources");
  write_strings (out, sources, G_MAXUINT);
}

/* The parts of a result that depend only on the guideline are rendered once per guideline
 * and reused: a result is then mostly copied, not escaped again (see bench/). */
typedef struct
{
  char       *header;          /* {"schema":…,"guideline":{…}, */
  char      **finding_status;  /* "id":"status", 3 a finding, indexed by status */
  char      **reasons;         /* the reason object of a finding, 3 a finding */
  GHashTable *objects;         /* rule, strength or plan item -> its JSON object */
} Fragments;

static GMutex fragments_lock;
static GQuark fragments_quark;

static void
fragments_free (Fragments *f)
{
  g_free (f->header);
  g_strfreev (f->finding_status);
  g_strfreev (f->reasons);
  g_hash_table_unref (f->objects);
  g_free (f);
}

static void
render_reason (GString          *out,
               const MbcFinding *finding,
               MbcFindingStatus  status)
{
  g_string_append_c (out, '{');
  write_string_member (out, "finding", finding->id);
  g_string_append_c (out, ',');
  write_string_member (out, "status", mbc_finding_status_to_string (status));
  g_string_append_c (out, ',');
  write_string_member (out, "group", finding->group);
  g_string_append_c (out, ',');
  write_string_member (out, "title", finding->title);
  g_string_append_c (out, ',');
  write_string_member (out, "text", finding->text[status]);
  g_string_append_c (out, ',');
  if (finding->interpretation)
    {
      write_string_member (out, "interpretation", finding->interpretation);
      g_string_append_c (out, ',');
    }
  write_sources_member (out, finding->sources);
  g_string_append_c (out, '}');
}

static char *
render_rule (const MbcRule *rule)
{
  GString *out = g_string_new ("{");

  write_string_member (out, "id", rule->id);
  g_string_append_c (out, ',');
  write_string_member (out, "indicator", rule->indicator);
  g_string_append_c (out, ',');
  write_string_member (out, "summary", rule->summary);
  g_string_append_c (out, ',');
  write_string_member (out, "detail", rule->detail);
  g_string_append_c (out, ',');
  if (rule->interpretation)
    {
      write_string_member (out, "interpretation", rule->interpretation);
      g_string_append_c (out, ',');
    }
  write_sources_member (out, rule->sources);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static char *
render_strength (const MbcStrength *strength)
{
  GString *out = g_string_new ("{");

  write_string_member (out, "summary", strength->summary);
  g_string_append_c (out, ',');
  write_string_member (out, "detail", strength->detail);
  g_string_append_c (out, ',');
  write_sources_member (out, strength->sources);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static char *
render_plan_item (const MbcPlanItem *item)
{
  GString *out = g_string_new ("{");

  write_string_member (out, "id", item->id);
  g_string_append_c (out, ',');
  write_string_member (out, "section", item->section);
  g_string_append_c (out, ',');
  write_string_member (out, "indicator", item->indicator);
  g_string_append_c (out, ',');
  write_string_member (out, "summary", item->summary);
  g_string_append_c (out, ',');
  write_string_member (out, "detail", item->detail);
  g_string_append_c (out, ',');
  write_sources_member (out, item->sources);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static Fragments *
fragments_new (MbcGuideline *guideline)
{
  Fragments *f = g_new0 (Fragments, 1);
  GPtrArray *findings = mbc_guideline_get_findings (guideline);
  GPtrArray *rules = mbc_guideline_get_rules (guideline);
  GPtrArray *items = mbc_guideline_get_plan_items (guideline);
  GString *out = g_string_new ("{");

  write_string_member (out, "schema", MBC_RESULT_SCHEMA);
  g_string_append_c (out, ',');
  write_key (out, "guideline");
  g_string_append_c (out, '{');
  write_string_member (out, "id", mbc_guideline_get_id (guideline));
  g_string_append_c (out, ',');
  write_string_member (out, "version", mbc_guideline_get_version (guideline));
  g_string_append_c (out, ',');
  write_string_member (out, "sha256", mbc_guideline_get_sha256 (guideline));
  g_string_append_c (out, ',');
  /* A result read alone says which guideline, of which date, it comes from. */
  write_string_member (out, "title", mbc_guideline_get_title (guideline));
  g_string_append_c (out, ',');
  write_string_member (out, "date", mbc_guideline_get_date (guideline));
  g_string_append (out, "},");
  f->header = g_string_free (out, FALSE);

  f->finding_status = g_new0 (char *, 3 * findings->len + 1);
  f->reasons = g_new0 (char *, 3 * findings->len + 1);
  for (guint i = 0; i < findings->len; i++)
    for (MbcFindingStatus status = 0; status <= MBC_FINDING_NOT_MET; status++)
      {
        const MbcFinding *finding = g_ptr_array_index (findings, i);
        GString *one = g_string_new (NULL);

        write_string_member (one, finding->id, mbc_finding_status_to_string (status));
        f->finding_status[3 * i + status] = g_string_free (one, FALSE);
        one = g_string_new (NULL);
        render_reason (one, finding, status);
        f->reasons[3 * i + status] = g_string_free (one, FALSE);
      }

  f->objects = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < rules->len; i++)
    {
      const MbcRule *rule = g_ptr_array_index (rules, i);
      g_hash_table_insert (f->objects, (gpointer) rule, render_rule (rule));
      for (guint k = 0; k < rule->strength->len; k++)
        g_hash_table_insert (f->objects, rule->strength->pdata[k],
                             render_strength (rule->strength->pdata[k]));
    }
  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (f->objects, items->pdata[i], render_plan_item (items->pdata[i]));
  return f;
}

static const Fragments *
get_fragments (MbcGuideline *guideline)
{
  Fragments *f;

  g_mutex_lock (&fragments_lock);
  if (fragments_quark == 0)
    fragments_quark = g_quark_from_static_string ("mbc-result-fragments");
  f = g_object_get_qdata (G_OBJECT (guideline), fragments_quark);
  if (f == NULL)
    {
      f = fragments_new (guideline);
      g_object_set_qdata_full (G_OBJECT (guideline), fragments_quark, f,
                               (GDestroyNotify) fragments_free);
    }
  g_mutex_unlock (&fragments_lock);
  return f;
}

/**
 * mbc_result_write_json:
 * @out: where the result is appended, as compact JSON on one line
 */
void
mbc_result_write_json (MbcResult *self,
                       GString   *out)
{
  const Fragments *f;
  guint n_findings;
  GPtrArray *tallies;

  g_return_if_fail (MBC_IS_RESULT (self));
  g_return_if_fail (out != NULL);

  f = get_fragments (self->guideline);
  n_findings = mbc_guideline_get_findings (self->guideline)->len;
  tallies = mbc_guideline_get_tallies (self->guideline);

  g_string_append (out, f->header);
  write_string_member (out, "tier", mbc_result_get_tier (self));
  g_string_append_c (out, ',');
  write_string_member (out, "strength", mbc_result_get_strength (self));
  g_string_append_c (out, ',');

  write_key (out, "findings");
  g_string_append_c (out, '{');
  for (guint i = 0; i < n_findings; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, f->finding_status[3 * i + self->statuses[i]]);
    }
  g_string_append (out, "},");

  write_array_member (out, "missing", self->missing);
  g_string_append_c (out, ',');
  write_array_member (out, "confirm", self->confirm);
  g_string_append_c (out, ',');
  write_array_member (out, "options", self->options);
  g_string_append_c (out, ',');
  write_key (out, "axillary_evaluation");
  g_string_append (out, self->axillary_evaluation ? "true," : "false,");
  write_array_member (out, "statements", self->statements);
  g_string_append_c (out, ',');

  write_key (out, "reasons");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_findings; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, f->reasons[3 * i + self->statuses[i]]);
    }
  g_string_append (out, "],");

  write_key (out, "rule");
  g_string_append (out, g_hash_table_lookup (f->objects, self->rule));
  g_string_append_c (out, ',');
  write_key (out, "strength_basis");
  g_string_append (out, self->strength ? g_hash_table_lookup (f->objects, self->strength)
                                       : "null");
  g_string_append_c (out, ',');

  write_key (out, "plan");
  g_string_append_c (out, '[');
  for (guint i = 0; i < self->plan->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, g_hash_table_lookup (f->objects, self->plan->pdata[i]));
    }
  g_string_append (out, "],");

  write_key (out, "tallies");
  g_string_append_c (out, '{');
  for (guint i = 0; i < tallies->len; i++)
    {
      const MbcTally *tally = g_ptr_array_index (tallies, i);
      if (i > 0)
        g_string_append_c (out, ',');
      write_key (out, tally->id);
      g_string_append_printf (out, "{\"met\":%u,\"not_met\":%u,\"unknown\":%u}",
                              self->tallies[3 * i], self->tallies[3 * i + 1],
                              self->tallies[3 * i + 2]);
    }
  g_string_append (out, "}}");
}

/**
 * mbc_result_to_json:
 *
 * Returns: (transfer full): the result as a JSON tree.
 */
JsonNode *
mbc_result_to_json (MbcResult *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (MBC_IS_RESULT (self), NULL);

  mbc_result_write_json (self, out);
  return mbc_json_parse (out->str, out->len, 16, NULL);
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
append_sources (GString            *out,
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
append_interpretation (GString    *out,
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
append_fields (GString    *out,
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

  /* The heading names the consensus and its date; the dated note of later evidence follows. */
  g_string_append_printf (out, "%s\n%s\n", mbc_result_get_heading (self), evidence->line);
  g_string_append_printf (out, _("(%s, below)\n"), evidence->title);
  g_string_append_printf (out, "\n%s\n%s\n", self->rule->summary, self->rule->detail);
  append_sources (out, self->guideline, self->rule->sources, "");
  append_interpretation (out, self->rule->interpretation, "");
  if (self->strength)
    {
      g_string_append_printf (out, "\n%s\n%s\n", self->strength->summary, self->strength->detail);
      append_sources (out, self->guideline, self->strength->sources, "");
    }

  append_fields (out, _("Answer these to decide:"), self->missing);
  append_fields (out, _("Confirm before surgery:"), self->confirm);

  for (guint g = 0; g < groups->len; g++)
    {
      const MbcGroup *group = g_ptr_array_index (groups, g);
      g_string_append_printf (out, "\n%s\n", group->title);
      if (group->description)
        g_string_append_printf (out, "  %s\n", group->description);
      append_sources (out, self->guideline, (const char * const *) group->sources, "  ");
      append_interpretation (out, group->interpretation, "  ");
      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          if (g_strcmp0 (finding->group, group->id) != 0)
            continue;
          g_string_append_printf (out, "  %s %s: %s\n", marks[self->statuses[i]], finding->title,
                                  finding->text[self->statuses[i]]);
          append_sources (out, self->guideline, finding->sources, "        ");
          append_interpretation (out, finding->interpretation, "        ");
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
          append_sources (out, self->guideline, item->sources, "      ");
        }
    }

  g_string_append_printf (out, _("\n%s (as of %s)\n  %s\n"), evidence->title, evidence->as_of,
                          evidence->summary);
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
