/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcAdaptiveLayout: lays out the first two children of a widget side by side when it is
 * at least `threshold` pixels wide (the first at `start-width`), and one above the other
 * otherwise, full width, first child first. Deciding at allocation time keeps the switch
 * free of resize loops; libadwaita 1.2 has no breakpoints to do it for us. Whether the
 * children are stacked is the read-only `stacked` property, notified from an idle so that
 * what a widget does about it happens outside the allocation.
 *
 * Delete when the minimum is libadwaita 1.4: AdwBreakpoint (in an AdwBreakpointBin) switches
 * a layout at a width.
 */
#define G_LOG_DOMAIN "mbc-adaptive-layout"

#include "config.h"

#include "mbc-adaptive-layout.h"

struct _MbcAdaptiveLayout
{
  GtkLayoutManager parent_instance;

  int              threshold;
  int              start_width;
  int              spacing;
  gboolean         stacked;
  guint            notify_id;
};

G_DEFINE_FINAL_TYPE (MbcAdaptiveLayout, mbc_adaptive_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_THRESHOLD,
  PROP_START_WIDTH,
  PROP_SPACING,
  PROP_STACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
layout_children (GtkWidget  *widget,
                 GtkWidget **first,
                 GtkWidget **second)
{
  *first = gtk_widget_get_first_child (widget);
  *second = *first ? gtk_widget_get_next_sibling (*first) : NULL;
}

static void
layout_measure_child (GtkWidget      *child,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural)
{
  GtkPolicyType vertical;

  *minimum = *natural = 0;
  /* A scroller that does not scroll vertically (stacked, the window's scroller scrolls)
   * is as tall as its content at the width given: GtkScrolledWindow measures its content
   * without that width, which gives wrapped text too little height. */
  if (child && GTK_IS_SCROLLED_WINDOW (child) && orientation == GTK_ORIENTATION_VERTICAL)
    {
      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (child), NULL, &vertical);
      if (vertical == GTK_POLICY_NEVER && gtk_widget_should_layout (child))
        child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (child));
    }
  if (child && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
mbc_adaptive_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  MbcAdaptiveLayout *self = MBC_ADAPTIVE_LAYOUT (manager);
  GtkWidget *a, *b;
  int a_min, a_nat, b_min, b_nat;

  layout_children (widget, &a, &b);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      layout_measure_child (a, orientation, -1, &a_min, &a_nat);
      layout_measure_child (b, orientation, -1, &b_min, &b_nat);
      *minimum = MAX (a_min, b_min);
      /* Asking for the natural width of long wrapping text would ask for a window as wide
       * as a paragraph; the threshold width is enough to put the columns side by side. */
      *natural = MAX (*minimum, self->threshold);
    }
  else if (for_size >= self->threshold)
    {
      int a_width = MIN (self->start_width, for_size / 2);
      layout_measure_child (a, orientation, a_width, &a_min, &a_nat);
      layout_measure_child (b, orientation, for_size - a_width - self->spacing, &b_min, &b_nat);
      *minimum = MAX (a_min, b_min);
      *natural = MAX (a_nat, b_nat);
    }
  else
    {
      layout_measure_child (a, orientation, for_size, &a_min, &a_nat);
      layout_measure_child (b, orientation, for_size, &b_min, &b_nat);
      *minimum = a_min + self->spacing + b_min;
      *natural = a_nat + self->spacing + b_nat;
    }
}

static gboolean
layout_notify_stacked (gpointer data)
{
  MbcAdaptiveLayout *self = data;

  self->notify_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);
  return G_SOURCE_REMOVE;
}

static void
mbc_adaptive_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  MbcAdaptiveLayout *self = MBC_ADAPTIVE_LAYOUT (manager);
  gboolean wide = width >= self->threshold;
  GtkWidget *a, *b;

  if (self->stacked == wide)
    {
      self->stacked = !wide;
      if (self->notify_id == 0)
        self->notify_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, layout_notify_stacked,
                                           g_object_ref (self), g_object_unref);
    }
  layout_children (widget, &a, &b);
  if (wide)
    {
      int a_width = MIN (self->start_width, width / 2);
      if (a)
        gtk_widget_allocate (a, a_width, height, -1, NULL);
      if (b)
        {
          graphene_point_t at = GRAPHENE_POINT_INIT (a_width + self->spacing, 0);
          gtk_widget_allocate (b, width - a_width - self->spacing, height, -1,
                               gsk_transform_translate (NULL, &at));
        }
    }
  else
    {
      int a_min = 0, a_nat = 0;
      layout_measure_child (a, GTK_ORIENTATION_VERTICAL, width, &a_min, &a_nat);
      if (a)
        gtk_widget_allocate (a, width, a_nat, -1, NULL);
      if (b)
        {
          graphene_point_t at = GRAPHENE_POINT_INIT (0, a_nat + self->spacing);
          gtk_widget_allocate (b, width, MAX (height - a_nat - self->spacing, 0), -1,
                               gsk_transform_translate (NULL, &at));
        }
    }
}

static GtkSizeRequestMode
mbc_adaptive_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mbc_adaptive_layout_dispose (GObject *object)
{
  MbcAdaptiveLayout *self = MBC_ADAPTIVE_LAYOUT (object);

  g_clear_handle_id (&self->notify_id, g_source_remove);
  G_OBJECT_CLASS (mbc_adaptive_layout_parent_class)->dispose (object);
}

static void
mbc_adaptive_layout_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MbcAdaptiveLayout *self = MBC_ADAPTIVE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    case PROP_START_WIDTH:
      g_value_set_int (value, self->start_width);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_STACKED:
      g_value_set_boolean (value, self->stacked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_adaptive_layout_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MbcAdaptiveLayout *self = MBC_ADAPTIVE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      self->threshold = g_value_get_int (value);
      break;
    case PROP_START_WIDTH:
      self->start_width = g_value_get_int (value);
      break;
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}

static void
mbc_adaptive_layout_class_init (MbcAdaptiveLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = mbc_adaptive_layout_dispose;
  object_class->get_property = mbc_adaptive_layout_get_property;
  object_class->set_property = mbc_adaptive_layout_set_property;
  layout_class->measure = mbc_adaptive_layout_measure;
  layout_class->allocate = mbc_adaptive_layout_allocate;
  layout_class->get_request_mode = mbc_adaptive_layout_get_request_mode;

  properties[PROP_THRESHOLD] =
    g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT, 960, flags);
  properties[PROP_START_WIDTH] =
    g_param_spec_int ("start-width", NULL, NULL, 0, G_MAXINT, 420, flags);
  properties[PROP_SPACING] = g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 24, flags);
  properties[PROP_STACKED] = g_param_spec_boolean ("stacked", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mbc_adaptive_layout_init (MbcAdaptiveLayout *self)
{
  self->threshold = 960;
  self->start_width = 420;
  self->spacing = 24;
}

/**
 * mbc_adaptive_layout_get_stacked:
 *
 * Returns: whether the children were last laid out one above the other.
 */
gboolean
mbc_adaptive_layout_get_stacked (MbcAdaptiveLayout *self)
{
  g_return_val_if_fail (MBC_IS_ADAPTIVE_LAYOUT (self), FALSE);
  return self->stacked;
}
