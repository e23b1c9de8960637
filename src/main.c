/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "mbc-application.h"
#include "mbc-build-tree.h"
#include "mbc-cli.h"
#include "mbc-file.h"

/*
 * GLib before 2.76 allocates small blocks with its slice allocator, which costs about a
 * fifth of --batch's time next to plain malloc (bench/batch.sh, both measured); GLib 2.76
 * made slices plain malloc for that reason. The choice is read from G_SLICE before main()
 * runs, so a batch run without G_SLICE set starts itself again once with it set.
 */
static void
prefer_malloc_for_batch (char **argv)
{
  gboolean batch = FALSE;
  g_autofree char *self = NULL;

  if (glib_check_version (2, 76, 0) == NULL || g_getenv ("G_SLICE") != NULL)
    return;
  for (int i = 1; argv[i] && !batch; i++)
    batch = strcmp (argv[i], "--batch") == 0 || strcmp (argv[i], "-b") == 0 ||
            g_str_has_prefix (argv[i], "--batch=");
  if (!batch || !(self = g_file_read_link ("/proc/self/exe", NULL)))
    return;
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  execv (self, argv);
  /* Could not start again: go on as we are. */
  g_unsetenv ("G_SLICE");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MbcApplication) app = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *guideline = NULL;
  /* Static: GTK may end the process from within g_application_run() (no display), and what
   * the window was to open must not then read as leaked. */
  static GStrv files = NULL;
  g_autoptr(GError) error = NULL;

  prefer_malloc_for_batch (argv);
  /* A save interrupted by SIGINT, SIGTERM or SIGHUP leaves no temporary file behind. */
  mbc_file_clean_up_on_signals ();
  mbc_build_tree_setup ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MBC_LOCALEDIR") ? g_getenv ("MBC_LOCALEDIR")
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The command-line actions need no display and never initialise GTK. */
  if (mbc_cli_is_headless (argc, argv))
    return mbc_cli_run (argc, argv);

  /* The window: CASE.json files to open, and --guideline PACK.json. */
  if (!mbc_cli_parse_window (argc, argv, &guideline, &files, &error))
    {
      g_printerr (_("mbc-advisor: %s (see --help)\n"), error->message);
      return MBC_EXIT_INVALID_INPUT;
    }
  args = g_ptr_array_new ();
  g_ptr_array_add (args, argv[0]);
  /* GApplication parses what it is given again: the files only, never as options ("--"). */
  if (files[0])
    g_ptr_array_add (args, (char *) "--");
  for (guint i = 0; files[i]; i++)
    g_ptr_array_add (args, files[i]);
  g_ptr_array_add (args, NULL);
  app = mbc_application_new (guideline);
  {
    int status = g_application_run (G_APPLICATION (app), (int) args->len - 1,
                                     (char **) args->pdata);
    g_clear_pointer (&files, g_strfreev);
    return status;
  }
}
