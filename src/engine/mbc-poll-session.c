/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcPollSession: a teaching session in which a room answers the questions of the guideline's
 * polls (its poll tables, then the questions asked without a poll), and is compared with
 * the polled group. It holds the votes counted for each question, the
 * order in which they were cast (so that the last can be undone), which questions have been
 * revealed, and the question shown. No names, and no case data beyond the case's title.
 * The options of a question are those of its poll table; a question asked without a poll
 * is answered Yes or No, as the polled questions were.
 */
#define G_LOG_DOMAIN "mbc-poll-session"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mbc-csv-writer.h"
#include "mbc-json.h"
#include "mbc-poll-session.h"

typedef struct
{
  const MbcSource *source;
  GStrv            options;
  guint           *counts;
  gboolean         revealed;
} Question;

struct _MbcPollSession
{
  GObject       parent_instance;

  MbcGuideline *guideline;
  char         *case_title;
  GArray       *questions;     /* Question */
  GArray       *history;       /* guint question << 8 | option, in the order cast */
  guint         current;
};

G_DEFINE_FINAL_TYPE (MbcPollSession, mbc_poll_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
session_question_clear (gpointer data)
{
  Question *q = data;

  g_strfreev (q->options);
  g_free (q->counts);
}

static void
session_changed (MbcPollSession *self)
{
  g_assert (MBC_IS_POLL_SESSION (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static Question *
session_question (MbcPollSession *self,
                  guint           index)
{
  g_assert (MBC_IS_POLL_SESSION (self));

  return &g_array_index (self->questions, Question, index);
}

static void
mbc_poll_session_finalize (GObject *object)
{
  MbcPollSession *self = MBC_POLL_SESSION (object);

  g_array_unref (self->questions);
  g_array_unref (self->history);
  g_free (self->case_title);
  g_clear_object (&self->guideline);
  G_OBJECT_CLASS (mbc_poll_session_parent_class)->finalize (object);
}

static void
mbc_poll_session_class_init (MbcPollSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mbc_poll_session_finalize;

  /**
   * MbcPollSession::changed:
   *
   * A vote, an undo, a reveal, or another question shown.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mbc_poll_session_init (MbcPollSession *self)
{
  self->questions = g_array_new (FALSE, TRUE, sizeof (Question));
  g_array_set_clear_func (self->questions, session_question_clear);
  self->history = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * mbc_poll_session_new:
 * @case_title: the title of the case the room discusses
 */
MbcPollSession *
mbc_poll_session_new (MbcGuideline *guideline,
                      const char   *case_title)
{
  MbcPollSession *self;
  GPtrArray *sources;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);

  self = g_object_new (MBC_TYPE_POLL_SESSION, NULL);
  self->guideline = g_object_ref (guideline);
  self->case_title = g_strdup (case_title ? case_title : "");
  sources = mbc_guideline_get_sources (guideline);
  /* The polls first, then the questions without a poll, each in the pack's order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < sources->len; i++)
      {
        const MbcSource *source = g_ptr_array_index (sources, i);
        Question q = { source };
        g_autoptr(GStrvBuilder) options = g_strv_builder_new ();

        if (g_strcmp0 (source->kind, pass == 0 ? "poll" : "question") != 0)
          continue;
        if (source->options)
          for (guint k = 0; k < source->options->len; k++)
            g_strv_builder_add (options,
                                ((MbcPollOption *) g_ptr_array_index (source->options, k))->label);
        else
          {
            g_strv_builder_add (options, "Yes");
            g_strv_builder_add (options, "No");
          }
        q.options = g_strv_builder_end (options);
        q.counts = g_new0 (guint, g_strv_length (q.options));
        g_array_append_val (self->questions, q);
      }
  return self;
}

const char *
mbc_poll_session_get_case_title (MbcPollSession *self)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), NULL);
  return self->case_title;
}

guint
mbc_poll_session_get_n_questions (MbcPollSession *self)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), 0);
  return self->questions->len;
}

const MbcSource *
mbc_poll_session_get_question (MbcPollSession *self,
                               guint           index)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return session_question (self, index)->source;
}

guint
mbc_poll_session_get_current (MbcPollSession *self)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), 0);
  return self->current;
}

gboolean
mbc_poll_session_next (MbcPollSession *self)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), FALSE);

  if (self->current + 1 >= self->questions->len)
    return FALSE;
  self->current++;
  session_changed (self);
  return TRUE;
}

gboolean
mbc_poll_session_previous (MbcPollSession *self)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), FALSE);

  if (self->current == 0)
    return FALSE;
  self->current--;
  session_changed (self);
  return TRUE;
}

const char * const *
mbc_poll_session_get_options (MbcPollSession *self,
                              guint           index)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return (const char * const *) session_question (self, index)->options;
}

/* One vote of the room for @option of the question shown. */
gboolean
mbc_poll_session_vote (MbcPollSession *self,
                       guint           option)
{
  Question *q;
  guint entry;

  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), FALSE);

  if (self->questions->len == 0)
    return FALSE;
  q = session_question (self, self->current);
  if (option >= g_strv_length (q->options))
    return FALSE;
  q->counts[option]++;
  entry = self->current << 8 | option;
  g_array_append_val (self->history, entry);
  session_changed (self);
  return TRUE;
}

/* Takes back the last vote cast (on whichever question it was). */
gboolean
mbc_poll_session_undo (MbcPollSession *self)
{
  guint entry;

  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), FALSE);

  if (self->history->len == 0)
    return FALSE;
  entry = g_array_index (self->history, guint, self->history->len - 1);
  g_array_set_size (self->history, self->history->len - 1);
  session_question (self, entry >> 8)->counts[entry & 0xff]--;
  session_changed (self);
  return TRUE;
}

/* The question shown starts again: no votes, not revealed. */
void
mbc_poll_session_reset_question (MbcPollSession *self)
{
  Question *q;
  guint kept = 0;

  g_return_if_fail (MBC_IS_POLL_SESSION (self));

  if (self->questions->len == 0)
    return;
  q = session_question (self, self->current);
  memset (q->counts, 0, g_strv_length (q->options) * sizeof (guint));
  q->revealed = FALSE;
  for (guint i = 0; i < self->history->len; i++)
    {
      guint entry = g_array_index (self->history, guint, i);
      if (entry >> 8 != self->current)
        g_array_index (self->history, guint, kept++) = entry;
    }
  g_array_set_size (self->history, kept);
  session_changed (self);
}

guint
mbc_poll_session_get_count (MbcPollSession *self,
                            guint           index,
                            guint           option)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), 0);
  g_return_val_if_fail (index < self->questions->len, 0);
  g_return_val_if_fail (option < g_strv_length (session_question (self, index)->options), 0);
  return session_question (self, index)->counts[option];
}

guint
mbc_poll_session_get_total (MbcPollSession *self,
                            guint           index)
{
  Question *q;
  guint total = 0;

  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), 0);
  g_return_val_if_fail (index < self->questions->len, 0);
  q = session_question (self, index);
  for (guint i = 0; q->options[i]; i++)
    total += q->counts[i];
  return total;
}

/* The votes the room has cast on every question (those undone or reset not counted). */
guint
mbc_poll_session_get_n_votes (MbcPollSession *self)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), 0);
  return self->history->len;
}

/* The room's percentage for @option, 0 while nobody has voted. */
double
mbc_poll_session_get_percent (MbcPollSession *self,
                              guint           index,
                              guint           option)
{
  guint total = mbc_poll_session_get_total (self, index);

  return total ? 100.0 * mbc_poll_session_get_count (self, index, option) / total : 0;
}

gboolean
mbc_poll_session_get_revealed (MbcPollSession *self,
                               guint           index)
{
  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), FALSE);
  g_return_val_if_fail (index < self->questions->len, FALSE);
  return session_question (self, index)->revealed;
}

void
mbc_poll_session_reveal (MbcPollSession *self)
{
  g_return_if_fail (MBC_IS_POLL_SESSION (self));

  if (self->questions->len == 0 || session_question (self, self->current)->revealed)
    return;
  session_question (self, self->current)->revealed = TRUE;
  session_changed (self);
}

/* The polled oncologists' percentage for option @k of a question, or a negative number without one. */
static double
session_polled_percent (const Question *q,
                       guint           k)
{
  if (q->source->options == NULL || k >= q->source->options->len)
    return -1;
  return ((MbcPollOption *) g_ptr_array_index (q->source->options, k))->percent;
}

/**
 * mbc_poll_session_to_csv:
 *
 * Returns: (transfer full): one line per option of every question: the case title, the
 *   question's id and text, the option, the room's count and percentage, and the polled
 *   oncologists' percentage (empty for a question asked without a poll); every text cell
 *   written as mbc_csv_write_cell() writes it (RFC 4180 quoting, never a formula).
 */
char *
mbc_poll_session_to_csv (MbcPollSession *self)
{
  GString *out;

  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), NULL);

  out = g_string_new ("case,question_id,question,option,room_count,room_total,room_percent,"
                      "polled_percent\r\n");
  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = session_question (self, i);
      guint total = mbc_poll_session_get_total (self, i);

      for (guint k = 0; q->options[k]; k++)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          mbc_csv_write_cell (out, self->case_title);
          g_string_append_c (out, ',');
          mbc_csv_write_cell (out, q->source->id);
          g_string_append_c (out, ',');
          mbc_csv_write_cell (out, q->source->question ? q->source->question : q->source->title);
          g_string_append_c (out, ',');
          mbc_csv_write_cell (out, q->options[k]);
          g_string_append_printf (out, ",%u,%u,", q->counts[k], total);
          if (total)
            g_string_append (out, g_ascii_formatd (number, sizeof number, "%.1f",
                                                   mbc_poll_session_get_percent (self, i, k)));
          g_string_append_c (out, ',');
          if (session_polled_percent (q, k) >= 0)
            g_string_append (out, g_ascii_formatd (number, sizeof number, "%.1f",
                                                   session_polled_percent (q, k)));
          g_string_append (out, "\r\n");
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * mbc_poll_session_to_json:
 *
 * Returns: (transfer full): the session as JSON (schema mbc-advisor/poll-session/1).
 */
char *
mbc_poll_session_to_json (MbcPollSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (MBC_IS_POLL_SESSION (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_string_value (builder, MBC_POLL_SESSION_SCHEMA);
  json_builder_set_member_name (builder, "case");
  json_builder_add_string_value (builder, self->case_title);
  json_builder_set_member_name (builder, "guideline");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mbc_guideline_get_id (self->guideline));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, mbc_guideline_get_version (self->guideline));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = session_question (self, i);
      guint total = mbc_poll_session_get_total (self, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, q->source->id);
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, q->source->question ? q->source->question
                                                                  : q->source->title);
      json_builder_set_member_name (builder, "room_total");
      json_builder_add_int_value (builder, total);
      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint k = 0; q->options[k]; k++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "option");
          json_builder_add_string_value (builder, q->options[k]);
          json_builder_set_member_name (builder, "room_count");
          json_builder_add_int_value (builder, q->counts[k]);
          json_builder_set_member_name (builder, "room_percent");
          if (total)
            json_builder_add_double_value (builder,
                                           round (mbc_poll_session_get_percent (self, i, k) * 10)
                                           / 10);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "polled_percent");
          if (session_polled_percent (q, k) >= 0)
            json_builder_add_double_value (builder, session_polled_percent (q, k));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  out = g_string_new (NULL);
  mbc_json_write (out, root, 2);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
