/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-comparison-chart.h: the room's votes beside the guideline's poll, as bars */
#pragma once

#include <gtk/gtk.h>

#include "mbc-guideline.h"

G_BEGIN_DECLS

#define MBC_TYPE_COMPARISON_CHART (mbc_comparison_chart_get_type ())

G_DECLARE_FINAL_TYPE (MbcComparisonChart, mbc_comparison_chart, MBC, COMPARISON_CHART, GtkWidget)

GtkWidget *mbc_comparison_chart_new      (void);
void       mbc_comparison_chart_set_data (MbcComparisonChart *self,
                                          const char * const *options,
                                          const guint        *room_counts,
                                          gboolean            show_room,
                                          const MbcSource    *panel,
                                          const char         *series);

G_END_DECLS
