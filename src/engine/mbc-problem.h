/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-problem.h: one validation problem, naming where it is and what is wrong */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MBC_TYPE_PROBLEM (mbc_problem_get_type ())

/* At most this many problems are shown for one input; then how many more there are. */
#define MBC_PROBLEMS_SHOWN 100

typedef struct
{
  char *where;   /* a case field ("metastatic_sites[1]") or a JSON path ("$.findings[2].id") */
  char *message; /* what is wrong and what is allowed */
} MbcProblem;

GType       mbc_problem_get_type  (void) G_GNUC_CONST;
MbcProblem *mbc_problem_new       (const char       *where,
                                   const char       *message);
MbcProblem *mbc_problem_copy      (const MbcProblem *self);
void        mbc_problem_free      (MbcProblem       *self);
GPtrArray  *mbc_problems_new      (void);
void        mbc_problems_add      (GPtrArray        *problems,
                                   const char       *where,
                                   const char       *format,
                                   ...) G_GNUC_PRINTF (3, 4);
gboolean    mbc_unichar_is_unsafe (gunichar          c);
char       *mbc_problem_escape    (const char       *text);
char       *mbc_problems_describe_more (guint     more);
void        mbc_problems_append   (GString          *out,
                                   GPtrArray        *problems,
                                   const char       *file,
                                   guint             line);
char       *mbc_problems_format   (GPtrArray        *problems,
                                   const char       *file);
char       *mbc_json_path_member  (const char       *parent,
                                   const char       *member);
char       *mbc_json_path_index   (const char       *parent,
                                   guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcProblem, mbc_problem_free)

G_END_DECLS
