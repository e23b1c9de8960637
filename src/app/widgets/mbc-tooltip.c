/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A plain-text tooltip given when GTK asks for it (GtkWidget::query-tooltip).
 * gtk_widget_set_tooltip_text() on GTK 4.8 asks the X server where the pointer is each time
 * it is called on a visible widget, a round trip: the window set some 60 tooltips as it
 * opened, and the results set them again on every change.
 *
 * Delete when the minimum GTK sets a tooltip without asking the display server anything
 * (bench/startup.py shows the round trips as start-up time).
 */
#define G_LOG_DOMAIN "mbc-tooltip"

#include "config.h"

#include "mbc-tooltip.h"

#define TEXT_KEY "mbc-tooltip-text"
#define CONNECTED_KEY "mbc-tooltip-connected"

static gboolean
tooltip_query_tooltip_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * mbc_tooltip_set_text:
 * @widget: a widget
 * @text: (nullable): its tooltip, or %NULL for none
 */
void
mbc_tooltip_set_text (GtkWidget  *widget,
                      const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Once a widget: a widget a list recycles has its tooltip set and cleared many times. */
  if (text && !g_object_get_data (G_OBJECT (widget), CONNECTED_KEY))
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (tooltip_query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), CONNECTED_KEY, GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);
  if (gtk_widget_get_has_tooltip (widget) != (text != NULL))
    gtk_widget_set_has_tooltip (widget, text != NULL);
}
