/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcCohortWindow: a clinic's list of patients (JSON Lines, one case a line; or CSV, as
 * --batch reads it, a header of field names and one case a record), every case
 * evaluated against the guideline off the UI thread (a reader, and a worker a processor),
 * so that the window stays responsive; rows reach the table in the file's order, in
 * batches, with a progress bar and Cancel. The table (GtkColumnView,
 * virtualised) gives each case's row, label, recommendation, rule, what is missing, the
 * clinician's decision and whether it agrees with the guideline, or the problems that kept it
 * from being evaluated; its columns sort, and two drop-downs filter by recommendation and by
 * decision. Two charts (MbcBarChart) count the recommendations and the decisions against the
 * guideline, every number also given in words. Activating a row emits ::case-chosen with a
 * copy of its case. The cohort file is only read, never written.
 */
#define G_LOG_DOMAIN "mbc-cohort-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "mbc-bar-chart.h"
#include "mbc-case.h"
#include "mbc-cohort-row.h"
#include "mbc-cohort-window.h"
#include "mbc-csv.h"
#include "mbc-csv-case.h"
#include "mbc-csv-writer.h"
#include "mbc-evaluator.h"
#include "mbc-file.h"
#include "mbc-problem.h"
#include "mbc-report.h"
#include "mbc-tier.h"
#include "mbc-tooltip.h"

/* The table's first rows come a few at a time, each few once the table is drawn with the
 * rows before (see cohort_take_cb()); then rows come at most BATCH_ROWS at a time, every
 * BATCH_INTERVAL_MS, so that the window is drawn a few times a second, not at every row. */
#define FIRST_ROWS 256
#define FIRST_STEP 24
#define BATCH_ROWS 20000
#define BATCH_INTERVAL_MS 100

/* The agreement filter's entries after "All", in order: first the decisions compared with a
 * recommendation (SHOWN_AGREES to SHOWN_INDIVIDUAL, the agreement chart's bars and its one
 * denominator), then the rest. */
enum {
  SHOWN_ALL,
  SHOWN_AGREES,
  SHOWN_DISAGREES,
  SHOWN_DEFERRED,
  SHOWN_INDIVIDUAL,
  SHOWN_NO_DECISION,
  SHOWN_NOTHING_TO_COMPARE,
  SHOWN_PROBLEMS,
  N_SHOWN
};

typedef struct _Load Load;

struct _MbcCohortWindow
{
  AdwWindow     parent_instance;

  /* template widgets */
  GtkWidget    *toasts;
  GtkWidget    *window_title;
  GtkWidget    *progress_box;
  GtkWidget    *progress;
  GtkWidget    *tiers_box;
  GtkWidget    *concordance_box;
  GtkWidget    *numbers_label;
  GtkWidget    *tier_filter;
  GtkWidget    *concordance_filter;
  GtkWidget    *shown_label;
  GtkWidget    *table;

  /* owned */
  MbcGuideline *guideline;
  GListStore   *rows;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GtkWidget    *tiers_chart;
  GtkWidget    *concordance_chart;
  Load         *load;          /* the evaluation running, or NULL */
  /* After the first row, more wait for the table to be drawn once (see cohort_take_cb()). */
  GdkFrameClock *paint_clock;
  gulong        paint_handler;
  guint         paint_timeout;
  guint         tier_counts[MBC_N_TIERS];
  guint         shown_counts[N_SHOWN];
  guint         tier_shown;    /* 0: all; else the tier + 1 */
  guint         concordance_shown;
};

G_DEFINE_FINAL_TYPE (MbcCohortWindow, mbc_cohort_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CASE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Evaluating, off the UI thread ------------------------------------------------------ */

/* A reader thread cuts the file into chunks of lines; a pool of workers (one a processor)
 * evaluates them; the main loop takes the chunks done, in the file's order, at most
 * BATCH_ROWS rows at a time so that it never stops answering. The reader waits while
 * READ_AHEAD chunks are read and not yet evaluated, so that the lines waiting stay few
 * whatever the size of the cohort; and while MAX_CHUNKS are evaluated and not yet taken
 * (their rows, which the table is to hold anyway), so that the workers need not wait while
 * the table shows its first rows. */
#define CHUNK_LINES 256
#define READ_AHEAD 8
#define MAX_CHUNKS 1024

typedef struct
{
  guint      index;
  GPtrArray *lines;    /* char *, the lines as read (JSON Lines), or NULL */
  GPtrArray *cases;    /* MbcCase or NULL, the records read (CSV), or NULL */
  GPtrArray *problems; /* char *, each record's problems (CSV), or NULL */
  GArray    *numbers;  /* guint, each line's or record's number in the file */
  GPtrArray *rows;     /* MbcCohortRow, once evaluated; NULL until then */
} Chunk;

struct _Load
{
  gint          refs;
  GFile        *file;
  MbcGuideline *guideline;
  GCancellable *cancellable;
  GThreadPool  *pool;
  GMutex        lock;        /* guards what follows */
  GCond         taken;       /* a chunk was evaluated, or taken by the main loop */
  GHashTable   *done;        /* index → Chunk evaluated, not yet taken */
  guint         n_read;      /* chunks read */
  guint         next;        /* the next chunk the main loop takes */
  guint         n_taken;     /* rows the main loop has taken */
  guint         n_evaluated; /* chunks the workers are done with */
  goffset       read_bytes;
  goffset       total;
  char         *error;       /* why the file could not be read, or NULL */
  gboolean      finished;    /* the reader is done: n_read chunks in all */
  guint         idle;        /* the main loop's source that takes chunks, or 0 */
  MbcCohortWindow *window;   /* weak: NULL once cancelled or gone (main thread only) */
};

static void
cohort_chunk_free (gpointer data)
{
  Chunk *chunk = data;

  g_clear_pointer (&chunk->lines, g_ptr_array_unref);
  g_clear_pointer (&chunk->cases, g_ptr_array_unref);
  g_clear_pointer (&chunk->problems, g_ptr_array_unref);
  g_array_unref (chunk->numbers);
  g_clear_pointer (&chunk->rows, g_ptr_array_unref);
  g_free (chunk);
}

static Load *
cohort_load_ref (Load *load)
{
  g_atomic_int_inc (&load->refs);
  return load;
}

static void
cohort_load_unref (Load *load)
{
  if (!g_atomic_int_dec_and_test (&load->refs))
    return;
  g_object_unref (load->file);
  g_object_unref (load->guideline);
  g_object_unref (load->cancellable);
  g_hash_table_unref (load->done);
  g_free (load->error);
  g_mutex_clear (&load->lock);
  g_cond_clear (&load->taken);
  g_free (load);
}

/* An evaluator is not shared between threads: each worker has its own, for the guideline
 * of the cohort it evaluates. */
typedef struct
{
  MbcGuideline *guideline;
  MbcEvaluator *evaluator;
} WorkerEvaluator;

static void
cohort_worker_evaluator_free (gpointer data)
{
  WorkerEvaluator *worker = data;

  g_clear_object (&worker->guideline);
  g_clear_object (&worker->evaluator);
  g_free (worker);
}

static GPrivate worker_evaluator = G_PRIVATE_INIT (cohort_worker_evaluator_free);

/* The threads that read and evaluate run at a lower priority than the window's, so that it
 * answers at once even when they keep every processor busy. */
static void
cohort_yield_to_the_window (void)
{
#ifdef SYS_gettid
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif
}

static MbcEvaluator *
cohort_worker_evaluator (MbcGuideline *guideline)
{
  WorkerEvaluator *worker = g_private_get (&worker_evaluator);

  if (worker == NULL)
    {
      worker = g_new0 (WorkerEvaluator, 1);
      g_private_set (&worker_evaluator, worker);
      cohort_yield_to_the_window ();
    }
  if (worker->guideline != guideline)
    {
      g_set_object (&worker->guideline, guideline);
      g_clear_object (&worker->evaluator);
      worker->evaluator = mbc_evaluator_new (guideline);
    }
  return worker->evaluator;
}

/* The titles of @fields (case field names), joined for people. */
static char *
cohort_field_titles (GPtrArray *fields)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; fields && i < fields->len; i++)
    {
      int field = mbc_case_field_from_name (g_ptr_array_index (fields, i));
      if (text->len)
        g_string_append (text, _(", "));
      g_string_append (text, field >= 0 ? mbc_case_field_get_title (field)
                                        : (const char *) g_ptr_array_index (fields, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One case of the cohort evaluated; or, with @problems, what is wrong with it. */
static MbcCohortRow *
cohort_evaluate_case (Load       *load,
                      guint       number,
                      MbcCase    *kase,
                      const char *problems)
{
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  const char *choice = kase ? mbc_case_get_decision_choice (kase) : NULL;
  const char *decision = choice ? mbc_case_decision_get_choice_title (choice) : "";
  const MbcTierText *tier_text;
  const MbcRule *rule;

  if (kase != NULL && problems == NULL)
    result = mbc_evaluator_evaluate (cohort_worker_evaluator (load->guideline), kase, &error);
  if (result == NULL)
    return mbc_cohort_row_new (number, problems ? NULL : kase, "", "", "", "", decision, "",
                               problems ? problems : error ? error->message : "");
  tier_text = mbc_guideline_get_tier_text (load->guideline, mbc_result_get_tier (result));
  rule = mbc_result_get_rule (result);
  missing = cohort_field_titles (mbc_result_get_missing (result));
  return mbc_cohort_row_new (number, kase, mbc_result_get_tier (result),
                             tier_text ? tier_text->title : mbc_result_get_tier (result),
                             rule->summary ? rule->summary : "", missing, decision,
                             choice ? mbc_csv_concordance (mbc_result_get_tier (result), choice)
                                    : "", "");
}

/* One line of a JSON Lines cohort. */
static MbcCohortRow *
cohort_evaluate_line (Load       *load,
                      guint       number,
                      const char *line,
                      gsize       length)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;
  g_autofree char *text = NULL;

  if (length > MBC_FILE_CASE_MAX_BYTES)
    {
      g_autofree char *most = mbc_file_describe_size (MBC_FILE_CASE_MAX_BYTES);
      text = g_strdup_printf (_("$: larger than %s, the most that is read"), most);
      return cohort_evaluate_case (load, number, NULL, text);
    }
  kase = mbc_case_new_from_data (line, length, problems);
  if (kase == NULL)
    {
      text = mbc_problems_format (problems, NULL);
      g_strchomp (text);
    }
  return cohort_evaluate_case (load, number, kase, text);
}

static gboolean cohort_take_cb (gpointer data);


/* Asks the main loop to take the chunks done (with the lock held). */
static void
cohort_wake_locked (Load *load)
{
  if (load->idle != 0)
    return;
  if (load->n_taken < FIRST_ROWS)
    load->idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, cohort_take_cb,
                                  cohort_load_ref (load), (GDestroyNotify) cohort_load_unref);
  else
    load->idle = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, BATCH_INTERVAL_MS, cohort_take_cb,
                                     cohort_load_ref (load), (GDestroyNotify) cohort_load_unref);
}

static void
cohort_stop_waiting_for_paint (MbcCohortWindow *self)
{
  /* The frame clock's handlers are gone already when its surface was destroyed first (the
   * window closed while it evaluates): disconnecting then would warn, "no handler". */
  if (self->paint_handler != 0 &&
      g_signal_handler_is_connected (self->paint_clock, self->paint_handler))
    g_signal_handler_disconnect (self->paint_clock, self->paint_handler);
  self->paint_handler = 0;
  g_clear_object (&self->paint_clock);
  g_clear_handle_id (&self->paint_timeout, g_source_remove);
}

/* The table was drawn with its first row (or a while passed, if it is not drawn at all):
 * the next rows may come. */
static void
cohort_painted_cb (MbcCohortWindow *self)
{
  g_assert (MBC_IS_COHORT_WINDOW (self));

  cohort_stop_waiting_for_paint (self);
  if (self->load == NULL)
    return;
  g_mutex_lock (&self->load->lock);
  if (g_hash_table_contains (self->load->done, GUINT_TO_POINTER (self->load->next)))
    cohort_wake_locked (self->load);
  g_mutex_unlock (&self->load->lock);
}

static gboolean
cohort_paint_timeout_cb (gpointer data)
{
  MbcCohortWindow *self = data;

  self->paint_timeout = 0;
  cohort_painted_cb (self);
  return G_SOURCE_REMOVE;
}

static void
cohort_wait_for_paint (MbcCohortWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  cohort_stop_waiting_for_paint (self);
  if (clock != NULL)
    {
      self->paint_clock = g_object_ref (clock);
      self->paint_handler = g_signal_connect_object (clock, "after-paint",
                                                     G_CALLBACK (cohort_painted_cb), self,
                                                     G_CONNECT_SWAPPED);
    }
  self->paint_timeout = g_timeout_add (250, cohort_paint_timeout_cb, self);
}

/* In a worker: one chunk evaluated. */
static void
cohort_evaluate_chunk (gpointer data,
                       gpointer user_data)
{
  Chunk *chunk = data;
  Load *load = user_data;

  chunk->rows = g_ptr_array_new_full (chunk->numbers->len, g_object_unref);
  for (guint i = 0; i < chunk->numbers->len; i++)
    {
      guint number = g_array_index (chunk->numbers, guint, i);

      if (g_cancellable_is_cancelled (load->cancellable))
        break;
      if (chunk->lines)
        {
          const char *line = g_ptr_array_index (chunk->lines, i);
          g_ptr_array_add (chunk->rows, cohort_evaluate_line (load, number, line, strlen (line)));
        }
      else
        g_ptr_array_add (chunk->rows,
                         cohort_evaluate_case (load, number, g_ptr_array_index (chunk->cases, i),
                                               g_ptr_array_index (chunk->problems, i)));
    }
  g_clear_pointer (&chunk->lines, g_ptr_array_unref);
  g_clear_pointer (&chunk->cases, g_ptr_array_unref);
  g_clear_pointer (&chunk->problems, g_ptr_array_unref);
  g_mutex_lock (&load->lock);
  load->n_evaluated++;
  g_cond_broadcast (&load->taken);   /* the reader may read more */
  g_hash_table_insert (load->done, GUINT_TO_POINTER (chunk->index), chunk);
  if (chunk->index == load->next)
    cohort_wake_locked (load);
  g_mutex_unlock (&load->lock);
}

/* In the reader: hands @chunk to the workers, waiting while too many are not yet taken. */
static void
cohort_submit (Load  *load,
               Chunk *chunk)
{
  g_mutex_lock (&load->lock);
  while ((load->n_read - load->n_evaluated >= READ_AHEAD ||
          load->n_read - load->next >= MAX_CHUNKS) &&
         !g_cancellable_is_cancelled (load->cancellable))
    g_cond_wait_until (&load->taken, &load->lock, g_get_monotonic_time () + G_USEC_PER_SEC / 10);
  chunk->index = load->n_read++;
  g_mutex_unlock (&load->lock);
  g_thread_pool_push (load->pool, chunk, NULL);
}

static void
cohort_case_unref (gpointer kase)
{
  if (kase)
    g_object_unref (kase);
}

static Chunk *
cohort_chunk_new (gboolean csv)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  if (csv)
    {
      /* A record that is not a case has none. */
      chunk->cases = g_ptr_array_new_with_free_func (cohort_case_unref);
      chunk->problems = g_ptr_array_new_with_free_func (g_free);
    }
  else
    chunk->lines = g_ptr_array_new_with_free_func (g_free);
  chunk->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  return chunk;
}

/* Whether @file is read as CSV: by its name, as --batch does. */
/* A CSV cohort by its name, or, where the name does not say, by its content. */
static gboolean
cohort_is_csv (GFile *file)
{
  return mbc_file_guess_kind_of (file) == MBC_FILE_KIND_COHORT_CSV;
}

/* The records of a CSV cohort (the header's columns named as the case file names its
 * fields), each made a case in the reader; what is wrong with a record stays with it. */
static void
cohort_read_csv (Load         *load,
                 GInputStream *stream,
                 Chunk       **chunk,
                 GError      **error)
{
  g_autoptr(MbcCsvReader) reader = mbc_csv_reader_new (stream);
  g_autoptr(MbcCsvRecord) header = mbc_csv_reader_next (reader, error);
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCsvColumns) columns = NULL;

  if (header == NULL)
    {
      if (error && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("the file is empty: a cohort starts with a header of column "
                               "names"));
      return;
    }
  columns = mbc_csv_columns_new (header, NULL, problems);
  if (columns == NULL)
    {
      g_autofree char *text = mbc_problems_format (problems, NULL);
      g_strchomp (text);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, text);
      return;
    }
  while (!g_cancellable_is_cancelled (load->cancellable))
    {
      g_autoptr(MbcCsvRecord) record = mbc_csv_reader_next (reader, error);
      g_autoptr(GPtrArray) record_problems = mbc_problems_new ();
      MbcCase *kase = NULL;
      char *text = NULL;

      if (record == NULL)
        break;
      if (record->problem)
        text = g_strdup (record->problem);
      else if (!(kase = mbc_csv_columns_read_case (columns, record, record_problems)))
        {
          text = mbc_problems_format (record_problems, NULL);
          g_strchomp (text);
        }
      g_ptr_array_add ((*chunk)->cases, kase);
      g_ptr_array_add ((*chunk)->problems, text);
      g_array_append_val ((*chunk)->numbers, record->number);
      if ((*chunk)->numbers->len == CHUNK_LINES)
        {
          g_mutex_lock (&load->lock);
          load->read_bytes = g_seekable_tell (G_SEEKABLE (stream));
          g_mutex_unlock (&load->lock);
          cohort_submit (load, *chunk);
          *chunk = cohort_chunk_new (TRUE);
        }
    }
}

/* Reads a cohort in JSON Lines a block at a time, a line at a time, as the command line's
 * --batch does: lines end at "\n" (a "\r" before it is not part of the line). */
#define READ_BLOCK (1 << 16)

typedef struct
{
  GInputStream *stream;
  char          block[READ_BLOCK];
  gsize         start, end;
  gboolean      eof;
} LineReader;

/* The next line into @line; one longer than MBC_FILE_CASE_MAX_BYTES is kept only to one byte
 * past that (so that it is known to be too long), but *length counts it whole. FALSE at the
 * end of the file, or with @error set. */
static gboolean
cohort_read_line (LineReader    *r,
                  GString       *line,
                  gsize         *length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_string_truncate (line, 0);
  *length = 0;
  for (;;)
    {
      const char *at, *nl;
      gsize run;

      if (r->start == r->end)
        {
          gssize n;

          if (r->eof)
            return *length > 0;   /* the last line, with no end */
          n = g_input_stream_read (r->stream, r->block, sizeof r->block, cancellable, error);
          if (n < 0)
            return FALSE;
          r->eof = n == 0;
          r->start = 0;
          r->end = (gsize) n;
          continue;
        }
      at = r->block + r->start;
      nl = memchr (at, '\n', r->end - r->start);
      run = nl ? (gsize) (nl - at) : r->end - r->start;
      if (line->len <= MBC_FILE_CASE_MAX_BYTES)
        g_string_append_len (line, at, MIN (run, MBC_FILE_CASE_MAX_BYTES + 1 - line->len));
      *length += run;
      r->start += run + (nl ? 1 : 0);
      if (nl != NULL)
        {
          if (*length == line->len && line->len > 0 && line->str[line->len - 1] == '\r')
            g_string_truncate (line, line->len - 1);
          return TRUE;
        }
    }
}

static gpointer
cohort_thread (gpointer data)
{
  Load *load = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree LineReader *lines = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GFileInfo) info = NULL;
  gboolean csv = cohort_is_csv (load->file);
  Chunk *chunk = cohort_chunk_new (csv);
  goffset done = 0;
  guint number = 0;

  cohort_yield_to_the_window ();
  stream = g_file_read (load->file, load->cancellable, &error);
  info = stream ? g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                  G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                  load->cancellable, &error) : NULL;
  if (info && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    g_set_error_literal (&error, MBC_FILE_ERROR, MBC_FILE_ERROR_NOT_REGULAR,
                         _("not a regular file: only a file can be read as a cohort"));
  if (error == NULL)
    {
      g_mutex_lock (&load->lock);
      load->total = g_file_info_get_size (info);
      g_mutex_unlock (&load->lock);
      if (csv)
        cohort_read_csv (load, G_INPUT_STREAM (stream), &chunk, &error);
    }
  if (error == NULL && !csv)
    {
      lines = g_new0 (LineReader, 1);
      lines->stream = G_INPUT_STREAM (stream);
    }
  while (error == NULL && !csv)
    {
      gsize length = 0;
      gboolean blank = TRUE;

      if (!cohort_read_line (lines, line, &length, load->cancellable, &error))
        break;
      number++;
      done += (goffset) length + 1;
      for (gsize i = 0; i < line->len && blank; i++)
        blank = g_ascii_isspace (line->str[i]);
      if (blank)
        continue;
      g_ptr_array_add (chunk->lines, g_strndup (line->str, line->len));
      g_array_append_val (chunk->numbers, number);
      if (chunk->lines->len == CHUNK_LINES)
        {
          g_mutex_lock (&load->lock);
          load->read_bytes = done;
          g_mutex_unlock (&load->lock);
          cohort_submit (load, chunk);
          chunk = cohort_chunk_new (FALSE);
        }
    }
  if (chunk->numbers->len > 0)
    cohort_submit (load, chunk);
  else
    cohort_chunk_free (chunk);
  /* Every chunk evaluated (or, cancelled, passed over) before the load is finished. */
  g_thread_pool_free (load->pool, FALSE, TRUE);
  load->pool = NULL;
  g_mutex_lock (&load->lock);
  if (error && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    load->error = g_strdup (error->message);
  load->read_bytes = done;
  load->finished = TRUE;
  cohort_wake_locked (load);
  g_mutex_unlock (&load->lock);
  cohort_load_unref (load);
  return NULL;
}

/* --- The table, the filters and the charts ----------------------------------------------- */

static const char *
cohort_shown_title (guint shown)
{
  switch (shown)
    {
    case SHOWN_ALL: return _("All");
    case SHOWN_AGREES: return _("Agrees with the guideline");
    case SHOWN_DISAGREES: return _("Disagrees with the guideline");
    case SHOWN_DEFERRED: return _("Deferred");
    case SHOWN_INDIVIDUAL: return _("Left to the clinician by the guideline");
    case SHOWN_NO_DECISION: return _("No decision recorded");
    case SHOWN_NOTHING_TO_COMPARE: return _("Decided while more information was needed");
    case SHOWN_PROBLEMS: return _("Could not be evaluated");
    default: g_assert_not_reached ();
    }
}

/* Whether the decision agrees with the guideline, for people ("" when there is none). */
static const char *
cohort_agreement_words (const char *concordance)
{
  if (g_strcmp0 (concordance, "agrees") == 0)
    return _("Agrees");
  if (g_strcmp0 (concordance, "disagrees") == 0)
    return _("Disagrees");
  if (g_strcmp0 (concordance, "individual") == 0)
    return _("Left to the clinician");
  return "";
}

/* Which entry of the decision filter a row counts under. */
static guint
cohort_shown_of (MbcCohortRow *row)
{
  const char *concordance = mbc_cohort_row_get_concordance (row);

  if (*mbc_cohort_row_get_tier (row) == '\0')
    return SHOWN_PROBLEMS;
  /* A deferred decision neither agrees nor disagrees: a category of its own (the CSV's
   * concordance, a contract, calls it "disagrees"). */
  if (*concordance && g_strcmp0 (mbc_cohort_row_get_decision (row),
                                 mbc_case_decision_get_choice_title ("deferred")) == 0)
    return SHOWN_DEFERRED;
  if (g_str_equal (concordance, "agrees"))
    return SHOWN_AGREES;
  if (g_str_equal (concordance, "disagrees"))
    return SHOWN_DISAGREES;
  if (g_str_equal (concordance, "individual"))
    return SHOWN_INDIVIDUAL;
  /* A decision, but no recommendation to compare it with (the tier is indeterminate). */
  if (*mbc_cohort_row_get_decision (row))
    return SHOWN_NOTHING_TO_COMPARE;
  return SHOWN_NO_DECISION;
}

static gboolean
cohort_filter_func (gpointer item,
                    gpointer user_data)
{
  MbcCohortWindow *self = user_data;
  MbcCohortRow *row = item;
  MbcTier tier;

  if (self->tier_shown > 0 &&
      (!mbc_tier_from_string (mbc_cohort_row_get_tier (row), &tier) ||
       tier != self->tier_shown - 1))
    return FALSE;
  return self->concordance_shown == SHOWN_ALL ||
         cohort_shown_of (row) == self->concordance_shown;
}

static void
cohort_update_shown (MbcCohortWindow *self)
{
  g_autofree char *text = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_assert (MBC_IS_COHORT_WINDOW (self));
  text = g_strdup_printf (ngettext ("%'u of %'u case shown", "%'u of %'u cases shown", all),
                          shown, all);
  gtk_label_set_text (GTK_LABEL (self->shown_label), text);
}

static void
cohort_filter_changed_cb (MbcCohortWindow *self)
{
  g_assert (MBC_IS_COHORT_WINDOW (self));

  self->tier_shown = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->tier_filter));
  self->concordance_shown = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->concordance_filter));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  cohort_update_shown (self);
}

/* The charts and their numbers in words. */
static void
cohort_update_charts (MbcCohortWindow *self)
{
  const char *tier_titles[MBC_N_TIERS];
  const char *shown_titles[N_SHOWN - 1];
  g_autofree char *tiers = NULL;
  g_autofree char *text = NULL;

  g_assert (MBC_IS_COHORT_WINDOW (self));

  for (guint t = 0; t < MBC_N_TIERS; t++)
    {
      const MbcTierText *tier = mbc_guideline_get_tier_text (self->guideline,
                                                             mbc_tier_to_string (t));
      tier_titles[t] = tier ? tier->title : mbc_tier_to_string (t);
    }
  for (guint s = 1; s < N_SHOWN; s++)
    shown_titles[s - 1] = cohort_shown_title (s);
  mbc_bar_chart_set_bars (MBC_BAR_CHART (self->tiers_chart), tier_titles, self->tier_counts,
                          MBC_N_TIERS);
  /* The agreement chart: the decisions compared with a recommendation, and only they, so
   * that its shares and the sentence under it have one denominator. */
  mbc_bar_chart_set_bars (MBC_BAR_CHART (self->concordance_chart), shown_titles,
                          self->shown_counts + SHOWN_AGREES, SHOWN_INDIVIDUAL - SHOWN_AGREES + 1);
  tiers = mbc_bar_chart_describe (MBC_BAR_CHART (self->tiers_chart));
  {
    guint compared = 0;
    char *counts[SHOWN_INDIVIDUAL + 1] = { NULL, };
    g_autofree char *agreement = NULL;
    g_autofree char *apart = NULL;

    for (guint s = SHOWN_AGREES; s <= SHOWN_INDIVIDUAL; s++)
      compared += self->shown_counts[s];
    for (guint s = SHOWN_AGREES; s <= SHOWN_INDIVIDUAL; s++)
      counts[s] = mbc_bar_chart_count_text (self->shown_counts[s], compared);
    agreement = compared == 0 ? g_strdup (_("No decision is compared with a recommendation."))
                              : g_strdup_printf (ngettext ("Of the %'u decision compared with a recommendation, %s agree, "
                                 "%s disagree, %s were deferred and %s were left to the "
                                 "clinician by the guideline.",
                                 "Of the %'u decisions compared with a recommendation, %s agree, "
                                 "%s disagree, %s were deferred and %s were left to the "
                                 "clinician by the guideline.", compared),
                       compared, counts[SHOWN_AGREES], counts[SHOWN_DISAGREES],
                       counts[SHOWN_DEFERRED], counts[SHOWN_INDIVIDUAL]);
    apart = g_strdup_printf (_("Not compared: %'u with no decision recorded, %'u decided while "
                               "more information was needed, %'u that could not be "
                               "evaluated."),
                             self->shown_counts[SHOWN_NO_DECISION],
                             self->shown_counts[SHOWN_NOTHING_TO_COMPARE],
                             self->shown_counts[SHOWN_PROBLEMS]);
    text = g_strdup_printf ("%s\n%s\n%s", tiers, agreement, apart);
    for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
      g_free (counts[s]);
  }
  gtk_label_set_text (GTK_LABEL (self->numbers_label), text);
}

static void
cohort_update_progress (MbcCohortWindow *self,
                        goffset          done,
                        goffset          total,
                        gboolean         finished)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint bad = self->shown_counts[SHOWN_PROBLEMS];
  g_autofree char *text = bad == 0
    ? g_strdup_printf (ngettext ("%'u case evaluated", "%'u cases evaluated", n), n)
    : g_strdup_printf (ngettext ("%'u of %'u row evaluated", "%'u of %'u rows evaluated", n),
                       n - bad, n);

  g_assert (MBC_IS_COHORT_WINDOW (self));

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress),
                                 total > 0 ? MIN (1.0, (double) done / total) : 0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), text);
  gtk_widget_set_visible (self->progress_box, !finished);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), text);
}

static void
cohort_finish (MbcCohortWindow *self,
               const char      *error)
{
  g_assert (MBC_IS_COHORT_WINDOW (self));

  cohort_stop_waiting_for_paint (self);
  g_clear_pointer (&self->load, cohort_load_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.cancel", FALSE);
  if (error)
    {
      g_autofree char *text = g_strdup_printf (_("The cohort could not be read: %s"), error);
      AdwToast *toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* In the main thread: the chunks evaluated, in the file's order, go into the table, at
 * most BATCH_ROWS rows at a time. */
static gboolean
cohort_take_cb (gpointer data)
{
  Load *load = data;
  MbcCohortWindow *self = load->window;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *error = NULL;
  goffset done, total;
  gboolean finished, more;
  Chunk *chunk;

  /* The first row comes alone, then a few at a time, each few once the table is drawn:
   * the table makes the widgets of its first 200 or so rows at once, however many are
   * seen (0.6 s for 256 rows here, against 2 ms for 2,000 rows after). */
  guint shown = self ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
  gboolean first = shown < FIRST_ROWS;
  guint most = shown == 0 ? 1 : first ? FIRST_STEP : BATCH_ROWS;

  g_mutex_lock (&load->lock);
  if (self != NULL && (self->paint_handler != 0 || self->paint_timeout != 0))
    {
      load->idle = 0;     /* cohort_painted_cb() asks again */
      g_mutex_unlock (&load->lock);
      return G_SOURCE_REMOVE;
    }
  while (rows->len < most &&
         (chunk = g_hash_table_lookup (load->done, GUINT_TO_POINTER (load->next))))
    {
      if (chunk->rows->len > most - rows->len)
        {
          /* Part of the chunk: the rest stays for the next time. */
          while (rows->len < most)
            g_ptr_array_add (rows, g_ptr_array_steal_index (chunk->rows, 0));
          break;
        }
      g_hash_table_steal (load->done, GUINT_TO_POINTER (load->next));
      load->next++;
      g_ptr_array_extend_and_steal (rows, g_steal_pointer (&chunk->rows));
      cohort_chunk_free (chunk);
    }
  g_cond_broadcast (&load->taken);
  done = load->read_bytes;
  total = load->total;
  finished = load->finished && load->next == load->n_read;
  error = g_strdup (load->error);
  load->n_taken += rows->len;
  /* More ready: asked for again below; else a worker or the reader asks. */
  more = self != NULL && g_hash_table_contains (load->done, GUINT_TO_POINTER (load->next));
  load->idle = 0;
  g_mutex_unlock (&load->lock);

  if (self == NULL || self->load != load)
    return G_SOURCE_REMOVE;   /* cancelled, or the window is gone */
  for (guint i = 0; i < rows->len; i++)
    {
      MbcCohortRow *row = g_ptr_array_index (rows, i);
      MbcTier tier;
      if (mbc_tier_from_string (mbc_cohort_row_get_tier (row), &tier))
        self->tier_counts[tier]++;
      self->shown_counts[cohort_shown_of (row)]++;
    }
  g_list_store_splice (self->rows, g_list_model_get_n_items (G_LIST_MODEL (self->rows)), 0,
                       rows->pdata, rows->len);
  cohort_update_charts (self);
  cohort_update_shown (self);
  cohort_update_progress (self, done, total, finished);
  if (finished)
    {
      cohort_finish (self, error);
      return G_SOURCE_REMOVE;
    }
  if (first && rows->len > 0)
    cohort_wait_for_paint (self);   /* cohort_painted_cb() asks for more */
  else if (more)
    {
      g_mutex_lock (&load->lock);
      cohort_wake_locked (load);
      g_mutex_unlock (&load->lock);
    }
  return G_SOURCE_REMOVE;
}

/* --- Columns ------------------------------------------------------------------------------ */

static void
cohort_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
cohort_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  const char *property = user_data;
  MbcCohortRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (g_str_equal (property, "line"))
    text = g_strdup_printf ("%u", mbc_cohort_row_get_line (row));
  else if (g_str_equal (property, "concordance"))
    text = g_strdup (cohort_agreement_words (mbc_cohort_row_get_concordance (row)));
  else
    g_object_get (row, property, &text, NULL);
  gtk_label_set_text (GTK_LABEL (label), text);
  /* A long text is cut in its column: the tooltip has it all (given when asked for: setting
   * one asks the X server where the pointer is, a round trip for every cell bound). */
  mbc_tooltip_set_text (label, text && strlen (text) > 24 ? text : NULL);
  if (g_str_equal (property, "problems"))
    gtk_widget_add_css_class (label, "error");
}

static void
cohort_add_column (MbcCohortWindow *self,
                   const char      *title,
                   const char      *property,
                   gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkExpression *expression;
  GtkSorter *sorter;

  g_assert (MBC_IS_COHORT_WINDOW (self));

  g_signal_connect (factory, "setup", G_CALLBACK (cohort_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cohort_cell_bind_cb), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  expression = gtk_property_expression_new (MBC_TYPE_COHORT_ROW, NULL, property);
  if (g_str_equal (property, "line"))
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->table), column);
  g_object_unref (sorter);
  g_object_unref (column);
}

static void
cohort_activate_cb (GtkColumnView   *view,
                    guint            position,
                    MbcCohortWindow *self)
{
  mbc_cohort_window_activate_row (self, position);
}

static void
cohort_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  mbc_cohort_window_cancel (MBC_COHORT_WINDOW (widget));
}

/* --- Exports: the rows shown, as CSV (--format csv) or as a tumour-board list (PDF) ------- */

/* The filters on, in words ("Recommendation: Surgery can be recommended; agreement with the
 * guideline: Disagrees with the guideline"), or NULL when every row is shown. */
static char *
cohort_describe_filter (MbcCohortWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->tier_shown > 0)
    {
      const char *tier = mbc_tier_to_string (self->tier_shown - 1);
      const MbcTierText *words = mbc_guideline_get_tier_text (self->guideline, tier);
      g_string_append_printf (text, _("Recommendation: %s"), words ? words->title : tier);
    }
  if (self->concordance_shown != SHOWN_ALL)
    g_string_append_printf (text, text->len ? _("; agreement with the guideline: %s")
                                            : _("Agreement with the guideline: %s"),
                            cohort_shown_title (self->concordance_shown));
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

typedef struct
{
  gboolean      pdf;
  GFile        *file;
  char         *title;
  MbcGuideline *guideline;
  GPtrArray    *rows;      /* MbcCohortRow, as shown */
  char         *filter;    /* (nullable): what the rows are filtered by, for people */
  guint         n_cohort;  /* the rows of the whole cohort */
} Export;

static void
cohort_export_free (gpointer data)
{
  Export *export = data;

  g_object_unref (export->file);
  g_free (export->title);
  g_free (export->filter);
  g_object_unref (export->guideline);
  g_ptr_array_unref (export->rows);
  g_free (export);
}

/* A row's problems ("where: message" a line) as MbcProblem again. */
static GPtrArray *
cohort_export_problems (MbcCohortRow *row)
{
  GPtrArray *problems = mbc_problems_new ();
  g_auto(GStrv) lines = g_strsplit (mbc_cohort_row_get_problems (row), "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *colon = strstr (lines[i], ": ");
      if (*lines[i] == '\0')
        continue;
      if (colon)
        *colon = '\0';
      mbc_problems_add (problems, colon ? lines[i] : "$", "%s", colon ? colon + 2 : lines[i]);
    }
  return problems;
}

static GBytes *
cohort_export_csv (Export *export)
{
  g_autoptr(MbcCsvWriter) writer = mbc_csv_writer_new (export->guideline);
  g_autoptr(MbcEvaluator) evaluator = mbc_evaluator_new (export->guideline);
  GString *out = g_string_new (NULL);

  mbc_csv_writer_write_header (writer, out);
  for (guint i = 0; i < export->rows->len; i++)
    {
      MbcCohortRow *row = g_ptr_array_index (export->rows, i);
      MbcCase *kase = mbc_cohort_row_get_case (row);
      g_autoptr(MbcResult) result = NULL;

      /* A copy: evaluating keeps what the rules read in the case, and the window may read
       * the row's case meanwhile. */
      if (kase && *mbc_cohort_row_get_tier (row))
        {
          g_autoptr(MbcCase) copy = mbc_case_copy (kase);
          result = mbc_evaluator_evaluate (evaluator, copy, NULL);
        }
      if (result)
        mbc_csv_writer_write_result (writer, mbc_cohort_row_get_line (row), kase, result, out);
      else
        {
          g_autoptr(GPtrArray) problems = cohort_export_problems (row);
          mbc_csv_writer_write_error (writer, mbc_cohort_row_get_line (row), problems, out);
        }
    }
  return g_string_free_to_bytes (out);
}

static GBytes *
cohort_export_pdf (Export  *export,
                   GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree MbcCohortEntry *entries = g_new0 (MbcCohortEntry, MAX (export->rows->len, 1));
  g_autoptr(MbcReport) report = NULL;

  for (guint i = 0; i < export->rows->len; i++)
    {
      MbcCohortRow *row = g_ptr_array_index (export->rows, i);
      gboolean evaluated = *mbc_cohort_row_get_tier (row) != '\0';

      entries[i].line = mbc_cohort_row_get_line (row);
      entries[i].kase = evaluated ? mbc_cohort_row_get_case (row) : NULL;
      entries[i].problems = mbc_cohort_row_get_problems (row);
      entries[i].decision = mbc_cohort_row_get_decision (row);
      /* As the window counts it: the entry of the decision filter the row is under. */
      entries[i].agreement = cohort_shown_of (row) == SHOWN_NO_DECISION
                             ? "" : cohort_shown_title (cohort_shown_of (row));
    }
  report = mbc_report_new_cohort (export->guideline, export->title, entries,
                                  export->rows->len, export->filter, export->n_cohort, now);
  return mbc_report_to_pdf (report, mbc_paper_from_locale (), error);
}

/* In a worker: the file made and written, atomically, the user's alone (patient data). */
static void
cohort_export_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  Export *export = data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = export->pdf ? cohort_export_pdf (export, &error) : cohort_export_csv (export);
  if (bytes && mbc_file_write_atomic (export->file, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), MBC_FILE_PRIVATE_MODE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
cohort_export_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  MbcCohortWindow *self = MBC_COHORT_WINDOW (source);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    text = g_strdup_printf (_("Exported “%s”"), name);
  else
    text = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, error ? 0 : 3);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

/**
 * mbc_cohort_window_export:
 * @pdf: a tumour-board list (PDF), or else a summary row a case (CSV, as --format csv)
 * @file: where to write it
 *
 * Writes the rows the table shows (filtered and sorted), off the UI thread; a toast says
 * when it is done, or why it could not be.
 */
void
mbc_cohort_window_export (MbcCohortWindow     *self,
                          gboolean             pdf,
                          GFile               *file,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;
  GListModel *shown;

  g_return_if_fail (MBC_IS_COHORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  shown = G_LIST_MODEL (self->sorted);
  export = g_new0 (Export, 1);
  export->pdf = pdf;
  export->file = g_object_ref (file);
  export->title = g_strdup (gtk_window_get_title (GTK_WINDOW (self)));
  export->guideline = g_object_ref (self->guideline);
  export->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_ptr_array_add (export->rows, g_list_model_get_item (shown, i));
  export->n_cohort = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  export->filter = cohort_describe_filter (self);
  task = g_task_new (self, NULL, callback ? callback : cohort_export_done_cb,
                     callback ? user_data : NULL);
  g_task_set_task_data (task, export, cohort_export_free);
  g_task_run_in_thread (task, cohort_export_thread);
}

gboolean
mbc_cohort_window_export_finish (MbcCohortWindow  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cohort_export_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           MbcCohortWindow *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "mbc-pdf"));

  if (file)
    mbc_cohort_window_export (self, pdf, file, NULL, NULL);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
cohort_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MbcCohortWindow *self = MBC_COHORT_WINDOW (widget);
  gboolean pdf = g_str_equal (action_name, "cohort.export-pdf");
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (pdf ? _("Export Tumour Board List") : _("Export Summary"),
                                 GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                 _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = g_strdup (gtk_window_get_title (GTK_WINDOW (self)));
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  if (dot)
    *dot = '\0';
  /* TRANSLATORS: the names proposed for a cohort's exports */
  name = pdf ? g_strdup_printf (_("%s tumour board.pdf"), base)
             : g_strdup_printf (_("%s summary.csv"), base);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("CSV files"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "mbc-pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (chooser, "response", G_CALLBACK (cohort_export_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- The object --------------------------------------------------------------------------- */

static void
mbc_cohort_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MbcCohortWindow *self = MBC_COHORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->load != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_cohort_window_dispose (GObject *object)
{
  MbcCohortWindow *self = MBC_COHORT_WINDOW (object);

  mbc_cohort_window_cancel (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_COHORT_WINDOW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);   /* which holds the filter and the rows */
  g_clear_object (&self->guideline);
  G_OBJECT_CLASS (mbc_cohort_window_parent_class)->dispose (object);
}

static void
mbc_cohort_window_class_init (MbcCohortWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mbc_cohort_window_get_property;
  object_class->dispose = mbc_cohort_window_dispose;

  /**
   * MbcCohortWindow:loading:
   *
   * Whether the cohort is still being read and evaluated.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MbcCohortWindow::case-chosen:
   * @kase: a copy of the case of the row activated
   * @line: its row in the file
   */
  signals[CASE_CHOSEN] = g_signal_new ("case-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                       MBC_TYPE_CASE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-cohort-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, tiers_box);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, concordance_box);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, numbers_label);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, tier_filter);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, concordance_filter);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, shown_label);
  gtk_widget_class_bind_template_child (widget_class, MbcCohortWindow, table);
  gtk_widget_class_install_action (widget_class, "cohort.cancel", NULL, cohort_cancel_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-csv", NULL, cohort_export_action);
  gtk_widget_class_install_action (widget_class, "cohort.export-pdf", NULL, cohort_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mbc_cohort_window_init (MbcCohortWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (MBC_TYPE_COHORT_ROW);
  self->filter = gtk_custom_filter_new (cohort_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->rows),
                                              GTK_FILTER (self->filter));
  cohort_add_column (self, _("Row"), "line", FALSE);
  cohort_add_column (self, _("Label"), "label", FALSE);
  cohort_add_column (self, _("Recommendation"), "recommendation", FALSE);
  cohort_add_column (self, _("Rule"), "rule", TRUE);
  cohort_add_column (self, _("Missing"), "missing", FALSE);
  cohort_add_column (self, _("Decision"), "decision", FALSE);
  cohort_add_column (self, _("Agreement"), "concordance", FALSE);
  cohort_add_column (self, _("Problems"), "problems", TRUE);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (
                                            GTK_COLUMN_VIEW (self->table))));
  gtk_sort_list_model_set_incremental (self->sorted, TRUE);
  {
    /* The table holds the selection, which holds the sorted rows. */
    g_autoptr(GtkSingleSelection) selection =
      gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
    gtk_column_view_set_model (GTK_COLUMN_VIEW (self->table), GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect (self->table, "activate", G_CALLBACK (cohort_activate_cb), self);
  self->tiers_chart = mbc_bar_chart_new (_("Recommendations"));
  gtk_box_append (GTK_BOX (self->tiers_box), self->tiers_chart);
  self->concordance_chart = mbc_bar_chart_new (_("Decisions and the guideline"));
  gtk_box_append (GTK_BOX (self->concordance_box), self->concordance_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.cancel", FALSE);
  gtk_widget_set_visible (self->progress_box, FALSE);
}

/**
 * mbc_cohort_window_new:
 * @parent: the main window it was opened from
 * @guideline: the guideline the cases are evaluated against
 */
GtkWidget *
mbc_cohort_window_new (GtkWindow    *parent,
                       MbcGuideline *guideline)
{
  MbcCohortWindow *self;
  g_autoptr(GStrvBuilder) tiers = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
  g_auto(GStrv) tier_titles = NULL;
  g_auto(GStrv) shown_titles = NULL;
  g_autoptr(GtkStringList) tier_list = NULL;
  g_autoptr(GtkStringList) shown_list = NULL;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);

  self = g_object_new (MBC_TYPE_COHORT_WINDOW, "transient-for", parent, NULL);
  self->guideline = g_object_ref (guideline);
  g_strv_builder_add (tiers, _("All"));
  for (guint t = 0; t < MBC_N_TIERS; t++)
    {
      const MbcTierText *text = mbc_guideline_get_tier_text (guideline, mbc_tier_to_string (t));
      g_strv_builder_add (tiers, text ? text->title : mbc_tier_to_string (t));
    }
  for (guint s = 0; s < N_SHOWN; s++)
    g_strv_builder_add (shown, cohort_shown_title (s));
  tier_titles = g_strv_builder_end (tiers);
  shown_titles = g_strv_builder_end (shown);
  tier_list = gtk_string_list_new ((const char * const *) tier_titles);
  shown_list = gtk_string_list_new ((const char * const *) shown_titles);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->tier_filter), G_LIST_MODEL (tier_list));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->concordance_filter), G_LIST_MODEL (shown_list));
  g_signal_connect_swapped (self->tier_filter, "notify::selected",
                            G_CALLBACK (cohort_filter_changed_cb), self);
  g_signal_connect_swapped (self->concordance_filter, "notify::selected",
                            G_CALLBACK (cohort_filter_changed_cb), self);
  cohort_update_charts (self);
  return GTK_WIDGET (self);
}

/**
 * mbc_cohort_window_open:
 * @file: a cohort, one case a line (JSON Lines)
 *
 * Reads and evaluates @file in a worker thread, the rows shown as they come; what was shown
 * before is replaced.
 */
void
mbc_cohort_window_open (MbcCohortWindow *self,
                        GFile           *file)
{
  Load *load;
  g_autofree char *name = NULL;
  GThread *thread;

  g_return_if_fail (MBC_IS_COHORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  mbc_cohort_window_cancel (self);
  g_list_store_remove_all (self->rows);
  memset (self->tier_counts, 0, sizeof self->tier_counts);
  memset (self->shown_counts, 0, sizeof self->shown_counts);
  name = g_file_get_basename (file);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), name);
  gtk_window_set_title (GTK_WINDOW (self), name);

  load = g_new0 (Load, 1);
  load->refs = 1;
  load->file = g_object_ref (file);
  load->guideline = g_object_ref (self->guideline);
  load->cancellable = g_cancellable_new ();
  load->done = g_hash_table_new_full (NULL, NULL, NULL, cohort_chunk_free);
  load->window = self;
  g_mutex_init (&load->lock);
  g_cond_init (&load->taken);
  /* The workers each hold the load; the pool goes once they are all done with it. */
  load->pool = g_thread_pool_new (cohort_evaluate_chunk, load,
                                  (int) MAX (1, g_get_num_processors ()), FALSE, NULL);
  self->load = load;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cohort.cancel", TRUE);
  cohort_update_progress (self, 0, 0, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  thread = g_thread_new ("mbc-cohort", cohort_thread, cohort_load_ref (load));
  g_thread_unref (thread);
}

/* Stops the evaluation; the rows already shown stay. */
void
mbc_cohort_window_cancel (MbcCohortWindow *self)
{
  g_return_if_fail (MBC_IS_COHORT_WINDOW (self));

  if (self->load == NULL)
    return;
  g_cancellable_cancel (self->load->cancellable);
  self->load->window = NULL;
  cohort_update_progress (self, 0, 0, TRUE);
  cohort_finish (self, NULL);
}

gboolean
mbc_cohort_window_get_loading (MbcCohortWindow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_WINDOW (self), FALSE);
  return self->load != NULL;
}

/**
 * mbc_cohort_window_get_rows:
 *
 * Returns: (transfer none): every row read so far (MbcCohortRow), in the file's order
 */
GListModel *
mbc_cohort_window_get_rows (MbcCohortWindow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_WINDOW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/**
 * mbc_cohort_window_get_shown:
 *
 * Returns: (transfer none): the rows as the table shows them: filtered and sorted
 */
GListModel *
mbc_cohort_window_get_shown (MbcCohortWindow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_WINDOW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/**
 * mbc_cohort_window_set_filters:
 * @tier: 0 for every recommendation, else the MbcTier + 1
 * @concordance: the entry of the decision filter (0 for all)
 */
void
mbc_cohort_window_set_filters (MbcCohortWindow *self,
                               guint            tier,
                               guint            concordance)
{
  g_return_if_fail (MBC_IS_COHORT_WINDOW (self));
  g_return_if_fail (tier <= MBC_N_TIERS && concordance < N_SHOWN);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->tier_filter), tier);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->concordance_filter), concordance);
}

/**
 * mbc_cohort_window_describe:
 *
 * Returns: (transfer full): the charts' numbers in words, as the window shows them
 */
char *
mbc_cohort_window_describe (MbcCohortWindow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_WINDOW (self), NULL);
  return g_strdup (gtk_label_get_text (GTK_LABEL (self->numbers_label)));
}

/* Opens a copy of the case shown at @position (a row that could not be read has none). */
void
mbc_cohort_window_activate_row (MbcCohortWindow *self,
                                guint            position)
{
  g_autoptr(MbcCohortRow) row = NULL;
  g_autoptr(MbcCase) copy = NULL;

  g_return_if_fail (MBC_IS_COHORT_WINDOW (self));

  row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (row == NULL || mbc_cohort_row_get_case (row) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  copy = mbc_case_copy (mbc_cohort_row_get_case (row));
  g_signal_emit (self, signals[CASE_CHOSEN], 0, copy, mbc_cohort_row_get_line (row));
}
