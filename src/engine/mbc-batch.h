/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-batch.h: one line of a cohort (JSON Lines), evaluated as --batch evaluates it */
#pragma once

#include "mbc-evaluator.h"
#include "mbc-result-writer.h"

G_BEGIN_DECLS

gboolean mbc_batch_evaluate_line (MbcEvaluator    *evaluator,
                                  MbcResultWriter *writer,
                                  const char      *line,
                                  gsize            length,
                                  guint            number,
                                  GString         *out,
                                  GPtrArray       *problems,
                                  GError         **error);

G_END_DECLS
