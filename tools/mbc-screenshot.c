/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mbc-screenshot OUTDIR [CASE.json …]: renders the main window for each case, in light and
 * dark, at 1280×720, 1920×1080 and narrow (360 px), to PNG files: the visible window, the whole
 * scrolled content, and the results alone (their height printed).
 * mbc-screenshot --presenter OUTDIR: renders every step of a teaching session (choosing the
 * case, the vignette, voting, counts hidden, the reveal, the reveal scrolled to its end, the
 * summary, the question before another case ends the session, and the list of cases with the
 * session to resume) at 1280×720 and 1920×1080, in light and dark.
 * Run under Xvfb with GDK_DEBUG=gl-disable GSK_RENDERER=cairo.
 */
#include "config.h"

#include <locale.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mbc-cohort-window.h"
#include "mbc-guideline.h"
#include "mbc-presenter-window.h"
#include "mbc-window.h"

static void wait_frames (GtkWidget *widget,
                         int        frames);
static gboolean save_widget (GtkWidget  *widget,
                             GtkNative  *native,
                             const char *path);

/* The cohort view of @path at 1280×720, light and dark, once every case is evaluated. */
static void
cohort_shots (MbcGuideline *guideline,
              const char   *outdir,
              const char   *path)
{
  static const struct { const char *name; AdwColorScheme scheme; } themes[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT }, { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      GtkWidget *window = mbc_cohort_window_new (NULL, guideline);
      g_autofree char *shot = g_strdup_printf ("%s/cohort-%s.png", outdir, themes[t].name);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), themes[t].scheme);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
      gtk_window_present (GTK_WINDOW (window));
      mbc_cohort_window_open (MBC_COHORT_WINDOW (window), file);
      while (mbc_cohort_window_get_loading (MBC_COHORT_WINDOW (window)))
        g_main_context_iteration (NULL, TRUE);
      wait_frames (window, 4);
      save_widget (window, GTK_NATIVE (window), shot);
      g_print ("%s\n", shot);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
wait_frames (GtkWidget *widget,
             int        frames)
{
  GdkFrameClock *clock;
  gint64 target;

  /* Let layout settle: spin the main loop for a number of frames (or 2 s at most). */
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  target = gdk_frame_clock_get_frame_counter (clock) + frames;
  while (gdk_frame_clock_get_frame_counter (clock) < target && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
save_widget (GtkWidget  *widget,
             GtkNative  *native,
             const char *path)
{
  /* At the surface's scale, so HiDPI renders at full resolution. */
  int scale = gdk_surface_get_scale_factor (gtk_native_get_surface (native));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;

  /* An opaque background, as the window has. */
  GdkRGBA bg;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (native)),
                                       "window_bg_color", &bg))
    gdk_rgba_parse (&bg, "#fafafa");
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  bounds = GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node, &bounds);
  return gdk_texture_save_to_png (texture, path);
}

static void
press (MbcPresenterWindow *presenter,
       const char         *keys)
{
  for (const char *k = keys; *k; k++)
    mbc_presenter_window_press_key (presenter,
                                    *k == '>' ? GDK_KEY_Right : *k == '<' ? GDK_KEY_BackSpace
                                    : *k == '\f' ? GDK_KEY_Page_Down
                                    : gdk_unicode_to_keyval ((guint) *k), 0);
}

/* The dialog @parent shows. */
static GtkWidget *
dialog_of (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return GTK_WIDGET (window);
    }
  return NULL;
}

static void
presenter_shot (GtkWidget  *window,
                const char *outdir,
                const char *step,
                const char *size,
                const char *theme)
{
  g_autofree char *path = g_strdup_printf ("%s/presenter-%s-%s-%s.png", outdir, step, size,
                                           theme);

  wait_frames (window, 4);
  save_widget (window, GTK_NATIVE (window), path);
  g_print ("%s\n", path);
}

static void
presenter_shots (MbcGuideline *guideline,
                 const char   *outdir)
{
  static const struct { const char *name; int width; int height; } sizes[] = {
    { "720p", 1280, 720 }, { "1080p", 1920, 1080 },
  };
  static const struct { const char *name; AdwColorScheme scheme; } themes[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT }, { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };
  /* Each step: its name, and the keys that lead to it from the one before. */
  static const struct { const char *step; const char *keys; } steps[] = {
    { "1-choose", "" }, { "2-vignette", NULL }, { "3-votes", ">yyyyyyynnn" },
    { "4-hidden", "hyn" }, { "5-reveal", "r" }, { "5b-reveal-end", "\f" },
    { "6-summary", ">yyn>nnn>yn>yyyyn>" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) library = mbc_library_load (&error);

  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        GtkWidget *window = mbc_presenter_window_new (guideline, library);
        MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (window);

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), themes[t].scheme);
        gtk_window_set_default_size (GTK_WINDOW (window), sizes[z].width, sizes[z].height);
        gtk_window_present (GTK_WINDOW (window));
        for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
          {
            g_autofree char *path = g_strdup_printf ("%s/presenter-%s-%s-%s.png", outdir,
                                                     steps[i].step, sizes[z].name,
                                                     themes[t].name);
            if (steps[i].keys == NULL)
              mbc_presenter_window_choose_case (presenter, 0);
            else
              press (presenter, steps[i].keys);
            wait_frames (window, 4);
            save_widget (window, GTK_NATIVE (window), path);
            g_print ("%s\n", path);
          }
        /* Another case, after the votes: it asks; ended, the list offers the session. */
        mbc_presenter_window_choose_case (presenter, 1);
        {
          GtkWidget *dialog = dialog_of (GTK_WINDOW (window));

          g_assert (dialog != NULL);
          presenter_shot (dialog, outdir, "7-end", sizes[z].name, themes[t].name);
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "end");
          gtk_window_destroy (GTK_WINDOW (dialog));
        }
        mbc_presenter_window_press_key (presenter, GDK_KEY_Left, 0);
        presenter_shot (window, outdir, "8-resume", sizes[z].name, themes[t].name);
        gtk_window_destroy (GTK_WINDOW (window));

        /* Every question of the first case, revealed, at its top and scrolled to its end:
         * the longest must fit or scroll, the hints on one line. */
        window = mbc_presenter_window_new (guideline, library);
        presenter = MBC_PRESENTER_WINDOW (window);
        gtk_window_set_default_size (GTK_WINDOW (window), sizes[z].width, sizes[z].height);
        gtk_window_present (GTK_WINDOW (window));
        mbc_presenter_window_choose_case (presenter, 0);
        press (presenter, ">");
        for (guint q = 1; q <= 5; q++)
          {
            g_autofree char *top = g_strdup_printf ("9-q%u-reveal", q);
            g_autofree char *end = g_strdup_printf ("9-q%u-reveal-end", q);

            press (presenter, "yr");
            presenter_shot (window, outdir, top, sizes[z].name, themes[t].name);
            press (presenter, "\f\f\f\f");
            presenter_shot (window, outdir, end, sizes[z].name, themes[t].name);
            press (presenter, ">");
          }
        gtk_window_destroy (GTK_WINDOW (window));
      }
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; int width; int height; } sizes[] = {
    { "720p", 1280, 720 }, { "1080p", 1920, 1080 }, { "narrow", 360, 720 },
  };
  static const struct { const char *name; AdwColorScheme scheme; } themes[] = {
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT }, { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };
  g_autoptr(MbcGuideline) guideline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *outdir;

  gboolean presenter = argc > 1 && g_strcmp0 (argv[1], "--presenter") == 0;
  const char *cohort = argc > 2 && g_strcmp0 (argv[1], "--cohort") == 0 ? argv[2] : NULL;

  if (presenter)
    {
      argv++;
      argc--;
    }
  if (cohort)
    {
      argv += 2;
      argc -= 2;
    }
  if (argc < 2)
    {
      g_printerr ("usage: mbc-screenshot [--presenter | --cohort COHORT.jsonl] OUTDIR "
                  "[CASE.json …]\n");
      return 2;
    }
  outdir = argv[1];
  g_mkdir_with_parents (outdir, 0755);
  /* In the user's language, as the application (MBC_LOCALEDIR as for it). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MBC_LOCALEDIR") ? g_getenv ("MBC_LOCALEDIR")
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The build's settings schema (set before GTK reads any), kept in memory: the user's
   * settings are never touched. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", MBC_BUILD_SCHEMA_DIR, FALSE);
  gtk_init ();
  adw_init ();
  backend = g_memory_settings_backend_new ();
  settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  /* What AdwApplication loads for the application itself. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  guideline = mbc_guideline_new_default (NULL, &error);
  g_assert_no_error (error);
  if (presenter)
    {
      presenter_shots (guideline, outdir);
      return 0;
    }
  if (cohort)
    {
      cohort_shots (guideline, outdir, cohort);
      return 0;
    }

  /* Without cases: the empty form. */
  for (int c = 2; c < MAX (argc, 3); c++)
    {
      const char *case_path = c < argc ? argv[c] : NULL;
      g_autofree char *base = case_path ? g_path_get_basename (case_path) : g_strdup ("empty");

      if (case_path && g_str_has_prefix (case_path, "fhir:"))
        {
          g_free (base);
          base = g_strdup ("fhir-import.json");
        }

      if (g_str_has_suffix (base, ".json"))
        base[strlen (base) - 5] = '\0';
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            MbcWindow *window = mbc_window_new (NULL, settings, guideline, NULL);
            g_autofree char *view = g_strdup_printf ("%s/%s-%s-%s.png", outdir, base,
                                                     themes[t].name, sizes[s].name);
            g_autofree char *full = g_strdup_printf ("%s/%s-%s-%s-full.png", outdir, base,
                                                     themes[t].name, sizes[s].name);
            GtkWidget *content;

            adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                                themes[t].scheme);
            /* "fhir:BUNDLE.json" imports a FHIR export instead (its summary dialog closed). */
            if (case_path && g_str_has_prefix (case_path, "fhir:"))
              {
                g_autoptr(GFile) file = g_file_new_for_commandline_arg (case_path + 5);
                mbc_window_import_fhir (window, file);
                while (g_main_context_iteration (NULL, FALSE))
                  ;
                {
                  GtkWidget *dialog = dialog_of (GTK_WINDOW (window));
                  if (dialog)
                    gtk_window_destroy (GTK_WINDOW (dialog));
                }
              }
            else if (case_path)
              {
                g_autoptr(GFile) file = g_file_new_for_commandline_arg (case_path);
                mbc_window_open_file (window, file);
              }
            gtk_window_set_default_size (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
            gtk_window_present (GTK_WINDOW (window));
            /* Every section: those below the first screen come after the first frame. */
            while (!mbc_window_get_complete (window))
              g_main_context_iteration (NULL, TRUE);
            wait_frames (GTK_WIDGET (window), 4);
            save_widget (GTK_WIDGET (window), GTK_NATIVE (window), view);
            /* The columns: stacked, the whole page; side by side, both columns. */
            content = gtk_widget_get_parent (gtk_widget_get_ancestor (mbc_window_get_form (window),
                                                                      GTK_TYPE_SCROLLED_WINDOW));
            save_widget (content, GTK_NATIVE (window), full);
            /* The results alone, whole: how long the pane is. */
            {
              g_autofree char *results = g_strdup_printf ("%s/%s-%s-%s-results.png", outdir,
                                                          base, themes[t].name, sizes[s].name);
              GtkWidget *view_widget = mbc_window_get_result_view (window);

              save_widget (view_widget, GTK_NATIVE (window), results);
              g_print ("%s\n%s\n%s (%d px high)\n", view, full, results,
                       gtk_widget_get_height (view_widget));
            }
            gtk_window_destroy (GTK_WINDOW (window));
          }
    }
  return 0;
}
