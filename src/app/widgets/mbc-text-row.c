/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcTextRow: a row of a boxed list with a title, wrapping text under it, an optional
 * prefix (a status icon) and suffixes (a status word, an arrow), looking like
 * AdwActionRow. The results are mostly paragraphs, and GTK 4.8 lays out a wrapping label
 * inside a horizontal GtkBox — as AdwActionRow and AdwPreferencesGroup do — dozens of
 * times over while searching widths; a GtkGrid lays it out once per width. Measured with
 * bench/startup.py: about 60 times fewer characters shaped for the same rows.
 *
 * Screen readers read the row by its title; the text under it is its description.
 *
 * Delete when the minimum GTK lays a wrapping label in a horizontal GtkBox out once per
 * width: then AdwActionRow does this (compare with bench/startup.py).
 */
#define G_LOG_DOMAIN "mbc-text-row"

#include "config.h"

#include "mbc-text-row.h"

struct _MbcTextRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *grid;
  GtkWidget     *title;
  GtkWidget     *subtitle;
  GtkWidget     *prefix;
  int            n_suffixes;
};

G_DEFINE_FINAL_TYPE (MbcTextRow, mbc_text_row, GTK_TYPE_LIST_BOX_ROW)

static void
mbc_text_row_class_init (MbcTextRowClass *klass)
{
}

static void
mbc_text_row_init (MbcTextRow *self)
{
  self->grid = gtk_grid_new ();
  gtk_widget_add_css_class (self->grid, "header");
  gtk_widget_set_valign (self->grid, GTK_ALIGN_CENTER);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 3);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 6);
  self->title = mbc_wrapping_label_new ("title");
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_grid_attach (GTK_GRID (self->grid), self->title, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  /* The control in the row is the tab stop, not the row. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "text-row");
}

/**
 * mbc_wrapping_label_new:
 *
 * Returns: (transfer floating): an empty, start-aligned label that wraps between words,
 * with @css_class; the rows and sections use it. Not PANGO_WRAP_WORD_CHAR: to find the
 * narrowest width such a label can take, Pango 1.50 tries a break after every character
 * and shapes that character with a hyphen each time, nearly 1,000 shapings as the window
 * opened. No word of the texts shown is wider than the narrowest column.
 */
GtkWidget *
mbc_wrapping_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
mbc_text_row_new (const char *title,
                  const char *subtitle)
{
  MbcTextRow *self = g_object_new (MBC_TYPE_TEXT_ROW, NULL);

  mbc_text_row_set_title (self, title);
  mbc_text_row_set_subtitle (self, subtitle);
  return GTK_WIDGET (self);
}

const char *
mbc_text_row_get_title (MbcTextRow *self)
{
  g_return_val_if_fail (MBC_IS_TEXT_ROW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->title));
}

/* Also the row's accessible name; set another after this one to override it. */
void
mbc_text_row_set_title (MbcTextRow *self,
                        const char *title)
{
  g_return_if_fail (MBC_IS_TEXT_ROW (self));

  if (g_strcmp0 (title, gtk_label_get_text (GTK_LABEL (self->title))) == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->title), title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
}

const char *
mbc_text_row_get_subtitle (MbcTextRow *self)
{
  g_return_val_if_fail (MBC_IS_TEXT_ROW (self), NULL);
  return self->subtitle ? gtk_label_get_text (GTK_LABEL (self->subtitle)) : "";
}

/* An unchanged text keeps its laid-out size: nothing is measured again. */
void
mbc_text_row_set_subtitle (MbcTextRow *self,
                           const char *subtitle)
{
  gboolean shown = subtitle && *subtitle;

  g_return_if_fail (MBC_IS_TEXT_ROW (self));

  /* Most rows never have one: the label is made the first time there is. */
  if (self->subtitle == NULL)
    {
      if (!shown)
        return;
      self->subtitle = mbc_wrapping_label_new ("subtitle");
      gtk_widget_set_hexpand (self->subtitle, TRUE);
      gtk_grid_attach (GTK_GRID (self->grid), self->subtitle, 1, 1, 1, 1);
    }
  gtk_widget_set_visible (self->subtitle, shown);
  if (g_strcmp0 (subtitle ? subtitle : "", gtk_label_get_text (GTK_LABEL (self->subtitle))) == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->subtitle), shown ? subtitle : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  shown ? subtitle : "", -1);
}

/* Replaces the prefix (@prefix may be %NULL). */
void
mbc_text_row_set_prefix (MbcTextRow *self,
                         GtkWidget  *prefix)
{
  g_return_if_fail (MBC_IS_TEXT_ROW (self));
  g_return_if_fail (prefix == NULL || GTK_IS_WIDGET (prefix));

  if (self->prefix)
    gtk_grid_remove (GTK_GRID (self->grid), self->prefix);
  self->prefix = prefix;
  if (prefix == NULL)
    return;
  gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (prefix, 6);
  gtk_grid_attach (GTK_GRID (self->grid), prefix, 0, 0, 1, 2);
}

/* Puts @below under the title and subtitle, across the row (a group of controls). */
void
mbc_text_row_set_below (MbcTextRow *self,
                        GtkWidget  *below)
{
  g_return_if_fail (MBC_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (below));

  gtk_widget_set_margin_top (below, 6);
  gtk_grid_attach (GTK_GRID (self->grid), below, 0, 2, 4, 1);
}

void
mbc_text_row_add_suffix (MbcTextRow *self,
                         GtkWidget  *suffix)
{
  g_return_if_fail (MBC_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (suffix));

  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (self->grid), suffix, 2 + self->n_suffixes++, 0, 1, 2);
}
