/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcMemo: yes-or-no answers kept by key, a key being a fixed number of 64-bit words (what a
 * condition read: see Condition in mbc-evaluator.c). Open addressing with linear probing,
 * the keys stored inline and the table at most half full, so that a lookup is a hash and, as
 * a rule, one comparison in memory already near: a cohort asks it some 35 times a case.
 */
#define G_LOG_DOMAIN "mbc-memo"

#include "config.h"

#include <string.h>

#include "mbc-memo.h"

struct _MbcMemo
{
  guint    n_words;
  guint    capacity;   /* a power of two */
  guint    used;
  guint64 *keys;       /* capacity × n_words */
  guint8  *values;     /* capacity: 0 empty, else the answer + 1 */
};

#define MEMO_FIRST_CAPACITY 16

static guint
memo_hash (const guint64 *key,
           guint          n)
{
  guint64 h = 0x9E3779B97F4A7C15u ^ n;

  for (guint i = 0; i < n; i++)
    {
      h ^= key[i];
      h *= 0xBF58476D1CE4E5B9u;
      h ^= h >> 31;
    }
  return (guint) (h ^ (h >> 32));
}

static void
memo_allocate (MbcMemo *self,
               guint    capacity)
{
  self->capacity = capacity;
  self->keys = g_new (guint64, (gsize) capacity * MAX (self->n_words, 1));
  self->values = g_new0 (guint8, capacity);
}

MbcMemo *
mbc_memo_new (guint n_words)
{
  MbcMemo *self = g_new0 (MbcMemo, 1);

  self->n_words = n_words;
  memo_allocate (self, MEMO_FIRST_CAPACITY);
  return self;
}

void
mbc_memo_free (MbcMemo *self)
{
  if (self == NULL)
    return;
  g_free (self->keys);
  g_free (self->values);
  g_free (self);
}

/* The place of @key, or of the empty place where it would go. */
static guint
memo_place (const MbcMemo *self,
            const guint64 *key)
{
  guint mask = self->capacity - 1;
  guint at = memo_hash (key, self->n_words) & mask;

  for (;; at = (at + 1) & mask)
    {
      const guint64 *kept = self->keys + (gsize) at * self->n_words;
      guint i = 0;

      if (self->values[at] == 0)
        return at;
      while (i < self->n_words && kept[i] == key[i])
        i++;
      if (i == self->n_words)
        return at;
    }
}

/**
 * mbc_memo_lookup:
 * @key: (array): n_words words
 *
 * Returns: the answer kept for @key (0 or 1), or -1 when none is.
 */
int
mbc_memo_lookup (const MbcMemo *self,
                 const guint64 *key)
{
  guint at;

  g_return_val_if_fail (self != NULL, -1);

  at = memo_place (self, key);
  return self->values[at] == 0 ? -1 : self->values[at] - 1;
}

/* Keeps @value for @key (whose answer is not kept yet, or is the same). */
void
mbc_memo_insert (MbcMemo       *self,
                 const guint64 *key,
                 gboolean       value)
{
  guint at;

  g_return_if_fail (self != NULL);

  if (2 * (self->used + 1) > self->capacity)
    {
      guint64 *keys = self->keys;
      guint8 *values = self->values;
      guint capacity = self->capacity;

      memo_allocate (self, capacity * 2);
      for (guint i = 0; i < capacity; i++)
        if (values[i] != 0)
          {
            const guint64 *old = keys + (gsize) i * self->n_words;
            guint to = memo_place (self, old);
            memcpy (self->keys + (gsize) to * self->n_words, old, self->n_words * sizeof (guint64));
            self->values[to] = values[i];
          }
      g_free (keys);
      g_free (values);
    }
  at = memo_place (self, key);
  if (self->values[at] == 0)
    self->used++;
  memcpy (self->keys + (gsize) at * self->n_words, key, self->n_words * sizeof (guint64));
  self->values[at] = value ? 2 : 1;
}

guint
mbc_memo_size (const MbcMemo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->used;
}
