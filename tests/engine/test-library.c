/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case library: every bundled case loads, names statements the pack has, and evaluates
 * to the tier it declares; together they reach every tier and the rules the issue names. */
#include "config.h"

#include "mbc-evaluator.h"
#include "mbc-guideline.h"
#include "mbc-library.h"
#include "mbc-problem.h"

static void
test_every_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcGuideline) guideline = mbc_guideline_new_default (problems, &error);
  g_autoptr(MbcEvaluator) evaluator = NULL;
  g_autoptr(GPtrArray) cases = mbc_library_load (&error);
  g_autoptr(GHashTable) tiers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rules = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean stronger = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (guideline);
  g_assert_nonnull (cases);
  g_assert_cmpuint (cases->len, >=, 9);
  evaluator = mbc_evaluator_new (guideline);
  for (guint i = 0; i < cases->len; i++)
    {
      MbcLibraryCase *entry = g_ptr_array_index (cases, i);
      g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, entry->kase, &error);

      g_assert_no_error (error);
      g_test_message ("%s: %s, %s", entry->id, mbc_result_get_tier (result),
                      mbc_result_get_rule (result)->id);
      g_assert_cmpstr (mbc_result_get_tier (result), ==, entry->expected_tier);
      g_assert_true (*entry->title && *entry->note);
      for (guint k = 0; entry->statements[k]; k++)
        g_assert_nonnull (mbc_guideline_lookup_source (guideline, entry->statements[k]));
      g_hash_table_add (tiers, (gpointer) mbc_result_get_tier (result));
      g_hash_table_add (rules, (gpointer) mbc_result_get_rule (result)->id);
      stronger |= g_strcmp0 (mbc_result_get_strength (result), "stronger") == 0;
    }
  g_assert_cmpuint (g_hash_table_size (tiers), ==, 4);
  g_assert_true (stronger);
  g_assert_true (g_hash_table_contains (rules, "multiple_liver_lung"));
  g_assert_true (g_hash_table_contains (rules, "margins_not_achievable"));
  g_assert_true (g_hash_table_contains (rules, "needs_information"));
  g_assert_cmpstr (((MbcLibraryCase *) cases->pdata[0])->id, ==, "01-worked-example");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/library/every-case", test_every_case);
  return g_test_run ();
}
