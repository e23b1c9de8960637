/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-poll-session.h: the 2017 consensus poll replayed with a room */
#pragma once

#include "mbc-guideline.h"

G_BEGIN_DECLS

#define MBC_POLL_SESSION_SCHEMA "mbc-advisor/poll-session/1"

#define MBC_TYPE_POLL_SESSION (mbc_poll_session_get_type ())

G_DECLARE_FINAL_TYPE (MbcPollSession, mbc_poll_session, MBC, POLL_SESSION, GObject)

MbcPollSession     *mbc_poll_session_new              (MbcGuideline   *guideline,
                                                       const char     *case_title);
const char         *mbc_poll_session_get_case_title   (MbcPollSession *self);
guint               mbc_poll_session_get_n_questions  (MbcPollSession *self);
const MbcSource    *mbc_poll_session_get_question     (MbcPollSession *self,
                                                       guint           index);
guint               mbc_poll_session_get_current      (MbcPollSession *self);
gboolean            mbc_poll_session_next             (MbcPollSession *self);
gboolean            mbc_poll_session_previous         (MbcPollSession *self);
const char * const *mbc_poll_session_get_options      (MbcPollSession *self,
                                                       guint           index);
gboolean            mbc_poll_session_vote             (MbcPollSession *self,
                                                       guint           option);
gboolean            mbc_poll_session_undo             (MbcPollSession *self);
void                mbc_poll_session_reset_question   (MbcPollSession *self);
guint               mbc_poll_session_get_count        (MbcPollSession *self,
                                                       guint           index,
                                                       guint           option);
guint               mbc_poll_session_get_total        (MbcPollSession *self,
                                                       guint           index);
guint               mbc_poll_session_get_n_votes      (MbcPollSession *self);
double              mbc_poll_session_get_percent      (MbcPollSession *self,
                                                       guint           index,
                                                       guint           option);
gboolean            mbc_poll_session_get_revealed     (MbcPollSession *self,
                                                       guint           index);
void                mbc_poll_session_reveal           (MbcPollSession *self);
char               *mbc_poll_session_to_csv           (MbcPollSession *self);
char               *mbc_poll_session_to_json          (MbcPollSession *self);

G_END_DECLS
