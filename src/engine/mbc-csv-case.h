/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-csv-case.h: a cohort's CSV header and rows, as case files */
#pragma once

#include "mbc-case.h"
#include "mbc-csv.h"

G_BEGIN_DECLS

/* The REDCap-style checkbox columns of metastatic_sites: this, then a site's name. */
#define MBC_CSV_SITE_PREFIX "metastatic_sites___"

typedef struct _MbcCsvColumns MbcCsvColumns;

MbcCsvColumns *mbc_csv_columns_new     (const MbcCsvRecord  *header,
                                        const char * const  *ignored,
                                        GPtrArray           *problems);
void           mbc_csv_columns_free    (MbcCsvColumns       *self);
JsonNode      *mbc_csv_columns_to_json (MbcCsvColumns       *self,
                                        const MbcCsvRecord  *record,
                                        GPtrArray           *problems);
MbcCase       *mbc_csv_columns_read_case (MbcCsvColumns     *self,
                                          const MbcCsvRecord *record,
                                          GPtrArray         *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcCsvColumns, mbc_csv_columns_free)

G_END_DECLS
