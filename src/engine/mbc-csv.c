/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The records of a CSV file as spreadsheets and REDCap write it (RFC 4180): cells separated
 * by commas, quoted cells holding commas, doubled quotes and line breaks, records ended by
 * CRLF, LF or CR, an optional UTF-8 byte order mark. The input is read a block at a time,
 * so memory holds one record, at most MBC_FILE_CASE_MAX_BYTES: past that the reader stops.
 * A record that is not well quoted, or not UTF-8, is returned with its problem; the next
 * one is read as usual.
 */
#define G_LOG_DOMAIN "mbc-csv"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "mbc-csv.h"
#include "mbc-file.h"

#define CSV_BLOCK_BYTES 65536

typedef enum
{
  CSV_CELL_START,
  CSV_UNQUOTED,
  CSV_QUOTED,
  CSV_QUOTE_IN_QUOTED,  /* a quote in a quoted cell: its end, or the first of two */
} CsvState;

struct _MbcCsvReader
{
  GInputStream *stream;     /* nullable: else fd */
  int           fd;
  guint8       *block;
  gsize         pos;
  gsize         len;
  gboolean      eof;
  gboolean      started;    /* the byte order mark is behind us */
  gboolean      skip_lf;    /* the last record ended with CR: a LF right after is its end */
  guint         number;     /* records returned */
};

static MbcCsvReader *
csv_reader_new (GInputStream *stream,
                int           fd)
{
  MbcCsvReader *self = g_new0 (MbcCsvReader, 1);

  self->stream = stream ? g_object_ref (stream) : NULL;
  self->fd = fd;
  self->block = g_malloc (CSV_BLOCK_BYTES);
  return self;
}

/**
 * mbc_csv_reader_new:
 * @stream: the CSV text
 *
 * Returns: (transfer full): a reader of @stream's records, the first of which is number 1.
 */
MbcCsvReader *
mbc_csv_reader_new (GInputStream *stream)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  return csv_reader_new (stream, -1);
}

/**
 * mbc_csv_reader_new_for_fd:
 * @fd: an open file descriptor, read with read(2) and left open
 *
 * Returns: (transfer full): a reader of @fd's records.
 */
MbcCsvReader *
mbc_csv_reader_new_for_fd (int fd)
{
  g_return_val_if_fail (fd >= 0, NULL);
  return csv_reader_new (NULL, fd);
}

void
mbc_csv_reader_free (MbcCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_free (self->block);
  g_free (self);
}

void
mbc_csv_record_free (MbcCsvRecord *record)
{
  if (record == NULL)
    return;
  g_ptr_array_unref (record->cells);
  g_free (record->problem);
  g_free (record);
}

/* Reads more into the block after what it holds; FALSE at the end (self->eof) or on an
 * error. */
static gboolean
csv_reader_fill (MbcCsvReader  *self,
                 GError       **error)
{
  gssize n;

  g_assert (self != NULL);

  if (self->eof)
    return FALSE;
  if (self->pos == self->len)
    self->pos = self->len = 0;
  if (self->stream != NULL)
    n = g_input_stream_read (self->stream, self->block + self->len, CSV_BLOCK_BYTES - self->len,
                             NULL, error);
  else
    {
      do
        n = read (self->fd, self->block + self->len, CSV_BLOCK_BYTES - self->len);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("could not be read: %s"), g_strerror (saved));
        }
    }
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->len += (gsize) n;
  return n > 0;
}

/* Skips a UTF-8 byte order mark at the very start. */
static gboolean
csv_reader_start (MbcCsvReader  *self,
                  GError       **error)
{
  g_assert (self != NULL);

  self->started = TRUE;
  while (self->len < 3 && !self->eof)
    if (!csv_reader_fill (self, error) && !self->eof)
      return FALSE;
  if (self->len >= 3 && memcmp (self->block, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  return TRUE;
}

static void
csv_record_problem (MbcCsvRecord *record,
                    const char   *problem)
{
  if (record->problem == NULL)
    record->problem = g_strdup (problem);
}

/* The record is complete: its cells must be UTF-8 (a NUL is not text either). */
static void
csv_record_finish (MbcCsvRecord *record)
{
  for (guint i = 0; i < record->cells->len && record->problem == NULL; i++)
    {
      const char *cell = g_ptr_array_index (record->cells, i);
      if (!g_utf8_validate (cell, -1, NULL))
        {
          g_autofree char *problem =
            g_strdup_printf (_("cell %u is not UTF-8 text; save the file as CSV UTF-8"), i + 1);
          csv_record_problem (record, problem);
        }
    }
  if (record->problem != NULL)
    g_ptr_array_set_size (record->cells, 0);
}

/* Ends the cell being read; a NUL inside it makes the record's problem. */
static void
csv_end_cell (MbcCsvRecord *record,
              GString      *cell)
{
  if (memchr (cell->str, '\0', cell->len) != NULL)
    {
      g_autofree char *problem =
        g_strdup_printf (_("cell %u contains a NUL byte; only text is allowed"),
                         record->cells->len + 1);
      csv_record_problem (record, problem);
    }
  g_ptr_array_add (record->cells, g_strndup (cell->str, cell->len));
  g_string_truncate (cell, 0);
}

/**
 * mbc_csv_reader_next:
 * @error: set when the input could not be read, or when the record is longer than
 *   MBC_FILE_CASE_MAX_BYTES (%MBC_FILE_ERROR_TOO_LARGE): nothing more is read then
 *
 * Returns: (transfer full) (nullable): the next record (with its problem, if it has one),
 *   or %NULL at the end of the input or with @error set.
 */
MbcCsvRecord *
mbc_csv_reader_next (MbcCsvReader  *self,
                     GError       **error)
{
  g_autoptr(MbcCsvRecord) record = NULL;
  g_autoptr(GString) cell = NULL;
  CsvState state = CSV_CELL_START;
  gboolean any = FALSE;
  gsize size = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!self->started && !csv_reader_start (self, error))
    return NULL;
  record = g_new0 (MbcCsvRecord, 1);
  record->cells = g_ptr_array_new_with_free_func (g_free);
  record->number = self->number + 1;
  cell = g_string_new (NULL);

  for (;;)
    {
      guint8 c;

      if (self->pos == self->len)
        {
          g_autoptr(GError) read_error = NULL;
          if (!csv_reader_fill (self, &read_error))
            {
              if (read_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&read_error));
                  return NULL;
                }
              if (!any)
                return NULL;  /* the end, after a record's end */
              if (state == CSV_QUOTED)
                csv_record_problem (record, _("a quoted cell is not closed before the end of "
                                              "the file"));
              break;
            }
          continue;
        }
      c = self->block[self->pos++];
      if (self->skip_lf)
        {
          self->skip_lf = FALSE;
          if (c == '\n')
            continue;
        }
      any = TRUE;
      if (state == CSV_QUOTED || (c != '\r' && c != '\n'))
        size++;
      /* Bounded in its cells as in its bytes: a header of a million empty names is refused
       * before it holds a million strings. */
      if (c == ',' && state != CSV_QUOTED && record->cells->len + 1 >= MBC_CSV_MAX_CELLS)
        {
          g_set_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE,
                       _("row %u has more than %u cells, the most that is read"),
                       record->number, MBC_CSV_MAX_CELLS);
          return NULL;
        }
      if (size > MBC_FILE_CASE_MAX_BYTES)
        {
          g_autofree char *limit = mbc_file_describe_size (MBC_FILE_CASE_MAX_BYTES);
          g_set_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE,
                       _("row %u is larger than %s, the most that is read"), record->number,
                       limit);
          return NULL;
        }

      switch (state)
        {
        case CSV_CELL_START:
          if (c == '"')
            {
              state = CSV_QUOTED;
              continue;
            }
          state = CSV_UNQUOTED;
          G_GNUC_FALLTHROUGH;
        case CSV_UNQUOTED:
          if (c == ',')
            {
              csv_end_cell (record, cell);
              state = CSV_CELL_START;
              continue;
            }
          if (c == '\r' || c == '\n')
            break;
          if (c == '"')
            csv_record_problem (record, _("a quote inside a cell that does not start with one; "
                                          "quote the whole cell and double the quotes in it"));
          g_string_append_c (cell, (char) c);
          continue;
        case CSV_QUOTED:
          if (c == '"')
            state = CSV_QUOTE_IN_QUOTED;
          else
            g_string_append_c (cell, (char) c);
          continue;
        case CSV_QUOTE_IN_QUOTED:
          if (c == '"')
            {
              g_string_append_c (cell, '"');
              state = CSV_QUOTED;
              continue;
            }
          if (c == ',')
            {
              csv_end_cell (record, cell);
              state = CSV_CELL_START;
              continue;
            }
          if (c == '\r' || c == '\n')
            break;
          csv_record_problem (record, _("text after the closing quote of a cell; a quote "
                                        "inside a quoted cell is written twice"));
          g_string_append_c (cell, (char) c);
          state = CSV_UNQUOTED;
          continue;
        default:
          g_assert_not_reached ();
        }
      /* The end of the record (CR, LF, or CRLF). */
      self->skip_lf = c == '\r';
      break;
    }
  csv_end_cell (record, cell);
  csv_record_finish (record);
  self->number++;
  return g_steal_pointer (&record);
}
