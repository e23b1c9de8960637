/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a FHIR export, imported; a case it gives must be one the case file reads
 * back, and every source must name a value that the case holds. */
#include "config.h"

#include <string.h>

#include "mbc-fhir.h"
#include "mbc-problem.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) not_used = NULL;
  g_autoptr(MbcCase) kase = NULL;
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 6, 2025);
  kase = mbc_fhir_import_data ((const char *) data, size, &as_of, &sources, &not_used, problems);
  if (kase != NULL)
    {
      gsize length;
      g_autofree char *written = mbc_case_to_data (kase, &length);
      g_autoptr(GPtrArray) again_problems = mbc_problems_new ();
      g_autoptr(MbcCase) again = mbc_case_new_from_data (written, length, again_problems);

      if (again == NULL || sources == NULL || not_used == NULL || problems->len != 0)
        __builtin_trap ();   /* what the import gives, the case file must read */
      if (mbc_case_is_known (kase, MBC_CASE_FIELD_LABEL))
        __builtin_trap ();   /* the label is never filled in */
      for (guint i = 0; i < sources->len; i++)
        {
          const MbcFhirSource *s = sources->pdata[i];
          if (!mbc_case_is_known (kase, s->field) || s->resource == NULL || s->code == NULL)
            __builtin_trap ();
        }
    }
  else if (problems->len == 0)
    __builtin_trap ();   /* no case without a problem that says why */
  return 0;
}
