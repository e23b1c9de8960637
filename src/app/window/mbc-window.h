/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-window.h: the main window */
#pragma once

#include <adwaita.h>

#include "mbc-case.h"
#include "mbc-guideline.h"
#include "mbc-document.h"
#include "mbc-library.h"

G_BEGIN_DECLS

#define MBC_TYPE_WINDOW (mbc_window_get_type ())

G_DECLARE_FINAL_TYPE (MbcWindow, mbc_window, MBC, WINDOW, AdwApplicationWindow)

MbcWindow *mbc_window_new                    (GtkApplication *app,
                                              GSettings      *settings,
                                              MbcGuideline   *guideline,
                                              const char     *error_message);
MbcCase   *mbc_window_get_case               (MbcWindow      *self);
GtkWidget *mbc_window_get_form               (MbcWindow      *self);
GtkWidget *mbc_window_get_result_view        (MbcWindow      *self);
gboolean   mbc_window_get_complete           (MbcWindow      *self);
gint64     mbc_window_get_last_evaluation_us (MbcWindow      *self);
void       mbc_window_open_file              (MbcWindow      *self,
                                              GFile          *file);

gboolean   mbc_window_save_to                (MbcWindow      *self,
                                              GFile          *file);
gboolean   mbc_window_export_report          (MbcWindow      *self,
                                              GFile          *file);
gboolean   mbc_window_export_fhir            (MbcWindow      *self,
                                              GFile          *file);
void       mbc_window_print                  (MbcWindow      *self,
                                              GtkPrintOperationAction action,
                                              const char     *export_to);
GtkWidget *mbc_window_show_library           (MbcWindow      *self);
GtkWidget   *mbc_window_open_cohort        (MbcWindow      *self,
                                            GFile          *file);
void         mbc_window_import_fhir        (MbcWindow      *self,
                                            GFile          *file);
GtkWidget *mbc_window_show_teaching          (MbcWindow      *self,
                                              gboolean        fullscreen);
void       mbc_window_open_library_case      (MbcWindow      *self,
                                              MbcLibraryCase *entry);
gboolean   mbc_window_keep_draft             (MbcWindow      *self,
                                              GFile          *draft);
MbcDocument *mbc_window_get_document         (MbcWindow      *self);

G_END_DECLS
