/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcLibraryDialog: the case library as a searchable list. Each row gives the case's
 * title, the outcome it should reach and the statements it illustrates, with its teaching
 * note under it. Activating a row emits ::case-chosen with the case; the window then shows
 * a copy (the bundled file is never written) and the dialog closes. The dialog is a template
 * (ui/library/mbc-library-dialog.ui); the rows are made for the cases it is given.
 */
#define G_LOG_DOMAIN "mbc-library-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-library-dialog.h"
#include "mbc-result.h"
#include "mbc-text-row.h"

struct _MbcLibraryDialog
{
  AdwWindow  parent_instance;

  GPtrArray *cases;      /* MbcLibraryCase, shared with the caller */
  GtkWidget *search;
  GtkWidget *list;
  GtkWidget *stack;
  char      *needle;     /* casefolded search text */
};

G_DEFINE_FINAL_TYPE (MbcLibraryDialog, mbc_library_dialog, ADW_TYPE_WINDOW)

enum {
  CASE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
library_searchable_text (const MbcLibraryCase *entry,
                         const char           *tier_title,
                         const char           *statements)
{
  g_autofree char *label = mbc_case_format_value (entry->kase, MBC_CASE_FIELD_LABEL);
  g_autofree char *text = g_strdup_printf ("%s %s %s %s %s %s", entry->title, entry->note,
                                           tier_title, statements, entry->id, label);
  return g_utf8_casefold (text, -1);
}

static gboolean
library_filter_func (GtkListBoxRow *row,
                     gpointer       user_data)
{
  MbcLibraryDialog *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "mbc-search");

  return self->needle == NULL || *self->needle == '\0' || strstr (haystack, self->needle);
}

static void
library_update_empty (MbcLibraryDialog *self)
{
  g_assert (MBC_IS_LIBRARY_DIALOG (self));

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    mbc_library_dialog_count_shown (self) ? "list" : "empty");
}

static void
library_search_changed_cb (MbcLibraryDialog *self)
{
  g_assert (MBC_IS_LIBRARY_DIALOG (self));

  g_free (self->needle);
  self->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)), -1);
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list));
  library_update_empty (self);
}

static void
library_row_activated_cb (GtkListBox       *list,
                          GtkListBoxRow    *row,
                          MbcLibraryDialog *self)
{
  mbc_library_dialog_choose (self, (guint) gtk_list_box_row_get_index (row));
}

/* The first row the search leaves shown, or NULL. */
static GtkListBoxRow *
library_first_shown (MbcLibraryDialog *self)
{
  g_assert (MBC_IS_LIBRARY_DIALOG (self));

  for (GtkWidget *row = gtk_widget_get_first_child (self->list); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/* Enter in the search opens the first case it shows. */
static void
library_search_activate_cb (MbcLibraryDialog *self)
{
  GtkListBoxRow *row = library_first_shown (self);

  g_assert (MBC_IS_LIBRARY_DIALOG (self));
  if (row)
    mbc_library_dialog_choose (self, (guint) gtk_list_box_row_get_index (row));
}

/* Down in the search goes into the list, at the first case shown. */
static gboolean
library_search_key_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       MbcLibraryDialog      *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = library_first_shown (self);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
mbc_library_dialog_dispose (GObject *object)
{
  MbcLibraryDialog *self = MBC_LIBRARY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_LIBRARY_DIALOG);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->needle, g_free);
  G_OBJECT_CLASS (mbc_library_dialog_parent_class)->dispose (object);
}

static void
mbc_library_dialog_class_init (MbcLibraryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_library_dialog_dispose;

  /**
   * MbcLibraryDialog::case-chosen:
   * @entry: (type gpointer): the MbcLibraryCase chosen
   */
  signals[CASE_CHOSEN] = g_signal_new ("case-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                       G_TYPE_POINTER);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-library-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MbcLibraryDialog, search);
  gtk_widget_class_bind_template_child (widget_class, MbcLibraryDialog, list);
  gtk_widget_class_bind_template_child (widget_class, MbcLibraryDialog, stack);
}

static void
mbc_library_dialog_init (MbcLibraryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), library_filter_func, self, NULL);
  g_signal_connect_swapped (self->search, "search-changed",
                            G_CALLBACK (library_search_changed_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (library_row_activated_cb), self);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search), GTK_WIDGET (self));
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (library_search_activate_cb),
                            self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    g_signal_connect (keys, "key-pressed", G_CALLBACK (library_search_key_cb), self);
    gtk_widget_add_controller (self->search, keys);
  }
}

/**
 * mbc_library_dialog_new:
 * @guideline: the guideline the cases are shown against (it names tiers and sources)
 * @cases: (element-type MbcLibraryCase): the library
 * @show_expected: whether each case says what the guideline's answer is ("Expected: …"):
 *   not while teaching mode is on, when the room is to answer
 */
GtkWidget *
mbc_library_dialog_new (GtkWindow    *parent,
                        MbcGuideline *guideline,
                        GPtrArray    *cases,
                        gboolean      show_expected)
{
  MbcLibraryDialog *self = g_object_new (MBC_TYPE_LIBRARY_DIALOG, "transient-for", parent, NULL);

  self->cases = g_ptr_array_ref (cases);
  for (guint i = 0; i < cases->len; i++)
    {
      const MbcLibraryCase *entry = g_ptr_array_index (cases, i);
      const MbcTierText *tier = mbc_guideline_get_tier_text (guideline, entry->expected_tier);
      const char *tier_title = tier ? tier->title : entry->expected_tier;
      g_autofree char *statements =
        mbc_guideline_describe_sources (guideline, (const char * const *) entry->statements);
      g_autofree char *subtitle =
        show_expected ? g_strdup_printf (_("Expected: %s. Illustrates %s.\n%s"), tier_title,
                                         statements, entry->note)
                      : g_strdup_printf (_("Illustrates %s."), statements);
      GtkWidget *row = mbc_text_row_new (entry->title, subtitle);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open a copy"), -1);
      mbc_text_row_add_suffix (MBC_TEXT_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_focusable (row, TRUE);   /* the row is the control here */
      g_object_set_data_full (G_OBJECT (row), "mbc-search",
                              library_searchable_text (entry, show_expected ? tier_title : "",
                                                       statements), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
  library_update_empty (self);
  return GTK_WIDGET (self);
}

void
mbc_library_dialog_set_search (MbcLibraryDialog *self,
                               const char       *text)
{
  g_return_if_fail (MBC_IS_LIBRARY_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  library_search_changed_cb (self);
}

/* How many rows the search leaves. */
guint
mbc_library_dialog_count_shown (MbcLibraryDialog *self)
{
  guint shown = 0;

  g_return_val_if_fail (MBC_IS_LIBRARY_DIALOG (self), 0);
  for (GtkWidget *row = gtk_widget_get_first_child (self->list); row;
       row = gtk_widget_get_next_sibling (row))
    shown += GTK_IS_LIST_BOX_ROW (row) && library_filter_func (GTK_LIST_BOX_ROW (row), self);
  return shown;
}

/* As activating the @index-th row does: emits ::case-chosen and closes. */
void
mbc_library_dialog_choose (MbcLibraryDialog *self,
                           guint             index)
{
  g_return_if_fail (MBC_IS_LIBRARY_DIALOG (self));
  g_return_if_fail (index < self->cases->len);

  g_signal_emit (self, signals[CASE_CHOSEN], 0, g_ptr_array_index (self->cases, index));
  gtk_window_close (GTK_WINDOW (self));
}
