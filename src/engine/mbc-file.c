/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mbc-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mbc-file.h"

G_DEFINE_QUARK (mbc-file-error-quark, mbc_file_error)

/**
 * mbc_file_describe_size:
 *
 * Returns: (transfer full): @bytes for a message: "1 MiB", "16 MiB" or "512 bytes".
 */
char *
mbc_file_describe_size (gsize bytes)
{
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
    return g_strdup_printf (_("%" G_GSIZE_FORMAT " MiB"), bytes >> 20);
  return g_strdup_printf (_("%" G_GSIZE_FORMAT " bytes"), bytes);
}

static const char *
file_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a FIFO (named pipe)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

/**
 * mbc_file_read_fd:
 * @fd: an open file descriptor (standard input, say); it is not closed
 * @max_bytes: the most that is read: more is MBC_FILE_ERROR_TOO_LARGE
 *
 * Reads what @fd holds, but never more than @max_bytes + 1 bytes. A folder is refused
 * (MBC_FILE_ERROR_NOT_REGULAR); a pipe or a terminal is read, as standard input is.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with @error.
 */
GBytes *
mbc_file_read_fd (int      fd,
                  gsize    max_bytes,
                  GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  struct stat st;

  g_return_val_if_fail (fd >= 0, NULL);

  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_NOT_REGULAR,
                   _("is %s; only regular files and standard input are read"),
                   file_kind (st.st_mode));
      return NULL;
    }
  for (;;)
    {
      guint8 chunk[65536];
      gsize want = MIN (sizeof chunk, max_bytes + 1 - buffer->len);
      gssize n = read (fd, chunk, want);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("could not be read: %s"), g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n);
      if (buffer->len > max_bytes)
        {
          g_autofree char *limit = mbc_file_describe_size (max_bytes);
          g_set_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE,
                       _("larger than %s, the most that is read"), limit);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * mbc_file_open_regular:
 * @st: (out caller-allocates) (optional): the file's status
 *
 * Opens a local regular file for reading. A folder, a FIFO, a device or a socket is refused
 * at once (MBC_FILE_ERROR_NOT_REGULAR), never waited on: the file is opened without
 * blocking and its type checked before anything is read.
 *
 * Returns: the file descriptor (the caller closes it), or -1 with @error.
 */
int
mbc_file_open_regular (GFile        *file,
                       struct stat  *st,
                       GError      **error)
{
  g_autofree char *path = NULL;
  struct stat own;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), -1);

  if (st == NULL)
    st = &own;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("could not be read: only local files are read"));
      return -1;
    }
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("could not be read: %s"), g_strerror (saved));
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("could not be read: %s"), g_strerror (saved));
      close (fd);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_NOT_REGULAR,
                   _("is %s; only regular files and standard input are read"),
                   file_kind (st->st_mode));
      close (fd);
      return -1;
    }
  return fd;
}

/**
 * mbc_file_read:
 * @file: a local file
 * @max_bytes: the most that is read: a larger file is MBC_FILE_ERROR_TOO_LARGE
 *
 * Reads a regular file (mbc_file_open_regular()) of at most @max_bytes.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with @error.
 */
GBytes *
mbc_file_read (GFile   *file,
               gsize    max_bytes,
               GError **error)
{
  struct stat st;
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  fd = mbc_file_open_regular (file, &st, error);
  if (fd < 0)
    return NULL;
  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *limit = mbc_file_describe_size (max_bytes);
      g_set_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE,
                   _("larger than %s, the most that is read"), limit);
      close (fd);
      return NULL;
    }
  bytes = mbc_file_read_fd (fd, max_bytes, error);
  close (fd);
  return bytes;
}

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
