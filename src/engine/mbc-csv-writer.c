/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcCsvWriter: --batch … --format csv (docs/contracts.md). One summary row a case, written
 * straight from the MbcResult (no JSON is built): the line, the label, tier, strength, the
 * rule that fired, the lists joined with ";", one column per finding of the guideline in
 * its order, then the clinician's decision and whether the result agrees with it. Cells are
 * quoted as RFC 4180 says, and never hold a raw control character.
 */
#define G_LOG_DOMAIN "mbc-csv"

#include "config.h"

#include <string.h>

#include "mbc-csv-writer.h"
#include "mbc-problem.h"
#include "mbc-result-private.h"
#include "mbc-tier.h"

struct _MbcCsvWriter
{
  GObject       parent_instance;

  MbcGuideline *guideline;
  guint         n_findings;
  char         *statuses[3];  /* ",met" and so on, indexed by MbcFindingStatus */
};

G_DEFINE_FINAL_TYPE (MbcCsvWriter, mbc_csv_writer, G_TYPE_OBJECT)

static void
mbc_csv_writer_finalize (GObject *object)
{
  MbcCsvWriter *self = MBC_CSV_WRITER (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->statuses); i++)
    g_free (self->statuses[i]);
  g_object_unref (self->guideline);
  G_OBJECT_CLASS (mbc_csv_writer_parent_class)->finalize (object);
}

static void
mbc_csv_writer_class_init (MbcCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mbc_csv_writer_finalize;
}

static void
mbc_csv_writer_init (MbcCsvWriter *self)
{
}

/**
 * mbc_csv_write_cell:
 * @text: (nullable): the cell's text; %NULL for an empty cell
 *
 * Appends one cell, quoted when it holds a comma, a quote or a line break. A control
 * character (which no valid input holds) is escaped as messages escape it. A cell that a
 * spreadsheet would run as a formula (its text begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) is neutralised by a leading apostrophe, as OWASP advises for CSV
 * injection: `'=1+1`. Every CSV the application writes goes through here; numbers it
 * writes itself (a line, a count, a percentage) are appended plainly, not as cells.
 */
void
mbc_csv_write_cell (GString    *out,
                    const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *neutral = NULL;
  gboolean quote = FALSE;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  /* A text that already begins with apostrophes before one of those characters gets one
   * more, so that dropping one leading apostrophe always gives the text back. */
  {
    const char *after = text + strspn (text, "'");
    if (*after != '\0' && strchr ("=+-@\t\r", *after) != NULL)
      text = neutral = g_strconcat ("'", text, NULL);
  }
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      if (*p < 0x20 || *p == 0x7f || *p >= 0xc2)
        {
          /* Rare: anything that might be a control character, looked at closely. */
          escaped = mbc_problem_escape (text);
          text = escaped;
          break;
        }
    }
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_writer_write_list (GString   *out,
                       GPtrArray *strings)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ';');
      g_string_append (joined, g_ptr_array_index (strings, i));
    }
  g_string_append_c (out, ',');
  mbc_csv_write_cell (out, joined->str);
}

/**
 * mbc_csv_writer_new:
 * @guideline: the guideline of the results it writes (its findings are the columns)
 *
 * A writer never changes once made, so the threads of a batch share one.
 */
MbcCsvWriter *
mbc_csv_writer_new (MbcGuideline *guideline)
{
  MbcCsvWriter *self;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);

  self = g_object_new (MBC_TYPE_CSV_WRITER, NULL);
  self->guideline = g_object_ref (guideline);
  self->n_findings = mbc_guideline_get_findings (guideline)->len;
  for (MbcFindingStatus status = 0; status <= MBC_FINDING_NOT_MET; status++)
    self->statuses[status] = g_strconcat (",", mbc_finding_status_to_string (status), NULL);
  return self;
}

/**
 * mbc_csv_writer_write_header:
 *
 * Appends the header row, with its line end.
 */
void
mbc_csv_writer_write_header (MbcCsvWriter *self,
                             GString      *out)
{
  GPtrArray *findings;

  g_return_if_fail (MBC_IS_CSV_WRITER (self));
  g_return_if_fail (out != NULL);

  findings = mbc_guideline_get_findings (self->guideline);
  g_string_append (out, "line,label,tier,strength,rule,missing,confirm,options");
  for (guint i = 0; i < findings->len; i++)
    {
      g_string_append_c (out, ',');
      mbc_csv_write_cell (out, ((const MbcFinding *) g_ptr_array_index (findings, i))->id);
    }
  g_string_append (out, ",decision_choice,concordance,errors\r\n");
}

/**
 * mbc_csv_concordance:
 * @tier: a result's tier
 * @choice: (nullable): the clinician's decision
 *
 * Returns: "agrees", "disagrees", "individual" (the tier leaves it to the clinician), or ""
 *   (no decision, or no tier to agree with).
 */
const char *
mbc_csv_concordance (const char *tier,
                     const char *choice)
{
  MbcTier t;

  g_return_val_if_fail (tier != NULL, "");

  if (choice == NULL || !mbc_tier_from_string (tier, &t) || t == MBC_TIER_INDETERMINATE)
    return "";
  switch (t)
    {
    case MBC_TIER_INDIVIDUALISE:
      return "individual";
    case MBC_TIER_RECOMMENDED:
      return strcmp (choice, "surgery") == 0 ? "agrees" : "disagrees";
    case MBC_TIER_NOT_RECOMMENDED:
      return strcmp (choice, "no_surgery") == 0 ? "agrees" : "disagrees";
    case MBC_TIER_INDETERMINATE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * mbc_csv_writer_write_result:
 * @line: the case's line (JSON Lines) or row (CSV) in the input
 * @kase: the case evaluated (its label and decision are written)
 * @result: its result
 *
 * Appends the case's summary row, with its line end.
 */
void
mbc_csv_writer_write_result (MbcCsvWriter *self,
                             guint         line,
                             MbcCase      *kase,
                             MbcResult    *result,
                             GString      *out)
{
  const char *tier;
  const char *choice;
  g_autofree char *label = NULL;

  g_return_if_fail (MBC_IS_CSV_WRITER (self));
  g_return_if_fail (MBC_IS_CASE (kase) && MBC_IS_RESULT (result));
  g_return_if_fail (result->guideline == self->guideline);
  g_return_if_fail (out != NULL);

  tier = mbc_result_get_tier (result);
  choice = mbc_case_get_decision_choice (kase);
  if (mbc_case_is_known (kase, MBC_CASE_FIELD_LABEL))
    g_object_get (kase, "label", &label, NULL);
  g_string_append_printf (out, "%u,", line);
  mbc_csv_write_cell (out, label);
  g_string_append_c (out, ',');
  mbc_csv_write_cell (out, tier);
  g_string_append_c (out, ',');
  mbc_csv_write_cell (out, mbc_result_get_strength (result));
  g_string_append_c (out, ',');
  mbc_csv_write_cell (out, result->rule->id);
  csv_writer_write_list (out, result->missing);
  csv_writer_write_list (out, result->confirm);
  csv_writer_write_list (out, result->options);
  for (guint i = 0; i < self->n_findings; i++)
    g_string_append (out, self->statuses[result->statuses[i]]);
  g_string_append_c (out, ',');
  mbc_csv_write_cell (out, choice);
  g_string_append_c (out, ',');
  g_string_append (out, mbc_csv_concordance (tier, choice));
  g_string_append (out, ",\r\n");
}

/**
 * mbc_csv_writer_write_error:
 * @line: the line or row of the input that is not a case
 * @problems: (element-type MbcProblem): its problems
 *
 * Appends the row of an input that is not a case: an empty tier, the problems in `errors`
 * (each "FIELD: what is wrong", joined with ";", as many as are shown for one input).
 */
void
mbc_csv_writer_write_error (MbcCsvWriter *self,
                            guint         line,
                            GPtrArray    *problems,
                            GString      *out)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  guint shown;

  g_return_if_fail (MBC_IS_CSV_WRITER (self));
  g_return_if_fail (problems != NULL && out != NULL);

  shown = MIN (problems->len, MBC_PROBLEMS_SHOWN);
  for (guint i = 0; i < shown; i++)
    {
      const MbcProblem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (errors, "%s%s: %s", i ? ";" : "", p->where, p->message);
    }
  if (problems->len > shown)
    {
      g_autofree char *more = mbc_problems_describe_more (problems->len - shown);
      g_string_append_printf (errors, ";$: %s", more);
    }
  g_string_append_printf (out, "%u,,,,,,,", line);
  for (guint i = 0; i < self->n_findings; i++)
    g_string_append_c (out, ',');
  g_string_append (out, ",,,");
  mbc_csv_write_cell (out, errors->str);
  g_string_append (out, "\r\n");
}
