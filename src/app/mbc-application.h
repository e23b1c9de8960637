/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-application.h: the application */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MBC_TYPE_APPLICATION (mbc_application_get_type ())

G_DECLARE_FINAL_TYPE (MbcApplication, mbc_application, MBC, APPLICATION, AdwApplication)

MbcApplication *mbc_application_new             (const char     *guideline_path);

G_END_DECLS
