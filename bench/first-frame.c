/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench/first-frame.c: loaded with LD_PRELOAD into any GTK 4 application (bench/startup.py
 * builds it), prints when the first frame of the first window it presents has been painted,
 * and the memory in use then:
 *
 *   first-frame-us MONOTONIC-MICROSECONDS rss-kb KIB
 *
 * then exits, unless FIRST_FRAME_CONTINUE is set. Every application is measured by the same
 * code: mbc-advisor, the bare window and another GNOME application alike. The handler is
 * connected when the window is realised, before any widget inside it can connect its own
 * (they do at map), so it runs first in the frame's after-paint.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gtk/gtk.h>

static gboolean armed;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_autofree char *status = NULL;
  const char *rss;

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status ? strstr (status, "VmRSS:") : NULL;
  printf ("first-frame-us %" G_GINT64_FORMAT " rss-kb %ld\n", g_get_monotonic_time (),
          rss ? strtol (rss + 6, NULL, 10) : -1L);
  fflush (stdout);
  if (g_getenv ("FIRST_FRAME_CONTINUE") == NULL)
    _exit (0);
}

static void
realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static void
arm (GtkWindow *window)
{
  if (armed)
    return;
  armed = TRUE;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realized_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);

  if (real == NULL)
    real = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  arm (window);
  real (window);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  static void (*real) (GtkWindow *, guint32);

  if (real == NULL)
    real = (void (*) (GtkWindow *, guint32)) dlsym (RTLD_NEXT, "gtk_window_present_with_time");
  arm (window);
  real (window, timestamp);
}
