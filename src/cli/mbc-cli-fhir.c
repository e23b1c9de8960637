/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * --import-fhir BUNDLE.json [--as-of YYYY-MM-DD]: the case a FHIR export implies, on
 * standard output as a case file writes it; on standard error a line for each value set and
 * its source, then a line for each resource or code not used. Nothing of the patient's but
 * the case reaches either (mbc-fhir.c).
 */
#define G_LOG_DOMAIN "mbc-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "mbc-cli.h"
#include "mbc-cli-fhir.h"
#include "mbc-fhir.h"
#include "mbc-file.h"
#include "mbc-problem.h"

/* A date written YYYY-MM-DD, and a real one. */
static gboolean
cli_fhir_parse_date (const char *text,
                     GDate      *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static void
cli_fhir_print_line (const char *text)
{
  g_autofree char *shown = mbc_problem_escape (text);

  fprintf (stderr, "%s\n", shown);
}

int
mbc_cli_fhir_run (const char *path,
                  const char *as_of_text)
{
  const char *name = g_strcmp0 (path, "-") == 0 ? "<stdin>" : path;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) not_used = NULL;
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  GDate as_of;
  gsize length;
  const char *text;

  if (as_of_text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_clear (&as_of, 1);
      g_date_set_dmy (&as_of, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  else if (!cli_fhir_parse_date (as_of_text, &as_of))
    {
      g_autofree char *said = mbc_problem_escape (as_of_text);
      fprintf (stderr, _("mbc-advisor: --as-of: \"%s\" is not a date; use YYYY-MM-DD\n"), said);
      return MBC_EXIT_INVALID_INPUT;
    }

  if (g_strcmp0 (path, "-") == 0)
    bytes = mbc_file_read_fd (STDIN_FILENO, MBC_FILE_CASE_MAX_BYTES, &error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      bytes = mbc_file_read (file, MBC_FILE_CASE_MAX_BYTES, &error);
    }
  if (bytes == NULL)
    {
      g_autofree char *f = mbc_problem_escape (name);
      g_autofree char *m = mbc_problem_escape (error->message);
      fprintf (stderr, "%s: $: %s\n", f, m);
      return g_error_matches (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE)
             ? MBC_EXIT_INVALID_INPUT : MBC_EXIT_IO;
    }
  text = g_bytes_get_data (bytes, &length);
  kase = mbc_fhir_import_data (text, length, &as_of, &sources, &not_used, problems);
  if (kase == NULL)
    {
      g_autofree char *lines = mbc_problems_format (problems, name);
      fputs (lines, stderr);
      return MBC_EXIT_INVALID_INPUT;
    }

  /* The lines' form is the contract's (scripts read it): not translated; the reasons are. */
  for (guint i = 0; i < sources->len; i++)
    {
      const MbcFhirSource *s = g_ptr_array_index (sources, i);
      g_autofree char *line = g_strdup_printf ("%s: %s (from %s, %s)",
                                               mbc_case_field_get_name (s->field), s->value,
                                               s->resource, s->code);
      cli_fhir_print_line (line);
    }
  for (guint i = 0; i < not_used->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("not used: %s",
                                               (const char *) not_used->pdata[i]);
      cli_fhir_print_line (line);
    }

  data = mbc_case_to_data (kase, &length);
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "<stdout>: $: could not be written: %s\n", g_strerror (errno));
      return MBC_EXIT_IO;
    }
  return MBC_EXIT_OK;
}
