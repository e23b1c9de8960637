/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mbc-guideline-private.h: what the files of the guideline share, and no one else. The
 * pack model (mbc-guideline.c) is filled by the loader (mbc-guideline-loader.c), which reads
 * each section through the checks (mbc-guideline-checks.c): typed reads that report every
 * problem with its JSON path. The pack's texts are translated first
 * (mbc-guideline-translate.c).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mbc-guideline.h"
#include "mbc-tier.h"

G_BEGIN_DECLS

struct _MbcGuideline
{
  GObject       parent_instance;

  JsonNode     *root;          /* every string below points into this tree */
  char         *sha256;
  const char   *id;
  const char   *version;
  const char   *title;
  const char   *short_title;
  const char  **authors;
  const char   *date;
  const char   *status;
  const char   *intended_use;
  const char   *intended_users;
  const char   *disclaimer;
  GPtrArray    *sources;       /* MbcSource */
  GHashTable   *source_by_id;
  GPtrArray    *params;        /* MbcParam */
  JsonNode     *params_node;   /* { name: value }, what rules read as "params" */
  GPtrArray    *groups;        /* MbcGroup */
  GPtrArray    *findings;      /* MbcFinding */
  GPtrArray    *rules;         /* MbcRule */
  GPtrArray    *tallies;       /* MbcTally */
  GPtrArray    *options;       /* MbcOption */
  GPtrArray    *sections;      /* MbcPlanSection */
  GPtrArray    *plan_items;    /* MbcPlanItem */
  GPtrArray    *cautions;      /* MbcCaution */
  MbcEvidence   evidence;
  MbcTierText   tier_texts[MBC_N_TIERS];
  MbcPolls      polls;
  GPtrArray    *tests;         /* MbcPackTest */
  GArray       *numbers;       /* double: every number of the conditions and params */
  GHashTable   *condition_paths;  /* condition (JsonNode) -> its JSON path */
};

typedef enum
{
  SCOPE_FINDING,   /* a finding's conditions: case, params, earlier findings */
  SCOPE_DECISION,  /* decision rules: case, params, findings */
  SCOPE_PLAN,      /* plan items: also decision.tier, decision.rule, decision.strength */
} Scope;

typedef struct
{
  MbcGuideline *self;
  GPtrArray    *problems;
  GHashTable   *finding_ids;   /* id -> index + 1 */
  GHashTable   *param_ids;
  GHashTable   *used_findings;
  GHashTable   *option_ids;
  GHashTable   *section_ids;
  GHashTable   *group_ids;
  Scope         scope;
  guint         findings_visible;
  GPtrArray    *fields_read;    /* case fields read by the finding being loaded */
} Loader;

void _mbc_guideline_translate (JsonNode *root);
void _mbc_guideline_load      (Loader   *l,
                               JsonNode *root_node);

char *_mbc_pack_join_allowed (const char * const *allowed);
gboolean _mbc_pack_in_list (const char * const *list,
                            const char *value);
void _mbc_pack_check_keys (Loader *l,
                           JsonObject *object,
                           const char *path,
                           const char * const *allowed);
JsonNode *_mbc_pack_member (Loader *l,
                            JsonObject *object,
                            const char *path,
                            const char *key,
                            gboolean required);
const char *_mbc_pack_get_string (Loader *l,
                                  JsonObject *object,
                                  const char *path,
                                  const char *key,
                                  gboolean required);
const char *_mbc_pack_get_choice (Loader *l,
                                  JsonObject *object,
                                  const char *path,
                                  const char *key,
                                  const char * const *allowed);
const char *_mbc_pack_get_id (Loader *l,
                              JsonObject *object,
                              const char *path,
                              GHashTable *seen);
JsonArray *_mbc_pack_get_array (Loader *l,
                                JsonObject *object,
                                const char *path,
                                const char *key,
                                gboolean required);
JsonObject *_mbc_pack_as_object (Loader *l,
                                 JsonNode *node,
                                 const char *path);
JsonObject *_mbc_pack_get_object (Loader *l,
                                  JsonObject *object,
                                  const char *path,
                                  const char *key,
                                  gboolean required);
const char **_mbc_pack_get_refs (Loader *l,
                                 JsonObject *object,
                                 const char *path,
                                 const char *key,
                                 gboolean required,
                                 GHashTable *known,
                                 const char *what);
const char **_mbc_pack_get_sources (Loader *l,
                                    JsonObject *object,
                                    const char *path);
void _mbc_pack_check_basis (Loader *l,
                            const char *path,
                            const char **sources,
                            const char *interpretation);
void _mbc_pack_check_var (const char *name,
                          const char *path,
                          gpointer user_data);
JsonNode *_mbc_pack_get_condition (Loader *l,
                                   JsonObject *object,
                                   const char *path,
                                   const char *key,
                                   gboolean required);
gboolean _mbc_pack_is_literal_true (JsonNode *node);

G_END_DECLS
