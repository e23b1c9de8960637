/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-library-dialog.h: the teaching cases, searchable, to open a copy of one */
#pragma once

#include <adwaita.h>

#include "mbc-guideline.h"
#include "mbc-library.h"

G_BEGIN_DECLS

#define MBC_TYPE_LIBRARY_DIALOG (mbc_library_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MbcLibraryDialog, mbc_library_dialog, MBC, LIBRARY_DIALOG, AdwWindow)

GtkWidget *mbc_library_dialog_new        (GtkWindow        *parent,
                                          MbcGuideline     *guideline,
                                          GPtrArray        *cases,
                                          gboolean          show_expected);
void       mbc_library_dialog_set_search (MbcLibraryDialog *self,
                                          const char       *text);
guint      mbc_library_dialog_count_shown (MbcLibraryDialog *self);
void       mbc_library_dialog_choose     (MbcLibraryDialog *self,
                                          guint             index);

G_END_DECLS
