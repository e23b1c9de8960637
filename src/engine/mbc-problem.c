/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mbc-problem"

#include "config.h"

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
