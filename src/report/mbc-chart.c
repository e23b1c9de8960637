/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One poll table of the guideline drawn as horizontal bars: the question, one bar per
 * option with its percentage written beside it, and the expert-group consensus. The numbers
 * are always text too, never colour alone. The same code draws MbcPollChart in the window
 * (through a cairo node) and the charts of the PDF report (vector, through cairo's PDF
 * surface), so the two cannot differ.
 */
#define G_LOG_DOMAIN "mbc-chart"

/* A bar's track, the whole of 100 %: seen on a projector (at 0.10 a washed-out screen lost
 * it, and a 0 % bar with it). */
#define CHART_TRACK_ALPHA 0.22

#include "config.h"

#include <glib/gi18n.h>

#include <pango/pangocairo.h>

#include "mbc-chart.h"

#define BAR_HEIGHT 22
#define GAP 8
#define LABEL_WIDTH 56
#define VALUE_WIDTH 64

static PangoLayout *
chart_make_layout (PangoContext *context,
                   const char   *text,
                   int           width,
                   gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
chart_set_color (cairo_t      *cr,
                 const double  rgba[4],
                 double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

/* Draws @layout at @y; returns its height. */
static int
chart_show (cairo_t      *cr,
            PangoLayout  *layout,
            double        x,
            double        y,
            const double  rgba[4],
            double        alpha)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  if (cr)
    {
      cairo_move_to (cr, x, y);
      chart_set_color (cr, rgba, alpha);
      pango_cairo_show_layout (cr, layout);
    }
  return height;
}

/**
 * mbc_chart_draw_poll:
 * @cr: (nullable): where to draw, from (0, 0); %NULL only measures
 * @context: the Pango context of the text (its font)
 * @source: a poll or question source of the guideline
 * @highlighted: whether the result shown rests on it (said in words above it)
 * @colors: the text and accent colours
 * @width: the width to lay out in
 *
 * Returns: the height of the chart at @width.
 */
int
mbc_chart_draw_poll (cairo_t              *cr,
                     PangoContext         *context,
                     const MbcSource      *source,
                     gboolean              highlighted,
                     const MbcChartColors *colors,
                     int                   width)
{
  g_autofree char *question = g_strdup_printf ("%s — %s", source->title,
                                               source->question ? source->question : "");
  /* A poll table gives the expert group's consensus; a question asked without one, the
   * expert group's opinion in the text. */
  g_autofree char *consensus = g_strdup_printf (g_strcmp0 (source->kind, "poll") == 0
                                                ? _("Expert group consensus: %s")
                                                : _("Expert group opinion: %s"),
                                                source->consensus ? source->consensus : "");
  int y = 0;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (source != NULL && colors != NULL, 0);

  if (highlighted)
    {
      g_autoptr(PangoLayout) note =
        chart_make_layout (context, _("This result rests on the expert group's statement below"),
                           width, TRUE);
      y += chart_show (cr, note, 0, y, colors->accent, 1) + GAP / 2;
    }
  {
    g_autoptr(PangoLayout) q = chart_make_layout (context, question, width, TRUE);
    y += chart_show (cr, q, 0, y, colors->fg, 1) + GAP;
  }

  for (guint i = 0; source->options && i < source->options->len; i++)
    {
      const MbcPollOption *option = g_ptr_array_index (source->options, i);
      g_autofree char *value = g_strdup_printf ("%g%%", option->percent);
      g_autoptr(PangoLayout) label = chart_make_layout (context, option->label, LABEL_WIDTH, FALSE);
      g_autoptr(PangoLayout) number = chart_make_layout (context, value, VALUE_WIDTH, TRUE);
      int bar_width = MAX (width - LABEL_WIDTH - VALUE_WIDTH, 10);
      int lh, nh;

      pango_layout_get_pixel_size (label, NULL, &lh);
      pango_layout_get_pixel_size (number, NULL, &nh);
      if (cr)
        {
          chart_show (cr, label, 0, y + (BAR_HEIGHT - lh) / 2, colors->fg, 1);
          chart_set_color (cr, colors->fg, CHART_TRACK_ALPHA);
          cairo_rectangle (cr, LABEL_WIDTH, y, bar_width, BAR_HEIGHT);
          cairo_fill (cr);
          if (i == 0)
            chart_set_color (cr, colors->accent, 1);
          else
            chart_set_color (cr, colors->fg, 0.55);
          cairo_rectangle (cr, LABEL_WIDTH, y, bar_width * option->percent / 100.0, BAR_HEIGHT);
          cairo_fill (cr);
          chart_show (cr, number, LABEL_WIDTH + bar_width + GAP, y + (BAR_HEIGHT - nh) / 2,
                      colors->fg, 1);
        }
      y += MAX (BAR_HEIGHT, MAX (lh, nh)) + GAP / 2;
    }
  if (source->options == NULL)
    {
      /* The pack's own note says who asked it; otherwise, plainly, that there is no poll. */
      g_autoptr(PangoLayout) none = chart_make_layout (context, source->note ? source->note
                                                       : _("No poll figures are reported for this "
                                                           "question."),
                                                       width, FALSE);
      y += chart_show (cr, none, 0, y, colors->fg, 0.55) + GAP / 2;
    }
  y += GAP / 2;
  {
    g_autoptr(PangoLayout) c = chart_make_layout (context, consensus, width, FALSE);
    y += chart_show (cr, c, 0, y, colors->fg, 1);
  }
  return y;
}

/**
 * mbc_chart_describe_poll:
 *
 * Returns: (transfer full): every number of the chart in words, for screen readers.
 */
char *
mbc_chart_describe_poll (const MbcSource *source,
                         const char      *series)
{
  GString *out;

  g_return_val_if_fail (source != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s. %s ", source->title, source->question ? source->question : "");
  if (source->options && source->options->len > 0)
    {
      g_string_append_printf (out, _("%s: "), series);
      for (guint i = 0; i < source->options->len; i++)
        {
          const MbcPollOption *option = g_ptr_array_index (source->options, i);
          g_string_append_printf (out, "%s%s %g%%", i ? ", " : "", option->label, option->percent);
        }
      g_string_append (out, ". ");
    }
  else
    g_string_append_printf (out, "%s ", source->note ? source->note
                                        : _("No poll figures are reported for this question."));
  if (source->consensus)
    g_string_append_printf (out, g_strcmp0 (source->kind, "poll") == 0
                                 ? _("Expert group consensus: %s")
                                 : _("Expert group opinion: %s"), source->consensus);
  return g_string_free (out, FALSE);
}

/* --- The room against the panel ------------------------------------------------------------ */

static guint
chart_room_total (const char * const *options,
                  const guint        *counts)
{
  guint total = 0;

  for (guint i = 0; options[i]; i++)
    total += counts[i];
  return total;
}

static double
chart_panel_percent (const MbcSource *panel,
                     guint            option)
{
  if (panel == NULL || panel->options == NULL || option >= panel->options->len)
    return -1;
  return ((MbcPollOption *) g_ptr_array_index (panel->options, option))->percent;
}

static char *
chart_room_text (guint count,
                 guint total)
{
  if (total == 0)
    return g_strdup (_("Room: no votes"));
  return g_strdup_printf (_("Room: %.0f%% (%u of %u)"), 100.0 * count / total, count, total);
}

/* @series: the pack's name for the polled group ("Polled oncologists, 2017") */
static char *
chart_panel_text (const char *series,
                  double      percent)
{
  return percent < 0 ? g_strdup_printf (_("%s: no poll figures reported"), series)
                     : g_strdup_printf (_("%s: %g%%"), series, percent);
}

static gboolean
chart_has_panel (const MbcSource *panel)
{
  return panel != NULL && panel->options != NULL && panel->options->len > 0;
}

/* What stands for the polled group's bars when it was not polled: its name and the pack's
 * note ("Polled oncologists, 2017: posed by the moderators; no poll figures reported."),
 * never empty bars, which read as 0 %. */
static char *
chart_no_panel_text (const MbcSource *panel,
                     const char      *series)
{
  if (panel && panel->note)
    return g_strdup_printf (_("%s: %s"), series, panel->note);
  return g_strdup_printf (_("%s: no poll figures reported."), series);
}

/**
 * mbc_chart_draw_comparison:
 * @cr: (nullable): where to draw, from (0, 0); %NULL only measures
 * @options: the options' titles
 * @room_counts: the room's votes for each option
 * @show_room: %FALSE while the room's numbers are hidden (before the reveal)
 * @panel: (nullable): the guideline's poll, or %NULL (or a question without a poll) for none
 * @series: what the guideline calls the polled group
 *
 * For each option, its title and two bars: the room's share (accent) and the polled group's
 * (the text colour, lighter), each with its numbers written beside it.
 *
 * Returns: the height at @width.
 */
int
mbc_chart_draw_comparison (cairo_t              *cr,
                           PangoContext         *context,
                           const char * const   *options,
                           const guint          *room_counts,
                           gboolean              show_room,
                           const MbcSource      *panel,
                           const char           *series,
                           const MbcChartColors *colors,
                           int                   width)
{
  guint total = chart_room_total (options, room_counts);
  int y = 0;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (options != NULL && room_counts != NULL && colors != NULL, 0);

  for (guint i = 0; options[i]; i++)
    {
      g_autoptr(PangoLayout) title = chart_make_layout (context, options[i], width, TRUE);
      double panel_value = chart_panel_percent (panel, i);
      g_autofree char *room = show_room ? chart_room_text (room_counts[i], total)
                                        : g_strdup (_("Room: hidden until the reveal"));
      g_autofree char *panel_label = chart_panel_text (series, panel_value);
      const char *texts[] = { room, panel_label };
      double shares[] = { show_room && total ? 100.0 * room_counts[i] / total : -1,
                          panel_value };
      int title_height;

      pango_layout_get_pixel_size (title, NULL, &title_height);
      chart_show (cr, title, 0, y, colors->fg, 1);
      y += title_height + GAP / 2;
      for (guint k = 0; k < (chart_has_panel (panel) ? 2 : 1); k++)
        {
          g_autoptr(PangoLayout) text = chart_make_layout (context, texts[k], width * 2 / 5, FALSE);
          int text_width, text_height, bar_x, bar_width, bar_height;

          pango_layout_get_pixel_size (text, &text_width, &text_height);
          bar_height = MAX (text_height, BAR_HEIGHT);
          bar_x = width * 2 / 5 + GAP;
          bar_width = MAX (width - bar_x, 10);
          if (cr)
            {
              chart_show (cr, text, 0, y + (bar_height - text_height) / 2, colors->fg, 1);
              chart_set_color (cr, colors->fg, CHART_TRACK_ALPHA);
              cairo_rectangle (cr, bar_x, y, bar_width, bar_height);
              cairo_fill (cr);
              if (shares[k] >= 0)
                {
                  if (k == 0)
                    chart_set_color (cr, colors->accent, 1);
                  else
                    chart_set_color (cr, colors->fg, 0.55);
                  cairo_rectangle (cr, bar_x, y, bar_width * shares[k] / 100.0, bar_height);
                  cairo_fill (cr);
                }
            }
          y += bar_height + GAP / 2;
        }
      y += GAP;
    }
  if (!chart_has_panel (panel))
    {
      g_autofree char *none = chart_no_panel_text (panel, series);
      g_autoptr(PangoLayout) text = chart_make_layout (context, none, width, FALSE);

      y += chart_show (cr, text, 0, y, colors->fg, 1) + GAP;
    }
  return y;
}

/**
 * mbc_chart_describe_comparison:
 *
 * Returns: (transfer full): every number of the comparison in words, for screen readers.
 */
char *
mbc_chart_describe_comparison (const char * const *options,
                               const guint        *room_counts,
                               gboolean            show_room,
                               const MbcSource    *panel,
                               const char         *series)
{
  guint total = chart_room_total (options, room_counts);
  GString *out = g_string_new (NULL);

  for (guint i = 0; options[i]; i++)
    {
      g_autofree char *room = show_room ? chart_room_text (room_counts[i], total)
                                        : g_strdup (_("Room: hidden until the reveal"));
      g_autofree char *panel_label = chart_panel_text (series, chart_panel_percent (panel, i));

      if (chart_has_panel (panel))
        g_string_append_printf (out, "%s%s: %s; %s.", i ? " " : "", options[i], room,
                                panel_label);
      else
        g_string_append_printf (out, "%s%s: %s.", i ? " " : "", options[i], room);
    }
  if (!chart_has_panel (panel))
    {
      g_autofree char *none = chart_no_panel_text (panel, series);
      g_string_append_printf (out, " %s", none);
    }
  return g_string_free (out, FALSE);
}
