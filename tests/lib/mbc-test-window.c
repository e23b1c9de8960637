/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the window's test programs share: GTK set up as the application has it (its style
 * sheet, no recent files), and the window fixture: a window as a person gets it, presented,
 * with every section built, and painted.
 */
#include "config.h"

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
