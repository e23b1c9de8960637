/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcBarChart: a few counts (the tiers of a cohort, or how often the decision agreed) as
 * horizontal bars, each with its label, its count and its share of the whole, drawn with
 * GtkSnapshot in the theme's colours (the text colour, and the accent for the bars), so it
 * follows light, dark and high contrast. Every number is also in the accessible description
 * (mbc_bar_chart_describe()), which the cohort view shows as text too.
 */
#define G_LOG_DOMAIN "mbc-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "mbc-bar-chart.h"

#define BAR_HEIGHT 22
#define BAR_GAP 10
#define LABEL_SHARE 0.4

struct _MbcBarChart
{
  GtkWidget  parent_instance;

  char      *title;
  GStrv      labels;
  guint     *counts;
  guint      n;
};

G_DEFINE_FINAL_TYPE (MbcBarChart, mbc_bar_chart, GTK_TYPE_WIDGET)

static guint
chart_total (MbcBarChart *self)
{
  guint total = 0;

  g_assert (MBC_IS_BAR_CHART (self));
  for (guint i = 0; i < self->n; i++)
    total += self->counts[i];
  return total;
}

/**
 * mbc_bar_chart_count_text:
 *
 * Returns: (transfer full): "1,234 (34%)", the count (with the locale's thousands separator)
 *   and its share of @total, as the bars say it; a share that rounds to 0 but is not nothing
 *   is "<1%".
 */
char *
mbc_bar_chart_count_text (guint count,
                          guint total)
{
  double share = total ? 100.0 * count / total : 0.0;

  if (count > 0 && share < 0.5)
    return g_strdup_printf (_("%'u (<1%%)"), count);
  return g_strdup_printf (_("%'u (%.0f%%)"), count, share);
}

static void
mbc_bar_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MbcBarChart *self = MBC_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    *minimum = *natural = (int) self->n * (BAR_HEIGHT + BAR_GAP);
}

static void
chart_draw_text (MbcBarChart   *self,
                 GtkSnapshot   *snapshot,
                 const char    *text,
                 float          x,
                 float          y,
                 int            width,
                 const GdkRGBA *color)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int text_height;

  g_assert (MBC_IS_BAR_CHART (self));

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (x, y + (BAR_HEIGHT - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
mbc_bar_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MbcBarChart *self = MBC_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int label_width = (int) (width * LABEL_SHARE);
  int count_width = 90;
  int bar_space = MAX (width - label_width - count_width - 12, 10);
  guint total = chart_total (self);
  GdkRGBA fg, accent, track;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  /* The accent, as the theme names it; the track a faint text colour. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color",
                                       &accent))
    accent = fg;
  track = fg;
  track.alpha *= 0.12f;
  for (guint i = 0; i < self->n; i++)
    {
      float y = (float) i * (BAR_HEIGHT + BAR_GAP);
      /* Each bar its share of the whole, so that bars of different charts compare. */
      float length = total ? (float) bar_space * self->counts[i] / total : 0;
      g_autofree char *count = mbc_bar_chart_count_text (self->counts[i], total);

      chart_draw_text (self, snapshot, self->labels[i], 0, y, label_width - 6, &fg);
      gtk_snapshot_append_color (snapshot, &track,
                                 &GRAPHENE_RECT_INIT (label_width, y, bar_space, BAR_HEIGHT));
      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (label_width, y, length, BAR_HEIGHT));
      chart_draw_text (self, snapshot, count, (float) (label_width + bar_space + 12), y,
                       count_width, &fg);
    }
}

static void
mbc_bar_chart_finalize (GObject *object)
{
  MbcBarChart *self = MBC_BAR_CHART (object);

  g_free (self->title);
  g_strfreev (self->labels);
  g_free (self->counts);
  G_OBJECT_CLASS (mbc_bar_chart_parent_class)->finalize (object);
}

static void
mbc_bar_chart_class_init (MbcBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mbc_bar_chart_finalize;
  widget_class->measure = mbc_bar_chart_measure;
  widget_class->snapshot = mbc_bar_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mbc_bar_chart_init (MbcBarChart *self)
{
}

GtkWidget *
mbc_bar_chart_new (const char *title)
{
  MbcBarChart *self = g_object_new (MBC_TYPE_BAR_CHART, NULL);

  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return GTK_WIDGET (self);
}

/**
 * mbc_bar_chart_set_bars:
 * @labels: (array length=n): each bar's label
 * @counts: (array length=n): each bar's count
 */
void
mbc_bar_chart_set_bars (MbcBarChart        *self,
                        const char * const *labels,
                        const guint        *counts,
                        guint               n)
{
  g_autofree char *description = NULL;

  g_return_if_fail (MBC_IS_BAR_CHART (self));

  g_strfreev (self->labels);
  g_free (self->counts);
  self->labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->labels[i] = g_strdup (labels[i]);
  self->counts = g_memdup2 (counts, n * sizeof *counts);
  self->n = n;
  description = mbc_bar_chart_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * mbc_bar_chart_describe:
 *
 * Returns: (transfer full): every bar in words: "Title: label 12 (34%); …; of 35."
 */
char *
mbc_bar_chart_describe (MbcBarChart *self)
{
  g_autoptr(GString) text = NULL;
  guint total;

  g_return_val_if_fail (MBC_IS_BAR_CHART (self), NULL);

  text = g_string_new (NULL);
  total = chart_total (self);
  g_string_append_printf (text, _("%s: "), self->title);
  for (guint i = 0; i < self->n; i++)
    {
      g_autofree char *count = mbc_bar_chart_count_text (self->counts[i], total);
      g_string_append_printf (text, i ? _("; %s %s") : _("%s %s"), self->labels[i], count);
    }
  g_string_append_printf (text, ngettext ("; of %'u case.", "; of %'u cases.", total), total);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
