/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Under a pseudo-translation in which every string is 40% longer (tests/pseudo-locale.py
 * runs this), nothing that matters is cut off: in the main window, wide and narrow (360 px),
 * and in teaching mode at 1280×720, no label that neither wraps nor is meant to shorten is
 * narrower than its text, nothing needs horizontal scrolling, and the only text shortened
 * with an ellipsis is a choice's value (its whole text is the button's tooltip and
 * accessible description) or the window title.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mbc-choice-button.h"
#include "mbc-guideline.h"
#include "mbc-library.h"
#include "mbc-presenter-window.h"
#include "mbc-result.h"
#include "mbc-test.h"
#include "mbc-test-window.h"
#include "mbc-window.h"

static MbcGuideline *guideline;
static GSettings *settings;    /* in memory (mbc_test_settings) */

/* Laid out and painted again (after a change of page, say). */
static void
settle (GtkWidget *widget)
{
  mbc_test_wait_frames (widget, 2);
}

static gboolean
inside (GtkWidget *widget,
        GType      type)
{
  return gtk_widget_get_ancestor (widget, type) != NULL;
}

/* Labels cut off in @widget's tree, as "text (why)". */
static void
collect_cut (GtkWidget *widget,
             GPtrArray *cut,
             guint     *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);
      int minimum, natural;

      (*labels)++;
      if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
        {
          if (pango_layout_is_ellipsized (gtk_label_get_layout (label)) &&
              !inside (widget, MBC_TYPE_CHOICE_BUTTON) && !inside (widget, ADW_TYPE_WINDOW_TITLE))
            g_ptr_array_add (cut, g_strdup_printf ("%s (shortened)", gtk_label_get_text (label)));
        }
      else if (!gtk_label_get_wrap (label))
        {
          gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                              NULL, NULL);
          if (gtk_widget_get_width (widget) + 1 < minimum)
            g_ptr_array_add (cut, g_strdup_printf ("%s (%d of %d px)", gtk_label_get_text (label),
                                                   gtk_widget_get_width (widget), minimum));
        }
    }
  /* A number field shows its whole value ("Unknown" included). */
  if (GTK_IS_TEXT (widget) && inside (widget, GTK_TYPE_SPIN_BUTTON))
    {
      const char *shown = gtk_editable_get_text (GTK_EDITABLE (widget));
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, shown);
      int width;

      (*labels)++;
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (width > gtk_widget_get_width (widget))
        g_ptr_array_add (cut, g_strdup_printf ("%s (%d of %d px)", shown,
                                               gtk_widget_get_width (widget), width));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_cut (child, cut, labels);
}

static void
assert_nothing_cut (GtkWidget  *window,
                    const char *where)
{
  g_autoptr(GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);
  guint labels = 0;

  collect_cut (window, cut, &labels);
  for (guint i = 0; i < cut->len; i++)
    g_printerr ("%s: cut off: %s\n", where, (char *) cut->pdata[i]);
  g_test_message ("%s: %u labels, %u cut off", where, labels, cut->len);
  g_assert_cmpuint (labels, >, 5);
  g_assert_cmpuint (cut->len, ==, 0);
}

static void
test_translation_in_effect (void)
{
  /* The pseudo-translation brackets every string. */
  g_assert_true (g_str_has_prefix (_("Unknown"), "["));
  g_assert_true (g_str_has_prefix (mbc_finding_status_word (MBC_FINDING_MET), "["));
}

static void
test_main_window (void)
{
  static const struct { int width, height; const char *name; } sizes[] = {
    { 1200, 860, "wide" }, { 360, 800, "narrow" },
  };
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "cases",
                                            "01-worked-example.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      MbcWindow *window = mbc_test_window_new (guideline, settings, file, sizes[s].width,
                                               sizes[s].height);
      /* The form is in its own scroller, in the columns. */
      GtkWidget *columns = gtk_widget_get_parent (
        gtk_widget_get_ancestor (mbc_window_get_form (window), GTK_TYPE_SCROLLED_WINDOW));
      int minimum;

      assert_nothing_cut (GTK_WIDGET (window), sizes[s].name);
      /* No horizontal scrolling: the content fits the window's width, and the window can
       * still be as narrow as 360 pixels. */
      gtk_widget_measure (columns, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, gtk_widget_get_width (GTK_WIDGET (window)));
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                          NULL, NULL);
      g_test_message ("%s: the window's minimum width is %d px", sizes[s].name, minimum);
      g_assert_cmpint (minimum, <=, 360);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_teaching_mode (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) library = mbc_library_load (&error);
  GtkWidget *window = mbc_presenter_window_new (guideline, library);
  MbcPresenterWindow *presenter = MBC_PRESENTER_WINDOW (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  assert_nothing_cut (window, "teaching: cases");
  mbc_presenter_window_choose_case (presenter, 0);
  mbc_presenter_window_press_key (presenter, GDK_KEY_Right, 0);
  mbc_presenter_window_press_key (presenter, GDK_KEY_y, 0);
  mbc_presenter_window_press_key (presenter, GDK_KEY_r, 0);
  settle (window);
  assert_nothing_cut (window, "teaching: reveal");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MBC_LOCALEDIR") ? g_getenv ("MBC_LOCALEDIR")
                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  mbc_test_gtk_init (&argc, &argv);
  guideline = mbc_guideline_new_default (NULL, &error);
  g_assert_no_error (error);
  settings = mbc_test_settings ();
  g_test_add_func ("/pseudo/translation-in-effect", test_translation_in_effect);
  g_test_add_func ("/pseudo/main-window", test_main_window);
  g_test_add_func ("/pseudo/teaching-mode", test_teaching_mode);
  status = g_test_run ();
  g_object_unref (guideline);
  g_object_unref (settings);
  return status;
}
