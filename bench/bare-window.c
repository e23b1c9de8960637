/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for bench/startup.py: a bare libadwaita window, a header bar and a label,
 * reporting its first painted frame exactly as mbc-advisor does. */
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_autofree char *status = NULL;
  const char *rss;

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status ? strstr (status, "VmRSS:") : NULL;
  g_print ("first-frame-us %" G_GINT64_FORMAT " rss-kb %ld\n", g_get_monotonic_time (),
           rss ? strtol (rss + 6, NULL, 10) : -1L);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.mbcadvisor.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
