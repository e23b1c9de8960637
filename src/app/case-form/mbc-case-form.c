/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcCaseForm: every field of a case, in groups, bound to an MbcCase. Every field starts
 * unknown and can be set back to unknown: spin buttons show "Unknown" below their range
 * (and have a button to clear them), choice buttons start with "Unknown", and the metastatic
 * sites are unknown while none is checked. Problems (a value out of range, counts that
 * cannot all be true) are written at the field, in words.
 */
#define G_LOG_DOMAIN "mbc-case-form"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "mbc-case-form.h"
#include "mbc-choice-button.h"
#include "mbc-problem.h"
#include "mbc-section.h"
#include "mbc-text-row.h"
#include "mbc-tooltip.h"

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
  gboolean    complete;
};

G_DEFINE_FINAL_TYPE (MbcCaseForm, mbc_case_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Spin buttons hold one step below the field's minimum for "unknown". */
static double
form_step_of (MbcCaseField field)
{
  return mbc_case_field_get_kind (field) == MBC_CASE_KIND_NUMBER ? 0.1 : 1;
}

static double
form_unknown_value (MbcCaseField field)
{
  double min;
  mbc_case_field_get_range (field, &min, NULL);
  return min - form_step_of (field);
}

static gboolean
form_spin_output_cb (GtkSpinButton *spin,
                     gpointer       user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = NULL;

  if (value <= form_unknown_value (field) + form_step_of (field) / 2)
    text = g_strdup (_("Unknown"));
  else
    text = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (spin), value);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
form_spin_input_cb (GtkSpinButton *spin,
                    double        *new_value,
                    gpointer       user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double value;

  if (*text == '\0' || g_ascii_strcasecmp (text, "unknown") == 0 ||
      g_utf8_collate (text, _("Unknown")) == 0)
    {
      *new_value = form_unknown_value (field);
      return TRUE;
    }
  value = g_strtod (text, &end);
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;
  *new_value = value;
  return TRUE;
}

static gboolean
form_model_to_spin (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  double value = G_VALUE_HOLDS_INT (from) ? g_value_get_int (from) : g_value_get_double (from);

  g_value_set_double (to, value < 0 ? form_unknown_value (field) : value);
  return TRUE;
}

static gboolean
form_spin_to_model (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  double value = g_value_get_double (from);
  gboolean unknown = value <= form_unknown_value (field) + form_step_of (field) / 2;

  if (G_VALUE_HOLDS_INT (to))
    g_value_set_int (to, unknown ? -1 : (int) (value + 0.5));
  else
    g_value_set_double (to, unknown ? -1 : value);
  return TRUE;
}

static gboolean
form_model_to_selected (GBinding     *binding,
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
form_selected_to_model (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  const char * const *choices = mbc_case_field_get_choices (field);
  guint selected = g_value_get_uint (from);

  if (selected == 0 || selected > g_strv_length ((char **) choices))
    g_value_set_string (to, "unknown");
  else
    g_value_set_string (to, choices[selected - 1]);
  return TRUE;
}

/* A control is named by its row's title, as a screen reader should read it. */
static void
form_name_control (GtkWidget    *control,
                   MbcCaseField  field)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mbc_case_field_get_title (field), -1);
}

/* A site's row toggles its check button. */
static void
form_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       MbcCaseForm   *self)
{
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "mbc-check");

  if (check)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                 !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static void
form_clear_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  MbcCaseForm *self = g_object_get_data (G_OBJECT (button), "mbc-form");
  mbc_case_set_unknown (self->kase, GPOINTER_TO_UINT (user_data));
}

static void
form_add_number_row (MbcCaseForm  *self,
                     GtkWidget    *group,
                     MbcCaseField  field)
{
  GtkWidget *row = mbc_text_row_new (mbc_case_field_get_title (field), NULL);
  GtkWidget *spin;
  GtkWidget *clear;
  GtkAdjustment *adjustment;
  g_autofree char *prop = mbc_case_field_dup_property_name (field);
  g_autofree char *clear_label = NULL;
  double min, max;
  gboolean number = mbc_case_field_get_kind (field) == MBC_CASE_KIND_NUMBER;

  g_assert (MBC_IS_CASE_FORM (self));

  mbc_case_field_get_range (field, &min, &max);
  adjustment = gtk_adjustment_new (form_unknown_value (field), form_unknown_value (field), max,
                                   form_step_of (field), number ? 1 : 5, 0);
  spin = gtk_spin_button_new (adjustment, form_step_of (field), number ? 1 : 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  /* Wide enough for "Unknown" in the user's language, and for the largest value. */
  gtk_editable_set_width_chars (GTK_EDITABLE (spin),
                                MAX (8, (int) g_utf8_strlen (_("Unknown"), -1)));
  g_signal_connect (spin, "output", G_CALLBACK (form_spin_output_cb),
                    GUINT_TO_POINTER (field));
  g_signal_connect (spin, "input", G_CALLBACK (form_spin_input_cb), GUINT_TO_POINTER (field));

  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  clear_label = g_strdup_printf (_("Set %s to unknown"), mbc_case_field_get_title (field));
  mbc_tooltip_set_text (clear, clear_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  clear_label, -1);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  g_object_set_data (G_OBJECT (clear), "mbc-form", self);
  g_signal_connect (clear, "clicked", G_CALLBACK (form_clear_clicked_cb),
                    GUINT_TO_POINTER (field));

  form_name_control (spin, field);
  mbc_text_row_add_suffix (MBC_TEXT_ROW (row), spin);
  mbc_text_row_add_suffix (MBC_TEXT_ROW (row), clear);
  mbc_section_add (MBC_SECTION (group), row);

  g_object_bind_property_full (self->kase, prop, adjustment, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               form_model_to_spin, form_spin_to_model, GUINT_TO_POINTER (field),
                               NULL);
  self->rows[field] = row;
  self->controls[field] = spin;
}

static void
form_add_choice_row (MbcCaseForm  *self,
                     GtkWidget    *group,
                     MbcCaseField  field)
{
  GtkWidget *row = mbc_text_row_new (mbc_case_field_get_title (field), NULL);
  const char * const *choices = mbc_case_field_get_choices (field);
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *prop = mbc_case_field_dup_property_name (field);
  GtkWidget *button;

  g_assert (MBC_IS_CASE_FORM (self));

  g_strv_builder_add (titles, _("Unknown"));
  for (guint i = 0; choices[i]; i++)
    g_strv_builder_add (titles, mbc_case_field_get_choice_title (field, choices[i]));
  strv = g_strv_builder_end (titles);
  button = mbc_choice_button_new (mbc_case_field_get_title (field), (const char * const *) strv);
  mbc_text_row_add_suffix (MBC_TEXT_ROW (row), button);
  mbc_section_add (MBC_SECTION (group), row);
  g_object_bind_property_full (self->kase, prop, button, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               form_model_to_selected, form_selected_to_model,
                               GUINT_TO_POINTER (field), NULL);
  self->rows[field] = row;
  self->controls[field] = button;
}

/* No label is an empty entry, and an emptied entry is no label. */
static gboolean
form_label_to_text (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char *label = g_value_get_string (from);
  g_value_set_string (to, label ? label : "");
  return TRUE;
}

static gboolean
form_text_to_label (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  g_value_set_string (to, text && *text ? text : NULL);
  return TRUE;
}

static void
form_add_label_row (MbcCaseForm *self,
                    GtkWidget   *group)
{
  GtkWidget *row = mbc_text_row_new (mbc_case_field_get_title (MBC_CASE_FIELD_LABEL), NULL);
  GtkWidget *entry = gtk_entry_new ();

  g_assert (MBC_IS_CASE_FORM (self));

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "A teaching or study code");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_widget_set_hexpand (entry, TRUE);
  form_name_control (entry, MBC_CASE_FIELD_LABEL);
  mbc_text_row_add_suffix (MBC_TEXT_ROW (row), entry);
  mbc_section_add (MBC_SECTION (group), row);
  g_object_bind_property_full (self->kase, "label", entry, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               form_label_to_text, form_text_to_label, NULL, NULL);
  self->rows[MBC_CASE_FIELD_LABEL] = row;
  self->controls[MBC_CASE_FIELD_LABEL] = entry;
}

static void
form_site_toggled_cb (GtkCheckButton *check,
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
form_sync_sites (MbcCaseForm *self)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  g_auto(GStrv) value = NULL;
  g_autofree char *summary = NULL;

  g_assert (MBC_IS_CASE_FORM (self));

  if (self->rows[MBC_CASE_FIELD_METASTATIC_SITES] == NULL)
    return;  /* not built yet */
  g_object_get (self->kase, "metastatic-sites", &value, NULL);
  self->updating_sites = TRUE;
  for (guint i = 0; sites[i]; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->site_checks[i]),
                                 value && g_strv_contains ((const char * const *) value, sites[i]));
  self->updating_sites = FALSE;

  summary = mbc_case_format_value (self->kase, MBC_CASE_FIELD_METASTATIC_SITES);
  mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->rows[MBC_CASE_FIELD_METASTATIC_SITES]),
                             value ? summary : _("Unknown: check every site involved"));
  gtk_widget_set_visible (self->rows[MBC_CASE_FIELD_LIVER_LESION_COUNT],
                          value && g_strv_contains ((const char * const *) value, "liver"));
  gtk_widget_set_visible (self->rows[MBC_CASE_FIELD_LUNG_LESION_COUNT],
                          value && g_strv_contains ((const char * const *) value, "lung"));
}

/* The sites: a row for the field (its summary, or what is wrong with it) and a check row
 * for each site under it. Not an AdwExpanderRow: collapsing them would hide input, and its
 * arrow icon exists only as SVG, whose renderer costs 8 MiB at start-up. */
static void
form_add_sites_row (MbcCaseForm *self,
                    GtkWidget   *group)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  GtkWidget *header = mbc_text_row_new (mbc_case_field_get_title (MBC_CASE_FIELD_METASTATIC_SITES),
                                        NULL);

  g_assert (MBC_IS_CASE_FORM (self));

  mbc_section_add (MBC_SECTION (group), header);
  for (guint i = 0; sites[i]; i++)
    {
      const char *title = mbc_case_field_get_choice_title (MBC_CASE_FIELD_METASTATIC_SITES,
                                                           sites[i]);
      GtkWidget *row = mbc_text_row_new (title, NULL);
      GtkWidget *check = gtk_check_button_new ();

      /* The row toggles its check button (see form_row_activated_cb). */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      mbc_text_row_set_prefix (MBC_TEXT_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "mbc-check", check);
      gtk_widget_add_css_class (row, "site");
      mbc_section_add (MBC_SECTION (group), row);
      g_signal_connect (check, "toggled", G_CALLBACK (form_site_toggled_cb), self);
      self->site_checks[i] = check;
    }
  self->rows[MBC_CASE_FIELD_METASTATIC_SITES] = header;
  self->controls[MBC_CASE_FIELD_METASTATIC_SITES] = self->site_checks[0];
}

static void
form_add_field (MbcCaseForm  *self,
                GtkWidget    *group,
                MbcCaseField  field)
{
  g_assert (MBC_IS_CASE_FORM (self));

  switch (mbc_case_field_get_kind (field))
    {
    case MBC_CASE_KIND_LABEL:
      form_add_label_row (self, group);
      break;
    case MBC_CASE_KIND_INT:
    case MBC_CASE_KIND_NUMBER:
      form_add_number_row (self, group, field);
      break;
    case MBC_CASE_KIND_BOOL:
    case MBC_CASE_KIND_CHOICE:
      form_add_choice_row (self, group, field);
      break;
    case MBC_CASE_KIND_SET:
      form_add_sites_row (self, group);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Problems of the case, each at its field, in words. */
static void
form_show_problems (MbcCaseForm *self)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();

  g_assert (MBC_IS_CASE_FORM (self));

  mbc_case_validate (self->kase, problems);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      GtkWidget *row = self->rows[f];
      if (row == NULL || f == MBC_CASE_FIELD_METASTATIC_SITES)
        continue;
      gtk_widget_remove_css_class (row, "error");
      mbc_text_row_set_subtitle (MBC_TEXT_ROW (row), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->controls[f]),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
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
      mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->rows[field]), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->controls[field]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
}

static void
form_case_changed_cb (MbcCaseForm *self)
{
  g_assert (MBC_IS_CASE_FORM (self));

  form_sync_sites (self);
  form_show_problems (self);
}

/* Where each field goes; the sections from FIRST_DEFERRED on are built once the first
 * frame is painted, so that the window shows sooner (they are below the first screen). */
static const struct { MbcCaseField field; guint section; } layout[] = {
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
#define FIRST_DEFERRED 2

static GtkWidget *
form_section (MbcCaseForm *self,
              guint        index)
{
  GtkWidget *sections[] = {
    self->patient_group, self->biology_group, self->disease_group, self->response_group,
    self->surgical_group,
  };
  return sections[index];
}

static void
form_build_sections (MbcCaseForm *self,
                     guint        first,
                     guint        last)
{
  g_assert (MBC_IS_CASE_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    if (layout[i].section >= first && layout[i].section <= last)
      form_add_field (self, form_section (self, layout[i].section), layout[i].field);
  form_case_changed_cb (self);
}

static void
form_build_rest (MbcCaseForm *self)
{
  g_assert (MBC_IS_CASE_FORM (self));

  if (self->complete)
    return;
  self->complete = TRUE;
  form_build_sections (self, FIRST_DEFERRED, 4);
  for (guint i = FIRST_DEFERRED; i <= 4; i++)
    gtk_widget_set_visible (form_section (self, i), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
form_first_frame_cb (GdkFrameClock *clock,
                     MbcCaseForm   *self)
{
  g_signal_handlers_disconnect_by_func (clock, form_first_frame_cb, self);
  form_build_rest (self);
}

static void
mbc_case_form_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mbc_case_form_parent_class)->map (widget);
  if (!MBC_CASE_FORM (widget)->complete)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (form_first_frame_cb), widget, 0);
}

static void
form_build (MbcCaseForm *self)
{
  g_assert (MBC_IS_CASE_FORM (self));

  for (guint i = 0; i < 5; i++)
    g_signal_connect (mbc_section_get_list (MBC_SECTION (form_section (self, i))), "row-activated",
                      G_CALLBACK (form_row_activated_cb), self);
  for (guint i = FIRST_DEFERRED; i <= 4; i++)
    gtk_widget_set_visible (form_section (self, i), FALSE);
  form_build_sections (self, 0, FIRST_DEFERRED - 1);
  g_signal_connect_object (self->kase, "changed", G_CALLBACK (form_case_changed_cb), self,
                           G_CONNECT_SWAPPED);
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
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
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
  form_build (self);
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
  /**
   * MbcCaseForm:complete:
   *
   * Whether every field is built: the sections below the first screen are built once the
   * first frame is painted.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->map = mbc_case_form_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/mbc-case-form.ui");
  g_type_ensure (MBC_TYPE_SECTION);
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

gboolean
mbc_case_form_get_complete (MbcCaseForm *self)
{
  g_return_val_if_fail (MBC_IS_CASE_FORM (self), FALSE);
  return self->complete;
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

  form_build_rest (self);
  control = self->controls[field];
  if (control && gtk_widget_get_visible (control))
    gtk_widget_grab_focus (control);
}
