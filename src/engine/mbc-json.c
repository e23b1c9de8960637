/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mbc-json"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mbc-json.h"

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  guint       depth;
  guint       max_depth;
  GError    **error;
  GString    *scratch;   /* the string being read, reused: nodes and objects copy it */
  GHashTable *literals;  /* (nullable) a number read as a double -> its text in the input;
                          * a string that held \u0000 -> NULL */
  gboolean    nul_in_string;  /* the string just read held \u0000 */
  gboolean    quiet;          /* messages never quote the input (a patient's record) */
  char        found[64];      /* what json_describe() says was found */
} Reader;

G_DEFINE_QUARK (mbc-json-error-quark, mbc_json_error)

static JsonNode *json_read_value (Reader *r);

static void
json_position (Reader *r,
               guint  *line,
               guint  *column)
{
  *line = 1;
  *column = 1;
  for (const char *q = r->start; q < r->p; q = g_utf8_next_char (q))
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

static gpointer
json_fail (Reader     *r,
           int         code,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gpointer
json_fail (Reader     *r,
           int         code,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Of a record that may hold a patient's identity, only where and what kind of problem. */
  if (r->quiet)
    {
      g_free (message);
      message = g_strdup (code == MBC_JSON_ERROR_ENCODING ? _("the text is not UTF-8")
                          : code == MBC_JSON_ERROR_TOO_DEEP ? _("nested too deep")
                          : code == MBC_JSON_ERROR_RANGE ? _("a number is out of range")
                          : _("not JSON there (what is there is not shown: it may be the "
                              "patient's)"));
    }
  json_position (r, &line, &column);
  g_set_error (r->error, MBC_JSON_ERROR, code, _("invalid JSON at line %u, column %u: %s"),
               line, column, message);
  return NULL;
}

static void
json_skip_ws (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

/* What is at the reader's position, for a message: "'@'", "U+001B" or the end. */
static const char *
json_describe (Reader *r)
{
  gunichar c;

  if (r->p >= r->end)
    return "the end of the text";
  c = g_utf8_get_char_validated (r->p, r->end - r->p);
  if (c >= 0x21 && c < 0x7f && c != '\'')
    g_snprintf (r->found, sizeof r->found, "'%c'", (char) c);
  else if (c == '\'')
    g_snprintf (r->found, sizeof r->found, "a single quote (JSON strings use double quotes)");
  else if (c == (gunichar) -1 || c == (gunichar) -2)
    g_snprintf (r->found, sizeof r->found, "byte 0x%02X", (guint) (guchar) *r->p);
  else
    g_snprintf (r->found, sizeof r->found, "U+%04X", c);
  return r->found;
}

static int
json_hex4 (const char *p)
{
  int value = 0;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      value = value * 16 + d;
    }
  return value;
}

/* Reads a string into r->scratch; returns its text (valid until the next string) or NULL. */
static const char *
json_read_string (Reader *r)
{
  GString *out = r->scratch;

  g_string_truncate (out, 0);
  g_assert (*r->p == '"');
  r->p++;
  for (;;)
    {
      const char *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (out, run, r->p - run);
      if (r->p >= r->end)
        return json_fail (r, MBC_JSON_ERROR_SYNTAX, "a string is not closed");
      if ((guchar) *r->p < 0x20)
        return json_fail (r, MBC_JSON_ERROR_SYNTAX,
                          "control character U+%04X inside a string (write it as an escape)",
                          (guint) (guchar) *r->p);
      if (*r->p == '"')
        {
          r->p++;
          return out->str;
        }
      /* An escape. */
      r->p++;
      if (r->p >= r->end)
        return json_fail (r, MBC_JSON_ERROR_SYNTAX, "a string is not closed");
      switch (*r->p)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int cp;
            if (r->end - r->p < 5 || (cp = json_hex4 (r->p + 1)) < 0)
              return json_fail (r, MBC_JSON_ERROR_SYNTAX,
                                "\\u must be followed by four hex digits");
            r->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                int low;
                if (r->end - r->p < 7 || r->p[1] != '\\' || r->p[2] != 'u' ||
                    (low = json_hex4 (r->p + 3)) < 0xDC00 || low > 0xDFFF)
                  return json_fail (r, MBC_JSON_ERROR_ENCODING,
                                    "unpaired UTF-16 surrogate \\u%04X", cp);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                r->p += 6;
              }
            else if (cp >= 0xDC00 && cp <= 0xDFFF)
              return json_fail (r, MBC_JSON_ERROR_ENCODING,
                                "unpaired UTF-16 surrogate \\u%04X", cp);
            if (cp == 0 && r->literals == NULL)
              return json_fail (r, MBC_JSON_ERROR_SYNTAX,
                                "\\u0000 (a NUL character) is not allowed");
            /* Where the caller checks values (mbc_json_parse_full()), a NUL is kept as
             * U+FFFD and the string marked, so that it is reported at its field. */
            if (cp == 0)
              {
                r->nul_in_string = TRUE;
                cp = 0xFFFD;
              }
            g_string_append_unichar (out, (gunichar) cp);
            break;
          }
        default:
          return json_fail (r, MBC_JSON_ERROR_SYNTAX, "unknown escape \\%c", *r->p);
        }
      r->p++;
    }
}

/* Whether the number @text (valid JSON) is exactly a whole number within 64 bits, as
 * decimal text: its digits, without trailing zeros, reach no further than the units. */
static gboolean
json_exact_integer (const char *text,
                    gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = *text == '-';
  const char *p = text + negative;
  gint64 exponent = 0;
  guint64 v = 0;

  for (; g_ascii_isdigit (*p); p++)
    if (digits->len || *p != '0')
      g_string_append_c (digits, *p);
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (digits->len || *p != '0')
          g_string_append_c (digits, *p);
        exponent--;
      }
  if (*p == 'e' || *p == 'E')
    {
      gint64 e = g_ascii_strtoll (p + 1, NULL, 10);
      if (e > 400 || e < -400)
        return digits->len == 0 && (*value = 0, TRUE);
      exponent += e;
    }
  while (digits->len && digits->str[digits->len - 1] == '0')
    {
      g_string_truncate (digits, digits->len - 1);
      exponent++;
    }
  if (digits->len == 0)
    {
      *value = 0;
      return TRUE;
    }
  if (exponent < 0 || digits->len + exponent > 18)
    return FALSE;
  for (gsize i = 0; i < digits->len; i++)
    v = v * 10 + (guint64) (digits->str[i] - '0');
  for (gint64 i = 0; i < exponent; i++)
    v *= 10;
  *value = negative ? -(gint64) v : (gint64) v;
  return TRUE;
}

static JsonNode *
json_read_number (Reader *r)
{
  const char *begin = r->p;
  gboolean integral = TRUE;
  JsonNode *node;
  char buf[64];
  g_autofree char *heap = NULL;
  char *text = buf;
  gsize len;

  if (*r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (r->p < r->end && *r->p >= '1' && *r->p <= '9')
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  else
    return json_fail (r, MBC_JSON_ERROR_SYNTAX, "a number needs digits");
  if (r->p < r->end && *r->p == '.')
    {
      integral = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return json_fail (r, MBC_JSON_ERROR_SYNTAX, "a decimal point must be followed by digits");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integral = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return json_fail (r, MBC_JSON_ERROR_SYNTAX, "an exponent needs digits");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  len = r->p - begin;
  if (len >= sizeof buf)
    text = heap = g_malloc (len + 1);
  memcpy (text, begin, len);
  text[len] = '\0';

  node = json_node_new (JSON_NODE_VALUE);
  if (!integral)
    {
      gint64 value;
      /* A decimal that is exactly a whole number ("45.0", "4.5e1") is one; one that only
       * rounds to it as a double ("44.99999999999999999999") is not. */
      if (json_exact_integer (text, &value))
        {
          json_node_set_int (node, value);
          return node;
        }
    }
  if (integral)
    {
      gint64 value;
      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          json_node_set_int (node, value);
          return node;
        }
      /* Beyond 64 bits: kept as the (inexact) double it is, never wrapped. */
    }
  {
    double d = g_ascii_strtod (text, NULL);
    if (!isfinite (d))
      {
        json_node_unref (node);
        r->p = begin;
        return json_fail (r, MBC_JSON_ERROR_RANGE, "number %.40s%s is too large", text,
                          len > 40 ? "…" : "");
      }
    json_node_set_double (node, d);
    if (r->literals)
      g_hash_table_insert (r->literals, node, g_strdup (text));
  }
  return node;
}

static gboolean
json_expect_word (Reader     *r,
                  const char *word)
{
  gsize len = strlen (word);
  if ((gsize) (r->end - r->p) >= len && memcmp (r->p, word, len) == 0)
    {
      r->p += len;
      return TRUE;
    }
  return FALSE;
}

static JsonNode *
json_read_container (Reader *r)
{
  gboolean is_object = *r->p == '{';
  char close = is_object ? '}' : ']';
  JsonNode *node = json_node_new (is_object ? JSON_NODE_OBJECT : JSON_NODE_ARRAY);
  JsonObject *object = NULL;
  JsonArray *array = NULL;

  if (++r->depth > r->max_depth)
    {
      json_node_unref (node);
      return json_fail (r, MBC_JSON_ERROR_TOO_DEEP, "nested more than %u levels deep",
                        r->max_depth);
    }
  if (is_object)
    json_node_take_object (node, object = json_object_new ());
  else
    json_node_take_array (node, array = json_array_new ());

  r->p++;
  json_skip_ws (r);
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      r->depth--;
      return node;
    }
  for (;;)
    {
      const char *key = NULL;
      const char *key_start = NULL;
      char key_buffer[64];
      g_autofree char *key_heap = NULL;
      JsonNode *value;

      json_skip_ws (r);
      if (is_object)
        {
          key_start = r->p;
          if (r->p >= r->end || *r->p != '"')
            {
              json_node_unref (node);
              return json_fail (r, MBC_JSON_ERROR_SYNTAX, "expected a key in quotes, found %s",
                                json_describe (r));
            }
          if (!(key = json_read_string (r)))
            {
              json_node_unref (node);
              return NULL;
            }
          /* The value is read into the same scratch string: keep the key apart. */
          if (r->scratch->len < sizeof key_buffer)
            key = memcpy (key_buffer, key, r->scratch->len + 1);
          else
            key = key_heap = g_strndup (key, r->scratch->len);
          json_skip_ws (r);
          if (r->p >= r->end || *r->p != ':')
            {
              json_node_unref (node);
              return json_fail (r, MBC_JSON_ERROR_SYNTAX, "expected ':' after a key, found %s",
                                json_describe (r));
            }
          r->p++;
        }
      if (!(value = json_read_value (r)))
        {
          json_node_unref (node);
          return NULL;
        }
      if (is_object)
        {
          guint size = json_object_get_size (object);
          json_object_set_member (object, key, value);
          /* Setting an existing key replaces it: the size tells a duplicate. */
          if (json_object_get_size (object) == size)
            {
              json_node_unref (node);
              r->p = key_start;
              return json_fail (r, MBC_JSON_ERROR_SYNTAX, "duplicate key \"%s\"", key);
            }
        }
      else
        json_array_add_element (array, value);
      json_skip_ws (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == close)
        {
          r->p++;
          r->depth--;
          return node;
        }
      json_node_unref (node);
      return json_fail (r, MBC_JSON_ERROR_SYNTAX, "expected ',' or '%c', found %s", close,
                        json_describe (r));
    }
}

static JsonNode *
json_read_value (Reader *r)
{
  JsonNode *node;

  json_skip_ws (r);
  if (r->p >= r->end)
    return json_fail (r, MBC_JSON_ERROR_SYNTAX, "expected a value, found the end of the text");
  switch (*r->p)
    {
    case '{':
    case '[':
      return json_read_container (r);
    case '"':
      {
        const char *s;

        r->nul_in_string = FALSE;
        if ((s = json_read_string (r)) == NULL)
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, s);
        if (r->nul_in_string && r->literals)
          g_hash_table_insert (r->literals, node, NULL);
        return node;
      }
    case 't':
    case 'f':
      if (json_expect_word (r, "true") || json_expect_word (r, "false"))
        {
          node = json_node_new (JSON_NODE_VALUE);
          json_node_set_boolean (node, r->p[-1] == 'e' && r->p[-2] == 'u');
          return node;
        }
      break;
    case 'n':
      if (json_expect_word (r, "null"))
        return json_node_new (JSON_NODE_NULL);
      break;
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return json_read_number (r);
      break;
    }
  return json_fail (r, MBC_JSON_ERROR_SYNTAX, "expected a value (object, array, string, number, "
                    "true, false or null), found %s", json_describe (r));
}

/**
 * mbc_json_parse:
 * @data: the text, UTF-8
 * @length: its length in bytes
 * @max_depth: how deeply objects and arrays may nest
 * @error: set on any problem, with line and column
 *
 * Returns: (transfer full): the root node, or %NULL with @error set.
 */
JsonNode *
mbc_json_parse (const char  *data,
                gsize        length,
                guint        max_depth,
                GError     **error)
{
  return mbc_json_parse_full (data, length, max_depth, NULL, error);
}

/**
 * mbc_json_parse_full:
 * @literals: (nullable): where each number read as a double (a fraction, or a whole number
 *   past 64 bits) is recorded with its text, so that a message can quote what the input
 *   says rather than the double it rounds to; and each string value that held \u0000 (kept
 *   as U+FFFD) with %NULL, so that it is reported at its field; keys are the nodes of the
 *   tree returned
 *
 * As mbc_json_parse().
 */
static JsonNode *json_parse (const char  *data,
                             gsize        length,
                             guint        max_depth,
                             GHashTable  *literals,
                             gboolean     quiet,
                             GError     **error);

JsonNode *
mbc_json_parse_full (const char  *data,
                     gsize        length,
                     guint        max_depth,
                     GHashTable  *literals,
                     GError     **error)
{
  return json_parse (data, length, max_depth, literals, FALSE, error);
}

/**
 * mbc_json_parse_private:
 *
 * As mbc_json_parse(), for a record that may hold a patient's identity (a FHIR export):
 * a message names where the text is not JSON and the kind of problem, never what is there.
 */
JsonNode *
mbc_json_parse_private (const char  *data,
                        gsize        length,
                        guint        max_depth,
                        GError     **error)
{
  return json_parse (data, length, max_depth, NULL, TRUE, error);
}

static JsonNode *
json_parse (const char  *data,
            gsize        length,
            guint        max_depth,
            GHashTable  *literals,
            gboolean     quiet,
            GError     **error)
{
  g_autoptr(GString) scratch = g_string_sized_new (64);
  Reader r;
  const char *bad = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* No text at all may come as NULL (an empty GBytes): NULL + 0 is undefined behaviour.
   * (Found by fuzz/fuzz-pack; the input is kept in fuzz/regressions/pack/.) */
  if (data == NULL)
    data = "";
  r = (Reader) { data, data, data + length, 0, max_depth, error, scratch, literals, FALSE, quiet,
                 "" };

  if (!g_utf8_validate_len (data, length, &bad))
    {
      r.p = bad;
      if (*bad == '\0')
        return json_fail (&r, MBC_JSON_ERROR_ENCODING, "a NUL byte (the file is not text)");
      return json_fail (&r, MBC_JSON_ERROR_ENCODING, "byte 0x%02X is not UTF-8 (byte offset %"
                        G_GSIZE_FORMAT ")", (guint) (guchar) *bad, (gsize) (bad - data));
    }
  /* A UTF-8 byte order mark is tolerated, as many editors write one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  if (!(root = json_read_value (&r)))
    return NULL;
  json_skip_ws (&r);
  if (r.p < r.end)
    {
      json_node_unref (root);
      return json_fail (&r, MBC_JSON_ERROR_SYNTAX, "unexpected text after the end of the value: %s",
                        json_describe (&r));
    }
  return root;
}

/* JavaScript's shortest round-trip form, so 0.1 prints as 0.1; non-finite as null. */
void
mbc_json_write_number (GString *out,
                       double   d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      g_string_append (out, "null");
      return;
    }
  if (d == floor (d) && fabs (d) < 1e21)
    {
      g_string_append_printf (out, "%.0f", d == 0 ? 0.0 : d);
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
}

void
mbc_json_write_string (GString    *out,
                       const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
json_newline (GString *out,
              int      indent,
              int      level)
{
  if (indent <= 0)
    return;
  g_string_append_c (out, '\n');
  for (int i = 0; i < indent * level; i++)
    g_string_append_c (out, ' ');
}

static void
json_write_node (GString  *out,
                 JsonNode *node,
                 int       indent,
                 int       level)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          json_newline (out, indent, level + 1);
          mbc_json_write_string (out, name);
          g_string_append (out, indent > 0 ? ": " : ":");
          json_write_node (out, member, indent, level + 1);
        }
      if (!first)
        json_newline (out, indent, level);
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      gboolean flat = TRUE;

      /* Arrays of scalars stay on one line, as people write them. */
      for (guint i = 0; i < n && flat; i++)
        flat = JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)) ||
               JSON_NODE_HOLDS_NULL (json_array_get_element (array, i));
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (out, flat && indent > 0 ? ", " : ",");
          if (!flat)
            json_newline (out, indent, level + 1);
          json_write_node (out, json_array_get_element (array, i), indent, level + 1);
        }
      if (!flat && n > 0)
        json_newline (out, indent, level);
      g_string_append_c (out, ']');
    }
  else
    {
      GType type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        mbc_json_write_string (out, json_node_get_string (node));
      else if (type == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        mbc_json_write_number (out, json_node_get_double (node));
      else if (type == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      else
        g_string_append (out, "null");
    }
}

/**
 * mbc_json_write:
 * @out: where the text is appended
 * @node: the value
 * @indent: spaces per level, or 0 for compact output on one line
 */
void
mbc_json_write (GString  *out,
                JsonNode *node,
                int       indent)
{
  g_return_if_fail (out != NULL);
  json_write_node (out, node, indent, 0);
}

char *
mbc_json_to_string (JsonNode *node,
                    int       indent)
{
  GString *out = g_string_new (NULL);
  json_write_node (out, node, indent, 0);
  return g_string_free (out, FALSE);
}

/**
 * mbc_json_type_name:
 *
 * Returns: what @node is, for messages: "null", "an object", "a string", …
 */
const char *
mbc_json_type_name (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "a string";
    case G_TYPE_BOOLEAN: return "a boolean";
    default: return "a number";
    }
}

/* Whether @node holds a number (an integer or not). */
gboolean
mbc_json_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* Whether @node holds a string. */
gboolean
mbc_json_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}
