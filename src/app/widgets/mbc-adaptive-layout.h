/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-adaptive-layout.h: two children side by side when wide, stacked when narrow */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MBC_TYPE_ADAPTIVE_LAYOUT (mbc_adaptive_layout_get_type ())

G_DECLARE_FINAL_TYPE (MbcAdaptiveLayout, mbc_adaptive_layout, MBC, ADAPTIVE_LAYOUT,
                      GtkLayoutManager)

gboolean mbc_adaptive_layout_get_stacked (MbcAdaptiveLayout *self);

G_END_DECLS
