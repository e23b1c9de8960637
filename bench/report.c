/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mbc-bench-report CASE.json…: the time to write the PDF report of each case (evaluate,
 * lay out, draw every page, write the file atomically), the first time in the process (as
 * the first export after start-up: fonts are loaded then) and the median of many more.
 * The reference, measured in the same run: a one-page PDF with one line of text written
 * through the same cairo and Pango. Goal: under 300 ms.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "mbc-evaluator.h"
#include "mbc-file.h"
#include "mbc-problem.h"
#include "mbc-report.h"

#define RUNS 31

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One page, one line: what any PDF written with these libraries costs. */
static void
reference (GFile *file)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, bytes, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "MBC Surgery Advisor: report", -1);
  cairo_move_to (cr, 50, 50);
  pango_cairo_show_layout (cr, layout);
  cairo_show_page (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  if (!mbc_file_write_atomic (file, bytes->data, bytes->len, 0644, NULL))
    exit (1);
}

static void
report (MbcEvaluator *evaluator,
        MbcCase      *kase,
        GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, kase, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(MbcReport) r = mbc_report_new (kase, result, now);

  if (!mbc_report_write_pdf (r, file, MBC_PAPER_A4, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcGuideline) guideline = mbc_guideline_new_default (problems, &error);
  g_autoptr(MbcEvaluator) evaluator = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mbc-bench-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double samples[RUNS], start, first_reference, first = -1;

  if (guideline == NULL || argc < 2)
    {
      fprintf (stderr, "usage: mbc-bench-report CASE.json…\n");
      return 2;
    }
  evaluator = mbc_evaluator_new (guideline);

  start = now_ms ();
  reference (file);
  first_reference = now_ms () - start;
  for (int i = 0; i < RUNS; i++)
    {
      start = now_ms ();
      reference (file);
      samples[i] = now_ms () - start;
    }
  qsort (samples, RUNS, sizeof (double), compare);
  printf ("%-32s first in the process %.1f ms, median %.1f ms\n",
          "reference: one line, one page", first_reference, samples[RUNS / 2]);

  for (int a = 1; a < argc; a++)
    {
      g_autofree char *data = NULL;
      g_autofree char *name = g_path_get_basename (argv[a]);
      g_autoptr(MbcCase) kase = NULL;
      gsize length;

      if (!g_file_get_contents (argv[a], &data, &length, &error) ||
          !(kase = mbc_case_new_from_data (data, length, problems)))
        {
          fprintf (stderr, "%s: cannot be read\n", argv[a]);
          return 1;
        }
      start = now_ms ();
      report (evaluator, kase, file);
      if (first < 0)
        first = now_ms () - start;
      for (int i = 0; i < RUNS; i++)
        {
          start = now_ms ();
          report (evaluator, kase, file);
          samples[i] = now_ms () - start;
        }
      qsort (samples, RUNS, sizeof (double), compare);
      if (a == 1)
        printf ("%-32s first in the process %.1f ms (fonts loaded then)\n", name, first);
      printf ("%-32s median %7.1f ms   slowest %7.1f ms   (goal < 300 ms)\n", name,
              samples[RUNS / 2], samples[RUNS - 1]);
    }
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
