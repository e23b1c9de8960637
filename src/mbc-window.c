/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcWindow: the form on one side, the recommendation on the other, recomputed on every
 * change of the case. Fields with a problem are left out of the evaluation (they read as
 * unknown) while the form says what is wrong with them.
 */
#define G_LOG_DOMAIN "mbc-window"

#include "config.h"

#include <adwaita.h>

#include "mbc-adaptive-layout.h"
#include "mbc-case-form.h"
#include "mbc-evaluator.h"
#include "mbc-problem.h"
#include "mbc-result-view.h"
#include "mbc-window.h"

struct _MbcWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkWidget            *stack;
  GtkWidget            *scroller;
  GtkWidget            *columns;
  GtkWidget            *form;
  GtkWidget            *results;
  GtkWidget            *error_page;
  GtkWidget            *menu_button;
  GMenuModel           *primary_menu;

  /* owned */
  MbcGuideline         *guideline;
  MbcEvaluator         *evaluator;

  /* borrowed: the form's case */
  MbcCase              *kase;
  gint64                last_evaluation_us;
};

G_DEFINE_FINAL_TYPE (MbcWindow, mbc_window, ADW_TYPE_APPLICATION_WINDOW)

/* The case as it can be evaluated: a field with a problem counts as unknown. */
static MbcCase *
evaluable_copy (MbcCase *kase)
{
  MbcCase *copy = mbc_case_copy (kase);

  for (int round = 0; round < MBC_CASE_N_FIELDS; round++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      if (mbc_case_validate (copy, problems))
        break;
      for (guint i = 0; i < problems->len; i++)
        {
          int field = mbc_case_field_from_problem (((MbcProblem *) problems->pdata[i])->where);
          if (field >= 0)
            mbc_case_set_unknown (copy, field);
        }
    }
  return copy;
}

/* No guideline, no recommendation: say why instead of showing anything else. The icon is
 * set only now: it exists only as SVG, and loading the SVG renderer costs 8 MiB. */
static void
show_error (MbcWindow  *self,
            const char *message)
{
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->error_page), "dialog-error-symbolic");
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), message);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
}

static void
update (MbcWindow *self)
{
  g_autoptr(MbcCase) evaluable = NULL;
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (self->evaluator == NULL)
    return;
  evaluable = evaluable_copy (self->kase);
  start = g_get_monotonic_time ();
  result = mbc_evaluator_evaluate (self->evaluator, evaluable, &error);
  self->last_evaluation_us = g_get_monotonic_time () - start;
  if (result == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* "What would change this" is among the sections built after the first frame: found once
   * they are there (see results_complete_cb). */
  if (mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    changes = mbc_evaluator_what_would_change (self->evaluator, evaluable, result);
  mbc_result_view_set_result (MBC_RESULT_VIEW (self->results), result, changes);
}

/* The primary menu's popover is built when first opened, not with the window. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  MbcWindow *self = user_data;
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
results_complete_cb (MbcWindow *self)
{
  if (mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    update (self);
}

static void
focus_field_cb (MbcResultView *view,
                guint          field,
                MbcWindow     *self)
{
  GtkWidget *control = mbc_case_form_get_control (MBC_CASE_FORM (self->form), field);

  mbc_case_form_focus_field (MBC_CASE_FORM (self->form), field);
  /* In the stacked layout the form is above: bring the field into view. */
  if (control)
    {
      graphene_point_t point;
      if (gtk_widget_compute_point (control, self->columns, &GRAPHENE_POINT_INIT (0, 0), &point))
        {
          GtkAdjustment *adjustment =
            gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
          gtk_adjustment_clamp_page (adjustment, point.y, point.y + 60);
        }
    }
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  mbc_case_reset (self->kase);
}

/* The shortcuts window is built when first asked for: GtkApplication would build one for
 * every window as it opens if it were at gtk/help-overlay.ui. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/mbc-shortcuts-window.ui");
      gtk_application_window_set_help_overlay (
        window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static void
mbc_window_dispose (GObject *object)
{
  MbcWindow *self = MBC_WINDOW (object);

  if (self->kase)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_WINDOW);
  g_clear_object (&self->evaluator);
  g_clear_object (&self->guideline);
  G_OBJECT_CLASS (mbc_window_parent_class)->dispose (object);
}

static void
mbc_window_class_init (MbcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_window_dispose;

  g_type_ensure (MBC_TYPE_ADAPTIVE_LAYOUT);
  g_type_ensure (MBC_TYPE_CASE_FORM);
  g_type_ensure (MBC_TYPE_RESULT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mbc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, form);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, results);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, primary_menu);

  /* Ctrl+R and Ctrl+? are set by the application, so the menu shows them. */
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   show_shortcuts_action);
}

static void
mbc_window_init (MbcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kase = mbc_case_form_get_case (MBC_CASE_FORM (self->form));
  g_signal_connect_swapped (self->kase, "changed", G_CALLBACK (update), self);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_menu, self,
                                         NULL);
  g_signal_connect (self->results, "focus-field", G_CALLBACK (focus_field_cb), self);
  g_signal_connect_swapped (self->results, "notify::complete", G_CALLBACK (results_complete_cb),
                            self);
}

/**
 * mbc_window_new:
 * @app: the application
 * @guideline: (nullable): the guideline to use, or %NULL with @error_message
 * @error_message: (nullable): why the guideline could not be loaded
 */
MbcWindow *
mbc_window_new (GtkApplication *app,
                MbcGuideline   *guideline,
                const char     *error_message)
{
  MbcWindow *self = g_object_new (MBC_TYPE_WINDOW, "application", app, NULL);

  if (guideline == NULL)
    {
      show_error (self, error_message);
      return self;
    }
  self->guideline = g_object_ref (guideline);
  self->evaluator = mbc_evaluator_new (guideline);
  update (self);
  return self;
}

MbcCase *
mbc_window_get_case (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->kase;
}

GtkWidget *
mbc_window_get_form (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->form;
}

GtkWidget *
mbc_window_get_result_view (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->results;
}

/* Whether the form and the results have every section built (see MbcCaseForm:complete). */
gboolean
mbc_window_get_complete (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), FALSE);
  return mbc_case_form_get_complete (MBC_CASE_FORM (self->form)) &&
         (self->guideline == NULL ||
          mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)));
}

gint64
mbc_window_get_last_evaluation_us (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), 0);
  return self->last_evaluation_us;
}

/* @details, when given, is a list shown left-aligned and scrollable under @body. */
static void
show_problems_dialog (MbcWindow  *self,
                      GFile      *file,
                      const char *body,
                      const char *details)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf ("“%s” Could Not Be Opened", name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  if (details)
    {
      GtkWidget *label = gtk_label_new (details);
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "_Close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mbc_window_open_file:
 *
 * Shows the case in @file; an unreadable or invalid file gives a dialog listing every
 * problem, and the form keeps what it had.
 */
void
mbc_window_open_file (MbcWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) loaded = NULL;
  const char *data;
  gsize length;

  g_return_if_fail (MBC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      show_problems_dialog (self, file, error->message, NULL);
      return;
    }
  data = g_bytes_get_data (bytes, &length);
  loaded = mbc_case_new_from_data (data, length, problems);
  if (loaded == NULL)
    {
      g_autoptr(GString) details = g_string_new (NULL);
      g_autofree char *body = g_strdup_printf ("It is not a valid case file. %u problem%s:",
                                               problems->len, problems->len == 1 ? "" : "s");
      for (guint i = 0; i < problems->len; i++)
        {
          const MbcProblem *p = g_ptr_array_index (problems, i);
          g_string_append_printf (details, "%s• %s: %s", i ? "\n" : "", p->where, p->message);
        }
      show_problems_dialog (self, file, body, details->str);
      return;
    }
  mbc_case_assign (self->kase, loaded);
}
