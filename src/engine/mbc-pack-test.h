/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-pack-test.h: running a guideline pack's own tests */
#pragma once

#include "mbc-guideline.h"

G_BEGIN_DECLS

char *mbc_pack_test_run (MbcGuideline      *guideline,
                         const MbcPackTest *test,
                         GError           **error);

G_END_DECLS
