/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The report of one case: what a clinician can put in the patient's file. Title, date and
 * time, the case label, every input (unknowns written as Unknown), the recommendation and
 * its strength, the rule that fired, the findings with their reasons and sources, the plan,
 * the poll charts (drawn by mbc_chart_draw_poll(), as in the window), the evidence since
 * 2017, the disclaimer, the guideline's id, version and SHA-256 and the application's
 * version; a page number on every page.
 *
 * The report is a list of blocks (a paragraph, a label with its value, a chart) laid out by
 * mbc_report_paginate() for a page size and drawn page by page by mbc_report_draw_page(),
 * so the PDF (cairo's PDF surface) and printing (GtkPrintOperation) give the same pages.
 * A heading is never left alone at the foot of a page, and no block is cut: a block that
 * does not fit goes to the next page.
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
#include "mbc-report.h"

#define MARGIN 50.0          /* points */
#define FOOTER_HEIGHT 24.0
#define KEY_WIDTH 0.42       /* of the text width, for "label: value" lines */

typedef enum
{
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_TIER,
  N_STYLES
} Style;

static const struct
{
  const char *font;
  double      space_before;
} styles[N_STYLES] = {
  [STYLE_TITLE] = { "Sans Bold 18", 0 },
  [STYLE_SUBTITLE] = { "Sans 11", 3 },
  [STYLE_HEADING] = { "Sans Bold 13", 16 },
  [STYLE_SUBHEADING] = { "Sans Bold 10", 7 },
  [STYLE_BODY] = { "Sans 10", 3 },
  [STYLE_SMALL] = { "Sans 8.5", 2 },
  [STYLE_TIER] = { "Sans Bold 16", 6 },
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_KEY_VALUE,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind        kind;
  Style            style;
  char            *text;
  char            *value;           /* BLOCK_KEY_VALUE */
  const MbcSource *source;          /* BLOCK_CHART */
  gboolean         highlighted;
  double           indent;
  double           color[3];
  gboolean         keep_with_next;  /* a heading */
  /* laid out */
  PangoLayout     *layout;
  PangoLayout     *value_layout;
  double           height;
  guint            page;
  double           y;
} Block;

struct _MbcReport
{
  MbcGuideline *guideline;
  MbcCase      *kase;
  MbcResult    *result;
  GDateTime    *when;
  GArray       *blocks;       /* Block */
  PangoContext *context;      /* of the last pagination */
  double        width;
  double        height;
  guint         n_pages;
};

static const double black[3] = { 0.1, 0.1, 0.1 };
static const double grey[3] = { 0.33, 0.33, 0.33 };

static void
report_block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->value);
  g_clear_object (&block->layout);
  g_clear_object (&block->value_layout);
}

static Block *
report_add (MbcReport  *self,
            Style       style,
            const char *text)
{
  Block block = { BLOCK_TEXT, style, g_strdup (text) };

  memcpy (block.color, style == STYLE_SMALL ? grey : black, sizeof block.color);
  block.keep_with_next = style == STYLE_HEADING || style == STYLE_SUBHEADING ||
                         style == STYLE_TITLE;
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static G_GNUC_PRINTF (3, 4) Block *
addf (MbcReport  *self,
      Style       style,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return report_add (self, style, text);
}

static void
report_add_key_value (MbcReport  *self,
                      const char *key,
                      const char *value)
{
  Block *block = report_add (self, STYLE_BODY, key);

  block->kind = BLOCK_KEY_VALUE;
  block->value = g_strdup (value);
  block->keep_with_next = FALSE;
}

static void
report_add_sources (MbcReport          *self,
                    const char * const *sources,
                    double              indent)
{
  g_autofree char *names = NULL;

  if (sources == NULL || sources[0] == NULL)
    return;
  names = mbc_guideline_describe_sources (self->guideline, sources);
  addf (self, STYLE_SMALL, _("Sources: %s"), names)->indent = indent;
}

static void
report_add_interpretation (MbcReport  *self,
                           const char *interpretation,
                           double      indent)
{
  g_autofree char *text = NULL;

  if (interpretation == NULL)
    return;
  text = mbc_interpretation_text (interpretation);
  report_add (self, STYLE_SMALL, text)->indent = indent;
}

static void
report_add_fields (MbcReport  *self,
                   const char *heading,
                   const char *description,
                   GPtrArray  *fields)
{
  if (fields->len == 0)
    return;
  report_add (self, STYLE_SUBHEADING, heading);
  report_add (self, STYLE_SMALL, description);
  for (guint i = 0; i < fields->len; i++)
    {
      int field = mbc_case_field_from_name (g_ptr_array_index (fields, i));
      addf (self, STYLE_BODY, "•  %s", field >= 0 ? mbc_case_field_get_title (field)
                                                  : (const char *) fields->pdata[i])->indent = 10;
    }
}

static void
report_build (MbcReport *self)
{
  /* The heading's colour follows the indicator the pack gives the rule that fired. */
  static const struct { const char *indicator; double rgb[3]; } colors[] = {
    { "info", { 0.10, 0.45, 0.22 } },
    { "warning", { 0.55, 0.38, 0.0 } },
    { "critical", { 0.70, 0.10, 0.14 } },
  };
  MbcGuideline *g = self->guideline;
  MbcResult *r = self->result;
  const MbcRule *rule = mbc_result_get_rule (r);
  const MbcStrength *strength = mbc_result_get_strength_basis (r);
  GPtrArray *groups = mbc_guideline_get_groups (g);
  GPtrArray *findings = mbc_guideline_get_findings (g);
  GPtrArray *sections = mbc_guideline_get_plan_sections (g);
  GPtrArray *plan = mbc_result_get_plan (r);
  GPtrArray *sources = mbc_guideline_get_sources (g);
  GPtrArray *statements = mbc_result_get_statements (r);
  const MbcEvidence *evidence = mbc_guideline_get_evidence (g);
  const MbcPolls *polls = mbc_guideline_get_polls (g);
  g_autofree char *when = g_date_time_format (self->when, "%Y-%m-%d %H:%M (UTC%:z)");
  g_autofree char *label = mbc_case_is_known (self->kase, MBC_CASE_FIELD_LABEL)
                           ? mbc_case_format_value (self->kase, MBC_CASE_FIELD_LABEL)
                           : g_strdup (_("No label"));
  Block *block;

  report_add (self, STYLE_TITLE, _("MBC Surgery Advisor: report"));
  report_add (self, STYLE_SUBTITLE, _("Surgery of the primary tumour in metastatic breast cancer "
                                      "after response to systemic therapy"))->keep_with_next = TRUE;
  addf (self, STYLE_SUBTITLE, _("Case: %s"), label)->keep_with_next = TRUE;
  addf (self, STYLE_SMALL, _("Written %s by MBC Surgery Advisor %s, on the guideline “%s”, "
        "version %s."), when, PACKAGE_VERSION, mbc_guideline_get_title (g),
        mbc_guideline_get_version (g));

  report_add (self, STYLE_HEADING, _("Recommendation"));
  block = report_add (self, STYLE_TIER, mbc_result_get_heading (r));
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (rule->indicator, colors[i].indicator) == 0)
      memcpy (block->color, colors[i].rgb, sizeof block->color);
  /* Directly under the heading: the dated note of what has been published since. */
  addf (self, STYLE_BODY, _("%s See “%s” below."), evidence->line, evidence->title);
  addf (self, STYLE_BODY, "%s %s", rule->summary, rule->detail);
  report_add_sources (self, (const char * const *) rule->sources, 0);
  report_add_interpretation (self, rule->interpretation, 0);
  if (strength)
    {
      report_add (self, STYLE_SUBHEADING, strength->summary);
      report_add (self, STYLE_BODY, strength->detail);
      report_add_sources (self, (const char * const *) strength->sources, 0);
    }
  report_add_fields (self, _("Answer these to decide"),
                     _("The recommendation depends on these inputs, which are not recorded."),
                     mbc_result_get_missing (r));
  report_add_fields (self, _("Confirm before surgery"),
                     _("Not recorded, and needed before operating."), mbc_result_get_confirm (r));

  report_add (self, STYLE_HEADING, _("The case"));
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      g_autofree char *value = mbc_case_format_value (self->kase, f);
      report_add_key_value (self, mbc_case_field_get_title (f), value);
    }

  for (guint gi = 0; gi < groups->len; gi++)
    {
      const MbcGroup *group = g_ptr_array_index (groups, gi);
      report_add (self, STYLE_HEADING, group->title);
      if (group->description)
        report_add (self, STYLE_SMALL, group->description);
      report_add_sources (self, (const char * const *) group->sources, 0);
      report_add_interpretation (self, group->interpretation, 0);
      for (guint i = 0; i < findings->len; i++)
        {
          const MbcFinding *finding = g_ptr_array_index (findings, i);
          MbcFindingStatus status = mbc_result_get_finding_status (r, i);

          if (g_strcmp0 (finding->group, group->id) != 0)
            continue;
          addf (self, STYLE_SUBHEADING, "%s: %s", mbc_finding_status_word (status),
                finding->title);
          report_add (self, STYLE_BODY, finding->text[status])->indent = 10;
          report_add_interpretation (self, finding->interpretation, 10);
          report_add_sources (self, (const char * const *) finding->sources, 10);
        }
    }

  if (plan->len > 0)
    report_add (self, STYLE_HEADING, _("Plan"));
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
            report_add (self, STYLE_SUBHEADING, section->title);
          first = FALSE;
          addf (self, STYLE_BODY, "%s. %s", item->summary, item->detail)->indent = 10;
          report_add_sources (self, (const char * const *) item->sources, 10);
        }
    }

  report_add (self, STYLE_HEADING, polls->title);
  if (polls->description)
    report_add (self, STYLE_SMALL, polls->description);
  report_add (self, STYLE_SMALL,
              _("Those whose expert group statement this result rests on are marked."));
  for (guint i = 0; i < sources->len; i++)
    {
      const MbcSource *source = g_ptr_array_index (sources, i);
      gboolean rests = FALSE;

      if (g_strcmp0 (source->kind, "poll") != 0 && g_strcmp0 (source->kind, "question") != 0)
        continue;
      for (guint k = 0; k < statements->len && !rests; k++)
        rests = g_strcmp0 (g_ptr_array_index (statements, k), source->id) == 0;
      block = report_add (self, STYLE_BODY, NULL);
      block->kind = BLOCK_CHART;
      block->source = source;
      block->highlighted = rests;
      block->keep_with_next = FALSE;
    }

  addf (self, STYLE_HEADING, _("%s (as of %s)"), evidence->title, evidence->as_of);
  report_add (self, STYLE_BODY, evidence->summary);
  for (guint i = 0; i < evidence->items->len; i++)
    {
      const MbcEvidenceItem *item = g_ptr_array_index (evidence->items, i);
      if (item->citation)
        addf (self, STYLE_SUBHEADING, "%s — %s", item->title, item->citation);
      else
        report_add (self, STYLE_SUBHEADING, item->title);
      report_add (self, STYLE_BODY, item->text)->indent = 10;
    }
  if (evidence->note)
    report_add (self, STYLE_SMALL, evidence->note);

  report_add (self, STYLE_HEADING, _("About this report"));
  report_add (self, STYLE_BODY, mbc_guideline_get_disclaimer (g));
  addf (self, STYLE_SMALL, _("Guideline: %s (%s), version %s, SHA-256 %s."),
        mbc_guideline_get_title (g), mbc_guideline_get_date (g), mbc_guideline_get_version (g),
        mbc_guideline_get_sha256 (g));
  addf (self, STYLE_SMALL, _("Application: MBC Surgery Advisor %s. Written %s."),
        PACKAGE_VERSION, when);
}

/**
 * mbc_report_new:
 * @kase: the case as entered
 * @result: its result
 * @when: when the report is written
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

  self = g_new0 (MbcReport, 1);
  self->kase = mbc_case_copy (kase);
  self->result = g_object_ref (result);
  self->guideline = g_object_ref (mbc_result_get_guideline (result));
  self->when = g_date_time_ref (when);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, report_block_clear);
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
  g_date_time_unref (self->when);
  g_free (self);
}

static PangoLayout *
report_new_layout (PangoContext *context,
                   Style         style,
                   const char   *text,
                   double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (styles[style].font);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
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
  double bottom = height - MARGIN - FOOTER_HEIGHT;
  double y = MARGIN;
  guint page = 0;
  PangoFontDescription *font = pango_font_description_from_string (styles[STYLE_BODY].font);

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  g_set_object (&self->context, context);
  pango_context_set_font_description (context, font);   /* the charts' text */
  pango_font_description_free (font);
  self->width = width;
  self->height = height;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      double w = text_width - b->indent;

      g_clear_object (&b->layout);
      g_clear_object (&b->value_layout);
      switch (b->kind)
        {
        case BLOCK_TEXT:
          b->layout = report_new_layout (context, b->style, b->text, w);
          b->height = report_layout_height (b->layout);
          break;
        case BLOCK_KEY_VALUE:
          b->layout = report_new_layout (context, b->style, b->text, w * KEY_WIDTH - 8);
          b->value_layout = report_new_layout (context, b->style, b->value, w * (1 - KEY_WIDTH));
          b->height = MAX (report_layout_height (b->layout),
                           report_layout_height (b->value_layout));
          break;
        case BLOCK_CHART:
          b->height = mbc_chart_draw_poll (NULL, context, b->source, b->highlighted,
                                           &chart_colors, (int) w) + 6;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = &g_array_index (self->blocks, Block, i);
      double space = b->kind == BLOCK_CHART ? 12 : styles[b->style].space_before;
      double needed = space + b->height;

      /* A heading stays with what follows it (and a title with its subtitles). */
      for (guint k = i; k + 1 < self->blocks->len &&
                        g_array_index (self->blocks, Block, k).keep_with_next; k++)
        {
          const Block *next = &g_array_index (self->blocks, Block, k + 1);
          needed += styles[next->style].space_before + next->height;
        }
      if (y > MARGIN && y + needed > bottom)
        {
          page++;
          y = MARGIN;
        }
      else if (y > MARGIN)
        y += space;
      b->page = page;
      b->y = y;
      y += b->height;
    }
  self->n_pages = page + 1;
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

      if (b->page != page)
        continue;
      cairo_set_source_rgb (cr, b->color[0], b->color[1], b->color[2]);
      switch (b->kind)
        {
        case BLOCK_TEXT:
          cairo_move_to (cr, x, b->y);
          pango_cairo_show_layout (cr, b->layout);
          break;
        case BLOCK_KEY_VALUE:
          cairo_set_source_rgb (cr, grey[0], grey[1], grey[2]);
          cairo_move_to (cr, x, b->y);
          pango_cairo_show_layout (cr, b->layout);
          cairo_set_source_rgb (cr, black[0], black[1], black[2]);
          cairo_move_to (cr, x + (self->width - 2 * MARGIN - b->indent) * KEY_WIDTH, b->y);
          pango_cairo_show_layout (cr, b->value_layout);
          break;
        case BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, x, b->y);
          mbc_chart_draw_poll (cr, self->context, b->source, b->highlighted, &chart_colors,
                               (int) (self->width - 2 * MARGIN - b->indent));
          cairo_restore (cr);
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
                                  "MBC Surgery Advisor: report");
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
