/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-window-private.h: what the files of MbcWindow share (mbc-window.c, the window and its
 * case; mbc-window-report.c, its report), and no one else */
#pragma once

#include <adwaita.h>

#include "mbc-evaluator.h"
#include "mbc-document.h"
#include "mbc-window.h"

G_BEGIN_DECLS

struct _MbcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Whether the last press was a key (not the pointer): only the keyboard's focus scrolls
   * the form, and the field it focused is kept in view until its rows settle. */
  gboolean              keyboard_focus;
  GtkWidget            *presenter;      /* (nullable): teaching mode's window, while open */
  guint                 keep_in_view_tick;

  /* template widgets */
  GtkWidget            *stack;
  GtkWidget            *scroller;
  GtkWidget            *form_scroller;
  GtkWidget            *results_scroller;
  GtkWidget            *columns;
  GtkWidget            *form;
  GtkWidget            *results;
  GtkWidget            *summary_bar;
  GtkWidget            *summary_heading;
  GtkWidget            *summary_evidence;
  GtkWidget            *summary_note;
  GtkLayoutManager     *layout;
  GtkWidget            *error_page;
  GtkWidget            *menu_button;
  GtkWidget            *header_bar;
  GtkWidget            *open_button;      /* added after the first frame */
  GtkWidget            *library_button;
  GMenuModel           *primary_menu;
  GtkWidget            *window_title;
  GtkWidget            *toasts;

  /* owned */
  GSettings            *settings;
  MbcGuideline         *guideline;
  MbcEvaluator         *evaluator;
  MbcDocument          *document;
  GPtrArray            *library;       /* MbcLibraryCase, loaded when first shown */

  /* borrowed: the document's case, which the form edits */
  MbcCase              *kase;
  gint64                last_evaluation_us;

  /* one step of undo for what changes the whole case at once (see window_offer_undo) */
  MbcCase              *undo_case;
  AdwToast             *undo_toast;       /* borrowed: the overlay owns it */
};

void                  _mbc_window_offer_undo               (MbcWindow            *self,
                                                            MbcCase              *before,
                                                            const char           *message);
void                  _mbc_window_toast_brief              (MbcWindow            *self,
                                                            const char           *text);
gboolean              _mbc_window_has_unsaved_work         (MbcWindow            *self);
void                  _mbc_window_show_error_dialog        (MbcWindow            *self,
                                                            const char           *heading,
                                                            const char           *body);
GtkFileChooserNative *_mbc_window_new_chooser              (MbcWindow            *self,
                                                            const char           *title,
                                                            GtkFileChooserAction  action,
                                                            const char           *accept);
GFile                *_mbc_window_chooser_take_file        (GtkNativeDialog      *chooser,
                                                            int                   response);
void                  _mbc_window_add_filter               (GtkFileChooserNative *chooser,
                                                            const char           *name,
                                                            const char           *mime_type,
                                                            const char           *suffix);
void                  _mbc_window_remember_file            (MbcWindow            *self,
                                                            GFile                *file);
void                  _mbc_window_class_add_report_actions (GtkWidgetClass       *widget_class);
void                  _mbc_window_class_add_file_actions   (GtkWidgetClass       *widget_class);
void                  _mbc_window_class_add_launch_actions (GtkWidgetClass       *widget_class);
void                  _mbc_window_init_files               (MbcWindow            *self);
void                  _mbc_window_toast                    (MbcWindow            *self,
                                                            const char           *text);
void                  _mbc_window_toast_file               (MbcWindow            *self,
                                                            const char           *text,
                                                            GFile                *file);

/* What to do once unsaved changes are saved or discarded (see _mbc_window_confirm_discard). */
typedef void (*MbcWindowThen) (MbcWindow *self,
                               gpointer   data);

void                  _mbc_window_confirm_discard          (MbcWindow            *self,
                                                            MbcWindowThen         then,
                                                            gpointer              data,
                                                            GDestroyNotify        destroy);

char *_mbc_window_proposed_name (MbcWindow *self);

G_END_DECLS
