/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcCaseForm: every field of a case, in groups, bound to an MbcCase. Every field starts
 * unknown and can be set back to unknown: spin buttons show "Unknown" below their range
 * (and have a button to clear them), combo rows start with "Unknown", and the metastatic
 * sites are unknown while none is checked. Problems (a value out of range, counts that
 * cannot all be true) are written at the field, in words.
 */
#define G_LOG_DOMAIN "mbc-case-form"

#include "config.h"

#include <adwaita.h>

#include "mbc-case-form.h"
#include "mbc-problem.h"

struct _MbcCaseForm
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkWidget  *box;
  GtkWidget  *patient_group;
  GtkWidget  *biology_group;
  GtkWidget  *disease_group;
  GtkWidget  *response_group;
  GtkWidget  *surgical_group;

  /* owned */
  MbcCase    *kase;

  /* borrowed: one row (where problems are shown) and one control (focus) a field */
  GtkWidget  *rows[MBC_CASE_N_FIELDS];
  GtkWidget  *controls[MBC_CASE_N_FIELDS];
  GtkWidget  *site_checks[8];
  gboolean    updating_sites;
};

G_DEFINE_FINAL_TYPE (MbcCaseForm, mbc_case_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Spin buttons hold one step below the field's minimum for "unknown". */
static double
step_of (MbcCaseField field)
{
  return mbc_case_field_get_kind (field) == MBC_CASE_KIND_NUMBER ? 0.1 : 1;
}

static double
unknown_value (MbcCaseField field)
{
  double min;
  mbc_case_field_get_range (field, &min, NULL);
  return min - step_of (field);
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = NULL;

  if (value <= unknown_value (field) + step_of (field) / 2)
    text = g_strdup ("Unknown");
  else
    text = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (spin), value);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double value;

  if (*text == '\0' || g_ascii_strcasecmp (text, "unknown") == 0)
    {
      *new_value = unknown_value (field);
      return TRUE;
    }
  value = g_strtod (text, &end);
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;
  *new_value = value;
  return TRUE;
}

static gboolean
model_to_spin (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  double value = G_VALUE_HOLDS_INT (from) ? g_value_get_int (from) : g_value_get_double (from);

  g_value_set_double (to, value < 0 ? unknown_value (field) : value);
  return TRUE;
}

static gboolean
spin_to_model (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  double value = g_value_get_double (from);
  gboolean unknown = value <= unknown_value (field) + step_of (field) / 2;

  if (G_VALUE_HOLDS_INT (to))
    g_value_set_int (to, unknown ? -1 : (int) (value + 0.5));
  else
    g_value_set_double (to, unknown ? -1 : value);
  return TRUE;
}

static gboolean
model_to_selected (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  const char * const *choices = mbc_case_field_get_choices (field);
  const char *value = g_value_get_string (from);

  g_value_set_uint (to, 0);
  for (guint i = 0; choices[i]; i++)
    if (g_strcmp0 (choices[i], value) == 0)
      g_value_set_uint (to, i + 1);
  return TRUE;
}

static gboolean
selected_to_model (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  const char * const *choices = mbc_case_field_get_choices (field);
  guint selected = g_value_get_uint (from);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) choices))
    g_value_set_string (to, "unknown");
  else
    g_value_set_string (to, choices[selected - 1]);
  return TRUE;
}

static char *
property_name (MbcCaseField field)
{
  char *name = g_strdup (mbc_case_field_get_name (field));
  g_strdelimit (name, "_", '-');
  return name;
}

static void
clear_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  MbcCaseForm *self = g_object_get_data (G_OBJECT (button), "mbc-form");
  mbc_case_set_unknown (self->kase, GPOINTER_TO_UINT (user_data));
}

static void
add_number_row (MbcCaseForm  *self,
                GtkWidget    *group,
                MbcCaseField  field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin;
  GtkWidget *clear;
  GtkAdjustment *adjustment;
  g_autofree char *prop = property_name (field);
  g_autofree char *clear_label = NULL;
  double min, max;
  gboolean number = mbc_case_field_get_kind (field) == MBC_CASE_KIND_NUMBER;

  mbc_case_field_get_range (field, &min, &max);
  adjustment = gtk_adjustment_new (unknown_value (field), unknown_value (field), max,
                                   step_of (field), number ? 1 : 5, 0);
  spin = gtk_spin_button_new (adjustment, step_of (field), number ? 1 : 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 8);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), GUINT_TO_POINTER (field));
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), GUINT_TO_POINTER (field));

  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  clear_label = g_strdup_printf ("Set %s to unknown", mbc_case_field_get_title (field));
  gtk_widget_set_tooltip_text (clear, clear_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  clear_label, -1);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  g_object_set_data (G_OBJECT (clear), "mbc-form", self);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_clicked_cb), GUINT_TO_POINTER (field));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mbc_case_field_get_title (field));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  /* The row labels its activatable widget: the spin button's name is the row's title. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  g_object_bind_property_full (self->kase, prop, adjustment, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               model_to_spin, spin_to_model, GUINT_TO_POINTER (field), NULL);
  self->rows[field] = row;
  self->controls[field] = spin;
}

static void
add_choice_row (MbcCaseForm  *self,
                GtkWidget    *group,
                MbcCaseField  field)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new (NULL);
  const char * const *choices = mbc_case_field_get_choices (field);
  g_autofree char *prop = property_name (field);

  gtk_string_list_append (model, "Unknown");
  for (guint i = 0; choices[i]; i++)
    gtk_string_list_append (model, mbc_case_field_get_choice_title (field, choices[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_unref (model);
  /* libadwaita names the row by its title. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mbc_case_field_get_title (field));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_bind_property_full (self->kase, prop, row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               model_to_selected, selected_to_model, GUINT_TO_POINTER (field),
                               NULL);
  self->rows[field] = row;
  self->controls[field] = row;
}

/* No label is an empty entry, and an emptied entry is no label. */
static gboolean
label_to_text (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *label = g_value_get_string (from);
  g_value_set_string (to, label ? label : "");
  return TRUE;
}

static gboolean
text_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  g_value_set_string (to, text && *text ? text : NULL);
  return TRUE;
}

static void
add_label_row (MbcCaseForm *self,
               GtkWidget   *group)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 mbc_case_field_get_title (MBC_CASE_FIELD_LABEL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_bind_property_full (self->kase, "label", row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               label_to_text, text_to_label, NULL, NULL);
  self->rows[MBC_CASE_FIELD_LABEL] = row;
  self->controls[MBC_CASE_FIELD_LABEL] = row;
}

static void
site_toggled_cb (GtkCheckButton *check,
                 MbcCaseForm    *self)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) value = NULL;

  if (self->updating_sites)
    return;
  for (guint i = 0; sites[i]; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->site_checks[i])))
      g_strv_builder_add (builder, sites[i]);
  value = g_strv_builder_end (builder);
  /* None checked: the sites are unknown. */
  g_object_set (self->kase, "metastatic-sites", value[0] ? value : NULL, NULL);
}

static void
sync_sites (MbcCaseForm *self)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  g_auto(GStrv) value = NULL;
  g_autofree char *summary = NULL;

  g_object_get (self->kase, "metastatic-sites", &value, NULL);
  self->updating_sites = TRUE;
  for (guint i = 0; sites[i]; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->site_checks[i]),
                                 value && g_strv_contains ((const char * const *) value, sites[i]));
  self->updating_sites = FALSE;

  summary = mbc_case_format_value (self->kase, MBC_CASE_FIELD_METASTATIC_SITES);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->rows[MBC_CASE_FIELD_METASTATIC_SITES]),
                                 value ? summary : "Unknown: check every site involved");
  gtk_widget_set_visible (self->rows[MBC_CASE_FIELD_LIVER_LESION_COUNT],
                          value && g_strv_contains ((const char * const *) value, "liver"));
  gtk_widget_set_visible (self->rows[MBC_CASE_FIELD_LUNG_LESION_COUNT],
                          value && g_strv_contains ((const char * const *) value, "lung"));
}

static void
add_sites_row (MbcCaseForm *self,
               GtkWidget   *group)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 mbc_case_field_get_title (MBC_CASE_FIELD_METASTATIC_SITES));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  for (guint i = 0; sites[i]; i++)
    {
      const char *title = mbc_case_field_get_choice_title (MBC_CASE_FIELD_METASTATIC_SITES,
                                                           sites[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      g_signal_connect (check, "toggled", G_CALLBACK (site_toggled_cb), self);
      self->site_checks[i] = check;
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  self->rows[MBC_CASE_FIELD_METASTATIC_SITES] = expander;
  self->controls[MBC_CASE_FIELD_METASTATIC_SITES] = self->site_checks[0];
}

static void
add_field (MbcCaseForm  *self,
           GtkWidget    *group,
           MbcCaseField  field)
{
  switch (mbc_case_field_get_kind (field))
    {
    case MBC_CASE_KIND_LABEL:
      add_label_row (self, group);
      break;
    case MBC_CASE_KIND_INT:
    case MBC_CASE_KIND_NUMBER:
      add_number_row (self, group, field);
      break;
    case MBC_CASE_KIND_BOOL:
    case MBC_CASE_KIND_CHOICE:
      add_choice_row (self, group, field);
      break;
    case MBC_CASE_KIND_SET:
      add_sites_row (self, group);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Problems of the case, each at its field, in words. */
static void
show_problems (MbcCaseForm *self)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();

  mbc_case_validate (self->kase, problems);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      GtkWidget *row = self->rows[f];
      if (row == NULL || f == MBC_CASE_FIELD_METASTATIC_SITES)
        continue;
      gtk_widget_remove_css_class (row, "error");
      if (ADW_IS_ACTION_ROW (row))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const MbcProblem *problem = g_ptr_array_index (problems, i);
      int field = mbc_case_field_from_problem (problem->where);
      g_autofree char *text = NULL;

      if (field < 0 || self->rows[field] == NULL)
        continue;
      text = g_strdup_printf ("%s %s", mbc_case_field_get_title (field), problem->message);
      gtk_widget_add_css_class (self->rows[field], "error");
      if (ADW_IS_ACTION_ROW (self->rows[field]))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[field]), text);
      else if (ADW_IS_EXPANDER_ROW (self->rows[field]))
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->rows[field]), text);
      else
        gtk_widget_set_tooltip_text (self->rows[field], text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->controls[field]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
}

static void
case_changed_cb (MbcCaseForm *self)
{
  sync_sites (self);
  show_problems (self);
}

static void
build (MbcCaseForm *self)
{
  static const struct { MbcCaseField field; guint group; } layout[] = {
    { MBC_CASE_FIELD_LABEL, 0 }, { MBC_CASE_FIELD_AGE_YEARS, 0 },
    { MBC_CASE_FIELD_MENOPAUSAL_STATUS, 0 }, { MBC_CASE_FIELD_ECOG, 0 },
    { MBC_CASE_FIELD_ER_STATUS, 1 }, { MBC_CASE_FIELD_PR_STATUS, 1 },
    { MBC_CASE_FIELD_HER2_STATUS, 1 },
    { MBC_CASE_FIELD_METASTATIC_SITES, 2 }, { MBC_CASE_FIELD_METASTATIC_LESION_COUNT, 2 },
    { MBC_CASE_FIELD_LIVER_LESION_COUNT, 2 }, { MBC_CASE_FIELD_LUNG_LESION_COUNT, 2 },
    { MBC_CASE_FIELD_SYSTEMIC_THERAPY_COMPLETED, 3 }, { MBC_CASE_FIELD_METASTATIC_RESPONSE, 3 },
    { MBC_CASE_FIELD_BREAST_RESPONSE, 3 }, { MBC_CASE_FIELD_RESPONSE_IMAGING, 3 },
    { MBC_CASE_FIELD_RESIDUAL_BREAST_SIZE_CM, 3 },
    { MBC_CASE_FIELD_NEGATIVE_MARGINS, 4 }, { MBC_CASE_FIELD_FIT_FOR_SURGERY, 4 },
    { MBC_CASE_FIELD_AXILLARY_NODES, 4 },
  };
  GtkWidget *groups[] = {
    self->patient_group, self->biology_group, self->disease_group, self->response_group,
    self->surgical_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    add_field (self, groups[layout[i].group], layout[i].field);
  g_signal_connect_object (self->kase, "changed", G_CALLBACK (case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  case_changed_cb (self);
}

static void
mbc_case_form_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MbcCaseForm *self = MBC_CASE_FORM (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_case_form_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MbcCaseForm *self = MBC_CASE_FORM (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_case_form_constructed (GObject *object)
{
  MbcCaseForm *self = MBC_CASE_FORM (object);

  G_OBJECT_CLASS (mbc_case_form_parent_class)->constructed (object);
  if (self->kase == NULL)
    self->kase = mbc_case_new ();
  build (self);
}

static void
mbc_case_form_dispose (GObject *object)
{
  MbcCaseForm *self = MBC_CASE_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_CASE_FORM);
  G_OBJECT_CLASS (mbc_case_form_parent_class)->dispose (object);
}

static void
mbc_case_form_finalize (GObject *object)
{
  MbcCaseForm *self = MBC_CASE_FORM (object);

  g_clear_object (&self->kase);
  G_OBJECT_CLASS (mbc_case_form_parent_class)->finalize (object);
}

static void
mbc_case_form_class_init (MbcCaseFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mbc_case_form_constructed;
  object_class->dispose = mbc_case_form_dispose;
  object_class->finalize = mbc_case_form_finalize;
  object_class->get_property = mbc_case_form_get_property;
  object_class->set_property = mbc_case_form_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, MBC_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-case-form.ui");
  /* Bound so that gtk_widget_dispose_template() unparents it. */
  gtk_widget_class_bind_template_child (widget_class, MbcCaseForm, box);
  gtk_widget_class_bind_template_child (widget_class, MbcCaseForm, patient_group);
  gtk_widget_class_bind_template_child (widget_class, MbcCaseForm, biology_group);
  gtk_widget_class_bind_template_child (widget_class, MbcCaseForm, disease_group);
  gtk_widget_class_bind_template_child (widget_class, MbcCaseForm, response_group);
  gtk_widget_class_bind_template_child (widget_class, MbcCaseForm, surgical_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mbc_case_form_init (MbcCaseForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mbc_case_form_new (MbcCase *kase)
{
  return g_object_new (MBC_TYPE_CASE_FORM, "case", kase, NULL);
}

MbcCase *
mbc_case_form_get_case (MbcCaseForm *self)
{
  g_return_val_if_fail (MBC_IS_CASE_FORM (self), NULL);
  return self->kase;
}

/**
 * mbc_case_form_get_control:
 *
 * Returns: (transfer none): the widget that edits @field.
 */
GtkWidget *
mbc_case_form_get_control (MbcCaseForm  *self,
                           MbcCaseField  field)
{
  g_return_val_if_fail (MBC_IS_CASE_FORM (self), NULL);
  g_return_val_if_fail (field < MBC_CASE_N_FIELDS, NULL);
  return self->controls[field];
}

GtkWidget *
mbc_case_form_get_site_check (MbcCaseForm *self,
                              const char  *site)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);

  g_return_val_if_fail (MBC_IS_CASE_FORM (self), NULL);
  for (guint i = 0; sites[i]; i++)
    if (g_strcmp0 (sites[i], site) == 0)
      return self->site_checks[i];
  return NULL;
}

/* Shows and focuses the control of @field (for "Answer these to decide"). */
void
mbc_case_form_focus_field (MbcCaseForm  *self,
                           MbcCaseField  field)
{
  GtkWidget *control;

  g_return_if_fail (MBC_IS_CASE_FORM (self));
  g_return_if_fail (field < MBC_CASE_N_FIELDS);

  control = self->controls[field];
  if (field == MBC_CASE_FIELD_METASTATIC_SITES)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->rows[field]), TRUE);
  if (control && gtk_widget_get_visible (control))
    gtk_widget_grab_focus (control);
}
