/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-result-writer.h: results as result JSON, for one guideline */
#pragma once

#include "mbc-result.h"

G_BEGIN_DECLS

#define MBC_TYPE_RESULT_WRITER (mbc_result_writer_get_type ())

G_DECLARE_FINAL_TYPE (MbcResultWriter, mbc_result_writer, MBC, RESULT_WRITER, GObject)

MbcResultWriter *mbc_result_writer_new   (MbcGuideline    *guideline);
void             mbc_result_writer_write (MbcResultWriter *self,
                                          MbcResult       *result,
                                          GString         *out);

G_END_DECLS
