/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window's report: exported as a PDF through the file chooser (then a toast offers to
 * open it), or printed through GtkPrintOperation (whose "Print to File" proposes the same
 * name as the export); both are the pages of MbcReport, of the case as entered and its
 * result.
 */
#define G_LOG_DOMAIN "mbc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mbc-document.h"
#include "mbc-fhir-result.h"
#include "mbc-file.h"
#include "mbc-report.h"
#include "mbc-result-view.h"
#include "mbc-window.h"
#include "mbc-window-private.h"

/* The paper the settings choose: "automatic" is the locale's. */
static MbcPaper
report_paper (MbcWindow *self)
{
  g_autofree char *choice = g_settings_get_string (self->settings, "paper-size");

  g_assert (MBC_IS_WINDOW (self));

  if (strcmp (choice, "a4") == 0)
    return MBC_PAPER_A4;
  if (strcmp (choice, "letter") == 0)
    return MBC_PAPER_LETTER;
  return mbc_paper_from_locale ();
}

/* The case's file name without ".json", or its title: what exported names start with. */
static char *
report_case_name (MbcWindow *self)
{
  g_autofree char *title = mbc_document_get_title (self->document);

  g_assert (MBC_IS_WINDOW (self));

  return g_str_has_suffix (title, ".json") ? g_strndup (title, strlen (title) - 5)
                                           : g_strdup (title);
}

/* The report's name without its extension: "<case file or title> report". */
static char *
report_base_name (MbcWindow *self)
{
  g_autofree char *base = report_case_name (self);
  /* TRANSLATORS: the name proposed for a case's report, without ".pdf" */
  char *name = g_strdup_printf (_("%s report"), base);

  return g_strdelimit (name, "/\\:", '-');
}

static void
report_launched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MbcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  done = gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error);
  /* Closing the "open with" chooser is not an error. */
  done = done || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  done = g_app_info_launch_default_for_uri_finish (result, &error);
#endif
  if (!done)
    _mbc_window_show_error_dialog (self, _("The Report Could Not Be Opened"), error->message);
}

/* Opens @file in the application the desktop chooses for it. */
static void
report_open_file (MbcWindow *self,
                  GFile     *file)
{
  g_assert (MBC_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
    gtk_file_launcher_launch (launcher, GTK_WINDOW (self), NULL, report_launched_cb,
                              g_object_ref (self));
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_autoptr(GAppLaunchContext) context = G_APP_LAUNCH_CONTEXT (
      gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
    g_app_info_launch_default_for_uri_async (uri, context, NULL, report_launched_cb,
                                             g_object_ref (self));
  }
#endif
}

static void
report_toast_open_cb (MbcWindow *self,
                      AdwToast  *toast)
{
  g_assert (MBC_IS_WINDOW (self));

  report_open_file (self, g_object_get_data (G_OBJECT (toast), "mbc-file"));
}

/**
 * _mbc_window_toast_file:
 * @text: what was done
 * @file: the file it was done to, which the toast's Open button opens
 *
 * A toast, shown until dismissed, with a button that opens @file.
 */
void
_mbc_window_toast_file (MbcWindow  *self,
                        const char *text,
                        GFile      *file)
{
  AdwToast *toast = adw_toast_new (text);

  g_assert (MBC_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  adw_toast_set_timeout (toast, 0);    /* until dismissed: it matters */
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "mbc-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (report_toast_open_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

static MbcReport *
report_new_report (MbcWindow *self)
{
  MbcResult *result = mbc_result_view_get_result (MBC_RESULT_VIEW (self->results));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert (MBC_IS_WINDOW (self));

  if (result == NULL)
    return NULL;
  /* The case as entered, as the form shows it (a value with a problem printed with its
   * problem); the result is of its evaluable copy, as the results show it. */
  return mbc_report_new (self->kase, result, now);
}

/**
 * mbc_window_export_report:
 * @file: where to write the PDF, atomically
 *
 * Returns: %TRUE when written; otherwise a dialog names the file and the cause.
 */
gboolean
mbc_window_export_report (MbcWindow *self,
                          GFile     *file)
{
  g_autoptr(MbcReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);

  report = report_new_report (self);
  if (report == NULL)
    return FALSE;
  if (!mbc_report_write_pdf (report, file, report_paper (self), &error))
    {
      _mbc_window_show_error_dialog (self, _("The Report Could Not Be Saved"), error->message);
      return FALSE;
    }
  _mbc_window_remember_file (self, file);
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *text = g_strdup_printf (_("Report exported as “%s”"), name);
    _mbc_window_toast_file (self, text, file);
  }
  return TRUE;
}

static void
report_export_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           MbcWindow       *self)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file)
    mbc_window_export_report (self, file);
  g_object_unref (self);
}

static void
report_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  GtkFileChooserNative *chooser = _mbc_window_new_chooser (self, _("Export Report"),
                                                           GTK_FILE_CHOOSER_ACTION_SAVE,
                                                           _("_Export"));
  g_autofree char *base = report_base_name (self);
  g_autofree char *name = g_strconcat (base, ".pdf", NULL);

  _mbc_window_add_filter (chooser, _("PDF documents"), "application/pdf", "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (report_export_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * mbc_window_export_fhir:
 * @file: where to write the FHIR R4 Bundle of the result, atomically, private to the user
 *
 * Returns: %TRUE when written; otherwise a dialog names the file and the cause.
 */
gboolean
mbc_window_export_fhir (MbcWindow *self,
                        GFile     *file)
{
  MbcResult *result;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;

  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);

  result = mbc_result_view_get_result (MBC_RESULT_VIEW (self->results));
  if (result == NULL)
    return FALSE;
  /* The result of the case's evaluable copy, as the results show it; the decision is the
   * case's. */
  bundle = mbc_fhir_result_to_json (result, self->kase, now);
  if (!mbc_file_write_atomic (file, bundle, strlen (bundle), MBC_FILE_PRIVATE_MODE, &error))
    {
      _mbc_window_show_error_dialog (self, _("The FHIR Result Could Not Be Saved"),
                                     error->message);
      return FALSE;
    }
  _mbc_window_remember_file (self, file);
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *text = g_strdup_printf (_("Result exported as FHIR in “%s”"), name);
    _mbc_window_toast_file (self, text, file);
  }
  return TRUE;
}

static void
report_export_fhir_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                MbcWindow       *self)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file)
    mbc_window_export_fhir (self, file);
  g_object_unref (self);
}

static void
report_export_fhir_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  GtkFileChooserNative *chooser = _mbc_window_new_chooser (self, _("Export FHIR"),
                                                           GTK_FILE_CHOOSER_ACTION_SAVE,
                                                           _("_Export"));
  g_autofree char *base = report_case_name (self);
  /* TRANSLATORS: the name proposed for a case's result as FHIR */
  g_autofree char *name = g_strdelimit (g_strdup_printf (_("%s FHIR result.json"), base),
                                        "/\\:", '-');

  _mbc_window_add_filter (chooser, _("FHIR JSON"), "application/fhir+json", "json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (report_export_fhir_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
report_begin_print_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       MbcReport         *report)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint pages = mbc_report_paginate (report, pango, gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));

  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
report_draw_page_cb (GtkPrintOperation *operation,
                     GtkPrintContext   *context,
                     int                page,
                     MbcReport         *report)
{
  mbc_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

/**
 * mbc_window_print:
 * @action: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or EXPORT with @export_to
 * @export_to: (nullable): the PDF file GTK writes for EXPORT
 *
 * Prints the pages of the PDF report through GtkPrintOperation.
 */
void
mbc_window_print (MbcWindow               *self,
                  GtkPrintOperationAction  action,
                  const char              *export_to)
{
  g_autoptr(MbcReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GError) error = NULL;
  GtkPaperSize *size;

  g_return_if_fail (MBC_IS_WINDOW (self));

  report = report_new_report (self);
  if (report == NULL)
    return;
  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  size = gtk_paper_size_new (report_paper (self) == MBC_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                              : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_paper_size_free (size);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report keeps its own margins, from the paper's edge. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("MBC Surgery Advisor report"));
  /* "Print to File" proposes the report's name, beside the case's file when it has one. */
  {
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    g_autofree char *base = report_base_name (self);
    GFile *case_file = mbc_document_get_file (self->document);
    g_autoptr(GFile) folder = case_file ? g_file_get_parent (case_file) : NULL;

    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, base);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
    if (folder)
      {
        g_autofree char *name = g_strconcat (base, ".pdf", NULL);
        g_autoptr(GFile) output = g_file_get_child_for_display_name (folder, name, NULL);
        g_autofree char *uri = output ? g_file_get_uri (output) : NULL;

        if (uri)
          gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      }
    gtk_print_operation_set_print_settings (operation, settings);
  }
  if (export_to)
    gtk_print_operation_set_export_filename (operation, export_to);
  g_signal_connect (operation, "begin-print", G_CALLBACK (report_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (report_draw_page_cb), report);
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    _mbc_window_show_error_dialog (self, _("The Report Could Not Be Printed"), error->message);
}

static void
report_print_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mbc_window_print (MBC_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/**
 * _mbc_window_class_add_report_actions:
 *
 * Installs win.export-report, win.export-fhir and win.print.
 */
void
_mbc_window_class_add_report_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, report_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-fhir", NULL,
                                   report_export_fhir_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, report_print_action);
}
