/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A pack's own tests (its "tests" member): each case is evaluated by the pack and its
 * result compared with what the test expects, so that a pack author who changes a
 * threshold or a rule sees at once which cases changed.
 */
#define G_LOG_DOMAIN "mbc-pack-test"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mbc-case.h"
#include "mbc-evaluator.h"
#include "mbc-pack-test.h"
#include "mbc-result.h"

static int
pack_test_compare_strings (gconstpointer a,
                           gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The strings of @list, sorted and joined with ", ". */
static char *
pack_test_sorted_list (const char * const *list,
                       guint               n)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *out = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, (gpointer) list[i]);
  g_ptr_array_sort (sorted, pack_test_compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", (const char *) sorted->pdata[i]);
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static void
pack_test_differ (GString    *out,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

static void
pack_test_differ (GString    *out,
                  const char *format,
                  ...)
{
  va_list args;

  if (out->len)
    g_string_append (out, "; ");
  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
}

/**
 * mbc_pack_test_run:
 * @test: one of mbc_guideline_get_tests (@guideline)
 *
 * Evaluates the test's case and compares the result with what the test expects.
 *
 * Returns: (transfer full) (nullable): %NULL when the result is as expected, or what
 *   differed ("tier is indeterminate, expected not_recommended; …"). Also %NULL, with
 *   @error set, when the pack fails to evaluate the case.
 */
char *
mbc_pack_test_run (MbcGuideline      *guideline,
                   const MbcPackTest *test,
                   GError           **error)
{
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *findings = mbc_guideline_get_findings (guideline);

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);
  g_return_val_if_fail (test != NULL && test->kase != NULL, NULL);

  result = mbc_evaluate (guideline, MBC_CASE (test->kase), error);
  if (result == NULL)
    return NULL;

  if (g_strcmp0 (mbc_result_get_tier (result), test->tier) != 0)
    pack_test_differ (out, _("tier is %s, expected %s"), mbc_result_get_tier (result), test->tier);
  if (test->has_strength && g_strcmp0 (mbc_result_get_strength (result), test->strength) != 0)
    pack_test_differ (out, _("strength is %s, expected %s"),
                      mbc_result_get_strength (result) ? mbc_result_get_strength (result) : "null",
                      test->strength ? test->strength : "null");
  if (test->rule && g_strcmp0 (mbc_result_get_rule (result)->id, test->rule) != 0)
    pack_test_differ (out, _("rule is %s, expected %s"), mbc_result_get_rule (result)->id,
                      test->rule);
  for (guint i = 0; test->findings && i < findings->len; i++)
    {
      const MbcFinding *finding = g_ptr_array_index (findings, i);
      const char *got = mbc_finding_status_to_string (mbc_result_get_finding_status (result, i));
      const char *expected = json_object_get_string_member_with_default (test->findings,
                                                                         finding->id, NULL);
      if (expected && strcmp (got, expected) != 0)
        pack_test_differ (out, _("finding %s is %s, expected %s"), finding->id, got, expected);
    }
  for (guint list = 0; list < 2; list++)
    {
      const char **want = list == 0 ? test->missing : test->confirm;
      GPtrArray *have = list == 0 ? mbc_result_get_missing (result)
                                  : mbc_result_get_confirm (result);
      g_autofree char *got = NULL;
      g_autofree char *expected = NULL;

      if (want == NULL)
        continue;
      got = pack_test_sorted_list ((const char * const *) have->pdata, have->len);
      expected = pack_test_sorted_list (want, g_strv_length ((char **) want));
      if (strcmp (got, expected) != 0)
        pack_test_differ (out, list == 0 ? _("missing is %s, expected %s")
                                         : _("confirm is %s, expected %s"), got, expected);
    }
  if (test->heading && strcmp (mbc_result_get_heading (result), test->heading) != 0)
    pack_test_differ (out, _("heading is “%s”, expected “%s”"), mbc_result_get_heading (result),
                      test->heading);
  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
