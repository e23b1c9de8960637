/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcGuideline: a guideline pack, loaded and checked as a whole before anything uses it.
 * The code knows the format of a pack (docs/guideline-format.md), never its medicine:
 * thresholds, texts, findings and the decision table all come from the data.
 *
 * This file is the model: the loaded pack and what it answers. The loader
 * (mbc-guideline-loader.c) fills it through the checks (mbc-guideline-checks.c), which
 * report every problem with its JSON path: unknown keys, missing or mistyped values, unknown
 * operators, reads of data that does not exist, dangling source ids, findings the decision
 * table never uses, and a decision table that can fall through.
 */
#define G_LOG_DOMAIN "mbc-guideline"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-engine-resources.h"
#include "mbc-file.h"
#include "mbc-guideline.h"
#include "mbc-guideline-private.h"
#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-problem.h"
#include "mbc-tier.h"

G_DEFINE_FINAL_TYPE (MbcGuideline, mbc_guideline, G_TYPE_OBJECT)

G_DEFINE_QUARK (mbc-guideline-error-quark, mbc_guideline_error)

/* A loaded guideline never changes: its properties are read-only and never notify. */
enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_DISCLAIMER,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const finding_statuses[] = { "unknown", "met", "not_met" };

/* --- Struct lifetimes: only containers are owned; strings and nodes are the pack's ------- */

static void
guideline_source_free (MbcSource *source)
{
  g_clear_pointer (&source->options, g_ptr_array_unref);
  g_free (source->cites);
  g_free (source);
}

static void
guideline_param_free (MbcParam *param)
{
  g_free (param->sources);
  g_free (param);
}

static void
guideline_finding_free (MbcFinding *finding)
{
  g_free (finding->sources);
  g_free (finding->fields);
  g_free (finding);
}

static void
guideline_rule_free (MbcRule *rule)
{
  g_free (rule->sources);
  g_clear_pointer (&rule->missing, g_ptr_array_unref);
  g_clear_pointer (&rule->confirm, g_ptr_array_unref);
  g_clear_pointer (&rule->strength, g_ptr_array_unref);
  g_clear_pointer (&rule->headings, g_ptr_array_unref);
  g_free (rule);
}

static void
guideline_caution_free (MbcCaution *caution)
{
  g_free (caution->sources);
  g_free (caution);
}

static void
guideline_tally_free (MbcTally *tally)
{
  g_free (tally->findings);
  g_free (tally);
}

static void
guideline_group_free (MbcGroup *group)
{
  g_free (group->sources);
  g_free (group);
}

static void
guideline_pack_test_free (MbcPackTest *test)
{
  g_clear_object (&test->kase);
  g_free (test->missing);
  g_free (test->confirm);
  g_free (test);
}

static void
guideline_plan_item_free (MbcPlanItem *item)
{
  g_free (item->sources);
  g_free (item->options);
  g_free (item);
}


/* --- GObject ------------------------------------------------------------------------------- */

static void
mbc_guideline_finalize (GObject *object)
{
  MbcGuideline *self = MBC_GUIDELINE (object);

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_clear_pointer (&self->params_node, json_node_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->tallies, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->plan_items, g_ptr_array_unref);
  g_clear_pointer (&self->cautions, g_ptr_array_unref);
  g_clear_pointer (&self->evidence.items, g_ptr_array_unref);
  g_clear_pointer (&self->tests, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_array_unref);
  g_clear_pointer (&self->condition_paths, g_hash_table_unref);
  g_clear_pointer (&self->authors, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->root, json_node_unref);
  G_OBJECT_CLASS (mbc_guideline_parent_class)->finalize (object);
}

static void
mbc_guideline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MbcGuideline *self = MBC_GUIDELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHORT_TITLE:
      g_value_set_string (value, mbc_guideline_get_short_title (self));
      break;
    case PROP_DISCLAIMER:
      g_value_set_string (value, self->disclaimer);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_guideline_class_init (MbcGuidelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mbc_guideline_finalize;
  object_class->get_property = mbc_guideline_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SHORT_TITLE] = g_param_spec_string ("short-title", NULL, NULL, NULL, flags);
  properties[PROP_DISCLAIMER] = g_param_spec_string ("disclaimer", NULL, NULL, NULL, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mbc_guideline_init (MbcGuideline *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_source_free);
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->params = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_param_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_group_free);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_finding_free);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_rule_free);
  self->tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_tally_free);
  self->options = g_ptr_array_new_with_free_func (g_free);
  self->sections = g_ptr_array_new_with_free_func (g_free);
  self->plan_items = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_plan_item_free);
  self->cautions = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_caution_free);
  self->evidence.items = g_ptr_array_new_with_free_func (g_free);
  self->tests = g_ptr_array_new_with_free_func ((GDestroyNotify) guideline_pack_test_free);
  self->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  self->condition_paths = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

const char *
mbc_finding_status_to_string (MbcFindingStatus status)
{
  g_return_val_if_fail (status <= MBC_FINDING_NOT_MET, NULL);
  return finding_statuses[status];
}

/* --- Public API ---------------------------------------------------------------------------- */


/**
 * mbc_guideline_new_from_bytes:
 * @bytes: the text of a pack
 * @problems: (element-type MbcProblem) (nullable): where every problem is added
 * @error: set to MBC_GUIDELINE_ERROR_INVALID when there is any problem
 *
 * Returns: (transfer full) (nullable): the guideline, or %NULL if the pack has problems.
 */
MbcGuideline *
mbc_guideline_new_from_bytes (GBytes     *bytes,
                              GPtrArray  *problems,
                              GError    **error)
{
  g_autoptr(MbcGuideline) self = NULL;
  g_autoptr(GPtrArray) own_problems = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize length;
  guint before;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems == NULL)
    problems = own_problems = mbc_problems_new ();
  before = problems->len;
  data = g_bytes_get_data (bytes, &length);
  root = mbc_json_parse (data, length, MBC_GUIDELINE_MAX_DEPTH, &parse_error);
  if (root == NULL)
    mbc_problems_add (problems, "$", "%s", parse_error->message);
  else
    {
      Loader l = { 0 };

      self = g_object_new (MBC_TYPE_GUIDELINE, NULL);
      self->root = json_node_ref (root);
      self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                                  length);
      _mbc_guideline_translate (root);
      l.self = self;
      l.problems = problems;
      l.finding_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.param_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.used_findings = g_hash_table_new (g_str_hash, g_str_equal);
      l.option_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.section_ids = g_hash_table_new (g_str_hash, g_str_equal);
      l.group_ids = g_hash_table_new (g_str_hash, g_str_equal);
      _mbc_guideline_load (&l, root);
      g_hash_table_unref (l.finding_ids);
      g_hash_table_unref (l.param_ids);
      g_hash_table_unref (l.used_findings);
      g_hash_table_unref (l.option_ids);
      g_hash_table_unref (l.section_ids);
      g_hash_table_unref (l.group_ids);
    }
  if (problems->len > before)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_INVALID,
                   _("the guideline pack has %u problem%s"), problems->len - before,
                   problems->len - before == 1 ? "" : "s");
      return NULL;
    }
  return g_steal_pointer (&self);
}

MbcGuideline *
mbc_guideline_new_from_file (GFile      *file,
                             GPtrArray  *problems,
                             GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = mbc_file_read (file, MBC_FILE_PACK_MAX_BYTES, &read_error);
  if (bytes == NULL)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_READ, "%s",
                   read_error->message);
      return NULL;
    }
  return mbc_guideline_new_from_bytes (bytes, problems, error);
}

/**
 * mbc_engine_resources_ensure:
 *
 * Registers the engine's resources (the pack, the case library) once. They live in a
 * static library, so they are registered by hand.
 */
void
mbc_engine_resources_ensure (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      mbc_engine_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * mbc_guideline_new_default:
 *
 * Loads the pack compiled into the application's resources.
 */
MbcGuideline *
mbc_guideline_new_default (GPtrArray  *problems,
                           GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;

  mbc_engine_resources_ensure ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/guidelines/" MBC_GUIDELINE_DEFAULT_ID ".json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &read_error);
  if (bytes == NULL)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_READ,
                   _("the bundled guideline is missing: %s"), read_error->message);
      return NULL;
    }
  return mbc_guideline_new_from_bytes (bytes, problems, error);
}

#define GETTER(type, name) \
  type mbc_guideline_get_##name (MbcGuideline *self) \
  { \
    g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL); \
    return self->name; \
  }

GETTER (const char *, id)
GETTER (const char *, version)
GETTER (const char *, title)
GETTER (const char *, date)
GETTER (const char *, status)
GETTER (const char *, intended_use)
GETTER (const char *, intended_users)
GETTER (const char *, disclaimer)
GETTER (const char *, sha256)
GETTER (GPtrArray *, sources)
GETTER (GPtrArray *, params)
GETTER (GPtrArray *, groups)
GETTER (GPtrArray *, findings)
GETTER (GPtrArray *, rules)
GETTER (GPtrArray *, tallies)
GETTER (GPtrArray *, options)
GETTER (JsonNode *, params_node)

const char *
mbc_guideline_get_short_title (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->short_title ? self->short_title : self->title;
}

const char * const *
mbc_guideline_get_authors (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->authors;
}

GPtrArray *
mbc_guideline_get_plan_sections (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->sections;
}

GPtrArray *
mbc_guideline_get_plan_items (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->plan_items;
}

/**
 * mbc_guideline_get_cautions:
 *
 * Returns: (transfer none) (element-type MbcCaution): the cautions shown beside a
 *   recommendation when their conditions hold, in the pack's order.
 */
GPtrArray *
mbc_guideline_get_cautions (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->cautions;
}

/**
 * mbc_guideline_get_condition_path:
 * @condition: a condition of the pack (a finding's, a rule's, a plan item's …)
 *
 * Returns: (nullable): its JSON path in the pack ("$.findings[2].met_when").
 */
const char *
mbc_guideline_get_condition_path (MbcGuideline *self,
                                  JsonNode     *condition)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return g_hash_table_lookup (self->condition_paths, condition);
}

/**
 * mbc_guideline_get_numbers:
 *
 * Returns: (transfer none) (element-type double): every number the pack's params and
 *   conditions use, once each: where its thresholds are.
 */
GArray *
mbc_guideline_get_numbers (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->numbers;
}

/**
 * mbc_guideline_get_tests:
 *
 * Returns: (transfer none) (element-type MbcPackTest): the pack's own tests, in order.
 */
GPtrArray *
mbc_guideline_get_tests (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return self->tests;
}

const MbcEvidence *
mbc_guideline_get_evidence (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return &self->evidence;
}

/**
 * mbc_guideline_get_tier_text:
 * @tier: recommended, individualise, not_recommended or indeterminate
 *
 * Returns: (nullable): the pack's title and heading for @tier.
 */
const MbcTierText *
mbc_guideline_get_tier_text (MbcGuideline *self,
                             const char   *tier)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  for (guint t = 0; mbc_tier_names ()[t]; t++)
    if (g_strcmp0 (tier, mbc_tier_names ()[t]) == 0)
      return &self->tier_texts[t];
  return NULL;
}

const MbcPolls *
mbc_guideline_get_polls (MbcGuideline *self)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  return &self->polls;
}

/**
 * mbc_guideline_describe_sources:
 * @ids: (nullable): source ids
 *
 * Returns: (transfer full): the sources by their names, each with its id beside it
 *   ("Take-home message 1 (TH1), Table 1: Question 1 (T1)"); "" for none.
 */
char *
mbc_guideline_describe_sources (MbcGuideline       *self,
                                const char * const *ids)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  for (guint i = 0; ids && ids[i]; i++)
    {
      const MbcSource *source = g_hash_table_lookup (self->source_by_id, ids[i]);
      g_string_append_printf (out, "%s%s (%s)", i ? ", " : "", source ? source->title : ids[i],
                              ids[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * mbc_interpretation_text:
 *
 * Returns: (transfer full): @interpretation introduced as the application's own, in the
 *   same words wherever one is shown.
 */
char *
mbc_interpretation_text (const char *interpretation)
{
  g_return_val_if_fail (interpretation != NULL, NULL);
  return g_strdup_printf (_("Interpretation (the application's): %s"), interpretation);
}

const MbcSource *
mbc_guideline_lookup_source (MbcGuideline *self,
                             const char   *id)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->source_by_id, id);
}

/**
 * mbc_guideline_find_finding:
 * @id: a finding's id
 *
 * Returns: the place of the finding @id in mbc_guideline_get_findings(), or -1.
 */
int
mbc_guideline_find_finding (MbcGuideline *self,
                            const char   *id)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  for (guint i = 0; i < self->findings->len; i++)
    if (strcmp (((MbcFinding *) self->findings->pdata[i])->id, id) == 0)
      return (int) i;
  return -1;
}

const MbcOption *
mbc_guideline_lookup_option (MbcGuideline *self,
                             const char   *id)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  for (guint i = 0; i < self->options->len; i++)
    {
      MbcOption *option = g_ptr_array_index (self->options, i);
      if (option->id && strcmp (option->id, id) == 0)
        return option;
    }
  return NULL;
}

/**
 * mbc_evidence_dated_title:
 *
 * Returns: (transfer full): the note's title with its dates, "Evidence Since 2017 (as of
 *   2023, reviewed December 2026)", as every front end heads it.
 */
char *
mbc_evidence_dated_title (const MbcEvidence *evidence)
{
  g_return_val_if_fail (evidence != NULL, NULL);
  if (evidence->reviewed)
    return g_strdup_printf (_("%s (as of %s, reviewed %s)"), evidence->title, evidence->as_of,
                            evidence->reviewed);
  return g_strdup_printf (_("%s (as of %s)"), evidence->title, evidence->as_of);
}
