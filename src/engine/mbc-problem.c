/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mbc-problem"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-problem.h"

G_DEFINE_BOXED_TYPE (MbcProblem, mbc_problem, mbc_problem_copy, mbc_problem_free)

MbcProblem *
mbc_problem_new (const char *where,
                 const char *message)
{
  MbcProblem *self = g_new0 (MbcProblem, 1);

  self->where = g_strdup (where);
  self->message = g_strdup (message);
  return self;
}

MbcProblem *
mbc_problem_copy (const MbcProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return mbc_problem_new (self->where, self->message);
}

void
mbc_problem_free (MbcProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->where);
  g_free (self->message);
  g_free (self);
}

GPtrArray *
mbc_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) mbc_problem_free);
}

void
mbc_problems_add (GPtrArray  *problems,
                  const char *where,
                  const char *format,
                  ...)
{
  va_list args;
  MbcProblem *problem;

  g_return_if_fail (problems != NULL);

  problem = g_new0 (MbcProblem, 1);
  problem->where = g_strdup (where);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

static gboolean
problem_is_identifier (const char *s)
{
  if (s == NULL || *s == '\0' || g_ascii_isdigit (*s))
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '_')
      return FALSE;
  return TRUE;
}

/* "$.a.b" for identifiers, "$.a[\"==\"]" otherwise, so every path can be read back. */
char *
mbc_json_path_member (const char *parent,
                      const char *member)
{
  g_autoptr(GString) out = g_string_new (parent ? parent : "$");

  if (problem_is_identifier (member))
    {
      g_string_append_c (out, '.');
      g_string_append (out, member);
    }
  else
    {
      g_string_append (out, "[\"");
      for (const char *p = member; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
      g_string_append (out, "\"]");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
mbc_json_path_index (const char *parent,
                     guint       index)
{
  return g_strdup_printf ("%s[%u]", parent ? parent : "$", index);
}

/**
 * mbc_unichar_is_unsafe:
 *
 * Returns: whether @c may not be shown as it is in one line of text: a control character, a
 *   line or paragraph separator, a bidirectional control, or one that is invisible (a soft
 *   hyphen, a zero-width space, a word joiner and the other format controls, a byte order
 *   mark, a tag, fillers and invisible joiners, Mongolian variation selectors, musical
 *   formatting) or no character at all (a noncharacter). Zero-width joiners stay: scripts
 *   and emoji need them.
 */
gboolean
mbc_unichar_is_unsafe (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0x061c ||
         (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069) ||
         c == 0x00ad || c == 0x200b || (c >= 0x2060 && c <= 0x206f) || c == 0xfeff ||
         c == 0x034f || c == 0x115f || c == 0x1160 || c == 0x17b4 || c == 0x17b5 ||
         (c >= 0x180b && c <= 0x180f) || c == 0x3164 || c == 0xffa0 ||
         (c >= 0x1bca0 && c <= 0x1bca3) || (c >= 0x1d173 && c <= 0x1d17a) ||
         (c >= 0xfff9 && c <= 0xfffb) || (c >= 0xe0000 && c <= 0xe007f) ||
         (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/* Appends @text escaped (see mbc_problem_escape()); plain ASCII is copied in runs. */
static void
problem_append_escaped (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;
  const char *p = text ? text : "";

  if (!g_utf8_validate (p, -1, NULL))
    p = valid = g_utf8_make_valid (p, -1);
  while (*p)
    {
      const char *run = p;
      gunichar c;

      while ((guchar) *p >= 0x20 && (guchar) *p < 0x7f)
        p++;
      g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;
      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (mbc_unichar_is_unsafe (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
}

/**
 * mbc_problem_escape:
 *
 * Returns: (transfer full): @text on one line for a message: control characters (including
 *   line and paragraph separators and the bidirectional controls) written as \n, \t, \r or
 *   \uXXXX, and bytes that are not UTF-8 replaced, so that text quoted from an input can
 *   neither forge a line nor reach a terminal.
 */
char *
mbc_problem_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  problem_append_escaped (out, text);
  return g_string_free (out, FALSE);
}

/**
 * mbc_problems_describe_more:
 *
 * Returns: (transfer full): "… and @more more problems", for after the problems shown.
 */
char *
mbc_problems_describe_more (guint more)
{
  return g_strdup_printf (ngettext ("… and %u more problem", "… and %u more problems", more),
                          more);
}

/**
 * mbc_problems_append:
 * @out: where the lines are appended
 * @problems: (element-type MbcProblem)
 * @file: (nullable): the input's name, or %NULL for a list shown in a window
 * @line: the line of @file the problems are on (from 1), or 0 for the whole file
 *
 * The problems for people, one a line, at most MBC_PROBLEMS_SHOWN of them, then one line
 * saying how many more there are: "FILE: FIELD: what is wrong" ("FILE:LINE: …" for a line,
 * "• FIELD: what is wrong" without @file). Everything quoted is escaped
 * (mbc_problem_escape()).
 */
void
mbc_problems_append (GString    *out,
                     GPtrArray  *problems,
                     const char *file,
                     guint       line)
{
  guint shown;

  g_return_if_fail (out != NULL && problems != NULL);

  shown = MIN (problems->len, MBC_PROBLEMS_SHOWN);
  for (guint i = 0; i <= shown && i < problems->len; i++)
    {
      const MbcProblem *p = i < shown ? g_ptr_array_index (problems, i) : NULL;

      if (file)
        {
          problem_append_escaped (out, file);
          if (line)
            g_string_append_printf (out, ":%u", line);
          g_string_append (out, ": ");
        }
      else
        g_string_append (out, "• ");
      if (p)
        {
          problem_append_escaped (out, p->where);
          g_string_append (out, ": ");
          problem_append_escaped (out, p->message);
        }
      else
        {
          g_autofree char *more = mbc_problems_describe_more (problems->len - shown);
          if (file)
            g_string_append (out, "$: ");
          g_string_append (out, more);
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * mbc_problems_format:
 * @problems: (element-type MbcProblem)
 * @file: (nullable): the input's name, or %NULL for a list shown in a window
 *
 * Returns: (transfer full): the lines of mbc_problems_append() for the whole of @file.
 */
char *
mbc_problems_format (GPtrArray  *problems,
                     const char *file)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (problems != NULL, NULL);

  mbc_problems_append (out, problems, file, 0);
  return g_string_free (out, FALSE);
}
