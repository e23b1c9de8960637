/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The quick reading of a case file: the text scanned straight into the case's values, with
 * no tree in between, for the cases a cohort is made of (the batch's hot path). It reads only
 * what it is sure of: a case the full reader (mbc-case-json.c) would accept with no problem
 * at all, written plainly. Anything else (an escape in a string, a number written as 45.0 or
 * 4.5e1, a duplicate or unknown key, the decision or teaching members, a value out of range, a
 * problem between fields, any syntax error) it leaves to the full reader, which says what is
 * wrong in the contract's words. So a case read here is exactly the case the full reader
 * makes; tests/engine/test-case.c and fuzz/fuzz-case compare the two.
 */
#define G_LOG_DOMAIN "mbc-case"

#include "config.h"

#include <string.h>

#include "mbc-case.h"
#include "mbc-case-private.h"
#include "mbc-problem.h"

typedef struct
{
  const char *p;
  const char *end;
} Scan;

static inline void
scan_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static inline gboolean
scan_char (Scan *s,
           char  c)
{
  scan_ws (s);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

/* A string without escapes or control characters: its bytes in [*text, *text + *len). */
static gboolean
scan_string (Scan        *s,
             const char **text,
             gsize       *len)
{
  const char *q;

  scan_ws (s);
  if (s->p >= s->end || *s->p != '"')
    return FALSE;
  q = ++s->p;
  while (q < s->end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
    q++;
  if (q >= s->end || *q != '"')
    return FALSE;
  *text = s->p;
  *len = (gsize) (q - s->p);
  s->p = q + 1;
  return TRUE;
}

static inline gboolean
scan_word (Scan       *s,
           const char *word,
           gsize       len)
{
  if ((gsize) (s->end - s->p) >= len && memcmp (s->p, word, len) == 0)
    {
      s->p += len;
      return TRUE;
    }
  return FALSE;
}

/* The field named [text, text + len): @next first, as files list them in the contract's order. */
static int
scan_field (const char *text,
            gsize       len,
            int         next)
{
  if (next < MBC_CASE_N_FIELDS && _mbc_case_name_is (_mbc_case_fields[next].name, text, len))
    return next;
  return _mbc_case_field_from_name_len (text, len);
}

/* A number as JSON writes it, not negative, with no exponent: *d its value, *whole when it
 * has no fraction. Anything else (including a fraction for a whole number, which the full
 * reader reads exactly) is left to the full reader. */
static gboolean
scan_number (Scan     *s,
             gboolean *whole,
             double   *d)
{
  const char *begin = s->p;
  char text[32];
  gsize len;

  if (s->p < s->end && *s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;
  if (s->p == begin)
    return FALSE;
  *whole = TRUE;
  if (s->p < s->end && *s->p == '.')
    {
      const char *digits = ++s->p;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
      if (s->p == digits)
        return FALSE;
      *whole = FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E' || g_ascii_isdigit (*s->p)))
    return FALSE;   /* an exponent, or a leading zero before more digits */
  len = (gsize) (s->p - begin);
  if (len > 15)
    return FALSE;   /* past what a double holds exactly in every digit */
  memcpy (text, begin, len);
  text[len] = '\0';
  *d = g_ascii_strtod (text, NULL);
  return TRUE;
}

/* A label the full reader takes: UTF-8, at most MBC_CASE_LABEL_MAX_CHARS characters, with
 * no control character nor one that can make it read as something else. */
static gboolean
scan_label_ok (const char *text,
               gsize       len)
{
  gunichar c;

  return g_utf8_validate_len (text, len, NULL) && !_mbc_case_text_unsafe (text, len, &c) &&
         g_utf8_strlen (text, (gssize) len) <= MBC_CASE_LABEL_MAX_CHARS;
}

/* One value for @field into @slot (and *label); FALSE when the full reader must read it. */
static gboolean
scan_value (Scan         *s,
            MbcCaseField  field,
            Slot         *slot,
            char        **label)
{
  const FieldInfo *info = &_mbc_case_fields[field];
  const char *text;
  gsize len;

  scan_ws (s);
  if (s->p >= s->end)
    return FALSE;
  if (scan_word (s, "null", 4))
    return TRUE;    /* unknown, or no label */
  switch (info->kind)
    {
    case MBC_CASE_KIND_LABEL:
      if (!scan_string (s, &text, &len) || !scan_label_ok (text, len))
        return FALSE;
      *label = g_strndup (text, len);
      return TRUE;

    case MBC_CASE_KIND_INT:
    case MBC_CASE_KIND_NUMBER:
      {
        gboolean whole;
        double d;

        if (!scan_number (s, &whole, &d) ||
            (info->kind == MBC_CASE_KIND_INT && !whole) || d < info->min || d > info->max)
          return FALSE;
        slot->known = TRUE;
        slot->i = (gint64) d;
        slot->d = d;
        return TRUE;
      }

    case MBC_CASE_KIND_BOOL:
      if (scan_word (s, "true", 4))
        slot->i = 0;    /* index into yes_no */
      else if (scan_word (s, "false", 5))
        slot->i = 1;
      else
        return FALSE;
      slot->known = TRUE;
      return TRUE;

    case MBC_CASE_KIND_CHOICE:
      {
        int index;

        if (!scan_string (s, &text, &len))
          return FALSE;
        if (len == 7 && memcmp (text, "unknown", 7) == 0)
          return TRUE;
        if ((index = _mbc_case_choice_index_len (field, text, len)) < 0)
          return FALSE;
        slot->known = TRUE;
        slot->i = index;
        return TRUE;
      }

    case MBC_CASE_KIND_SET:
      if (!scan_char (s, '['))
        return FALSE;
      do
        {
          int index;
          if (!scan_string (s, &text, &len) || (index = _mbc_case_choice_index_len (field, text, len)) < 0 ||
              (slot->i & (1 << index)))
            return FALSE;
          slot->i |= 1 << index;
        }
      while (scan_char (s, ','));
      if (!scan_char (s, ']'))
        return FALSE;
      slot->known = TRUE;
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * _mbc_case_scan:
 * @data: the text of a case file; not NUL-terminated
 * @length: its length
 *
 * Returns: (transfer full) (nullable): the case, when the text is one the full reader takes
 *   with no problem and this reader is sure of; %NULL when the full reader must read it.
 */
MbcCase *
_mbc_case_scan (const char *data,
                gsize       length)
{
  g_autoptr(MbcCase) self = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  Scan s;
  guint64 seen = 0;
  gboolean schema = FALSE;
  int field = -1;   /* the field read last */

  /* No text at all may come as NULL: NULL + 0 is undefined behaviour (found by fuzz-batch). */
  if (data == NULL)
    return NULL;
  s = (Scan) { data, data + length };
  if (!scan_char (&s, '{'))
    return NULL;
  self = mbc_case_new ();
  if (scan_char (&s, '}'))
    return NULL;    /* no schema */
  do
    {
      const char *key;
      gsize len;

      if (!scan_string (&s, &key, &len) || !scan_char (&s, ':'))
        return NULL;
      if (len == 6 && memcmp (key, "schema", 6) == 0)
        {
          const char *value;
          gsize value_len;

          if (schema || !scan_string (&s, &value, &value_len) ||
              value_len != strlen (MBC_CASE_SCHEMA) ||
              memcmp (value, MBC_CASE_SCHEMA, value_len) != 0)
            return NULL;
          schema = TRUE;
          continue;
        }
      if ((field = scan_field (key, len, field + 1)) < 0 ||
          (seen & (G_GUINT64_CONSTANT (1) << field)))
        return NULL;
      seen |= G_GUINT64_CONSTANT (1) << field;
      if (!scan_value (&s, field, &self->slots[field], &self->label))
        return NULL;
    }
  while (scan_char (&s, ','));
  if (!scan_char (&s, '}') || !schema)
    return NULL;
  scan_ws (&s);
  if (s.p != s.end)
    return NULL;

  problems = mbc_problems_new ();
  _mbc_case_check_consistency (self->slots, problems);
  if (problems->len > 0)
    return NULL;
  return g_steal_pointer (&self);
}
