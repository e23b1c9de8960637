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
  GtkWidget *toggle;      /* (nullable): the heading as a button, when collapsible */
  GtkWidget *arrow;
  GPtrArray *extras;      /* what mbc_section_append() added */
  gboolean   expanded;
};

G_DEFINE_FINAL_TYPE (MbcSection, mbc_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is shown: the description when it says something, the list when it has rows, the
 * rest always; none of them while collapsed. */
static void
section_sync (MbcSection *self)
{
  gboolean open = self->toggle == NULL || self->expanded;

  gtk_widget_set_visible (self->description,
                          open && *gtk_label_get_text (GTK_LABEL (self->description)));
  gtk_widget_set_visible (self->list, open && gtk_widget_get_first_child (self->list) != NULL);
  for (guint i = 0; i < self->extras->len; i++)
    gtk_widget_set_visible (self->extras->pdata[i], open);
  if (self->toggle)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->arrow), self->expanded ? "pan-down-symbolic"
                                                                            : "pan-end-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_STATE_EXPANDED,
                                   self->expanded, -1);
    }
}

static void
section_toggle_clicked_cb (MbcSection *self)
{
  mbc_section_set_expanded (self, !self->expanded);
}

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
  g_clear_pointer (&MBC_SECTION (object)->extras, g_ptr_array_unref);
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

  self->extras = g_ptr_array_new ();
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
  section_sync (self);
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
  section_sync (self);
}

/* Below the rows, for what is not a row (the poll charts). */
void
mbc_section_append (MbcSection *self,
                    GtkWidget  *widget)
{
  g_return_if_fail (MBC_IS_SECTION (self));
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  g_ptr_array_add (self->extras, widget);
  section_sync (self);
}

/**
 * mbc_section_set_collapsible:
 *
 * Makes the heading a button that shows and hides the rest of the section, which starts
 * hidden. Once only.
 */
void
mbc_section_set_collapsible (MbcSection *self)
{
  GtkWidget *box;

  g_return_if_fail (MBC_IS_SECTION (self));
  g_return_if_fail (self->toggle == NULL);

  self->toggle = gtk_button_new ();
  /* The arrow beside the heading, the button as wide as they are: it reads as one. */
  gtk_widget_set_halign (self->toggle, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->toggle, "flat");
  gtk_widget_add_css_class (self->toggle, "section-toggle");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->arrow = gtk_image_new_from_icon_name ("pan-end-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "", -1);
  g_object_ref (self->heading);
  gtk_widget_unparent (self->heading);
  gtk_box_append (GTK_BOX (box), self->heading);
  g_object_unref (self->heading);
  gtk_box_append (GTK_BOX (box), self->arrow);
  gtk_button_set_child (GTK_BUTTON (self->toggle), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->toggle),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL, -1);
  gtk_widget_insert_after (self->toggle, GTK_WIDGET (self), NULL);
  g_signal_connect_swapped (self->toggle, "clicked", G_CALLBACK (section_toggle_clicked_cb),
                            self);
  self->expanded = FALSE;
  section_sync (self);
}

gboolean
mbc_section_get_expanded (MbcSection *self)
{
  g_return_val_if_fail (MBC_IS_SECTION (self), FALSE);
  return self->toggle == NULL || self->expanded;
}

void
mbc_section_set_expanded (MbcSection *self,
                          gboolean    expanded)
{
  g_return_if_fail (MBC_IS_SECTION (self));

  if (self->toggle == NULL || self->expanded == !!expanded)
    return;
  self->expanded = !!expanded;
  section_sync (self);
}
