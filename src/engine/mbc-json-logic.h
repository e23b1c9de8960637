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

/**
 * MbcJsonLogicResolveFunc:
 * @names: a literal name a rule may read, split at its dots ("case", "age_years")
 * @n_names: how many
 * @slot: (out): the slot of the binding that holds what the first *n_used names read
 * @n_used: (out): how many of @names the slot stands for (at least 1)
 * @user_data: closure
 *
 * Returns: whether the name is resolved; when not, it is read from the data's tree.
 */
typedef gboolean (*MbcJsonLogicResolveFunc) (const char * const *names,
                                             guint               n_names,
                                             guint              *slot,
                                             guint              *n_used,
                                             gpointer            user_data);

/**
 * MbcJsonLogicBinding:
 * @root: the data the rule reads
 * @slots: for each slot, what its names read in @root: the node, or %NULL when @root has
 *   nothing there; a slot must never disagree with the tree, once the tree is filled in
 * @fill_tree: (nullable): called before @root is read as a tree (a name no slot holds, or the
 *   data as a whole), so that the tree may be filled in only when something needs it
 * @user_data: closure for @fill_tree
 */
typedef struct
{
  JsonNode  *root;
  JsonNode **slots;
  void     (*fill_tree) (gpointer user_data);
  gpointer   user_data;
} MbcJsonLogicBinding;

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
MbcJsonLogicProgram *mbc_json_logic_program_new_resolved (JsonNode                *rule,
                                                          MbcJsonLogicResolveFunc  resolve,
                                                          gpointer                 user_data);
void                 mbc_json_logic_program_free     (MbcJsonLogicProgram        *self);
gboolean             mbc_json_logic_program_test     (const MbcJsonLogicProgram  *self,
                                                      JsonNode                   *data,
                                                      gboolean                   *result,
                                                      GError                    **error);
const guint         *mbc_json_logic_program_get_reads  (const MbcJsonLogicProgram  *self,
                                                        guint                      *n_reads);
gboolean             mbc_json_logic_program_test_bound (const MbcJsonLogicProgram  *self,
                                                        const MbcJsonLogicBinding  *binding,
                                                        gboolean                   *result,
                                                        GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MbcJsonLogicProgram, mbc_json_logic_program_free)

G_END_DECLS
