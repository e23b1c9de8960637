/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-batch.h: one case of a cohort (a line of JSON Lines, a row of CSV), evaluated as
 * --batch evaluates it */
#pragma once

#include "mbc-csv-case.h"
#include "mbc-csv-writer.h"
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
gboolean mbc_batch_evaluate_line_full (MbcEvaluator    *evaluator,
                                       MbcResultWriter *json,
                                       MbcCsvWriter    *csv,
                                       const char      *line,
                                       gsize            length,
                                       guint            number,
                                       GString         *out,
                                       GPtrArray       *problems,
                                       GError         **error);
gboolean mbc_batch_evaluate_record (MbcEvaluator       *evaluator,
                                    MbcResultWriter    *json,
                                    MbcCsvWriter       *csv,
                                    MbcCsvColumns      *columns,
                                    const MbcCsvRecord *record,
                                    GString            *out,
                                    GPtrArray          *problems,
                                    GError            **error);

G_END_DECLS
