/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-bar-chart.h: counts as horizontal bars, drawn in the theme's colours */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MBC_TYPE_BAR_CHART (mbc_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (MbcBarChart, mbc_bar_chart, MBC, BAR_CHART, GtkWidget)

GtkWidget  *mbc_bar_chart_new        (const char         *title);
void        mbc_bar_chart_set_bars   (MbcBarChart        *self,
                                      const char * const *labels,
                                      const guint        *counts,
                                      guint               n);
char       *mbc_bar_chart_describe   (MbcBarChart        *self);

char      *mbc_bar_chart_count_text (guint        count,
                                     guint        total);

G_END_DECLS
