/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-result-view.h: the recommendation, why, the plan, the polls and later evidence */
#pragma once

#include <gtk/gtk.h>

#include "mbc-evaluator.h"
#include "mbc-result.h"

G_BEGIN_DECLS

#define MBC_TYPE_RESULT_VIEW (mbc_result_view_get_type ())

G_DECLARE_FINAL_TYPE (MbcResultView, mbc_result_view, MBC, RESULT_VIEW, GtkWidget)

GtkWidget  *mbc_result_view_new          (void);
void        mbc_result_view_set_result   (MbcResultView *self,
                                          MbcResult     *result,
                                          GPtrArray     *changes);
void        mbc_result_view_set_problems (MbcResultView *self,
                                          GPtrArray     *problems);
MbcResult  *mbc_result_view_get_result   (MbcResultView *self);
const char *mbc_result_view_get_heading  (MbcResultView *self);
char       *mbc_result_view_get_under_heading (MbcResultView *self);
gboolean    mbc_result_view_get_complete (MbcResultView *self);

G_END_DECLS
