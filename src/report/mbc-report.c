/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The report of one case: what a clinician can put in the patient's file.
 *
 * The first page can be read alone: the recommendation, dated, with the consensus it comes
 * from and, directly under it, the dated note of the evidence since, and the strength with
 * its meaning; as the window says it, how many inputs have problems and how many the result
 * needs are not recorded; the key inputs (see report_add_key_inputs()) as entered, a
 * problem beside its value; the findings in one table; what to answer and to confirm, under
 * the window's headings; and lines for the clinician's decision, the date and a signature.
 * The pages after it hold the detail: the recommendation's reasons and sources, every input, every
 * finding with its reason, the plan, the poll charts (mbc_chart_draw_poll(), as in the
 * window), the evidence since, the disclaimer, the guideline's version and SHA-256 and the
 * application's version. A page number on every page.
 *
 * The report is of the case as entered, which may hold values with problems: such a value
 * is printed as entered, with its problem, never as unknown. The result is that of
 * mbc_case_copy_evaluable(), where such a value counts as unknown until it is corrected.
 *
 * The report is a list of blocks (a paragraph, a row of a table, a chart, a line to write
 * on) laid out by mbc_report_paginate() for a page size and drawn page by page by
 * mbc_report_draw_page(), so the PDF (cairo's PDF surface) and printing
 * (GtkPrintOperation) give the same pages. No block is cut; what belongs together (a
 * heading and what follows it, a finding and its sources, a short section) stays on one
 * page; pages are filled before the next; and a last page that would hold a few lines alone
 * takes more from the page before it.
 */
#define G_LOG_DOMAIN "mbc-report"

#include "config.h"

#include <glib/gi18n.h>

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "mbc-chart.h"
#include "mbc-file.h"
#include "mbc-problem.h"
#include "mbc-report.h"
#include "mbc-report-private.h"

static const struct
{
  const char *font;
  double      space_before;
} styles[N_STYLES] = {
  [STYLE_TITLE] = { "Sans Bold 18", 0 },
  [STYLE_SUBTITLE] = { "Sans 11", 3 },
  [STYLE_HEADING] = { "Sans Bold 13", 12 },
  [STYLE_SUBHEADING] = { "Sans Bold 10", 7 },
  [STYLE_BODY] = { "Sans 10", 3 },
  [STYLE_STRONG] = { "Sans Bold 10", 5 },
  [STYLE_SMALL] = { "Sans 8.5", 2 },
  [STYLE_TIER] = { "Sans Bold 15", 8 },
  [STYLE_TABLE] = { "Sans 9", 0.5 },
  [STYLE_TABLE_HEAD] = { "Sans Bold 9", 5 },
};

const double _mbc_report_black[3] = { 0.1, 0.1, 0.1 };
const double _mbc_report_grey[3] = { 0.33, 0.33, 0.33 };
#define black _mbc_report_black
#define grey _mbc_report_grey
static const double problem_color[3] = { 0.70, 0.10, 0.14 };
static const double hairline[3] = { 0.80, 0.80, 0.80 };

/* Columns: two inputs side by side; an input, its value and its problem; a finding and its
 * status. */
static const double columns_pairs[] = { 0.295, 0.205, 0.295, 0.205 };
static const double columns_input[] = { 0.30, 0.25, 0.45 };
static const double columns_problem[] = { 0.30, 0.12, 0.58 };
static const double columns_finding[] = { 0.24, 0.58, 0.18 };

static void
report_block_clear (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < MAX_CELLS; i++)
    {
      g_free (block->cells[i]);
      g_clear_object (&block->layouts[i]);
    }
}

Block *
_mbc_report_add (MbcReport  *self,
                 Style       style,
                 const char *text)
{
  Block block = { BLOCK_TEXT, style, { g_strdup (text) } };

  memcpy (block.color, style == STYLE_SMALL ? grey : black, sizeof block.color);
  block.n_cells = 1;
  block.keep_with_next = style == STYLE_HEADING || style == STYLE_SUBHEADING ||
                         style == STYLE_TITLE || style == STYLE_TABLE_HEAD;
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

Block *
_mbc_report_addf (MbcReport  *self,
                  Style       style,
                  const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return _mbc_report_add (self, style, text);
}

/* A row of a table: @n_cells texts (NULL for an empty cell) in @columns. */
Block *
_mbc_report_add_row (MbcReport          *self,
                     Style               style,
                     const double       *columns,
                     guint               n_cells,
                     const char * const *cells)
{
  Block *block = _mbc_report_add (self, style, NULL);

  g_assert (n_cells <= MAX_CELLS);
  block->kind = BLOCK_ROW;
  block->columns = columns;
  block->n_cells = n_cells;
  block->rule = TRUE;
  block->keep_with_next = FALSE;
  for (guint i = 0; i < n_cells; i++)
    block->cells[i] = g_strdup (cells[i]);
  return block;
}

/* A label and a line to write on; with @second (and @third), side by side. */
static void
report_add_line (MbcReport  *self,
                 const char *label,
                 const char *second,
                 const char *third)
{
  Block *block = _mbc_report_add (self, STYLE_BODY, label);

  block->kind = BLOCK_LINE;
  block->glue = TRUE;
  block->keep_with_next = FALSE;
  block->n_cells = third ? 3 : second ? 2 : 1;
  block->cells[1] = g_strdup (second);
  block->cells[2] = g_strdup (third);
}

void
_mbc_report_add_page_break (MbcReport *self)
{
  _mbc_report_add (self, STYLE_BODY, NULL)->kind = BLOCK_PAGE_BREAK;
}

static void
report_add_sources (MbcReport          *self,
                    const char * const *sources,
                    double              indent)
{
  g_autofree char *names = NULL;
  Block *block;

  if (sources == NULL || sources[0] == NULL)
    return;
  names = mbc_guideline_describe_sources (self->guideline, sources);
  block = _mbc_report_addf (self, STYLE_SMALL, _("Sources: %s"), names);
  block->indent = indent;
  block->glue = TRUE;
}

static void
report_add_interpretation (MbcReport  *self,
                           const char *interpretation,
                           double      indent)
{
  g_autofree char *text = NULL;
  Block *block;

  if (interpretation == NULL)
    return;
  text = mbc_interpretation_text (interpretation);
  block = _mbc_report_add (self, STYLE_SMALL, text);
  block->indent = indent;
  block->glue = TRUE;
}

/* The cautions that hold, beside the recommendation, each with what it rests on. */
static void
report_add_cautions (MbcReport *self)
{
  GPtrArray *cautions = mbc_result_get_cautions (self->result);

  for (guint i = 0; i < cautions->len; i++)
    {
      const MbcCaution *caution = g_ptr_array_index (cautions, i);
      _mbc_report_addf (self, STYLE_STRONG, _("Caution: %s"), caution->text)->glue = TRUE;
      report_add_interpretation (self, caution->interpretation, 0);
      report_add_sources (self, (const char * const *) caution->sources, 0);
    }
}

/* --- The case as entered ------------------------------------------------------------------ */

/* Every problem of the case as entered, at its field, in the words the form shows. A value
 * out of range hides the checks of consistency until it is set aside, so the case is
 * checked again, as mbc_case_copy_evaluable() does, until nothing more is found. */
static void
report_collect_problems (MbcReport *self)
{
  g_autoptr(MbcCase) copy = mbc_case_copy (self->kase);
  GString *texts[MBC_CASE_N_FIELDS] = { NULL };

  for (guint round = 0; round < MBC_CASE_N_FIELDS; round++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      gboolean found = FALSE;

      if (mbc_case_validate (copy, problems))
        break;
      for (guint i = 0; i < problems->len; i++)
        {
          const MbcProblem *problem = g_ptr_array_index (problems, i);
          int field = mbc_case_field_from_problem (problem->where);

          if (field < 0)
            continue;
          if (texts[field] == NULL)
            texts[field] = g_string_new (NULL);
          else
            g_string_append_c (texts[field], '\n');
          g_string_append_printf (texts[field], "%s %s", mbc_case_field_get_title (field),
                                  problem->message);
          found = TRUE;
        }
      if (!found)
        break;
      for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
        if (texts[f] != NULL)
          mbc_case_set_unknown (copy, f);
    }
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    self->problems[f] = texts[f] ? g_string_free (texts[f], FALSE) : NULL;
}

/* A lesion count of an organ that the sites (known) do not list: 0, by the case contract.
 * The field is "<site>_lesion_count" for a site the case knows. */
static gboolean
report_is_absent_organ (MbcReport    *self,
                        MbcCaseField  field)
{
  static const char suffix[] = "_lesion_count";
  const char *name = mbc_case_field_get_name (field);
  g_autofree char *organ = NULL;
  g_autofree char *property = NULL;
  g_auto(GStrv) sites = NULL;

  if (mbc_case_field_get_kind (field) != MBC_CASE_KIND_INT || !g_str_has_suffix (name, suffix) ||
      !mbc_case_is_known (self->kase, MBC_CASE_FIELD_METASTATIC_SITES))
    return FALSE;
  organ = g_strndup (name, strlen (name) - strlen (suffix));
  if (!g_strv_contains (mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES), organ))
    return FALSE;
  property = mbc_case_field_dup_property_name (MBC_CASE_FIELD_METASTATIC_SITES);
  g_object_get (self->kase, property, &sites, NULL);
  if (g_strv_contains ((const char * const *) sites, organ))
    return FALSE;
  if (mbc_case_is_known (self->kase, field))
    {
      int count;

      g_clear_pointer (&property, g_free);
      property = mbc_case_field_dup_property_name (field);
      g_object_get (self->kase, property, &count, NULL);
      return count == 0;
    }
  return TRUE;
}

/* An input's value as entered, for people. */
static char *
report_format_input (MbcReport    *self,
                     MbcCaseField  field)
{
  if (self->problems[field] == NULL && report_is_absent_organ (self, field))
    return g_strdup (_("0 (not a site)"));
  if (mbc_case_is_known (self->kase, field))
    return mbc_case_format_value (self->kase, field);
  return g_strdup (_("Not recorded"));
}

static gboolean
report_is_recorded (MbcReport    *self,
                    MbcCaseField  field)
{
  return mbc_case_is_known (self->kase, field) || report_is_absent_organ (self, field);
}

/* The titles of the fields among @names that have problems (how many in *n), or NULL. */
static char *
report_describe_problem_fields (MbcReport          *self,
                                const char * const *names,
                                guint              *n)
{
  g_autoptr(GString) out = NULL;

  *n = 0;
  for (guint i = 0; names && names[i]; i++)
    {
      int field = mbc_case_field_from_name (names[i]);
      if (field < 0 || self->problems[field] == NULL)
        continue;
      (*n)++;
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, _(", "));
      g_string_append (out, mbc_case_field_get_title (field));
    }
  return out ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* An input in a list of what to do: its title, and when it has a problem, what was entered. */
static void
report_add_field_item (MbcReport  *self,
                       const char *name)
{
  int field = mbc_case_field_from_name (name);
  Block *block;

  if (field < 0)
    block = _mbc_report_addf (self, STYLE_BODY, "•  %s", name);
  else if (self->problems[field] != NULL)
    {
      g_autofree char *value = report_format_input (self, field);
      /* TRANSLATORS: an input, and the value entered for it, which has a problem */
      block = _mbc_report_addf (self, STYLE_BODY, _("•  %s (entered as %s, with a problem)"),
                           mbc_case_field_get_title (field), value);
    }
  else
    block = _mbc_report_addf (self, STYLE_BODY, "•  %s", mbc_case_field_get_title (field));
  block->indent = 10;
}

static gboolean
report_fields_have_problems (MbcReport *self,
                             GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      int field = mbc_case_field_from_name (g_ptr_array_index (names, i));
      if (field >= 0 && self->problems[field] != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
report_add_fields (MbcReport  *self,
                   Style       style,
                   const char *heading,
                   const char *description,
                   const char *description_problems,
                   GPtrArray  *fields)
{
  if (fields->len == 0)
    return;
  _mbc_report_add (self, style, heading);
  _mbc_report_add (self, STYLE_SMALL, report_fields_have_problems (self, fields)
                                 ? description_problems : description)->glue = TRUE;
  for (guint i = 0; i < fields->len; i++)
    report_add_field_item (self, g_ptr_array_index (fields, i));
}

/* One input: its title, its value as entered, its problem (in the problem's colour). */
static void
report_add_input_row (MbcReport    *self,
                      const double *columns,
                      MbcCaseField  field)
{
  g_autofree char *value = report_format_input (self, field);
  const char *cells[] = { mbc_case_field_get_title (field), value, self->problems[field] };
  Block *block = _mbc_report_add_row (self, STYLE_TABLE, columns, 3, cells);

  block->grey_keys = TRUE;
}

/* --- The first page ------------------------------------------------------------------------ */

static void
report_color_tier (MbcReport *self,
                   Block     *block)
{
  /* The heading's colour follows the indicator the pack gives the rule that fired. */
  static const struct { const char *indicator; double rgb[3]; } colors[] = {
    { "info", { 0.10, 0.45, 0.22 } },
    { "warning", { 0.55, 0.38, 0.0 } },
    { "critical", { 0.70, 0.10, 0.14 } },
  };
  const MbcRule *rule = mbc_result_get_rule (self->result);

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (rule->indicator, colors[i].indicator) == 0)
      memcpy (block->color, colors[i].rgb, sizeof block->color);
}

/* As the window says it: how many inputs have problems, apart from how many of those the
 * result needs (its lists of what is missing and what to confirm) are not recorded; then,
 * labelled as such, how many of all the inputs are not recorded. */
static void
report_add_counts (MbcReport *self)
{
  GPtrArray *lists[] = { mbc_result_get_missing (self->result),
                         mbc_result_get_confirm (self->result) };
  gboolean needed[MBC_CASE_N_FIELDS] = { FALSE };
  guint n_problems = 0, n_needed = 0, n_inputs = 0, n_not_recorded = 0;
  g_autoptr(GString) text = g_string_new (NULL);
  Block *block;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        int field = mbc_case_field_from_name (g_ptr_array_index (lists[l], i));
        if (field >= 0 && self->problems[field] == NULL && !needed[field])
          {
            needed[field] = TRUE;
            n_needed++;
          }
      }
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      n_problems += self->problems[f] != NULL;
      if (f == MBC_CASE_FIELD_LABEL)
        continue;   /* the case's name, not an input */
      n_inputs++;
      n_not_recorded += self->problems[f] == NULL && !report_is_recorded (self, f);
    }

  if (n_problems > 0)
    g_string_append_printf (text, ngettext ("%u input has a problem",
                                            "%u inputs have problems", n_problems), n_problems);
  if (n_problems > 0 && n_needed > 0)
    g_string_append (text, _(", "));
  if (n_needed > 0)
    g_string_append_printf (text, ngettext ("%u needed input not recorded",
                                            "%u needed inputs not recorded", n_needed),
                            n_needed);
  if (text->len == 0)
    g_string_append (text, _("Every needed input is recorded, and no input has a problem."));
  block = _mbc_report_add (self, STYLE_STRONG, text->str);
  if (n_problems > 0)
    memcpy (block->color, problem_color, sizeof block->color);
  if (n_not_recorded > 0)
    /* TRANSLATORS: "13 of the 18 inputs are not recorded." (all of them, needed or not) */
    _mbc_report_addf (self, STYLE_SMALL, ngettext ("%u of the %u inputs is not recorded.",
                                              "%u of the %u inputs are not recorded.",
                                              n_not_recorded),
                 n_not_recorded, n_inputs)->glue = TRUE;
}

/* The inputs marked in @which that have no problem, two to a row. */
static void
report_add_input_pairs (MbcReport      *self,
                        const gboolean *which)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      if (!which[f] || self->problems[f] != NULL)
        continue;
      g_ptr_array_add (pairs, g_strdup (mbc_case_field_get_title (f)));
      g_ptr_array_add (pairs, report_format_input (self, f));
    }
  for (guint i = 0; i < pairs->len; i += 4)
    {
      const char *cells[MAX_CELLS] = { NULL };
      Block *block;

      for (guint k = 0; k < 4 && i + k < pairs->len; k++)
        cells[k] = g_ptr_array_index (pairs, i + k);
      block = _mbc_report_add_row (self, STYLE_TABLE, columns_pairs, 4, cells);
      block->grey_keys = TRUE;
      block->glue = i == 0;
    }
}

/* Marks in @fields the case fields that the condition @node reads: "case.<field>", with
 * anything after a further dot an index into it. */
void
_mbc_report_mark_reads (JsonNode *node,
                        gboolean *fields)
{
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        _mbc_report_mark_reads (json_array_get_element (array, i), fields);
    }
  else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *value = json_object_get_member (object, l->data);
          JsonNode *name = value;

          /* {"var": "case.x"}, {"var": ["case.x", default]}, {"missing": "case.x"} */
          if (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)))
            name = json_array_get_element (json_node_get_array (value), 0);
          if ((strcmp (l->data, "var") == 0 || strcmp (l->data, "missing") == 0) &&
              JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
            {
              g_auto(GStrv) parts = g_strsplit (json_node_get_string (name), ".", 3);
              int field;

              if (parts[0] && parts[1] && strcmp (parts[0], "case") == 0 &&
                  (field = mbc_case_field_from_name (parts[1])) >= 0)
                fields[field] = TRUE;
            }
          _mbc_report_mark_reads (value, fields);
        }
    }
}

/* Marks in @fields what @rule reads: its condition, what it lists as missing or to confirm
 * and their conditions, and its strength's conditions. (The findings it reads are marked
 * with every finding's fields.) */
void
_mbc_report_mark_rule_reads (const MbcRule *rule,
                             gboolean      *fields)
{
  GPtrArray *lists[] = { rule->missing, rule->confirm };

  _mbc_report_mark_reads (rule->when, fields);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] && i < lists[l]->len; i++)
      {
        const MbcFieldCondition *condition = g_ptr_array_index (lists[l], i);
        int field = mbc_case_field_from_name (condition->field);

        if (field >= 0)
          fields[field] = TRUE;
        _mbc_report_mark_reads (condition->when, fields);
      }
  for (guint i = 0; rule->strength && i < rule->strength->len; i++)
    _mbc_report_mark_reads (((const MbcStrength *) rule->strength->pdata[i])->when, fields);
}

/* The key inputs, from the pack: those the findings and the rule that fired read, recorded
 * or not, and every other input the pack reads (any rule, any plan item) that is recorded.
 * Two to a row, and those with a problem on rows of their own, the problem beside the
 * value. */
static void
report_add_key_inputs (MbcReport *self)
{
  GPtrArray *findings = mbc_guideline_get_findings (self->guideline);
  GPtrArray *rules = mbc_guideline_get_rules (self->guideline);
  GPtrArray *items = mbc_guideline_get_plan_items (self->guideline);
  gboolean key[MBC_CASE_N_FIELDS] = { FALSE };
  gboolean read[MBC_CASE_N_FIELDS] = { FALSE };
  gboolean any_key = FALSE;
  gboolean first_problem = TRUE;

  _mbc_report_mark_rule_reads (mbc_result_get_rule (self->result), key);
  for (guint i = 0; i < findings->len; i++)
    {
      const MbcFinding *finding = g_ptr_array_index (findings, i);
      for (guint k = 0; finding->fields && finding->fields[k]; k++)
        {
          int field = mbc_case_field_from_name (finding->fields[k]);
          if (field >= 0)
            key[field] = TRUE;
        }
    }
  for (guint i = 0; i < rules->len; i++)
    _mbc_report_mark_rule_reads (g_ptr_array_index (rules, i), read);
  for (guint i = 0; i < items->len; i++)
    _mbc_report_mark_reads (((const MbcPlanItem *) items->pdata[i])->when, read);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      key[f] = key[f] || (read[f] && report_is_recorded (self, f));
      any_key = any_key || key[f];
    }

  _mbc_report_add (self, STYLE_HEADING, _("Key Inputs"));
  report_add_counts (self);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    key[f] = f != MBC_CASE_FIELD_LABEL && (key[f] || !any_key);
  report_add_input_pairs (self, key);

  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      if (self->problems[f] == NULL)
        continue;
      if (first_problem)
        {
          const char *cells[] = { _("Input with a problem"), _("As entered"), _("Problem") };

          _mbc_report_add (self, STYLE_STRONG, _("Correct these inputs: the evaluation leaves them "
                                            "out until they are corrected."))->keep_with_next =
            TRUE;
          _mbc_report_add_row (self, STYLE_TABLE_HEAD, columns_problem, 3, cells)->keep_with_next =
            TRUE;
        }
      first_problem = FALSE;
      report_add_input_row (self, columns_problem, f);
    }
}

/* Every finding and its status, under its group's title. */
static void
report_add_findings_table (MbcReport *self)
{
  GPtrArray *groups = mbc_guideline_get_groups (self->guideline);
  GPtrArray *findings = mbc_guideline_get_findings (self->guideline);
  GPtrArray *tallies = mbc_guideline_get_tallies (self->guideline);

  _mbc_report_add (self, STYLE_HEADING, _("Findings"));
  for (guint gi = 0; gi < groups->len; gi++)
    {
      const MbcGroup *group = g_ptr_array_index (groups, gi);
      gboolean first = TRUE;

      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          MbcFindingStatus status = mbc_result_get_finding_status (self->result, i);
          const char *cells[] = { first ? group->title : NULL, finding->title,
                                  mbc_finding_status_word (status) };
          Block *block;

          if (g_strcmp0 (finding->group, group->id) != 0)
            continue;
          block = _mbc_report_add_row (self, STYLE_TABLE, columns_finding, 3, cells);
          block->grey_keys = TRUE;
          /* A group's rows stay together, with the table's heading before the first. */
          block->glue = !first || gi == 0;
          first = FALSE;
        }
    }
  for (guint i = 0; i < tallies->len; i++)
    {
      const MbcTally *tally = g_ptr_array_index (tallies, i);
      guint met, not_met, unknown;

      mbc_result_get_tally (self->result, i, &met, &not_met, &unknown);
      /* TRANSLATORS: "Supporting factors met: 2 of 4 (1 unknown)" */
      _mbc_report_addf (self, STYLE_SMALL, _("%s: %u of %u (%u unknown)"), tally->title, met,
                   met + not_met + unknown, unknown)->glue = TRUE;
    }
}

static void
report_add_to_confirm (MbcReport *self)
{
  GPtrArray *missing = mbc_result_get_missing (self->result);
  GPtrArray *confirm = mbc_result_get_confirm (self->result);
  gboolean flagged = FALSE;

  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    flagged = flagged || self->problems[f] != NULL;

  /* The window's two sections, under its headings: the inputs the recommendation depends
   * on and what to confirm before operating, each when there are any; with neither, the
   * second says that there is nothing, so that the page always says it, in the same words. */
  report_add_fields (self, STYLE_HEADING, _("Answer These to Decide"),
                     _("The recommendation depends on these inputs, which are not recorded."),
                     _("The recommendation depends on these inputs, not recorded or entered "
                       "with a problem."), missing);
  if (confirm->len > 0 || missing->len > 0)
    report_add_fields (self, STYLE_HEADING, _("Confirm Before Surgery"),
                       _("Not recorded, and needed before operating."),
                       _("Not recorded or entered with a problem, and needed before operating."),
                       confirm);
  else
    {
      _mbc_report_add (self, STYLE_HEADING, _("Confirm Before Surgery"));
      _mbc_report_add (self, STYLE_BODY, flagged
                  ? _("Nothing is listed to confirm; correct the inputs with problems above.")
                  : _("Nothing: the recommendation lists nothing to confirm, and no input has "
                      "a problem."))->glue = TRUE;
    }
}

static void
report_add_decision (MbcReport *self)
{
  const char *choice = mbc_case_get_decision_choice (self->kase);
  const char *date = mbc_case_get_decision_date (self->kase);
  const char *note = mbc_case_get_decision_note (self->kase);

  _mbc_report_add (self, STYLE_HEADING, _("Clinician’s Decision"));
  /* As recorded in the case (never read by the rules); else lines to write it on. */
  if (choice)
    {
      const char *cells[] = { _("Decision"), mbc_case_decision_get_choice_title (choice),
                              _("Date"), date ? date : _("Not recorded") };
      _mbc_report_add_row (self, STYLE_TABLE, columns_pairs, 4, cells)->grey_keys = TRUE;
      if (note)
        _mbc_report_addf (self, STYLE_BODY, _("Note: %s"), note);
    }
  else
    {
      report_add_line (self, _("Decision"), NULL, NULL);
      report_add_line (self, NULL, NULL, NULL);
    }
  report_add_line (self, _("Name"), _("Signature"), _("Date"));
}

static void
report_build_first_page (MbcReport  *self,
                         const char *when)
{
  MbcGuideline *g = self->guideline;
  MbcResult *r = self->result;
  const MbcRule *rule = mbc_result_get_rule (r);
  const MbcStrength *strength = mbc_result_get_strength_basis (r);
  const MbcEvidence *evidence = mbc_guideline_get_evidence (g);
  g_autofree char *label = mbc_case_is_known (self->kase, MBC_CASE_FIELD_LABEL)
                           ? mbc_case_format_value (self->kase, MBC_CASE_FIELD_LABEL)
                           : g_strdup (_("No label"));
  Block *block;

  _mbc_report_add (self, STYLE_TITLE, _("MBC Surgery Advisor Report"));
  _mbc_report_addf (self, STYLE_SUBTITLE, _("Case: %s"), label)->keep_with_next = TRUE;
  _mbc_report_addf (self, STYLE_SMALL, _("Written %s by MBC Surgery Advisor %s."), when,
               PACKAGE_VERSION)->glue = TRUE;

  block = _mbc_report_add (self, STYLE_TIER, mbc_result_get_heading (r));
  block->keep_with_next = TRUE;
  report_color_tier (self, block);
  /* Directly under the heading: the interpretation the deciding rule rests on. */
  if (rule->interpretation)
    {
      g_autofree char *interpretation = mbc_interpretation_text (rule->interpretation);
      _mbc_report_add (self, STYLE_STRONG, interpretation)->glue = TRUE;
    }
  /* The recommendation's date and source, as the pack gives them. */
  block = _mbc_report_addf (self, STYLE_SMALL, _("Source: %s (%s)."),
                       mbc_guideline_get_short_title (g), mbc_guideline_get_date (g));
  block->glue = TRUE;
  /* Directly under it: the dated note of what has been published since. */
  _mbc_report_addf (self, STYLE_STRONG, _("%s (See “%s”.)"),
               evidence->line, evidence->title)->glue = TRUE;
  report_add_cautions (self);
  _mbc_report_add (self, STYLE_BODY, rule->summary)->glue = TRUE;
  /* The strength with what it means and its sources, in the pack's words, as the window
   * shows it. */
  if (strength)
    {
      _mbc_report_addf (self, STYLE_BODY, "%s %s", strength->summary,
                        strength->detail)->glue = TRUE;
      report_add_sources (self, (const char * const *) strength->sources, 0);
    }

  report_add_key_inputs (self);
  report_add_findings_table (self);
  report_add_to_confirm (self);
  report_add_decision (self);
}

/* --- The detail ---------------------------------------------------------------------------- */

static void
report_add_finding (MbcReport        *self,
                    guint             index,
                    const MbcFinding *finding)
{
  MbcFindingStatus status = mbc_result_get_finding_status (self->result, index);
  guint n_flagged = 0;
  g_autofree char *flagged = status == MBC_FINDING_UNKNOWN
                             ? report_describe_problem_fields (self, finding->fields, &n_flagged)
                             : NULL;
  Block *block;

  _mbc_report_addf (self, STYLE_SUBHEADING, "%s: %s", mbc_finding_status_word (status),
               finding->title);
  /* The pack's words for an unknown finding say what is not recorded; an input entered
   * with a problem is recorded, and is left out until corrected. */
  if (flagged)
    block = _mbc_report_addf (self, STYLE_BODY,
                         ngettext ("Not decided: %s has a problem, so the evaluation leaves it "
                                   "out until it is corrected.",
                                   "Not decided: %s have problems, so the evaluation leaves them "
                                   "out until they are corrected.", n_flagged), flagged);
  else
    block = _mbc_report_add (self, STYLE_BODY, finding->text[status]);
  block->indent = 10;
  report_add_interpretation (self, finding->interpretation, 10);
  report_add_sources (self, (const char * const *) finding->sources, 10);
}

static void
report_build_detail (MbcReport  *self,
                     const char *when)
{
  MbcGuideline *g = self->guideline;
  MbcResult *r = self->result;
  const MbcRule *rule = mbc_result_get_rule (r);
  const MbcStrength *strength = mbc_result_get_strength_basis (r);
  GPtrArray *groups = mbc_guideline_get_groups (g);
  GPtrArray *findings = mbc_guideline_get_findings (g);
  GPtrArray *sections = mbc_guideline_get_plan_sections (g);
  GPtrArray *plan = mbc_result_get_plan (r);
  GPtrArray *sources = mbc_guideline_get_sources (g);
  const MbcEvidence *evidence = mbc_guideline_get_evidence (g);
  const MbcPolls *polls = mbc_guideline_get_polls (g);
  const char * const *authors = mbc_guideline_get_authors (g);
  gboolean first_chart = TRUE;
  Block *block;

  _mbc_report_add (self, STYLE_HEADING, _("Why"));
  block = _mbc_report_add (self, STYLE_SUBHEADING, mbc_result_get_heading (r));
  report_color_tier (self, block);
  _mbc_report_addf (self, STYLE_BODY, "%s %s", rule->summary, rule->detail);
  report_add_sources (self, (const char * const *) rule->sources, 0);
  report_add_interpretation (self, rule->interpretation, 0);
  report_add_cautions (self);
  if (strength)
    {
      _mbc_report_add (self, STYLE_SUBHEADING, strength->summary);
      _mbc_report_add (self, STYLE_BODY, strength->detail);
      report_add_sources (self, (const char * const *) strength->sources, 0);
    }

  /* Every input, two to a row, then those with a problem, each with its problem. */
  _mbc_report_add (self, STYLE_HEADING, _("All Inputs"));
  {
    gboolean all[MBC_CASE_N_FIELDS];

    for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
      all[f] = TRUE;
    report_add_input_pairs (self, all);
    for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
      if (self->problems[f] != NULL)
        report_add_input_row (self, columns_input, f);
  }

  for (guint gi = 0; gi < groups->len; gi++)
    {
      const MbcGroup *group = g_ptr_array_index (groups, gi);

      _mbc_report_add (self, STYLE_HEADING, group->title);
      if (group->description)
        _mbc_report_add (self, STYLE_SMALL, group->description)->glue = TRUE;
      report_add_sources (self, (const char * const *) group->sources, 0);
      report_add_interpretation (self, group->interpretation, 0);
      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          if (g_strcmp0 (finding->group, group->id) == 0)
            report_add_finding (self, i, finding);
        }
    }

  if (plan->len > 0)
    _mbc_report_add (self, STYLE_HEADING, _("Plan"));
  for (guint s = 0; s < sections->len; s++)
    {
      const MbcPlanSection *section = g_ptr_array_index (sections, s);
      gboolean first = TRUE;

      for (guint i = 0; i < plan->len; i++)
        {
          const MbcPlanItem *item = g_ptr_array_index (plan, i);
          if (g_strcmp0 (item->section, section->id) != 0)
            continue;
          if (first)
            _mbc_report_add (self, STYLE_SUBHEADING, section->title);
          first = FALSE;
          _mbc_report_addf (self, STYLE_BODY, "%s. %s", item->summary, item->detail)->indent = 10;
          report_add_sources (self, (const char * const *) item->sources, 10);
        }
    }

  _mbc_report_add (self, STYLE_HEADING, polls->title);
  if (polls->description)
    _mbc_report_add (self, STYLE_SMALL, polls->description)->glue = TRUE;
  _mbc_report_add (self, STYLE_SMALL,
              _("The questions this result rests on are marked."))->glue =
    TRUE;
  for (guint i = 0; i < sources->len; i++)
    {
      const MbcSource *source = g_ptr_array_index (sources, i);
      gboolean rests;

      if (g_strcmp0 (source->kind, "poll") != 0 && g_strcmp0 (source->kind, "question") != 0)
        continue;
      rests = mbc_result_rests_on (r, source->id);
      block = _mbc_report_add (self, STYLE_BODY, NULL);
      block->kind = BLOCK_CHART;
      block->source = source;
      block->highlighted = rests;
      block->keep_with_next = FALSE;
      block->glue = first_chart;
      first_chart = FALSE;
    }

  {
    g_autofree char *dated = mbc_evidence_dated_title (evidence);
    _mbc_report_add (self, STYLE_HEADING, dated);
  }
  _mbc_report_add (self, STYLE_BODY, evidence->summary);
  for (guint i = 0; i < evidence->items->len; i++)
    {
      const MbcEvidenceItem *item = g_ptr_array_index (evidence->items, i);
      if (item->citation)
        _mbc_report_addf (self, STYLE_SUBHEADING, "%s — %s", item->title, item->citation);
      else
        _mbc_report_add (self, STYLE_SUBHEADING, item->title);
      _mbc_report_add (self, STYLE_BODY, item->text)->indent = 10;
    }
  if (evidence->note)
    _mbc_report_add (self, STYLE_SMALL, evidence->note)->glue = TRUE;

  _mbc_report_add (self, STYLE_HEADING, _("About This Report"));
  self->disclaimer_block = (int) self->blocks->len;
  _mbc_report_add (self, STYLE_BODY, mbc_guideline_get_disclaimer (g));
  _mbc_report_addf (self, STYLE_SMALL, _("Guideline: %s (%s), version %s, SHA-256 %s."),
               mbc_guideline_get_title (g), mbc_guideline_get_date (g),
               mbc_guideline_get_version (g), mbc_guideline_get_sha256 (g))->glue = TRUE;
  if (authors && authors[0])
    {
      g_autofree char *names = g_strjoinv (_("; "), (char **) authors);
      _mbc_report_addf (self, STYLE_SMALL, _("Authors: %s."), names)->glue = TRUE;
    }
  _mbc_report_addf (self, STYLE_SMALL, _("Application: MBC Surgery Advisor %s. Written %s."),
               PACKAGE_VERSION, when)->glue = TRUE;
}

static void
report_build (MbcReport *self)
{
  g_autofree char *when = g_date_time_format (self->when, "%Y-%m-%d %H:%M (UTC%:z)");

  report_build_first_page (self, when);
  _mbc_report_add_page_break (self);
  report_build_detail (self, when);
}

/* An empty report (no blocks yet) against @guideline, written @when. */
MbcReport *
_mbc_report_alloc (MbcGuideline *guideline,
                   GDateTime    *when)
{
  MbcReport *self = g_new0 (MbcReport, 1);

  self->guideline = g_object_ref (guideline);
  self->when = g_date_time_ref (when);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->disclaimer_block = -1;
  g_array_set_clear_func (self->blocks, report_block_clear);
  return self;
}

/**
 * mbc_report_new:
 * @kase: the case as entered, which may hold values with problems (mbc_case_validate())
 * @result: the result of mbc_case_copy_evaluable() of @kase
 * @when: when the report is written
 *
 * Values with problems are printed as entered, each with its problem.
 */
MbcReport *
mbc_report_new (MbcCase   *kase,
                MbcResult *result,
                GDateTime *when)
{
  MbcReport *self;

  g_return_val_if_fail (MBC_IS_CASE (kase), NULL);
  g_return_val_if_fail (MBC_IS_RESULT (result), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  self = _mbc_report_alloc (mbc_result_get_guideline (result), when);
  self->kase = mbc_case_copy (kase);
  self->result = g_object_ref (result);
  self->first_page_alone = TRUE;
  report_collect_problems (self);
  report_build (self);
  return self;
}

void
mbc_report_free (MbcReport *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_clear_object (&self->context);
  g_clear_object (&self->kase);
  g_clear_object (&self->result);
  g_clear_object (&self->guideline);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    g_free (self->problems[f]);
  g_date_time_unref (self->when);
  g_free (self);
}

/* --- Layout -------------------------------------------------------------------------------- */

static PangoLayout *
report_new_scaled_layout (PangoContext *context,
                          Style         style,
                          double        scale,
                          const char   *text,
                          double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (styles[style].font);

  pango_font_description_set_size (font,
                                   (int) (pango_font_description_get_size (font) * scale));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static PangoLayout *
report_new_layout (PangoContext *context,
                   Style         style,
                   const char   *text,
                   double        width)
{
  return report_new_scaled_layout (context, style, 1, text, width);
}

static double
report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static const MbcChartColors chart_colors = {
  { 0.1, 0.1, 0.1, 1 }, { 0.11, 0.44, 0.85, 1 }
};

/* Where a cell of a row starts, from the row's left edge, and how wide it is. */
static double
report_cell_x (const Block *b,
               guint        cell,
               double       width,
               double      *cell_width)
{
  double x = 0;

  for (guint i = 0; i < cell; i++)
    x += b->columns[i] * width;
  if (cell_width)
    *cell_width = b->columns[cell] * width - (cell + 1 < b->n_cells ? CELL_GAP : 0);
  return x;
}

static void
report_measure (MbcReport    *self,
                PangoContext *context,
                Block        *b,
                double        width)
{
  for (guint i = 0; i < MAX_CELLS; i++)
    g_clear_object (&b->layouts[i]);
  switch (b->kind)
    {
    case BLOCK_TEXT:
      b->layouts[0] = report_new_scaled_layout (context, b->style, b->scale, b->cells[0],
                                                width);
      b->height = report_layout_height (b->layouts[0]);
      break;
    case BLOCK_ROW:
      b->height = 0;
      for (guint i = 0; i < b->n_cells; i++)
        {
          double cell_width;

          report_cell_x (b, i, width, &cell_width);
          b->layouts[i] = report_new_scaled_layout (context, b->style, b->scale, b->cells[i],
                                                    cell_width);
          if (b->strong_cells & (1u << i))
            {
              PangoAttrList *bold = pango_attr_list_new ();
              pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
              pango_layout_set_attributes (b->layouts[i], bold);
              pango_attr_list_unref (bold);
            }
          b->height = MAX (b->height, report_layout_height (b->layouts[i]) + 2.5 * b->scale);
        }
      break;
    case BLOCK_CHART:
      b->height = mbc_chart_draw_poll (NULL, context, b->source, b->highlighted,
                                       &chart_colors, (int) width) + 6;
      break;
    case BLOCK_LINE:
      for (guint i = 0; i < b->n_cells; i++)
        b->layouts[i] = report_new_scaled_layout (context, b->style, b->scale, b->cells[i],
                                                  width);
      b->height = LINE_HEIGHT * b->scale;
      break;
    case BLOCK_PAGE_BREAK:
      b->height = 0;
      break;
    default:
      g_assert_not_reached ();
    }
}

static double
report_space_before (const Block *b)
{
  return b->kind == BLOCK_CHART ? 12 : styles[b->style].space_before * b->scale;
}

/* The blocks from @first that stay on one page: a short section whole (@keep at most, when
 * what is @left of the page is no more than @gap); a heading with what follows it, a block
 * with those glued to it; as many of them as fit in @room. Returns the last, and in *height
 * their height from the first. */
static guint
report_run_end (MbcReport *self,
                guint      first,
                double     left,
                double     room,
                double     keep,
                double     gap,
                double    *height)
{
  const Block *start = &g_array_index (self->blocks, Block, first);
  guint last = first;

  *height = start->height;
  if (start->kind == BLOCK_TEXT && start->style == STYLE_HEADING)
    {
      double section = start->height;
      guint end = first;

      while (end + 1 < self->blocks->len)
        {
          const Block *next = &g_array_index (self->blocks, Block, end + 1);

          if (next->kind == BLOCK_PAGE_BREAK ||
              (next->kind == BLOCK_TEXT && next->style == STYLE_HEADING))
            break;
          section += report_space_before (next) + next->height;
          end++;
        }
      if (section <= left || (section <= MIN (keep, room) && left <= gap))
        {
          *height = section;
          return end;
        }
    }
  while (last + 1 < self->blocks->len)
    {
      const Block *b = &g_array_index (self->blocks, Block, last);
      const Block *next = &g_array_index (self->blocks, Block, last + 1);
      double more = report_space_before (next) + next->height;

      if (!(b->keep_with_next || next->glue) || next->kind == BLOCK_PAGE_BREAK ||
          *height + more > room)
        break;
      *height += more;
      last++;
    }
  return last;
}

/* Places the blocks on the pages, filling each before the next; the text of page
 * @short_page ends @shorten points above the usual bottom. Returns the number of pages,
 * and in *last_fill how much of the last page is used. */
static guint
report_place (MbcReport *self,
              guint      short_page,
              double     shorten,
              double    *last_fill)
{
  double full = self->height - MARGIN - FOOTER_HEIGHT;
  double keep = SECTION_KEEP * (full - MARGIN);
  double gap = SECTION_GAP * (full - MARGIN);
  double y = MARGIN;
  guint page = 0;

  for (guint i = 0; i < self->blocks->len;)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      double bottom = page == short_page ? full - shorten : full;
      double run_height;
      double left = y > MARGIN ? bottom - y - report_space_before (b) : bottom - MARGIN;
      guint last = report_run_end (self, i, left, bottom - MARGIN, keep, gap, &run_height);

      if (b->kind == BLOCK_PAGE_BREAK)
        {
          /* The detail starts on a page of its own, unless the first page ran over. */
          if (page == 0 && y > MARGIN)
            {
              page++;
              y = MARGIN;
            }
          b->page = page;
          b->y = y;
          i++;
          continue;
        }
      if (y > MARGIN && y + report_space_before (b) + run_height > bottom)
        {
          page++;
          y = MARGIN;
        }
      for (guint k = i; k <= last; k++)
        {
          Block *placed = &g_array_index (self->blocks, Block, k);

          if (y > MARGIN)
            y += report_space_before (placed);
          placed->page = page;
          placed->y = y;
          y += placed->height;
        }
      i = last + 1;
    }
  *last_fill = (y - MARGIN) / (full - MARGIN);
  return page + 1;
}

/**
 * mbc_report_paginate:
 * @context: the Pango context of the surface the pages will be drawn on
 * @width: the page's width, in the units of that surface (points)
 * @height: the page's height
 *
 * Returns: the number of pages.
 */
guint
mbc_report_paginate (MbcReport    *self,
                     PangoContext *context,
                     double        width,
                     double        height)
{
  double text_width = width - 2 * MARGIN;
  PangoFontDescription *font = pango_font_description_from_string (styles[STYLE_BODY].font);
  double fill, best_fill, best_shorten = 0;
  guint pages;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  g_set_object (&self->context, context);
  pango_context_set_font_description (context, font);   /* the charts' text */
  pango_font_description_free (font);
  self->width = width;
  self->height = height;

  /* The first page is to be read alone: when what it holds runs over, its type is made a
   * little smaller, down to 80%, until it fits. */
  for (guint step = 0; step <= (self->first_page_alone ? 4 : 0); step++)
    {
      double scale = 1 - 0.05 * step;
      gboolean first = TRUE;
      gboolean fits = TRUE;

      for (guint i = 0; i < self->blocks->len; i++)
        {
          Block *b = &g_array_index (self->blocks, Block, i);

          b->scale = first ? scale : 1;
          first = first && b->kind != BLOCK_PAGE_BREAK;
          report_measure (self, context, b, text_width - b->indent);
        }
      report_place (self, G_MAXUINT, 0, &fill);
      for (guint i = 0; i < self->blocks->len && fits; i++)
        {
          const Block *b = &g_array_index (self->blocks, Block, i);
          if (b->kind == BLOCK_PAGE_BREAK)
            break;
          fits = b->page == 0;
        }
      if (fits)
        break;
    }

  /* A last page with a few lines alone: the page before it (of the detail) ends higher,
   * down to half of it, as long as that needs no more pages, until the last holds a fair
   * share. The pages before are full. */
  pages = report_place (self, G_MAXUINT, 0, &best_fill);
  if (pages > 2 && best_fill < LAST_PAGE_FILL)
    {
      double step = 12, limit = 0.5 * (height - 2 * MARGIN - FOOTER_HEIGHT);

      for (double shorten = step; shorten <= limit; shorten += step)
        {
          if (report_place (self, pages - 2, shorten, &fill) != pages)
            break;
          if (fill > best_fill)
            {
              best_fill = fill;
              best_shorten = shorten;
            }
          if (fill >= LAST_PAGE_FILL)
            break;
        }
    }
  report_place (self, pages - 1 > 0 ? pages - 2 : G_MAXUINT, best_shorten, &fill);
  self->n_pages = pages;
  return self->n_pages;
}

/**
 * mbc_report_draw_page:
 * @cr: where to draw the page, in the units given to mbc_report_paginate()
 * @page: from 0
 */
void
mbc_report_draw_page (MbcReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int footer_width;

  g_return_if_fail (self != NULL && self->context != NULL);
  g_return_if_fail (page < self->n_pages);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      double x = MARGIN + b->indent;
      double width = self->width - 2 * MARGIN - b->indent;

      if (b->page != page)
        continue;
      cairo_set_source_rgb (cr, b->color[0], b->color[1], b->color[2]);
      switch (b->kind)
        {
        case BLOCK_TEXT:
          cairo_move_to (cr, x, b->y);
          pango_cairo_show_layout (cr, b->layouts[0]);
          break;
        case BLOCK_ROW:
          for (guint c = 0; c < b->n_cells; c++)
            {
              const double *color = b->grey_keys && (b->n_cells == 4 ? c % 2 == 0 : c == 0)
                                    ? grey : black;

              /* The third cell of an input is its problem. */
              if ((b->columns == columns_input || b->columns == columns_problem) && c == 2 &&
                  b->style == STYLE_TABLE)
                color = problem_color;
              cairo_set_source_rgb (cr, color[0], color[1], color[2]);
              cairo_move_to (cr, x + report_cell_x (b, c, width, NULL), b->y + 1.5);
              pango_cairo_show_layout (cr, b->layouts[c]);
            }
          if (b->rule)
            {
              cairo_set_source_rgb (cr, hairline[0], hairline[1], hairline[2]);
              cairo_set_line_width (cr, 0.5);
              cairo_move_to (cr, x, b->y + b->height + 0.25);
              cairo_line_to (cr, x + width, b->y + b->height + 0.25);
              cairo_stroke (cr);
            }
          break;
        case BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, x, b->y);
          mbc_chart_draw_poll (cr, self->context, b->source, b->highlighted, &chart_colors,
                               (int) width);
          cairo_restore (cr);
          break;
        case BLOCK_LINE:
          for (guint c = 0; c < b->n_cells; c++)
            {
              double part = width / b->n_cells;
              double left = x + c * part;
              double right = left + part - (c + 1 < b->n_cells ? 1.5 * CELL_GAP : 0);
              double baseline = b->y + b->height - 4;
              PangoRectangle logical;
              double label_width;

              pango_layout_get_extents (b->layouts[c], NULL, &logical);
              label_width = b->cells[c] ? (double) logical.width / PANGO_SCALE + 6 : 0;
              cairo_set_source_rgb (cr, grey[0], grey[1], grey[2]);
              cairo_move_to (cr, left, baseline - (double) logical.height / PANGO_SCALE + 2);
              pango_cairo_show_layout (cr, b->layouts[c]);
              cairo_set_line_width (cr, 0.6);
              cairo_move_to (cr, left + label_width, baseline);
              cairo_line_to (cr, right, baseline);
              cairo_stroke (cr);
            }
          break;
        case BLOCK_PAGE_BREAK:
          break;
        default:
          g_assert_not_reached ();
        }
    }

  footer = g_strdup_printf (_("MBC Surgery Advisor %s  ·  %s %s  ·  Page %u of %u"),
                            PACKAGE_VERSION, mbc_guideline_get_short_title (self->guideline),
                            mbc_guideline_get_version (self->guideline), page + 1,
                            self->n_pages);
  layout = report_new_layout (self->context, STYLE_SMALL, footer, self->width - 2 * MARGIN);
  pango_layout_get_pixel_size (layout, &footer_width, NULL);
  cairo_set_source_rgb (cr, grey[0], grey[1], grey[2]);
  cairo_move_to (cr, (self->width - footer_width) / 2, self->height - MARGIN);
  pango_cairo_show_layout (cr, layout);

  /* The first page, read alone, says in one line above the footer what the report is not,
   * and where the disclaimer is. */
  if (page == 0 && self->disclaimer_block >= 0)
    {
      const Block *b = &g_array_index (self->blocks, Block, self->disclaimer_block);
      g_autofree char *line =
        g_strdup_printf (_("Decision support only: it does not replace clinical judgement "
                           "or a tumour board. Disclaimer: page %u."), b->page + 1);
      g_autoptr(PangoLayout) disclaimer =
        report_new_layout (self->context, STYLE_SMALL, line, self->width - 2 * MARGIN);
      int width, height;

      pango_layout_get_pixel_size (disclaimer, &width, &height);
      cairo_set_source_rgb (cr, black[0], black[1], black[2]);
      cairo_move_to (cr, (self->width - width) / 2, self->height - MARGIN - height - 2);
      pango_cairo_show_layout (cr, disclaimer);
    }
}

/* --- Paper -------------------------------------------------------------------------------- */

/**
 * mbc_paper_from_locale:
 *
 * Returns: Letter where the locale's paper (LC_PAPER) is US Letter, A4 elsewhere.
 */
MbcPaper
mbc_paper_from_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc gives the width in millimetres: 216 for Letter, 210 for A4. */
  int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
  if (width == 216)
    return MBC_PAPER_LETTER;
#endif
  return MBC_PAPER_A4;
}

void
mbc_paper_get_size (MbcPaper  paper,
                    double   *width,
                    double   *height)
{
  *width = paper == MBC_PAPER_LETTER ? 612.0 : 595.276;
  *height = paper == MBC_PAPER_LETTER ? 792.0 : 841.89;
}

/* --- PDF ---------------------------------------------------------------------------------- */

static cairo_status_t
report_append_bytes (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * mbc_report_to_pdf:
 *
 * Returns: (transfer full) (nullable): the report as a PDF document on @paper.
 */
GBytes *
mbc_report_to_pdf (MbcReport  *self,
                   MbcPaper    paper,
                   GError    **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  PangoContext *context;
  g_autofree char *created = g_date_time_format (self->when, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *creator = g_strdup_printf (_("MBC Surgery Advisor %s"), PACKAGE_VERSION);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint pages;

  g_return_val_if_fail (self != NULL, NULL);

  mbc_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (report_append_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("MBC Surgery Advisor Report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  /* One unit is one point, so a font's size in points is its size on the page (as in
   * printing, where GtkPrintContext does the same). */
  pango_cairo_context_set_resolution (context, 72);
  pages = mbc_report_paginate (self, context, width, height);
  for (guint page = 0; page < pages; page++)
    {
      mbc_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * mbc_report_write_pdf:
 * @file: where to write it, atomically (an existing file is replaced only once the whole
 *   report is written)
 *
 * Returns: %TRUE when written; otherwise @error names the file and the cause.
 */
gboolean
mbc_report_write_pdf (MbcReport  *self,
                      GFile      *file,
                      MbcPaper    paper,
                      GError    **error)
{
  g_autoptr(GBytes) pdf = mbc_report_to_pdf (self, paper, error);
  gsize length;
  const void *data;

  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &length);
  return mbc_file_write_atomic (file, data, length, MBC_FILE_PRIVATE_MODE, error);
}
