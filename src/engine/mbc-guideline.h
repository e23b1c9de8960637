/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-guideline.h: a guideline pack (schema mbc-advisor/guideline/1), loaded and checked */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MBC_GUIDELINE_SCHEMA "mbc-advisor/guideline/1"
#define MBC_GUIDELINE_DEFAULT_ID "uio2017-mbc-primary-surgery"
/* Packs nest rules; this leaves room for MBC_JSON_LOGIC_MAX_DEPTH levels of operators. */
#define MBC_GUIDELINE_MAX_DEPTH 320

#define MBC_GUIDELINE_ERROR (mbc_guideline_error_quark ())

typedef enum
{
  MBC_GUIDELINE_ERROR_READ,     /* the pack could not be read */
  MBC_GUIDELINE_ERROR_INVALID,  /* the pack has problems (listed separately) */
  MBC_GUIDELINE_ERROR_EVALUATE, /* a rule failed while evaluating a case */
} MbcGuidelineError;

typedef enum
{
  MBC_FINDING_UNKNOWN,
  MBC_FINDING_MET,
  MBC_FINDING_NOT_MET,
} MbcFindingStatus;

/* Everything below is read-only data owned by the guideline; strings point into the pack. */

typedef struct
{
  const char   *label;
  double  percent;
} MbcPollOption;

typedef struct
{
  const char      *id;
  const char      *kind;       /* take_home_message, poll, question, statement, reference */
  const char      *title;
  const char      *text;       /* the consensus text quoted, or what a reference is cited for */
  const char      *question;   /* poll and question */
  const char      *consensus;  /* poll and question: the expert-group consensus */
  const char      *note;
  const char      *interpretation; /* what the application adds to it, labelled as such */
  GPtrArray *options;    /* MbcPollOption, poll only; NULL otherwise */
  const char     **cites;  /* the references its text cites, by id; empty for none */
} MbcSource;

typedef struct
{
  const char      *id;
  const char      *title;
  const char      *unit;
  const char      *reason;
  const char      *interpretation;
  const char     **sources;
  JsonNode  *value;
} MbcParam;

typedef struct
{
  const char  *id;
  const char  *title;
  const char  *description;
  const char  *interpretation;
  const char **sources;
} MbcGroup;

/* How the pack names a tier: a short title, and the heading a result is shown under. */
typedef struct
{
  const char  *title;
  const char  *heading;
} MbcTierText;

/* How the pack presents its polls: a section title, what it says, the name of the series. */
typedef struct
{
  const char  *title;
  const char  *description;
  const char  *series;
} MbcPolls;

typedef struct
{
  const char      *id;
  const char      *group;
  const char      *title;
  const char      *text[3];         /* indexed by MbcFindingStatus */
  const char      *interpretation;
  const char      *not_met_indicator;  /* info, warning or critical: how "not met" is shown */
  const char     **sources;
  const char     **fields;        /* the case fields its conditions read */
  JsonNode  *unknown_when;
  JsonNode  *met_when;
} MbcFinding;

typedef struct
{
  const char     *field;
  JsonNode *when;
} MbcFieldCondition;

typedef struct
{
  const char      *value;           /* stronger or standard */
  const char      *summary;
  const char      *detail;
  const char     **sources;
  JsonNode  *when;
} MbcStrength;

/* A heading a rule is shown under when its condition holds (the first that holds). */
typedef struct
{
  const char      *text;
  JsonNode        *when;
} MbcHeading;

/* A caution shown beside the recommendation when its condition holds; it never changes the
 * tier. */
typedef struct
{
  const char      *id;
  const char      *text;
  const char      *interpretation;
  const char     **sources;
  JsonNode        *when;
} MbcCaution;

typedef struct
{
  const char      *id;
  const char      *tier;
  const char      *heading;        /* nullable: instead of the tier's heading */
  GPtrArray       *headings;       /* MbcHeading: instead of heading, the first that holds */
  const char      *indicator;
  const char      *summary;
  const char      *detail;
  const char      *interpretation;
  const char     **sources;
  JsonNode  *when;
  GPtrArray *missing;         /* MbcFieldCondition */
  GPtrArray *confirm;         /* MbcFieldCondition */
  GPtrArray *strength;        /* MbcStrength */
} MbcRule;

typedef struct
{
  const char   *id;
  const char   *title;
  const char  **findings;
} MbcTally;

typedef struct
{
  const char  *id;
  const char  *title;
} MbcOption;

typedef MbcOption MbcPlanSection;

typedef struct
{
  const char      *id;
  const char      *section;
  const char      *indicator;
  const char      *summary;
  const char      *detail;
  const char     **sources;
  const char     **options;
  gboolean   axillary_evaluation;
  JsonNode  *when;
} MbcPlanItem;

typedef struct
{
  const char  *id;
  const char  *title;
  const char  *citation;
  const char  *text;
} MbcEvidenceItem;

typedef struct
{
  const char      *title;
  const char      *as_of;
  const char      *reviewed;       /* nullable: when the note was last reviewed */
  const char      *line;           /* the dated one-line note shown under every heading */
  const char      *summary;
  const char      *note;
  GPtrArray *items;          /* MbcEvidenceItem */
} MbcEvidence;

/* One of the pack's own tests: a case and what its result must be. */
typedef struct
{
  const char  *name;
  GObject     *kase;          /* MbcCase, validated at load */
  const char  *tier;          /* always given */
  gboolean     has_strength;
  const char  *strength;      /* NULL for none, when has_strength */
  const char  *rule;          /* nullable */
  JsonObject  *findings;      /* nullable: finding id -> status */
  const char **missing;       /* nullable */
  const char **confirm;       /* nullable */
  const char  *heading;       /* nullable */
} MbcPackTest;

#define MBC_TYPE_GUIDELINE (mbc_guideline_get_type ())

G_DECLARE_FINAL_TYPE (MbcGuideline, mbc_guideline, MBC, GUIDELINE, GObject)

GQuark              mbc_guideline_error_quark          (void);
const char         *mbc_finding_status_to_string       (MbcFindingStatus  status);

MbcGuideline       *mbc_guideline_new_from_bytes       (GBytes           *bytes,
                                                        GPtrArray        *problems,
                                                        GError          **error);
MbcGuideline       *mbc_guideline_new_from_file        (GFile            *file,
                                                        GPtrArray        *problems,
                                                        GError          **error);
void                mbc_engine_resources_ensure        (void);
MbcGuideline       *mbc_guideline_new_default          (GPtrArray        *problems,
                                                        GError          **error);

const char         *mbc_guideline_get_id               (MbcGuideline     *self);
const char         *mbc_guideline_get_version          (MbcGuideline     *self);
const char         *mbc_guideline_get_title            (MbcGuideline     *self);
const char         *mbc_guideline_get_short_title      (MbcGuideline     *self);
const char * const *mbc_guideline_get_authors          (MbcGuideline     *self);
const char         *mbc_guideline_get_date             (MbcGuideline     *self);
const char         *mbc_guideline_get_status           (MbcGuideline     *self);
const char         *mbc_guideline_get_intended_use     (MbcGuideline     *self);
const char         *mbc_guideline_get_intended_users   (MbcGuideline     *self);
const char         *mbc_guideline_get_disclaimer       (MbcGuideline     *self);
const char         *mbc_guideline_get_sha256           (MbcGuideline     *self);

GPtrArray          *mbc_guideline_get_sources          (MbcGuideline     *self);
const MbcSource    *mbc_guideline_lookup_source        (MbcGuideline     *self,
                                                        const char       *id);
GPtrArray          *mbc_guideline_get_params           (MbcGuideline     *self);
GPtrArray          *mbc_guideline_get_groups           (MbcGuideline     *self);
GPtrArray          *mbc_guideline_get_findings         (MbcGuideline     *self);
int                 mbc_guideline_find_finding         (MbcGuideline     *self,
                                                        const char       *id);
GPtrArray          *mbc_guideline_get_rules            (MbcGuideline     *self);
GPtrArray          *mbc_guideline_get_tallies          (MbcGuideline     *self);
GPtrArray          *mbc_guideline_get_options          (MbcGuideline     *self);
const MbcOption    *mbc_guideline_lookup_option        (MbcGuideline     *self,
                                                        const char       *id);
GPtrArray          *mbc_guideline_get_plan_sections    (MbcGuideline     *self);
GPtrArray          *mbc_guideline_get_plan_items       (MbcGuideline     *self);
GPtrArray          *mbc_guideline_get_cautions         (MbcGuideline     *self);
const MbcEvidence  *mbc_guideline_get_evidence         (MbcGuideline     *self);
char               *mbc_evidence_dated_title           (const MbcEvidence *evidence);
GPtrArray          *mbc_guideline_get_tests            (MbcGuideline     *self);
const char         *mbc_guideline_get_condition_path   (MbcGuideline     *self,
                                                        JsonNode         *condition);
GArray             *mbc_guideline_get_numbers          (MbcGuideline     *self);
const MbcTierText  *mbc_guideline_get_tier_text        (MbcGuideline     *self,
                                                        const char       *tier);
const MbcPolls     *mbc_guideline_get_polls            (MbcGuideline     *self);
char               *mbc_guideline_describe_sources     (MbcGuideline     *self,
                                                        const char * const *ids);
char               *mbc_interpretation_text            (const char       *interpretation);
JsonNode           *mbc_guideline_get_params_node      (MbcGuideline     *self);

G_END_DECLS
