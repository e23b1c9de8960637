/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-poll-chart.h: a poll table drawn as horizontal bars, with its numbers as text */
#pragma once

#include <gtk/gtk.h>

#include "mbc-chart.h"
#include "mbc-guideline.h"

G_BEGIN_DECLS

#define MBC_TYPE_POLL_CHART (mbc_poll_chart_get_type ())

G_DECLARE_FINAL_TYPE (MbcPollChart, mbc_poll_chart, MBC, POLL_CHART, GtkWidget)

GtkWidget       *mbc_poll_chart_new             (MbcGuideline *guideline,
                                                 const char   *source_id);
const MbcSource *mbc_poll_chart_get_source      (MbcPollChart *self);
gboolean         mbc_poll_chart_get_highlighted (MbcPollChart *self);
void             mbc_poll_chart_set_highlighted (MbcPollChart *self,
                                                 gboolean      highlighted);
void             mbc_chart_colors_for_widget    (GtkWidget      *widget,
                                                 MbcChartColors *colors);

G_END_DECLS
