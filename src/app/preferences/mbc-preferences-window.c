/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcPreferencesWindow: the paper of reports and teaching mode's counts, each row bound to
 * its settings key (g_settings_bind), so the settings are the only copy of either.
 */
#define G_LOG_DOMAIN "mbc-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "mbc-preferences-window.h"
#include "mbc-report.h"

struct _MbcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkWidget            *paper_row;
  GtkStringList        *papers;
  GtkWidget            *hide_counts_switch;

  GSettings            *settings;
};

enum
{
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows of the paper row, in order, and the nicks of the paper-size key they stand for. */
static const char *const paper_nicks[] = { "automatic", "a4", "letter" };

G_DEFINE_FINAL_TYPE (MbcPreferencesWindow, mbc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
preferences_paper_from_setting (GValue   *value,
                                GVariant *variant,
                                gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paper_nicks); i++)
    if (g_strcmp0 (nick, paper_nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
preferences_paper_to_setting (const GValue       *value,
                              const GVariantType *type,
                              gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  return row < G_N_ELEMENTS (paper_nicks) ? g_variant_new_string (paper_nicks[row]) : NULL;
}

static void
mbc_preferences_window_constructed (GObject *object)
{
  MbcPreferencesWindow *self = MBC_PREFERENCES_WINDOW (object);
  /* "Automatic" says what it gives here. */
  g_autofree char *automatic = g_strdup_printf (_("Automatic (%s)"),
                                                mbc_paper_from_locale () == MBC_PAPER_LETTER
                                                ? _("Letter") : _("A4"));
  const char *const first[] = { automatic, NULL };

  G_OBJECT_CLASS (mbc_preferences_window_parent_class)->constructed (object);
  g_assert (G_IS_SETTINGS (self->settings));

  gtk_string_list_splice (self->papers, 0, 1, first);
  g_settings_bind_with_mapping (self->settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, preferences_paper_from_setting,
                                preferences_paper_to_setting, NULL, NULL);
  g_settings_bind (self->settings, "teaching-hide-counts", self->hide_counts_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
mbc_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MbcPreferencesWindow *self = MBC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MbcPreferencesWindow *self = MBC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_preferences_window_dispose (GObject *object)
{
  MbcPreferencesWindow *self = MBC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (mbc_preferences_window_parent_class)->dispose (object);
}

static void
mbc_preferences_window_class_init (MbcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mbc_preferences_window_constructed;
  object_class->dispose = mbc_preferences_window_dispose;
  object_class->get_property = mbc_preferences_window_get_property;
  object_class->set_property = mbc_preferences_window_set_property;

  /** MbcPreferencesWindow:settings: the application's settings, which the rows are bound to. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbcPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MbcPreferencesWindow, papers);
  gtk_widget_class_bind_template_child (widget_class, MbcPreferencesWindow, hide_counts_switch);
}

static void
mbc_preferences_window_init (MbcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mbc_preferences_window_new:
 * @parent: (nullable): the window it is for
 * @settings: the application's settings
 */
GtkWidget *
mbc_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (MBC_TYPE_PREFERENCES_WINDOW, "transient-for", parent,
                       "settings", settings, NULL);
}
