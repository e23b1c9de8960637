/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-chart.h: a poll table drawn with cairo and Pango, for the window and the report alike */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "mbc-guideline.h"

G_BEGIN_DECLS

typedef struct
{
  double fg[4];       /* text, and the tracks and other bars, lighter */
  double accent[4];   /* the first option's bar and the "rests on" note */
} MbcChartColors;

int   mbc_chart_draw_poll     (cairo_t              *cr,
                               PangoContext         *context,
                               const MbcSource      *source,
                               gboolean              highlighted,
                               const MbcChartColors *colors,
                               int                   width);
char *mbc_chart_describe_poll (const MbcSource      *source,
                               const char           *series);

int   mbc_chart_draw_comparison     (cairo_t              *cr,
                                     PangoContext         *context,
                                     const char * const   *options,
                                     const guint          *room_counts,
                                     gboolean              show_room,
                                     const MbcSource      *panel,
                                     const char           *series,
                                     const MbcChartColors *colors,
                                     int                   width);
char *mbc_chart_describe_comparison (const char * const   *options,
                                     const guint          *room_counts,
                                     gboolean              show_room,
                                     const MbcSource      *panel,
                                     const char           *series);

G_END_DECLS
