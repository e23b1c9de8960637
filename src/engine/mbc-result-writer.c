/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcResultWriter: results written as result JSON (mbc-advisor/result/1, docs/contracts.md)
 * through mbc-json's writers, for one guideline. What depends only on the guideline (its
 * header, the reason of each finding for each status, rules, strengths, plan items) is
 * rendered when the writer is made, so writing a result mostly copies text (bench/batch.sh).
 */
#define G_LOG_DOMAIN "mbc-result"

#include "config.h"

#include "mbc-json.h"
#include "mbc-result-private.h"
#include "mbc-result-writer.h"

static void
writer_write_key (GString    *out,
                  const char *key)
{
  mbc_json_write_string (out, key);
  g_string_append_c (out, ':');
}

static void
writer_write_string_member (GString    *out,
                            const char *key,
                            const char *value)
{
  writer_write_key (out, key);
  if (value)
    mbc_json_write_string (out, value);
  else
    g_string_append (out, "null");
}

static void
writer_write_strings (GString     *out,
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
writer_write_sources_member (GString     *out,
                             const char **sources)
{
  writer_write_key (out, "sources");
  writer_write_strings (out, sources, G_MAXUINT);
}

struct _MbcResultWriter
{
  GObject       parent_instance;

  MbcGuideline *guideline;
  /* The parts of a result that depend only on the guideline, rendered once: a result is
   * then mostly copied, not escaped again (see bench/). */
  char         *header;          /* {"schema":…,"guideline":{…}, */
  char        **finding_status;  /* "id":"status", 3 a finding, indexed by status */
  char        **reasons;         /* the reason object of a finding, 3 a finding */
  GHashTable   *objects;         /* rule, strength or plan item -> its JSON object */
  GHashTable   *strings;         /* a string of the pack a result lists -> as JSON */
};

G_DEFINE_FINAL_TYPE (MbcResultWriter, mbc_result_writer, G_TYPE_OBJECT)

static void
mbc_result_writer_finalize (GObject *object)
{
  MbcResultWriter *self = MBC_RESULT_WRITER (object);

  g_free (self->header);
  g_strfreev (self->finding_status);
  g_strfreev (self->reasons);
  g_hash_table_unref (self->objects);
  g_hash_table_unref (self->strings);
  g_object_unref (self->guideline);
  G_OBJECT_CLASS (mbc_result_writer_parent_class)->finalize (object);
}

static void
mbc_result_writer_class_init (MbcResultWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mbc_result_writer_finalize;
}

static void
mbc_result_writer_init (MbcResultWriter *self)
{
}

static void
writer_render_reason (GString          *out,
                      const MbcFinding *finding,
                      MbcFindingStatus  status)
{
  g_string_append_c (out, '{');
  writer_write_string_member (out, "finding", finding->id);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "status", mbc_finding_status_to_string (status));
  g_string_append_c (out, ',');
  writer_write_string_member (out, "group", finding->group);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "title", finding->title);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "text", finding->text[status]);
  g_string_append_c (out, ',');
  if (finding->interpretation)
    {
      writer_write_string_member (out, "interpretation", finding->interpretation);
      g_string_append_c (out, ',');
    }
  writer_write_sources_member (out, finding->sources);
  g_string_append_c (out, '}');
}

static char *
writer_render_rule (const MbcRule *rule)
{
  GString *out = g_string_new ("{");

  writer_write_string_member (out, "id", rule->id);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "indicator", rule->indicator);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "summary", rule->summary);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "detail", rule->detail);
  g_string_append_c (out, ',');
  if (rule->interpretation)
    {
      writer_write_string_member (out, "interpretation", rule->interpretation);
      g_string_append_c (out, ',');
    }
  writer_write_sources_member (out, rule->sources);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static char *
writer_render_strength (const MbcStrength *strength)
{
  GString *out = g_string_new ("{");

  writer_write_string_member (out, "summary", strength->summary);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "detail", strength->detail);
  g_string_append_c (out, ',');
  writer_write_sources_member (out, strength->sources);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static char *
writer_render_plan_item (const MbcPlanItem *item)
{
  GString *out = g_string_new ("{");

  writer_write_string_member (out, "id", item->id);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "section", item->section);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "indicator", item->indicator);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "summary", item->summary);
  g_string_append_c (out, ',');
  writer_write_string_member (out, "detail", item->detail);
  g_string_append_c (out, ',');
  writer_write_sources_member (out, item->sources);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Renders @string, one of the pack's (a field, an option, a source id), once. */
static void
writer_render_string (MbcResultWriter *self,
                      const char      *string)
{
  GString *out;

  if (string == NULL || g_hash_table_contains (self->strings, string))
    return;
  out = g_string_new (NULL);
  mbc_json_write_string (out, string);
  g_hash_table_insert (self->strings, (gpointer) string, g_string_free (out, FALSE));
}

static void
writer_render_strings (MbcResultWriter  *self,
                       const char      **strings)
{
  for (guint i = 0; strings && strings[i]; i++)
    writer_render_string (self, strings[i]);
}

static void
writer_render_fields (MbcResultWriter *self,
                      GPtrArray       *conditions)
{
  for (guint i = 0; i < conditions->len; i++)
    writer_render_string (self, ((const MbcFieldCondition *) conditions->pdata[i])->field);
}

/* A list of the pack's strings (missing, confirm, options, statements), mostly copied. */
static void
writer_write_list_member (MbcResultWriter *self,
                          GString         *out,
                          const char      *key,
                          GPtrArray       *strings)
{
  writer_write_key (out, key);
  g_string_append_c (out, '[');
  for (guint i = 0; i < strings->len && strings->pdata[i]; i++)
    {
      const char *rendered = g_hash_table_lookup (self->strings, strings->pdata[i]);
      if (i > 0)
        g_string_append_c (out, ',');
      if (rendered)
        g_string_append (out, rendered);
      else
        mbc_json_write_string (out, strings->pdata[i]);
    }
  g_string_append_c (out, ']');
}

/* A count, as JSON writes it. */
static void
writer_write_count (GString *out,
                    guint    n)
{
  char digits[16];
  guint i = sizeof digits;

  do
    {
      digits[--i] = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  g_string_append_len (out, digits + i, (gssize) (sizeof digits - i));
}

/**
 * mbc_result_writer_new:
 * @guideline: the guideline of the results it writes
 *
 * A writer of result JSON (`mbc-advisor/result/1`) for @guideline's results. What depends
 * only on the guideline is rendered here, once. A writer never changes afterwards, so the
 * threads of a batch share one.
 */
MbcResultWriter *
mbc_result_writer_new (MbcGuideline *guideline)
{
  MbcResultWriter *self;
  GPtrArray *findings;
  GPtrArray *rules;
  GPtrArray *items;
  GString *out;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);

  self = g_object_new (MBC_TYPE_RESULT_WRITER, NULL);
  self->guideline = g_object_ref (guideline);
  findings = mbc_guideline_get_findings (guideline);
  rules = mbc_guideline_get_rules (guideline);
  items = mbc_guideline_get_plan_items (guideline);
  out = g_string_new ("{");

  writer_write_string_member (out, "schema", MBC_RESULT_SCHEMA);
  g_string_append_c (out, ',');
  writer_write_key (out, "guideline");
  g_string_append_c (out, '{');
  writer_write_string_member (out, "id", mbc_guideline_get_id (guideline));
  g_string_append_c (out, ',');
  writer_write_string_member (out, "version", mbc_guideline_get_version (guideline));
  g_string_append_c (out, ',');
  writer_write_string_member (out, "sha256", mbc_guideline_get_sha256 (guideline));
  g_string_append_c (out, ',');
  /* A result read alone says which guideline, of which date, it comes from. */
  writer_write_string_member (out, "title", mbc_guideline_get_title (guideline));
  g_string_append_c (out, ',');
  writer_write_string_member (out, "date", mbc_guideline_get_date (guideline));
  g_string_append (out, "},");
  self->header = g_string_free (out, FALSE);

  self->finding_status = g_new0 (char *, 3 * findings->len + 1);
  self->reasons = g_new0 (char *, 3 * findings->len + 1);
  for (guint i = 0; i < findings->len; i++)
    for (MbcFindingStatus status = 0; status <= MBC_FINDING_NOT_MET; status++)
      {
        const MbcFinding *finding = g_ptr_array_index (findings, i);
        GString *one = g_string_new (NULL);

        writer_write_string_member (one, finding->id, mbc_finding_status_to_string (status));
        self->finding_status[3 * i + status] = g_string_free (one, FALSE);
        one = g_string_new (NULL);
        writer_render_reason (one, finding, status);
        self->reasons[3 * i + status] = g_string_free (one, FALSE);
      }

  self->objects = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* The strings a result lists are the pack's own (as the evaluator takes them). */
  self->strings = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < rules->len; i++)
    {
      const MbcRule *rule = g_ptr_array_index (rules, i);
      g_hash_table_insert (self->objects, (gpointer) rule, writer_render_rule (rule));
      writer_render_fields (self, rule->missing);
      writer_render_fields (self, rule->confirm);
      writer_render_strings (self, rule->sources);
      for (guint k = 0; k < rule->strength->len; k++)
        {
          const MbcStrength *strength = g_ptr_array_index (rule->strength, k);
          g_hash_table_insert (self->objects, (gpointer) strength,
                               writer_render_strength (strength));
          writer_render_strings (self, strength->sources);
        }
    }
  for (guint i = 0; i < items->len; i++)
    {
      const MbcPlanItem *item = g_ptr_array_index (items, i);
      g_hash_table_insert (self->objects, (gpointer) item, writer_render_plan_item (item));
      writer_render_strings (self, item->options);
      writer_render_strings (self, item->sources);
    }
  return self;
}

/**
 * mbc_result_writer_write:
 * @result: a result of the writer's guideline
 * @out: where the result is appended, as compact JSON on one line
 */
void
mbc_result_writer_write (MbcResultWriter *self,
                         MbcResult       *result,
                         GString         *out)
{
  guint n_findings;
  GPtrArray *tallies;

  g_return_if_fail (MBC_IS_RESULT_WRITER (self));
  g_return_if_fail (MBC_IS_RESULT (result));
  g_return_if_fail (result->guideline == self->guideline);
  g_return_if_fail (out != NULL);

  n_findings = mbc_guideline_get_findings (result->guideline)->len;
  tallies = mbc_guideline_get_tallies (result->guideline);

  g_string_append (out, self->header);
  writer_write_string_member (out, "tier", mbc_result_get_tier (result));
  g_string_append_c (out, ',');
  writer_write_string_member (out, "strength", mbc_result_get_strength (result));
  g_string_append_c (out, ',');

  writer_write_key (out, "findings");
  g_string_append_c (out, '{');
  for (guint i = 0; i < n_findings; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, self->finding_status[3 * i + result->statuses[i]]);
    }
  g_string_append (out, "},");

  writer_write_list_member (self, out, "missing", result->missing);
  g_string_append_c (out, ',');
  writer_write_list_member (self, out, "confirm", result->confirm);
  g_string_append_c (out, ',');
  writer_write_list_member (self, out, "options", result->options);
  g_string_append_c (out, ',');
  writer_write_key (out, "axillary_evaluation");
  g_string_append (out, result->axillary_evaluation ? "true," : "false,");
  writer_write_list_member (self, out, "statements", result->statements);
  g_string_append_c (out, ',');

  writer_write_key (out, "reasons");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_findings; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, self->reasons[3 * i + result->statuses[i]]);
    }
  g_string_append (out, "],");

  writer_write_key (out, "rule");
  g_string_append (out, g_hash_table_lookup (self->objects, result->rule));
  g_string_append_c (out, ',');
  writer_write_key (out, "strength_basis");
  g_string_append (out, result->strength ? g_hash_table_lookup (self->objects, result->strength)
                                       : "null");
  g_string_append_c (out, ',');

  writer_write_key (out, "plan");
  g_string_append_c (out, '[');
  for (guint i = 0; i < result->plan->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, g_hash_table_lookup (self->objects, result->plan->pdata[i]));
    }
  g_string_append (out, "],");

  writer_write_key (out, "tallies");
  g_string_append_c (out, '{');
  for (guint i = 0; i < tallies->len; i++)
    {
      const MbcTally *tally = g_ptr_array_index (tallies, i);
      if (i > 0)
        g_string_append_c (out, ',');
      writer_write_key (out, tally->id);
      g_string_append (out, "{\"met\":");
      writer_write_count (out, result->tallies[3 * i]);
      g_string_append (out, ",\"not_met\":");
      writer_write_count (out, result->tallies[3 * i + 1]);
      g_string_append (out, ",\"unknown\":");
      writer_write_count (out, result->tallies[3 * i + 2]);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "}}");
}

