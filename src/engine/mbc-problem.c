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
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
               (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
               (c >= 0x2066 && c <= 0x2069) || c == 0x061c)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * mbc_problems_format:
 * @problems: (element-type MbcProblem)
 * @file: (nullable): the input's name, or %NULL for a list shown in a window
 *
 * The problems for people, one a line, at most MBC_PROBLEMS_SHOWN of them, then one line
 * saying how many more there are: "FILE: FIELD: what is wrong" (or "• FIELD: what is
 * wrong" without @file). Everything quoted is escaped (mbc_problem_escape()).
 *
 * Returns: (transfer full): the lines, each ending in a newline.
 */
char *
mbc_problems_format (GPtrArray  *problems,
                     const char *file)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = file ? mbc_problem_escape (file) : NULL;
  guint shown;

  g_return_val_if_fail (problems != NULL, NULL);

  shown = MIN (problems->len, MBC_PROBLEMS_SHOWN);
  for (guint i = 0; i < shown; i++)
    {
      const MbcProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *where = mbc_problem_escape (p->where);
      g_autofree char *message = mbc_problem_escape (p->message);

      if (name)
        g_string_append_printf (out, "%s: %s: %s\n", name, where, message);
      else
        g_string_append_printf (out, "• %s: %s\n", where, message);
    }
  if (problems->len > shown)
    {
      guint more = problems->len - shown;
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more problem",
                                                         "… and %u more problems", more),
                                               more);
      if (name)
        g_string_append_printf (out, "%s: $: %s\n", name, text);
      else
        g_string_append_printf (out, "• %s\n", text);
    }
  return g_string_free (out, FALSE);
}
