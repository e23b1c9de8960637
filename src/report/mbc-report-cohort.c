/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The list of a cohort, for a tumour board or an audit: the guideline it was evaluated
 * against, with its date and the dated note of the evidence since; one line a patient (its
 * row and label, its key inputs, the recommendation, the clinician's decision and whether
 * it agrees); then how many cases reached each recommendation, and how often the decision
 * agreed with the guideline. Laid out, paginated and drawn by the same code as a case's
 * report (mbc-report.c), so the PDF and printing give the same pages.
 */
#define G_LOG_DOMAIN "mbc-report"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-evaluator.h"
#include "mbc-report.h"
#include "mbc-report-private.h"
#include "mbc-tier.h"

/* A patient, its age, ECOG, receptors, sites, response, recommendation and decision. */
static const double columns_patient[] = { 0.10, 0.07, 0.09, 0.14, 0.13, 0.13, 0.21, 0.13 };
/* A patient that could not be evaluated: its problems across the inputs' columns. */
static const double columns_unread[] = { 0.10, 0.56, 0.21, 0.13 };
/* A category, its count, its share. */
static const double columns_count[] = { 0.6, 0.2, 0.2 };

/* A field's value for the table, or a dash when it is not recorded. */
static char *
cohort_value (MbcCase      *kase,
              MbcCaseField  field)
{
  return mbc_case_is_known (kase, field) ? mbc_case_format_value (kase, field)
                                         : g_strdup ("—");
}

/* "ER+ PR− HER2+": the receptors, each with its sign ("?" when not recorded). */
static char *
cohort_receptors (MbcCase *kase)
{
  static const struct { MbcCaseField field; const char *name; } receptors[] = {
    { MBC_CASE_FIELD_ER_STATUS, "ER" }, { MBC_CASE_FIELD_PR_STATUS, "PR" },
    { MBC_CASE_FIELD_HER2_STATUS, "HER2" },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (receptors); i++)
    {
      g_autofree char *value = NULL;
      const char *sign = "?";

      if (mbc_case_is_known (kase, receptors[i].field))
        {
          g_autofree char *prop = mbc_case_field_dup_property_name (receptors[i].field);
          g_object_get (kase, prop, &value, NULL);
          sign = g_strcmp0 (value, "positive") == 0 ? "+" : g_strcmp0 (value, "negative") == 0
                 ? "−" : "?";
        }
      g_string_append_printf (text, "%s%s%s", i ? " " : "", receptors[i].name, sign);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The sites, then the lesion counts that are recorded ("Bone, Liver; 3 lesions, liver 1"). */
static char *
cohort_sites (MbcCase *kase)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sites = cohort_value (kase, MBC_CASE_FIELD_METASTATIC_SITES);
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);

  /* TRANSLATORS: lesion counts in a tumour-board list's narrow column */
  if (mbc_case_is_known (kase, MBC_CASE_FIELD_METASTATIC_LESION_COUNT))
    {
      g_autofree char *n = mbc_case_format_value (kase, MBC_CASE_FIELD_METASTATIC_LESION_COUNT);
      g_ptr_array_add (counts, g_strdup_printf (_("%s lesions"), n));
    }
  if (mbc_case_is_known (kase, MBC_CASE_FIELD_LIVER_LESION_COUNT))
    {
      g_autofree char *n = mbc_case_format_value (kase, MBC_CASE_FIELD_LIVER_LESION_COUNT);
      g_ptr_array_add (counts, g_strdup_printf (_("liver %s"), n));
    }
  if (mbc_case_is_known (kase, MBC_CASE_FIELD_LUNG_LESION_COUNT))
    {
      g_autofree char *n = mbc_case_format_value (kase, MBC_CASE_FIELD_LUNG_LESION_COUNT);
      g_ptr_array_add (counts, g_strdup_printf (_("lung %s"), n));
    }
  g_string_append (text, sites);
  for (guint i = 0; i < counts->len; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? "; " : ", ", (char *) counts->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
cohort_add_count (MbcReport  *self,
                  const char *what,
                  guint       count,
                  guint       total)
{
  g_autofree char *number = g_strdup_printf ("%'u", count);
  g_autofree char *share = g_strdup_printf (_("%.0f%%"), total ? 100.0 * count / total : 0.0);
  const char *cells[] = { what, number, share };

  _mbc_report_add_row (self, STYLE_TABLE, columns_count, 3, cells);
}

/**
 * mbc_report_new_cohort:
 * @title: what the list is of (the cohort file's name)
 * @entries: (array length=n_entries): the patients, in the order printed
 * @filter: (nullable): what the patients are filtered by, in words, or %NULL for the whole
 *   cohort
 * @n_cohort: the patients of the whole cohort (@n_entries when not filtered)
 * @when: when the list is written
 *
 * Each case is evaluated here, against @guideline.
 */
/* Counts the rule that decided @result, and each caution that holds for it. */
static void
cohort_count_basis (MbcGuideline *guideline,
                    MbcResult    *result,
                    guint        *by_rule,
                    guint        *by_caution)
{
  GPtrArray *rules = mbc_guideline_get_rules (guideline);
  GPtrArray *all = mbc_guideline_get_cautions (guideline);
  GPtrArray *cautions = mbc_result_get_cautions (result);

  for (guint i = 0; i < rules->len; i++)
    if (rules->pdata[i] == (gpointer) mbc_result_get_rule (result))
      by_rule[i]++;
  for (guint i = 0; i < all->len; i++)
    for (guint k = 0; k < cautions->len; k++)
      if (cautions->pdata[k] == all->pdata[i])
        by_caution[i]++;
}

/* The legend: what the recommendations of these patients rest on, each deciding rule's
 * summary with the application's interpretation it rests on, and the cautions. */
static void
cohort_add_legend (MbcReport    *self,
                   MbcGuideline *guideline,
                   const guint  *by_rule,
                   const guint  *by_caution)
{
  GPtrArray *rules = mbc_guideline_get_rules (guideline);
  GPtrArray *cautions = mbc_guideline_get_cautions (guideline);

  _mbc_report_add (self, STYLE_HEADING, _("What the Recommendations Rest On"));
  for (guint i = 0; i < rules->len; i++)
    {
      const MbcRule *rule = g_ptr_array_index (rules, i);
      if (by_rule[i] == 0)
        continue;
      _mbc_report_addf (self, STYLE_STRONG,
                        ngettext ("%s (%u patient)", "%s (%u patients)", by_rule[i]),
                        rule->summary, by_rule[i])->keep_with_next = rule->interpretation != NULL;
      if (rule->interpretation)
        {
          g_autofree char *text = mbc_interpretation_text (rule->interpretation);
          _mbc_report_add (self, STYLE_SMALL, text)->glue = TRUE;
        }
    }
  for (guint i = 0; i < cautions->len; i++)
    {
      const MbcCaution *caution = g_ptr_array_index (cautions, i);
      if (by_caution[i] == 0)
        continue;
      _mbc_report_addf (self, STYLE_STRONG,
                        ngettext ("Caution: %s (%u patient)", "Caution: %s (%u patients)",
                                  by_caution[i]), caution->text, by_caution[i]);
    }
}

MbcReport *
mbc_report_new_cohort (MbcGuideline         *guideline,
                       const char           *title,
                       const MbcCohortEntry *entries,
                       guint                 n_entries,
                       const char           *filter,
                       guint                 n_cohort,
                       GDateTime            *when)
{
  g_autoptr(MbcEvaluator) evaluator = NULL;
  g_autoptr(GHashTable) agreements = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) agreement_order = g_ptr_array_new ();
  g_autofree char *stamp = NULL;
  const MbcEvidence *evidence;
  guint tiers[MBC_N_TIERS] = { 0 };
  g_autofree guint *by_rule = NULL;
  g_autofree guint *by_caution = NULL;
  guint unevaluated = 0;
  MbcReport *self;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);
  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (when != NULL, NULL);

  self = _mbc_report_alloc (guideline, when);
  evaluator = mbc_evaluator_new (guideline);
  by_rule = g_new0 (guint, mbc_guideline_get_rules (guideline)->len);
  by_caution = g_new0 (guint, mbc_guideline_get_cautions (guideline)->len + 1);
  stamp = g_date_time_format (when, "%Y-%m-%d %H:%M (UTC%:z)");
  evidence = mbc_guideline_get_evidence (guideline);

  _mbc_report_add (self, STYLE_TITLE, _("Tumour Board List"));
  _mbc_report_addf (self, STYLE_SUBTITLE, ngettext ("%s  ·  %'u patient  ·  written %s",
                                                    "%s  ·  %'u patients  ·  written %s",
                                                    n_entries), title, n_entries, stamp);
  /* Filtered, it says so first, with the whole cohort beside what is shown: "Disagrees
   * 100 %" of a filtered list is not the cohort's. */
  if (filter)
    _mbc_report_addf (self, STYLE_STRONG,
                      ngettext ("Filtered (%s): %'u of the cohort's %'u patient are listed, and "
                                "every count and share below is of those listed.",
                                "Filtered (%s): %'u of the cohort's %'u patients are listed, and "
                                "every count and share below is of those listed.", n_cohort),
                      filter, n_entries, n_cohort);
  _mbc_report_addf (self, STYLE_STRONG, _("Recommendations of the %s (%s)."),
                    mbc_guideline_get_short_title (guideline), mbc_guideline_get_date (guideline));
  if (evidence && evidence->line)
    _mbc_report_add (self, STYLE_BODY, evidence->line);

  /* The legend comes first: what the recommendations below rest on. */
  for (guint i = 0; i < n_entries; i++)
    if (entries[i].kase)
      {
        g_autoptr(MbcCase) evaluable = mbc_case_copy_evaluable (entries[i].kase);
        g_autoptr(MbcResult) result = mbc_evaluator_evaluate (evaluator, evaluable, NULL);
        if (result)
          cohort_count_basis (guideline, result, by_rule, by_caution);
      }
  cohort_add_legend (self, guideline, by_rule, by_caution);

  {
    const char *cells[] = { _("Patient"), _("Age"), _("ECOG"), _("Receptors"),
                            _("Metastatic sites and lesions"), _("Response"),
                            _("Recommendation"), _("Decision") };
    _mbc_report_add (self, STYLE_HEADING, _("Patients"));
    _mbc_report_add_row (self, STYLE_TABLE_HEAD, columns_patient, G_N_ELEMENTS (cells),
                         cells)->keep_with_next = TRUE;
  }
  for (guint i = 0; i < n_entries; i++)
    {
      const MbcCohortEntry *entry = &entries[i];
      g_autoptr(MbcResult) result = NULL;
      g_autofree char *label = NULL;
      g_autofree char *patient = NULL;
      g_autofree char *decision = NULL;
      const char *recommendation = NULL;
      MbcTier tier;

      if (entry->kase)
        {
          g_autoptr(MbcCase) evaluable = mbc_case_copy_evaluable (entry->kase);
          result = mbc_evaluator_evaluate (evaluator, evaluable, NULL);
          g_object_get (entry->kase, "label", &label, NULL);
        }
      patient = label ? g_strdup_printf (_("Row %u\n%s"), entry->line, label)
                      : g_strdup_printf (_("Row %u"), entry->line);
      if (result)
        {
          const MbcTierText *text = mbc_guideline_get_tier_text (guideline,
                                                                 mbc_result_get_tier (result));
          recommendation = text ? text->title : mbc_result_get_tier (result);
          if (mbc_tier_from_string (mbc_result_get_tier (result), &tier))
            tiers[tier]++;
        }
      else
        {
          recommendation = _("Not evaluated: the row has problems");
          unevaluated++;
        }
      decision = entry->decision && *entry->decision
                 ? g_strdup_printf ("%s\n%s", entry->decision,
                                    entry->agreement ? entry->agreement : "")
                 : g_strdup (_("No decision recorded"));
      g_strchomp (decision);
      if (result)
        {
          /* The inputs a board reads, a column each; the recommendation in bold. */
          g_autofree char *age = cohort_value (entry->kase, MBC_CASE_FIELD_AGE_YEARS);
          g_autofree char *ecog = cohort_value (entry->kase, MBC_CASE_FIELD_ECOG);
          g_autofree char *receptors = cohort_receptors (entry->kase);
          g_autofree char *sites = cohort_sites (entry->kase);
          g_autofree char *response = cohort_value (entry->kase,
                                                    MBC_CASE_FIELD_METASTATIC_RESPONSE);
          const char *cells[] = { patient, age, ecog, receptors, sites, response, recommendation,
                                  decision };
          _mbc_report_add_row (self, STYLE_TABLE, columns_patient, G_N_ELEMENTS (cells),
                               cells)->strong_cells = 1u << 6;
        }
      else
        {
          const char *cells[] = { patient, entry->problems ? entry->problems : "",
                                  recommendation, decision };
          _mbc_report_add_row (self, STYLE_TABLE, columns_unread, G_N_ELEMENTS (cells),
                               cells)->strong_cells = 1u << 2;
        }
      if (entry->agreement && *entry->agreement &&
          !g_hash_table_contains (agreements, entry->agreement))
        g_ptr_array_add (agreement_order, (gpointer) entry->agreement);
      if (entry->agreement && *entry->agreement)
        g_hash_table_insert (agreements, (gpointer) entry->agreement,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (
                               g_hash_table_lookup (agreements, entry->agreement)) + 1));
    }

  {
    const char *cells[] = { _("Recommendation"), _("Patients"), _("Share") };
    _mbc_report_add (self, STYLE_HEADING, _("Recommendations"));
    _mbc_report_add_row (self, STYLE_TABLE_HEAD, columns_count, 3, cells)->keep_with_next =
      TRUE;
  }
  for (guint t = 0; t < MBC_N_TIERS; t++)
    {
      const MbcTierText *text = mbc_guideline_get_tier_text (guideline, mbc_tier_to_string (t));
      cohort_add_count (self, text ? text->title : mbc_tier_to_string (t), tiers[t], n_entries);
    }
  cohort_add_count (self, _("Not evaluated: the row has problems"), unevaluated, n_entries);

  {
    const char *cells[] = { _("Decision"), _("Patients"), _("Share") };
    guint with_agreement = 0;

    _mbc_report_add (self, STYLE_HEADING, _("Decisions and the Guideline"));
    _mbc_report_add_row (self, STYLE_TABLE_HEAD, columns_count, 3, cells)->keep_with_next =
      TRUE;
    for (guint i = 0; i < agreement_order->len; i++)
      {
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (agreements,
                                                             agreement_order->pdata[i]));
        cohort_add_count (self, agreement_order->pdata[i], count, n_entries);
        with_agreement += count;
      }
    cohort_add_count (self, _("No decision recorded"), n_entries - with_agreement, n_entries);
  }
  _mbc_report_add (self, STYLE_SMALL, _("The recommendations are those of the guideline named "
                                        "above, encoded as data; they support the clinician's "
                                        "decision and do not replace it."));
  return self;
}
