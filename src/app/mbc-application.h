/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-application.h: the application */
#pragma once

#include <adwaita.h>

#include "mbc-report.h"

G_BEGIN_DECLS

#define MBC_TYPE_APPLICATION (mbc_application_get_type ())

G_DECLARE_FINAL_TYPE (MbcApplication, mbc_application, MBC, APPLICATION, AdwApplication)

MbcApplication *mbc_application_new             (const char     *guideline_path);
MbcPaper        mbc_application_get_paper       (MbcApplication *self);
gboolean        mbc_application_get_hide_counts (MbcApplication *self);
GFile          *mbc_application_dup_last_folder (MbcApplication *self);
void            mbc_application_set_last_folder (MbcApplication *self,
                                                 GFile          *folder);

G_END_DECLS
