/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-section.h: a titled group of rows, as AdwPreferencesGroup looks */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MBC_TYPE_SECTION (mbc_section_get_type ())

G_DECLARE_FINAL_TYPE (MbcSection, mbc_section, MBC, SECTION, GtkWidget)

GtkWidget  *mbc_section_new             (const char *title,
                                         const char *description);
const char *mbc_section_get_title       (MbcSection *self);
void        mbc_section_set_title       (MbcSection *self,
                                         const char *title);
const char *mbc_section_get_description (MbcSection *self);
void        mbc_section_set_description (MbcSection *self,
                                         const char *description);
GtkWidget  *mbc_section_get_list        (MbcSection *self);
void        mbc_section_add             (MbcSection *self,
                                         GtkWidget  *row);
void        mbc_section_append          (MbcSection *self,
                                         GtkWidget  *widget);
void        mbc_section_set_collapsible (MbcSection *self);
gboolean    mbc_section_get_expanded    (MbcSection *self);
void        mbc_section_set_expanded    (MbcSection *self,
                                         gboolean    expanded);

G_END_DECLS
