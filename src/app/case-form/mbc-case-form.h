/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-case-form.h: the patient form, bound to a case */
#pragma once

#include <gtk/gtk.h>

#include "mbc-case.h"

G_BEGIN_DECLS

#define MBC_TYPE_CASE_FORM (mbc_case_form_get_type ())

G_DECLARE_FINAL_TYPE (MbcCaseForm, mbc_case_form, MBC, CASE_FORM, GtkWidget)

GtkWidget *mbc_case_form_new            (MbcCase      *kase);
MbcCase   *mbc_case_form_get_case       (MbcCaseForm  *self);
GtkWidget *mbc_case_form_get_control    (MbcCaseForm  *self,
                                         MbcCaseField  field);
GtkWidget *mbc_case_form_get_site_check (MbcCaseForm  *self,
                                         const char   *site);
gboolean   mbc_case_form_get_complete   (MbcCaseForm  *self);
GtkWidget *mbc_case_form_get_decision_control (MbcCaseForm *self,
                                               guint        part);
void       mbc_case_form_set_note       (MbcCaseForm  *self,
                                         MbcCaseField  field,
                                         const char   *note);
void       mbc_case_form_clear_notes    (MbcCaseForm  *self);
void       mbc_case_form_focus_field    (MbcCaseForm  *self,
                                         MbcCaseField  field);

G_END_DECLS
