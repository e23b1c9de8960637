/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcWindow: the form on one side, the recommendation on the other, recomputed on every
 * change of the case (fields with a problem read as unknown: mbc_case_copy_evaluable()),
 * with the header, the title and the summary bar. Its other jobs have files of their own:
 * files, drafts, drops and closing in mbc-window-files.c; the library and teaching mode in
 * mbc-window-launch.c; the report in mbc-window-report.c.
 */
#define G_LOG_DOMAIN "mbc-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include <adwaita.h>

#include "mbc-adaptive-layout.h"
#include "mbc-case-form.h"
#include "mbc-document.h"
#include "mbc-evaluator.h"
#include "mbc-problem.h"
#include "mbc-result-view.h"
#include "mbc-tooltip.h"
#include "mbc-window.h"
#include "mbc-window-private.h"


G_DEFINE_FINAL_TYPE (MbcWindow, mbc_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* No guideline, no recommendation: say why instead of showing anything else. The icon is
 * set only now: it exists only as SVG, and loading the SVG renderer costs 8 MiB. */
static void
window_show_error (MbcWindow  *self,
                   const char *message)
{
  g_assert (MBC_IS_WINDOW (self));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->error_page), "dialog-error-symbolic");
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), message);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
}

/* Side by side, the form and the result scroll apart, so the result stays in view
 * whatever field has the focus. Stacked, each gives its whole height and the window's
 * scroller scrolls both, with the summary bar above (shown when there is a result). */
static void
window_layout_stacked_cb (MbcWindow *self)
{
  gboolean stacked = mbc_adaptive_layout_get_stacked (MBC_ADAPTIVE_LAYOUT (self->layout));
  MbcResult *result = mbc_result_view_get_result (MBC_RESULT_VIEW (self->results));
  GtkWidget *scrollers[] = { self->form_scroller, self->results_scroller };

  g_assert (MBC_IS_WINDOW (self));
  for (guint i = 0; i < G_N_ELEMENTS (scrollers); i++)
    {
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrollers[i]), GTK_POLICY_NEVER,
                                      stacked ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrollers[i]),
                                                        stacked);
    }
  gtk_widget_set_visible (self->summary_bar, stacked && result != NULL);
}

/* The scroller that scrolls @widget: the window's when stacked, else its column's. */
static GtkWidget *
window_scroller_of (MbcWindow *self,
                    GtkWidget *widget)
{
  g_assert (MBC_IS_WINDOW (self));

  if (mbc_adaptive_layout_get_stacked (MBC_ADAPTIVE_LAYOUT (self->layout)))
    return self->scroller;
  if (gtk_widget_is_ancestor (widget, self->results_scroller))
    return self->results_scroller;
  return self->form_scroller;
}

/* Brings all of @widget's row (its title, its control and its problem) into view. */
static void
window_scroll_into_view (MbcWindow *self,
                         GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *scroller = window_scroller_of (self, widget);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  g_assert (MBC_IS_WINDOW (self));

  if (row == NULL)
    row = widget;
  /* In what the adjustment counts: the viewport is the visible page, so its coordinates
   * plus the value (the form's margins included). */
  if (content == NULL || !gtk_widget_compute_bounds (row, content, &bounds))
    return;
  bounds.origin.y += gtk_adjustment_get_value (adjustment);
  /* A margin above and below, so that the row is not flush with the edge. */
  gtk_adjustment_clamp_page (adjustment, MAX (0, bounds.origin.y - 12),
                             bounds.origin.y + bounds.size.height + 12);
}

/* Whether the window scrolls to @focus: a widget of the form or the results, not of a menu
 * opened from them (a popover, with its own surface). */
static gboolean
window_scrolls_to (MbcWindow *self,
                   GtkWidget *focus)
{
  return (gtk_widget_is_ancestor (focus, self->form) ||
          gtk_widget_is_ancestor (focus, self->results)) &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL;
}

/* After the layout of the frame before: the focused widget back into view if its rows
 * moved it out (a problem appearing under the row Tab left grows it, after the focus moved). */
static gboolean
window_keep_in_view_tick (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  MbcWindow *self = MBC_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->keep_in_view_tick = 0;
  if (focus && self->keyboard_focus && window_scrolls_to (self, focus))
    window_scroll_into_view (self, focus);
  return G_SOURCE_REMOVE;
}

static void
window_keep_in_view (MbcWindow *self)
{
  if (self->keep_in_view_tick == 0 && self->keyboard_focus)
    self->keep_in_view_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                            window_keep_in_view_tick,
                                                            NULL, NULL);
}

/* The form and the results scroll to a widget only for the keyboard's focus, and only when
 * it is out of view (gtk_adjustment_clamp_page): a click never moves what is under the
 * pointer. (Their viewports' own scroll-to-focus is off: it scrolls for a click too.) */
static void
window_focus_changed_cb (MbcWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_assert (MBC_IS_WINDOW (self));
  if (!self->keyboard_focus || focus == NULL || !window_scrolls_to (self, focus))
    return;
  window_scroll_into_view (self, focus);
  window_keep_in_view (self);
}

static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       MbcWindow             *self)
{
  self->keyboard_focus = TRUE;
  return GDK_EVENT_PROPAGATE;
}

/* A press of the pointer (or a touch): seen, never claimed (no gesture of its own), so it
 * goes on to what is under the pointer. */
static gboolean
window_event_cb (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 MbcWindow                *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN)
    self->keyboard_focus = FALSE;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
window_result_to_heading (GBinding     *binding,
                          const GValue *from,
                          GValue       *to,
                          gpointer      user_data)
{
  MbcResult *result = g_value_get_object (from);
  MbcResultView *view = MBC_RESULT_VIEW (g_binding_dup_source (binding));

  /* As the view heads it (with nothing entered, what to do first). */
  g_value_set_string (to, result ? mbc_result_view_get_heading (view) : "");
  g_object_unref (view);
  return TRUE;
}

static gboolean
window_result_to_evidence (GBinding     *binding,
                           const GValue *from,
                           GValue       *to,
                           gpointer      user_data)
{
  MbcResult *result = g_value_get_object (from);
  const MbcEvidence *evidence;
  g_autofree char *title = NULL, *line = NULL;

  if (result == NULL)
    {
      g_value_set_string (to, "");
      return TRUE;
    }
  /* Labelled as the wide view's block is: its title first, in bold. */
  evidence = mbc_guideline_get_evidence (mbc_result_get_guideline (result));
  title = g_markup_escape_text (evidence->title, -1);
  line = g_markup_escape_text (evidence->line, -1);
  g_value_take_string (to, g_strdup_printf ("<b>%s</b>  %s", title, line));
  return TRUE;
}

/* The bar above the stacked layout shows the result's dated heading and the note under it
 * (bound to the result view's result); its accessible name says where it goes. */
static void
window_result_changed_cb (MbcWindow *self)
{
  MbcResult *result = mbc_result_view_get_result (MBC_RESULT_VIEW (self->results));
  g_autofree char *name = NULL;

  g_assert (MBC_IS_WINDOW (self));
  /* Under the heading, as the result view has it: the interpretation the deciding rule
   * rests on, and the cautions. */
  {
    g_autofree char *note = result ? mbc_result_view_get_under_heading (
                                       MBC_RESULT_VIEW (self->results)) : NULL;
    gtk_label_set_text (GTK_LABEL (self->summary_note), note ? note : "");
    gtk_widget_set_visible (self->summary_note, note != NULL);
  }
  /* The heading in the colour the pack's indicator gives the rule, as the wide view's. */
  {
    static const char * const indicators[][2] = {
      { "info", "success" }, { "warning", "warning" }, { "critical", "error" },
    };
    const char *indicator = result ? mbc_result_get_rule (result)->indicator : NULL;

    for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
      if (g_strcmp0 (indicator, indicators[i][0]) == 0 &&
          mbc_result_get_any_input_known (result))
        gtk_widget_add_css_class (self->summary_heading, indicators[i][1]);
      else
        gtk_widget_remove_css_class (self->summary_heading, indicators[i][1]);
  }
  if (result != NULL)
    {
      name = g_strdup_printf (_("%s. Go to the result"),
                              mbc_result_view_get_heading (MBC_RESULT_VIEW (self->results)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  window_layout_stacked_cb (self);
}

static void
window_update (MbcWindow *self)
{
  g_autoptr(MbcCase) evaluable = NULL;
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert (MBC_IS_WINDOW (self));

  if (self->evaluator == NULL)
    return;
  /* The view says which inputs have problems, apart from those not recorded. */
  {
    g_autoptr(GPtrArray) problems = mbc_problems_new ();
    mbc_case_validate (self->kase, problems);
    mbc_result_view_set_problems (MBC_RESULT_VIEW (self->results), problems);
  }
  evaluable = mbc_case_copy_evaluable (self->kase);
  start = g_get_monotonic_time ();
  result = mbc_evaluator_evaluate (self->evaluator, evaluable, &error);
  self->last_evaluation_us = g_get_monotonic_time () - start;
  if (result == NULL)
    {
      window_show_error (self, error->message);
      return;
    }
  /* "What would change this" is among the sections built after the first frame: found once
   * they are there (see window_results_complete_cb). */
  if (mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    {
      changes = mbc_evaluator_what_would_change (self->evaluator, evaluable, result);
      /* An input entered with a problem is recorded: it is corrected, not replaced. */
      for (guint i = changes->len; i > 0; i--)
        if (mbc_case_is_known (self->kase, ((MbcChange *) changes->pdata[i - 1])->field))
          g_ptr_array_remove_index (changes, i - 1);
    }
  mbc_result_view_set_result (MBC_RESULT_VIEW (self->results), result, changes);
}

/* The summary bar goes to the result, below the form when stacked. */
static void
window_summary_bar_clicked_cb (MbcWindow *self)
{
  g_assert (MBC_IS_WINDOW (self));

  graphene_point_t point;

  if (gtk_widget_compute_point (self->results, self->columns, &GRAPHENE_POINT_INIT (0, 0),
                                &point))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
      gtk_adjustment_set_value (adjustment, point.y);
    }
}

/* The primary menu's popover is built when first opened, not with the window. */
static void
window_create_menu (GtkMenuButton *button,
                    gpointer       user_data)
{
  MbcWindow *self = user_data;
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static GtkWidget *
window_header_button (MbcWindow  *self,
                      const char *icon,
                      const char *action,
                      const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  g_assert (MBC_IS_WINDOW (self));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  mbc_tooltip_set_text (button, name);
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header_bar), button);
  return button;
}

static void
window_results_complete_cb (MbcWindow *self)
{
  g_assert (MBC_IS_WINDOW (self));

  /* Open and the library, quick to reach beside the menu, once the first screen is up:
   * they are not needed for it, and cost a tenth of the time it takes. */
  if (self->open_button == NULL && mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    {
      self->open_button = window_header_button (self, "document-open-symbolic", "win.open",
                                         _("Open a Case"));
      self->library_button = window_header_button (self, "view-list-bullet-symbolic", "win.library",
                                            _("Case Library"));
    }
  if (mbc_result_view_get_complete (MBC_RESULT_VIEW (self->results)))
    window_update (self);
}

static void
window_focus_field_cb (MbcResultView *view,
                       guint          field,
                       MbcWindow     *self)
{
  GtkWidget *control = mbc_case_form_get_control (MBC_CASE_FORM (self->form), field);

  g_assert (MBC_IS_RESULT_VIEW (view));

  mbc_case_form_focus_field (MBC_CASE_FORM (self->form), field);
  if (control)
    window_scroll_into_view (self, control);
}

/**
 * _mbc_window_offer_undo:
 * @before: (transfer none): the case as it was before what can be undone
 * @message: what was done, for people
 *
 * Says what was done, with Undo (and Ctrl+Z) to put @before back. One step is kept, until
 * the case changes again.
 */
void
_mbc_window_offer_undo (MbcWindow  *self,
                        MbcCase    *before,
                        const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_assert (MBC_IS_WINDOW (self));

  if (self->undo_toast)
    adw_toast_dismiss (self->undo_toast);
  g_clear_object (&self->undo_case);
  self->undo_case = mbc_case_copy (before);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  self->undo_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);
}

/* Any change of the case after what could be undone ends the undo. */
static void
window_forget_undo (MbcWindow *self)
{
  g_assert (MBC_IS_WINDOW (self));

  if (self->undo_case == NULL)
    return;
  g_clear_object (&self->undo_case);
  if (self->undo_toast)
    adw_toast_dismiss (self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

static void
window_undo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  g_autoptr(MbcCase) before = g_steal_pointer (&self->undo_case);

  if (before == NULL)
    return;
  window_forget_undo (self);
  mbc_case_assign (self->kase, before);
}

/* A change that "What would change this" offers, activated: it is made, with undo. */
static void
window_apply_change_cb (MbcResultView *view,
                        guint          field,
                        JsonNode      *value,
                        MbcWindow     *self)
{
  g_autoptr(MbcCase) before = NULL;
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  g_assert (MBC_IS_WINDOW (self));

  if (field >= MBC_CASE_N_FIELDS)
    return;
  before = mbc_case_copy (self->kase);
  if (!mbc_case_set_field_json (self->kase, field, value, problems))
    return;
  shown = mbc_case_format_value (self->kase, field);
  message = g_strdup_printf (_("%s set to %s"), mbc_case_field_get_title (field), shown);
  _mbc_window_offer_undo (self, before, message);
}

static void
window_form_cleared_cb (MbcCaseForm *form,
                        MbcCase     *before,
                        const char  *message,
                        MbcWindow   *self)
{
  g_assert (MBC_IS_WINDOW (self));
  _mbc_window_offer_undo (self, before, message);
}

/* Clears every field at once, with undo. */
static void
window_reset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MbcWindow *self = MBC_WINDOW (widget);
  g_autoptr(MbcCase) before = NULL;

  if (mbc_case_is_empty (self->kase))
    return;
  before = mbc_case_copy (self->kase);
  mbc_case_reset (self->kase);
  _mbc_window_offer_undo (self, before, _("Form cleared"));
}

static void
window_new_case_then (MbcWindow *self,
                      gpointer   data)
{
  g_assert (MBC_IS_WINDOW (self));
  mbc_document_clear (self->document);
  window_forget_undo (self);
  mbc_case_form_focus_field (MBC_CASE_FORM (self->form), MBC_CASE_FIELD_LABEL);
}

/* A new, empty case in place of this one (after asking about unsaved changes). */
static void
window_new_case_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _mbc_window_confirm_discard (MBC_WINDOW (widget), window_new_case_then, NULL, NULL);
}

static void
window_close_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* The shortcuts window is built when first asked for: GtkApplication would build one for
 * every window as it opens if it were at gtk/help-overlay.ui. */
static void
window_show_shortcuts_action (GtkWidget  *widget,
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
window_update_title (MbcWindow *self)
{
  g_autofree char *name = mbc_document_get_title (self->document);
  gboolean modified = mbc_document_get_modified (self->document);
  g_autofree char *title = g_strdup_printf (_("%s%s — MBC Surgery Advisor"),
                                            modified ? "• " : "", name);

  g_assert (MBC_IS_WINDOW (self));

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), name);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title),
                                 modified ? _("Unsaved changes") : _("MBC Surgery Advisor"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The document owns the case; the form, made here, is handed it. */
static void
mbc_window_init (MbcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->document = mbc_document_new (NULL);
  self->kase = mbc_document_get_case (self->document);
  self->form = mbc_case_form_new (self->kase);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->form_scroller), self->form);
  {
    GtkWidget *scrollers[] = { self->scroller, self->form_scroller, self->results_scroller };

    for (guint i = 0; i < G_N_ELEMENTS (scrollers); i++)
      {
        GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (scrollers[i]);
        GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);

        if (GTK_IS_VIEWPORT (viewport))
          gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
        /* Rows that grow or shrink move the focused field: kept in view for the keyboard. */
        g_signal_connect_object (gtk_scrolled_window_get_vadjustment (scroller), "changed",
                                 G_CALLBACK (window_keep_in_view), self, G_CONNECT_SWAPPED);
      }
  }
  gtk_widget_set_margin_top (self->form, 24);
  gtk_widget_set_margin_bottom (self->form, 24);
  g_signal_connect_swapped (self->kase, "changed", G_CALLBACK (window_forget_undo), self);
  g_signal_connect_swapped (self->kase, "changed", G_CALLBACK (window_update), self);
  g_signal_connect (self->form, "cleared", G_CALLBACK (window_form_cleared_cb), self);
  g_signal_connect (self->results, "apply-change", G_CALLBACK (window_apply_change_cb), self);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (window_focus_changed_cb), NULL);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkEventController *presses = gtk_event_controller_legacy_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
    gtk_event_controller_set_propagation_phase (presses, GTK_PHASE_CAPTURE);
    g_signal_connect (presses, "event", G_CALLBACK (window_event_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), presses);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button),
                                         window_create_menu, self, NULL);
  /* Tooltips given when asked for (see mbc-tooltip.c), not set in the template. */
  mbc_tooltip_set_text (self->menu_button, _("Main Menu"));
  g_signal_connect (self->results, "focus-field", G_CALLBACK (window_focus_field_cb), self);
  g_signal_connect_swapped (self->layout, "notify::stacked",
                            G_CALLBACK (window_layout_stacked_cb), self);
  g_signal_connect_swapped (self->summary_bar, "clicked",
                            G_CALLBACK (window_summary_bar_clicked_cb), self);
  g_signal_connect_swapped (self->results, "notify::complete",
                            G_CALLBACK (window_results_complete_cb), self);
  g_object_bind_property_full (self->results, "result", self->summary_heading, "label",
                               G_BINDING_SYNC_CREATE, window_result_to_heading, NULL, NULL,
                               NULL);
  g_object_bind_property_full (self->results, "result", self->summary_evidence, "label",
                               G_BINDING_SYNC_CREATE, window_result_to_evidence, NULL, NULL,
                               NULL);
  g_signal_connect_swapped (self->results, "notify::result",
                            G_CALLBACK (window_result_changed_cb), self);
  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (window_update_title),
                           self, G_CONNECT_SWAPPED);
  window_update_title (self);
  window_layout_stacked_cb (self);
  _mbc_window_init_files (self);
}

/* The size it was last given, kept in the settings. */
static void
mbc_window_constructed (GObject *object)
{
  MbcWindow *self = MBC_WINDOW (object);

  G_OBJECT_CLASS (mbc_window_parent_class)->constructed (object);
  g_assert (G_IS_SETTINGS (self->settings));
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
mbc_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MbcWindow *self = MBC_WINDOW (object);

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
mbc_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MbcWindow *self = MBC_WINDOW (object);

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
mbc_window_dispose (GObject *object)
{
  MbcWindow *self = MBC_WINDOW (object);

  if (self->kase)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_weak_pointer (&self->presenter);
  if (self->keep_in_view_tick)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->keep_in_view_tick);
      self->keep_in_view_tick = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MBC_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo_case);
  g_clear_object (&self->evaluator);
  g_clear_object (&self->guideline);
  g_clear_object (&self->document);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  G_OBJECT_CLASS (mbc_window_parent_class)->dispose (object);
}

static void
mbc_window_class_init (MbcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mbc_window_dispose;
  object_class->constructed = mbc_window_constructed;
  object_class->get_property = mbc_window_get_property;
  object_class->set_property = mbc_window_set_property;

  /**
   * MbcWindow:settings:
   *
   * The application's settings (a memory backend in tests): the window's size, the paper
   * of reports, the last folder, teaching mode's counts.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MBC_TYPE_ADAPTIVE_LAYOUT);
  g_type_ensure (MBC_TYPE_CASE_FORM);
  g_type_ensure (MBC_TYPE_RESULT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/mbc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, columns);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, results);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, summary_bar);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, summary_heading);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, summary_evidence);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, summary_note);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, layout);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MbcWindow, toasts);

  /* Ctrl+R and Ctrl+? are set by the application, so the menu shows them. */
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, window_reset_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, window_new_case_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, window_close_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   window_show_shortcuts_action);
  _mbc_window_class_add_file_actions (widget_class);
  _mbc_window_class_add_launch_actions (widget_class);
  _mbc_window_class_add_report_actions (widget_class);
}

/**
 * mbc_window_new:
 * @app: (nullable): the application
 * @settings: the application's settings
 * @guideline: (nullable): the guideline to use, or %NULL with @error_message
 * @error_message: (nullable): why the guideline could not be loaded
 */
MbcWindow *
mbc_window_new (GtkApplication *app,
                GSettings      *settings,
                MbcGuideline   *guideline,
                const char     *error_message)
{
  MbcWindow *self;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (guideline != NULL || error_message != NULL, NULL);

  self = g_object_new (MBC_TYPE_WINDOW, "application", app, "settings", settings, NULL);
  if (guideline == NULL)
    {
      window_show_error (self, error_message);
      return self;
    }
  self->guideline = g_object_ref (guideline);
  self->evaluator = mbc_evaluator_new (guideline);
  window_update (self);
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

MbcDocument *
mbc_window_get_document (MbcWindow *self)
{
  g_return_val_if_fail (MBC_IS_WINDOW (self), NULL);
  return self->document;
}
