/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * MbcEvaluator: evaluates cases against a guideline pack: findings in order (unknown first, then
 * met), the first decision rule whose condition holds, then its missing and confirm
 * fields and strength, then the plan items, statements and tallies. All the medicine is
 * in the pack's conditions; this file only walks the pack's structure.
 */
#define G_LOG_DOMAIN "mbc-evaluator"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-evaluator.h"
#include "mbc-json-logic.h"
#include "mbc-memo.h"
#include "mbc-problem.h"
#include "mbc-result-private.h"

static void
evaluator_add_unique (GPtrArray  *array,
                      const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (strcmp (g_ptr_array_index (array, i), value) == 0)
      return;
  g_ptr_array_add (array, (gpointer) value);
}

struct _MbcEvaluator
{
  GObject       parent_instance;

  MbcGuideline *guideline;
  /* Each condition of the guideline (JsonNode) -> its Condition, compiled when first
   * evaluated; and the conditions in the order they were first asked about, which is as a
   * rule the order of the next case: each is looked for first after the one asked before. */
  GHashTable   *programs;
  GPtrArray    *sequence;
  guint         next;           /* the place in sequence after the condition asked last */
  guint         memo_entries;   /* in all the conditions' memos */
  guint64       n_conditions;   /* conditions asked, since the evaluator was made */
  guint64       n_kept;         /* of which answered by a kept result */
  /* Each list of sources the pack gives (a rule's, a strength's, a plan item's) -> its
   * statements (the sources that are not references), each as 1 + its place in the pack's
   * list of sources, then 0: made once for each list, so that statements are put in order
   * without looking sources up for every case. */
  GHashTable   *statement_lists;
  guint        *statement_order;   /* this evaluation's statements, by place (sorted) */
  guint         n_statements;
  /* For each tally, the place of each of its findings (-1 when the pack has none), then -2. */
  int         **tally_findings;
  /* Each decision the pack can make -> its object as rules read it, made when first
   * needed: the rule's strength (or the rule, when it has none) -> JsonObject. */
  GHashTable   *decisions;
  JsonObject   *empty;          /* what the case and the decision hold between cases */
  /* What rules read, { case, findings, params, decision }, kept between evaluations so
   * that each one only replaces the case and updates the statuses in place. */
  JsonNode     *data;
  JsonNode     *case_node;      /* object node: its object is swapped for each case */
  JsonNode     *decision_node;  /* object node: its object is swapped for each decision */
  JsonNode    **finding_nodes;  /* string nodes, set to each finding's status */
  /* What the conditions' names read without walking the tree (MbcJsonLogicBinding):
   * each case field (nodes of rule_nodes, NULL when not known), each finding's node, then
   * the nodes of params and the decision that names were resolved to. */
  GPtrArray        *slots;
  GArray           *codes;      /* guint64 a slot: what it holds, as a number (see below) */
  GArray           *decision_slots;  /* guint: the slots that read the decision */
  guint64           decision_code;   /* the decision in force, as a number (0: none) */
  MbcCaseRuleNodes *rule_nodes;
  MbcCase          *kase;       /* the case being evaluated, for filling in the tree */
  gboolean          tree_filled;
};

G_DEFINE_FINAL_TYPE (MbcEvaluator, mbc_evaluator, G_TYPE_OBJECT)

/*
 * A condition, compiled, and what it was found to give. A condition that reads nothing but
 * slots (mbc_json_logic_program_get_reads()) is a function of what they hold: each slot's
 * code (a number that is the same exactly when the slot holds the same: a field's value or
 * unknown, a finding's status, the decision in force, nothing for params) says it. So its
 * result for the codes it has seen is kept, and the condition is evaluated only for codes
 * it has not: a cohort's cases share most of what each condition reads. Errors are never
 * kept. At most MEMO_MAX results are kept in all, so memory stays bounded.
 */
#define MEMO_MAX_READS 16
#define MEMO_MAX 65536

typedef struct
{
  JsonNode            *node;      /* the condition in the pack */
  guint                place;     /* in the evaluator's sequence */
  MbcJsonLogicProgram *program;
  const guint         *reads;     /* NULL when the condition is not kept */
  guint                n_reads;
  MbcMemo             *memo;      /* what it gave, by the codes of what it read */
} Condition;

static void
condition_free (Condition *condition)
{
  mbc_json_logic_program_free (condition->program);
  g_clear_pointer (&condition->memo, mbc_memo_free);
  g_free (condition);
}

/* The statements among @sources (see statement_lists). */
static const guint *
evaluator_statement_list (MbcEvaluator  *self,
                          const char   **sources)
{
  GPtrArray *all = mbc_guideline_get_sources (self->guideline);
  guint *list = g_hash_table_lookup (self->statement_lists, sources);
  guint n = 0;

  if (list != NULL)
    return list;
  list = g_new0 (guint, (sources ? g_strv_length ((char **) sources) : 0) + 1);
  for (guint i = 0; sources && sources[i]; i++)
    {
      const MbcSource *source = mbc_guideline_lookup_source (self->guideline, sources[i]);
      guint place = 0;

      /* Statements are what the consensus says; references are only cited in reasons. */
      if (source == NULL || strcmp (source->kind, "reference") == 0)
        continue;
      /* A source listed twice in the pack has its first place. */
      while (place < all->len && strcmp (((MbcSource *) all->pdata[place])->id, source->id) != 0)
        place++;
      list[n++] = place + 1;
    }
  g_hash_table_insert (self->statement_lists, sources, list);
  return list;
}

/* Adds the statements among @sources to this evaluation's, each once, in the pack's order. */
static void
evaluator_add_statements (MbcEvaluator  *self,
                          const char   **sources)
{
  for (const guint *p = evaluator_statement_list (self, sources); *p; p++)
    {
      guint at = 0;

      while (at < self->n_statements && self->statement_order[at] < *p)
        at++;
      if (at < self->n_statements && self->statement_order[at] == *p)
        continue;
      memmove (self->statement_order + at + 1, self->statement_order + at,
               (self->n_statements - at) * sizeof (guint));
      self->statement_order[at] = *p;
      self->n_statements++;
    }
}

/* The decision object of @rule with @strength (nullable), as plan items read it. */
static JsonObject *
evaluator_decision (MbcEvaluator      *self,
                    const MbcRule     *rule,
                    const MbcStrength *strength)
{
  gconstpointer key = strength ? (gconstpointer) strength : (gconstpointer) rule;
  JsonObject *decision = g_hash_table_lookup (self->decisions, key);

  if (decision != NULL)
    return decision;
  decision = json_object_new ();
  json_object_set_string_member (decision, "tier", rule->tier);
  json_object_set_string_member (decision, "rule", rule->id);
  if (strength)
    json_object_set_string_member (decision, "strength", strength->value);
  else
    json_object_set_null_member (decision, "strength");
  g_hash_table_insert (self->decisions, (gpointer) key, decision);
  return decision;
}

enum { SLOT_FINDINGS = MBC_CASE_N_FIELDS };

/* Sets finding @i's status as rules read it. */
static void
evaluator_set_status (MbcEvaluator     *self,
                      guint             i,
                      MbcFindingStatus  status)
{
  guint64 *code = &g_array_index (self->codes, guint64, SLOT_FINDINGS + i);

  /* The node's text is the status its code says (both start as unknown). */
  if (*code != (guint64) status)
    json_node_set_string (self->finding_nodes[i], mbc_finding_status_to_string (status));
  *code = (guint64) status;
}

/* The decision in force (@code: its object, as a number), for the slots that read it. */
static void
evaluator_set_decision_code (MbcEvaluator *self,
                             guint64       code)
{
  self->decision_code = code;
  for (guint i = 0; i < self->decision_slots->len; i++)
    g_array_index (self->codes, guint64, g_array_index (self->decision_slots, guint, i)) = code;
}

/* The slot of a name a condition reads (MbcJsonLogicResolveFunc): "case.FIELD" and
 * "findings.ID" are filled in for each case; "params…" (as deep as the pack's params go) and
 * "decision" are nodes that stay. Anything else is read from the tree. */
static gboolean
evaluator_resolve (const char * const *names,
                   guint               n_names,
                   guint              *slot,
                   guint              *n_used,
                   gpointer            user_data)
{
  MbcEvaluator *self = user_data;
  JsonNode *node = NULL;
  guint used = 1;

  if (strcmp (names[0], "case") == 0 && n_names >= 2)
    {
      int field = mbc_case_field_from_name (names[1]);
      if (field < 0)
        return FALSE;
      *slot = (guint) field;
      *n_used = 2;
      return TRUE;
    }
  if (strcmp (names[0], "findings") == 0 && n_names >= 2)
    {
      int place = mbc_guideline_find_finding (self->guideline, names[1]);
      if (place < 0)
        return FALSE;
      *slot = SLOT_FINDINGS + (guint) place;
      *n_used = 2;
      return TRUE;
    }
  if (strcmp (names[0], "params") == 0)
    {
      node = mbc_guideline_get_params_node (self->guideline);
      while (used < n_names && JSON_NODE_HOLDS_OBJECT (node) &&
             json_object_has_member (json_node_get_object (node), names[used]))
        node = json_object_get_member (json_node_get_object (node), names[used++]);
    }
  else if (strcmp (names[0], "decision") == 0)
    {
      node = self->decision_node;
      g_array_append_val (self->decision_slots, self->slots->len);
    }
  else
    return FALSE;
  *slot = self->slots->len;
  *n_used = used;
  g_ptr_array_add (self->slots, node);
  return TRUE;
}

/* Fills in the case in the tree rules read (MbcJsonLogicBinding.fill_tree), for the rare
 * name no slot holds. */
static void
evaluator_fill_tree (gpointer user_data)
{
  MbcEvaluator *self = user_data;
  g_autoptr(JsonNode) case_data = NULL;

  if (self->tree_filled || self->kase == NULL)
    return;
  case_data = mbc_case_to_rule_data (self->kase);
  json_node_set_object (self->case_node, json_node_get_object (case_data));
  self->tree_filled = TRUE;
}

/* Whether @condition holds; once one fails, *ok is FALSE and @error names its path. */
static gboolean
evaluator_holds (MbcEvaluator  *self,
                 JsonNode      *condition,
                 JsonNode      *data,
                 gboolean      *ok,
                 GError       **error)
{
  Condition *c = NULL;
  MbcJsonLogicBinding binding;
  gboolean result = FALSE;
  guint64 key[MEMO_MAX_READS];
  int kept;

  if (!*ok)
    return FALSE;
  self->n_conditions++;
  if (self->next < self->sequence->len &&
      ((Condition *) self->sequence->pdata[self->next])->node == condition)
    c = self->sequence->pdata[self->next];
  else
    c = g_hash_table_lookup (self->programs, condition);
  if (c == NULL)
    {
      c = g_new0 (Condition, 1);
      c->node = condition;
      c->place = self->sequence->len;
      c->program = mbc_json_logic_program_new_resolved (condition, evaluator_resolve, self);
      c->reads = mbc_json_logic_program_get_reads (c->program, &c->n_reads);
      if (c->reads != NULL && c->n_reads <= MEMO_MAX_READS)
        c->memo = mbc_memo_new (c->n_reads);
      g_hash_table_insert (self->programs, condition, c);
      g_ptr_array_add (self->sequence, c);
      /* Resolving may have added slots: params read nothing that changes (0), the decision
       * reads the one in force. */
      g_array_set_size (self->codes, self->slots->len);
      evaluator_set_decision_code (self, self->decision_code);
    }
  self->next = c->place + 1;
  if (c->memo != NULL)
    {
      const guint64 *codes = (const guint64 *) self->codes->data;

      for (guint i = 0; i < c->n_reads; i++)
        key[i] = codes[c->reads[i]];
      if ((kept = mbc_memo_lookup (c->memo, key)) >= 0)
        {
          self->n_kept++;
          return kept;
        }
    }
  binding = (MbcJsonLogicBinding) { data, (JsonNode **) self->slots->pdata,
                                    evaluator_fill_tree, self };
  if (mbc_json_logic_program_test_bound (c->program, &binding, &result, error))
    {
      if (c->memo != NULL && self->memo_entries < MEMO_MAX)
        {
          mbc_memo_insert (c->memo, key, result);
          self->memo_entries++;
        }
    }
  else
    {
      const char *path = mbc_guideline_get_condition_path (self->guideline, condition);
      *ok = FALSE;
      g_prefix_error (error, "%s: ", path ? path : "$");
    }
  return result;
}

static void
evaluator_add_fields (MbcEvaluator  *self,
                      GPtrArray     *out,
                      GPtrArray     *conditions,
                      JsonNode      *data,
                      gboolean      *ok,
                      GError       **error)
{
  for (guint i = 0; i < conditions->len && *ok; i++)
    {
      const MbcFieldCondition *c = g_ptr_array_index (conditions, i);
      if (evaluator_holds (self, c->when, data, ok, error))
        evaluator_add_unique (out, c->field);
    }
}

enum {
  PROP_0,
  PROP_GUIDELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static JsonNode *
evaluator_string_node (const char *value)
{
  return json_node_init_string (json_node_alloc (), value);
}

static void
mbc_evaluator_constructed (GObject *object)
{
  MbcEvaluator *self = MBC_EVALUATOR (object);
  GPtrArray *findings = mbc_guideline_get_findings (self->guideline);
  JsonObject *root = json_object_new ();
  JsonObject *findings_object = json_object_new ();

  G_OBJECT_CLASS (mbc_evaluator_parent_class)->constructed (object);

  self->programs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) condition_free);
  self->sequence = g_ptr_array_new ();
  self->decisions = g_hash_table_new_full (NULL, NULL, NULL,
                                           (GDestroyNotify) json_object_unref);
  self->statement_lists = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->statement_order = g_new0 (guint, mbc_guideline_get_sources (self->guideline)->len);
  {
    GPtrArray *tallies = mbc_guideline_get_tallies (self->guideline);
    self->tally_findings = g_new0 (int *, tallies->len + 1);
    for (guint t = 0; t < tallies->len; t++)
      {
        const MbcTally *tally = g_ptr_array_index (tallies, t);
        guint n = g_strv_length ((char **) tally->findings);

        self->tally_findings[t] = g_new (int, n + 1);
        for (guint k = 0; k < n; k++)
          self->tally_findings[t][k] = mbc_guideline_find_finding (self->guideline,
                                                                   tally->findings[k]);
        self->tally_findings[t][n] = -2;
      }
  }
  self->empty = json_object_new ();
  self->finding_nodes = g_new0 (JsonNode *, findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      self->finding_nodes[i] = evaluator_string_node ("unknown");
      json_object_set_member (findings_object, ((MbcFinding *) findings->pdata[i])->id,
                              self->finding_nodes[i]);
    }
  /* json-glib 1.6 cannot safely replace an object member or re-initialise a node, so the
   * case and the decision are objects swapped inside nodes that stay. */
  self->case_node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (self->case_node, json_object_new ());
  self->decision_node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (self->decision_node, json_object_new ());
  json_object_set_member (root, "case", self->case_node);
  json_object_set_object_member (root, "findings", findings_object);
  json_object_set_member (root, "params",
                          json_node_ref (mbc_guideline_get_params_node (self->guideline)));
  json_object_set_member (root, "decision", self->decision_node);
  self->data = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (self->data, root);

  self->rule_nodes = mbc_case_rule_nodes_new ();
  self->slots = g_ptr_array_new ();
  g_ptr_array_set_size (self->slots, SLOT_FINDINGS + findings->len);
  self->codes = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_array_set_size (self->codes, self->slots->len);
  self->decision_slots = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < findings->len; i++)
    {
      self->slots->pdata[SLOT_FINDINGS + i] = self->finding_nodes[i];
      g_array_index (self->codes, guint64, SLOT_FINDINGS + i) = MBC_FINDING_UNKNOWN;
    }
}

static void
mbc_evaluator_finalize (GObject *object)
{
  MbcEvaluator *self = MBC_EVALUATOR (object);

  g_clear_pointer (&self->data, json_node_unref);
  g_clear_pointer (&self->sequence, g_ptr_array_unref);
  g_clear_pointer (&self->programs, g_hash_table_unref);
  g_clear_pointer (&self->decisions, g_hash_table_unref);
  g_clear_pointer (&self->statement_lists, g_hash_table_unref);
  g_clear_pointer (&self->statement_order, g_free);
  if (self->tally_findings != NULL)
    for (guint t = 0; self->tally_findings[t]; t++)
      g_free (self->tally_findings[t]);
  g_clear_pointer (&self->tally_findings, g_free);
  g_clear_pointer (&self->empty, json_object_unref);
  g_clear_pointer (&self->finding_nodes, g_free);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_array_unref);
  g_clear_pointer (&self->decision_slots, g_array_unref);
  g_clear_pointer (&self->rule_nodes, mbc_case_rule_nodes_free);
  g_clear_object (&self->guideline);
  G_OBJECT_CLASS (mbc_evaluator_parent_class)->finalize (object);
}

static void
mbc_evaluator_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MbcEvaluator *self = MBC_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_GUIDELINE:
      g_value_set_object (value, self->guideline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_evaluator_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MbcEvaluator *self = MBC_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_GUIDELINE:
      self->guideline = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mbc_evaluator_class_init (MbcEvaluatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mbc_evaluator_constructed;
  object_class->finalize = mbc_evaluator_finalize;
  object_class->get_property = mbc_evaluator_get_property;
  object_class->set_property = mbc_evaluator_set_property;

  properties[PROP_GUIDELINE] =
    g_param_spec_object ("guideline", NULL, NULL, MBC_TYPE_GUIDELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mbc_evaluator_init (MbcEvaluator *self)
{
}

/**
 * mbc_evaluator_new:
 * @guideline: the guideline cases are evaluated against
 *
 * An evaluator keeps what rules read between evaluations. It is not thread-safe: use
 * one a thread (the guideline itself can be shared).
 */
MbcEvaluator *
mbc_evaluator_new (MbcGuideline *guideline)
{
  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);
  return g_object_new (MBC_TYPE_EVALUATOR, "guideline", guideline, NULL);
}

MbcGuideline *
mbc_evaluator_get_guideline (MbcEvaluator *self)
{
  g_return_val_if_fail (MBC_IS_EVALUATOR (self), NULL);
  return self->guideline;
}

/**
 * mbc_evaluator_get_counts:
 * @conditions: (out) (optional): how many conditions were asked about, in all evaluations
 * @kept: (out) (optional): how many of them were answered by a result kept from a case that
 *   read the same (see Condition)
 *
 * For benchmarks: how much the kept results save.
 */
void
mbc_evaluator_get_counts (MbcEvaluator *self,
                          guint64      *conditions,
                          guint64      *kept)
{
  g_return_if_fail (MBC_IS_EVALUATOR (self));

  if (conditions)
    *conditions = self->n_conditions;
  if (kept)
    *kept = self->n_kept;
}

/**
 * mbc_evaluator_evaluate:
 * @kase: a valid case (see mbc_case_validate())
 * @error: set if a rule fails while evaluating (such as one nested too deeply)
 *
 * Returns: (transfer full) (nullable): the result.
 */
MbcResult *
mbc_evaluator_evaluate (MbcEvaluator  *self,
                        MbcCase       *kase,
                        GError       **error)
{
  g_autoptr(MbcResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  MbcGuideline *guideline;
  JsonNode *data;
  GPtrArray *findings, *rules, *items, *tallies, *cautions;
  gboolean ok = TRUE;

  g_return_val_if_fail (MBC_IS_EVALUATOR (self), NULL);
  g_return_val_if_fail (MBC_IS_CASE (kase), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  guideline = self->guideline;
  data = self->data;
  result = _mbc_result_new (guideline);
  findings = mbc_guideline_get_findings (guideline);
  rules = mbc_guideline_get_rules (guideline);
  items = mbc_guideline_get_plan_items (guideline);
  tallies = mbc_guideline_get_tallies (guideline);
  cautions = mbc_guideline_get_cautions (guideline);

  G_STATIC_ASSERT (MBC_CASE_N_FIELDS <= 64);
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    if (mbc_case_field_get_kind (f) != MBC_CASE_KIND_LABEL && mbc_case_is_known (kase, f))
      result->known_inputs |= G_GUINT64_CONSTANT (1) << f;
  /* What rules read of the case: its fields' nodes, and the tree only if a rule needs it. */
  mbc_case_rule_nodes_fill (self->rule_nodes, kase, (JsonNode **) self->slots->pdata,
                            (guint64 *) self->codes->data);
  self->kase = kase;
  self->tree_filled = FALSE;
  self->n_statements = 0;
  self->next = 0;

  /* No finding's status is left from the case before: until set, each reads "unknown". */
  for (guint i = 0; i < findings->len; i++)
    evaluator_set_status (self, i, MBC_FINDING_UNKNOWN);

  /* Findings, in order: a finding may only read those before it (the pack is checked for
   * that), so every status is set before anything reads it. */
  for (guint i = 0; i < findings->len && ok; i++)
    {
      const MbcFinding *finding = g_ptr_array_index (findings, i);
      MbcFindingStatus status;

      if (evaluator_holds (self, finding->unknown_when, data, &ok, &local_error))
        status = MBC_FINDING_UNKNOWN;
      else if (evaluator_holds (self, finding->met_when, data, &ok, &local_error))
        status = MBC_FINDING_MET;
      else
        status = MBC_FINDING_NOT_MET;
      result->statuses[i] = status;
      evaluator_set_status (self, i, status);
    }

  /* The decision table: the first rule that evaluator_holds (the pack guarantees one does). */
  for (guint i = 0; i < rules->len && ok && result->rule == NULL; i++)
    {
      const MbcRule *rule = g_ptr_array_index (rules, i);
      if (evaluator_holds (self, rule->when, data, &ok, &local_error))
        result->rule = rule;
    }
  if (ok && result->rule != NULL)
    {
      const MbcRule *rule = result->rule;
      JsonObject *decision;

      evaluator_add_fields (self, result->missing, rule->missing, data, &ok, &local_error);
      evaluator_add_fields (self, result->confirm, rule->confirm, data, &ok, &local_error);
      for (guint i = 0; i < rule->strength->len && ok && result->strength == NULL; i++)
        {
          const MbcStrength *strength = g_ptr_array_index (rule->strength, i);
          if (evaluator_holds (self, strength->when, data, &ok, &local_error))
            result->strength = strength;
        }
      for (guint i = 0; i < rule->headings->len && ok && result->heading == NULL; i++)
        {
          const MbcHeading *heading = g_ptr_array_index (rule->headings, i);
          if (evaluator_holds (self, heading->when, data, &ok, &local_error))
            result->heading = heading->text;
        }
      evaluator_add_statements (self, rule->sources);
      if (result->strength)
        evaluator_add_statements (self, result->strength->sources);

      /* Plan items read the decision. */
      decision = evaluator_decision (self, rule, result->strength);
      json_node_set_object (self->decision_node, decision);
      evaluator_set_decision_code (self, (guint64) (guintptr) decision);

      for (guint i = 0; i < items->len && ok; i++)
        {
          const MbcPlanItem *item = g_ptr_array_index (items, i);
          if (!evaluator_holds (self, item->when, data, &ok, &local_error))
            continue;
          g_ptr_array_add (result->plan, (gpointer) item);
          for (guint k = 0; item->options[k]; k++)
            evaluator_add_unique (result->options, item->options[k]);
          result->axillary_evaluation |= item->axillary_evaluation;
          evaluator_add_statements (self, item->sources);
        }
      for (guint i = 0; i < cautions->len && ok; i++)
        {
          const MbcCaution *caution = g_ptr_array_index (cautions, i);
          if (!evaluator_holds (self, caution->when, data, &ok, &local_error))
            continue;
          g_ptr_array_add (result->cautions, (gpointer) caution);
          evaluator_add_statements (self, caution->sources);
        }
    }
  else if (ok)
    g_set_error (&local_error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_EVALUATE,
                 _("no decision rule fired"));

  /* Nothing of the case stays behind in the evaluator. */
  self->kase = NULL;
  self->tree_filled = FALSE;
  for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
    self->slots->pdata[f] = NULL;
  json_node_set_object (self->case_node, self->empty);
  json_node_set_object (self->decision_node, self->empty);
  evaluator_set_decision_code (self, 0);

  if (!ok || local_error != NULL)
    {
      g_set_error (error, MBC_GUIDELINE_ERROR, MBC_GUIDELINE_ERROR_EVALUATE,
                   _("the guideline could not be evaluated: %s"),
                   local_error ? local_error->message : "unknown error");
      return NULL;
    }

  /* Statements in the order the pack lists its sources (take-home messages first). */
  for (guint i = 0; i < self->n_statements; i++)
    g_ptr_array_add (result->statements,
                     (gpointer) ((MbcSource *) mbc_guideline_get_sources (guideline)->pdata
                                   [self->statement_order[i] - 1])->id);

  for (guint t = 0; t < tallies->len; t++)
    {
      for (const int *k = self->tally_findings[t]; *k != -2; k++)
        {
          MbcFindingStatus status = *k >= 0 ? result->statuses[*k] : MBC_FINDING_UNKNOWN;
          guint slot = status == MBC_FINDING_MET ? 0 : status == MBC_FINDING_NOT_MET ? 1 : 2;
          result->tallies[3 * t + slot]++;
        }
    }
  return g_steal_pointer (&result);
}

/**
 * mbc_evaluate:
 * @guideline: a loaded guideline
 * @kase: a valid case
 * @error: as for mbc_evaluator_evaluate()
 *
 * Evaluates one case with a new evaluator: for one-off evaluations.
 *
 * Returns: (transfer full) (nullable): the result.
 */
MbcResult *
mbc_evaluate (MbcGuideline  *guideline,
              MbcCase       *kase,
              GError       **error)
{
  g_autoptr(MbcEvaluator) evaluator = NULL;

  g_return_val_if_fail (MBC_IS_GUIDELINE (guideline), NULL);
  evaluator = mbc_evaluator_new (guideline);
  return mbc_evaluator_evaluate (evaluator, kase, error);
}

/* --- What would change this ---------------------------------------------------------------- */

void
mbc_change_free (MbcChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->value, json_node_unref);
  g_free (change->text);
  g_free (change);
}

static int
evaluator_compare_doubles (gconstpointer a,
                           gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Adds @v to @out once, if it is within [@min, @max]. */
static void
evaluator_add_value (GArray *out,
                     double  v,
                     double  min,
                     double  max)
{
  if (v < min || v > max)
    return;
  for (guint i = 0; i < out->len; i++)
    if (g_array_index (out, double, i) == v)
      return;
  g_array_append_val (out, v);
}

/* The values worth trying for a field, as case-file JSON. The thresholds come from the
 * pack: every number its conditions and params use is tried, with its neighbours, beside
 * the ends of the field's range and (for whole numbers) the start of the range one by one,
 * where counts and scores change their findings. Only unknown fields are tried. */
static GPtrArray *
evaluator_candidates (MbcGuideline *guideline,
                      MbcCaseField  field)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  const char * const *choices = mbc_case_field_get_choices (field);
  GArray *numbers = mbc_guideline_get_numbers (guideline);

  g_assert (MBC_IS_GUIDELINE (guideline));

  switch (mbc_case_field_get_kind (field))
    {
    case MBC_CASE_KIND_CHOICE:
      for (guint i = 0; choices[i]; i++)
        g_ptr_array_add (out, json_node_init_string (json_node_alloc (), choices[i]));
      break;
    case MBC_CASE_KIND_BOOL:
      g_ptr_array_add (out, json_node_init_boolean (json_node_alloc (), TRUE));
      g_ptr_array_add (out, json_node_init_boolean (json_node_alloc (), FALSE));
      break;
    case MBC_CASE_KIND_INT:
    case MBC_CASE_KIND_NUMBER:
      {
        gboolean whole = mbc_case_field_get_kind (field) == MBC_CASE_KIND_INT;
        double step = whole ? 1 : 0.5;
        g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
        double min, max;

        mbc_case_field_get_range (field, &min, &max);
        for (int v = 0; whole && v <= 12; v++)
          evaluator_add_value (values, min + v, min, max);
        evaluator_add_value (values, min, min, max);
        for (guint i = 0; i < numbers->len; i++)
          {
            double n = g_array_index (numbers, double, i);
            double at = whole ? floor (n) : n;
            evaluator_add_value (values, at - step, min, max);
            evaluator_add_value (values, at, min, max);
            evaluator_add_value (values, whole ? ceil (n) : at + step, min, max);
            evaluator_add_value (values, (whole ? ceil (n) : at) + step, min, max);
          }
        evaluator_add_value (values, max, min, max);
        g_array_sort (values, evaluator_compare_doubles);
        for (guint i = 0; i < values->len; i++)
          {
            double v = g_array_index (values, double, i);
            g_ptr_array_add (out, whole ? json_node_init_int (json_node_alloc (), (gint64) v)
                                        : json_node_init_double (json_node_alloc (), v));
          }
      }
      break;
    case MBC_CASE_KIND_SET:
      /* Sites not recorded: each one site alone. */
      for (guint i = 0; choices[i]; i++)
        {
          JsonArray *one = json_array_new ();
          json_array_add_string_element (one, choices[i]);
          g_ptr_array_add (out, json_node_init_array (json_node_alloc (), one));
          json_array_unref (one);
        }
      break;
    case MBC_CASE_KIND_LABEL:
    default:
      break;
    }
  return out;
}

/* Whether @field counts the lesions of a site ("liver_lesion_count", named after the site as
 * in the case file) that is not a recorded site of @kase. */
static gboolean
evaluator_count_of_unlisted_site (MbcCase      *kase,
                                  MbcCaseField  field)
{
  const char * const *sites = mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
  const char *name = mbc_case_field_get_name (field);
  g_autoptr(JsonNode) listed = NULL;

  g_assert (MBC_IS_CASE (kase));

  for (guint i = 0; sites[i]; i++)
    {
      g_autofree char *count = g_strdup_printf ("%s_lesion_count", sites[i]);

      if (g_strcmp0 (count, name) != 0)
        continue;
      /* A count of an organ is asked for only once the organ is a recorded site. */
      listed = mbc_case_dup_field_json (kase, MBC_CASE_FIELD_METASTATIC_SITES);
      if (!JSON_NODE_HOLDS_ARRAY (listed))
        return TRUE;
      for (guint k = 0; k < json_array_get_length (json_node_get_array (listed)); k++)
        if (g_strcmp0 (json_array_get_string_element (json_node_get_array (listed), k),
                       sites[i]) == 0)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/**
 * mbc_evaluator_what_would_change:
 * @kase: the case @result was computed for
 * @result: its result
 *
 * For each input that is unknown, the first value for it (nearest first) that gives the case
 * another tier, found by evaluating the changed case. Only what can still change is
 * proposed: a recorded value is never changed nor a recorded site removed, a lesion count is
 * proposed only for an organ that is a recorded site, and a value that would make the case
 * invalid (contradict what is recorded) is not tried.
 *
 * Returns: (transfer full) (element-type MbcChange): the changes, in field order.
 */
GPtrArray *
mbc_evaluator_what_would_change (MbcEvaluator *self,
                                 MbcCase      *kase,
                                 MbcResult    *result)
{
  GPtrArray *changes;
  const char *tier;

  g_return_val_if_fail (MBC_IS_EVALUATOR (self), NULL);
  g_return_val_if_fail (MBC_IS_CASE (kase), NULL);
  g_return_val_if_fail (MBC_IS_RESULT (result), NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mbc_change_free);
  tier = mbc_result_get_tier (result);
  for (MbcCaseField field = 0; field < MBC_CASE_N_FIELDS; field++)
    {
      g_autoptr(GPtrArray) values = NULL;
      g_autoptr(MbcCase) changed = NULL;

      if (mbc_case_field_get_kind (field) == MBC_CASE_KIND_LABEL)
        continue;
      if (mbc_case_is_known (kase, field) || evaluator_count_of_unlisted_site (kase, field))
        continue;
      values = evaluator_candidates (self->guideline, field);
      changed = mbc_case_copy (kase);
      for (guint i = 0; i < values->len; i++)
        {
          g_autoptr(GPtrArray) problems = mbc_problems_new ();
          g_autoptr(MbcResult) other = NULL;
          MbcChange *change;

          if (!mbc_case_set_field_json (changed, field, values->pdata[i], problems) ||
              !mbc_case_validate (changed, problems))
            continue;
          other = mbc_evaluator_evaluate (self, changed, NULL);
          if (other == NULL || g_strcmp0 (mbc_result_get_tier (other), tier) == 0)
            continue;
          change = g_new0 (MbcChange, 1);
          change->field = field;
          change->value = json_node_ref (values->pdata[i]);
          change->text = mbc_case_format_value (changed, field);
          change->tier = mbc_result_get_tier (other);
          g_ptr_array_add (changes, change);
          break;
        }
    }
  return changes;
}
