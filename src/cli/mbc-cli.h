/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-cli.h: the headless command line (--evaluate, --batch, --validate-guideline, …) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of docs/contracts.md. */
typedef enum
{
  MBC_EXIT_OK = 0,
  MBC_EXIT_IO = 1,
  MBC_EXIT_INVALID_INPUT = 2,
  MBC_EXIT_INVALID_GUIDELINE = 3,
} MbcExitStatus;

gboolean mbc_cli_is_headless  (int      argc,
                               char   **argv);
int      mbc_cli_run          (int      argc,
                               char   **argv);
gboolean mbc_cli_parse_window (int      argc,
                               char   **argv,
                               char   **guideline,
                               char  ***files,
                               GError **error);

G_END_DECLS
