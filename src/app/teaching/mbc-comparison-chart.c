/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcComparisonChart: for each option of a question, the room's share of the votes beside
 * the guideline's polled group's, drawn by mbc_chart_draw_comparison() in the theme's
 * colours, with every number written as text. For assistive technologies it is an image
 * whose description states every number.
 */
#define G_LOG_DOMAIN "mbc-comparison-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "mbc-chart.h"
#include "mbc-comparison-chart.h"
#include "mbc-poll-chart.h"

struct _MbcComparisonChart
{
  GtkWidget        parent_instance;

  GStrv            options;
  guint           *counts;
  gboolean         show_room;
  const MbcSource *panel;     /* the guideline outlives the presenter */
  char            *series;
};

G_DEFINE_FINAL_TYPE (MbcComparisonChart, mbc_comparison_chart, GTK_TYPE_WIDGET)

static int
chart_draw (MbcComparisonChart *self,
            cairo_t            *cr,
            int                 width)
{
  MbcChartColors colors;

  g_assert (MBC_IS_COMPARISON_CHART (self));

  if (self->options == NULL)
    return 0;
  mbc_chart_colors_for_widget (GTK_WIDGET (self), &colors);
  return mbc_chart_draw_comparison (cr, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                    (const char * const *) self->options, self->counts,
                                    self->show_room, self->panel, self->series, &colors,
                                    width);
}

static void
mbc_comparison_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  chart_draw (MBC_COMPARISON_CHART (widget), cr, width);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
mbc_comparison_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mbc_comparison_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 900;
    }
  else
    *minimum = *natural = chart_draw (MBC_COMPARISON_CHART (widget), NULL,
                                      for_size > 0 ? for_size : 900);
}

static void
mbc_comparison_chart_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mbc_comparison_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
mbc_comparison_chart_finalize (GObject *object)
{
  MbcComparisonChart *self = MBC_COMPARISON_CHART (object);

  g_strfreev (self->options);
  g_free (self->counts);
  g_free (self->series);
  G_OBJECT_CLASS (mbc_comparison_chart_parent_class)->finalize (object);
}

static void
mbc_comparison_chart_class_init (MbcComparisonChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = mbc_comparison_chart_finalize;
  widget_class->snapshot = mbc_comparison_chart_snapshot;
  widget_class->measure = mbc_comparison_chart_measure;
  widget_class->get_request_mode = mbc_comparison_chart_get_request_mode;
  widget_class->css_changed = mbc_comparison_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "comparisonchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mbc_comparison_chart_init (MbcComparisonChart *self)
{
}

GtkWidget *
mbc_comparison_chart_new (void)
{
  return g_object_new (MBC_TYPE_COMPARISON_CHART, NULL);
}

/**
 * mbc_comparison_chart_set_data:
 * @options: the options' titles
 * @room_counts: the room's votes for each
 * @show_room: whether the room's numbers are shown yet
 * @panel: (nullable): the guideline's poll
 * @series: what the guideline calls the polled group ("Polled oncologists, 2017")
 */
void
mbc_comparison_chart_set_data (MbcComparisonChart *self,
                               const char * const *options,
                               const guint        *room_counts,
                               gboolean            show_room,
                               const MbcSource    *panel,
                               const char         *series)
{
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_if_fail (MBC_IS_COMPARISON_CHART (self));
  g_return_if_fail (options != NULL && room_counts != NULL);

  n = g_strv_length ((char **) options);
  g_strfreev (self->options);
  self->options = g_strdupv ((char **) options);
  g_free (self->counts);
  self->counts = g_memdup2 (room_counts, n * sizeof (guint));
  self->show_room = show_room;
  self->panel = panel;
  g_free (self->series);
  self->series = g_strdup (series);
  description = mbc_chart_describe_comparison (options, room_counts, show_room, panel, series);
  label = g_strdup_printf (_("The room and the %s"), series);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
