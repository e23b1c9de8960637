/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-csv.h: the records of a CSV file (RFC 4180), read as a stream */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most cells a record may have (a header's columns included), as MBC_FILE_CASE_MAX_BYTES
 * bounds its bytes: wide enough for a REDCap export of every instrument. */
#define MBC_CSV_MAX_CELLS 4096

/* One record: its cells, or why it cannot be read. */
typedef struct
{
  guint      number;   /* its row in a spreadsheet: the first record (the header) is 1 */
  GPtrArray *cells;    /* char *, UTF-8 without NUL; empty when problem is set */
  char      *problem;  /* nullable: why the record is not one (its quoting, its encoding) */
} MbcCsvRecord;

typedef struct _MbcCsvReader MbcCsvReader;

MbcCsvReader *mbc_csv_reader_new        (GInputStream  *stream);
MbcCsvReader *mbc_csv_reader_new_for_fd (int            fd);
void          mbc_csv_reader_free       (MbcCsvReader  *self);
MbcCsvRecord *mbc_csv_reader_next       (MbcCsvReader  *self,
                                         GError       **error);
void          mbc_csv_record_free       (MbcCsvRecord  *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcCsvReader, mbc_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcCsvRecord, mbc_csv_record_free)

G_END_DECLS
