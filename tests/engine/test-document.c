/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MbcDocument: modified state, saving, and the draft kept for after a crash. */
#include "config.h"

#include <unistd.h>

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "mbc-document.h"
#include "mbc-problem.h"
#include "mbc-test.h"

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_draft_and_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-document-XXXXXX", NULL);
  g_autofree char *draft_path = g_build_filename (dir, "state", "draft.json", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (draft_path);
  g_autoptr(GFile) file = g_file_new_for_path (case_path);
  g_autoptr(MbcDocument) doc = mbc_document_new (draft);
  MbcCase *kase = mbc_document_get_case (doc);
  MbcCase *other_case = NULL;
  g_autoptr(MbcDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autofree char *title = NULL;
  g_autofree char *state = g_path_get_dirname (draft_path);
  int age = 0;

  g_assert_false (mbc_document_get_modified (doc));
  title = mbc_document_get_title (doc);
  g_assert_cmpstr (title, ==, "New Case");

  /* A change: modified at once; the draft holds it soon after (within seconds). */
  g_object_set (kase, "age-years", 61, NULL);
  g_assert_true (mbc_document_get_modified (doc));
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_assert_true (mbc_test_wait_until (file_exists, draft_path, 5000));
  /* Patient data: the draft is the user's alone, in a folder that is too. */
  {
    struct stat st;
    g_assert_cmpint (g_stat (draft_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (state, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }

  /* After a crash: another document restores it, as unsaved changes. */
  other = mbc_document_new (draft);
  other_case = mbc_document_get_case (other);
  g_assert_true (mbc_document_restore_draft (other, &error));
  g_assert_no_error (error);
  g_object_get (other_case, "age-years", &age, NULL);
  g_assert_cmpint (age, ==, 61);
  g_assert_true (mbc_document_get_modified (other));
  g_assert_null (mbc_document_get_file (other));

  /* Saved: not modified, the file holds the case, the draft is gone. */
  g_assert_true (mbc_document_save (doc, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (mbc_document_get_modified (doc));
  g_assert_true (g_file_equal (mbc_document_get_file (doc), file));
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&title, g_free);
  title = mbc_document_get_title (doc);
  g_assert_cmpstr (title, ==, "case.json");

  /* A draft of a saved file restores with that file. */
  g_object_set (kase, "ecog", 1, NULL);
  g_assert_true (mbc_document_write_draft (doc, &error));
  g_assert_true (mbc_document_restore_draft (other, &error));
  g_assert_true (g_file_equal (mbc_document_get_file (other), file));

  /* Loading: not modified, and the draft is gone. */
  mbc_document_clear (other);
  g_assert_true (mbc_document_load (other, file, problems, &error));
  g_assert_no_error (error);
  g_assert_false (mbc_document_get_modified (other));
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_object_get (other_case, "age-years", &age, NULL);
  g_assert_cmpint (age, ==, 61);

  g_object_unref (g_steal_pointer (&other));
  g_unlink (case_path);
  g_unlink (draft_path);
  g_rmdir (state);
  g_rmdir (dir);
}

/* An invalid or unreadable file leaves the document as it was. */
static void
test_load_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-document-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (path);
  g_autoptr(GFile) none = g_file_new_for_path (missing);
  g_autoptr(MbcDocument) doc = mbc_document_new (NULL);
  MbcCase *kase = mbc_document_get_case (doc);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  int age = 0;

  g_object_set (kase, "age-years", 50, NULL);
  g_assert_true (g_file_set_contents (path, "{\"schema\": \"mbc-advisor/case/1\", \"ecog\": 7}",
                                      -1, NULL));
  g_assert_false (mbc_document_load (doc, bad, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_false (mbc_document_load (doc, none, problems, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_object_get (kase, "age-years", &age, NULL);
  g_assert_cmpint (age, ==, 50);
  g_assert_true (mbc_document_get_modified (doc));
  g_assert_null (mbc_document_get_file (doc));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
has_draft_problem (gpointer doc)
{
  return mbc_document_get_draft_problem (doc) != NULL;
}

/* Drafts are never lost: one running instance owns a draft (a second does not take it);
 * one that cannot be read is not restored and stays; one that cannot be written is said
 * once. A file changed on disk since it was opened is not overwritten unasked. */
static void
test_safety (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-document-XXXXXX", NULL);
  g_autofree char *draft_path = g_build_filename (dir, "state", "draft.json", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *blocked = g_build_filename (blocker, "draft.json", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (draft_path);
  g_autoptr(GFile) file = g_file_new_for_path (case_path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (blocked);
  g_autoptr(MbcDocument) first = mbc_document_new (NULL);
  g_autoptr(MbcDocument) second = mbc_document_new (NULL);
  g_autoptr(MbcDocument) third = mbc_document_new (NULL);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  const char *garbage[] = { "", "not json", "{\"schema\": {}, \"title\": {}}",
                            "{\"schema\": \"mbc-advisor/draft/1\", \"case\": 3}" };

  /* One owner. */
  g_assert_true (mbc_document_claim_draft (first, draft, &error));
  g_assert_no_error (error);
  g_assert_false (mbc_document_claim_draft (second, draft, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_null (mbc_document_get_draft (second));

  /* A corrupt draft: not restorable, and left where it is. */
  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_assert_true (g_file_set_contents (draft_path, garbage[i], -1, NULL));
      g_assert_false (mbc_document_check_draft (first, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_false (mbc_document_restore_draft (first, &error));
      g_clear_error (&error);
      g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));
    }
  g_unlink (draft_path);

  /* Changed on disk by someone else since it was opened: not overwritten unasked. */
  g_assert_true (g_file_set_contents (case_path, "{\"schema\": \"mbc-advisor/case/1\"}", -1,
                                      NULL));
  g_assert_true (mbc_document_load (third, file, problems, &error));
  g_assert_true (g_file_set_contents (case_path, "{\"schema\": \"mbc-advisor/case/1\", "
                                      "\"ecog\": 2}", -1, NULL));
  g_object_set (mbc_document_get_case (third), "ecog", 1, NULL);
  g_assert_false (mbc_document_save (third, file, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (mbc_document_save (third, file, TRUE, &error));
  g_assert_no_error (error);
  /* Saved here: saving again needs no question. */
  g_object_set (mbc_document_get_case (third), "ecog", 0, NULL);
  g_assert_true (mbc_document_save (third, file, FALSE, &error));

  /* A draft that cannot be written: said (once), the work goes on. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  mbc_document_set_draft (third, nowhere);
  g_object_set (mbc_document_get_case (third), "age-years", 50, NULL);
  g_assert_true (mbc_test_wait_until (has_draft_problem, third, 5000));
  g_assert_true (mbc_document_get_modified (third));

  g_unlink (case_path);
  g_unlink (blocker);
  g_clear_object (&first);
  {
    g_autofree char *lock = g_strconcat (draft_path, ".lock", NULL);
    g_autofree char *state = g_path_get_dirname (draft_path);
    g_unlink (lock);
    g_rmdir (state);
  }
  g_rmdir (dir);
}

/* A link planted at the draft's name never sends the patient's draft elsewhere: a symbolic
 * link or a hard-linked file there is refused, the target untouched; an existing draft that
 * was 0644 is 0600 once written. */
static void
test_draft_links (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-draft-links-XXXXXX", NULL);
  g_autofree char *draft_path = g_build_filename (dir, "draft.json", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere.json", NULL);
  g_autoptr(GFile) draft = g_file_new_for_path (draft_path);
  g_autoptr(MbcDocument) doc = mbc_document_new (draft);
  g_autofree char *text = NULL;
  struct stat st;

  g_object_set (mbc_document_get_case (doc), "age-years", 61, NULL);

  /* A symbolic link at the draft's name: refused; the file it names stays as it was. */
  g_assert_true (g_file_set_contents (elsewhere, "kept", -1, NULL));
  g_assert_cmpint (g_chmod (elsewhere, 0644), ==, 0);
  g_assert_cmpint (symlink (elsewhere, draft_path), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (mbc_document_write_draft (doc, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "symbolic link"));
  }
  g_assert_true (g_file_get_contents (elsewhere, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "kept");
  g_clear_pointer (&text, g_free);
  g_unlink (draft_path);

  /* A hard link: refused too. */
  g_assert_cmpint (link (elsewhere, draft_path), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (mbc_document_write_draft (doc, &error));
    g_assert_nonnull (strstr (error->message, "hard links"));
  }
  g_assert_true (g_file_get_contents (elsewhere, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "kept");
  g_clear_pointer (&text, g_free);
  g_unlink (draft_path);

  /* An existing draft readable by others becomes the user's alone. */
  g_assert_true (g_file_set_contents (draft_path, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (draft_path, 0644), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (mbc_document_write_draft (doc, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_lstat (draft_path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  mbc_document_discard_draft (doc);
  g_unlink (draft_path);
  g_unlink (elsewhere);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/draft-and-save", test_draft_and_save);
  g_test_add_func ("/document/load-errors", test_load_errors);
  g_test_add_func ("/document/safety", test_safety);
  g_test_add_func ("/document/draft-links", test_draft_links);
  return g_test_run ();
}
