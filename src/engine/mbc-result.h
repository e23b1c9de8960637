/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-result.h: what a guideline says about one case (schema mbc-advisor/result/1) */
#pragma once

#include <json-glib/json-glib.h>

#include "mbc-guideline.h"

G_BEGIN_DECLS

#define MBC_RESULT_SCHEMA "mbc-advisor/result/1"

#define MBC_TYPE_RESULT (mbc_result_get_type ())

G_DECLARE_FINAL_TYPE (MbcResult, mbc_result, MBC, RESULT, GObject)

MbcGuideline       *mbc_result_get_guideline           (MbcResult  *self);
const char         *mbc_result_get_tier                (MbcResult  *self);
const char         *mbc_result_get_strength            (MbcResult  *self);
const MbcRule      *mbc_result_get_rule                (MbcResult  *self);
const MbcStrength  *mbc_result_get_strength_basis      (MbcResult  *self);
MbcFindingStatus    mbc_result_get_finding_status      (MbcResult  *self,
                                                        guint       index);
int                 mbc_result_lookup_finding          (MbcResult  *self,
                                                        const char *id);
GPtrArray          *mbc_result_get_missing             (MbcResult  *self);
GPtrArray          *mbc_result_get_confirm             (MbcResult  *self);
GPtrArray          *mbc_result_get_cautions            (MbcResult  *self);
gboolean            mbc_result_rests_on                (MbcResult  *self,
                                                        const char *id);
GPtrArray          *mbc_result_get_options             (MbcResult  *self);
gboolean            mbc_result_get_axillary_evaluation (MbcResult  *self);
gboolean            mbc_result_get_input_known         (MbcResult  *self,
                                                        guint       field);
gboolean            mbc_result_get_any_input_known     (MbcResult  *self);
GPtrArray          *mbc_result_get_statements          (MbcResult  *self);
GPtrArray          *mbc_result_get_plan                (MbcResult  *self);
void                mbc_result_get_tally               (MbcResult  *self,
                                                        guint       index,
                                                        guint      *met,
                                                        guint      *not_met,
                                                        guint      *unknown);
char               *mbc_result_to_text                 (MbcResult  *self);
const char         *mbc_result_get_heading             (MbcResult  *self);
const char         *mbc_result_get_tier_title          (MbcResult  *self);
const char         *mbc_finding_status_word            (MbcFindingStatus status);

G_END_DECLS
