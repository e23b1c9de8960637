/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-evaluator.h: evaluating cases against a guideline */
#pragma once

#include "mbc-case.h"
#include "mbc-guideline.h"
#include "mbc-result.h"

G_BEGIN_DECLS

#define MBC_TYPE_EVALUATOR (mbc_evaluator_get_type ())

G_DECLARE_FINAL_TYPE (MbcEvaluator, mbc_evaluator, MBC, EVALUATOR, GObject)

MbcEvaluator *mbc_evaluator_new           (MbcGuideline  *guideline);
MbcGuideline *mbc_evaluator_get_guideline (MbcEvaluator  *self);
MbcResult    *mbc_evaluator_evaluate      (MbcEvaluator  *self,
                                           MbcCase       *kase,
                                           GError       **error);
MbcResult    *mbc_evaluate                (MbcGuideline  *guideline,
                                           MbcCase       *kase,
                                           GError       **error);

G_END_DECLS
