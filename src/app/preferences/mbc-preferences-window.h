/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-preferences-window.h: the preferences, bound to the application's settings */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MBC_TYPE_PREFERENCES_WINDOW (mbc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MbcPreferencesWindow, mbc_preferences_window, MBC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *mbc_preferences_window_new (GtkWindow *parent,
                                       GSettings *settings);

G_END_DECLS
