/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mbc-bench-cohort COHORT.jsonl: opens the cohort view on COHORT and prints how long it
 * took until every case was evaluated and in the table (wall time, and this process's CPU
 * time), and the longest the main loop was kept from running meanwhile (a tick is asked for
 * every 10 ms; the longest gap between two is how long the window could not respond).
 */
#include "config.h"

#include <sys/resource.h>

#include <adwaita.h>

#include "mbc-cohort-window.h"
#include "mbc-guideline.h"

static gint64 last_tick;
static gint64 longest_gap;

static gboolean
bench_tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick)
    longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static double
bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MbcGuideline) guideline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *window;
  gint64 start;
  double cpu;

  if (argc != 2)
    {
      g_printerr ("usage: mbc-bench-cohort COHORT.jsonl\n");
      return 2;
    }
  g_setenv ("GSETTINGS_SCHEMA_DIR", MBC_BUILD_SCHEMA_DIR, FALSE);
  gtk_init ();
  adw_init ();
  guideline = mbc_guideline_new_default (NULL, &error);
  g_assert_no_error (error);
  file = g_file_new_for_commandline_arg (argv[1]);
  window = mbc_cohort_window_new (NULL, guideline);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  /* As in the application, where the main window has already laid out text: a first cohort
   * of one case, not measured. */
  if (g_getenv ("MBC_BENCH_WARM"))
    {
      g_autoptr(GFile) warm = g_file_new_for_commandline_arg (g_getenv ("MBC_BENCH_WARM"));
      mbc_cohort_window_open (MBC_COHORT_WINDOW (window), warm);
      while (mbc_cohort_window_get_loading (MBC_COHORT_WINDOW (window)))
        g_main_context_iteration (NULL, TRUE);
    }
  g_timeout_add (10, bench_tick_cb, NULL);
  cpu = bench_cpu_seconds ();
  start = g_get_monotonic_time ();
  mbc_cohort_window_open (MBC_COHORT_WINDOW (window), file);
  while (mbc_cohort_window_get_loading (MBC_COHORT_WINDOW (window)))
    g_main_context_iteration (NULL, TRUE);
  g_print ("cohort view: %u cases shown in %.2f s (CPU %.2f s); the main loop waited at most "
           "%.0f ms\n",
           g_list_model_get_n_items (mbc_cohort_window_get_rows (MBC_COHORT_WINDOW (window))),
           (g_get_monotonic_time () - start) / 1e6, bench_cpu_seconds () - cpu,
           longest_gap / 1e3);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
