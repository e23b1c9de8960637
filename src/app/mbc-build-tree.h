/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  mbc_build_tree_setup    (void);
char     *mbc_build_tree_help_uri (void);

G_END_DECLS
