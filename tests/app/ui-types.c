/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loaded with LD_PRELOAD into gtk4-builder-tool (docs/testing.md): registers the libadwaita
 * types and ours, so that the .ui templates and the classes they use can be validated. */
#include "config.h"

#include <adwaita.h>

#include "mbc-adaptive-layout.h"
#include "mbc-case-form.h"
#include "mbc-comparison-chart.h"
#include "mbc-result-view.h"
#include "mbc-section.h"

__attribute__((constructor)) static void
register_types (void)
{
  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  g_type_ensure (ADW_TYPE_WINDOW_TITLE);
  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (ADW_TYPE_PREFERENCES_PAGE);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  g_type_ensure (ADW_TYPE_COMBO_ROW);
  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (MBC_TYPE_ADAPTIVE_LAYOUT);
  g_type_ensure (MBC_TYPE_CASE_FORM);
  g_type_ensure (MBC_TYPE_COMPARISON_CHART);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (MBC_TYPE_RESULT_VIEW);
  g_type_ensure (MBC_TYPE_SECTION);
}
