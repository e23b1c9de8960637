/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-report.h: the report of one case, as pages drawn with cairo and Pango */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "mbc-case.h"
#include "mbc-result.h"

G_BEGIN_DECLS

typedef enum
{
  MBC_PAPER_A4,
  MBC_PAPER_LETTER,
} MbcPaper;

typedef struct _MbcReport MbcReport;

MbcPaper    mbc_paper_from_locale   (void);
void        mbc_paper_get_size      (MbcPaper     paper,
                                     double      *width,
                                     double      *height);

MbcReport  *mbc_report_new          (MbcCase     *kase,
                                     MbcResult   *result,
                                     GDateTime   *when);
void        mbc_report_free         (MbcReport   *self);
guint       mbc_report_paginate     (MbcReport   *self,
                                     PangoContext *context,
                                     double       width,
                                     double       height);
void        mbc_report_draw_page    (MbcReport   *self,
                                     cairo_t     *cr,
                                     guint        page);
GBytes     *mbc_report_to_pdf       (MbcReport   *self,
                                     MbcPaper     paper,
                                     GError     **error);
gboolean    mbc_report_write_pdf    (MbcReport   *self,
                                     GFile       *file,
                                     MbcPaper     paper,
                                     GError     **error);

/* One patient of a cohort's list: its row in the file, its case (NULL when it could not be
 * read, with @problems), the clinician's decision and whether it agrees, for people. */
typedef struct
{
  guint       line;
  MbcCase    *kase;
  const char *problems;
  const char *decision;
  const char *agreement;
} MbcCohortEntry;

MbcReport  *mbc_report_new_cohort   (MbcGuideline *guideline,
                                     const char   *title,
                                     const MbcCohortEntry *entries,
                                     guint        n_entries,
                                     const char   *filter,
                                     guint        n_cohort,
                                     GDateTime   *when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcReport, mbc_report_free)

G_END_DECLS
