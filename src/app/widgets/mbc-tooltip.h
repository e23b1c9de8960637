/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-tooltip.h: tooltips that cost nothing until shown */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void mbc_tooltip_set_text (GtkWidget  *widget,
                           const char *text);

G_END_DECLS
