/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-test.h: what the C test programs share */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*MbcTestCondition) (gpointer data);

char      *mbc_test_data_path  (const char       *name);
GSettings *mbc_test_settings   (void);
void       mbc_test_settle     (void);
gboolean   mbc_test_wait_until (MbcTestCondition  done,
                                gpointer          data,
                                guint             timeout_ms);
char      *mbc_test_pdf_text   (const char       *pdf);

G_END_DECLS
