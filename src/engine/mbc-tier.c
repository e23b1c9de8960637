/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The tiers of the result contract (docs/contracts.md): what a result's "tier" may be. How
 * a guideline names them, and how they are shown, is the pack's (its "tiers" and each
 * rule's "indicator"); this is only the list, in one place.
 */
#define G_LOG_DOMAIN "mbc-tier"

#include "config.h"

#include "mbc-tier.h"

static const char * const names[] = {
  [MBC_TIER_RECOMMENDED] = "recommended",
  [MBC_TIER_INDIVIDUALISE] = "individualise",
  [MBC_TIER_NOT_RECOMMENDED] = "not_recommended",
  [MBC_TIER_INDETERMINATE] = "indeterminate",
  NULL,
};

G_DEFINE_ENUM_TYPE (MbcTier, mbc_tier,
  G_DEFINE_ENUM_VALUE (MBC_TIER_RECOMMENDED, "recommended"),
  G_DEFINE_ENUM_VALUE (MBC_TIER_INDIVIDUALISE, "individualise"),
  G_DEFINE_ENUM_VALUE (MBC_TIER_NOT_RECOMMENDED, "not_recommended"),
  G_DEFINE_ENUM_VALUE (MBC_TIER_INDETERMINATE, "indeterminate"))

/**
 * mbc_tier_names:
 *
 * Returns: (transfer none): the tiers' names in order, %NULL-terminated.
 */
const char * const *
mbc_tier_names (void)
{
  return names;
}

const char *
mbc_tier_to_string (MbcTier tier)
{
  g_return_val_if_fail (tier < MBC_N_TIERS, NULL);
  return names[tier];
}

/**
 * mbc_tier_from_string:
 * @tier: (out) (optional): the tier named
 *
 * Returns: whether @name is a tier's name.
 */
gboolean
mbc_tier_from_string (const char *name,
                      MbcTier    *tier)
{
  for (guint t = 0; t < MBC_N_TIERS; t++)
    if (g_strcmp0 (name, names[t]) == 0)
      {
        if (tier)
          *tier = t;
        return TRUE;
      }
  return FALSE;
}
