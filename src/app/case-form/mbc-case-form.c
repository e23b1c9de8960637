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

#include <math.h>
#include <string.h>

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
  GtkWidget  *decision_group;

  /* owned */
  MbcCase    *kase;

  /* borrowed: one row (where problems are shown) and one control (focus) a field */
  GtkWidget  *rows[MBC_CASE_N_FIELDS];
  GtkWidget  *controls[MBC_CASE_N_FIELDS];
  GtkWidget  *site_checks[8];
  GtkWidget  *site_box;
  /* the decision's rows and controls: its choice, its date, its note */
  GtkWidget  *decision_rows[3];
  GtkWidget  *decision_controls[3];
  char       *entry_problems[MBC_CASE_N_FIELDS];  /* what was typed and refused, or NULL */
  char       *label_refused;  /* the label's text when something typed in it was refused */
  /* where each field's value came from (an import), and the value it was: the note goes
   * once the value is changed */
  char       *notes[MBC_CASE_N_FIELDS];
  char       *noted_values[MBC_CASE_N_FIELDS];
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

enum {
  CLEARED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Spin buttons hold -1 for "unknown", below anything that can be typed (no sign can be),
 * and go up to the largest number of as many digits as the field's maximum: a typed value
 * past the field's range is kept as typed, with its problem shown at the field (never
 * changed to the nearest allowed value, nor to unknown). */
#define FORM_UNKNOWN (-1.0)

/* A number is taken as typed once typing pauses this long, as the other fields are taken
 * at once: the draft and the result follow what is on screen without leaving the field. */
#define FORM_TYPING_PAUSE_MS 400

static double
form_step_of (MbcCaseField field)
{
  return mbc_case_field_get_kind (field) == MBC_CASE_KIND_NUMBER ? 0.1 : 1;
}

static guint
form_digits_of (MbcCaseField field)
{
  double max;
  mbc_case_field_get_range (field, NULL, &max);
  return (guint) floor (log10 (MAX (max, 1))) + 1;
}

static double
form_upper_of (MbcCaseField field)
{
  return pow (10, form_digits_of (field)) - form_step_of (field);
}

static gboolean
form_is_unknown (double value)
{
  return value < -0.5;
}

static gboolean
form_spin_output_cb (GtkSpinButton *spin,
                     gpointer       user_data)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = NULL;
  const char *now = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;

  /* Empty when unknown: the placeholder says "Unknown", and so does the value's text for a
   * screen reader. */
  if (form_is_unknown (value))
    gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                    _("Unknown"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
  if (form_is_unknown (value))
    text = g_strdup ("");
  else
    {
      /* What was typed stays as typed while it means this value ("2.50", "2,5"). */
      g_autofree char *typed = g_strdelimit (g_strdup (now), ",", '.');
      double parsed = g_ascii_strtod (typed, &end);
      if (*typed && end && *end == '\0' && fabs (parsed - value) < 1e-9)
        return TRUE;
      text = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (spin), value);
    }
  if (g_strcmp0 (now, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The text as a value; %FALSE when it is not a number (only a decimal separator). */
static gboolean
form_parse_number (const char *text,
                   double     *value)
{
  g_autofree char *typed = g_strdelimit (g_strstrip (g_strdup (text)), ",", '.');
  char *end = NULL;

  if (*typed == '\0' || g_ascii_strcasecmp (typed, "unknown") == 0 ||
      g_utf8_collate (typed, _("Unknown")) == 0)
    {
      *value = FORM_UNKNOWN;
      return TRUE;
    }
  *value = g_ascii_strtod (typed, &end);
  return end != typed && *end == '\0' && *value >= 0;
}

static void form_show_problems (MbcCaseForm *self);

static int
form_spin_input_cb (GtkSpinButton *spin,
                    double        *new_value,
                    gpointer       user_data)
{
  MbcCaseForm *self = g_object_get_data (G_OBJECT (spin), "mbc-form");
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  g_object_set_data (G_OBJECT (spin), "mbc-typed", GINT_TO_POINTER (TRUE));
  if (form_parse_number (text, new_value))
    {
      g_clear_pointer (&self->entry_problems[field], g_free);
      return TRUE;
    }
  /* Not a number: said at the field, and the field is unknown until it is one. */
  g_free (self->entry_problems[field]);
  self->entry_problems[field] = g_strdup_printf (_("“%s” is not a number"), text);
  *new_value = FORM_UNKNOWN;
  form_show_problems (self);
  return TRUE;
}

/* The arrows and the keyboard's Up and Down step from unknown to the field's minimum and
 * back, and stop at its maximum; a value typed past either is left as typed. */
static void
form_spin_value_changed_cb (GtkSpinButton *spin,
                            gpointer       user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  double value = gtk_spin_button_get_value (spin);
  double old = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "mbc-old")) / 10.0;
  gboolean typed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "mbc-typed"));
  double min, max;

  mbc_case_field_get_range (field, &min, &max);
  g_object_set_data (G_OBJECT (spin), "mbc-typed", GINT_TO_POINTER (FALSE));
  if (!typed && !form_is_unknown (value))
    {
      if (value < min && form_is_unknown (old))
        value = min;
      else if (value < min)
        value = FORM_UNKNOWN;
      else if (value > max && old <= max)
        value = max;
      if (value != gtk_spin_button_get_value (spin))
        {
          gtk_spin_button_set_value (spin, value);
          return;
        }
    }
  g_object_set_data (G_OBJECT (spin), "mbc-old", GINT_TO_POINTER ((int) lround (value * 10)));
}

static gboolean
form_spin_pause_cb (gpointer data)
{
  GtkSpinButton *spin = data;

  g_object_steal_data (G_OBJECT (spin), "mbc-pause");
  /* Parsed as leaving the field would: "input" sets the value or says the problem. */
  if (gtk_widget_get_root (GTK_WIDGET (spin)) != NULL)
    gtk_spin_button_update (spin);
  /* A text that was already the value changes nothing: the next arrow step is a step. */
  g_object_set_data (G_OBJECT (spin), "mbc-typed", GINT_TO_POINTER (FALSE));
  return G_SOURCE_REMOVE;
}

static void
form_remove_source (gpointer id)
{
  g_source_remove (GPOINTER_TO_UINT (id));
}

/* Each change of the text (re)starts the pause after which it is taken. */
static void
form_spin_changed_cb (GtkEditable *spin,
                      gpointer     user_data)
{
  guint id = g_timeout_add (FORM_TYPING_PAUSE_MS, form_spin_pause_cb, spin);

  g_source_set_name_by_id (id, "[mbc] number typed");
  g_object_set_data_full (G_OBJECT (spin), "mbc-pause", GUINT_TO_POINTER (id),
                          form_remove_source);
}

/* Only what can be part of a number is typed or pasted: digits, and a decimal separator in
 * a number with a fraction. Anything else is refused where it is typed, and said there. */
static void
form_spin_insert_text_cb (GtkEditable *editable,
                          const char  *text,
                          int          length,
                          int         *position,
                          gpointer     user_data)
{
  MbcCaseField field = GPOINTER_TO_UINT (user_data);
  GtkWidget *spin = gtk_widget_get_ancestor (GTK_WIDGET (editable), GTK_TYPE_SPIN_BUTTON);
  MbcCaseForm *self = g_object_get_data (G_OBJECT (spin), "mbc-form");
  gboolean fraction = mbc_case_field_get_kind (field) == MBC_CASE_KIND_NUMBER;
  g_autoptr(GString) kept = g_string_new (NULL);
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p++)
    if (g_ascii_isdigit (*p) || (fraction && (*p == '.' || *p == ',')))
      g_string_append_c (kept, *p);
  if (kept->len == (gsize) (end - text))
    return;
  g_signal_stop_emission_by_name (editable, "insert-text");
  gtk_widget_error_bell (spin);
  g_free (self->entry_problems[field]);
  self->entry_problems[field] = g_strdup (fraction ? _("only digits and a decimal point can be "
                                                       "typed here")
                                                   : _("only digits can be typed here"));
  form_show_problems (self);
  if (kept->len > 0)
    {
      g_signal_handlers_block_by_func (editable, form_spin_insert_text_cb, user_data);
      gtk_editable_insert_text (editable, kept->str, (int) kept->len, position);
      g_signal_handlers_unblock_by_func (editable, form_spin_insert_text_cb, user_data);
    }
}

static gboolean
form_model_to_spin (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  double value = G_VALUE_HOLDS_INT (from) ? g_value_get_int (from) : g_value_get_double (from);

  g_value_set_double (to, value < 0 ? FORM_UNKNOWN : value);
  return TRUE;
}

static gboolean
form_spin_to_model (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  double value = g_value_get_double (from);
  gboolean unknown = form_is_unknown (value);

  if (G_VALUE_HOLDS_INT (to))
    g_value_set_int (to, unknown ? -1 : (int) lround (value));
  else
    g_value_set_double (to, unknown ? -1 : value);
  return TRUE;
}

/* The clear button is there only for a known value. */
static gboolean
form_known_to_sensitive (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      user_data)
{
  g_value_set_boolean (to, !form_is_unknown (g_value_get_double (from)));
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
form_name_control_text (GtkWidget  *control,
                        const char *title)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
form_name_control (GtkWidget    *control,
                   MbcCaseField  field)
{
  form_name_control_text (control, mbc_case_field_get_title (field));
}

static void
form_clear_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  MbcCaseForm *self = g_object_get_data (G_OBJECT (button), "mbc-form");
  MbcCaseField field = GPOINTER_TO_UINT (user_data);

  g_clear_pointer (&self->entry_problems[field], g_free);
  mbc_case_set_unknown (self->kase, field);
  form_show_problems (self);
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
  GtkEditable *text;
  g_autofree char *prop = mbc_case_field_dup_property_name (field);
  g_autofree char *clear_label = NULL;
  gboolean number = mbc_case_field_get_kind (field) == MBC_CASE_KIND_NUMBER;

  g_assert (MBC_IS_CASE_FORM (self));

  adjustment = gtk_adjustment_new (FORM_UNKNOWN, FORM_UNKNOWN, form_upper_of (field),
                                   form_step_of (field), number ? 1 : 5, 0);
  spin = gtk_spin_button_new (adjustment, form_step_of (field), number ? 1 : 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  g_object_set_data (G_OBJECT (spin), "mbc-form", self);
  g_object_set_data (G_OBJECT (spin), "mbc-old", GINT_TO_POINTER (-10));
  /* Wide enough for "Unknown" in the user's language, and for the largest value. */
  gtk_editable_set_width_chars (GTK_EDITABLE (spin),
                                MAX (8, (int) g_utf8_strlen (_("Unknown"), -1)));
  text = gtk_editable_get_delegate (GTK_EDITABLE (spin));
  gtk_text_set_placeholder_text (GTK_TEXT (text), _("Unknown"));
  gtk_text_set_input_purpose (GTK_TEXT (text),
                              number ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_DIGITS);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (spin), (int) form_digits_of (field) + 3);
  gtk_text_set_max_length (GTK_TEXT (text), (int) form_digits_of (field) + (number ? 3 : 0));
  g_signal_connect (text, "insert-text", G_CALLBACK (form_spin_insert_text_cb),
                    GUINT_TO_POINTER (field));
  g_signal_connect (spin, "output", G_CALLBACK (form_spin_output_cb),
                    GUINT_TO_POINTER (field));
  g_signal_connect (spin, "input", G_CALLBACK (form_spin_input_cb), GUINT_TO_POINTER (field));
  g_signal_connect (spin, "changed", G_CALLBACK (form_spin_changed_cb), NULL);
  g_signal_connect (spin, "value-changed", G_CALLBACK (form_spin_value_changed_cb),
                    GUINT_TO_POINTER (field));

  /* Not a tab stop of its own (emptying the field does the same from the keyboard), and
   * insensitive while the field is unknown. */
  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  clear_label = g_strdup_printf (_("Set %s to unknown"), mbc_case_field_get_title (field));
  mbc_tooltip_set_text (clear, clear_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  clear_label, -1);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (clear, FALSE);
  gtk_widget_add_css_class (clear, "flat");
  g_object_set_data (G_OBJECT (clear), "mbc-form", self);
  g_signal_connect (clear, "clicked", G_CALLBACK (form_clear_clicked_cb),
                    GUINT_TO_POINTER (field));
  g_object_bind_property_full (adjustment, "value", clear, "sensitive", G_BINDING_SYNC_CREATE,
                               form_known_to_sensitive, NULL, NULL, NULL);

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

/* Lets through what is typed or pasted in @editable (as its "insert-text" handler @handler
 * with @data) only if it is printable text on one line: no line break, tab or change of
 * writing direction, which a case file may not hold in the label or the decision's note.
 * Returns %TRUE when something was refused (and the rest inserted), with the error bell. */
static gboolean
form_filter_printable (GtkEditable *editable,
                       const char  *text,
                       int          length,
                       int         *position,
                       gpointer     handler,
                       gpointer     data)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  const char *end = length < 0 ? text + strlen (text) : text + length;
  gboolean refused = FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) || mbc_unichar_is_unsafe (c))
        refused = TRUE;
      else
        g_string_append_unichar (kept, c);
    }
  if (!refused)
    return FALSE;
  g_signal_stop_emission_by_name (editable, "insert-text");
  gtk_widget_error_bell (GTK_WIDGET (editable));
  if (kept->len > 0)
    {
      g_signal_handlers_block_by_func (editable, handler, data);
      gtk_editable_insert_text (editable, kept->str, (int) kept->len, position);
      g_signal_handlers_unblock_by_func (editable, handler, data);
    }
  return TRUE;
}

/* The label takes only what a case file may hold (form_filter_printable()), at most
 * MBC_CASE_LABEL_MAX_CHARS characters (the entry's maximum length). What is refused is said
 * at the field. */
static void
form_label_insert_text_cb (GtkEditable *editable,
                           const char  *text,
                           int          length,
                           int         *position,
                           MbcCaseForm *self)
{
  if (!form_filter_printable (editable, text, length, position, form_label_insert_text_cb, self))
    return;
  g_free (self->entry_problems[MBC_CASE_FIELD_LABEL]);
  self->entry_problems[MBC_CASE_FIELD_LABEL] =
    g_strdup (_("line breaks, tabs, invisible and other control characters cannot be part "
                "of it"));
  form_show_problems (self);
  g_free (self->label_refused);
  self->label_refused = g_strdup (gtk_editable_get_text (editable));
}

static void
form_add_label_row (MbcCaseForm *self,
                    GtkWidget   *group)
{
  GtkWidget *row = mbc_text_row_new (mbc_case_field_get_title (MBC_CASE_FIELD_LABEL), NULL);
  GtkWidget *entry = gtk_entry_new ();

  g_assert (MBC_IS_CASE_FORM (self));

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("A teaching or study code"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_max_length (GTK_ENTRY (entry), MBC_CASE_LABEL_MAX_CHARS);
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "insert-text",
                    G_CALLBACK (form_label_insert_text_cb), self);
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

/* The organs whose lesion count is asked for only when they are a site. */
static const struct { MbcCaseField field; const char *site; } form_organs[] = {
  { MBC_CASE_FIELD_LIVER_LESION_COUNT, "liver" },
  { MBC_CASE_FIELD_LUNG_LESION_COUNT, "lung" },
};

static void form_sites_set_current (MbcCaseForm *self,
                                    GtkWidget   *current);

static void
form_site_toggled_cb (GtkCheckButton *check,
                      MbcCaseForm    *self)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) cleared = g_ptr_array_new ();
  g_autoptr(MbcCase) before = NULL;
  g_auto(GStrv) value = NULL;

  if (self->updating_sites)
    return;
  /* A site clicked becomes the one Tab comes back to. */
  form_sites_set_current (self, GTK_WIDGET (check));
  for (guint i = 0; sites[i]; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->site_checks[i])))
      g_strv_builder_add (builder, sites[i]);
  value = g_strv_builder_end (builder);
  /* A count whose organ is no longer a site is hidden, so it is cleared (with undo): a
   * hidden field never keeps a value. */
  before = mbc_case_copy (self->kase);
  g_object_freeze_notify (G_OBJECT (self->kase));
  /* None checked: the sites are unknown. */
  g_object_set (self->kase, "metastatic-sites", value[0] ? value : NULL, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (form_organs); k++)
    if (!g_strv_contains ((const char * const *) value, form_organs[k].site) &&
        mbc_case_is_known (self->kase, form_organs[k].field))
      {
        mbc_case_set_unknown (self->kase, form_organs[k].field);
        g_ptr_array_add (cleared, (gpointer) mbc_case_field_get_title (form_organs[k].field));
      }
  g_object_thaw_notify (G_OBJECT (self->kase));
  if (cleared->len > 0)
    {
      g_autofree char *message = NULL;
      g_ptr_array_add (cleared, NULL);
      {
        g_autofree char *names = g_strjoinv (_(", "), (char **) cleared->pdata);
        message = g_strdup_printf (_("%s cleared"), names);
      }
      g_signal_emit (self, signals[CLEARED], 0, before, message);
    }
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
  {
    const char *shown = value ? summary : _("Unknown: check every site involved");
    g_autofree char *with_note = self->notes[MBC_CASE_FIELD_METASTATIC_SITES]
      ? g_strdup_printf ("%s\n%s", shown, self->notes[MBC_CASE_FIELD_METASTATIC_SITES]) : NULL;
    mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->rows[MBC_CASE_FIELD_METASTATIC_SITES]),
                               with_note ? with_note : shown);
  }
  /* A count is asked for when its organ is a site, and shown whenever it holds a value
   * (a file may give one for an organ that is not a site: its problem is shown there). */
  for (guint k = 0; k < G_N_ELEMENTS (form_organs); k++)
    gtk_widget_set_visible (self->rows[form_organs[k].field],
                            (value && g_strv_contains ((const char * const *) value,
                                                       form_organs[k].site)) ||
                            mbc_case_is_known (self->kase, form_organs[k].field));
}

/* The sites are one group and one tab stop: Tab enters at the site last focused (or the
 * first), the arrow keys move between sites, Space checks one, and Tab leaves. Only the
 * current check can take the focus (a roving tab stop): "can-focus", not "focusable", as a
 * check button that is not focusable still claims to have taken the focus. */
static void
form_sites_set_current (MbcCaseForm *self,
                        GtkWidget   *current)
{
  g_assert (MBC_IS_CASE_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->site_checks) && self->site_checks[i]; i++)
    gtk_widget_set_can_focus (self->site_checks[i], self->site_checks[i] == current);
}

static void
form_sites_rove (MbcCaseForm *self,
                 guint        to)
{
  g_assert (MBC_IS_CASE_FORM (self));

  form_sites_set_current (self, self->site_checks[to]);
  gtk_widget_grab_focus (self->site_checks[to]);
}

static gboolean
form_sites_key_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   MbcCaseForm           *self)
{
  guint n = g_strv_length ((char **) mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES));
  guint current = 0;
  int step;

  for (guint i = 0; i < n; i++)
    if (gtk_widget_has_focus (self->site_checks[i]))
      current = i;
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_Down: case GDK_KEY_KP_Down:
      step = 1;
      break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_Up: case GDK_KEY_KP_Up:
      step = -1;
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      form_sites_rove (self, 0);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      form_sites_rove (self, n - 1);
      return TRUE;
    default:
      return FALSE;
    }
  if ((step < 0 && current == 0) || (step > 0 && current + 1 == n))
    return TRUE;  /* the group's ends: the focus stays in it */
  form_sites_rove (self, current + step);
  return TRUE;
}


/* The sites: a row for the field (its summary, or what is wrong with it) with, under its
 * title, the check buttons in a compact group of two columns. */
static void
form_add_sites_row (MbcCaseForm *self,
                    GtkWidget   *group)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  const char *title = mbc_case_field_get_title (MBC_CASE_FIELD_METASTATIC_SITES);
  GtkWidget *header = mbc_text_row_new (title, NULL);
  /* A grid, not a flow box: a flow box moves the focus among its own children. */
  GtkWidget *box = gtk_grid_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_assert (MBC_IS_CASE_FORM (self));

  gtk_grid_set_column_homogeneous (GTK_GRID (box), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (box), 6);
  gtk_widget_add_css_class (box, "sites");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (form_sites_key_cb), self);
  gtk_widget_add_controller (box, keys);
  for (guint i = 0; sites[i]; i++)
    {
      const char *name = mbc_case_field_get_choice_title (MBC_CASE_FIELD_METASTATIC_SITES,
                                                          sites[i]);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *text = mbc_wrapping_label_new ("site");

      /* A long name wraps, so that two columns fit a narrow window. */
      gtk_label_set_text (GTK_LABEL (text), name);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);

      gtk_grid_attach (GTK_GRID (box), check, (int) i % 2, (int) i / 2, 1, 1);
      gtk_widget_set_can_focus (check, i == 0);
      g_signal_connect (check, "toggled", G_CALLBACK (form_site_toggled_cb), self);
      self->site_checks[i] = check;
    }
  /* In the field's own row: a list box enters a section at its first row's controls. */
  mbc_text_row_set_below (MBC_TEXT_ROW (header), box);
  mbc_section_add (MBC_SECTION (group), header);
  self->site_box = box;
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

/* Problems of the case, each at its field, in words; and what was typed and refused. */
static void
form_show_problems (MbcCaseForm *self)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  gboolean shown[MBC_CASE_N_FIELDS] = { FALSE, };

  g_assert (MBC_IS_CASE_FORM (self));

  mbc_case_validate (self->kase, problems);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      GtkWidget *row = self->rows[f];
      if (row == NULL || f == MBC_CASE_FIELD_METASTATIC_SITES)
        continue;
      gtk_widget_remove_css_class (row, "error");
      mbc_text_row_set_subtitle (MBC_TEXT_ROW (row), self->notes[f]);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->controls[f]),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const MbcProblem *problem = g_ptr_array_index (problems, i);
      int field = mbc_case_field_from_problem (problem->where);
      g_autofree char *text = NULL;

      if (field < 0 || self->rows[field] == NULL || shown[field])
        continue;
      text = g_strdup_printf ("%s %s", mbc_case_field_get_title (field), problem->message);
      shown[field] = TRUE;
      gtk_widget_add_css_class (self->rows[field], "error");
      mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->rows[field]), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->controls[field]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  /* The decision's problems ("decision.date: …"), at its rows. */
  for (guint k = 0; k < 3 && self->decision_rows[k]; k++)
    {
      static const char *const where[] = { "decision.choice", "decision.date", "decision.note" };
      const char *text = NULL;

      for (guint i = 0; i < problems->len && text == NULL; i++)
        {
          const MbcProblem *problem = g_ptr_array_index (problems, i);
          if (g_strcmp0 (problem->where, where[k]) == 0)
            text = problem->message;
        }
      if (text)
        {
          g_autofree char *words = g_strdup_printf ("%s %s", mbc_text_row_get_title (
                                                      MBC_TEXT_ROW (self->decision_rows[k])),
                                                    text);
          gtk_widget_add_css_class (self->decision_rows[k], "error");
          mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->decision_rows[k]), words);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->decision_controls[k]),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words, -1);
        }
      else
        {
          gtk_widget_remove_css_class (self->decision_rows[k], "error");
          mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->decision_rows[k]), NULL);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (self->decision_controls[k]),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    if (self->entry_problems[f] && self->rows[f] && !shown[f])
      {
        g_autofree char *text = g_strdup_printf ("%s: %s", mbc_case_field_get_title (f),
                                                 self->entry_problems[f]);
        gtk_widget_add_css_class (self->rows[f], "error");
        mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->rows[f]), text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->controls[f]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      }
}

static void
form_case_changed_cb (MbcCaseForm *self)
{
  g_assert (MBC_IS_CASE_FORM (self));

  /* A note of where a value came from goes once the value is changed. */
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    if (self->notes[f])
      {
        g_autoptr(JsonNode) node = mbc_case_dup_field_json (self->kase, f);
        g_autofree char *now = node ? json_to_string (node, FALSE) : NULL;
        if (g_strcmp0 (now, self->noted_values[f]) != 0)
          {
            g_clear_pointer (&self->notes[f], g_free);
            g_clear_pointer (&self->noted_values[f], g_free);
          }
      }
  /* What was refused as it was typed is said until the field changes to a number. */
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      double value;
      if (f == MBC_CASE_FIELD_LABEL)
        {
          if (self->entry_problems[f] &&
              g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->controls[f])),
                         self->label_refused) != 0)
            g_clear_pointer (&self->entry_problems[f], g_free);
        }
      else if (self->entry_problems[f] &&
          form_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->controls[f])), &value))
        g_clear_pointer (&self->entry_problems[f], g_free);
    }

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

/* --- The clinician's decision: not an input; the rules never read it ---------------------- */

static const char *const form_decision_properties[] = {
  "decision-choice", "decision-date", "decision-note",
};

static gboolean
form_decision_to_selected (GBinding     *binding,
                           const GValue *from,
                           GValue       *to,
                           gpointer      user_data)
{
  const char * const *choices = mbc_case_decision_get_choices ();
  const char *value = g_value_get_string (from);

  g_value_set_uint (to, 0);
  for (guint i = 0; choices[i]; i++)
    if (g_strcmp0 (choices[i], value) == 0)
      g_value_set_uint (to, i + 1);
  return TRUE;
}

static gboolean
form_selected_to_decision (GBinding     *binding,
                           const GValue *from,
                           GValue       *to,
                           gpointer      user_data)
{
  const char * const *choices = mbc_case_decision_get_choices ();
  guint selected = g_value_get_uint (from);

  g_value_set_string (to, selected == 0 || selected > g_strv_length ((char **) choices)
                          ? NULL : choices[selected - 1]);
  return TRUE;
}

/* The note takes printable text on one line, as the label does; what is refused is said. */
static void
form_note_insert_text_cb (GtkEditable *editable,
                          const char  *text,
                          int          length,
                          int         *position,
                          MbcCaseForm *self)
{
  if (form_filter_printable (editable, text, length, position, form_note_insert_text_cb, self))
    mbc_text_row_set_subtitle (MBC_TEXT_ROW (self->decision_rows[2]),
                               _("Line breaks, tabs and other control characters cannot be "
                                 "part of the note."));
}

static void
form_add_decision (MbcCaseForm *self)
{
  static const char *titles[] = { N_("Decision"), N_("Date of the decision"), N_("Note") };
  const char * const *choices = mbc_case_decision_get_choices ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) choice_titles = NULL;

  g_assert (MBC_IS_CASE_FORM (self));

  g_strv_builder_add (builder, _("Not recorded"));
  for (guint i = 0; choices[i]; i++)
    g_strv_builder_add (builder, mbc_case_decision_get_choice_title (choices[i]));
  choice_titles = g_strv_builder_end (builder);
  self->decision_controls[0] = mbc_choice_button_new (_(titles[0]),
                                                      (const char * const *) choice_titles);
  g_object_bind_property_full (self->kase, form_decision_properties[0],
                               self->decision_controls[0], "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               form_decision_to_selected, form_selected_to_decision, NULL, NULL);
  for (guint k = 1; k < 3; k++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      form_name_control_text (entry, _(titles[k]));
      g_object_bind_property_full (self->kase, form_decision_properties[k], entry, "text",
                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                   form_label_to_text, form_text_to_label, NULL, NULL);
      self->decision_controls[k] = entry;
    }
  /* TRANSLATORS: how the date of the decision is written */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->decision_controls[1]), _("YYYY-MM-DD"));
  gtk_entry_set_max_length (GTK_ENTRY (self->decision_controls[1]), 10);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->decision_controls[1]), 11);
  /* The section's description says that the note must not identify the patient: a
   * placeholder saying it would be cut short in a narrow field. */
  gtk_entry_set_max_length (GTK_ENTRY (self->decision_controls[2]), MBC_CASE_DECISION_NOTE_MAX_CHARS);
  gtk_widget_set_hexpand (self->decision_controls[2], TRUE);
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->decision_controls[2])),
                    "insert-text", G_CALLBACK (form_note_insert_text_cb), self);
  for (guint k = 0; k < 3; k++)
    {
      self->decision_rows[k] = mbc_text_row_new (_(titles[k]), NULL);
      mbc_text_row_add_suffix (MBC_TEXT_ROW (self->decision_rows[k]), self->decision_controls[k]);
      mbc_section_add (MBC_SECTION (self->decision_group), self->decision_rows[k]);
    }
}

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
  form_add_decision (self);
  for (guint i = FIRST_DEFERRED; i <= 4; i++)
    gtk_widget_set_visible (form_section (self, i), TRUE);
  gtk_widget_set_visible (self->decision_group, TRUE);
  form_show_problems (self);
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

  for (guint i = FIRST_DEFERRED; i <= 4; i++)
    gtk_widget_set_visible (form_section (self, i), FALSE);
  gtk_widget_set_visible (self->decision_group, FALSE);
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
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    {
      g_free (self->entry_problems[i]);
      g_free (self->notes[i]);
      g_free (self->noted_values[i]);
    }
  g_free (self->label_refused);
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
  /**
   * MbcCaseForm::cleared:
   * @before: the case as it was before the fields were cleared
   * @message: which fields were cleared, for people
   *
   * Fields that the form no longer shows were cleared (a count whose organ is no longer a
   * site): restoring @before undoes it.
   */
  signals[CLEARED] = g_signal_new ("cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, MBC_TYPE_CASE,
                                   G_TYPE_STRING);
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
  gtk_widget_class_bind_template_child (widget_class, MbcCaseForm, decision_group);
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

/**
 * mbc_case_form_set_note:
 * @note: (nullable): where the field's value came from, for people; %NULL for none
 *
 * Shows @note under the field (an input with a problem shows its problem instead) until
 * its value is changed.
 */
void
mbc_case_form_set_note (MbcCaseForm  *self,
                        MbcCaseField  field,
                        const char   *note)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (MBC_IS_CASE_FORM (self));
  g_return_if_fail (field < MBC_CASE_N_FIELDS);

  node = mbc_case_dup_field_json (self->kase, field);
  g_free (self->notes[field]);
  g_free (self->noted_values[field]);
  self->notes[field] = g_strdup (note);
  self->noted_values[field] = note && node ? json_to_string (node, FALSE) : NULL;
  form_sync_sites (self);
  form_show_problems (self);
}

/* No field has a note. */
void
mbc_case_form_clear_notes (MbcCaseForm *self)
{
  g_return_if_fail (MBC_IS_CASE_FORM (self));

  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    {
      g_clear_pointer (&self->notes[f], g_free);
      g_clear_pointer (&self->noted_values[f], g_free);
    }
  form_sync_sites (self);
  form_show_problems (self);
}

/**
 * mbc_case_form_get_decision_control:
 * @part: 0 for the decision's choice, 1 its date, 2 its note
 *
 * Returns: (transfer none) (nullable): the widget that edits it (once every section is built).
 */
GtkWidget *
mbc_case_form_get_decision_control (MbcCaseForm *self,
                                    guint        part)
{
  g_return_val_if_fail (MBC_IS_CASE_FORM (self), NULL);
  g_return_val_if_fail (part < 3, NULL);
  return self->decision_controls[part];
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
  /* The sites are entered at the one that takes the focus. */
  for (guint i = 0; field == MBC_CASE_FIELD_METASTATIC_SITES && i < 8 && self->site_checks[i];
       i++)
    if (gtk_widget_get_can_focus (self->site_checks[i]))
      control = self->site_checks[i];
  if (control && gtk_widget_get_visible (control))
    gtk_widget_grab_focus (control);
}
