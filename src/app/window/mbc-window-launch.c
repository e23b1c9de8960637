/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the window opens beside itself: the case library (a teaching case opens into the
 * window, after asking about unsaved changes) and teaching mode.
 */
#define G_LOG_DOMAIN "mbc-window"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "mbc-cohort-window.h"
#include "mbc-library-dialog.h"
#include "mbc-presenter-window.h"
#include "mbc-window.h"
#include "mbc-window-private.h"

/* --- A cohort ------------------------------------------------------------------------------ */

typedef struct
{
  MbcCase *kase;
  char    *title;
} Copy;

static void
launch_copy_free (gpointer data)
{
  Copy *copy = data;
  g_object_unref (copy->kase);
  g_free (copy->title);
  g_free (copy);
}

static void
launch_copy_then (MbcWindow *self,
                  gpointer   data)
{
  Copy *copy = data;

  g_assert (MBC_IS_WINDOW (self));
  mbc_document_load_copy (self->document, copy->kase, copy->title);
  gtk_window_present (GTK_WINDOW (self));
}

/* A row of the cohort opens a copy here (never its file), after asking about unsaved
 * changes; it is named by its row, never by anything of the patient's. */
static void
launch_cohort_case_cb (MbcCohortWindow *cohort,
                       MbcCase         *kase,
                       guint            line,
                       MbcWindow       *self)
{
  Copy *copy = g_new0 (Copy, 1);
  const char *name = gtk_window_get_title (GTK_WINDOW (cohort));

  g_assert (MBC_IS_WINDOW (self));
  copy->kase = g_object_ref (kase);
  copy->title = g_strdup_printf (_("Row %u of %s"), line, name ? name : "");
  _mbc_window_confirm_discard (self, launch_copy_then, copy, launch_copy_free);
}

/**
 * mbc_window_open_cohort:
 * @file: a cohort (CSV, or JSON Lines)
 *
 * Returns: (transfer none): the cohort window, evaluating @file
 */
GtkWidget *
mbc_window_open_cohort (MbcWindow *self,
                        GFile     *file)
{
  GtkWidget *cohort;

  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->guideline != NULL, NULL);

  cohort = mbc_cohort_window_new (GTK_WINDOW (self), self->guideline);
  g_signal_connect_object (cohort, "case-chosen", G_CALLBACK (launch_cohort_case_cb), self, 0);
  gtk_window_present (GTK_WINDOW (cohort));
  mbc_cohort_window_open (MBC_COHORT_WINDOW (cohort), file);
  return cohort;
}

static void
launch_cohort_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           MbcWindow       *self)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file)
    mbc_window_open_cohort (self, file);
  g_object_unref (self);
}

static void
launch_cohort_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  GtkFileChooserNative *chooser = _mbc_window_new_chooser (self, _("Open Cohort"),
                                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                                           _("_Open"));

  if (self->guideline == NULL)
    return;
  _mbc_window_add_filter (chooser, _("Cohorts (CSV)"), "text/csv", "csv");
  _mbc_window_add_filter (chooser, _("Cohorts (JSON Lines)"), "application/jsonl", "jsonl");
  g_signal_connect (chooser, "response", G_CALLBACK (launch_cohort_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- The case library --------------------------------------------------------------------- */

static void
launch_library_case_then (MbcWindow *self,
                          gpointer   data)
{
  g_assert (MBC_IS_WINDOW (self));

  mbc_window_open_library_case (self, data);
}

static void
launch_case_chosen_cb (MbcLibraryDialog *dialog,
                       MbcLibraryCase   *entry,
                       MbcWindow        *self)
{
  g_assert (MBC_IS_LIBRARY_DIALOG (dialog));

  _mbc_window_confirm_discard (self, launch_library_case_then, entry, NULL);
}

/**
 * mbc_window_open_library_case:
 *
 * Shows a copy of a teaching case (it has no file: saving asks where).
 */
void
mbc_window_open_library_case (MbcWindow      *self,
                              MbcLibraryCase *entry)
{
  g_return_if_fail (MBC_IS_WINDOW (self));
  mbc_document_load_library (self->document, entry);
}

/* The library, read when first needed; if it cannot be, a dialog says why. */
static gboolean
launch_ensure_library (MbcWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (MBC_IS_WINDOW (self));

  if (self->library == NULL && !(self->library = mbc_library_load (&error)))
    {
      _mbc_window_show_error_dialog (self, _("The Case Library Could Not Be Read"),
                                     error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * mbc_window_show_library:
 *
 * Returns: (transfer none) (nullable): the library dialog shown, or %NULL when the library
 *   could not be read (a dialog says why).
 */
GtkWidget *
mbc_window_show_library (MbcWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);

  /* The library is shown against the guideline, which names its tiers and sources. */
  if (self->guideline == NULL)
    return NULL;
  if (!launch_ensure_library (self))
    return NULL;
  /* While teaching mode is on, the answers are the room's to give: not shown. */
  dialog = mbc_library_dialog_new (GTK_WINDOW (self), self->guideline, self->library,
                                   self->presenter == NULL);
  g_signal_connect_object (dialog, "case-chosen", G_CALLBACK (launch_case_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
launch_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  mbc_window_show_library (MBC_WINDOW (widget));
}

/* --- Teaching mode ----------------------------------------------------------------------- */

/**
 * mbc_window_show_teaching:
 * @fullscreen: whether to fill the screen (as for a projector)
 *
 * Returns: (transfer none) (nullable): the teaching-mode window, or %NULL without a
 *   guideline or a library (a dialog says why).
 */
GtkWidget *
mbc_window_show_teaching (MbcWindow *self,
                          gboolean   fullscreen)
{
  GtkWidget *presenter;

  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);

  if (self->guideline == NULL)
    return NULL;
  if (!launch_ensure_library (self))
    return NULL;
  presenter = mbc_presenter_window_new (self->guideline, self->library);
  /* The preference sets where each session starts; H in a session leaves it as it is. */
  g_settings_bind (self->settings, "teaching-hide-counts", presenter, "hide-counts",
                   G_SETTINGS_BIND_GET);
  gtk_window_set_transient_for (GTK_WINDOW (presenter), GTK_WINDOW (self));
  g_set_weak_pointer (&self->presenter, presenter);
  if (fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (presenter));
  gtk_window_present (GTK_WINDOW (presenter));
  return presenter;
}

static void
launch_teaching_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  mbc_window_show_teaching (MBC_WINDOW (widget), TRUE);
}


void
_mbc_window_class_add_launch_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.library", NULL, launch_library_action);
  gtk_widget_class_install_action (widget_class, "win.open-cohort", NULL, launch_cohort_action);
  gtk_widget_class_install_action (widget_class, "win.teaching", NULL, launch_teaching_action);
}
