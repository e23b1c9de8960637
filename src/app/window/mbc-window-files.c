/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window's files: the choosers, opening and saving a case (asking first about unsaved
 * changes), files dropped on the window, the draft kept for after a crash, and closing.
 */
#define G_LOG_DOMAIN "mbc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <adwaita.h>

#include "mbc-case-form.h"
#include "mbc-document.h"
#include "mbc-fhir.h"
#include "mbc-file.h"
#include "mbc-problem.h"
#include "mbc-window.h"
#include "mbc-window-private.h"

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
  g_autofree char *folder_uri = folder ? g_file_get_uri (folder) : NULL;

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (folder_uri)
    g_settings_set_string (self->settings, "last-folder", folder_uri);
}

typedef struct
{
  MbcWindow      *self;
  MbcWindowThen   then;
  gpointer        data;
  GDestroyNotify  destroy;
} Pending;

static Pending *
files_pending_new (MbcWindow      *self,
                   MbcWindowThen   then,
                   gpointer        data,
                   GDestroyNotify  destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  g_assert (MBC_IS_WINDOW (self));

  pending->self = g_object_ref (self);
  pending->then = then;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

static void
files_pending_free (Pending *pending)
{
  if (pending->destroy)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
files_pending_run (Pending *pending)
{
  if (pending->then)
    pending->then (pending->self, pending->data);
  files_pending_free (pending);
}

/* The chooser shows files of one type (@mime_type, or named *.@suffix). */
void
_mbc_window_add_filter (GtkFileChooserNative *chooser,
                        const char           *name,
                        const char           *mime_type,
                        const char           *suffix)
{
  /* The chooser takes a reference of its own: this one is ours to drop. */
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_assert (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

static void
files_add_case_filter (GtkFileChooserNative *chooser)
{
  _mbc_window_add_filter (chooser, _("Case files (JSON)"), "application/json", "json");
}

GtkFileChooserNative *
_mbc_window_new_chooser (MbcWindow            *self,
                         const char           *title,
                         GtkFileChooserAction  action,
                         const char           *accept)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));
  g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (*uri)
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (uri);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
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

static gboolean files_save_or_ask (MbcWindow *self,
                                   GFile     *file,
                                   Pending   *pending);

/* Saves @file (even if it changed on disk, with @overwrite); a dialog says why not. */
static gboolean
files_save_to (MbcWindow *self,
               GFile     *file,
               gboolean   overwrite,
               GError   **error)
{
  g_assert (MBC_IS_WINDOW (self));

  if (!mbc_document_save (self->document, file, overwrite, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        _mbc_window_show_error_dialog (self, _("The Case Could Not Be Saved"),
                                       (*error)->message);
      return FALSE;
    }
  _mbc_window_remember_file (self, file);
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    _mbc_window_toast_brief (self, text);
  }
  return TRUE;
}

/**
 * mbc_window_save_to:
 * @file: where to save the case, atomically
 *
 * Returns: %TRUE when saved; otherwise a dialog names the file and the cause (or, when the
 *   file changed on disk since it was opened or saved here, asks whether to overwrite it).
 */
gboolean
mbc_window_save_to (MbcWindow *self,
                    GFile     *file)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);

  return files_save_or_ask (self, file, files_pending_new (self, NULL, NULL, NULL));
}

static void
files_overwrite_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             Pending          *pending)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "mbc-file");
  g_autoptr(GError) error = NULL;

  /* Once: closing the dialog after a button would answer again with "cancel". */
  g_signal_handlers_disconnect_by_func (dialog, files_overwrite_response_cb, pending);
  if (g_strcmp0 (response, "overwrite") == 0 && files_save_to (pending->self, file, TRUE, &error))
    files_pending_run (pending);
  else
    files_pending_free (pending);
}

/* Saves @file and goes on with @pending; if the file changed on disk since it was opened
 * or saved here, asks first whether to overwrite those changes. Returns whether it saved
 * at once. */
static gboolean
files_save_or_ask (MbcWindow *self,
                   GFile     *file,
                   Pending   *pending)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_assert (MBC_IS_WINDOW (self));

  if (files_save_to (self, file, FALSE, &error))
    {
      files_pending_run (pending);
      return TRUE;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      files_pending_free (pending);
      return FALSE;
    }
  name = g_file_get_basename (file);
  body = g_strdup_printf (_("“%s” was changed by another window or program since it was "
                            "opened or saved here. Saving replaces those changes."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Has Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("Cancel"),
                                    "overwrite", _("Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "mbc-file", g_object_ref (file), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (files_overwrite_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
files_save_as_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           Pending         *pending)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file)
    files_save_or_ask (pending->self, file, pending);
  else
    files_pending_free (pending);
}

/**
 * _mbc_window_proposed_name:
 *
 * Returns: (transfer full): the name Save As proposes: the file's, or else the case's label
 *   (the label that must not identify the patient), or else the title ("New Case"), as a
 *   .json file name without path separators.
 */
char *
_mbc_window_proposed_name (MbcWindow *self)
{
  g_autofree char *title = NULL;
  char *name;

  if (mbc_document_get_file (self->document) == NULL &&
      mbc_case_is_known (self->kase, MBC_CASE_FIELD_LABEL))
    g_object_get (self->kase, "label", &title, NULL);
  if (title == NULL || *g_strstrip (title) == '\0')
    {
      g_free (title);
      title = mbc_document_get_title (self->document);
    }
  name = g_str_has_suffix (title, ".json") ? g_strdup (title)
                                           : g_strdup_printf (_("%s.json"), title);
  g_strdelimit (name, "/\\:", '-');
  return name;
}

/* Asks where, saves, and then (if saved) goes on with @pending. */
static void
files_save_as (MbcWindow *self,
               Pending   *pending)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (MBC_IS_WINDOW (self));

  /* A value the case file cannot hold (an age of 15) is said before a name is chosen. */
  if (!mbc_document_check_savable (self->document, &error))
    {
      _mbc_window_show_error_dialog (self, _("The Case Could Not Be Saved"), error->message);
      files_pending_free (pending);
      return;
    }
  chooser = _mbc_window_new_chooser (self, _("Save Case As"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                     _("_Save"));
  name = _mbc_window_proposed_name (self);
  files_add_case_filter (chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (files_save_as_response_cb), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves where the case came from, or asks where; then goes on with @pending. */
static void
files_save (MbcWindow *self,
            Pending   *pending)
{
  GFile *file = mbc_document_get_file (self->document);

  g_assert (MBC_IS_WINDOW (self));

  if (file == NULL)
    files_save_as (self, pending);
  else
    files_save_or_ask (self, file, pending);
}

static void
files_confirm_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           Pending          *pending)
{
  /* Once: closing the dialog after a button would answer again with "cancel". */
  g_signal_handlers_disconnect_by_func (dialog, files_confirm_response_cb, pending);
  if (g_strcmp0 (response, "save") == 0)
    files_save (pending->self, pending);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      mbc_document_discard_draft (pending->self->document);
      files_pending_run (pending);
    }
  else
    files_pending_free (pending);
}

/* Whether closing would lose work: changes not saved, unless they leave a new case empty
 * (a form just cleared has nothing to save). */
gboolean
_mbc_window_has_unsaved_work (MbcWindow *self)
{
  g_assert (MBC_IS_WINDOW (self));

  if (!mbc_document_get_modified (self->document))
    return FALSE;
  return mbc_document_get_file (self->document) != NULL || !mbc_case_is_empty (self->kase);
}

/* Goes on with @then at once when nothing is unsaved; otherwise asks first whether to save
 * the changes, discard them, or not go on. */
void
_mbc_window_confirm_discard (MbcWindow       *self,
                             MbcWindowThen    then,
                             gpointer         data,
                             GDestroyNotify   destroy)
{
  Pending *pending = files_pending_new (self, then, data, destroy);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!_mbc_window_has_unsaved_work (self))
    {
      files_pending_run (pending);
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
  g_signal_connect (dialog, "response", G_CALLBACK (files_confirm_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
files_open_file_then (MbcWindow *self,
                      gpointer   data)
{
  g_assert (MBC_IS_WINDOW (self));

  mbc_window_open_file (self, data);
}

static void
files_open_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        MbcWindow       *self)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file)
    mbc_window_open_file (self, file);
  g_object_unref (self);
}

static void
files_choose_file_to_open (MbcWindow *self,
                           gpointer   data)
{
  GtkFileChooserNative *chooser = _mbc_window_new_chooser (self, _("Open Case"),
                                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                                           _("_Open"));

  g_assert (MBC_IS_WINDOW (self));

  files_add_case_filter (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (files_open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
files_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _mbc_window_confirm_discard (MBC_WINDOW (widget), files_choose_file_to_open, NULL, NULL);
}

static void
files_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  files_save (self, files_pending_new (self, NULL, NULL, NULL));
}

static void
files_save_as_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  files_save_as (self, files_pending_new (self, NULL, NULL, NULL));
}

/* --- Drafts, drops, closing --------------------------------------------------------------- */

static void
files_restore_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           MbcWindow        *self)
{
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (dialog, files_restore_response_cb, self);
  if (g_strcmp0 (response, "restore") != 0)
    mbc_document_discard_draft (self->document);
  else if (!mbc_document_restore_draft (self->document, &error))
    /* Kept: a draft is deleted only when the person chooses to discard it. */
    _mbc_window_show_error_dialog (self, _("The Draft Could Not Be Restored"), error->message);
}

/* A toast that goes by itself: what was just done, as it should be. */
void
_mbc_window_toast_brief (MbcWindow  *self,
                         const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  g_assert (MBC_IS_WINDOW (self));

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

/* A toast: a message that needs no answer. */
void
_mbc_window_toast (MbcWindow  *self,
                   const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  g_assert (MBC_IS_WINDOW (self));

  adw_toast_set_timeout (toast, 0);    /* until dismissed: it matters */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

/* A draft that cannot be read is never offered, nor deleted: it is set aside beside it,
 * and the person told where. */
static void
files_set_draft_aside (MbcWindow *self,
                       GFile     *draft,
                       GError    *why)
{
  g_autofree char *path = g_file_get_path (draft);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.unreadable-%s", path, stamp);
  g_autofree char *text = NULL;

  g_assert (MBC_IS_WINDOW (self));

  if (path == NULL || g_rename (path, aside) != 0)
    text = g_strdup_printf (_("A draft of unsaved changes could not be read (%s); it was left "
                              "as it is"), why->message);
  else
    text = g_strdup_printf (_("A draft of unsaved changes could not be read (%s); it was kept "
                              "as %s"), why->message, aside);
  _mbc_window_toast (self, text);
}

/* The draft could not be written: said once, until it can be again. */
static void
files_draft_problem_cb (MbcWindow *self)
{
  const char *problem = mbc_document_get_draft_problem (self->document);
  g_autofree char *text = NULL;

  g_assert (MBC_IS_WINDOW (self));

  if (problem == NULL)
    return;
  text = g_strdup_printf (_("Unsaved changes cannot be kept as a draft: %s"), problem);
  _mbc_window_toast (self, text);
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
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *title = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);

  /* Another running instance's draft is live: it is neither offered nor taken. */
  if (!mbc_document_claim_draft (self->document, draft, &error))
    {
      g_message ("%s", error->message);
      return FALSE;
    }
  if (!g_file_query_exists (draft, NULL))
    return FALSE;
  if (!mbc_document_describe_draft (self->document, &title, &when, &error))
    {
      files_set_draft_aside (self, draft, error);
      return FALSE;
    }
  local = g_date_time_to_local (when);
  /* TRANSLATORS: when a draft was last written; see g_date_time_format() */
  stamp = g_date_time_format (local, _("%e %B %Y at %H:%M"));
  g_strstrip (stamp);
  body = g_strdup_printf (_("MBC Surgery Advisor did not close properly while “%s” had unsaved "
                            "changes. They were kept on this computer, as they were on %s."),
                          title, stamp);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Case?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("Discard"),
                                    "restore", _("Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (files_restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
files_drop_cb (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               MbcWindow     *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  /* A cohort opens in a window of its own: nothing of the case here is lost. */
  if (mbc_file_guess_kind_of (files->data) != MBC_FILE_KIND_CASE)
    {
      mbc_window_open_cohort (self, files->data);
      return TRUE;
    }
  _mbc_window_confirm_discard (self, files_open_file_then, g_object_ref (files->data),
                               g_object_unref);
  return TRUE;
}

static void
files_destroy_then (MbcWindow *self,
                    gpointer   data)
{
  g_assert (MBC_IS_WINDOW (self));

  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
files_close_request_cb (MbcWindow *self)
{
  g_assert (MBC_IS_WINDOW (self));

  if (!_mbc_window_has_unsaved_work (self))
    {
      mbc_document_discard_draft (self->document);
      return FALSE;
    }
  _mbc_window_confirm_discard (self, files_destroy_then, NULL, NULL);
  return TRUE;
}

/* @details, when given, is a list shown left-aligned and scrollable under @body. */
static void
files_show_problems_dialog (MbcWindow  *self,
                            GFile      *file,
                            const char *body,
                            const char *details)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  g_assert (MBC_IS_WINDOW (self));

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

  /* A cohort (by its name, or else its content) opens in the cohort view. */
  if (mbc_file_guess_kind_of (file) != MBC_FILE_KIND_CASE)
    {
      mbc_window_open_cohort (self, file);
      return;
    }
  if (!mbc_document_load (self->document, file, problems, &error))
    {
      g_autofree char *details = NULL;
      g_autofree char *body = NULL;

      if (error)
        {
          files_show_problems_dialog (self, file, error->message, NULL);
          return;
        }
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "It is not a valid case file. %u "
                                           "problem:", "It is not a valid case file. %u "
                                           "problems:", problems->len), problems->len);
      /* At most MBC_PROBLEMS_SHOWN, then how many more. */
      details = mbc_problems_format (problems, NULL);
      g_strchomp (details);
      files_show_problems_dialog (self, file, body, details);
      return;
    }
  _mbc_window_remember_file (self, file);
  /* Opened with values that do not fit together: each is shown at its field. */
  if (problems->len > 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Opened “%s”: %u input has a problem, shown at its field",
                                      "Opened “%s”: %u inputs have problems, shown at their "
                                      "fields", problems->len), name, problems->len);
      _mbc_window_toast_brief (self, text);
    }
}


/* --- Importing a patient from FHIR -------------------------------------------------------- */

typedef struct
{
  MbcCase   *kase;
  GPtrArray *sources;    /* MbcFhirSource */
  GPtrArray *not_used;   /* char * */
} Import;

static void
files_import_free (gpointer data)
{
  Import *import = data;

  g_object_unref (import->kase);
  g_ptr_array_unref (import->sources);
  g_ptr_array_unref (import->not_used);
  g_free (import);
}

static void
files_import_then (MbcWindow *self,
                   gpointer   data)
{
  Import *import = data;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *body = NULL;
  MbcCaseForm *form = MBC_CASE_FORM (self->form);
  GtkWidget *dialog;
  GtkWidget *label;
  GtkWidget *scroller;

  g_assert (MBC_IS_WINDOW (self));

  /* Named as an import, never by the file (whose name may be the patient's). */
  mbc_document_load_copy (self->document, import->kase, _("Imported from FHIR"));
  mbc_case_form_clear_notes (form);
  {
    /* A field may come from several resources (each of the sites): its note names them all. */
    GString *notes[MBC_CASE_N_FIELDS] = { NULL, };

    for (guint i = 0; i < import->sources->len; i++)
      {
        const MbcFhirSource *source = g_ptr_array_index (import->sources, i);
        g_autofree char *note = mbc_fhir_source_describe (source);

        if (notes[source->field] == NULL)
          notes[source->field] = g_string_new (note);
        else
          g_string_append_printf (notes[source->field], "\n%s", note);
        const char *value = mbc_case_field_get_choice_title (source->field, source->value);

        /* Named for people: the field's title and the value's ("Oestrogen receptor (ER):
         * Positive"), never the case file's names. */
        g_string_append_printf (details, "%s: %s. %s\n", mbc_case_field_get_title (source->field),
                                value ? value : source->value, note);
      }
    for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
      if (notes[f])
        {
          mbc_case_form_set_note (form, f, notes[f]->str);
          g_string_free (notes[f], TRUE);
        }
  }
  if (import->not_used->len > 0)
    g_string_append_printf (details, "\n%s\n", _("Not used:"));
  for (guint i = 0; i < import->not_used->len; i++)
    g_string_append_printf (details, "• %s\n", (const char *) import->not_used->pdata[i]);
  g_strchomp (details->str);

  body = g_strdup_printf (_("%u values were set from the export, each shown under its field "
                            "with where it came from; %u resources or codes were not used. "
                            "Everything else is unknown: check and complete the case."),
                          import->sources->len, import->not_used->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Imported from FHIR"), body);
  label = gtk_label_new (details->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mbc_window_import_fhir:
 * @file: a FHIR R4 export (a Bundle, or one resource), JSON
 *
 * Opens the case the export implies as a new, unsaved case (after asking about unsaved
 * changes), each imported value with where it came from. Nothing of the patient's identity
 * is shown or kept: the case is named "Imported from FHIR", and the file is not added to the
 * recent files. An export that cannot be read or is not FHIR gives a dialog with its problems.
 */
void
mbc_window_import_fhir (MbcWindow *self,
                        GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GPtrArray *sources = NULL;
  GPtrArray *not_used = NULL;
  MbcCase *kase = NULL;
  GDate today;
  Import *import;

  g_return_if_fail (MBC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  bytes = mbc_file_read (file, MBC_FILE_CASE_MAX_BYTES, &error);
  if (bytes)
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);
      kase = mbc_fhir_import_data (data, length, &today, &sources, &not_used, problems);
    }
  if (kase == NULL)
    {
      g_autofree char *details = error ? NULL : mbc_problems_format (problems, NULL);
      GtkWidget *dialog = adw_message_dialog_new (
        GTK_WINDOW (self), _("The FHIR Export Could Not Be Imported"),
        error ? error->message : _("It is not a FHIR R4 JSON export. Its problems:"));

      if (details)
        {
          GtkWidget *label = gtk_label_new (g_strchomp (details));
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
        }
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      g_clear_pointer (&sources, g_ptr_array_unref);
      g_clear_pointer (&not_used, g_ptr_array_unref);
      return;
    }
  import = g_new0 (Import, 1);
  import->kase = kase;
  import->sources = sources;
  import->not_used = not_used;
  _mbc_window_confirm_discard (self, files_import_then, import, files_import_free);
}

static void
files_import_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          MbcWindow       *self)
{
  g_autoptr(GFile) file = _mbc_window_chooser_take_file (chooser, response);

  if (file)
    mbc_window_import_fhir (self, file);
  g_object_unref (self);
}

static void
files_import_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  GtkFileChooserNative *chooser = _mbc_window_new_chooser (self, _("Import from FHIR"),
                                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                                           _("_Import"));

  _mbc_window_add_filter (chooser, _("FHIR exports (JSON)"), "application/fhir+json", "json");
  g_signal_connect (chooser, "response", G_CALLBACK (files_import_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_mbc_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, files_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, files_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, files_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.import-fhir", NULL, files_import_action);
}

/* Files dropped on the window open (after asking about unsaved changes); closing asks too. */
void
_mbc_window_init_files (MbcWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (files_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  g_signal_connect (self, "close-request", G_CALLBACK (files_close_request_cb), NULL);
  g_signal_connect_object (self->document, "notify::draft-problem",
                           G_CALLBACK (files_draft_problem_cb), self, G_CONNECT_SWAPPED);
}
