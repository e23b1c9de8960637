/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcDocument: the case being edited, the file it was opened from or saved to, whether it
 * has changes not saved, and its draft. After every change the case is written, a second
 * later, to the draft file in the user's state directory (never anywhere else), so that
 * after a crash or a kill the work can be restored; saving, discarding or closing cleanly
 * removes the draft. Every write is atomic.
 */
#define G_LOG_DOMAIN "mbc-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "mbc-document.h"
#include "mbc-file.h"
#include "mbc-json.h"
#include "mbc-problem.h"

#define DRAFT_DELAY_MS 1000

struct _MbcDocument
{
  GObject   parent_instance;

  MbcCase  *kase;
  GFile    *file;
  GFile    *draft;
  char     *library_title;
  gboolean  modified;
  gboolean  assigning;
  guint     draft_source;
  char     *draft_problem;  /* why the last draft could not be kept, or NULL */
  int       draft_lock;     /* the claimed draft's lock (-1: none) */
  /* The file as it was on disk when opened or saved, to see it changed since. */
  gboolean  disk_known;
  dev_t     disk_dev;
  ino_t     disk_ino;
  off_t     disk_size;
  struct timespec disk_mtime;
};

G_DEFINE_FINAL_TYPE (MbcDocument, mbc_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_DRAFT_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
document_set_modified (MbcDocument *self,
                       gboolean     modified)
{
  g_assert (MBC_IS_DOCUMENT (self));

  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
document_set_file (MbcDocument *self,
                   GFile       *file)
{
  g_assert (MBC_IS_DOCUMENT (self));

  if (self->file == file)
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* The title a case without a file goes by (a library case's, a cohort row's): a change of
 * it is a change of the title, said as "file" is (mbc_document_get_title reads both). */
static void
document_set_library_title (MbcDocument *self,
                            const char  *title)
{
  g_assert (MBC_IS_DOCUMENT (self));

  if (g_strcmp0 (self->library_title, title) == 0)
    return;
  g_free (self->library_title);
  self->library_title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
document_set_draft_problem (MbcDocument *self,
                            const char  *problem)
{
  g_assert (MBC_IS_DOCUMENT (self));

  if (g_strcmp0 (self->draft_problem, problem) == 0)
    return;
  g_free (self->draft_problem);
  self->draft_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_PROBLEM]);
}

static gboolean
document_draft_timeout_cb (gpointer user_data)
{
  MbcDocument *self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_source = 0;
  /* The draft is a convenience: a failure is said, once (MbcDocument:draft-problem, which
   * the window shows), but does not stop the work. */
  document_set_draft_problem (self, mbc_document_write_draft (self, &error) ? NULL
                                                                          : error->message);
  return G_SOURCE_REMOVE;
}

static void
document_case_changed_cb (MbcDocument *self)
{
  g_assert (MBC_IS_DOCUMENT (self));

  if (self->assigning)
    return;
  document_set_modified (self, TRUE);
  if (self->draft == NULL)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, document_draft_timeout_cb, self);
}

static void
document_assign (MbcDocument *self,
                 MbcCase     *kase)
{
  g_assert (MBC_IS_DOCUMENT (self));

  self->assigning = TRUE;
  mbc_case_assign (self->kase, kase);
  self->assigning = FALSE;
}

static void
mbc_document_dispose (GObject *object)
{
  MbcDocument *self = MBC_DOCUMENT (object);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->kase)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->file);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->library_title, g_free);
  g_clear_pointer (&self->draft_problem, g_free);
  if (self->draft_lock >= 0)
    {
      close (self->draft_lock);   /* releases the lock */
      self->draft_lock = -1;
    }
  G_OBJECT_CLASS (mbc_document_parent_class)->dispose (object);
}

static void
mbc_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MbcDocument *self = MBC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_DRAFT_PROBLEM:
      g_value_set_string (value, self->draft_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_document_class_init (MbcDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mbc_document_dispose;
  object_class->get_property = mbc_document_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MbcDocument:draft-problem:
   *
   * Why the draft of the unsaved changes could not be kept (a full or read-only folder),
   * or %NULL once it is kept again. It changes once per problem, not once per edit.
   */
  properties[PROP_DRAFT_PROBLEM] =
    g_param_spec_string ("draft-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mbc_document_init (MbcDocument *self)
{
  self->draft_lock = -1;
}

/**
 * mbc_document_default_draft:
 *
 * Returns: (transfer full): the draft file in the user's state directory.
 */
GFile *
mbc_document_default_draft (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "mbc-advisor",
                                            "draft.json", NULL);
  return g_file_new_for_path (path);
}

/**
 * mbc_document_new:
 * @draft: (nullable): where to keep the draft; %NULL keeps none
 *
 * A new, empty case and the document that owns it: whoever edits the case (the window's
 * form) is handed it with mbc_document_get_case().
 */
MbcDocument *
mbc_document_new (GFile *draft)
{
  MbcDocument *self;

  g_return_val_if_fail (draft == NULL || G_IS_FILE (draft), NULL);

  self = g_object_new (MBC_TYPE_DOCUMENT, NULL);
  self->kase = mbc_case_new ();
  self->draft = draft ? g_object_ref (draft) : NULL;
  g_signal_connect_swapped (self->kase, "changed", G_CALLBACK (document_case_changed_cb), self);
  return self;
}

/* Where the draft is kept from now on (%NULL: nowhere). */
void
mbc_document_set_draft (MbcDocument *self,
                        GFile       *draft)
{
  g_return_if_fail (MBC_IS_DOCUMENT (self));
  g_set_object (&self->draft, draft);
}

GFile *
mbc_document_get_draft (MbcDocument *self)
{
  g_return_val_if_fail (MBC_IS_DOCUMENT (self), NULL);
  return self->draft;
}

MbcCase *
mbc_document_get_case (MbcDocument *self)
{
  g_return_val_if_fail (MBC_IS_DOCUMENT (self), NULL);
  return self->kase;
}

GFile *
mbc_document_get_file (MbcDocument *self)
{
  g_return_val_if_fail (MBC_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
mbc_document_get_modified (MbcDocument *self)
{
  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/**
 * mbc_document_get_title:
 *
 * Returns: (transfer full): the file's name, the library case's title, or "New Case".
 */
char *
mbc_document_get_title (MbcDocument *self)
{
  g_return_val_if_fail (MBC_IS_DOCUMENT (self), NULL);

  if (self->file)
    {
      g_autoptr(GFileInfo) info =
        g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                           G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info)
        return g_strdup (g_file_info_get_display_name (info));
      return g_file_get_basename (self->file);
    }
  if (self->library_title)
    return g_strdup (self->library_title);
  return g_strdup (_("New Case"));
}

/* Remembers @file as it is on disk now (to see later whether it changed). */
static void
document_note_disk (MbcDocument *self,
                    GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;

  g_assert (MBC_IS_DOCUMENT (self));

  self->disk_known = path != NULL && stat (path, &st) == 0;
  if (!self->disk_known)
    return;
  self->disk_dev = st.st_dev;
  self->disk_ino = st.st_ino;
  self->disk_size = st.st_size;
  self->disk_mtime = st.st_mtim;
}

/* Whether @file is no longer as it was when it was opened or saved here. */
static gboolean
document_changed_on_disk (MbcDocument *self,
                          GFile       *file)
{
  g_autofree char *path = NULL;
  struct stat st;

  g_assert (MBC_IS_DOCUMENT (self));

  if (!self->disk_known || self->file == NULL || !g_file_equal (file, self->file))
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL || stat (path, &st) != 0)
    return TRUE;   /* removed or moved away since */
  return st.st_dev != self->disk_dev || st.st_ino != self->disk_ino ||
         st.st_size != self->disk_size || st.st_mtim.tv_sec != self->disk_mtime.tv_sec ||
         st.st_mtim.tv_nsec != self->disk_mtime.tv_nsec;
}

/**
 * mbc_document_load:
 * @problems: (element-type MbcProblem): every problem of the case file
 *
 * Reads the case in @file. An unreadable file sets @error; an invalid one fills
 * @problems, and the document keeps what it had. A file whose only problems are between
 * fields (fewer lesions than sites, say) is opened with its values as they are: it returns
 * %TRUE with those problems in @problems.
 */
gboolean
mbc_document_load (MbcDocument  *self,
                   GFile        *file,
                   GPtrArray    *problems,
                   GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MbcCase) loaded = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = mbc_file_read (file, MBC_FILE_CASE_MAX_BYTES, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  /* Counts that cannot all be true together are opened as they are, with their problems,
   * as if they had been typed; any other problem refuses the file. */
  loaded = mbc_case_new_from_data_full (data, length, MBC_CASE_READ_KEEP_INCONSISTENT, problems);
  if (loaded == NULL)
    return FALSE;
  document_assign (self, loaded);
  document_set_library_title (self, NULL);
  document_note_disk (self, file);
  document_set_file (self, file);
  document_set_modified (self, FALSE);
  mbc_document_discard_draft (self);
  return TRUE;
}

/**
 * mbc_document_load_library:
 *
 * Shows a copy of a library case: it has no file, and saving asks where.
 */
void
mbc_document_load_library (MbcDocument    *self,
                           MbcLibraryCase *entry)
{
  g_return_if_fail (MBC_IS_DOCUMENT (self));
  g_return_if_fail (entry != NULL);

  mbc_document_load_copy (self, entry->kase, entry->title);
}

/**
 * mbc_document_load_copy:
 * @title: what the copy is called (the title of a teaching case, a cohort's row)
 *
 * Shows a copy of @kase: it has no file, and saving asks where.
 */
void
mbc_document_load_copy (MbcDocument *self,
                        MbcCase     *kase,
                        const char  *title)
{
  g_return_if_fail (MBC_IS_DOCUMENT (self));
  g_return_if_fail (MBC_IS_CASE (kase));

  document_assign (self, kase);
  document_set_library_title (self, title);
  document_set_file (self, NULL);
  document_set_modified (self, FALSE);
  mbc_document_discard_draft (self);
}

/* A value that no case file may hold (a number out of its range) is not saved: the file
 * would not open again. Nor is it changed: the person corrects or clears it. */
/**
 * mbc_document_check_savable:
 *
 * Returns: whether the case can be saved as it is: %FALSE, with @error naming each value
 *   out of its field's range or type (a problem between fields does not stop a save), so
 *   the person hears it before choosing where to save.
 */
gboolean
mbc_document_check_savable (MbcDocument  *self,
                            GError      **error)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);

  if (mbc_case_validate_values (self->kase, problems))
    return TRUE;
  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const MbcProblem *problem = g_ptr_array_index (problems, i);
      int field = mbc_case_field_from_problem (problem->where);
      g_string_append_printf (text, "%s %s. ",
                              field >= 0 ? mbc_case_field_get_title (field) : problem->where,
                              problem->message);
    }
  g_string_append (text, _("Correct or clear it, then save."));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, text->str);
  return FALSE;
}

/**
 * mbc_document_save:
 * @file: where to save the case, atomically
 * @overwrite: whether to save even if @file changed on disk since it was opened or saved
 *   here (by another window or program)
 *
 * Returns: %TRUE when saved. When @file changed on disk and @overwrite is %FALSE, nothing is
 *   written and @error is G_IO_ERROR_WRONG_ETAG: ask the person first.
 */
gboolean
mbc_document_save (MbcDocument  *self,
                   GFile        *file,
                   gboolean      overwrite,
                   GError      **error)
{
  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!overwrite && document_changed_on_disk (self, file))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("%s has changed on disk since it was opened or saved here"), name);
      return FALSE;
    }
  if (!mbc_document_check_savable (self, error))
    return FALSE;
  if (!mbc_case_save (self->kase, file, error))
    return FALSE;
  document_note_disk (self, file);
  document_set_library_title (self, NULL);
  document_set_file (self, file);
  document_set_modified (self, FALSE);
  mbc_document_discard_draft (self);
  return TRUE;
}

/* A new, empty case. */
void
mbc_document_clear (MbcDocument *self)
{
  g_autoptr(MbcCase) empty = mbc_case_new ();

  g_return_if_fail (MBC_IS_DOCUMENT (self));

  document_assign (self, empty);
  document_set_library_title (self, NULL);
  document_set_file (self, NULL);
  document_set_modified (self, FALSE);
  mbc_document_discard_draft (self);
}

/**
 * mbc_document_write_draft:
 *
 * Writes the draft now (it is written a second after each change anyway).
 */
gboolean
mbc_document_write_draft (MbcDocument  *self,
                          GError      **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft == NULL)
    return TRUE;
  /* The draft holds patient data: its folder is the user's alone (0700), and so is the
   * draft (0600). */
  folder = g_file_get_parent (self->draft);
  {
    g_autofree char *folder_path = g_file_get_path (folder);
    if (folder_path && g_mkdir_with_parents (folder_path, 0700) != 0)
      {
        int saved = errno;
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("Could not keep the draft in %s: %s"), folder_path, g_strerror (saved));
        return FALSE;
      }
    if (folder_path)
      g_chmod (folder_path, 0700);
  }
  object = json_object_new ();
  json_object_set_string_member (object, "schema", MBC_DRAFT_SCHEMA);
  if (self->file)
    {
      uri = g_file_get_uri (self->file);
      json_object_set_string_member (object, "file", uri);
    }
  else
    json_object_set_null_member (object, "file");
  if (self->library_title)
    json_object_set_string_member (object, "title", self->library_title);
  json_object_set_member (object, "case", mbc_case_to_json (self->kase));
  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  mbc_json_write (out, root, 2);
  g_string_append_c (out, '\n');
  /* Never through a link planted at its name, and the user's alone whatever it was. */
  return mbc_file_write_private (self->draft, out->str, out->len, error);
}

/* Nothing unsaved is left: the draft goes. */
void
mbc_document_discard_draft (MbcDocument *self)
{
  g_return_if_fail (MBC_IS_DOCUMENT (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft)
    g_file_delete (self->draft, NULL, NULL);
}

/* Reads the draft: its case, the file it was of (or NULL) and a library case's title (or
 * NULL); FALSE with @error when it is missing, unreadable or not a valid draft. */
static gboolean
document_read_draft (MbcDocument  *self,
                     MbcCase     **kase,
                     GFile       **file,
                     char        **title,
                     GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  JsonObject *object;
  JsonNode *node;
  const char *data;
  gsize length;

  g_assert (MBC_IS_DOCUMENT (self));

  if (self->draft == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No draft is kept"));
      return FALSE;
    }
  bytes = mbc_file_read (self->draft, MBC_FILE_CASE_MAX_BYTES, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  root = mbc_json_parse (data, length, MBC_CASE_MAX_DEPTH + 1, NULL);
  object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  node = object ? json_object_get_member (object, "schema") : NULL;
  *kase = NULL;
  if (node && mbc_json_is_string (node) &&
      g_strcmp0 (json_node_get_string (node), MBC_DRAFT_SCHEMA) == 0 &&
      (node = json_object_get_member (object, "case")))
    /* The draft is what the form held, values with problems included. */
    *kase = mbc_case_new_from_json_full (node, MBC_CASE_READ_KEEP_OUT_OF_RANGE, problems);
  if (*kase == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->draft);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The draft %s is not a valid draft"), name);
      return FALSE;
    }
  node = json_object_get_member (object, "file");
  *file = node && mbc_json_is_string (node) ? g_file_new_for_uri (json_node_get_string (node))
                                            : NULL;
  node = json_object_get_member (object, "title");
  *title = node && mbc_json_is_string (node) ? g_strdup (json_node_get_string (node)) : NULL;
  return TRUE;
}

/**
 * mbc_document_check_draft:
 *
 * Returns: whether the draft can be restored (it is there and valid); it is left as it is.
 */
gboolean
mbc_document_check_draft (MbcDocument  *self,
                          GError      **error)
{
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);
  return document_read_draft (self, &kase, &file, &title, error);
}

/**
 * mbc_document_describe_draft:
 * @title: (out) (transfer full): what the draft is of: its file's name, the library case's
 *   title, the case's label, or "New Case"
 * @when: (out) (transfer full): when the draft was last written
 *
 * Returns: whether the draft can be restored; @error says why not.
 */
gboolean
mbc_document_describe_draft (MbcDocument  *self,
                             char        **title,
                             GDateTime   **when,
                             GError      **error)
{
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *library_title = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (title != NULL && when != NULL, FALSE);

  if (!document_read_draft (self, &kase, &file, &library_title, error))
    return FALSE;
  info = g_file_query_info (self->draft, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return FALSE;
  *when = g_file_info_get_modification_date_time (info);
  g_object_get (kase, "label", &label, NULL);
  if (file)
    *title = g_file_get_basename (file);
  else if (library_title)
    *title = g_steal_pointer (&library_title);
  else if (label)
    *title = g_steal_pointer (&label);
  else
    *title = g_strdup (_("New Case"));
  return TRUE;
}

/**
 * mbc_document_restore_draft:
 *
 * Shows the draft's case, as unsaved changes (of the file it was a draft of, if any). An
 * unreadable or invalid draft sets @error and is left as it is.
 */
gboolean
mbc_document_restore_draft (MbcDocument  *self,
                            GError      **error)
{
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);

  if (!document_read_draft (self, &kase, &file, &title, error))
    return FALSE;
  document_assign (self, kase);
  document_set_library_title (self, title);
  document_set_file (self, file);
  self->disk_known = FALSE;
  document_set_modified (self, TRUE);
  return TRUE;
}

/**
 * mbc_document_claim_draft:
 * @draft: where the draft is kept
 *
 * Takes @draft for this document, for as long as it lives: a lock beside it says that a
 * running instance owns it. When another running instance holds it, this document keeps no
 * draft (and @draft is not offered: it is that instance's live draft).
 *
 * Returns: whether @draft is this document's now.
 */
gboolean
mbc_document_claim_draft (MbcDocument  *self,
                          GFile        *draft,
                          GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *lock_path = NULL;
  int fd;

  g_return_val_if_fail (MBC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (draft), FALSE);

  path = g_file_get_path (draft);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The draft must be a local file"));
      return FALSE;
    }
  folder = g_path_get_dirname (path);
  lock_path = g_strconcat (path, ".lock", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      (fd = g_open (lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not keep the draft in %s: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Another running MBC Surgery Advisor keeps its draft there"));
      mbc_document_set_draft (self, NULL);
      return FALSE;
    }
  if (self->draft_lock >= 0)
    close (self->draft_lock);
  self->draft_lock = fd;
  mbc_document_set_draft (self, draft);
  return TRUE;
}

/* See MbcDocument:draft-problem. */
const char *
mbc_document_get_draft_problem (MbcDocument *self)
{
  g_return_val_if_fail (MBC_IS_DOCUMENT (self), NULL);
  return self->draft_problem;
}
