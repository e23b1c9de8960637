/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-file.h: writing a file so that it is never left half-written */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean mbc_file_write_atomic (GFile       *file,
                                const void  *data,
                                gsize        length,
                                GError     **error);

G_END_DECLS
