/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-document.h: the case being edited, where it is saved, and its draft */
#pragma once

#include "mbc-case.h"
#include "mbc-library.h"

G_BEGIN_DECLS

#define MBC_DRAFT_SCHEMA "mbc-advisor/draft/1"

#define MBC_TYPE_DOCUMENT (mbc_document_get_type ())

G_DECLARE_FINAL_TYPE (MbcDocument, mbc_document, MBC, DOCUMENT, GObject)

MbcDocument *mbc_document_new              (GFile          *draft);
void         mbc_document_set_draft        (MbcDocument    *self,
                                            GFile          *draft);
GFile       *mbc_document_get_draft        (MbcDocument    *self);
MbcCase     *mbc_document_get_case         (MbcDocument    *self);
GFile       *mbc_document_get_file         (MbcDocument    *self);
gboolean     mbc_document_get_modified     (MbcDocument    *self);
char        *mbc_document_get_title        (MbcDocument    *self);
gboolean     mbc_document_load             (MbcDocument    *self,
                                            GFile          *file,
                                            GPtrArray      *problems,
                                            GError        **error);
void         mbc_document_load_copy        (MbcDocument    *self,
                                            MbcCase        *kase,
                                            const char     *title);
void         mbc_document_load_library     (MbcDocument    *self,
                                            MbcLibraryCase *entry);
gboolean     mbc_document_check_savable (MbcDocument    *self,
                                         GError        **error);
gboolean     mbc_document_save             (MbcDocument    *self,
                                            GFile          *file,
                                            gboolean        overwrite,
                                            GError        **error);
void         mbc_document_clear            (MbcDocument    *self);
gboolean     mbc_document_write_draft      (MbcDocument    *self,
                                            GError        **error);
void         mbc_document_discard_draft    (MbcDocument    *self);
gboolean     mbc_document_restore_draft    (MbcDocument    *self,
                                            GError        **error);
gboolean     mbc_document_describe_draft   (MbcDocument    *self,
                                            char          **title,
                                            GDateTime     **when,
                                            GError        **error);
gboolean     mbc_document_check_draft      (MbcDocument    *self,
                                            GError        **error);
gboolean     mbc_document_claim_draft      (MbcDocument    *self,
                                            GFile          *draft,
                                            GError        **error);
const char  *mbc_document_get_draft_problem (MbcDocument   *self);
GFile       *mbc_document_default_draft    (void);

G_END_DECLS
