/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-text-row.h: a boxed-list row of a title and wrapping text, cheap to lay out */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MBC_TYPE_TEXT_ROW (mbc_text_row_get_type ())

G_DECLARE_FINAL_TYPE (MbcTextRow, mbc_text_row, MBC, TEXT_ROW, GtkListBoxRow)

GtkWidget  *mbc_text_row_new          (const char *title,
                                       const char *subtitle);
const char *mbc_text_row_get_title    (MbcTextRow *self);
void        mbc_text_row_set_title    (MbcTextRow *self,
                                       const char *title);
const char *mbc_text_row_get_subtitle (MbcTextRow *self);
void        mbc_text_row_set_subtitle (MbcTextRow *self,
                                       const char *subtitle);
void        mbc_text_row_set_prefix   (MbcTextRow *self,
                                       GtkWidget  *prefix);
void        mbc_text_row_set_below    (MbcTextRow *self,
                                       GtkWidget  *below);
void        mbc_text_row_add_suffix   (MbcTextRow *self,
                                       GtkWidget  *suffix);

GtkWidget  *mbc_wrapping_label_new    (const char *css_class);

G_END_DECLS
