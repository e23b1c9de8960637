/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-cli-fhir.h: --import-fhir, the case a FHIR export implies */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int mbc_cli_fhir_run (const char *path,
                      const char *as_of);

G_END_DECLS
