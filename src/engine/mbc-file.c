/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mbc-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
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
      /* A socket cannot be opened: say what it is. */
      if (g_stat (path, st) == 0 && !S_ISREG (st->st_mode))
        g_set_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_NOT_REGULAR,
                     _("is %s; only regular files and standard input are read"),
                     file_kind (st->st_mode));
      else
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

/* The temporary file being written, for file_cleanup_on_signal(): a fixed buffer, as a
 * signal handler may only read it. */
static char file_temp_path[4096];
static volatile sig_atomic_t file_temp_set;

static void
file_cleanup_on_signal (int signum)
{
  if (file_temp_set)
    unlink (file_temp_path);
  signal (signum, SIG_DFL);
  raise (signum);
}

/**
 * mbc_file_clean_up_on_signals:
 *
 * SIGINT, SIGTERM and SIGHUP during a save remove its temporary file before the process
 * ends (the command line calls this; the window quits cleanly on them instead). A write
 * past the file size limit (ulimit -f) fails (EFBIG), said and cleaned up as a full disk
 * is, rather than SIGXFSZ ending the process with the temporary file half-written.
 */
void
mbc_file_clean_up_on_signals (void)
{
  struct sigaction action = { 0 };

  action.sa_handler = file_cleanup_on_signal;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, NULL);
  sigaction (SIGTERM, &action, NULL);
  sigaction (SIGHUP, &action, NULL);
  signal (SIGXFSZ, SIG_IGN);
}

static gboolean
file_write_all (int          fd,
                const char  *data,
                gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static void
file_set_errno_error (GError     **error,
                      int          saved,
                      const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not save %s: %s"),
               name, g_strerror (saved));
}

/* Writes @data to a new temporary file beside @path, flushed to disk, with @mode.
 * Returns its path, or %NULL with @error (and nothing left behind). */
static char *
file_write_temporary (const char  *path,
                      const void  *data,
                      gsize        length,
                      mode_t       mode,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sigset_t block, saved_mask;
  int fd, saved;

  /* A signal between making the file and noting its name would leave it behind: the
   * signals that clean up wait until it is noted. */
  sigemptyset (&block);
  sigaddset (&block, SIGINT);
  sigaddset (&block, SIGTERM);
  sigaddset (&block, SIGHUP);
  pthread_sigmask (SIG_BLOCK, &block, &saved_mask);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, mode);
  saved = errno;
  if (fd >= 0 && strlen (temp) < sizeof file_temp_path)
    {
      strcpy (file_temp_path, temp);
      file_temp_set = 1;
    }
  pthread_sigmask (SIG_SETMASK, &saved_mask, NULL);
  if (fd < 0)
    {
      file_set_errno_error (error, saved, path);
      g_free (temp);
      return NULL;
    }
  /* The mode asked for, whatever the umask (an existing file's mode is kept). */
  if (fchmod (fd, mode) != 0 || !file_write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved = errno ? errno : EIO;
      close (fd);
      unlink (temp);
      file_temp_set = 0;
      file_set_errno_error (error, saved, path);
      g_free (temp);
      return NULL;
    }
  if (close (fd) != 0)
    {
      saved = errno;
      unlink (temp);
      file_temp_set = 0;
      file_set_errno_error (error, saved, path);
      g_free (temp);
      return NULL;
    }
  return temp;
}

/**
 * mbc_file_write_atomic:
 * @file: the file to write
 * @mode: the permissions of a new file (an existing file keeps its own)
 *
 * Writes @data so that @file is never left half-written: to a temporary file in the same
 * folder, flushed to disk, which then replaces @file. If anything fails (a read-only
 * folder, a full disk), @file is left as it was and the temporary file is removed.
 *
 * A symbolic link is written through: its target is replaced and the link stays a link.
 * An existing file keeps its permissions; one with other hard links is written in place
 * (after the whole content is safely on disk beside it, and its space reserved, so that a
 * full disk leaves it untouched), so that every link sees it. A
 * folder, a device or another special file is never replaced.
 *
 * Returns: %TRUE when written; otherwise @error names @file and the cause.
 */
gboolean
mbc_file_write_atomic (GFile       *file,
                       const void  *data,
                       gsize        length,
                       mode_t       mode,
                       GError     **error)
{
  g_autofree char *given = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  given = g_file_get_path (file);
  if (given == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save %s: only local files are written"), name);
      return FALSE;
    }
  /* Through symbolic links, to the file they name (which may not exist yet); links that
   * lead to one another without end (a loop) are refused, never replaced by a file. */
  path = g_strdup (given);
  for (int hops = 0; ; hops++)
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;
      if (hops == 40)
        {
          g_autofree char *name = g_filename_display_name (given);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                       _("Could not save %s: it leads through more than 40 symbolic links (a "
                         "loop, or a chain longer than the system follows)"), name);
          return FALSE;
        }
      dir = g_path_get_dirname (path);
      g_free (path);
      path = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                         : g_build_filename (dir, target, NULL);
    }
  exists = stat (path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_name (given);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save %s: it is %s, not a file that can be replaced"), name,
                   file_kind (st.st_mode));
      return FALSE;
    }
  /* A file no one may write (mode without any write bit) is the user's word that it is not
   * to be changed: it is left as it is, whoever runs this (root included). */
  if (exists && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      g_autofree char *name = g_filename_display_name (given);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not save %s: it is read-only, and was left as it is"), name);
      return FALSE;
    }
  temp = file_write_temporary (path, data, length, exists ? st.st_mode & 07777 : mode, error);
  if (temp == NULL)
    return FALSE;
  if (exists && st.st_nlink > 1)
    {
      /* Other names share this file: write it in place, the content being safe beside it
       * until it is all there. The space is reserved first, before anything of the file is
       * changed, so that a full disk leaves it as it was (not truncated, half-written). */
      int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
      int saved = 0, reserved;

      if (fd < 0)
        saved = errno;
      else if (length > 0 &&
               (reserved = posix_fallocate (fd, 0, (off_t) length)) != 0 &&
               reserved != EOPNOTSUPP && reserved != EINVAL)
        {
          g_autofree char *name = g_filename_display_name (given);
          close (fd);
          unlink (temp);
          file_temp_set = 0;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (reserved),
                       _("Could not save %s: %s; it was left as it was"), name,
                       g_strerror (reserved));
          return FALSE;
        }
      if (saved == 0 && (!file_write_all (fd, data, length) ||
                         ftruncate (fd, (off_t) length) != 0 || fsync (fd) != 0))
        saved = errno ? errno : EIO;
      if (fd >= 0 && close (fd) != 0 && saved == 0)
        saved = errno;
      if (saved != 0)
        {
          g_autofree char *name = g_filename_display_name (given);
          g_autofree char *kept = g_filename_display_name (temp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not save %s: %s (what was to be saved is in %s)"), name,
                       g_strerror (saved), kept);
          file_temp_set = 0;
          return FALSE;
        }
      unlink (temp);
      file_temp_set = 0;
      return TRUE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;
      unlink (temp);
      file_temp_set = 0;
      file_set_errno_error (error, saved, given);
      return FALSE;
    }
  file_temp_set = 0;
  /* The rename itself is on disk once the folder is. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    int dfd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dfd >= 0)
      {
        fsync (dfd);
        close (dfd);
      }
  }
  return TRUE;
}

/* How far the first line of @head, from @p, closes a JSON object: TRUE when it is one whole
 * object (strings and their escapes skipped, braces and brackets counted). */
static gboolean
file_first_line_is_object (const char *p,
                           const char *end)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (; p < end && *p != '\n'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p + 1 < end)
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * mbc_file_guess_kind:
 * @name: (nullable): the file's name; its extension decides when it says (.csv, .jsonl or
 *   .ndjson, .json)
 * @head: the file's first bytes, read when the name does not say
 *
 * Returns: what the file holds: a case file (JSON), JSON Lines (a first line that is a
 *   whole object, and another line after it), or else CSV.
 */
MbcFileKind
mbc_file_guess_kind (const char *name,
                     const char *head,
                     gsize       length)
{
  g_autofree char *folded = name ? g_ascii_strdown (name, -1) : NULL;
  const char *p = head, *end = head + length;

  if (folded && g_str_has_suffix (folded, ".csv"))
    return MBC_FILE_KIND_COHORT_CSV;
  if (folded && (g_str_has_suffix (folded, ".jsonl") || g_str_has_suffix (folded, ".ndjson")))
    return MBC_FILE_KIND_COHORT_JSONL;
  if (folded && g_str_has_suffix (folded, ".json"))
    return MBC_FILE_KIND_CASE;
  if (head == NULL)
    return MBC_FILE_KIND_CASE;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || *p != '{')
    return p == end ? MBC_FILE_KIND_CASE : MBC_FILE_KIND_COHORT_CSV;
  if (file_first_line_is_object (p, end))
    {
      const char *next = memchr (p, '\n', end - p);
      while (next && next < end && g_ascii_isspace (*next))
        next++;
      if (next && next < end)
        return MBC_FILE_KIND_COHORT_JSONL;
    }
  return MBC_FILE_KIND_CASE;
}

/**
 * mbc_file_guess_kind_of:
 *
 * Returns: what @file holds, by its name or else its first 64 KiB (a file that cannot be
 *   read is taken as a case file, whose reading then says why).
 */
MbcFileKind
mbc_file_guess_kind_of (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = g_ascii_strdown (name ? name : "", -1);
  char head[65536];
  gsize length = 0;
  struct stat st;
  int fd;

  if (g_str_has_suffix (folded, ".json") || g_str_has_suffix (folded, ".csv") ||
      g_str_has_suffix (folded, ".jsonl") || g_str_has_suffix (folded, ".ndjson"))
    return mbc_file_guess_kind (name, NULL, 0);
  /* Only a regular file is looked into (a FIFO would block); the rest is left to the
   * reading of a case file, which says why it cannot be read. */
  fd = mbc_file_open_regular (file, &st, NULL);
  if (fd < 0)
    return MBC_FILE_KIND_CASE;
  while (length < sizeof head)
    {
      ssize_t n = read (fd, head + length, sizeof head - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      length += (gsize) n;
    }
  close (fd);
  return mbc_file_guess_kind (NULL, head, length);
}

/**
 * mbc_file_write_private:
 * @file: a file in a folder of the user's own (the draft)
 *
 * Writes @file whole (a temporary beside it, then renamed over it) as the user's alone
 * (0600, whatever it was), never through a link: the folder is opened without following a
 * link, and a symbolic link or a hard-linked file at @file's name is refused, so that no
 * link planted there sends the patient's data elsewhere.
 */
gboolean
mbc_file_write_private (GFile       *file,
                        const void  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *shown = NULL;
  struct stat st;
  int dfd, fd, saved = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files are written"));
      return FALSE;
    }
  shown = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  dfd = open (dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dfd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: its folder cannot be opened (%s; a folder that is a "
                     "symbolic link is not followed)"), shown, g_strerror (saved));
      return FALSE;
    }
  if (fstatat (dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
    {
      const char *why = S_ISLNK (st.st_mode) ? _("it is a symbolic link, which is not followed")
                        : !S_ISREG (st.st_mode) ? _("it is not a regular file")
                        : st.st_nlink > 1 ? _("the file has other names (hard links)")
                        : NULL;
      if (why != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not write %s: %s"), shown, why);
          close (dfd);
          return FALSE;
        }
    }
  temp = g_strdup_printf (".%s.%u.tmp", name, (guint) g_random_int ());
  fd = openat (dfd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0 || !file_write_all (fd, data, length) || fsync (fd) != 0)
    saved = errno ? errno : EIO;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && renameat (dfd, temp, dfd, name) != 0)
    saved = errno;
  if (saved != 0)
    {
      unlinkat (dfd, temp, 0);
      close (dfd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write %s: %s"),
                   shown, g_strerror (saved));
      return FALSE;
    }
  fsync (dfd);
  close (dfd);
  return TRUE;
}
