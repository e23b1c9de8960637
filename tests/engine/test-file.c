/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Files: read within a limit, only regular ones; written never half, through symbolic links
 * and hard links, keeping an existing file's permissions, new ones the user's alone, and
 * never over a special file (interfaces.md, Limits).
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mbc-file.h"

static char *
read_text (const char *path)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (mbc_file_write_atomic (file, text, strlen (text), MBC_FILE_PRIVATE_MODE,
                                        &error));
  g_assert_no_error (error);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing))
    n++;
  return n;
}

static void
test_write (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-file-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.json", NULL);
  g_autofree char *real = g_build_filename (dir, "real.json", NULL);
  g_autofree char *soft = g_build_filename (dir, "link.json", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  struct stat st;

  /* A new file: the user's alone, whatever the umask. */
  write_text (fresh, "one");
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* An existing file keeps its permissions. */
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  write_text (real, "two");
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  text = read_text (real);
  g_assert_cmpstr (text, ==, "two");
  g_clear_pointer (&text, g_free);

  /* Through a symbolic link: the target is written, the link stays a link. */
  g_assert_cmpint (symlink ("real.json", soft), ==, 0);
  write_text (soft, "three");
  g_assert_cmpint (g_lstat (soft, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = read_text (real);
  g_assert_cmpstr (text, ==, "three");
  g_clear_pointer (&text, g_free);

  /* Through a hard link: both names see the new content. */
  g_assert_cmpint (link (real, hard), ==, 0);
  write_text (hard, "four");
  text = read_text (real);
  g_assert_cmpstr (text, ==, "four");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpuint (st.st_nlink, ==, 2);

  /* A special file is never replaced. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (mbc_file_write_atomic (fifo_file, "x", 1, MBC_FILE_PRIVATE_MODE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A symbolic link that leads round in a loop is refused, and stays a link. */
  {
    g_autofree char *loop_a = g_build_filename (dir, "loop-a", NULL);
    g_autofree char *loop_b = g_build_filename (dir, "loop-b", NULL);
    g_autoptr(GFile) loop = g_file_new_for_path (loop_a);

    g_assert_cmpint (symlink ("loop-b", loop_a), ==, 0);
    g_assert_cmpint (symlink ("loop-a", loop_b), ==, 0);
    g_clear_error (&error);
    g_assert_false (mbc_file_write_atomic (loop, "x", 1, MBC_FILE_PRIVATE_MODE, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
    g_assert_nonnull (strstr (error->message, "more than 40 symbolic links"));
    g_assert_cmpint (g_lstat (loop_a, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
    g_unlink (loop_a);
    g_unlink (loop_b);
  }

  /* A read-only file (no write bit at all) is left as it is, whoever writes (root too). */
  {
    g_autofree char *locked = g_build_filename (dir, "locked.json", NULL);
    g_autoptr(GFile) locked_file = g_file_new_for_path (locked);

    g_assert_true (g_file_set_contents (locked, "kept", -1, NULL));
    g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
    g_clear_error (&error);
    g_assert_false (mbc_file_write_atomic (locked_file, "x", 1, MBC_FILE_PRIVATE_MODE, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
    g_assert_nonnull (strstr (error->message, "read-only"));
    text = read_text (locked);
    g_assert_cmpstr (text, ==, "kept");
    g_clear_pointer (&text, g_free);
    g_unlink (locked);
  }

  /* Nothing else is left in the folder: no temporary file. */
  g_assert_cmpuint (count_entries (dir), ==, 5);
  g_unlink (fresh);
  g_unlink (real);
  g_unlink (soft);
  g_unlink (hard);
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_set_contents (path, "12345", -1, NULL));
  bytes = mbc_file_read (file, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 5);
  g_assert_null (mbc_file_read (file, 4, &error));
  g_assert_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (mbc_file_read (device, 4, &error));
  g_assert_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  g_assert_null (mbc_file_read (folder, 4, &error));
  g_assert_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_NOT_REGULAR);
  g_unlink (path);
  g_rmdir (dir);
}

/* A save interrupted by SIGTERM leaves no temporary file: the process that is stopped
 * while writing one removes it on its way out. */
static void
test_signal_cleanup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  gboolean caught = FALSE;

  for (int attempt = 0; attempt < 20 && !caught; attempt++)
    {
      pid_t child = fork ();
      int status = 0;

      if (child == 0)
        {
          gsize length = 256u << 20;
          char *data = g_malloc0 (length);
          g_autoptr(GFile) file = g_file_new_for_path (path);

          mbc_file_clean_up_on_signals ();
          mbc_file_write_atomic (file, data, length, MBC_FILE_PRIVATE_MODE, NULL);
          _exit (0);
        }
      /* As soon as the temporary file is there, stop the writer. */
      for (int i = 0; i < 200000 && !caught; i++)
        {
          g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
          const char *name;

          while ((name = g_dir_read_name (listing)))
            if (name[0] == '.')
              caught = TRUE;
          if (!caught)
            g_usleep (20);
        }
      if (caught)
        kill (child, SIGTERM);
      waitpid (child, &status, 0);
      /* Stopped while saving, or done before the signal came (then try again). */
      caught = caught && WIFSIGNALED (status);
      if (caught)
        g_assert_cmpint (WTERMSIG (status), ==, SIGTERM);
      g_unlink (path);
    }
  if (!caught)
    {
      g_test_skip ("the writer always finished before it could be stopped");
      return;
    }
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_rmdir (dir);
}

/* What a file given by name holds: by its extension, else by its first bytes. */
static void
test_guess_kind (void)
{
  static const struct { const char *name; const char *head; MbcFileKind kind; } cases[] = {
    { "cohort.csv", "{\"not\": \"read\"}\n{}\n", MBC_FILE_KIND_COHORT_CSV },
    { "COHORT.CSV", "", MBC_FILE_KIND_COHORT_CSV },
    { "cases.jsonl", "", MBC_FILE_KIND_COHORT_JSONL },
    { "cases.ndjson", "", MBC_FILE_KIND_COHORT_JSONL },
    { "case.json", "label,age_years\n", MBC_FILE_KIND_CASE },
    { "export.txt", "label,age_years\r\nA,45\r\n", MBC_FILE_KIND_COHORT_CSV },
    { "export", "\xef\xbb\xbfrecord_id,age_years\n1,45\n", MBC_FILE_KIND_COHORT_CSV },
    { "lines.txt", "{\"schema\": \"mbc-advisor/case/1\", \"label\": \"a } \\\" {\"}\n"
                   "{\"schema\": \"mbc-advisor/case/1\"}\n", MBC_FILE_KIND_COHORT_JSONL },
    { "one-line.txt", "{\"schema\": \"mbc-advisor/case/1\"}\n", MBC_FILE_KIND_CASE },
    { "pretty", "{\n  \"schema\": \"mbc-advisor/case/1\"\n}\n", MBC_FILE_KIND_CASE },
    { "empty", "", MBC_FILE_KIND_CASE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (mbc_file_guess_kind (cases[i].name, cases[i].head, strlen (cases[i].head)),
                     ==, cases[i].kind);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file/write", test_write);
  g_test_add_func ("/file/read", test_read);
  g_test_add_func ("/file/signal-cleanup", test_signal_cleanup);
  g_test_add_func ("/file/guess-kind", test_guess_kind);
  return g_test_run ();
}
