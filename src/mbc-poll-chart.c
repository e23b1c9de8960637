/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcPollChart: one poll table of the guideline (question, one bar per option with its
 * percentage written beside it, the expert-group consensus). Colours come from the theme,
 * so dark mode and high contrast work; the numbers are always text too, never colour alone.
 * For assistive technologies it is an image whose description states every number.
 */
#define G_LOG_DOMAIN "mbc-poll-chart"

#include "config.h"

#include "mbc-poll-chart.h"

#define BAR_HEIGHT 22
#define GAP 8
#define LABEL_WIDTH 56
#define VALUE_WIDTH 64

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

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             int         width,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
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

static char *
consensus_text (const MbcSource *source)
{
  return g_strdup_printf ("Expert group consensus: %s", source->consensus);
}

static char *
question_text (const MbcSource *source)
{
  return g_strdup_printf ("%s — %s", source->title, source->question);
}

/* Lays out the chart for @width; returns its height. With @snapshot, also draws it. */
static int
layout_chart (MbcPollChart *self,
              int           width,
              GtkSnapshot  *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autofree char *question = question_text (self->source);
  g_autofree char *consensus = consensus_text (self->source);
  g_autoptr(PangoLayout) q = make_layout (widget, question, width, TRUE);
  g_autoptr(PangoLayout) c = make_layout (widget, consensus, width, FALSE);
  g_autoptr(PangoLayout) note = NULL;
  GdkRGBA fg, accent, track, other;
  int y = 0, h;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color",
                                       &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
  track = fg;
  track.alpha = 0.10f;
  other = fg;
  other.alpha = 0.55f;

  if (self->highlighted)
    {
      note = make_layout (widget, "This result rests on this poll", width, TRUE);
      pango_layout_get_pixel_size (note, NULL, &h);
      if (snapshot)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
          gtk_snapshot_append_layout (snapshot, note, &accent);
          gtk_snapshot_restore (snapshot);
        }
      y += h + GAP / 2;
    }

  pango_layout_get_pixel_size (q, NULL, &h);
  if (snapshot)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_layout (snapshot, q, &fg);
      gtk_snapshot_restore (snapshot);
    }
  y += h + GAP;

  for (guint i = 0; self->source->options && i < self->source->options->len; i++)
    {
      const MbcPollOption *option = g_ptr_array_index (self->source->options, i);
      g_autofree char *value = g_strdup_printf ("%g%%", option->percent);
      g_autoptr(PangoLayout) label = make_layout (widget, option->label, LABEL_WIDTH, FALSE);
      g_autoptr(PangoLayout) number = make_layout (widget, value, VALUE_WIDTH, TRUE);
      int bar_width = MAX (width - LABEL_WIDTH - VALUE_WIDTH, 10);
      int lh, nh;

      pango_layout_get_pixel_size (label, NULL, &lh);
      pango_layout_get_pixel_size (number, NULL, &nh);
      if (snapshot)
        {
          float filled = (float) (bar_width * option->percent / 100.0);

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + (BAR_HEIGHT - lh) / 2));
          gtk_snapshot_append_layout (snapshot, label, &fg);
          gtk_snapshot_restore (snapshot);
          gtk_snapshot_append_color (snapshot, &track,
                                     &GRAPHENE_RECT_INIT (LABEL_WIDTH, y, bar_width, BAR_HEIGHT));
          gtk_snapshot_append_color (snapshot, i == 0 ? &accent : &other,
                                     &GRAPHENE_RECT_INIT (LABEL_WIDTH, y, filled, BAR_HEIGHT));
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (LABEL_WIDTH + bar_width + GAP,
                                                        y + (BAR_HEIGHT - nh) / 2));
          gtk_snapshot_append_layout (snapshot, number, &fg);
          gtk_snapshot_restore (snapshot);
        }
      y += MAX (BAR_HEIGHT, MAX (lh, nh)) + GAP / 2;
    }
  if (self->source->options == NULL)
    {
      g_autoptr(PangoLayout) none = make_layout (widget, "Asked without a poll: there are no 2017 "
                                                 "percentages for this question.", width, FALSE);
      pango_layout_get_pixel_size (none, NULL, &h);
      if (snapshot)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
          gtk_snapshot_append_layout (snapshot, none, &other);
          gtk_snapshot_restore (snapshot);
        }
      y += h + GAP / 2;
    }

  y += GAP / 2;
  pango_layout_get_pixel_size (c, NULL, &h);
  if (snapshot)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_layout (snapshot, c, &fg);
      gtk_snapshot_restore (snapshot);
    }
  y += h;
  return y;
}

static void
mbc_poll_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MbcPollChart *self = MBC_POLL_CHART (widget);

  if (self->source != NULL)
    layout_chart (self, gtk_widget_get_width (widget), snapshot);
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
      *minimum = LABEL_WIDTH + VALUE_WIDTH + 120;
      *natural = 480;
    }
  else
    {
      int width = for_size > 0 ? for_size : 480;
      /* Laying the text out is the expensive part: measure each width once. */
      if (width != self->cached_width)
        {
          self->cached_height = self->source ? layout_chart (self, width, NULL) : 0;
          self->cached_width = width;
        }
      *minimum = *natural = self->cached_height;
    }
}

/* Every number, in words, for screen readers (and the same text as the report's). */
char *
mbc_poll_chart_describe (const MbcSource *source)
{
  GString *out;

  g_return_val_if_fail (source != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "%s. %s ", source->title, source->question ? source->question : "");
  if (source->options && source->options->len > 0)
    {
      g_string_append (out, "Polled oncologists: ");
      for (guint i = 0; i < source->options->len; i++)
        {
          const MbcPollOption *option = g_ptr_array_index (source->options, i);
          g_string_append_printf (out, "%s%s %g%%", i ? ", " : "", option->label, option->percent);
        }
      g_string_append (out, ". ");
    }
  else
    g_string_append (out, "Asked without a poll. ");
  if (source->consensus)
    g_string_append_printf (out, "Expert group consensus: %s", source->consensus);
  return g_string_free (out, FALSE);
}

static void
update_accessible (MbcPollChart *self)
{
  g_autofree char *description = mbc_poll_chart_describe (self->source);
  g_autofree char *label = g_strdup_printf ("Poll chart: %s%s", self->source->title,
                                            self->highlighted ? " (this result rests on it)"
                                                              : "");

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
  update_accessible (self);
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
    update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}
