/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcChoiceButton: a button showing the current choice; it opens a menu of every choice as
 * radio items. Lighter than GtkDropDown, which builds a popover, a scrolled list view and
 * an item factory from a template for each instance: the menu here is built the first time
 * it is opened. The choice is the state of the action "choice.select" (a uint32 index), so
 * the menu's radio items show it and activating one sets it.
 *
 * For a screen reader the button is named by @title (the row's visible label) and
 * described by the current choice.
 *
 * Delete when the minimum GTK builds a GtkDropDown's popover only when it opens (GTK 4.8
 * builds it with each instance): check with bench/startup.py that AdwComboRow costs no
 * more on the form.
 */
#define G_LOG_DOMAIN "mbc-choice-button"

#include "config.h"

#include "mbc-choice-button.h"
#include "mbc-tooltip.h"

struct _MbcChoiceButton
{
  GtkWidget      parent_instance;

  GtkWidget     *button;
  GtkWidget     *label;
  GSimpleAction *action;
  char          *title;
  GStrv          choices;
  guint          selected;
};

G_DEFINE_FINAL_TYPE (MbcChoiceButton, mbc_choice_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The menu, the first time the button is opened. */
static void
choice_create_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  MbcChoiceButton *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; self->choices[i]; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->choices[i], NULL);
      g_menu_item_set_action_and_target_value (item, "choice.select", g_variant_new_uint32 (i));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
choice_select_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  mbc_choice_button_set_selected (user_data, g_variant_get_uint32 (parameter));
}

static void
mbc_choice_button_dispose (GObject *object)
{
  MbcChoiceButton *self = MBC_CHOICE_BUTTON (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (mbc_choice_button_parent_class)->dispose (object);
}

static void
mbc_choice_button_finalize (GObject *object)
{
  MbcChoiceButton *self = MBC_CHOICE_BUTTON (object);

  g_clear_object (&self->action);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->choices, g_strfreev);
  G_OBJECT_CLASS (mbc_choice_button_parent_class)->finalize (object);
}

static void
mbc_choice_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, MBC_CHOICE_BUTTON (object)->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_choice_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SELECTED:
      mbc_choice_button_set_selected (MBC_CHOICE_BUTTON (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
mbc_choice_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (MBC_CHOICE_BUTTON (widget)->button);
}

static void
mbc_choice_button_class_init (MbcChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_choice_button_dispose;
  object_class->finalize = mbc_choice_button_finalize;
  object_class->get_property = mbc_choice_button_get_property;
  object_class->set_property = mbc_choice_button_set_property;
  widget_class->grab_focus = mbc_choice_button_grab_focus;

  /**
   * MbcChoiceButton:selected:
   *
   * The index of the current choice.
   */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "choicebutton");
}

static void
mbc_choice_button_init (MbcChoiceButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  self->label = gtk_label_new (NULL);
  /* A long choice wraps rather than being cut short ("Achievable with br…"). */
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 24);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), choice_create_popup,
                                         self, NULL);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  self->action = g_simple_action_new_stateful ("select", G_VARIANT_TYPE_UINT32,
                                               g_variant_new_uint32 (0));
  g_signal_connect (self->action, "activate", G_CALLBACK (choice_select_activated), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "choice", G_ACTION_GROUP (group));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/**
 * mbc_choice_button_new:
 * @title: what is chosen: the accessible name
 * @choices: the choices' titles, in order; the first is selected
 */
GtkWidget *
mbc_choice_button_new (const char         *title,
                       const char * const *choices)
{
  MbcChoiceButton *self = g_object_new (MBC_TYPE_CHOICE_BUTTON, NULL);

  g_return_val_if_fail (choices != NULL && choices[0] != NULL, NULL);
  self->title = g_strdup (title);
  self->choices = g_strdupv ((char **) choices);
  /* The group and the menu button; the toggle button inside it, which takes the focus, is
   * labelled by the menu button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  self->selected = G_MAXUINT;
  mbc_choice_button_set_selected (self, 0);
  return GTK_WIDGET (self);
}

const char * const *
mbc_choice_button_get_choices (MbcChoiceButton *self)
{
  g_return_val_if_fail (MBC_IS_CHOICE_BUTTON (self), NULL);
  return (const char * const *) self->choices;
}

guint
mbc_choice_button_get_selected (MbcChoiceButton *self)
{
  g_return_val_if_fail (MBC_IS_CHOICE_BUTTON (self), 0);
  return self->selected;
}

void
mbc_choice_button_set_selected (MbcChoiceButton *self,
                                guint            selected)
{
  g_return_if_fail (MBC_IS_CHOICE_BUTTON (self));
  g_return_if_fail (selected < g_strv_length (self->choices));

  if (selected == self->selected)
    return;
  self->selected = selected;
  g_simple_action_set_state (self->action, g_variant_new_uint32 (selected));
  gtk_label_set_text (GTK_LABEL (self->label), self->choices[selected]);
  mbc_tooltip_set_text (self->button, self->choices[selected]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->button)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->choices[selected],
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
