/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-fhir-result.h: a result as a FHIR R4 Bundle (docs/contracts.md, "The result as FHIR") */
#pragma once

#include "mbc-case.h"
#include "mbc-result.h"

G_BEGIN_DECLS

/* The application's own code systems and extensions are named under this base. */
#define MBC_FHIR_BASE "https://mbcadvisor.github.io/fhir"

char *mbc_fhir_result_to_json (MbcResult *result,
                               MbcCase   *kase,
                               GDateTime *now);

G_END_DECLS
