/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window's report: exported as a PDF through the file chooser, or printed through
 * GtkPrintOperation; both are the pages of MbcReport, of the case as entered and its result.
 */
#define G_LOG_DOMAIN "mbc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mbc-document.h"
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
  g_autofree char *title = mbc_document_get_title (self->document);
  g_autofree char *base = g_str_has_suffix (title, ".json")
                          ? g_strndup (title, strlen (title) - 5) : g_strdup (title);
  g_autofree char *name = g_strdup_printf (_("%s report.pdf"), base);

  g_strdelimit (name, "/\\:", '-');
  _mbc_window_add_filter (chooser, _("PDF documents"), "application/pdf", "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (report_export_response_cb),
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
 * Installs win.export-report and win.print.
 */
void
_mbc_window_class_add_report_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, report_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, report_print_action);
}
