/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-json-logic.h: a JsonLogic evaluator working directly on JsonNode */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MBC_JSON_LOGIC_ERROR (mbc_json_logic_error_quark ())

typedef enum
{
  MBC_JSON_LOGIC_ERROR_UNKNOWN_OPERATOR,
  MBC_JSON_LOGIC_ERROR_TOO_DEEP,
  MBC_JSON_LOGIC_ERROR_BUDGET,
} MbcJsonLogicError;

/* The most one evaluation of a rule may cost (see mbc-json-logic.c). */
#define MBC_JSON_LOGIC_MAX_STEPS 1000000

/* Maximum nesting of operators in a rule (and of scopes while evaluating). */
#define MBC_JSON_LOGIC_MAX_DEPTH 128

/**
 * MbcJsonLogicVarFunc:
 * @name: the literal name a `var` reads (such as "case.age_years")
 * @path: the JSON path of the `var` in the rule
 * @user_data: closure
 *
 * Called by mbc_json_logic_check() for every `var` whose name is a literal and that
 * reads the rule's own data (not an element inside map, filter, reduce, all, none or some).
 */
typedef void (*MbcJsonLogicVarFunc) (const char *name,
                                     const char *path,
                                     gpointer    user_data);

/* A rule compiled once, for evaluating it many times (see mbc-json-logic.c). */
typedef struct _MbcJsonLogicProgram MbcJsonLogicProgram;

GQuark     mbc_json_logic_error_quark  (void);
JsonNode  *mbc_json_logic_apply        (JsonNode            *rule,
                                        JsonNode            *data,
                                        GError             **error);
gboolean   mbc_json_logic_test         (JsonNode            *rule,
                                        JsonNode            *data,
                                        gboolean            *result,
                                        GError             **error);
gboolean   mbc_json_logic_truthy       (JsonNode            *value);
gboolean   mbc_json_logic_is_operator  (const char          *name);
void       mbc_json_logic_check        (JsonNode            *rule,
                                        const char          *path,
                                        MbcJsonLogicVarFunc  var_func,
                                        gpointer             user_data,
                                        GPtrArray           *problems);
char      *mbc_json_logic_to_string    (JsonNode            *value);

MbcJsonLogicProgram *mbc_json_logic_program_new      (JsonNode                   *rule);
void                 mbc_json_logic_program_free     (MbcJsonLogicProgram        *self);
gboolean             mbc_json_logic_program_test     (const MbcJsonLogicProgram  *self,
                                                      JsonNode                   *data,
                                                      gboolean                   *result,
                                                      GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcJsonLogicProgram, mbc_json_logic_program_free)

G_END_DECLS
