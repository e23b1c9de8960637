/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-guideline-private.h: what the files of the guideline share, and no one else */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void _mbc_guideline_translate (JsonNode *root);

G_END_DECLS
