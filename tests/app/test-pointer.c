/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window under a real pointer and keyboard: events through the X server (XTest, by
 * xdotool), as a person's mouse and keys give them, at 1280×720. Nothing moves under the
 * pointer: a click after scrolling opens the drop-down it is on and sets the value chosen
 * there, and nothing else; the keyboard brings a field into view only when it is out of
 * view, and keeps the field Tab moved to in view when the row left grows.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "mbc-case-form.h"
#include "mbc-choice-button.h"
#include "mbc-guideline.h"
#include "mbc-json.h"
#include "mbc-test.h"
#include "mbc-test-window.h"
#include "mbc-window.h"

static MbcGuideline *guideline;
static GSettings *settings;

/* Runs xdotool with @args (NULL-terminated), then lets the window take the events. */
static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The server has the events; the window reads them as it would a person's. */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (5000);
      mbc_test_settle ();
    }
}

/* Lets @ms pass with the window running, as between a person's clicks. */
static void
pause_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_usleep (10000);
      mbc_test_settle ();
    }
}

/* Moves the pointer to the middle of @widget, in the X window of @widget's native. */
static void
pointer_to (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_rect_t bounds;
  double sx, sy;
  g_autofree char *xid = NULL, *x = NULL, *y = NULL;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds));
  gtk_native_get_surface_transform (native, &sx, &sy);
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  x = g_strdup_printf ("%d", (int) (sx + bounds.origin.x + bounds.size.width / 2));
  y = g_strdup_printf ("%d", (int) (sy + bounds.origin.y + bounds.size.height / 2));
  /* As a hand moves it: a few steps, the last onto the middle. */
  for (int step = 3; step >= 0; step--)
    {
      g_autofree char *sx_ = g_strdup_printf ("%d", atoi (x) + 4 * step);
      g_autofree char *sy_ = g_strdup_printf ("%d", atoi (y) + 2 * step);
      xdotool ("mousemove", "--window", xid, sx_, sy_, NULL);
    }
}

/* A click on @widget, then the pause before a person's next (beyond the double-click). */
/* Gives the X input focus to @widget's window, as a window manager would when it is raised
 * (there is none here: else the keys go on to the window that had it). */
static void
keyboard_to (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *xid =
    g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));

  xdotool ("windowfocus", "--sync", xid, NULL);
}

static void
click (GtkWidget *widget)
{
  pointer_to (widget);
  xdotool ("click", "1", NULL);
  pause_ms (500);
}

static GtkAdjustment *
vadjustment_of (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

/* Where @widget's middle is in its scroller's visible page: 0 at the top, 1 at the bottom. */
static double
place_in_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  return (bounds.origin.y + bounds.size.height / 2) / gtk_widget_get_height (scroller);
}

static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static GtkWidget *
control (MbcWindow    *window,
         MbcCaseField  field)
{
  return mbc_case_form_get_control (MBC_CASE_FORM (mbc_window_get_form (window)), field);
}

static GtkPopover *
popover_of (GtkWidget *choice)
{
  GtkWidget *button = gtk_widget_get_first_child (choice);

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  return gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
}

static gboolean
popover_shown (gpointer choice)
{
  GtkPopover *popover = popover_of (choice);
  return popover && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The widget of @popover's menu labelled @text (a radio item's label), or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found)
        return found;
    }
  return NULL;
}

static char *
case_text (MbcCase *kase)
{
  g_autoptr(JsonNode) node = mbc_case_to_json (kase);
  return mbc_json_to_string (node, FALSE);
}

/* Scrolled down with the wheel, a click on a drop-down in the lower half of the form opens
 * it where it is, and a click on a choice sets that field alone. */
static void
test_click_after_scroll (void)
{
  static const MbcCaseField fields[] = { MBC_CASE_FIELD_NEGATIVE_MARGINS,
                                         MBC_CASE_FIELD_FIT_FOR_SURGERY,
                                         MBC_CASE_FIELD_BREAST_RESPONSE };
  MbcWindow *window = mbc_test_window_new (guideline, settings, NULL, 1280, 720);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      GtkWidget *choice = control (window, fields[f]);
      GtkAdjustment *adjustment = vadjustment_of (choice);
      const char * const *choices = mbc_case_field_get_choices (fields[f]);
      const char *wanted = choices[f % 2 == 0 ? 0 : 1];
      const char *title = mbc_case_field_get_choice_title (fields[f], wanted);
      g_autofree char *before = NULL, *after = NULL, *expected = NULL;
      g_autofree char *value = NULL;
      GtkWidget *item;
      double scrolled;

      /* Scrolled until the drop-down is in the lower half of the view, at about 70 %, as
       * the wheel leaves it. (Xvfb's wheel through XTest reaches GTK as emulated buttons,
       * which GTK rightly ignores: the scroll is set here as the wheel sets it.) */
      gtk_adjustment_set_value (adjustment, 0);
      mbc_test_wait_frames (GTK_WIDGET (window), 2);
      {
        GtkWidget *scroller = gtk_widget_get_ancestor (choice, GTK_TYPE_SCROLLED_WINDOW);
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (choice, scroller, &bounds));
        gtk_adjustment_set_value (adjustment, bounds.origin.y -
                                              0.7 * gtk_widget_get_height (scroller));
      }
      mbc_test_wait_frames (GTK_WIDGET (window), 2);
      g_assert_true (in_view (choice));
      g_assert_cmpfloat (place_in_view (choice), >, 0.5);
      mbc_test_wait_frames (GTK_WIDGET (window), 2);
      scrolled = gtk_adjustment_get_value (adjustment);
      g_assert_cmpfloat (scrolled, >, 0);

      g_autoptr(MbcCase) copy = mbc_case_copy (mbc_window_get_case (window));

      before = case_text (copy);
      click (choice);
      g_assert_true (mbc_test_wait_until (popover_shown, choice, 3000));
      /* Nothing moved under the pointer. */
      g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), scrolled, 0.5);
      item = find_label (GTK_WIDGET (popover_of (choice)), title);
      g_assert_nonnull (item);
      click (item);
      mbc_test_wait_frames (GTK_WIDGET (window), 2);
      g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), scrolled, 0.5);

      /* That field, and nothing else, changed. */
      {
        g_autofree char *prop = mbc_case_field_dup_property_name (fields[f]);
        g_object_get (mbc_window_get_case (window), prop, &value, NULL);
      }
      g_assert_cmpstr (value, ==, wanted);
      after = case_text (mbc_window_get_case (window));
      {
        g_autofree char *prop = mbc_case_field_dup_property_name (fields[f]);
        g_object_set (copy, prop, wanted, NULL);
        expected = case_text (copy);
      }
      g_assert_cmpstr (after, ==, expected);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Scrolls so that the middle of @widget is at @place of its scroller's view (0 top, 1
 * bottom), as far as the scroller goes. */
static void
scroll_to_place (MbcWindow *window,
                 GtkWidget *widget,
                 double     place)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = vadjustment_of (widget);
  graphene_rect_t bounds;

  gtk_adjustment_set_value (adjustment, 0);
  mbc_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height / 2 -
                                        place * gtk_widget_get_height (scroller));
  mbc_test_wait_frames (GTK_WIDGET (window), 2);
}

static GtkWidget *
focus_of (MbcWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The keyboard: Tab to a field below the view brings it into view; Tab to one in view
 * leaves the form where it is; and when the row Tab left grows (its problem appears as the
 * number is taken), the field Tab moved to stays in view. */
static void
test_keyboard_keeps_in_view (void)
{
  MbcWindow *window = mbc_test_window_new (guideline, settings, NULL, 1280, 720);
  MbcCase *kase = mbc_window_get_case (window);
  GtkWidget *total = control (window, MBC_CASE_FIELD_METASTATIC_LESION_COUNT);
  GtkWidget *liver = control (window, MBC_CASE_FIELD_LIVER_LESION_COUNT);
  GtkAdjustment *adjustment = vadjustment_of (total);
  GtkWidget *before;
  double value;

  /* Two sites listed, so that one lesion in all is a problem between fields. */
  g_object_set (kase, "metastatic-sites", (const char *[]) { "bone", "liver", NULL }, NULL);
  mbc_test_wait_frames (GTK_WIDGET (window), 2);

  /* In view: Tab moves the focus, not the form. */
  scroll_to_place (window, total, 0.4);
  click (total);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), total));
  value = gtk_adjustment_get_value (adjustment);
  xdotool ("key", "Tab", NULL);
  mbc_test_wait_frames (GTK_WIDGET (window), 3);
  before = focus_of (window);
  g_assert_false (gtk_widget_is_ancestor (before, total));
  g_assert_true (in_view (before));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 0.5);

  /* The total at the bottom of the view, the next field below it: typed and left by Tab
   * at once, its problem appears and the row grows; the liver count is in view. */
  scroll_to_place (window, total, 0.9);
  click (total);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), total));
  g_assert_false (in_view (liver));
  xdotool ("key", "ctrl+a", "1", "Tab", NULL);
  mbc_test_wait_frames (GTK_WIDGET (window), 6);
  pause_ms (300);
  g_assert_true (mbc_case_is_known (kase, MBC_CASE_FIELD_METASTATIC_LESION_COUNT));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (total, GTK_TYPE_LIST_BOX_ROW),
                                           "error"));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), liver));
  g_assert_true (in_view (liver));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Teaching mode's list of cases, by the keyboard: the row the arrow keys move to is
 * highlighted (selected), not only focused; Enter starts it. */
static void
test_case_list_arrows (void)
{
  MbcWindow *window = mbc_test_window_new (guideline, settings, NULL, 1280, 720);
  GtkWidget *presenter = mbc_window_show_teaching (window, FALSE);
  GtkWidget *list;
  GtkListBoxRow *selected;

  g_assert_nonnull (presenter);
  gtk_window_set_default_size (GTK_WINDOW (presenter), 1280, 720);
  mbc_test_wait_frames (presenter, 3);
  list = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (presenter)), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  keyboard_to (list);
  xdotool ("key", "Down", "Down", NULL);
  mbc_test_wait_frames (presenter, 2);
  selected = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  g_assert_nonnull (selected);
  g_assert_cmpint (gtk_list_box_row_get_index (selected), ==, 2);
  g_assert_true (gtk_widget_get_state_flags (GTK_WIDGET (selected)) & GTK_STATE_FLAG_SELECTED);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (selected)));
  xdotool ("key", "Up", NULL);
  mbc_test_wait_frames (presenter, 2);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (GTK_LIST_BOX (list))),
                   ==, 1);
  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdotool_path = NULL;
  int status;

  mbc_test_gtk_init (&argc, &argv);
  xdotool_path = g_find_program_in_path ("xdotool");
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool_path == NULL)
    {
      if (g_getenv ("MBC_REQUIRE_TOOLS"))
        g_error ("the pointer tests need an X display and xdotool (./run test has both)");
      g_print ("1..0 # SKIP needs an X display and xdotool\n");
      return 0;
    }
  guideline = mbc_guideline_new_default (NULL, &error);
  g_assert_no_error (error);
  settings = mbc_test_settings ();
  g_test_add_func ("/pointer/click-after-scroll", test_click_after_scroll);
  g_test_add_func ("/pointer/keyboard-keeps-in-view", test_keyboard_keeps_in_view);
  g_test_add_func ("/pointer/case-list-arrows", test_case_list_arrows);
  status = g_test_run ();
  g_object_unref (settings);
  g_object_unref (guideline);
  return status;
}
