/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-window.h: the main window */
#pragma once

#include <adwaita.h>

#include "mbc-case.h"
#include "mbc-guideline.h"

G_BEGIN_DECLS

#define MBC_TYPE_WINDOW (mbc_window_get_type ())

G_DECLARE_FINAL_TYPE (MbcWindow, mbc_window, MBC, WINDOW, AdwApplicationWindow)

MbcWindow *mbc_window_new                    (GtkApplication *app,
                                              MbcGuideline   *guideline,
                                              const char     *error_message);
MbcCase   *mbc_window_get_case               (MbcWindow      *self);
GtkWidget *mbc_window_get_form               (MbcWindow      *self);
GtkWidget *mbc_window_get_result_view        (MbcWindow      *self);
gboolean   mbc_window_get_complete           (MbcWindow      *self);
gint64     mbc_window_get_last_evaluation_us (MbcWindow      *self);
void       mbc_window_open_file              (MbcWindow      *self,
                                              GFile          *file);

G_END_DECLS
