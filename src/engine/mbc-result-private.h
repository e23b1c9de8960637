/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-result-private.h: how the evaluator fills a result */
#pragma once

#include "mbc-result.h"

G_BEGIN_DECLS

struct _MbcResult
{
  GObject             parent_instance;

  MbcGuideline       *guideline;
  const MbcRule      *rule;
  const MbcStrength  *strength;
  const char         *heading;     /* borrowed: the rule's heading that held, or NULL */
  guint8             *statuses;    /* MbcFindingStatus, one a finding of the guideline */
  guint              *tallies;     /* met, not_met, unknown, for each tally */
  GPtrArray          *missing;     /* borrowed field names */
  GPtrArray          *confirm;     /* borrowed field names */
  GPtrArray          *options;     /* borrowed option ids */
  GPtrArray          *statements;  /* borrowed source ids */
  GPtrArray          *plan;        /* borrowed MbcPlanItem */
  GPtrArray          *cautions;    /* borrowed MbcCaution */
  gboolean            axillary_evaluation;
  guint64             known_inputs; /* bit n: case field n was known in the case evaluated */
};

MbcResult *_mbc_result_new (MbcGuideline *guideline);

G_END_DECLS
