/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-evaluator.h: evaluating cases against a guideline */
#pragma once

#include "mbc-case.h"
#include "mbc-guideline.h"
#include "mbc-result.h"

G_BEGIN_DECLS

/* One change to one field that changes the tier of a result. */
typedef struct
{
  MbcCaseField  field;
  JsonNode     *value;     /* the new value, as a case file writes it */
  char         *text;      /* the new value for people */
  const char   *tier;      /* the tier the case would then have */
} MbcChange;

void mbc_change_free (MbcChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcChange, mbc_change_free)

#define MBC_TYPE_EVALUATOR (mbc_evaluator_get_type ())

G_DECLARE_FINAL_TYPE (MbcEvaluator, mbc_evaluator, MBC, EVALUATOR, GObject)

MbcEvaluator *mbc_evaluator_new           (MbcGuideline  *guideline);
MbcGuideline *mbc_evaluator_get_guideline (MbcEvaluator  *self);
void          mbc_evaluator_get_counts    (MbcEvaluator  *self,
                                           guint64       *conditions,
                                           guint64       *kept);
MbcResult    *mbc_evaluator_evaluate      (MbcEvaluator  *self,
                                           MbcCase       *kase,
                                           GError       **error);
GPtrArray    *mbc_evaluator_what_would_change (MbcEvaluator *self,
                                               MbcCase      *kase,
                                               MbcResult    *result);
MbcResult    *mbc_evaluate                (MbcGuideline  *guideline,
                                           MbcCase       *kase,
                                           GError       **error);

G_END_DECLS
