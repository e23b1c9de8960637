/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-tier.h: the four tiers of the result contract, one enum with its strings */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MBC_TIER_RECOMMENDED,
  MBC_TIER_INDIVIDUALISE,
  MBC_TIER_NOT_RECOMMENDED,
  MBC_TIER_INDETERMINATE,
} MbcTier;

#define MBC_N_TIERS 4
#define MBC_TYPE_TIER (mbc_tier_get_type ())

GType               mbc_tier_get_type    (void) G_GNUC_CONST;
const char * const *mbc_tier_names       (void);
const char         *mbc_tier_to_string   (MbcTier     tier);
gboolean            mbc_tier_from_string (const char *name,
                                          MbcTier    *tier);

G_END_DECLS
