/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a case file, read, checked and (when valid) written and read again,
 * which must give the same case; and the quick reader (mbc-case-scan.c) takes it only as the
 * full reader does. */
#include "config.h"

#include <string.h>

#include "mbc-case.h"
#include "mbc-case-private.h"
#include "mbc-json.h"
#include "mbc-problem.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = mbc_case_new_from_data ((const char *) data, size, problems);
  g_autoptr(MbcCase) quick = _mbc_case_scan ((const char *) data, size);

  if (quick != NULL)
    {
      g_autoptr(JsonNode) root = mbc_json_parse ((const char *) data, size, MBC_CASE_MAX_DEPTH,
                                                 NULL);
      g_autoptr(GPtrArray) full_problems = mbc_problems_new ();
      g_autoptr(MbcCase) full = root ? mbc_case_new_from_json (root, full_problems) : NULL;
      g_autofree char *a = mbc_case_to_data (quick, NULL);
      g_autofree char *b = full ? mbc_case_to_data (full, NULL) : NULL;

      if (full == NULL || full_problems->len > 0 || strcmp (a, b) != 0)
        __builtin_trap ();   /* the quick reader took what the full one refuses or reads otherwise */
    }

  if (kase != NULL)
    {
      gsize length;
      g_autofree char *written = mbc_case_to_data (kase, &length);
      g_autoptr(GPtrArray) again_problems = mbc_problems_new ();
      g_autoptr(MbcCase) again = mbc_case_new_from_data (written, length, again_problems);
      g_autofree char *rewritten = NULL;

      if (again == NULL)
        __builtin_trap ();   /* what we write, we must read */
      rewritten = mbc_case_to_data (again, NULL);
      if (strcmp (written, rewritten) != 0)
        __builtin_trap ();
      mbc_case_validate (kase, problems);
      for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
        g_free (mbc_case_format_value (kase, f));
    }
  return 0;
}
