/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-file.h: reading a file within a limit, and writing one that is never left half-written */
#pragma once

#include <sys/stat.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/* The limits of interfaces.md (Additions, Limits). */
#define MBC_FILE_CASE_MAX_BYTES  (1u << 20)   /* a case file, or one line of a --batch */
#define MBC_FILE_PACK_MAX_BYTES  (16u << 20)  /* a guideline pack */

#define MBC_FILE_ERROR (mbc_file_error_quark ())

typedef enum
{
  MBC_FILE_ERROR_TOO_LARGE,     /* past the limit: an invalid input (exit 2) */
  MBC_FILE_ERROR_NOT_REGULAR,   /* a folder, a FIFO, a device: never read (exit 1) */
} MbcFileError;                 /* (a file that cannot be opened or read: G_IO_ERROR) */

GQuark   mbc_file_error_quark  (void);
char    *mbc_file_describe_size (gsize       bytes);
int      mbc_file_open_regular  (GFile       *file,
                                 struct stat *st,
                                 GError     **error);
GBytes  *mbc_file_read          (GFile       *file,
                                 gsize        max_bytes,
                                 GError     **error);
GBytes  *mbc_file_read_fd       (int          fd,
                                 gsize        max_bytes,
                                 GError     **error);

/* What a file given by name holds (interfaces.md: files given to the window by name). */
typedef enum
{
  MBC_FILE_KIND_CASE,           /* one case file (JSON) */
  MBC_FILE_KIND_COHORT_JSONL,   /* a cohort, a case a line */
  MBC_FILE_KIND_COHORT_CSV,     /* a cohort exported from a spreadsheet */
} MbcFileKind;

MbcFileKind mbc_file_guess_kind    (const char  *name,
                                    const char  *head,
                                    gsize        length);
MbcFileKind mbc_file_guess_kind_of (GFile       *file);

/* New files with patient data are the user's alone. */
#define MBC_FILE_PRIVATE_MODE 0600

gboolean mbc_file_write_atomic (GFile       *file,
                                const void  *data,
                                gsize        length,
                                mode_t       mode,
                                GError     **error);
gboolean mbc_file_write_private (GFile       *file,
                                 const void  *data,
                                 gsize        length,
                                 GError     **error);
void     mbc_file_clean_up_on_signals (void);

G_END_DECLS
