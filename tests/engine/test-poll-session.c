/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MbcPollSession: votes, undo, reset, reveal, moving between questions, export. */
#include "config.h"

#include <string.h>

#include "mbc-json.h"
#include "mbc-poll-session.h"
#include "mbc-problem.h"

static MbcGuideline *guideline;

/* A case title that a spreadsheet would run is written neutralised (interfaces.md: CSV cells
 * are never formulas), the numbers plainly. */
static void
test_csv_formulas (void)
{
  static const char * const titles[] = {
    "=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
    "\tTab", "=cmd|' /C calc'!A0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(MbcPollSession) session = mbc_poll_session_new (guideline, titles[i]);
      g_autofree char *csv = NULL;
      g_auto(GStrv) lines = NULL;
      const char *cell;

      mbc_poll_session_vote (session, 0);
      csv = mbc_poll_session_to_csv (session);
      lines = g_strsplit (csv, "\r\n", -1);
      cell = lines[1][0] == '"' ? lines[1] + 1 : lines[1];
      g_assert_cmpint (cell[0], ==, '\'');
      g_assert_nonnull (strstr (lines[1], ",1,1,100.0,77.3"));
    }
}

static void
test_questions (void)
{
  g_autoptr(MbcPollSession) session = mbc_poll_session_new (guideline, "A case");
  guint n = mbc_poll_session_get_n_questions (session);

  /* The four poll tables, then the question asked without a poll. */
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (mbc_poll_session_get_question (session, i)->kind, ==, "poll");
  g_assert_cmpstr (mbc_poll_session_get_question (session, 4)->id, ==, "Q5");
  g_assert_cmpstrv (mbc_poll_session_get_options (session, 4),
                    ((const char *[]) { "Yes", "No", NULL }));
  g_assert_cmpstrv (mbc_poll_session_get_options (session, 0),
                    ((const char *[]) { "Yes", "No", NULL }));
}

/* A scripted session: votes, undo, reset, reveal, next and previous, and the exports. */
static void
test_session (void)
{
  g_autoptr(MbcPollSession) session = mbc_poll_session_new (guideline, "The case, \"quoted\"");
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *questions;
  JsonObject *first, *yes;
  guint changes = 0;

  g_signal_connect_swapped (session, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  /* Question 1: 7 yes, 3 no, one no undone. */
  for (int i = 0; i < 7; i++)
    g_assert_true (mbc_poll_session_vote (session, 0));
  for (int i = 0; i < 4; i++)
    g_assert_true (mbc_poll_session_vote (session, 1));
  g_assert_false (mbc_poll_session_vote (session, 2));
  g_assert_true (mbc_poll_session_undo (session));
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 0), ==, 7);
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 1), ==, 3);
  g_assert_cmpfloat_with_epsilon (mbc_poll_session_get_percent (session, 0, 0), 70.0, 1e-9);
  g_assert_false (mbc_poll_session_get_revealed (session, 0));
  mbc_poll_session_reveal (session);
  g_assert_true (mbc_poll_session_get_revealed (session, 0));

  /* Question 2: votes, then reset; then one vote. */
  g_assert_true (mbc_poll_session_next (session));
  g_assert_cmpuint (mbc_poll_session_get_current (session), ==, 1);
  mbc_poll_session_vote (session, 0);
  mbc_poll_session_vote (session, 1);
  mbc_poll_session_reset_question (session);
  g_assert_cmpuint (mbc_poll_session_get_total (session, 1), ==, 0);
  mbc_poll_session_vote (session, 1);
  /* Undo after a reset takes back the last vote that is left: question 2's no. */
  g_assert_true (mbc_poll_session_undo (session));
  g_assert_cmpuint (mbc_poll_session_get_total (session, 1), ==, 0);
  /* And the one before: question 1's last no. */
  g_assert_true (mbc_poll_session_undo (session));
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 1), ==, 2);
  mbc_poll_session_previous (session);
  mbc_poll_session_vote (session, 1);
  g_assert_cmpuint (mbc_poll_session_get_count (session, 0, 1), ==, 3);

  /* To the end and no further. */
  while (mbc_poll_session_next (session))
    ;
  g_assert_cmpuint (mbc_poll_session_get_current (session), ==, 4);
  mbc_poll_session_vote (session, 0);
  mbc_poll_session_vote (session, 0);
  mbc_poll_session_vote (session, 1);
  g_assert_cmpuint (changes, >, 15);

  csv = mbc_poll_session_to_csv (session);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "case,question_id,question,option,room_count,room_total,"
                                 "room_percent,polled_percent");
  g_assert_cmpstr (lines[1], ==, "\"The case, \"\"quoted\"\"\",T1,Will you proceed with "
                                 "mastectomy?,Yes,7,10,70.0,77.3");
  g_assert_cmpstr (lines[3], ==, "\"The case, \"\"quoted\"\"\",T2,Will you proceed with "
                                 "mastectomy even if there is positron emission tomography/"
                                 "computed tomography complete resolution in the breast as "
                                 "well?,Yes,0,0,,63.6");
  g_assert_true (g_str_has_suffix (lines[9], ",Yes,2,3,66.7,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 12);   /* header, 10 options, and "" */

  json = mbc_poll_session_to_json (session);
  root = mbc_json_parse (json, strlen (json), 16, NULL);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "schema"), ==,
                   MBC_POLL_SESSION_SCHEMA);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "case"), ==,
                   "The case, \"quoted\"");
  questions = json_object_get_array_member (json_node_get_object (root), "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 5);
  first = json_array_get_object_element (questions, 0);
  g_assert_cmpint (json_object_get_int_member (first, "room_total"), ==, 10);
  yes = json_array_get_object_element (json_object_get_array_member (first, "options"), 0);
  g_assert_cmpint (json_object_get_int_member (yes, "room_count"), ==, 7);
  g_assert_cmpfloat (json_object_get_double_member (yes, "room_percent"), ==, 70.0);
  g_assert_cmpfloat (json_object_get_double_member (yes, "polled_percent"), ==, 77.3);
  yes = json_array_get_object_element (json_object_get_array_member (
          json_array_get_object_element (questions, 4), "options"), 0);
  g_assert_true (json_object_get_null_member (yes, "polled_percent"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  int status;

  g_test_init (&argc, &argv, NULL);
  guideline = mbc_guideline_new_default (problems, &error);
  g_assert_no_error (error);
  g_test_add_func ("/poll-session/csv-formulas", test_csv_formulas);
  g_test_add_func ("/poll-session/questions", test_questions);
  g_test_add_func ("/poll-session/session", test_session);
  status = g_test_run ();
  g_object_unref (guideline);
  return status;
}
