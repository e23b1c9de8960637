/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-test-window.h: what the window's test programs share */
#pragma once

#include <adwaita.h>

#include "mbc-guideline.h"
#include "mbc-window.h"

G_BEGIN_DECLS

void       mbc_test_gtk_init     (int          *argc,
                                  char       ***argv);
MbcWindow *mbc_test_window_new   (MbcGuideline *guideline,
                                  GSettings    *settings,
                                  GFile        *file,
                                  int           width,
                                  int           height);
AdwMessageDialog *mbc_test_find_message_dialog (const char *heading);
void       mbc_test_type_number  (MbcWindow    *window,
                                  MbcCaseField  field,
                                  const char   *text);
void       mbc_test_wait_frames  (GtkWidget    *widget,
                                  guint         frames);
double     mbc_test_drawn_contrast (GtkWindow  *window,
                                    GtkWidget  *widget);

G_END_DECLS
