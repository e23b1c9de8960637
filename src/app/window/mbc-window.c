/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcWindow: the form on one side, the recommendation on the other, recomputed on every
 * change of the case. Fields with a problem are left out of the evaluation (they read as
 * unknown) while the form says what is wrong with them.
 */
#define G_LOG_DOMAIN "mbc-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include <adwaita.h>

#include "mbc-adaptive-layout.h"
#include "mbc-application.h"
#include "mbc-case-form.h"
#include "mbc-document.h"
#include "mbc-evaluator.h"
#include "mbc-library-dialog.h"
#include "mbc-presenter-window.h"
#include "mbc-problem.h"
#include "mbc-report.h"
#include "mbc-result-view.h"
#include "mbc-tooltip.h"
#include "mbc-window.h"
#include "mbc-window-private.h"


G_DEFINE_FINAL_TYPE (MbcWindow, mbc_window, ADW_TYPE_APPLICATION_WINDOW)

/* No guideline, no recommendation: say why instead of showing anything else. The icon is
 * set only now: it exists only as SVG, and loading the SVG renderer costs 8 MiB. */
static void
show_error (MbcWindow  *self,
            const char *message)
{
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->error_page), "dialog-error-symbolic");
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), message);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
}

/* The summary bar is shown when the layout is stacked and there is a result. */
static void
layout_stacked_cb (MbcWindow *self)
{
  gboolean stacked = mbc_adaptive_layout_get_stacked (MBC_ADAPTIVE_LAYOUT (self->layout));
  const char *heading = gtk_label_get_text (GTK_LABEL (self->summary_heading));

  gtk_widget_set_visible (self->summary_bar, stacked && g_strcmp0 (heading, "") != 0);
}

/* The bar above the stacked layout: the result's dated heading and the note under it. */
static void
update_summary_bar (MbcWindow *self,
                    MbcResult *result)
{
  const MbcEvidence *evidence = mbc_guideline_get_evidence (mbc_result_get_guideline (result));
  g_autofree char *name = g_strdup_printf (_("%s. Go to the result"),
                                           mbc_result_get_heading (result));

  gtk_label_set_text (GTK_LABEL (self->summary_heading), mbc_result_get_heading (result));
  gtk_label_set_text (GTK_LABEL (self->summary_evidence), evidence->line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  layout_stacked_cb (self);
}

static void
update (MbcWindow *self)
{
  g_autoptr(MbcCase) evaluable = NULL;
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (self->evaluator == NULL)
    return;
  evaluable = mbc_case_copy_evaluable (self->kase);
  start = g_get_monotonic_time ();
  result = mbc_evaluator_evaluate (self->evaluator, evaluable, &error);
  self->last_evaluation_us = g_get_monotonic_time () - start;
  if (result == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* "What would change this" is among the sections built after the first frame: found once
   * they are there (see results_complete_cb). */
  if (mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    changes = mbc_evaluator_what_would_change (self->evaluator, evaluable, result);
  mbc_result_view_set_result (MBC_RESULT_VIEW (self->results), result, changes);
  update_summary_bar (self, result);
}

/* The summary bar goes to the result, below the form when stacked. */
static void
summary_bar_clicked_cb (MbcWindow *self)
{
  graphene_point_t point;

  if (gtk_widget_compute_point (self->results, self->columns, &GRAPHENE_POINT_INIT (0, 0),
                                &point))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
      gtk_adjustment_set_value (adjustment, point.y);
    }
}

/* The primary menu's popover is built when first opened, not with the window. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  MbcWindow *self = user_data;
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static GtkWidget *
header_button (MbcWindow  *self,
               const char *icon,
               const char *action,
               const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  mbc_tooltip_set_text (button, name);
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header_bar), button);
  return button;
}

static void
results_complete_cb (MbcWindow *self)
{
  /* Open and the library, quick to reach beside the menu, once the first screen is up:
   * they are not needed for it, and cost a tenth of the time it takes. */
  if (self->open_button == NULL && mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    {
      self->open_button = header_button (self, "document-open-symbolic", "win.open",
                                         _("Open a Case"));
      self->library_button = header_button (self, "view-list-bullet-symbolic", "win.library",
                                            _("Case Library"));
    }
  if (mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    update (self);
}

static void
focus_field_cb (MbcResultView *view,
                guint          field,
                MbcWindow     *self)
{
  GtkWidget *control = mbc_case_form_get_control (MBC_CASE_FORM (self->form), field);

  mbc_case_form_focus_field (MBC_CASE_FORM (self->form), field);
  /* In the stacked layout the form is above: bring the field into view. */
  if (control)
    {
      graphene_point_t point;
      if (gtk_widget_compute_point (control, self->columns, &GRAPHENE_POINT_INIT (0, 0), &point))
        {
          GtkAdjustment *adjustment =
            gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
          gtk_adjustment_clamp_page (adjustment, point.y, point.y + 60);
        }
    }
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  mbc_case_reset (self->kase);
}

/* The shortcuts window is built when first asked for: GtkApplication would build one for
 * every window as it opens if it were at gtk/help-overlay.ui. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/mbc-shortcuts-window.ui");
      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

/* --- The document: title, unsaved changes, files --------------------------------------- */

static void
update_title (MbcWindow *self)
{
  g_autofree char *name = mbc_document_get_title (self->document);
  gboolean modified = mbc_document_get_modified (self->document);
  g_autofree char *title = g_strdup_printf (_("%s%s — MBC Surgery Advisor"), modified ? "• " : "",
                                            name);

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), name);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title),
                                 modified ? "Unsaved changes" : "MBC Surgery Advisor");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_mbc_window_show_error_dialog (MbcWindow  *self,
                               const char *heading,
                               const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file is known to the recent files, and its folder is where the next chooser opens. */
void
_mbc_window_remember_file (MbcWindow *self,
                           GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (MBC_IS_APPLICATION (app) && folder)
    mbc_application_set_last_folder (MBC_APPLICATION (app), folder);
}

typedef void (*Then) (MbcWindow *self,
                      gpointer   data);

typedef struct
{
  MbcWindow      *self;
  Then            then;
  gpointer        data;
  GDestroyNotify  destroy;
} Pending;

static Pending *
pending_new (MbcWindow      *self,
             Then            then,
             gpointer        data,
             GDestroyNotify  destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->then = then;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

static void
pending_free (Pending *pending)
{
  if (pending->destroy)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
pending_run (Pending *pending)
{
  if (pending->then)
    pending->then (pending->self, pending->data);
  pending_free (pending);
}

static void
add_case_filter (GtkFileChooserNative *chooser)
{
  /* The chooser takes a reference of its own: this one is ours to drop. */
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Case files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

GtkFileChooserNative *
_mbc_window_new_chooser (MbcWindow            *self,
                         const char           *title,
                         GtkFileChooserAction  action,
                         const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) folder = MBC_IS_APPLICATION (app)
                            ? mbc_application_dup_last_folder (MBC_APPLICATION (app)) : NULL;

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  return chooser;
}

/* The file a native chooser gave (or %NULL if cancelled); the chooser is done with. */
GFile *
_mbc_window_chooser_take_file (GtkNativeDialog *chooser,
                               int              response)
{
  GFile *file = response == GTK_RESPONSE_ACCEPT
                ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  g_object_unref (chooser);
  return file;
}

/**
 * mbc_window_save_to:
 * @file: where to save the case, atomically
 *
 * Returns: %TRUE when saved; otherwise a dialog names the file and the cause.
 */
gboolean
mbc_window_save_to (MbcWindow *self,
                    GFile     *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);

  if (!mbc_document_save (self->document, file, &error))
    {
      _mbc_window_show_error_dialog (self, _("The Case Could Not Be Saved"), error->message);
      return FALSE;
    }
  _mbc_window_remember_file (self, file);
  return TRUE;
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Pending         *pending)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file && mbc_window_save_to (pending->self, file))
    pending_run (pending);
  else
    pending_free (pending);
}

/* Asks where, saves, and then (if saved) goes on with @pending. */
static void
save_as (MbcWindow *self,
         Pending   *pending)
{
  GtkFileChooserNative *chooser = _mbc_window_new_chooser (self, _("Save Case As"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               "_Save");
  g_autofree char *title = mbc_document_get_title (self->document);
  g_autofree char *name = g_str_has_suffix (title, ".json") ? g_strdup (title)
                                                            : g_strdup_printf (_("%s.json"), title);

  g_strdelimit (name, "/\\:", '-');
  add_case_filter (chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves where the case came from, or asks where; then goes on with @pending. */
static void
save (MbcWindow *self,
      Pending   *pending)
{
  GFile *file = mbc_document_get_file (self->document);

  if (file == NULL)
    save_as (self, pending);
  else if (mbc_window_save_to (self, file))
    pending_run (pending);
  else
    pending_free (pending);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Pending          *pending)
{
  /* Once: closing the dialog after a button would answer again with "cancel". */
  g_signal_handlers_disconnect_by_func (dialog, confirm_response_cb, pending);
  if (g_strcmp0 (response, "save") == 0)
    save (pending->self, pending);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      mbc_document_discard_draft (pending->self->document);
      pending_run (pending);
    }
  else
    pending_free (pending);
}

/* Goes on with @then at once when nothing is unsaved; otherwise asks first whether to save
 * the changes, discard them, or not go on. */
static void
confirm_discard (MbcWindow      *self,
                 Then            then,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  Pending *pending = pending_new (self, then, data, destroy);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!mbc_document_get_modified (self->document))
    {
      pending_run (pending);
      return;
    }
  name = mbc_document_get_title (self->document);
  body = g_strdup_printf (_("“%s” has changes that are not saved. If you do not save them, "
                          "they are lost."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "discard", _("Discard"), "save", _("Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file_then (MbcWindow *self,
                gpointer   data)
{
  mbc_window_open_file (self, data);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  MbcWindow       *self)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file)
    mbc_window_open_file (self, file);
  g_object_unref (self);
}

static void
choose_file_to_open (MbcWindow *self,
                     gpointer   data)
{
  GtkFileChooserNative *chooser = _mbc_window_new_chooser (self, _("Open Case"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               "_Open");

  add_case_filter (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  confirm_discard (MBC_WINDOW (widget), choose_file_to_open, NULL, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  save (self, pending_new (self, NULL, NULL, NULL));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  save_as (self, pending_new (self, NULL, NULL, NULL));
}

/* --- The case library --------------------------------------------------------------------- */

static void
library_case_then (MbcWindow *self,
                   gpointer   data)
{
  mbc_window_open_library_case (self, data);
}

static void
case_chosen_cb (MbcLibraryDialog *dialog,
                MbcLibraryCase   *entry,
                MbcWindow        *self)
{
  confirm_discard (self, library_case_then, entry, NULL);
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

/**
 * mbc_window_show_library:
 *
 * Returns: (transfer none) (nullable): the library dialog shown, or %NULL when the library
 *   could not be read (a dialog says why).
 */
GtkWidget *
mbc_window_show_library (MbcWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);

  /* The library is shown against the guideline, which names its tiers and sources. */
  if (self->guideline == NULL)
    return NULL;
  if (self->library == NULL && !(self->library = mbc_library_load (&error)))
    {
      _mbc_window_show_error_dialog (self, _("The Case Library Could Not Be Read"), error->message);
      return NULL;
    }
  dialog = mbc_library_dialog_new (GTK_WINDOW (self), self->guideline, self->library);
  g_signal_connect_object (dialog, "case-chosen", G_CALLBACK (case_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
library_action (GtkWidget  *widget,
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
  g_autoptr(GError) error = NULL;
  GtkWidget *presenter;

  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);

  if (self->guideline == NULL)
    return NULL;
  if (self->library == NULL && !(self->library = mbc_library_load (&error)))
    {
      _mbc_window_show_error_dialog (self, _("The Case Library Could Not Be Read"), error->message);
      return NULL;
    }
  presenter = mbc_presenter_window_new (self->guideline, self->library);
  if (MBC_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    mbc_presenter_window_set_hide_counts (
      MBC_PRESENTER_WINDOW (presenter),
      mbc_application_get_hide_counts (MBC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))));
  gtk_window_set_transient_for (GTK_WINDOW (presenter), GTK_WINDOW (self));
  if (fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (presenter));
  gtk_window_present (GTK_WINDOW (presenter));
  return presenter;
}

static void
teaching_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  mbc_window_show_teaching (MBC_WINDOW (widget), TRUE);
}

/* --- Drafts, drops, closing ---------------------------------------------------------------- */

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MbcWindow        *self)
{
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (dialog, restore_response_cb, self);
  if (g_strcmp0 (response, "restore") != 0)
    mbc_document_discard_draft (self->document);
  else if (!mbc_document_restore_draft (self->document, &error))
    {
      _mbc_window_show_error_dialog (self, _("The Draft Could Not Be Restored"), error->message);
      mbc_document_discard_draft (self->document);
    }
}

/**
 * mbc_window_keep_draft:
 * @draft: where this window keeps the draft of the case being edited
 *
 * If a draft is already there, MBC Surgery Advisor did not close properly while a case had
 * unsaved changes: the window offers to restore it.
 *
 * Returns: whether a draft was there (and is offered).
 */
gboolean
mbc_window_keep_draft (MbcWindow *self,
                       GFile     *draft)
{
  GtkWidget *dialog;

  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);

  mbc_document_set_draft (self->document, draft);
  if (!g_file_query_exists (draft, NULL))
    return FALSE;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Case?"),
                                   _("MBC Surgery Advisor did not close properly while a case had "
                                   "unsaved changes. They were kept on this computer."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("Discard"),
                                    "restore", _("Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MbcWindow     *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  confirm_discard (self, open_file_then, g_object_ref (files->data), g_object_unref);
  return TRUE;
}

static void
destroy_then (MbcWindow *self,
              gpointer   data)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (MbcWindow *self)
{
  if (!mbc_document_get_modified (self->document))
    {
      mbc_document_discard_draft (self->document);
      return FALSE;
    }
  confirm_discard (self, destroy_then, NULL, NULL);
  return TRUE;
}

static void
mbc_window_dispose (GObject *object)
{
  MbcWindow *self = MBC_WINDOW (object);

  if (self->kase)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_WINDOW);
  g_clear_object (&self->evaluator);
  g_clear_object (&self->guideline);
  g_clear_object (&self->document);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  G_OBJECT_CLASS (mbc_window_parent_class)->dispose (object);
}

static void
mbc_window_class_init (MbcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_window_dispose;

  g_type_ensure (MBC_TYPE_ADAPTIVE_LAYOUT);
  g_type_ensure (MBC_TYPE_CASE_FORM);
  g_type_ensure (MBC_TYPE_RESULT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mbc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, form);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, results);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, summary_bar);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, summary_heading);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, summary_evidence);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, layout);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, window_title);

  /* Ctrl+R and Ctrl+? are set by the application, so the menu shows them. */
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.library", NULL, library_action);
  gtk_widget_class_install_action (widget_class, "win.teaching", NULL, teaching_action);
  _mbc_window_class_add_report_actions (widget_class);
}

static void
mbc_window_init (MbcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kase = mbc_case_form_get_case (MBC_CASE_FORM (self->form));
  g_signal_connect_swapped (self->kase, "changed", G_CALLBACK (update), self);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_menu, self,
                                         NULL);
  /* Tooltips given when asked for (see mbc-tooltip.c), not set in the template. */
  mbc_tooltip_set_text (self->menu_button, _("Main Menu"));
  g_signal_connect (self->results, "focus-field", G_CALLBACK (focus_field_cb), self);
  g_signal_connect_swapped (self->layout, "notify::stacked", G_CALLBACK (layout_stacked_cb),
                            self);
  g_signal_connect_swapped (self->summary_bar, "clicked", G_CALLBACK (summary_bar_clicked_cb),
                            self);
  g_signal_connect_swapped (self->results, "notify::complete", G_CALLBACK (results_complete_cb),
                            self);

  self->document = mbc_document_new (self->kase, NULL);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
}

/**
 * mbc_window_new:
 * @app: the application
 * @guideline: (nullable): the guideline to use, or %NULL with @error_message
 * @error_message: (nullable): why the guideline could not be loaded
 */
MbcWindow *
mbc_window_new (GtkApplication *app,
                MbcGuideline   *guideline,
                const char     *error_message)
{
  MbcWindow *self = g_object_new (MBC_TYPE_WINDOW, "application", app, NULL);

  if (guideline == NULL)
    {
      show_error (self, error_message);
      return self;
    }
  self->guideline = g_object_ref (guideline);
  self->evaluator = mbc_evaluator_new (guideline);
  update (self);
  return self;
}

MbcCase *
mbc_window_get_case (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->kase;
}

GtkWidget *
mbc_window_get_form (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->form;
}

GtkWidget *
mbc_window_get_result_view (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->results;
}

/* Whether the form and the results have every section built (see MbcCaseForm:complete). */
gboolean
mbc_window_get_complete (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);
  return mbc_case_form_get_complete (MBC_CASE_FORM (self->form)) &&
         (self->guideline == NULL ||
          mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)));
}

gint64
mbc_window_get_last_evaluation_us (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), 0);
  return self->last_evaluation_us;
}

/* @details, when given, is a list shown left-aligned and scrollable under @body. */
static void
show_problems_dialog (MbcWindow  *self,
                      GFile      *file,
                      const char *body,
                      const char *details)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  if (details)
    {
      GtkWidget *label = gtk_label_new (details);
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mbc_window_open_file:
 *
 * Shows the case in @file; an unreadable or invalid file gives a dialog listing every
 * problem, and the form keeps what it had.
 */
void
mbc_window_open_file (MbcWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();

  g_return_if_fail (MBC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!mbc_document_load (self->document, file, problems, &error))
    {
      g_autoptr(GString) details = g_string_new (NULL);
      g_autofree char *body = NULL;

      if (error)
        {
          show_problems_dialog (self, file, error->message, NULL);
          return;
        }
      body = g_strdup_printf (_("It is not a valid case file. %u problem%s:"),
                              problems->len, problems->len == 1 ? "" : "s");
      for (guint i = 0; i < problems->len; i++)
        {
          const MbcProblem *p = g_ptr_array_index (problems, i);
          g_string_append_printf (details, "%s• %s: %s", i ? "\n" : "", p->where, p->message);
        }
      show_problems_dialog (self, file, body, details->str);
      return;
    }
  _mbc_window_remember_file (self, file);
}

MbcDocument *
mbc_window_get_document (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->document;
}
