/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcPollChart: one poll table of the guideline, drawn by mbc_chart_draw_poll() (which
 * draws the report's charts too). Colours come from the theme, so dark mode and high
 * contrast work; the numbers are always text too, never colour alone. For assistive
 * technologies it is an image whose description states every number.
 */
#define G_LOG_DOMAIN "mbc-poll-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "mbc-chart.h"
#include "mbc-poll-chart.h"

struct _MbcPollChart
{
  GtkWidget        parent_instance;

  MbcGuideline    *guideline;   /* owned: the source points into it */
  const MbcSource *source;
  gboolean         highlighted;
  int              cached_width;   /* the height last measured, for this width */
  int              cached_height;
};

G_DEFINE_FINAL_TYPE (MbcPollChart, mbc_poll_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mbc_poll_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MbcPollChart *self = MBC_POLL_CHART (widget);

  MbcChartColors colors;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->source == NULL || width <= 0 || height <= 0)
    return;
  mbc_chart_colors_for_widget (widget, &colors);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mbc_chart_draw_poll (cr, gtk_widget_get_pango_context (widget), self->source,
                       self->highlighted, &colors, width);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
mbc_poll_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mbc_poll_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  MbcPollChart *self = MBC_POLL_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 480;
    }
  else
    {
      int width = for_size > 0 ? for_size : 480;
      /* Laying the text out is the expensive part: measure each width once. */
      if (width != self->cached_width)
        {
          MbcChartColors colors;
          mbc_chart_colors_for_widget (widget, &colors);
          self->cached_height = self->source
                                ? mbc_chart_draw_poll (NULL, gtk_widget_get_pango_context (widget),
                                                       self->source, self->highlighted, &colors,
                                                       width)
                                : 0;
          self->cached_width = width;
        }
      *minimum = *natural = self->cached_height;
    }
}

static void
chart_update_accessible (MbcPollChart *self)
{
  const char *series = mbc_guideline_get_polls (self->guideline)->series;
  g_autofree char *description = mbc_chart_describe_poll (self->source, series);
  g_autofree char *label = g_strdup_printf (self->highlighted
                                            ? _("Poll chart: %s (this result rests on its "
                                                "expert group statement)")
                                            : _("Poll chart: %s"), self->source->title);

  g_assert (MBC_IS_POLL_CHART (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
mbc_poll_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MbcPollChart *self = MBC_POLL_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHTED:
      g_value_set_boolean (value, self->highlighted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_poll_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MbcPollChart *self = MBC_POLL_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHTED:
      mbc_poll_chart_set_highlighted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_poll_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mbc_poll_chart_parent_class)->css_changed (widget, change);
  /* Theme, font or dark mode: measure again and redraw with the new colours. */
  MBC_POLL_CHART (widget)->cached_width = -1;
  gtk_widget_queue_resize (widget);
}

static void
mbc_poll_chart_finalize (GObject *object)
{
  MbcPollChart *self = MBC_POLL_CHART (object);

  g_clear_object (&self->guideline);
  G_OBJECT_CLASS (mbc_poll_chart_parent_class)->finalize (object);
}

static void
mbc_poll_chart_class_init (MbcPollChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mbc_poll_chart_finalize;
  object_class->get_property = mbc_poll_chart_get_property;
  object_class->set_property = mbc_poll_chart_set_property;
  widget_class->snapshot = mbc_poll_chart_snapshot;
  widget_class->measure = mbc_poll_chart_measure;
  widget_class->get_request_mode = mbc_poll_chart_get_request_mode;
  widget_class->css_changed = mbc_poll_chart_css_changed;

  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boolean ("highlighted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pollchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mbc_poll_chart_init (MbcPollChart *self)
{
  self->cached_width = -1;
}

/**
 * mbc_chart_colors_for_widget:
 *
 * The theme's colours for a chart in @widget: its text colour, and the accent for text.
 */
void
mbc_chart_colors_for_widget (GtkWidget      *widget,
                             MbcChartColors *colors)
{
  GdkRGBA fg, accent;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  /* The accent as text (accent_color), not as a background (accent_bg_color, 3.3:1 on the
   * dark card): the "rests on" note is text, and the bars read as well in it. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color",
                                       &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  G_GNUC_END_IGNORE_DEPRECATIONS
  colors->fg[0] = fg.red, colors->fg[1] = fg.green, colors->fg[2] = fg.blue;
  colors->fg[3] = fg.alpha;
  colors->accent[0] = accent.red, colors->accent[1] = accent.green;
  colors->accent[2] = accent.blue, colors->accent[3] = accent.alpha;
}

GtkWidget *
mbc_poll_chart_new (MbcGuideline *guideline,
                    const char   *source_id)
{
  MbcPollChart *self;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  self = g_object_new (MBC_TYPE_POLL_CHART, NULL);
  self->guideline = g_object_ref (guideline);
  self->source = mbc_guideline_lookup_source (guideline, source_id);
  g_return_val_if_fail (self->source != NULL, GTK_WIDGET (self));
  chart_update_accessible (self);
  return GTK_WIDGET (self);
}

const MbcSource *
mbc_poll_chart_get_source (MbcPollChart *self)
{
  g_return_val_if_fail (MBC_IS_POLL_CHART (self), NULL);
  return self->source;
}

gboolean
mbc_poll_chart_get_highlighted (MbcPollChart *self)
{
  g_return_val_if_fail (MBC_IS_POLL_CHART (self), FALSE);
  return self->highlighted;
}

void
mbc_poll_chart_set_highlighted (MbcPollChart *self,
                                gboolean      highlighted)
{
  g_return_if_fail (MBC_IS_POLL_CHART (self));

  highlighted = !!highlighted;
  if (self->highlighted == highlighted)
    return;
  self->highlighted = highlighted;
  self->cached_width = -1;
  if (self->source)
    chart_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}
