/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcCohortRow: one patient of a cohort as the cohort view shows it: its row in the file,
 * its label, the recommendation in words (and the tier it is), the rule in words, what is
 * missing, the clinician's decision and whether it agrees with the guideline, or the
 * problems that kept it from being evaluated. Read-only properties, so that the view's
 * columns can sort and filter on them; the case itself (nullable) is kept to open a copy.
 */
#define G_LOG_DOMAIN "mbc-cohort-row"

#include "config.h"

#include "mbc-cohort-row.h"

struct _MbcCohortRow
{
  GObject  parent_instance;

  guint    line;
  MbcCase *kase;
  char    *label;
  char    *tier;
  char    *recommendation;
  char    *rule;
  char    *missing;
  char    *decision;
  char    *concordance;
  char    *problems;
};

G_DEFINE_FINAL_TYPE (MbcCohortRow, mbc_cohort_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_LABEL,
  PROP_TIER,
  PROP_RECOMMENDATION,
  PROP_RULE,
  PROP_MISSING,
  PROP_DECISION,
  PROP_CONCORDANCE,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mbc_cohort_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MbcCohortRow *self = MBC_COHORT_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TIER:
      g_value_set_string (value, self->tier);
      break;
    case PROP_RECOMMENDATION:
      g_value_set_string (value, self->recommendation);
      break;
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_MISSING:
      g_value_set_string (value, self->missing);
      break;
    case PROP_DECISION:
      g_value_set_string (value, self->decision);
      break;
    case PROP_CONCORDANCE:
      g_value_set_string (value, self->concordance);
      break;
    case PROP_PROBLEMS:
      g_value_set_string (value, self->problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_cohort_row_finalize (GObject *object)
{
  MbcCohortRow *self = MBC_COHORT_ROW (object);

  g_clear_object (&self->kase);
  g_free (self->label);
  g_free (self->tier);
  g_free (self->recommendation);
  g_free (self->rule);
  g_free (self->missing);
  g_free (self->decision);
  g_free (self->concordance);
  g_free (self->problems);
  G_OBJECT_CLASS (mbc_cohort_row_parent_class)->finalize (object);
}

static void
mbc_cohort_row_class_init (MbcCohortRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  static const char * const names[] = {
    NULL, NULL, "label", "tier", "recommendation", "rule", "missing", "decision",
    "concordance", "problems",
  };

  object_class->get_property = mbc_cohort_row_get_property;
  object_class->finalize = mbc_cohort_row_finalize;

  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  for (guint i = PROP_LABEL; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mbc_cohort_row_init (MbcCohortRow *self)
{
}

/**
 * mbc_cohort_row_new:
 * @line: the row's number in the file (a spreadsheet's row, or a JSON Lines line)
 * @kase: (nullable): the case, or %NULL when it could not be read
 * @tier: the tier's name ("" when not evaluated)
 *
 * Every text is for people, "" when there is none.
 */
MbcCohortRow *
mbc_cohort_row_new (guint       line,
                    MbcCase    *kase,
                    const char *tier,
                    const char *recommendation,
                    const char *rule,
                    const char *missing,
                    const char *decision,
                    const char *concordance,
                    const char *problems)
{
  MbcCohortRow *self = g_object_new (MBC_TYPE_COHORT_ROW, NULL);

  self->line = line;
  self->kase = kase ? g_object_ref (kase) : NULL;
  if (kase)
    g_object_get (kase, "label", &self->label, NULL);
  if (self->label == NULL)
    self->label = g_strdup ("");
  self->tier = g_strdup (tier);
  self->recommendation = g_strdup (recommendation);
  self->rule = g_strdup (rule);
  self->missing = g_strdup (missing);
  self->decision = g_strdup (decision);
  self->concordance = g_strdup (concordance);
  self->problems = g_strdup (problems);
  return self;
}

guint
mbc_cohort_row_get_line (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), 0);
  return self->line;
}

/**
 * mbc_cohort_row_get_case:
 *
 * Returns: (transfer none) (nullable): the case, or %NULL when it could not be read
 */
MbcCase *
mbc_cohort_row_get_case (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->kase;
}

const char *
mbc_cohort_row_get_label (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->label;
}

const char *
mbc_cohort_row_get_tier (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->tier;
}

const char *
mbc_cohort_row_get_recommendation (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->recommendation;
}

const char *
mbc_cohort_row_get_rule (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->rule;
}

const char *
mbc_cohort_row_get_missing (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->missing;
}

const char *
mbc_cohort_row_get_decision (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->decision;
}

const char *
mbc_cohort_row_get_concordance (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->concordance;
}

const char *
mbc_cohort_row_get_problems (MbcCohortRow *self)
{
  g_return_val_if_fail (MBC_IS_COHORT_ROW (self), NULL);
  return self->problems;
}
