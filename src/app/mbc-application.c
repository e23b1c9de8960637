/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MbcApplication: opens windows, loads the guideline once, About and shortcuts. */
#define G_LOG_DOMAIN "mbc-application"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "mbc-application.h"
#include "mbc-build-tree.h"
#include "mbc-document.h"
#include "mbc-guideline.h"
#include "mbc-preferences-window.h"
#include "mbc-problem.h"
#include "mbc-window.h"

struct _MbcApplication
{
  AdwApplication  parent_instance;

  char           *guideline_path;
  MbcGuideline   *guideline;
  char           *guideline_error;
  gboolean        loaded;
  gboolean        draft_used;     /* by the first window */
  int             base_dpi;       /* GtkSettings:gtk-xft-dpi before any zoom; 0: not read */
  int             zoom;           /* steps of 10 % from the normal size */

  /* The only settings object: each window and the preferences are handed it. */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (MbcApplication, mbc_application, ADW_TYPE_APPLICATION)

static void
app_load_guideline (MbcApplication *self)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;

  g_assert (MBC_IS_APPLICATION (self));

  if (self->loaded)
    return;
  self->loaded = TRUE;
  if (self->guideline_path)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (self->guideline_path);
      self->guideline = mbc_guideline_new_from_file (file, problems, &error);
    }
  else
    self->guideline = mbc_guideline_new_default (problems, &error);
  if (self->guideline == NULL)
    {
      GString *text = g_string_new (error->message);
      for (guint i = 0; i < problems->len && i < 20; i++)
        g_string_append_printf (text, "\n%s: %s", ((MbcProblem *) problems->pdata[i])->where,
                                ((MbcProblem *) problems->pdata[i])->message);
      self->guideline_error = g_string_free (text, FALSE);
    }
}

static void app_window_realized_cb (GtkWidget *window);

/* The window keeps the size and state it was last given. */
static MbcWindow *
app_new_window (MbcApplication *self)
{
  MbcWindow *window;

  g_assert (MBC_IS_APPLICATION (self));

  app_load_guideline (self);
  window = mbc_window_new (GTK_APPLICATION (self), self->settings, self->guideline,
                           self->guideline_error);
  if (g_strcmp0 (g_getenv ("MBC_BENCH_COMPLETE_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (app_window_realized_cb), NULL);
  return window;
}

/* MBC_BENCH_COMPLETE_FRAME=1 (bench/startup.py, which takes the first frame itself): print
 * when the frame with every section is painted (those below the first screen are built once
 * the first frame is), and the memory in use then, and quit. */
static void
app_complete_frame_cb (GdkFrameClock *clock,
                       MbcWindow     *window)
{
  g_autofree char *status = NULL;
  const char *rss;

  if (!mbc_window_get_complete (window))
    return;
  g_signal_handlers_disconnect_by_func (clock, app_complete_frame_cb, window);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status ? strstr (status, "VmRSS:") : NULL;
  g_print ("complete-frame-us %" G_GINT64_FORMAT " rss-kb %ld\n", g_get_monotonic_time (),
           rss ? strtol (rss + 6, NULL, 10) : -1L);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
app_window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (app_complete_frame_cb), window);
}

/* The first window keeps the draft (and offers one left by a crash); a second window at
 * the same time would overwrite it. */
static void
app_keep_draft (MbcApplication *self,
                MbcWindow      *window)
{
  g_autoptr(GFile) draft = NULL;

  g_assert (MBC_IS_APPLICATION (self));

  if (self->draft_used)
    return;
  self->draft_used = TRUE;
  draft = mbc_document_default_draft ();
  mbc_window_keep_draft (window, draft);
}

static void
mbc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (app_new_window (MBC_APPLICATION (app)));
      gtk_window_present (window);
      app_keep_draft (MBC_APPLICATION (app), MBC_WINDOW (window));
      return;
    }
  gtk_window_present (window);
}

static void
mbc_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      MbcWindow *window = app_new_window (MBC_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (window));
      mbc_window_open_file (window, files[i]);
      app_keep_draft (MBC_APPLICATION (app), window);
    }
}

static void
app_about_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MbcApplication *self = user_data;
  const char *developers[] = { _("The MBC Surgery Advisor contributors"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "application-name", "MBC Surgery Advisor",
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The MBC Surgery Advisor contributors"),
                "developers", developers,
                "copyright", _("© 2026 The MBC Surgery Advisor contributors"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Decision support on surgery of the primary tumour in metastatic "
                            "breast cancer after response to systemic therapy. It shows what "
                            "its guideline says about a case, with the application's stated "
                            "interpretations, and the evidence published since, dated. It does "
                            "not replace clinical judgement."),
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                NULL);
  /* The source of the guideline, as the pack in use names it. */
  app_load_guideline (self);
  if (self->guideline)
    {
      g_autofree char *source = g_strdup_printf (_("%s (%s), version %s"),
                                                 mbc_guideline_get_title (self->guideline),
                                                 mbc_guideline_get_date (self->guideline),
                                                 mbc_guideline_get_version (self->guideline));

      const char **authors = (const char **) mbc_guideline_get_authors (self->guideline);

      adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                    _("The guideline is by"), authors);
      adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Guideline"), source,
                                          GTK_LICENSE_CUSTOM,
                                          _("The recommendations shown are those of this "
                                          "guideline, encoded as data and quoted with their "
                                          "sources; where the application interprets them, "
                                          "it says so."));
    }
  gtk_window_present (GTK_WINDOW (about));
}

/* Without a help viewer, the guide's pages are named, and where to get one. */
static void
app_help_shown_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *where = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;
  file = g_file_new_for_uri (uri);
  where = g_file_get_path (file);
  body = g_strdup_printf (_("No help viewer is installed. Install the Help application (Yelp) "
                            "to read the guide here, or read its pages in the folder %s with "
                            "any text editor."), where ? where : uri);
  dialog = adw_message_dialog_new (GTK_WINDOW (source), _("The User Guide Could Not Be Shown"),
                                   body);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The user guide (help/, installed for the help viewer). */
static void
app_help_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *uri = mbc_build_tree_help_uri ();

  if (window == NULL)
    return;
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, app_help_shown_cb,
                     g_strdup (uri));
}

/* Zoom for a projector: every window's text (and what is measured in it) by steps of 10 %,
 * from half the normal size to twice it. */
static void
app_zoom_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MbcApplication *self = MBC_APPLICATION (user_data);
  const char *name = g_action_get_name (G_ACTION (action));
  GtkSettings *settings = gtk_settings_get_default ();

  if (settings == NULL)
    return;
  if (self->base_dpi == 0)
    {
      g_object_get (settings, "gtk-xft-dpi", &self->base_dpi, NULL);
      if (self->base_dpi <= 0)
        self->base_dpi = 96 * 1024;
    }
  if (g_str_equal (name, "zoom-in"))
    self->zoom = MIN (self->zoom + 1, 10);
  else if (g_str_equal (name, "zoom-out"))
    self->zoom = MAX (self->zoom - 1, -5);
  else
    self->zoom = 0;
  g_object_set (settings, "gtk-xft-dpi", (int) (self->base_dpi * (1 + self->zoom / 10.0)), NULL);
}

static void
app_quit_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (user_data));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
app_preferences_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MbcApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (mbc_preferences_window_new (parent, self->settings)));
}

/* Without its settings schema the application is not installed properly: it says so and
 * how to mend it, and stops, rather than keep settings nowhere. */
static void
app_load_settings (MbcApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

  g_assert (MBC_IS_APPLICATION (self));

  if (schema == NULL)
    {
      g_printerr (_("mbc-advisor: the settings schema %s is not installed (install the "
                  "application, or set GSETTINGS_SCHEMA_DIR to where it is compiled)\n"),
                  APPLICATION_ID);
      exit (EXIT_FAILURE);
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
}

static void
mbc_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", app_about_action },
    { "quit", app_quit_action },
    { "preferences", app_preferences_action },
    { "help", app_help_action },
    { "zoom-in", app_zoom_action, NULL, NULL, NULL },
    { "zoom-out", app_zoom_action, NULL, NULL, NULL },
    { "zoom-reset", app_zoom_action, NULL, NULL, NULL },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *reset_accels[] = { "<Control>r", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *open_accels[] = { "<Control>o", NULL };
  const char *save_accels[] = { "<Control>s", NULL };
  const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  const char *print_accels[] = { "<Control>p", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *teaching_accels[] = { "F5", NULL };
  const char *help_accels[] = { "F1", NULL };
  const char *undo_accels[] = { "<Control>z", NULL };
  const char *new_accels[] = { "<Control>n", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *zoom_in_accels[] = { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL };
  const char *zoom_out_accels[] = { "<Control>minus", "<Control>KP_Subtract", NULL };
  const char *zoom_reset_accels[] = { "<Control>0", "<Control>KP_0", NULL };

  /* The name shown for it, and under which it adds files to the recent files. */
  g_set_application_name (_("MBC Surgery Advisor"));
  G_APPLICATION_CLASS (mbc_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.reset", reset_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.teaching",
                                         teaching_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-case", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.zoom-in", zoom_in_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.zoom-out",
                                         zoom_out_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.zoom-reset",
                                         zoom_reset_accels);
  app_load_settings (MBC_APPLICATION (app));
  /* style.css in the resources is loaded by AdwApplication itself. */
}

static void
mbc_application_finalize (GObject *object)
{
  MbcApplication *self = MBC_APPLICATION (object);

  g_clear_object (&self->guideline);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->guideline_path, g_free);
  g_clear_pointer (&self->guideline_error, g_free);
  G_OBJECT_CLASS (mbc_application_parent_class)->finalize (object);
}

static void
mbc_application_class_init (MbcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mbc_application_finalize;
  app_class->activate = mbc_application_activate;
  app_class->open = mbc_application_open;
  app_class->startup = mbc_application_startup;
}

static void
mbc_application_init (MbcApplication *self)
{
}

MbcApplication *
mbc_application_new (const char *guideline_path)
{
  MbcApplication *self = g_object_new (MBC_TYPE_APPLICATION,
                                       "application-id", APPLICATION_ID,
                                       "flags", G_APPLICATION_HANDLES_OPEN,
                                       "resource-base-path", RESOURCE_PREFIX,
                                       NULL);
  self->guideline_path = g_strdup (guideline_path);
  return self;
}
