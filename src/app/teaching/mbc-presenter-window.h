/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-presenter-window.h: teaching mode, the 2017 poll replayed with a room */
#pragma once

#include <adwaita.h>

#include "mbc-library.h"
#include "mbc-poll-session.h"

G_BEGIN_DECLS

#define MBC_TYPE_PRESENTER_WINDOW (mbc_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (MbcPresenterWindow, mbc_presenter_window, MBC, PRESENTER_WINDOW, AdwWindow)

GtkWidget      *mbc_presenter_window_new         (MbcGuideline       *guideline,
                                                  GPtrArray          *library);
void            mbc_presenter_window_set_hide_counts (MbcPresenterWindow *self,
                                                      gboolean            hide);
gboolean        mbc_presenter_window_press_key   (MbcPresenterWindow *self,
                                                  guint               keyval,
                                                  GdkModifierType     state);
void            mbc_presenter_window_choose_case (MbcPresenterWindow *self,
                                                  guint               index);
gboolean        mbc_presenter_window_resume      (MbcPresenterWindow *self);
const char     *mbc_presenter_window_get_page    (MbcPresenterWindow *self);
MbcPollSession *mbc_presenter_window_get_session (MbcPresenterWindow *self);
gboolean        mbc_presenter_window_export      (MbcPresenterWindow *self,
                                                  GFile              *file,
                                                  gboolean            csv,
                                                  GError            **error);

G_END_DECLS
