/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcSection: a part of the form or of the results: a heading, an optional description,
 * and a boxed list of rows, as AdwPreferencesGroup shows them. Plain labels in a vertical
 * layout: AdwPreferencesGroup puts its description in a horizontal GtkBox, where GTK 4.8
 * lays a wrapping label out dozens of times over (see mbc-text-row.c). Texts are plain,
 * not markup. The list is labelled by the heading for screen readers.
 *
 * Delete with MbcTextRow, when the minimum GTK lays a wrapping label in a horizontal box out
 * once per width (bench/startup.py shows it).
 */
#define G_LOG_DOMAIN "mbc-section"

#include "config.h"

#include "mbc-section.h"
#include "mbc-text-row.h"

struct _MbcSection
{
  GtkWidget  parent_instance;

  GtkWidget *heading;
  GtkWidget *description;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (MbcSection, mbc_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mbc_section_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MbcSection *self = MBC_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, mbc_section_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, mbc_section_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_section_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MbcSection *self = MBC_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      mbc_section_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      mbc_section_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_section_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (mbc_section_parent_class)->dispose (object);
}

static void
mbc_section_class_init (MbcSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mbc_section_get_property;
  object_class->set_property = mbc_section_set_property;
  object_class->dispose = mbc_section_dispose;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "section");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
mbc_section_init (MbcSection *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->heading = mbc_wrapping_label_new ("heading");
  self->description = mbc_wrapping_label_new ("dim-label");
  gtk_widget_set_visible (self->description, FALSE);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_margin_top (self->list, 6);
  gtk_widget_set_visible (self->list, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL, -1);
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));
  gtk_widget_set_parent (self->description, GTK_WIDGET (self));
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
}

GtkWidget *
mbc_section_new (const char *title,
                 const char *description)
{
  return g_object_new (MBC_TYPE_SECTION, "title", title, "description", description, NULL);
}

const char *
mbc_section_get_title (MbcSection *self)
{
  g_return_val_if_fail (MBC_IS_SECTION (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->heading));
}

void
mbc_section_set_title (MbcSection *self,
                       const char *title)
{
  g_return_if_fail (MBC_IS_SECTION (self));

  if (g_strcmp0 (title ? title : "", mbc_section_get_title (self)) == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->heading), title ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
mbc_section_get_description (MbcSection *self)
{
  g_return_val_if_fail (MBC_IS_SECTION (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->description));
}

void
mbc_section_set_description (MbcSection *self,
                             const char *description)
{
  g_return_if_fail (MBC_IS_SECTION (self));

  if (g_strcmp0 (description ? description : "", mbc_section_get_description (self)) == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->description), description ? description : "");
  gtk_widget_set_visible (self->description, description && *description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * mbc_section_get_list:
 *
 * Returns: (transfer none): the #GtkListBox of the section's rows
 */
GtkWidget *
mbc_section_get_list (MbcSection *self)
{
  g_return_val_if_fail (MBC_IS_SECTION (self), NULL);
  return self->list;
}

void
mbc_section_add (MbcSection *self,
                 GtkWidget  *row)
{
  g_return_if_fail (MBC_IS_SECTION (self));

  gtk_list_box_append (GTK_LIST_BOX (self->list), row);
  gtk_widget_set_visible (self->list, TRUE);
}

/* Below the rows, for what is not a row (the poll charts). */
void
mbc_section_append (MbcSection *self,
                    GtkWidget  *widget)
{
  g_return_if_fail (MBC_IS_SECTION (self));
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
}
