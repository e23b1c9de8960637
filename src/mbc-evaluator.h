/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-evaluator.h: evaluating a case against a guideline */
#pragma once

#include "mbc-case.h"
#include "mbc-guideline.h"
#include "mbc-result.h"

G_BEGIN_DECLS

MbcResult *mbc_evaluate (MbcGuideline  *guideline,
                         MbcCase       *kase,
                         GError       **error);

G_END_DECLS
