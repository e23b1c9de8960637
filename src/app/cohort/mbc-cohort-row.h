/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-cohort-row.h: one patient of a cohort, as the cohort view lists it */
#pragma once

#include <gio/gio.h>

#include "mbc-case.h"

G_BEGIN_DECLS

#define MBC_TYPE_COHORT_ROW (mbc_cohort_row_get_type ())

G_DECLARE_FINAL_TYPE (MbcCohortRow, mbc_cohort_row, MBC, COHORT_ROW, GObject)

MbcCohortRow *mbc_cohort_row_new            (guint         line,
                                             MbcCase      *kase,
                                             const char   *tier,
                                             const char   *recommendation,
                                             const char   *rule,
                                             const char   *missing,
                                             const char   *decision,
                                             const char   *concordance,
                                             const char   *problems);
guint         mbc_cohort_row_get_line        (MbcCohortRow *self);
MbcCase      *mbc_cohort_row_get_case        (MbcCohortRow *self);
const char   *mbc_cohort_row_get_label       (MbcCohortRow *self);
const char   *mbc_cohort_row_get_tier        (MbcCohortRow *self);
const char   *mbc_cohort_row_get_recommendation (MbcCohortRow *self);
const char   *mbc_cohort_row_get_rule        (MbcCohortRow *self);
const char   *mbc_cohort_row_get_missing     (MbcCohortRow *self);
const char   *mbc_cohort_row_get_decision    (MbcCohortRow *self);
const char   *mbc_cohort_row_get_concordance (MbcCohortRow *self);
const char   *mbc_cohort_row_get_problems    (MbcCohortRow *self);

G_END_DECLS
