/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The command line of docs/contracts.md. None of it needs a display. Problems go to stderr as
 * "FILE: FIELD: what is wrong", one a line; results go to stdout. Case content is never
 * written anywhere but stdout.
 */
#define G_LOG_DOMAIN "mbc-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "mbc-case.h"
#include "mbc-batch.h"
#include "mbc-csv.h"
#include "mbc-csv-case.h"
#include "mbc-csv-writer.h"
#include "mbc-cli.h"
#include "mbc-cli-fhir.h"
#include "mbc-pack-test.h"
#include "mbc-evaluator.h"
#include "mbc-fhir-result.h"
#include "mbc-guideline.h"
#include "mbc-file.h"
#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-result-writer.h"
#include "mbc-problem.h"
#include "mbc-report.h"


typedef struct
{
  char     *evaluate;
  char     *batch;
  char     *guideline;
  char     *validate_guideline;
  char     *test_guideline;
  char     *jsonlogic;
  char     *format;
  char     *input_format;
  char    **ignore_columns;
  char     *report;
  char     *output;
  char     *paper;
  char     *import_fhir;
  char     *as_of;
  gboolean  version;
  gboolean  help;
  char    **rest;
} Options;

static void
cli_options_clear (Options *o)
{
  g_free (o->evaluate);
  g_free (o->batch);
  g_free (o->guideline);
  g_free (o->validate_guideline);
  g_free (o->test_guideline);
  g_free (o->jsonlogic);
  g_free (o->format);
  g_free (o->input_format);
  g_strfreev (o->ignore_columns);
  g_free (o->report);
  g_free (o->output);
  g_free (o->paper);
  g_free (o->import_fhir);
  g_free (o->as_of);
  g_strfreev (o->rest);
}

static const char *
cli_display_name (const char *path)
{
  return g_strcmp0 (path, "-") == 0 ? "<stdin>" : path;
}

/* One problem, on one line: what is quoted from the input (a file's name, an operator) is
 * escaped (mbc_problem_escape()). */
static void
cli_print_error (const char *file,
                 const char *where,
                 const char *message)
{
  g_autofree char *f = mbc_problem_escape (file);
  g_autofree char *w = mbc_problem_escape (where);
  g_autofree char *m = mbc_problem_escape (message);

  fprintf (stderr, "%s: %s: %s\n", f, w, m);
}

/* At most MBC_PROBLEMS_SHOWN problems, a line each, then how many more. */
static void
cli_print_problems (const char *file,
                    GPtrArray  *problems)
{
  g_autofree char *text = mbc_problems_format (problems, file);

  fputs (text, stderr);
}

/* Reads a whole file, or standard input for "-", of at most @max_bytes. */
static GBytes *
cli_read_input (const char  *path,
                gsize        max_bytes,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (path, "-") == 0)
    return mbc_file_read_fd (STDIN_FILENO, max_bytes, error);
  file = g_file_new_for_commandline_arg (path);
  return mbc_file_read (file, max_bytes, error);
}

/* The exit status for an input that could not be read: past a limit it is invalid. */
static int
cli_read_status (const GError *error)
{
  return g_error_matches (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE)
         ? MBC_EXIT_INVALID_INPUT : MBC_EXIT_IO;
}

static gboolean
cli_write_stdout (const char *data,
                  gsize       length)
{
  return length == 0 || fwrite (data, 1, length, stdout) == length;
}

static int
cli_finish_stdout (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "<stdout>: $: could not be written: %s\n", g_strerror (errno));
      return MBC_EXIT_IO;
    }
  return MBC_EXIT_OK;
}

/* How messages name the guideline: its file, or the bundled one. */
static const char *
cli_guideline_name (const char *path)
{
  return path ? cli_display_name (path) : "(bundled guideline)";
}

/* Loads the pack given with --guideline, or the bundled one; problems are printed. */
static MbcGuideline *
cli_load_guideline (const char *path,
                    int        *status)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  MbcGuideline *guideline;

  if (path != NULL)
    {
      g_autoptr(GBytes) bytes = cli_read_input (path, MBC_FILE_PACK_MAX_BYTES, &error);
      if (bytes == NULL)
        {
          cli_print_error (cli_display_name (path), "$", error->message);
          *status = cli_read_status (error);
          return NULL;
        }
      guideline = mbc_guideline_new_from_bytes (bytes, problems, &error);
    }
  else
    guideline = mbc_guideline_new_default (problems, &error);

  if (guideline == NULL)
    {
      const char *name = cli_guideline_name (path);
      cli_print_problems (name, problems);
      if (problems->len == 0)
        cli_print_error (name, "$", error->message);
      *status = g_error_matches (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_READ) && path
                ? MBC_EXIT_IO : MBC_EXIT_INVALID_GUIDELINE;
    }
  return guideline;
}

/* The guideline and the input file of --evaluate and --batch; 0 or the exit status. */
static int
cli_load_inputs (const char    *path,
                 const char    *guideline_path,
                 MbcGuideline **guideline,
                 GBytes       **bytes)
{
  g_autoptr(GError) error = NULL;
  int status = MBC_EXIT_OK;

  if (!(*guideline = cli_load_guideline (guideline_path, &status)))
    return status;
  if (!(*bytes = cli_read_input (path, MBC_FILE_CASE_MAX_BYTES, &error)))
    {
      cli_print_error (cli_display_name (path), "$", error->message);
      g_clear_object (guideline);
      return cli_read_status (error);
    }
  return MBC_EXIT_OK;
}

static int
cli_run_validate_guideline (const char *path)
{
  g_autoptr(MbcGuideline) guideline = NULL;
  int status = MBC_EXIT_OK;

  guideline = cli_load_guideline (path, &status);
  if (guideline == NULL)
    return status;
  printf ("%s: valid guideline pack %s %s (%u findings, %u decision rules, %u sources), "
          "sha256 %s\n",
          cli_display_name (path), mbc_guideline_get_id (guideline),
          mbc_guideline_get_version (guideline), mbc_guideline_get_findings (guideline)->len,
          mbc_guideline_get_rules (guideline)->len, mbc_guideline_get_sources (guideline)->len,
          mbc_guideline_get_sha256 (guideline));
  return cli_finish_stdout ();
}

/* --test-guideline: the pack is checked, then its own tests run, a line each, and a count. */
static int
cli_run_test_guideline (const char *path)
{
  g_autoptr(MbcGuideline) guideline = NULL;
  GPtrArray *tests;
  guint passed = 0, failed = 0;
  int status = MBC_EXIT_OK;

  guideline = cli_load_guideline (path, &status);
  if (guideline == NULL)
    return status;
  tests = mbc_guideline_get_tests (guideline);
  for (guint i = 0; i < tests->len; i++)
    {
      const MbcPackTest *test = g_ptr_array_index (tests, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *differs = mbc_pack_test_run (guideline, test, &error);

      if (error != NULL)
        {
          g_autofree char *where = g_strdup_printf ("$.tests[%u]", i);
          cli_print_error (cli_display_name (path), where, error->message);
          return MBC_EXIT_INVALID_GUIDELINE;
        }
      if (differs)
        printf ("not ok %s: %s\n", test->name, differs);
      else
        printf ("ok %s\n", test->name);
      if (differs)
        failed++;
      else
        passed++;
    }
  printf (_("%u passed, %u failed\n"), passed, failed);
  status = cli_finish_stdout ();
  return status != MBC_EXIT_OK ? status : failed ? MBC_EXIT_INVALID_INPUT : MBC_EXIT_OK;
}

/* The case of --evaluate and --report, evaluated; 0 or the exit status. With @flags, a case
 * whose only problems are between fields (as the window saves one) is read as entered, its
 * problems printed, and its evaluable copy (each field with a problem unknown) evaluated. */
static int
cli_evaluate_file (const char       *path,
                   const char       *guideline_path,
                   MbcCaseReadFlags  flags,
                   MbcCase         **kase,
                   MbcResult       **result)
{
  g_autoptr(MbcGuideline) guideline = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;
  int status;

  if ((status = cli_load_inputs (path, guideline_path, &guideline, &bytes)) != MBC_EXIT_OK)
    return status;
  data = g_bytes_get_data (bytes, &length);
  if (!(*kase = mbc_case_new_from_data_full (data, length, flags, problems)))
    {
      cli_print_problems (cli_display_name (path), problems);
      return MBC_EXIT_INVALID_INPUT;
    }
  if (problems->len > 0)
    cli_print_problems (cli_display_name (path), problems);
  {
    g_autoptr(MbcCase) evaluable = mbc_case_copy_evaluable (*kase);
    *result = mbc_evaluate (guideline, evaluable, &error);
  }
  if (*result == NULL)
    {
      cli_print_error (cli_guideline_name (guideline_path), "$", error->message);
      g_clear_object (kase);
      return MBC_EXIT_INVALID_GUIDELINE;
    }
  return MBC_EXIT_OK;
}

static int
cli_run_evaluate (const char *path,
                  const char *guideline_path,
                  const char *format)
{
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  if ((status = cli_evaluate_file (path, guideline_path, MBC_CASE_READ_STRICT, &kase,
                                   &result)) != MBC_EXIT_OK)
    return status;
  if (g_strcmp0 (format, "text") == 0)
    {
      g_autofree char *summary = mbc_result_to_text (result);
      g_string_append (out, summary);
    }
  else if (g_strcmp0 (format, "fhir") == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *bundle = mbc_fhir_result_to_json (result, kase, now);
      g_string_append (out, bundle);
    }
  else
    {
      g_autoptr(MbcResultWriter) writer =
        mbc_result_writer_new (mbc_result_get_guideline (result));
      mbc_result_writer_write (writer, result, out);
      g_string_append_c (out, '\n');
    }
  cli_write_stdout (out->str, out->len);
  return cli_finish_stdout ();
}

/* --report CASE.json --output FILE.pdf: the report the window exports, without a display. */
static int
cli_run_report (const char *path,
                const char *guideline_path,
                const char *output,
                MbcPaper    paper)
{
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(MbcReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* As the window reports it: the inputs as entered, each problem between fields at its
   * input (also on standard error), the evaluation without them (interfaces.md). */
  if ((status = cli_evaluate_file (path, guideline_path, MBC_CASE_READ_KEEP_INCONSISTENT, &kase,
                                   &result)) != MBC_EXIT_OK)
    return status;
  report = mbc_report_new (kase, result, now);
  if (g_strcmp0 (output, "-") == 0)
    {
      /* --output -: the PDF on standard output. */
      g_autoptr(GBytes) pdf = mbc_report_to_pdf (report, paper, &error);
      gsize length;
      const char *data;

      if (pdf == NULL)
        {
          fprintf (stderr, "<stdout>: $: %s\n", error->message);
          return MBC_EXIT_IO;
        }
      data = g_bytes_get_data (pdf, &length);
      if (!cli_write_stdout (data, length))
        {
          fprintf (stderr, "<stdout>: $: could not be written: %s\n", g_strerror (errno));
          return MBC_EXIT_IO;
        }
      return cli_finish_stdout ();
    }
  file = g_file_new_for_commandline_arg (output);
  if (!mbc_report_write_pdf (report, file, paper, &error))
    {
      cli_print_error (output, "$", error->message);
      return MBC_EXIT_IO;
    }
  return MBC_EXIT_OK;
}

/*
 * --batch streams: the input is read a chunk of lines at a time (at most BATCH_CHUNK_LINES
 * lines or BATCH_CHUNK_BYTES bytes), by whichever worker thread (one per processor) takes
 * the next chunk; the main thread writes the chunks strictly in input order as they
 * complete. Workers stay at most BATCH_WINDOW chunks ahead of the writer, so memory does
 * not grow with the number of lines. A line longer than MBC_FILE_CASE_MAX_BYTES stops the
 * batch there (exit 2), read no further. A cohort in CSV is read the same way, a chunk of
 * records at a time (mbc-csv.c), after its header; its rows are numbered as a spreadsheet
 * numbers them (the header is 1).
 */
#define BATCH_CHUNK_LINES 256
#define BATCH_CHUNK_BYTES (1u << 20)
#define BATCH_WINDOW 8

typedef struct
{
  GByteArray *data;     /* the chunk's lines, as read (JSON Lines) */
  GArray     *starts;   /* byte offset of each line in data, plus the end */
  GPtrArray  *records;  /* or its MbcCsvRecord (CSV) */
  guint       first;    /* the number of its first line, from 1 */
  GString    *out;
  GString    *err;
  guint       bad;
  GError     *error;    /* the guideline failed to evaluate */
  guint       error_line;   /* on which line (row) of the input it failed */
  gboolean    done;
} Chunk;

typedef struct
{
  MbcGuideline    *guideline;
  MbcResultWriter *writer;       /* shared by the workers: they never change */
  MbcCsvWriter    *csv_writer;   /* one of the two: --format csv */
  MbcCsvReader    *csv;          /* nullable: the input is CSV, read by this */
  MbcCsvColumns   *columns;      /* its header */
  const char      *name;
  /* The input, read under the lock. */
  int              fd;
  GByteArray      *buffer;       /* read but not yet cut into a chunk */
  gboolean         eof;
  GError          *read_error;   /* could not be read, or a line is too long */
  guint            next_line;    /* the number of the next line to cut */
  /* Chunks: slot index % BATCH_WINDOW. */
  Chunk           *slots[BATCH_WINDOW];
  guint            next_chunk;   /* the next chunk a worker takes */
  guint            n_chunks;     /* chunks taken; final once the input is read */
  guint            written;      /* chunks the writer has finished with */
  gboolean         stop;
  GMutex           lock;
  GCond            cond;
} Batch;

static void
cli_chunk_free (Chunk *chunk)
{
  g_clear_pointer (&chunk->data, g_byte_array_unref);
  g_clear_pointer (&chunk->starts, g_array_unref);
  g_clear_pointer (&chunk->records, g_ptr_array_unref);
  if (chunk->out)
    g_string_free (chunk->out, TRUE);
  if (chunk->err)
    g_string_free (chunk->err, TRUE);
  g_clear_error (&chunk->error);
  g_free (chunk);
}

/* Reads more of the input into batch->buffer; FALSE at the end or on an error. */
static gboolean
cli_batch_fill (Batch *batch)
{
  guint8 block[65536];
  gssize n;

  g_assert (batch != NULL);

  do
    n = read (batch->fd, block, sizeof block);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      g_set_error (&batch->read_error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("could not be read: %s"), g_strerror (saved));
      return FALSE;
    }
  if (n == 0)
    {
      batch->eof = TRUE;
      return FALSE;
    }
  g_byte_array_append (batch->buffer, block, (guint) n);
  return TRUE;
}

/* The length of the line at the start of batch->buffer, with its end; reads more as
 * needed. 0 when the input is done; G_MAXSIZE when the line is too long or the input could
 * not be read (batch->read_error). Called with the lock held. */
static gsize
cli_batch_line_length (Batch *batch,
                       gsize  offset)
{
  gsize scanned = offset;

  g_assert (batch != NULL);

  for (;;)
    {
      const guint8 *nl = scanned < batch->buffer->len
                         ? memchr (batch->buffer->data + scanned, '\n',
                                   batch->buffer->len - scanned)
                         : NULL;
      gsize content;

      if (nl != NULL)
        scanned = (gsize) (nl - batch->buffer->data) + 1;
      else
        scanned = batch->buffer->len;
      /* The line without its end ("\n" or "\r\n"), which does not count towards the limit;
       * a line still unended is past it once it holds more than the limit and "\r". */
      content = scanned - offset;
      if (nl != NULL)
        {
          content--;
          if (content > 0 && batch->buffer->data[offset + content - 1] == '\r')
            content--;
        }
      else if (!batch->eof)
        content = content > 0 ? content - 1 : 0;
      else if (content > 0 && batch->buffer->data[offset + content - 1] == '\r')
        content--;
      if (content > MBC_FILE_CASE_MAX_BYTES)
        {
          g_autofree char *limit = mbc_file_describe_size (MBC_FILE_CASE_MAX_BYTES);
          g_set_error (&batch->read_error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE,
                       _("line %u is larger than %s, the most that is read"),
                       batch->next_line, limit);
          return G_MAXSIZE;
        }
      if (nl != NULL || batch->eof)
        return scanned - offset;
      if (!cli_batch_fill (batch) && batch->read_error != NULL)
        return G_MAXSIZE;
    }
}

/* The next chunk of a CSV input's records (as cli_batch_next_chunk()). */
static Chunk *
cli_batch_next_records (Batch *batch)
{
  Chunk *chunk;
  gsize bytes = 0;

  g_assert (batch != NULL && batch->csv != NULL);

  chunk = g_new0 (Chunk, 1);
  chunk->records = g_ptr_array_new_with_free_func ((GDestroyNotify) mbc_csv_record_free);
  while (chunk->records->len < BATCH_CHUNK_LINES && bytes < BATCH_CHUNK_BYTES)
    {
      MbcCsvRecord *record = mbc_csv_reader_next (batch->csv, &batch->read_error);

      if (record == NULL)
        break;
      for (guint i = 0; i < record->cells->len; i++)
        bytes += strlen (g_ptr_array_index (record->cells, i)) + 1;
      g_ptr_array_add (chunk->records, record);
    }
  if (chunk->records->len == 0)
    {
      cli_chunk_free (chunk);
      return NULL;
    }
  return chunk;
}

/* Cuts the next chunk from the input (called with the lock held); %NULL when the input is
 * done, could not be read, or has a line that is too long (batch->read_error). */
static Chunk *
cli_batch_next_chunk (Batch *batch)
{
  Chunk *chunk;
  gsize offset = 0;

  g_assert (batch != NULL);

  if (batch->read_error != NULL)
    return NULL;
  if (batch->csv != NULL)
    return cli_batch_next_records (batch);
  chunk = g_new0 (Chunk, 1);
  chunk->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  chunk->first = batch->next_line;
  while (chunk->starts->len < BATCH_CHUNK_LINES && offset < BATCH_CHUNK_BYTES)
    {
      gsize length = cli_batch_line_length (batch, offset);

      if (length == 0 || length == G_MAXSIZE)
        break;
      g_array_append_val (chunk->starts, offset);
      offset += length;
      batch->next_line++;
    }
  if (chunk->starts->len == 0)
    {
      g_array_unref (chunk->starts);
      g_free (chunk);
      return NULL;
    }
  g_array_append_val (chunk->starts, offset);
  /* The chunk takes its lines; what follows stays in the buffer. */
  chunk->data = g_byte_array_sized_new ((guint) offset);
  g_byte_array_append (chunk->data, batch->buffer->data, (guint) offset);
  g_byte_array_remove_range (batch->buffer, 0, (guint) offset);
  return chunk;
}

static void
cli_batch_line (Batch        *batch,
                MbcEvaluator *evaluator,
                Chunk        *chunk,
                guint         index)
{
  gsize start = g_array_index (chunk->starts, gsize, index);
  gsize length = g_array_index (chunk->starts, gsize, index + 1) - start;
  guint number = chunk->first + index;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();

  g_assert (batch != NULL && chunk != NULL);

  if (mbc_batch_evaluate_line_full (evaluator, batch->writer, batch->csv_writer,
                                    (const char *) chunk->data->data + start, length, number,
                                    chunk->out, problems, &chunk->error) ||
      chunk->error != NULL)
    {
      if (chunk->error != NULL && chunk->error_line == 0)
        chunk->error_line = number;
      return;
    }
  chunk->bad++;
  mbc_problems_append (chunk->err, problems, batch->name, number);
}

static void
cli_batch_record (Batch        *batch,
                  MbcEvaluator *evaluator,
                  Chunk        *chunk,
                  guint         index)
{
  const MbcCsvRecord *record = g_ptr_array_index (chunk->records, index);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();

  g_assert (batch != NULL && chunk != NULL);

  if (mbc_batch_evaluate_record (evaluator, batch->writer, batch->csv_writer, batch->columns,
                                 record, chunk->out, problems, &chunk->error) ||
      chunk->error != NULL)
    {
      if (chunk->error != NULL && chunk->error_line == 0)
        chunk->error_line = record->number;
      return;
    }
  chunk->bad++;
  mbc_problems_append (chunk->err, problems, batch->name, record->number);
}

static gpointer
cli_batch_worker (gpointer data)
{
  Batch *batch = data;
  g_autoptr(MbcEvaluator) evaluator = mbc_evaluator_new (batch->guideline);

  for (;;)
    {
      Chunk *chunk;

      g_mutex_lock (&batch->lock);
      while (!batch->stop && batch->next_chunk >= batch->written + BATCH_WINDOW)
        g_cond_wait (&batch->cond, &batch->lock);
      chunk = batch->stop ? NULL : cli_batch_next_chunk (batch);
      if (chunk == NULL)
        {
          /* The input is done: the writer knows how many chunks there are. */
          batch->stop = TRUE;
          g_cond_broadcast (&batch->cond);
          g_mutex_unlock (&batch->lock);
          return NULL;
        }
      batch->slots[batch->next_chunk % BATCH_WINDOW] = chunk;
      batch->next_chunk++;
      batch->n_chunks = batch->next_chunk;
      g_mutex_unlock (&batch->lock);

      /* A result is about fourteen times its case (bench/batch.sh). */
      chunk->out = g_string_sized_new (chunk->data ? MIN (chunk->data->len * 16 + 64, 4u << 20)
                                                   : 64u << 10);
      chunk->err = g_string_new (NULL);
      if (chunk->records != NULL)
        for (guint i = 0; i < chunk->records->len && chunk->error == NULL; i++)
          cli_batch_record (batch, evaluator, chunk, i);
      else
        for (guint i = 0; i + 1 < chunk->starts->len && chunk->error == NULL; i++)
          cli_batch_line (batch, evaluator, chunk, i);

      g_mutex_lock (&batch->lock);
      chunk->done = TRUE;
      g_cond_broadcast (&batch->cond);
      g_mutex_unlock (&batch->lock);
    }
}

/* A cohort in CSV: its header, read before any row (problems printed; 0 or the exit
 * status). */
static int
cli_batch_read_header (Batch              *batch,
                       const char * const *ignored)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MbcCsvRecord) header = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GString) err = g_string_new (NULL);

  batch->csv = mbc_csv_reader_new_for_fd (batch->fd);
  header = mbc_csv_reader_next (batch->csv, &error);
  if (header == NULL)
    {
      cli_print_error (batch->name, "$", error ? error->message
                       : _("is empty; the first row must be a header of case field names"));
      return error && !g_error_matches (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE)
             ? MBC_EXIT_IO : MBC_EXIT_INVALID_INPUT;
    }
  if (!(batch->columns = mbc_csv_columns_new (header, ignored, problems)))
    {
      mbc_problems_append (err, problems, batch->name, header->number);
      fputs (err->str, stderr);
      return MBC_EXIT_INVALID_INPUT;
    }
  return MBC_EXIT_OK;
}

/* Whether --batch reads CSV: as --input-format says, else by the file's extension. */
static gboolean
cli_batch_is_csv (const char *path,
                  const char *input_format)
{
  g_autofree char *lower = NULL;

  if (input_format != NULL)
    return strcmp (input_format, "csv") == 0;
  lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, ".csv");
}

static int
cli_run_batch (const char         *path,
               const char         *guideline_path,
               gboolean            csv_in,
               gboolean            csv_out,
               const char * const *ignored)
{
  g_autoptr(MbcGuideline) guideline = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Batch batch = { 0 };
  guint n_threads, bad = 0;
  gboolean write_failed = FALSE;
  int status = MBC_EXIT_OK;

  if (!(guideline = cli_load_guideline (guideline_path, &status)))
    return status;
  batch.name = cli_display_name (path);
  if (g_strcmp0 (path, "-") == 0)
    batch.fd = STDIN_FILENO;
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      if ((batch.fd = mbc_file_open_regular (file, NULL, &error)) < 0)
        {
          cli_print_error (batch.name, "$", error->message);
          return MBC_EXIT_IO;
        }
    }
  batch.guideline = guideline;
  if (csv_in && (status = cli_batch_read_header (&batch, ignored)) != MBC_EXIT_OK)
    {
      g_clear_pointer (&batch.csv, mbc_csv_reader_free);
      if (batch.fd != STDIN_FILENO)
        close (batch.fd);
      return status;
    }
  if (csv_out)
    {
      g_autoptr(GString) header = g_string_new (NULL);
      batch.csv_writer = mbc_csv_writer_new (guideline);
      mbc_csv_writer_write_header (batch.csv_writer, header);
      write_failed = !cli_write_stdout (header->str, header->len);
    }
  else
    batch.writer = mbc_result_writer_new (guideline);
  batch.buffer = g_byte_array_new ();
  batch.next_line = 1;
  g_mutex_init (&batch.lock);
  g_cond_init (&batch.cond);

  /* One worker a processor; MBC_BATCH_THREADS overrides it (for measurements). */
  n_threads = g_get_num_processors ();
  if (g_getenv ("MBC_BATCH_THREADS") != NULL)
    n_threads = (guint) g_ascii_strtoull (g_getenv ("MBC_BATCH_THREADS"), NULL, 10);
  n_threads = CLAMP (n_threads, 1, 16);
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("mbc-batch", cli_batch_worker, &batch));

  for (guint c = 0; ; c++)
    {
      Chunk *chunk;

      g_mutex_lock (&batch.lock);
      while (!(c < batch.n_chunks && batch.slots[c % BATCH_WINDOW]->done) &&
             !(batch.stop && c >= batch.n_chunks))
        g_cond_wait (&batch.cond, &batch.lock);
      chunk = c < batch.n_chunks ? batch.slots[c % BATCH_WINDOW] : NULL;
      g_mutex_unlock (&batch.lock);
      if (chunk == NULL)
        break;

      if (!write_failed && !cli_write_stdout (chunk->out->str, chunk->out->len))
        write_failed = TRUE;
      fputs (chunk->err->str, stderr);
      bad += chunk->bad;
      if (chunk->error != NULL && status == MBC_EXIT_OK)
        {
          /* The line it failed on, so the case can be found. */
          g_autofree char *message = g_strdup_printf (_("at line %u of %s: %s"),
                                                      chunk->error_line, batch.name,
                                                      chunk->error->message);
          cli_print_error (cli_guideline_name (guideline_path), "$", message);
          status = MBC_EXIT_INVALID_GUIDELINE;
        }

      g_mutex_lock (&batch.lock);
      batch.slots[c % BATCH_WINDOW] = NULL;
      batch.written++;
      batch.stop = batch.stop || write_failed || status != MBC_EXIT_OK;
      g_cond_broadcast (&batch.cond);
      g_mutex_unlock (&batch.lock);
      cli_chunk_free (chunk);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);
  /* Chunks a stopped run never wrote. */
  for (guint i = 0; i < BATCH_WINDOW; i++)
    if (batch.slots[i] != NULL)
      cli_chunk_free (batch.slots[i]);
  if (batch.read_error != NULL && status == MBC_EXIT_OK && !write_failed)
    {
      cli_print_error (batch.name, "$", batch.read_error->message);
      status = g_error_matches (batch.read_error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE)
               ? MBC_EXIT_INVALID_INPUT : MBC_EXIT_IO;
    }
  g_clear_error (&batch.read_error);
  if (batch.fd != STDIN_FILENO)
    close (batch.fd);
  g_byte_array_unref (batch.buffer);
  g_mutex_clear (&batch.lock);
  g_clear_object (&batch.writer);
  g_clear_object (&batch.csv_writer);
  g_clear_pointer (&batch.csv, mbc_csv_reader_free);
  g_clear_pointer (&batch.columns, mbc_csv_columns_free);
  g_cond_clear (&batch.cond);

  if (status != MBC_EXIT_OK)
    return status;
  status = cli_finish_stdout ();
  if (status != MBC_EXIT_OK || write_failed)
    return MBC_EXIT_IO;
  return bad > 0 ? MBC_EXIT_INVALID_INPUT : MBC_EXIT_OK;
}

static int
cli_run_jsonlogic (const char *rule_text,
                   const char *data_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) rule = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *text = NULL;

  rule = mbc_json_parse (rule_text, strlen (rule_text), MBC_GUIDELINE_MAX_DEPTH, &error);
  if (rule == NULL)
    {
      cli_print_error ("RULE", "$", error->message);
      return MBC_EXIT_INVALID_INPUT;
    }
  if (data_text != NULL)
    {
      data = mbc_json_parse (data_text, strlen (data_text), MBC_GUIDELINE_MAX_DEPTH, &error);
      if (data == NULL)
        {
          cli_print_error ("DATA", "$", error->message);
          return MBC_EXIT_INVALID_INPUT;
        }
    }
  value = mbc_json_logic_apply (rule, data, &error);
  if (value == NULL)
    {
      cli_print_error ("RULE", "$", error->message);
      return MBC_EXIT_INVALID_INPUT;
    }
  text = mbc_json_logic_to_string (value);
  printf ("%s\n", text);
  return cli_finish_stdout ();
}

/* The command line's options: the only list of them (main.c asks mbc_cli_is_headless() and
 * mbc_cli_parse_window()). */
static GOptionEntry *
cli_option_entries (Options *o)
{
  const GOptionEntry entries[] = {
    { "evaluate", 'e', 0, G_OPTION_ARG_FILENAME, &o->evaluate,
      N_("Print the result for a case file (\"-\" reads standard input)"), "CASE.json" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o->format,
      N_("Output of --evaluate: json (default), text, or fhir (an R4 Bundle); of --batch: "
         "json (default) or csv, one summary row per case"), "FORMAT" },
    { "report", 'r', 0, G_OPTION_ARG_FILENAME, &o->report,
      N_("Write the PDF report of a case (with --output)"), "CASE.json" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
      N_("Where --report writes the PDF"), "FILE.pdf" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o->paper,
      N_("Paper of --report: a4 or letter (default: the locale's)"), "PAPER" },
    { "batch", 'b', 0, G_OPTION_ARG_FILENAME, &o->batch,
      N_("Evaluate one case per line (JSON Lines) or per row (a .csv file with a header of "
         "case fields), print one result per line"), "CASES.jsonl" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &o->input_format,
      N_("What --batch reads: jsonl or csv (default: csv for a .csv file, else jsonl)"),
      "FORMAT" },
    { "ignore-column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->ignore_columns,
      N_("A column of a CSV cohort that is not a case field, to leave out (repeatable)"),
      "NAME" },
    { "guideline", 'g', 0, G_OPTION_ARG_FILENAME, &o->guideline,
      N_("Use this guideline pack instead of the bundled one"), "PACK.json" },
    { "validate-guideline", 0, 0, G_OPTION_ARG_FILENAME, &o->validate_guideline,
      N_("Check a guideline pack and report every problem"), "PACK.json" },
    { "test-guideline", 0, 0, G_OPTION_ARG_FILENAME, &o->test_guideline,
      N_("Check a guideline pack, then run its own tests"), N_("PACK.json") },
    { "jsonlogic", 0, 0, G_OPTION_ARG_STRING, &o->jsonlogic,
      N_("Print what a JsonLogic rule gives for DATA (JSON text)"), "RULE [DATA]" },
    { "import-fhir", 0, 0, G_OPTION_ARG_FILENAME, &o->import_fhir,
      N_("Print the case a FHIR R4 export (a Bundle or one resource) implies; each value's "
         "source and what was not used go to standard error"), "BUNDLE.json" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &o->as_of,
      N_("The date --import-fhir counts the age to (default: today)"), "YYYY-MM-DD" },
    { "version", 'v', 0, G_OPTION_ARG_NONE, &o->version, N_("Print the version"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &o->help, N_("Show this help"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->rest, NULL, "[CASE.json]" },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/**
 * mbc_cli_is_headless:
 *
 * Returns: whether @argv asks for one of the command line's actions (which need no
 *   display) rather than the window. --guideline and case files alone are the window's.
 */
gboolean
mbc_cli_is_headless (int    argc,
                     char **argv)
{
  Options o = { 0 };
  g_autofree GOptionEntry *entries = cli_option_entries (&o);

  /* Nothing after "--" is an option: "-- --evaluate" names a file. */
  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    for (const GOptionEntry *e = entries; e->long_name; e++)
      {
        gsize n = strlen (e->long_name);
        gboolean is_long = *e->long_name && g_str_has_prefix (argv[i], "--") &&
                           strncmp (argv[i] + 2, e->long_name, n) == 0 &&
                           (argv[i][2 + n] == '\0' || argv[i][2 + n] == '=');
        /* A short option alone ("-v"), or among grouped flags ("-vh"). */
        gboolean is_short = e->short_name && argv[i][0] == '-' && argv[i][1] != '-' &&
                            argv[i][1] != '\0' &&
                            (argv[i][2] == '\0' ? argv[i][1] == e->short_name
                                                : e->arg == G_OPTION_ARG_NONE &&
                                                  strchr (argv[i] + 1, e->short_name) != NULL);

        if ((is_long || is_short) && strcmp (e->long_name, "guideline") != 0)
          return TRUE;
      }
  return FALSE;
}

/* An option given twice is refused, naming it (exit 2): the last value silently winning
 * would run on a file the user did not mean. Only --ignore-column repeats. A value is
 * skipped as a value, and nothing after "--" is an option. */
static int
cli_check_repeats (int                 argc,
                   char              **argv,
                   const GOptionEntry *entries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int i = 1; i < argc; i++)
    {
      const GOptionEntry *found = NULL;

      if (strcmp (argv[i], "--") == 0)
        break;
      for (const GOptionEntry *e = entries; e->long_name && found == NULL; e++)
        {
          gsize n = strlen (e->long_name);
          if (*e->long_name && g_str_has_prefix (argv[i], "--") &&
              strncmp (argv[i] + 2, e->long_name, n) == 0 &&
              (argv[i][2 + n] == '\0' || argv[i][2 + n] == '='))
            found = e;
          else if (e->short_name && argv[i][0] == '-' && argv[i][1] == e->short_name &&
                   argv[i][2] == '\0')
            found = e;
        }
      /* Grouped short flags ("-vh", "-vv"): each letter is an option given. */
      if (found == NULL && argv[i][0] == '-' && argv[i][1] != '-' && argv[i][1] && argv[i][2])
        {
          for (const char *c = argv[i] + 1; *c; c++)
            for (const GOptionEntry *e = entries; e->long_name; e++)
              if (e->short_name == *c && e->arg == G_OPTION_ARG_NONE &&
                  !g_hash_table_add (seen, (gpointer) e->long_name))
                {
                  fprintf (stderr, _("mbc-advisor: --%s is given more than once; give it once "
                                     "(see --help)\n"), e->long_name);
                  return MBC_EXIT_INVALID_INPUT;
                }
          continue;
        }
      if (found == NULL)
        continue;
      if (found->arg == G_OPTION_ARG_NONE && strchr (argv[i], '=') != NULL)
        {
          fprintf (stderr, _("mbc-advisor: --%s takes no argument (see --help)\n"),
                   found->long_name);
          return MBC_EXIT_INVALID_INPUT;
        }
      if (found->arg != G_OPTION_ARG_NONE && strchr (argv[i], '=') == NULL)
        i++;   /* its value */
      if (found->arg == G_OPTION_ARG_STRING_ARRAY)
        continue;
      if (!g_hash_table_add (seen, (gpointer) found->long_name))
        {
          fprintf (stderr, _("mbc-advisor: --%s is given more than once; give it once "
                             "(see --help)\n"), found->long_name);
          return MBC_EXIT_INVALID_INPUT;
        }
    }
  return MBC_EXIT_OK;
}

/* A file option given an empty name is refused, naming it (exit 2). */
static int
cli_check_names (const Options *o)
{
  const struct { const char *value; const char *name; } files[] = {
    { o->evaluate, "--evaluate" }, { o->report, "--report" }, { o->output, "--output" },
    { o->batch, "--batch" }, { o->guideline, "--guideline" },
    { o->validate_guideline, "--validate-guideline" },
    { o->test_guideline, "--test-guideline" }, { o->import_fhir, "--import-fhir" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (files[i].value != NULL && files[i].value[0] == '\0')
      {
        fprintf (stderr, _("mbc-advisor: %s needs a file name (\"-\" for standard input or "
                           "output, where it reads or writes one)\n"), files[i].name);
        return MBC_EXIT_INVALID_INPUT;
      }
  return MBC_EXIT_OK;
}

/* Options that do not go together are refused, each with why (exit 2). */
static int
cli_check_combination (const Options *o)
{
  const char *action = NULL;
  guint actions = 0;
  const struct { gboolean given; const char *name; } all[] = {
    { o->evaluate != NULL, "--evaluate" }, { o->report != NULL, "--report" },
    { o->batch != NULL, "--batch" }, { o->validate_guideline != NULL, "--validate-guideline" },
    { o->test_guideline != NULL, "--test-guideline" }, { o->jsonlogic != NULL, "--jsonlogic" },
    { o->import_fhir != NULL, "--import-fhir" }, { o->version, "--version" },
    { o->help, "--help" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i].given && actions++ == 0)
      action = all[i].name;
  if (actions > 1)
    {
      fprintf (stderr, _("mbc-advisor: use one of --evaluate, --report, --batch, "
                         "--validate-guideline, --test-guideline, --jsonlogic, --import-fhir, "
                         "--version and --help at a time (see --help)\n"));
      return MBC_EXIT_INVALID_INPUT;
    }
  /* What each modifier goes with. */
  if (o->format != NULL && o->evaluate == NULL && o->batch == NULL)
    {
      fprintf (stderr, _("mbc-advisor: --format goes only with --evaluate or --batch, not with "
                         "%s (see --help)\n"), action ? action : _("the window"));
      return MBC_EXIT_INVALID_INPUT;
    }
  if (o->format != NULL && o->evaluate != NULL && strcmp (o->format, "csv") == 0)
    {
      fprintf (stderr, _("mbc-advisor: --format csv goes only with --batch (a row per case); "
                         "--evaluate writes json or text (see --help)\n"));
      return MBC_EXIT_INVALID_INPUT;
    }
  if (o->format != NULL && o->batch != NULL &&
      (strcmp (o->format, "text") == 0 || strcmp (o->format, "fhir") == 0))
    {
      fprintf (stderr, _("mbc-advisor: --format %s goes only with --evaluate; --batch writes "
                         "json or csv (see --help)\n"), o->format);
      return MBC_EXIT_INVALID_INPUT;
    }
  if ((o->input_format != NULL || o->ignore_columns != NULL) && o->batch == NULL)
    {
      fprintf (stderr, _("mbc-advisor: --input-format and --ignore-column go only with --batch, "
                         "not with %s (see --help)\n"), action ? action : _("the window"));
      return MBC_EXIT_INVALID_INPUT;
    }
  if (o->as_of != NULL && o->import_fhir == NULL)
    {
      fprintf (stderr, _("mbc-advisor: --as-of goes only with --import-fhir, not with %s "
                         "(see --help)\n"), action ? action : _("the window"));
      return MBC_EXIT_INVALID_INPUT;
    }
  if (o->guideline != NULL && (o->jsonlogic || o->validate_guideline || o->test_guideline ||
                               o->import_fhir || o->version || o->help))
    {
      fprintf (stderr, _("mbc-advisor: --guideline goes with --evaluate, --report, --batch or "
                         "the window, not with %s (%s)\n"), action,
               o->jsonlogic ? _("a JsonLogic rule reads only its DATA")
                            : _("that option names its own pack, or none"));
      return MBC_EXIT_INVALID_INPUT;
    }
  return MBC_EXIT_OK;
}

/**
 * mbc_cli_parse_window:
 * @guideline: (out) (transfer full) (nullable): the pack --guideline names, if any
 * @files: (out) (transfer full): the case files to open (an empty list for none)
 *
 * The window's arguments (when mbc_cli_is_headless() is %FALSE), read with the same option
 * table as the command line's.
 *
 * Returns: %FALSE with @error when they cannot be read (such as --guideline without a pack).
 */
gboolean
mbc_cli_parse_window (int      argc,
                      char   **argv,
                      char   **guideline,
                      char  ***files,
                      GError **error)
{
  Options o = { 0 };
  g_autofree GOptionEntry *entries = cli_option_entries (&o);
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) copy = g_strdupv (argv);
  /* The parser takes what it reads out of the array it is given, without freeing it: it is
   * given a second array of the same strings, and the copy frees them all. */
  g_autofree char **args = g_memdup2 (copy, sizeof (char *) * ((gsize) argc + 1));

  g_return_val_if_fail (guideline != NULL && files != NULL, FALSE);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &args, error))
    {
      cli_options_clear (&o);
      return FALSE;
    }
  *guideline = g_steal_pointer (&o.guideline);
  *files = o.rest ? g_steal_pointer (&o.rest) : g_new0 (char *, 1);
  cli_options_clear (&o);
  return TRUE;
}

int
mbc_cli_run (int    argc,
             char **argv)
{
  Options o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *help = NULL;
  int status;
  g_autofree GOptionEntry *entries = cli_option_entries (&o);

  context =
    g_option_context_new (_("— surgery of the primary tumour in metastatic breast cancer"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* --help is an option of the table, so that writing the help can fail like any output. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
    _("Evaluates a case of metastatic (stage IV) breast cancer that has responded to systemic\n"
    "therapy against a guideline on surgery of the primary tumour: the bundled pack, or the\n"
    "one --guideline names. Without options it opens the window (with CASE.json, showing\n"
    "that case)."));
  g_option_context_set_description (context,
    _("Exit status: 0 done; 1 a file could not be read or written; 2 the input is invalid\n"
    "(every problem on stderr as FILE: FIELD: what is wrong); 3 the guideline pack is invalid.\n"));
  if ((status = cli_check_repeats (argc, argv, entries)) != MBC_EXIT_OK)
    {
      cli_options_clear (&o);
      return status;
    }
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_autofree char *said = mbc_problem_escape (error->message);
      fprintf (stderr, _("mbc-advisor: %s (see --help)\n"), said);
      cli_options_clear (&o);
      return MBC_EXIT_INVALID_INPUT;
    }

  if ((status = cli_check_combination (&o)) != MBC_EXIT_OK ||
      (status = cli_check_names (&o)) != MBC_EXIT_OK)
    {
      cli_options_clear (&o);
      return status;
    }
  if ((o.help || o.version) && o.rest != NULL)
    {
      g_autofree char *said = mbc_problem_escape (o.rest[0]);
      fprintf (stderr, _("mbc-advisor: %s takes no argument; got \"%s\" (see --help)\n"),
               o.help ? "--help" : "--version", said);
      cli_options_clear (&o);
      return MBC_EXIT_INVALID_INPUT;
    }
  if (o.help)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      cli_write_stdout (help, strlen (help));
      cli_options_clear (&o);
      return cli_finish_stdout ();
    }
  if (o.version)
    {
      printf ("mbc-advisor %s\n", PACKAGE_VERSION);
      cli_options_clear (&o);
      return cli_finish_stdout ();
    }
  if (o.format != NULL && strcmp (o.format, "json") != 0 && strcmp (o.format, "text") != 0 &&
      strcmp (o.format, "csv") != 0 && strcmp (o.format, "fhir") != 0)
    {
      g_autofree char *said = mbc_problem_escape (o.format);
      fprintf (stderr, _("mbc-advisor: --format: \"%s\" is not a format; use json, text or "
                         "fhir (--evaluate), json or csv (--batch)\n"), said);
      cli_options_clear (&o);
      return MBC_EXIT_INVALID_INPUT;
    }
  if (o.input_format != NULL && strcmp (o.input_format, "jsonl") != 0 &&
      strcmp (o.input_format, "csv") != 0)
    {
      g_autofree char *said = mbc_problem_escape (o.input_format);
      fprintf (stderr, _("mbc-advisor: --input-format: \"%s\" is not a format; use jsonl or "
                         "csv\n"), said);
      cli_options_clear (&o);
      return MBC_EXIT_INVALID_INPUT;
    }

  if (o.paper != NULL && strcmp (o.paper, "a4") != 0 && strcmp (o.paper, "letter") != 0)
    {
      g_autofree char *said = mbc_problem_escape (o.paper);
      fprintf (stderr, _("mbc-advisor: --paper: \"%s\" is not a paper; use a4 or letter\n"),
               said);
      cli_options_clear (&o);
      return MBC_EXIT_INVALID_INPUT;
    }
  if ((o.report != NULL) != (o.output != NULL) || (o.paper != NULL && o.report == NULL))
    {
      fprintf (stderr, o.report != NULL
                       ? _("mbc-advisor: --report CASE.json needs --output FILE.pdf\n")
                       : _("mbc-advisor: --output and --paper go only with --report "
                           "CASE.json\n"));
      cli_options_clear (&o);
      return MBC_EXIT_INVALID_INPUT;
    }

  if (o.jsonlogic != NULL)
    {
      if (o.rest != NULL && g_strv_length (o.rest) > 1)
        {
          fprintf (stderr, _("mbc-advisor: --jsonlogic takes a RULE and at most one DATA\n"));
          status = MBC_EXIT_INVALID_INPUT;
        }
      else
        status = cli_run_jsonlogic (o.jsonlogic, o.rest ? o.rest[0] : NULL);
    }
  else if (o.rest != NULL && (o.evaluate || o.batch || o.validate_guideline || o.report ||
                              o.test_guideline || o.import_fhir))
    {
      g_autofree char *said = mbc_problem_escape (o.rest[0]);
      fprintf (stderr, _("mbc-advisor: unexpected argument \"%s\"\n"), said);
      status = MBC_EXIT_INVALID_INPUT;
    }
  else if (o.import_fhir != NULL)
    status = mbc_cli_fhir_run (o.import_fhir, o.as_of);
  else if (o.validate_guideline != NULL)
    status = cli_run_validate_guideline (o.validate_guideline);
  else if (o.test_guideline != NULL)
    status = cli_run_test_guideline (o.test_guideline);
  else if (o.evaluate != NULL)
    status = cli_run_evaluate (o.evaluate, o.guideline, o.format);
  else if (o.batch != NULL)
    status = cli_run_batch (o.batch, o.guideline, cli_batch_is_csv (o.batch, o.input_format),
                            g_strcmp0 (o.format, "csv") == 0,
                            (const char * const *) o.ignore_columns);
  else if (o.report != NULL)
    status = cli_run_report (o.report, o.guideline, o.output,
                             o.paper == NULL ? mbc_paper_from_locale ()
                             : strcmp (o.paper, "letter") == 0 ? MBC_PAPER_LETTER : MBC_PAPER_A4);
  else
    {
      /* The window is not built yet: say how to use what there is. */
      help = g_option_context_get_help (context, TRUE, NULL);
      printf ("%s", help);
      status = cli_finish_stdout ();
    }
  cli_options_clear (&o);
  return status;
}
