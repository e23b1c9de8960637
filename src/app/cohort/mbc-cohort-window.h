/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-cohort-window.h: a cohort of cases, evaluated off the UI thread, as a table and charts */
#pragma once

#include <adwaita.h>

#include "mbc-guideline.h"

G_BEGIN_DECLS

#define MBC_TYPE_COHORT_WINDOW (mbc_cohort_window_get_type ())

G_DECLARE_FINAL_TYPE (MbcCohortWindow, mbc_cohort_window, MBC, COHORT_WINDOW, AdwWindow)

GtkWidget  *mbc_cohort_window_new          (GtkWindow       *parent,
                                            MbcGuideline    *guideline);
void        mbc_cohort_window_open         (MbcCohortWindow *self,
                                            GFile           *file);
void        mbc_cohort_window_cancel       (MbcCohortWindow *self);
gboolean    mbc_cohort_window_get_loading  (MbcCohortWindow *self);
GListModel *mbc_cohort_window_get_rows     (MbcCohortWindow *self);
GListModel *mbc_cohort_window_get_shown    (MbcCohortWindow *self);
void        mbc_cohort_window_set_filters  (MbcCohortWindow *self,
                                            guint            tier,
                                            guint            concordance);
char       *mbc_cohort_window_describe     (MbcCohortWindow *self);
void        mbc_cohort_window_activate_row (MbcCohortWindow *self,
                                            guint            position);
void        mbc_cohort_window_export       (MbcCohortWindow     *self,
                                            gboolean             pdf,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    mbc_cohort_window_export_finish (MbcCohortWindow  *self,
                                             GAsyncResult     *result,
                                             GError          **error);

G_END_DECLS
