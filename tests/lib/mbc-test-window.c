/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the window's test programs share: GTK set up as the application has it (its style
 * sheet, no recent files), and the window fixture: a window as a person gets it, presented,
 * with every section built, and painted.
 */
#include "config.h"

#include <math.h>

#include "mbc-case-form.h"
#include "mbc-test.h"
#include "mbc-test-window.h"

/**
 * mbc_test_gtk_init:
 *
 * GTK and libadwaita for a test, with what AdwApplication would load for the application
 * (its style sheet). Opening a case adds it to the recent files, and GTK 4.8 leaks a date
 * with each item: the recent files are turned off.
 */
void
mbc_test_gtk_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

typedef struct
{
  GdkFrameClock *clock;
  gint64         target;
} Frames;

static gboolean
test_window_frames_done (gpointer data)
{
  Frames *frames = data;

  gtk_widget_queue_draw (GTK_WIDGET (g_object_get_data (G_OBJECT (frames->clock),
                                                        "mbc-test-widget")));
  return gdk_frame_clock_get_frame_counter (frames->clock) >= frames->target;
}

static gboolean
test_window_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/**
 * mbc_test_wait_frames:
 *
 * Runs the main loop until @widget is mapped and its window has painted @frames more frames
 * (so that a layout change is laid out and drawn), with deadlines of 10 seconds.
 */
void
mbc_test_wait_frames (GtkWidget *widget,
                      guint      frames)
{
  Frames wait;

  g_assert (GTK_IS_WIDGET (widget));
  g_assert_true (mbc_test_wait_until (test_window_mapped, widget, 10000));

  wait.clock = gtk_widget_get_frame_clock (widget);
  wait.target = gdk_frame_clock_get_frame_counter (wait.clock) + frames;
  g_object_set_data (G_OBJECT (wait.clock), "mbc-test-widget", widget);
  g_assert_true (mbc_test_wait_until (test_window_frames_done, &wait, 10000));
  mbc_test_settle ();
}

static gboolean
test_window_complete (gpointer window)
{
  return mbc_window_get_complete (window);
}

/**
 * mbc_test_window_new:
 * @file: (nullable): a case file to open
 *
 * Returns: (transfer none): a window of @width × @height as a person gets it: presented,
 *   with every section built (those below the first screen come once the first frame is
 *   painted), and painted.
 */
MbcWindow *
mbc_test_window_new (MbcGuideline *guideline,
                     GSettings    *settings,
                     GFile        *file,
                     int           width,
                     int           height)
{
  MbcWindow *window = mbc_window_new (NULL, settings, guideline, NULL);

  if (file)
    mbc_window_open_file (window, file);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mbc_test_wait_until (test_window_complete, window, 20000));
  mbc_test_wait_frames (GTK_WIDGET (window), 2);
  return window;
}

/**
 * mbc_test_find_message_dialog:
 * @heading: (nullable): the dialog's heading, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the message dialog shown with @heading
 */
AdwMessageDialog *
mbc_test_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Types @text into the spin button of @field and commits it (gtk_widget_activate does
 * nothing on a spin button in GTK 4.8). */
void
mbc_test_type_number (MbcWindow    *window,
                      MbcCaseField  field,
                      const char   *text)
{
  GtkWidget *spin = mbc_case_form_get_control (MBC_CASE_FORM (mbc_window_get_form (window)),
                                               field);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  mbc_test_settle ();
}

/* The relative luminance of an sRGB byte triple (WCAG 2). */
static double
luminance (const guchar *bgr)
{
  double c[3];

  for (guint i = 0; i < 3; i++)
    {
      double v = bgr[2 - i] / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/**
 * mbc_test_drawn_contrast:
 * @window: the window @widget is in
 *
 * Returns: the contrast (WCAG 2) of the text drawn in @widget against its background, as
 *   drawn on the window's background: the background is the colour of the widget's
 *   corner, the text the pixel that differs most from it.
 */
double
mbc_test_drawn_contrast (GtkWindow *window,
                         GtkWidget *widget)
{
  GtkWidget *content = gtk_window_get_child (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (content);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (content), height = gtk_widget_get_height (content);
  graphene_rect_t bounds;
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize) width * 4;
  double background, most = 1;
  int x0, y0, x1, y1;
  GdkRGBA bg;

  g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (
                                                   GTK_WIDGET (window)),
                                                 "window_bg_color", &bg));
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  x0 = (int) bounds.origin.x + 1;
  y0 = (int) bounds.origin.y + 1;
  x1 = MIN (width, (int) (bounds.origin.x + bounds.size.width) - 1);
  y1 = MIN (height, (int) (bounds.origin.y + bounds.size.height) - 1);
  background = luminance (pixels + y0 * stride + x0 * 4);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        double l = luminance (pixels + y * stride + x * 4);
        double ratio = (MAX (l, background) + 0.05) / (MIN (l, background) + 0.05);
        most = MAX (most, ratio);
      }
  return most;
}
