/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JsonLogic evaluator: the shared conformance suite, then our own edge cases. */
#include "config.h"

#include <math.h>

#include "mbc-json-logic.h"
#include "mbc-problem.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Numbers compare by value (2 and 2.0 are the same result); the rest structurally. */
static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (a))
    {
      GType ta = json_node_get_value_type (a), tb = json_node_get_value_type (b);
      gboolean na = ta == G_TYPE_INT64 || ta == G_TYPE_DOUBLE;
      gboolean nb = tb == G_TYPE_INT64 || tb == G_TYPE_DOUBLE;
      if (na && nb)
        {
          double x = ta == G_TYPE_INT64 ? (double) json_node_get_int (a) : json_node_get_double (a);
          double y = tb == G_TYPE_INT64 ? (double) json_node_get_int (b) : json_node_get_double (b);
          return x == y;
        }
    }
  if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);
      if (json_array_get_length (x) != json_array_get_length (y))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (x); i++)
        if (!same_value (json_array_get_element (x, i), json_array_get_element (y, i)))
          return FALSE;
      return TRUE;
    }
  return json_node_equal (a, b);
}

static void
test_conformance (void)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "..", "shared", "conformance",
                                            "jsonlogic", "tests.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;
  guint run = 0, failed = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("%s is absent: the JsonLogic conformance suite was not run", path);
      return;
    }
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonNode *entry = json_array_get_element (cases, i);
      JsonArray *triple;
      g_autoptr(JsonNode) result = NULL;
      g_autoptr(GError) apply_error = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (entry))
        continue; /* a comment */
      triple = json_node_get_array (entry);
      result = mbc_json_logic_apply (json_array_get_element (triple, 0),
                                     json_array_get_element (triple, 1), &apply_error);
      run++;
      if (result == NULL || !same_value (result, json_array_get_element (triple, 2)))
        {
          g_autofree char *rule = json_to_string (json_array_get_element (triple, 0), FALSE);
          g_autofree char *got = result ? mbc_json_logic_to_string (result) : g_strdup ("(error)");
          g_autofree char *want = json_to_string (json_array_get_element (triple, 2), FALSE);
          g_printerr ("conformance case %u failed: %s gave %s, expected %s%s%s\n", run, rule,
                      got, want, apply_error ? ": " : "",
                      apply_error ? apply_error->message : "");
          failed++;
        }
    }
  g_test_message ("JsonLogic conformance: %u cases, %u failed", run, failed);
  g_assert_cmpuint (run, ==, 277);
  g_assert_cmpuint (failed, ==, 0);
}

static void
assert_gives (const char *rule,
              const char *data,
              const char *expected)
{
  g_autoptr(JsonNode) r = parse (rule);
  g_autoptr(JsonNode) d = data ? parse (data) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = mbc_json_logic_apply (r, d, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = mbc_json_logic_to_string (result);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_coercions (void)
{
  /* Loose equality and comparisons follow JavaScript. */
  assert_gives ("{\"==\":[null,0]}", NULL, "false");
  assert_gives ("{\"==\":[null,null]}", NULL, "true");
  assert_gives ("{\"==\":[true,1]}", NULL, "true");
  assert_gives ("{\"==\":[\"\",0]}", NULL, "true");
  assert_gives ("{\"==\":[[1],1]}", NULL, "true");
  assert_gives ("{\">\":[\"b\",\"a\"]}", NULL, "true");
  assert_gives ("{\"<\":[\"x\",1]}", NULL, "false");
  assert_gives ("{\">=\":[null,0]}", NULL, "true");
  /* + uses parseFloat: null is NaN, which prints as null. */
  assert_gives ("{\"+\":[null,1]}", NULL, "null");
  assert_gives ("{\"+\":[\"3.5kg\",1]}", NULL, "4.5");
  assert_gives ("{\"-\":[\"0x10\",1]}", NULL, "15");
  assert_gives ("{\"/\":[1,0]}", NULL, "null");
  assert_gives ("{\"/\":[1,3]}", NULL, "0.3333333333333333");
  assert_gives ("{\"cat\":[null,\"a\",1.5,[1,2]]}", NULL, "\"a1.51,2\"");
  assert_gives ("{\"max\":[]}", NULL, "null");
  assert_gives ("{\"in\":[\"liver\",null]}", NULL, "false");
  assert_gives ("{\"substr\":[\"été\",1]}", NULL, "\"té\"");
  assert_gives ("{\"var\":[\"a\",5]}", "{\"a\":null}", "null");
  assert_gives ("{\"var\":[\"b\",5]}", "{\"a\":null}", "5");
  assert_gives ("{\"reduce\":[{\"var\":\"s\"},{\"+\":[{\"var\":\"accumulator\"},1]},0]}",
                "{\"s\":[\"bone\",\"liver\"]}", "2");
  assert_gives ("{\"all\":[{\"var\":\"s\"},{\"==\":[{\"var\":\"\"},\"bone\"]}]}",
                "{\"s\":[\"bone\"]}", "true");
  assert_gives ("{\"some\":[null,true]}", NULL, "false");
  assert_gives ("{\"none\":[null,true]}", NULL, "true");
  assert_gives ("{\"a\":1,\"b\":2}", NULL, "{\"a\":1,\"b\":2}");
}

/* Beyond the shared suite, what json-logic-js gives, class by class (results worked out
 * from its source and JavaScript's semantics). */
static void
test_reference (void)
{
  /* A missing argument is undefined, not null: NaN as a number, equal only to null. */
  assert_gives ("{\">=\":[2]}", NULL, "false");
  assert_gives ("{\"<=\":[{\"var\":\"x\"}]}", NULL, "false");
  assert_gives ("{\"<\":[1]}", NULL, "false");
  assert_gives ("{\"!!\":[{\"/\":[1]}]}", NULL, "false");
  assert_gives ("{\"%\":[5]}", NULL, "null");
  assert_gives ("{\"-\":[]}", NULL, "null");
  assert_gives ("{\"===\":[null]}", NULL, "false");
  assert_gives ("{\"==\":[null]}", NULL, "true");
  assert_gives ("{\"!==\":[1]}", NULL, "true");
  /* Nothing is in a falsy value. */
  assert_gives ("{\"in\":[\"\",\"\"]}", NULL, "false");
  assert_gives ("{\"in\":[\"\",\"a\"]}", NULL, "true");
  assert_gives ("{\"in\":[1,[]]}", NULL, "false");
  /* var reads arrays and strings as JavaScript does. */
  assert_gives ("{\"var\":\"length\"}", "[1,2,3]", "3");
  assert_gives ("{\"var\":\"a.length\"}", "{\"a\":\"a\\ud834\\udd1e\"}", "3");
  assert_gives ("{\"var\":\"0\"}", "\"abc\"", "\"a\"");
  assert_gives ("{\"var\":\"s.1\"}", "{\"s\":\"xyz\"}", "\"y\"");
  assert_gives ("{\"var\":[\"s.9\",\"none\"]}", "{\"s\":\"xyz\"}", "\"none\"");
  assert_gives ("{\"missing\":[\"length\"]}", "[1]", "[]");
  /* Strings count and compare in UTF-16 code units. */
  assert_gives ("{\"substr\":[\"a\\ud834\\udd1eb\",1,2]}", NULL, "\"𝄞\"");
  assert_gives ("{\"substr\":[\"a\\ud834\\udd1eb\",-1]}", NULL, "\"b\"");
  assert_gives ("{\"<\":[\"\\ue000\",\"\\ud834\\udd1e\"]}", NULL, "false");
  assert_gives ("{\">\":[\"\\ue000\",\"\\ud834\\udd1e\"]}", NULL, "true");
  /* missing_some counts its options by their length, whatever they are. */
  assert_gives ("{\"missing_some\":[1,\"abc\"]}", "{}", "[]");
  assert_gives ("{\"missing_some\":[1,5]}", "{}", "[5]");
  assert_gives ("{\"missing_some\":[1,[\"a\",\"b\"]]}", "{\"a\":1}", "[]");
  assert_gives ("{\"missing_some\":[2,[\"a\",\"b\"]]}", "{\"a\":1}", "[\"b\"]");
}

static void
test_errors (void)
{
  g_autoptr(JsonNode) unknown = parse ("{\"and\":[true,{\"method\":[\"x\",\"y\"]}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = mbc_json_logic_apply (unknown, NULL, &error);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(JsonNode) deep_rule = NULL;
  g_autoptr(JsonNode) deep_result = NULL;

  g_assert_null (result);
  g_assert_error (error, MBC_JSON_LOGIC_ERROR, MBC_JSON_LOGIC_ERROR_UNKNOWN_OPERATOR);
  g_clear_error (&error);

  for (int i = 0; i < 500; i++)
    g_string_append (deep, "{\"!\":");
  g_string_append (deep, "true");
  for (int i = 0; i < 500; i++)
    g_string_append (deep, "}");
  deep_rule = parse (deep->str);
  deep_result = mbc_json_logic_apply (deep_rule, NULL, &error);
  g_assert_null (deep_result);
  g_assert_error (error, MBC_JSON_LOGIC_ERROR, MBC_JSON_LOGIC_ERROR_TOO_DEEP);
}

static void
collect_var (const char *name,
             const char *path,
             gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s@%s", name, path));
}

static void
test_check (void)
{
  g_autoptr(JsonNode) rule = parse ("{\"and\":[{\"==\":[{\"var\":\"case.ecog\"},1]},"
                                    "{\"all\":[{\"var\":\"case.sites\"},{\"var\":\"\"}]},"
                                    "{\"frobnicate\":1},{\"a\":1,\"b\":2}]}");
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(GPtrArray) vars = g_ptr_array_new_with_free_func (g_free);
  MbcProblem *p;

  mbc_json_logic_check (rule, "$.when", collect_var, vars, problems);
  g_assert_cmpuint (problems->len, ==, 2);
  p = problems->pdata[0];
  g_assert_cmpstr (p->where, ==, "$.when.and[2].frobnicate");
  g_assert_true (strstr (p->message, "unknown operator") != NULL);
  p = problems->pdata[1];
  g_assert_cmpstr (p->where, ==, "$.when.and[3]");
  g_assert_cmpuint (vars->len, ==, 2);
  g_assert_cmpstr (vars->pdata[0], ==, "case.ecog@$.when.and[0][\"==\"][0].var");
  g_assert_cmpstr (vars->pdata[1], ==, "case.sites@$.when.and[1].all[0].var");
}

static const char * const random_ops[] = {
  "var", "missing", "missing_some", "if", "==", "===", "!=", "!==", "!", "!!", "or", "and",
  ">", ">=", "<", "<=", "max", "min", "+", "-", "*", "/", "%", "map", "reduce", "filter",
  "all", "none", "some", "merge", "in", "cat", "substr",
};

static JsonNode *
random_rule (GRand *rand,
             int    depth)
{
  JsonNode *node;
  int kind = depth <= 0 ? g_rand_int_range (rand, 0, 6) : g_rand_int_range (rand, 0, 9);

  switch (kind)
    {
    case 0: return json_node_init_int (json_node_alloc (), g_rand_int_range (rand, -3, 4));
    case 1: return json_node_init_double (json_node_alloc (), g_rand_double_range (rand, -2, 2));
    case 2: return json_node_init_string (json_node_alloc (),
                                          (const char *[]) { "", "a", "0", "x.y", "1",
                                                             "case.a", "case.n", "case.a.1",
                                                             "case", "-x" }
                                          [g_rand_int_range (rand, 0, 10)]);
    case 3: return json_node_init_boolean (json_node_alloc (), g_rand_boolean (rand));
    case 4: return json_node_init_null (json_node_alloc ());
    case 5:
      {
        JsonArray *array = json_array_new ();
        for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
          json_array_add_element (array, random_rule (rand, depth - 1));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    default:
      {
        JsonObject *object = json_object_new ();
        JsonArray *args = json_array_new ();
        for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
          json_array_add_element (args, random_rule (rand, depth - 1));
        json_object_set_array_member (object,
                                      random_ops[g_rand_int_range (rand, 0,
                                                                   G_N_ELEMENTS (random_ops))],
                                      args);
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    }
}

/* Random rules on random data: every one gives a value or a clear error, never a crash. */
static void
test_random_rules (void)
{
  GRand *rand = g_rand_new_with_seed (1017);
  g_autoptr(JsonNode) data = parse ("{\"a\":[1,2,{\"b\":null}],\"x\":{\"y\":\"z\"},"
                                    "\"1\":\"one\",\"s\":\"text\"}");
  guint values = 0;

  for (int i = 0; i < 20000; i++)
    {
      g_autoptr(JsonNode) rule = random_rule (rand, 5);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) result = mbc_json_logic_apply (rule, data, &error);
      g_autofree char *text = NULL;

      g_assert_true ((result == NULL) == (error != NULL));
      if (result)
        {
          text = mbc_json_logic_to_string (result);
          g_assert_nonnull (text);
          values++;
        }
    }
  g_rand_free (rand);
  g_assert_cmpuint (values, >, 0);
}

/* --- Programs bound to slots ------------------------------------------------------------- */

typedef struct
{
  JsonNode  *full;      /* the data as a whole, which names are resolved in */
  GPtrArray *slots;     /* what each resolved name reads */
  JsonNode  *root;      /* the data rules are given: its "case" filled in only on demand */
  JsonNode  *full_case;
  guint      fills;
} Bound;

/* Resolves a name as deep as the data's objects go (at least one name), or not at all when
 * its first name is "-" (so that both ways are exercised). */
static gboolean
bound_resolve (const char * const *names,
               guint               n_names,
               guint              *slot,
               guint              *n_used,
               gpointer            user_data)
{
  Bound *b = user_data;
  JsonNode *node = b->full;
  guint used = 0;

  if (names[0][0] == '-')
    return FALSE;
  while (used < n_names && JSON_NODE_HOLDS_OBJECT (node) &&
         json_object_has_member (json_node_get_object (node), names[used]))
    node = json_object_get_member (json_node_get_object (node), names[used++]);
  if (used == 0)
    node = NULL;   /* a first name the data does not have reads nothing */
  *slot = b->slots->len;
  *n_used = MAX (used, 1);
  g_ptr_array_add (b->slots, node);
  return TRUE;
}

static void
bound_fill_tree (gpointer user_data)
{
  Bound *b = user_data;

  json_object_set_member (json_node_get_object (b->root), "case", json_node_ref (b->full_case));
  b->fills++;
}

/* A program bound to slots gives what it gives on the whole tree, and fills the tree in only
 * when something no slot holds is read. */
static void
test_bound (void)
{
  GRand *rand = g_rand_new_with_seed (2026);
  const char *data_text = "{\"case\":{\"a\":[1,2,{\"b\":null}],\"n\":3,\"s\":\"text\","
                          "\"t\":true},\"x\":{\"y\":\"z\"},\"1\":\"one\",\"s\":\"text\"}";
  static const char * const fixed[] = {
    "{\"var\":\"case.n\"}", "{\">\":[{\"var\":\"case.n\"},2]}",
    "{\"var\":[\"case.missing\",7]}", "{\"missing\":[\"case.a\",\"case.q\",\"x.y\"]}",
    "{\"var\":\"case.a.length\"}", "{\"var\":\"case.s.0\"}", "{\"var\":\"\"}",
    "{\"some\":[{\"var\":\"case.a\"},{\"==\":[{\"var\":\"\"},2]}]}",
    "{\"var\":[\"-case\",1]}", "{\"var\":{\"cat\":[\"case\",\".n\"]}}",
    "{\"missing_some\":[1,[\"case.t\",\"case.zz\"]]}",
  };
  guint bound_fills = 0, compared = 0;

  for (int i = 0; i < 20000 + (int) G_N_ELEMENTS (fixed); i++)
    {
      g_autoptr(JsonNode) rule = i < (int) G_N_ELEMENTS (fixed) ? parse (fixed[i])
                                                              : random_rule (rand, 5);
      g_autoptr(JsonNode) full = parse (data_text);
      g_autoptr(JsonNode) partial = parse ("{\"x\":{\"y\":\"z\"},\"1\":\"one\","
                                           "\"s\":\"text\"}");
      g_autoptr(GPtrArray) slots = g_ptr_array_new ();
      Bound b = { full, slots, partial,
                  json_object_get_member (json_node_get_object (full), "case"), 0 };
      g_autoptr(MbcJsonLogicProgram) plain = mbc_json_logic_program_new (rule);
      g_autoptr(MbcJsonLogicProgram) resolved =
        mbc_json_logic_program_new_resolved (rule, bound_resolve, &b);
      MbcJsonLogicBinding binding = { partial, (JsonNode **) slots->pdata, bound_fill_tree, &b };
      g_autoptr(GError) plain_error = NULL, bound_error = NULL;
      gboolean plain_result = FALSE, bound_result = FALSE;
      gboolean plain_ok = mbc_json_logic_program_test (plain, full, &plain_result, &plain_error);
      gboolean bound_ok = mbc_json_logic_program_test_bound (resolved, &binding, &bound_result,
                                                             &bound_error);

      g_assert_cmpint (plain_ok, ==, bound_ok);
      if (plain_ok)
        g_assert_cmpint (plain_result, ==, bound_result);
      else
        g_assert_cmpstr (plain_error->message, ==, bound_error->message);
      g_assert_cmpuint (b.fills, <=, 1);
      /* The resolved names alone never need the tree. */
      if (i < 6)
        g_assert_cmpuint (b.fills, ==, 0);
      if (i == 6 || i == 9)
        g_assert_cmpuint (b.fills, ==, 1);
      bound_fills += b.fills;
      compared++;
    }
  g_rand_free (rand);
  g_test_message ("bound programs: %u compared, %u filled the tree in", compared, bound_fills);
}

/* What a program says it reads: only names resolved to slots, read on the data itself; a
 * rule that reads the data whole, a computed name or an unresolved one reads more. */
static void
test_reads (void)
{
  static const struct { const char *rule; int n_reads; } cases[] = {
    { "{\"==\":[{\"var\":\"case.n\"},1]}", 1 },
    /* (bound_resolve() gives each name a slot of its own, even a name read twice) */
    { "{\"and\":[{\"var\":\"case.n\"},{\"missing\":[\"case.t\",\"case.n\"]}]}", 3 },
    { "{\"some\":[{\"var\":\"case.a\"},{\"==\":[{\"var\":\"\"},2]}]}", 1 },
    { "{\"reduce\":[{\"var\":\"case.a\"},{\"+\":[{\"var\":\"current\"},1]},{\"var\":\"case.n\"}]}", 2 },
    { "true", 0 },
    { "{\"some\":[[{\"var\":\"\"}],{\"==\":[{\"var\":\"case.n\"},1]}]}", -1 },
    { "{\"var\":\"\"}", -1 },
    { "{\"var\":null}", -1 },
    { "{\"var\":[\"\"]}", -1 },
    { "{\"var\":1}", -1 },
    { "{\"var\":\"-x\"}", -1 },
    { "{\"var\":{\"cat\":[\"case\",\".n\"]}}", -1 },
    { "{\"missing\":[[\"case.n\"]]}", -1 },
    { "{\"missing_some\":[1,[\"case.n\"]]}", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) full = parse ("{\"case\":{\"a\":[1,2],\"n\":3,\"t\":true}}");
      g_autoptr(GPtrArray) slots = g_ptr_array_new ();
      Bound b = { full, slots, full, NULL, 0 };
      g_autoptr(JsonNode) rule = parse (cases[i].rule);
      g_autoptr(MbcJsonLogicProgram) program =
        mbc_json_logic_program_new_resolved (rule, bound_resolve, &b);
      guint n = 0;
      const guint *reads = mbc_json_logic_program_get_reads (program, &n);

      if (cases[i].n_reads < 0)
        g_assert_null (reads);
      else
        {
          g_assert_nonnull (reads);
          g_assert_cmpuint (n, ==, (guint) cases[i].n_reads);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-logic/conformance", test_conformance);
  g_test_add_func ("/json-logic/coercions", test_coercions);
  g_test_add_func ("/json-logic/reference", test_reference);
  g_test_add_func ("/json-logic/errors", test_errors);
  g_test_add_func ("/json-logic/check", test_check);
  g_test_add_func ("/json-logic/random-rules", test_random_rules);
  g_test_add_func ("/json-logic/bound", test_bound);
  g_test_add_func ("/json-logic/reads", test_reads);
  return g_test_run ();
}
