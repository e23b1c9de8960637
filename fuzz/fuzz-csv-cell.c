/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the one CSV cell writer (mbc_csv_write_cell), read back by the engine's
 * CSV reader. Whatever the text, the row holds exactly that one cell; no cell begins with a
 * character a spreadsheet runs as a formula (= + - @ tab CR); and a text without control or
 * invisible characters reads back as written, after the apostrophe that neutralises a
 * formula. */
#include "config.h"

#include <string.h>

#include "mbc-csv.h"
#include "mbc-csv-writer.h"
#include "mbc-problem.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  /* The writer is given UTF-8 text, as every text of the application is. */
  g_autofree char *raw = g_strndup ((const char *) data, size);
  g_autofree char *text = g_utf8_make_valid (raw, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(MbcCsvReader) reader = NULL;
  g_autoptr(MbcCsvRecord) record = NULL;
  g_autofree char *escaped = mbc_problem_escape (text);
  /* Plain: a text the writer need not escape (no control or invisible character). */
  gboolean plain = strcmp (escaped, text) == 0;
  const char *cell;

  /* After a header, as every CSV the application writes has one (a reader drops a byte
   * order mark at the start of a file), a row of two cells: the text, then a sentinel, so
   * the cell's end is checked too. */
  g_string_append (out, "text,sentinel\r\n");
  mbc_csv_write_cell (out, text);
  g_string_append (out, ",end\r\n");
  stream = g_memory_input_stream_new_from_data (g_memdup2 (out->str, out->len), out->len,
                                                g_free);
  reader = mbc_csv_reader_new (stream);
  mbc_csv_record_free (mbc_csv_reader_next (reader, NULL));
  record = mbc_csv_reader_next (reader, NULL);
  if (record == NULL || record->problem != NULL || record->cells->len != 2 ||
      strcmp (g_ptr_array_index (record->cells, 1), "end") != 0)
    __builtin_trap ();
  cell = g_ptr_array_index (record->cells, 0);
  if (cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL)
    __builtin_trap ();
  /* Read back as the contract says: where apostrophes lead to = + - @, one is dropped; the
   * rest is the text. */
  if (plain)
    {
      const char *after = cell + strspn (cell, "'");
      const char *back = cell[0] == '\'' && *after != '\0' && strchr ("=+-@", *after) != NULL
                         ? cell + 1 : cell;
      if (strcmp (back, text) != 0)
        __builtin_trap ();
    }
  return 0;
}
