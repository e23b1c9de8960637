/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-library.h: the teaching cases bundled with the application */
#pragma once

#include "mbc-case.h"

G_BEGIN_DECLS

typedef struct
{
  char     *id;             /* the file's name without .json */
  char     *title;
  GStrv     statements;     /* source ids of the pack: what the case illustrates */
  char     *note;
  char     *vignette;       /* the case as presented to a room, or NULL */
  char     *expected_tier;
  MbcCase  *kase;
} MbcLibraryCase;

MbcLibraryCase *mbc_library_case_new_from_data (const char     *id,
                                                const char     *data,
                                                gsize           length,
                                                GPtrArray      *problems);
void            mbc_library_case_free          (MbcLibraryCase *self);
GPtrArray      *mbc_library_load               (GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcLibraryCase, mbc_library_case_free)

G_END_DECLS
