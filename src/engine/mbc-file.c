/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mbc-file"

#include "config.h"

#include <glib/gi18n.h>

#include "mbc-file.h"

/**
 * mbc_file_write_atomic:
 * @file: the file to write
 *
 * Writes @data to a temporary file in the same folder, flushed to disk, which then
 * replaces @file. If anything fails (a read-only folder, a full disk), @file is left as it
 * was and the temporary file is removed. (Not g_file_replace_contents() for local files: on
 * GLib 2.74 a write that fails part-way still renames the truncated temporary file over
 * the old one.)
 *
 * Returns: %TRUE when written; otherwise @error names @file and the cause.
 */
gboolean
mbc_file_write_atomic (GFile       *file,
                       const void  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *path = NULL;
  gboolean written;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path)
    written = g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                        0666, &local);
  else
    written = g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                       NULL, NULL, &local);
  if (!written)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, local->domain, local->code, _("Could not save %s: %s"), name,
                   local->message);
    }
  return written;
}
