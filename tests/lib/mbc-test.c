/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the C test programs share: where the test data is, running the main loop until
 * nothing is pending or until a condition holds (with a deadline, never a fixed sleep), the
 * application's settings kept in memory, and a PDF's text as pdftotext reads it.
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>

#include "mbc-test.h"

/**
 * mbc_test_data_path:
 *
 * Returns: (transfer full): @name under tests/data.
 */
char *
mbc_test_data_path (const char *name)
{
  return g_build_filename (TEST_DATA, name, NULL);
}

/**
 * mbc_test_settings:
 *
 * Returns: (transfer full): the application's settings, in memory: a test never reads or
 *   changes the user's.
 */
GSettings *
mbc_test_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

/**
 * mbc_test_settle:
 *
 * Runs the main loop until nothing is pending.
 */
void
mbc_test_settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * mbc_test_wait_until:
 * @done: checked after each iteration of the main loop
 * @timeout_ms: the deadline
 *
 * Runs the main loop until @done (@data) holds or the deadline passes; the loop is woken
 * every 10 ms, so a condition that changes outside it (a layout, a child process) is seen.
 *
 * Returns: whether @done held before the deadline.
 */
gboolean
mbc_test_wait_until (MbcTestCondition done,
                     gpointer         data,
                     guint            timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick = g_timeout_add (10, wake, NULL);
  gboolean held;

  while (!(held = done (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return held;
}

/**
 * mbc_test_pdf_text:
 *
 * Returns: (transfer full): the text of @pdf, laid out (pdftotext -layout); pages are
 *   separated by form feeds.
 */
char *
mbc_test_pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}
