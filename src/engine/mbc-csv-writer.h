/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-csv-writer.h: results as summary rows of a CSV file, one a case (--format csv) */
#pragma once

#include "mbc-case.h"
#include "mbc-result.h"

G_BEGIN_DECLS

#define MBC_TYPE_CSV_WRITER (mbc_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (MbcCsvWriter, mbc_csv_writer, MBC, CSV_WRITER, GObject)

MbcCsvWriter *mbc_csv_writer_new          (MbcGuideline *guideline);
void          mbc_csv_writer_write_header (MbcCsvWriter *self,
                                           GString      *out);
void          mbc_csv_writer_write_result (MbcCsvWriter *self,
                                           guint         line,
                                           MbcCase      *kase,
                                           MbcResult    *result,
                                           GString      *out);
void          mbc_csv_writer_write_error  (MbcCsvWriter *self,
                                           guint         line,
                                           GPtrArray    *problems,
                                           GString      *out);
const char   *mbc_csv_concordance         (const char   *tier,
                                           const char   *choice);
void          mbc_csv_write_cell          (GString      *out,
                                           const char   *text);

G_END_DECLS
