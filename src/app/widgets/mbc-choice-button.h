/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-choice-button.h: one of a few choices, picked from a menu built when first opened */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MBC_TYPE_CHOICE_BUTTON (mbc_choice_button_get_type ())

G_DECLARE_FINAL_TYPE (MbcChoiceButton, mbc_choice_button, MBC, CHOICE_BUTTON, GtkWidget)

GtkWidget          *mbc_choice_button_new          (const char         *title,
                                                    const char * const *choices);
const char * const *mbc_choice_button_get_choices  (MbcChoiceButton    *self);
guint               mbc_choice_button_get_selected (MbcChoiceButton    *self);
void                mbc_choice_button_set_selected (MbcChoiceButton    *self,
                                                    guint               selected);

G_END_DECLS
