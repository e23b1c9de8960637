/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-memo.h: a table of yes-or-no answers by keys of a fixed number of words (mbc-memo.c) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MbcMemo MbcMemo;

MbcMemo *mbc_memo_new    (guint          n_words);
void     mbc_memo_free   (MbcMemo       *self);
int      mbc_memo_lookup (const MbcMemo *self,
                          const guint64 *key);
void     mbc_memo_insert (MbcMemo       *self,
                          const guint64 *key,
                          gboolean       value);
guint    mbc_memo_size   (const MbcMemo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcMemo, mbc_memo_free)

G_END_DECLS
