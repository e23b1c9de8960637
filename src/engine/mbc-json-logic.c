/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * JsonLogic (jsonlogic.com) with the classic operators, evaluated directly on JsonNode.
 * The results follow the reference implementation (json-logic-js), including its
 * JavaScript coercions, so that a rule means the same thing here as in every other
 * implementation that passes the shared test suite.
 *
 * Every value returned is owned by the caller; values read from the data are
 * returned as new references (never copied) and are never modified.
 */
#define G_LOG_DOMAIN "mbc-json-logic"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "mbc-json.h"
#include "mbc-json-logic.h"
#include "mbc-problem.h"

/*
 * What one evaluation may cost, whatever the rule: a step for each operator or value
 * evaluated, plus the size of every array or string it makes (an element or a byte is a
 * step). Sizes are logical: an array made of the same array twice counts it twice, so
 * that no value can be more than the budget to print, compare or convert. Past the budget
 * the evaluation fails (MBC_JSON_LOGIC_ERROR_BUDGET): time and memory stay bounded.
 */
typedef struct
{
  guint                        depth;
  guint64                      steps;
  GError                     **error;
  const MbcJsonLogicBinding   *binding;   /* NULL: the data is a tree, read as it is */
} Ctx;

typedef enum
{
  OP_VAR, OP_MISSING, OP_MISSING_SOME, OP_IF, OP_EQ, OP_SEQ, OP_NE, OP_SNE, OP_NOT, OP_NOTNOT,
  OP_OR, OP_AND, OP_GT, OP_GE, OP_LT, OP_LE, OP_MAX, OP_MIN, OP_ADD, OP_SUB, OP_MUL, OP_DIV,
  OP_MOD, OP_MAP, OP_REDUCE, OP_FILTER, OP_ALL, OP_NONE, OP_SOME, OP_MERGE, OP_IN, OP_CAT,
  OP_SUBSTR, OP_LOG,
} Op;

static const struct { const char *name; Op op; gboolean scoped; } operators[] = {
  { "var", OP_VAR }, { "missing", OP_MISSING }, { "missing_some", OP_MISSING_SOME },
  { "if", OP_IF }, { "?:", OP_IF }, { "==", OP_EQ }, { "===", OP_SEQ }, { "!=", OP_NE },
  { "!==", OP_SNE }, { "!", OP_NOT }, { "!!", OP_NOTNOT }, { "or", OP_OR }, { "and", OP_AND },
  { ">", OP_GT }, { ">=", OP_GE }, { "<", OP_LT }, { "<=", OP_LE }, { "max", OP_MAX },
  { "min", OP_MIN }, { "+", OP_ADD }, { "-", OP_SUB }, { "*", OP_MUL }, { "/", OP_DIV },
  { "%", OP_MOD }, { "map", OP_MAP, TRUE }, { "reduce", OP_REDUCE, TRUE },
  { "filter", OP_FILTER, TRUE }, { "all", OP_ALL, TRUE }, { "none", OP_NONE, TRUE },
  { "some", OP_SOME, TRUE }, { "merge", OP_MERGE }, { "in", OP_IN }, { "cat", OP_CAT },
  { "substr", OP_SUBSTR }, { "log", OP_LOG },
};

G_DEFINE_QUARK (mbc-json-logic-error-quark, mbc_json_logic_error)

/* Called for every operator evaluated: the first character narrows the list to a few
 * names, so finding an operator costs a couple of short comparisons. */
static int
logic_find_operator (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    if (operators[i].name[0] == name[0] && strcmp (operators[i].name, name) == 0)
      return (int) i;
  return -1;
}

gboolean
mbc_json_logic_is_operator (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return logic_find_operator (name) >= 0;
}

/* --- Values ------------------------------------------------------------------------------- */

/*
 * A value during evaluation: a node and whether we own a reference to it. Literals of
 * the rule, values read from the data and the constants true, false and null are
 * borrowed, so evaluation touches no reference count of the shared rule or data, and
 * several threads can evaluate the same guideline at once without contending.
 */
typedef struct
{
  JsonNode *node;     /* NULL when evaluation failed */
  gboolean  owned;
} Value;

static JsonNode *constants[4];  /* false, true, null, [] */

static void
logic_init_constants (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      constants[0] = json_node_init_boolean (json_node_alloc (), FALSE);
      constants[1] = json_node_init_boolean (json_node_alloc (), TRUE);
      constants[2] = json_node_init_null (json_node_alloc ());
      constants[3] = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (constants[3], json_array_new ());
      for (guint i = 0; i < G_N_ELEMENTS (constants); i++)
        json_node_seal (constants[i]);
      g_once_init_leave (&done, 1);
    }
}

static inline Value
logic_borrowed (JsonNode *node)
{
  return (Value) { node, FALSE };
}

static inline Value
logic_owned (JsonNode *node)
{
  return (Value) { node, TRUE };
}

static const Value failed = { NULL, FALSE };

static void
logic_value_clear (Value *v)
{
  if (v->owned && v->node)
    json_node_unref (v->node);
  v->node = NULL;
  v->owned = FALSE;
}

/* A reference the caller owns, for storing the value beyond the evaluation. */
static JsonNode *
logic_value_take_ref (Value v)
{
  return v.owned ? v.node : json_node_ref (v.node);
}

static Value
logic_new_null (void)
{
  return logic_borrowed (constants[2]);
}

static Value
logic_new_bool (gboolean b)
{
  return logic_borrowed (constants[b ? 1 : 0]);
}

/* Integral values within the exact range of a double are kept as integers so that they
 * print as 2, not 2.0. Non-finite values stay doubles; they print as null. */
static Value
logic_new_number (double d)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (isfinite (d) && d == floor (d) && fabs (d) <= 9007199254740992.0 && !(d == 0 && signbit (d)))
    json_node_set_int (node, (gint64) d);
  else
    json_node_set_double (node, d);
  return logic_owned (node);
}

static Value
logic_new_string_take (char *s)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, s);
  g_free (s);
  return logic_owned (node);
}

static Value
logic_new_array_take (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return logic_owned (node);
}

/* Adds @n steps; FALSE (with the error set) past the budget. */
static gboolean
logic_charge (Ctx    *ctx,
              guint64 n)
{
  ctx->steps += n;
  if (ctx->steps <= MBC_JSON_LOGIC_MAX_STEPS)
    return TRUE;
  if (ctx->error && *ctx->error == NULL)
    g_set_error (ctx->error, MBC_JSON_LOGIC_ERROR, MBC_JSON_LOGIC_ERROR_BUDGET,
                 _("the rule needs more than %u steps (operators evaluated, and elements "
                   "and characters made) for one evaluation"), MBC_JSON_LOGIC_MAX_STEPS);
  return FALSE;
}

/* The logical size of @node: 1 for a scalar, 1 + its length for a string, 1 + the sizes
 * of its elements for an array (counted no further than past the budget). */
static guint64
logic_size (Ctx      *ctx,
            JsonNode *node)
{
  guint64 size = 1;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return 1 + strlen (json_node_get_string (node));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return 1;
  {
    JsonArray *array = json_node_get_array (node);
    for (guint i = 0; i < json_array_get_length (array) && size <= MBC_JSON_LOGIC_MAX_STEPS;
         i++)
      size += logic_size (ctx, json_array_get_element (array, i));
  }
  return size;
}

/* Charges a value the evaluation made (an owned array or string) its logical size. A value
 * handed up from operator to operator is charged again at each: that bounds the work by
 * the budget too, and needs no record of what was charged. */
static gboolean
logic_charge_value (Ctx         *ctx,
                    const Value *value)
{
  if (!value->owned || value->node == NULL || JSON_NODE_HOLDS_NULL (value->node) ||
      JSON_NODE_HOLDS_OBJECT (value->node) ||
      (JSON_NODE_HOLDS_VALUE (value->node) &&
       json_node_get_value_type (value->node) != G_TYPE_STRING))
    return TRUE;
  return logic_charge (ctx, logic_size (ctx, value->node));
}

/* The JavaScript type of a node, found with as few json-glib calls as possible: these
 * run for nearly every operator evaluated. */
typedef enum
{
  KIND_NULL,
  KIND_NUMBER,
  KIND_STRING,
  KIND_BOOL,
  KIND_ARRAY,
  KIND_OBJECT,
} Kind;

static Kind
logic_kind_of (JsonNode *node)
{
  if (node == NULL)
    return KIND_NULL;
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return KIND_OBJECT;
    case JSON_NODE_ARRAY:
      return KIND_ARRAY;
    case JSON_NODE_NULL:
      return KIND_NULL;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return KIND_STRING;
        case G_TYPE_BOOLEAN:
          return KIND_BOOL;
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          return KIND_NUMBER;
        default:
          return KIND_NULL;
        }
    }
}

static gboolean
logic_is_null (JsonNode *node)
{
  return logic_kind_of (node) == KIND_NULL;
}

static gboolean
logic_is_number (JsonNode *node)
{
  return logic_kind_of (node) == KIND_NUMBER;
}

static gboolean
logic_is_string (JsonNode *node)
{
  return logic_kind_of (node) == KIND_STRING;
}

static gboolean
logic_is_bool (JsonNode *node)
{
  return logic_kind_of (node) == KIND_BOOL;
}

static double
logic_number_of (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

gboolean
mbc_json_logic_truthy (JsonNode *value)
{
  switch (logic_kind_of (value))
    {
    case KIND_ARRAY:
      return json_array_get_length (json_node_get_array (value)) > 0;
    case KIND_OBJECT:
      return TRUE;
    case KIND_BOOL:
      return json_node_get_boolean (value);
    case KIND_STRING:
      return json_node_get_string (value)[0] != '\0';
    case KIND_NUMBER:
      {
        double d = logic_number_of (value);
        return d != 0 && !isnan (d);
      }
    case KIND_NULL:
    default:
      return FALSE;
    }
}

/* JavaScript's Number::toString. */
static void
logic_append_js_number (GString *out,
                        double   d)
{
  if (isnan (d))
    g_string_append (out, "NaN");
  else if (isinf (d))
    g_string_append (out, d > 0 ? "Infinity" : "-Infinity");
  else
    mbc_json_write_number (out, d);
}


/* JavaScript's ToString; Array.prototype.join turns null into "" (null_as_empty). */
static void
logic_append_js_string (GString  *out,
                        JsonNode *value,
                        gboolean  null_as_empty)
{
  if (logic_is_null (value))
    {
      if (!null_as_empty)
        g_string_append (out, "null");
    }
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          logic_append_js_string (out, json_array_get_element (array, i), TRUE);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (value))
    g_string_append (out, "[object Object]");
  else if (logic_is_bool (value))
    g_string_append (out, json_node_get_boolean (value) ? "true" : "false");
  else if (logic_is_string (value))
    g_string_append (out, json_node_get_string (value));
  else
    logic_append_js_number (out, logic_number_of (value));
}

static char *
logic_js_string (JsonNode *value)
{
  GString *out = g_string_new (NULL);
  logic_append_js_string (out, value, FALSE);
  return g_string_free (out, FALSE);
}

static gboolean
logic_is_js_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static const char *
logic_skip_space (const char *s)
{
  while (*s && logic_is_js_space (g_utf8_get_char_validated (s, -1)))
    s = g_utf8_next_char (s);
  return s;
}

/* Length of the longest prefix of s that is a JavaScript StrDecimalLiteral (no sign). */
static gsize
logic_decimal_prefix (const char *s)
{
  const char *p = s;
  gboolean digits = FALSE;

  if (g_str_has_prefix (p, "Infinity"))
    return 8;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      const char *q = p + 1;
      gboolean frac = FALSE;
      while (g_ascii_isdigit (*q))
        q++, frac = TRUE;
      if (digits || frac)
        p = q, digits = TRUE;
    }
  if (!digits)
    return 0;
  if (*p == 'e' || *p == 'E')
    {
      const char *q = p + 1;
      if (*q == '+' || *q == '-')
        q++;
      if (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          p = q;
        }
    }
  return (gsize) (p - s);
}

static double
logic_parse_decimal (const char *s,
                     gsize       len,
                     gboolean    negative)
{
  g_autofree char *copy = g_strndup (s, len);
  double d = strcmp (copy, "Infinity") == 0 ? INFINITY : g_ascii_strtod (copy, NULL);
  return negative ? -d : d;
}

/* JavaScript's StringToNumber: the whole (trimmed) string must be a number. */
static double
logic_string_to_number (const char *s)
{
  const char *start = logic_skip_space (s);
  const char *end = start + strlen (start);
  gboolean negative = FALSE;
  gsize len;

  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);
      if (prev == NULL || !logic_is_js_space (g_utf8_get_char_validated (prev, -1)))
        break;
      end = prev;
    }
  if (start == end)
    return 0;
  if ((end - start) > 2 && start[0] == '0' && strchr ("xXoObB", start[1]))
    {
      int base = strchr ("xX", start[1]) ? 16 : strchr ("oO", start[1]) ? 8 : 2;
      double d = 0;
      for (const char *p = start + 2; p < end; p++)
        {
          int digit = g_ascii_xdigit_value (*p);
          if (digit < 0 || digit >= base)
            return NAN;
          d = d * base + digit;
        }
      return d;
    }
  if (*start == '+' || *start == '-')
    negative = *start++ == '-';
  len = logic_decimal_prefix (start);
  if (len == 0 || start + len != end)
    return NAN;
  return logic_parse_decimal (start, len, negative);
}

static JsonNode *logic_to_primitive (JsonNode *value);

/* JavaScript's ToNumber. */
static double
logic_to_number (JsonNode *value)
{
  /* A missing argument is undefined, not null: it is NaN as a number. */
  if (value == NULL)
    return NAN;
  if (logic_is_null (value))
    return 0;
  if (logic_is_number (value))
    return logic_number_of (value);
  if (logic_is_bool (value))
    return json_node_get_boolean (value) ? 1 : 0;
  if (logic_is_string (value))
    return logic_string_to_number (json_node_get_string (value));
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      g_autofree char *s = logic_js_string (value);
      return logic_string_to_number (s);
    }
  return NAN;
}

/* JavaScript's parseFloat, which + and * use. */
static double
logic_parse_float (JsonNode *value)
{
  g_autofree char *text = NULL;
  const char *s;
  gboolean negative = FALSE;
  gsize len;

  if (logic_is_number (value))
    return logic_number_of (value);
  text = logic_js_string (value);
  s = logic_skip_space (text);
  if (*s == '+' || *s == '-')
    negative = *s++ == '-';
  len = logic_decimal_prefix (s);
  if (len == 0)
    return NAN;
  return logic_parse_decimal (s, len, negative);
}

/* Arrays and objects compare by what JavaScript turns them into: their string. Returns
 * that string as a new node, or NULL when @value is already a primitive. */
static JsonNode *
logic_to_primitive (JsonNode *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || !(JSON_NODE_HOLDS_ARRAY (value) || JSON_NODE_HOLDS_OBJECT (value)))
    return NULL;
  text = logic_js_string (value);
  return json_node_init_string (json_node_alloc (), text);
}

static gboolean
logic_strict_equal (JsonNode *a,
                    JsonNode *b)
{
  Kind ka = logic_kind_of (a), kb = logic_kind_of (b);

  /* undefined (a missing argument) is strictly equal only to undefined. */
  if ((a == NULL) != (b == NULL))
    return FALSE;
  if (ka != kb)
    return FALSE;
  switch (ka)
    {
    case KIND_NULL:
      return TRUE;
    case KIND_NUMBER:
      return logic_number_of (a) == logic_number_of (b);
    case KIND_STRING:
      return strcmp (json_node_get_string (a), json_node_get_string (b)) == 0;
    case KIND_BOOL:
      return json_node_get_boolean (a) == json_node_get_boolean (b);
    case KIND_ARRAY:
    case KIND_OBJECT:
    default:
      /* Arrays and objects are equal only to themselves. */
      return a == b;
    }
}

/* JavaScript's abstract (loose) equality. */
static gboolean
logic_loose_equal (JsonNode *a,
                   JsonNode *b)
{
  gboolean a_prim = logic_is_null (a) || JSON_NODE_HOLDS_VALUE (a);
  gboolean b_prim = logic_is_null (b) || JSON_NODE_HOLDS_VALUE (b);

  if (logic_is_null (a) || logic_is_null (b))
    return logic_is_null (a) && logic_is_null (b);
  if (a_prim && b_prim)
    {
      if (json_node_get_value_type (a) == json_node_get_value_type (b) ||
          (logic_is_number (a) && logic_is_number (b)))
        return logic_strict_equal (a, b);
      if (logic_is_string (a) && logic_is_string (b))
        return logic_strict_equal (a, b);
      /* Mixed primitives: compare as numbers, as JavaScript does for number, string
       * and boolean. */
      return logic_to_number (a) == logic_to_number (b);
    }
  if (!a_prim && !b_prim)
    return a == b;
  {
    g_autoptr(JsonNode) pa = logic_to_primitive (a);
    g_autoptr(JsonNode) pb = logic_to_primitive (b);
    return logic_loose_equal (pa ? pa : a, pb ? pb : b);
  }
}

/* JavaScript's abstract relational comparison: -2 when undefined (NaN), else -1, 0, 1. */
/* @n UTF-16 code units as UTF-8; a surrogate left alone by a cut becomes U+FFFD. */
static char *
logic_utf16_to_utf8 (const gunichar2 *units,
                     glong            n)
{
  GString *out = g_string_sized_new ((gsize) n);

  for (glong i = 0; i < n; i++)
    {
      gunichar2 u = units[i];
      if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && units[i + 1] >= 0xDC00 &&
          units[i + 1] <= 0xDFFF)
        {
          g_string_append_unichar (out, 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00));
          i++;
        }
      else if (u >= 0xD800 && u <= 0xDFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}

/* Strings compare by UTF-16 code units, as in JavaScript (a character past U+FFFF sorts
 * before U+E000 to U+FFFF). */
static int
logic_compare_utf16 (const char *a,
                     const char *b)
{
  while (*a && *b)
    {
      gunichar x = g_utf8_get_char (a), y = g_utf8_get_char (b);
      if (x != y)
        {
          /* The first UTF-16 unit of each decides, then the second. */
          guint32 kx = x < 0x10000 ? x << 16 : ((0xD800 + ((x - 0x10000) >> 10)) << 16) |
                                               (0xDC00 + ((x - 0x10000) & 0x3FF));
          guint32 ky = y < 0x10000 ? y << 16 : ((0xD800 + ((y - 0x10000) >> 10)) << 16) |
                                               (0xDC00 + ((y - 0x10000) & 0x3FF));
          return kx < ky ? -1 : 1;
        }
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return *a ? 1 : *b ? -1 : 0;
}

static int
logic_compare (JsonNode *a,
               JsonNode *b)
{
  g_autoptr(JsonNode) a_string = NULL;
  g_autoptr(JsonNode) b_string = NULL;
  JsonNode *pa, *pb;
  double x, y;

  /* undefined (a missing argument) compares with nothing. */
  if (a == NULL || b == NULL)
    return -2;
  if (logic_is_number (a) && logic_is_number (b))
    {
      x = logic_number_of (a);
      y = logic_number_of (b);
      return isnan (x) || isnan (y) ? -2 : x < y ? -1 : x > y ? 1 : 0;
    }
  a_string = logic_to_primitive (a);
  b_string = logic_to_primitive (b);
  pa = a_string ? a_string : a;
  pb = b_string ? b_string : b;
  if (logic_is_string (pa) && logic_is_string (pb))
    return logic_compare_utf16 (json_node_get_string (pa), json_node_get_string (pb));
  x = logic_to_number (pa);
  y = logic_to_number (pb);
  if (isnan (x) || isnan (y))
    return -2;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* --- Evaluation ---------------------------------------------------------------------------- */

typedef struct _Code Code;

static Value logic_apply (Ctx *ctx, const Code *code, JsonNode *data);

static guint
logic_n_args (JsonNode *values)
{
  return JSON_NODE_HOLDS_ARRAY (values) ? json_array_get_length (json_node_get_array (values)) : 1;
}

static JsonNode *
logic_arg (JsonNode *values,
           guint     i)
{
  if (JSON_NODE_HOLDS_ARRAY (values))
    {
      JsonArray *array = json_node_get_array (values);
      return i < json_array_get_length (array) ? json_array_get_element (array, i) : NULL;
    }
  return i == 0 ? values : NULL;
}

/* One name between the dots of what var reads, and whether it is an array index. */
typedef struct
{
  const char *key;
  gboolean    is_index;
  guint64     index;
} Segment;

/* Whether @key is an index as json-logic-js reads one: digits only, at most G_MAXUINT,
 * without a leading zero. */
static gboolean
logic_parse_index (const char *key,
                   guint64    *index)
{
  /* g_ascii_string_to_unsigned() takes digits only: anything else fails at once. */
  if (!g_ascii_isdigit (key[0]))
    return FALSE;
  return g_ascii_string_to_unsigned (key, 10, 0, G_MAXUINT, index, NULL) &&
         !(key[0] == '0' && key[1] != '\0');
}

/* One step of logic_lookup(): @node's member or element @segment, or NULL. A length or a
 * string's character is made in *made, which the step before may have made too. */
static JsonNode *
logic_lookup_step (JsonNode       *node,
                   const Segment  *segment,
                   JsonNode      **made)
{
  const char *key = segment->key;
  guint64 index = segment->index;
  gboolean is_index = segment->is_index;

  if (logic_is_null (node))
    node = NULL;
  else if (JSON_NODE_HOLDS_OBJECT (node))
    node = json_object_get_member (json_node_get_object (node), key);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      if (strcmp (key, "length") == 0)
        node = *made = logic_new_number (json_array_get_length (array)).node;
      else if (is_index && index < json_array_get_length (array))
        node = json_array_get_element (array, (guint) index);
      else
        node = NULL;
    }
  else if (logic_is_string (node) && (strcmp (key, "length") == 0 || is_index))
    {
      /* As JavaScript reads a string: its length and its characters in UTF-16 units. */
      glong units_len = 0;
      g_autofree gunichar2 *units = g_utf8_to_utf16 (json_node_get_string (node), -1, NULL,
                                                     &units_len, NULL);
      JsonNode *previous = *made;

      if (!is_index)
        node = *made = logic_new_number (units_len).node;
      else if (index < (guint64) units_len)
        node = *made = logic_new_string_take (logic_utf16_to_utf8 (units + index, 1)).node;
      else
        node = NULL;
      g_clear_pointer (&previous, json_node_unref);
    }
  else
    node = NULL;
  if (node == NULL)
    g_clear_pointer (made, json_node_unref);
  return node;
}

/* Looks up a dotted name in data, as json-logic-js's var: NULL when not found. */
static JsonNode *
logic_lookup (JsonNode    *data,
              const char  *name,
              JsonNode   **made)
{
  JsonNode *node = data;
  const char *p = name;

  *made = NULL;
  for (;;)
    {
      const char *dot = strchr (p, '.');
      gsize len = dot ? (gsize) (dot - p) : strlen (p);
      char buffer[64];
      g_autofree char *heap = NULL;
      char *key = len < sizeof buffer ? buffer : (heap = g_malloc (len + 1));
      Segment segment = { key, FALSE, 0 };

      memcpy (key, p, len);
      key[len] = '\0';
      segment.is_index = logic_parse_index (key, &segment.index);
      node = logic_lookup_step (node, &segment, made);
      if (node == NULL || dot == NULL)
        return node;
      p = dot + 1;
    }
}

/* The same lookup, of a name split once (see logic_compile()). */
static JsonNode *
logic_lookup_path (JsonNode      *data,
                   const Segment *path,
                   guint          n,
                   JsonNode     **made)
{
  JsonNode *node = data;

  *made = NULL;
  for (guint i = 0; i < n && node != NULL; i++)
    node = logic_lookup_step (node, &path[i], made);
  return node;
}

/* --- Rules, compiled ----------------------------------------------------------------------- */

/*
 * A rule is evaluated from a tree of Code made from it once: each operator found by its
 * name, each argument list read, and each string a var or missing may read split at its
 * dots, so that evaluating touches the rule's JsonNodes only as values. Evaluation walks
 * this tree exactly as it would walk the rule: the same steps charged, at the same depths.
 */
typedef enum
{
  CODE_VALUE,      /* a value (or an object that is not an operator): itself */
  CODE_ARRAY,      /* an array: itself when plain, else its elements evaluated */
  CODE_OPERATOR,
  CODE_UNKNOWN,    /* an operator not known: an error when evaluated */
  CODE_TOO_DEEP,   /* nested past MBC_JSON_LOGIC_MAX_DEPTH: an error when evaluated */
} CodeKind;

struct _Code
{
  CodeKind    kind;
  Op          op;
  JsonNode   *node;       /* the rule (or, for an operator, its node) */
  const char *name;       /* an unknown operator's name (owned by the rule) */
  gboolean    plain;      /* an array of values only */
  guint       n;          /* the elements of an array, the arguments of an operator */
  Code      **children;
  Segment    *path;       /* a string: itself split at its dots */
  guint       n_path;
  /* When a binding resolved the first n_used names of path: what they read is the
   * binding's slot (see MbcJsonLogicBinding); -1 when not resolved. */
  int         slot;
  guint       n_used;
};

/* How a program's names are resolved to slots while it is compiled (or not at all), and
 * what the program is found to read. */
typedef struct
{
  MbcJsonLogicResolveFunc func;
  gpointer                user_data;
  GArray                 *reads;   /* (nullable) the slots the data is read through */
  gboolean                pure;    /* nothing else of the data is read */
} Resolver;

static void
logic_add_read (Resolver *resolver,
                int       slot)
{
  if (resolver->reads == NULL)
    return;
  for (guint i = 0; i < resolver->reads->len; i++)
    if (g_array_index (resolver->reads, guint, i) == (guint) slot)
      return;
  g_array_append_val (resolver->reads, slot);
}

/* What an operator evaluated on the data itself (not inside map, filter, reduce and the
 * like, which read their elements) reads of it: a literal name resolved to a slot is read
 * through it; any other name, or the data as a whole, is read from the tree. */
static void
logic_note_reads (Resolver   *resolver,
                  const Code *code)
{
  switch (code->op)
    {
    case OP_VAR:
      if (code->n > 0 && code->children[0]->kind == CODE_VALUE && code->children[0]->slot >= 0)
        logic_add_read (resolver, code->children[0]->slot);
      else
        resolver->pure = FALSE;
      break;
    case OP_MISSING:
      for (guint i = 0; i < code->n; i++)
        if (code->children[i]->kind == CODE_VALUE && code->children[i]->slot >= 0)
          logic_add_read (resolver, code->children[i]->slot);
        else
          resolver->pure = FALSE;
      break;
    case OP_MISSING_SOME:
      resolver->pure = FALSE;
      break;
    default:
      break;
    }
}

static void
logic_code_free (Code *code)
{
  if (code == NULL)
    return;
  for (guint i = 0; i < code->n; i++)
    logic_code_free (code->children[i]);
  g_free (code->children);
  for (guint i = 0; i < code->n_path; i++)
    g_free ((char *) code->path[i].key);
  g_free (code->path);
  g_free (code);
}

static void
logic_code_split (Code           *code,
                  const char     *name,
                  Resolver       *resolver)
{
  g_auto(GStrv) keys = g_strsplit (name, ".", -1);
  guint slot = 0, n_used = 0;

  code->n_path = g_strv_length (keys);
  code->slot = -1;
  if (resolver->func != NULL &&
      resolver->func ((const char * const *) keys, code->n_path, &slot, &n_used,
                      resolver->user_data) &&
      n_used > 0 && n_used <= code->n_path && slot <= G_MAXINT)
    {
      code->slot = (int) slot;
      code->n_used = n_used;
    }
  code->path = g_new0 (Segment, code->n_path);
  for (guint i = 0; i < code->n_path; i++)
    {
      code->path[i].key = g_steal_pointer (&keys[i]);
      code->path[i].is_index = logic_parse_index (code->path[i].key, &code->path[i].index);
    }
}

/* @rule, compiled at @level (the rule itself is level 1, as evaluation counts depth). */
static Code *
logic_compile (JsonNode       *rule,
               guint           level,
               gboolean        scoped,
               Resolver       *resolver)
{
  Code *code = g_new0 (Code, 1);
  JsonNodeType type = JSON_NODE_TYPE (rule);
  JsonObject *object;

  code->node = rule;
  code->slot = -1;    /* resolved only for a name (logic_code_split()) */
  if (level > MBC_JSON_LOGIC_MAX_DEPTH)
    code->kind = CODE_TOO_DEEP;
  else if (type == JSON_NODE_ARRAY)
    {
      JsonArray *in = json_node_get_array (rule);
      guint n = json_array_get_length (in);

      code->kind = CODE_ARRAY;
      code->plain = TRUE;
      for (guint i = 0; i < n && code->plain; i++)
        code->plain = JSON_NODE_HOLDS_VALUE (json_array_get_element (in, i)) ||
                      JSON_NODE_HOLDS_NULL (json_array_get_element (in, i));
      if (!code->plain)
        {
          code->n = n;
          code->children = g_new (Code *, n);
          for (guint i = 0; i < n; i++)
            code->children[i] = logic_compile (json_array_get_element (in, i), level + 1,
                                               scoped, resolver);
        }
    }
  else if (type == JSON_NODE_OBJECT &&
           json_object_get_size ((object = json_node_get_object (rule))) == 1)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *values;
      int index;

      json_object_iter_init (&iter, object);
      json_object_iter_next (&iter, &name, &values);
      index = logic_find_operator (name);
      if (index < 0)
        {
          code->kind = CODE_UNKNOWN;
          code->name = name;
        }
      else
        {
          code->kind = CODE_OPERATOR;
          code->op = operators[index].op;
          code->node = values;
          code->n = logic_n_args (values);
          code->children = g_new (Code *, code->n);
          for (guint i = 0; i < code->n; i++)
            {
              /* The second argument of map, filter, reduce, all, none and some reads each
               * element (and others but reduce's third are not evaluated). */
              gboolean inner = scoped || (operators[index].scoped && i >= 1 &&
                                          !(code->op == OP_REDUCE && i == 2));
              code->children[i] = logic_compile (logic_arg (values, i), level + 1, inner,
                                                 resolver);
            }
          if (!scoped)
            logic_note_reads (resolver, code);
        }
    }
  else
    {
      code->kind = CODE_VALUE;
      if (logic_is_string (rule) && json_node_get_string (rule)[0] != '\0')
        logic_code_split (code, json_node_get_string (rule), resolver);
    }
  return code;
}

/* The argument @i of an operator's code, or NULL. */
static const Code *
logic_code_arg (const Code *code,
                guint       i)
{
  return i < code->n ? code->children[i] : NULL;
}

/* The split name of the argument @i, when it is the string the rule wrote (@value). */
static const Code *
logic_code_name (const Code *code,
                 guint       i,
                 JsonNode   *value)
{
  const Code *arg = code ? logic_code_arg (code, i) : NULL;
  return arg != NULL && arg->path != NULL && arg->node == value ? arg : NULL;
}

/* The evaluated arguments of an operator: on the stack unless there are many. */
typedef struct
{
  Value  *v;
  guint   n;
  Value   stack[6];
} Args;

static JsonNode *
logic_args_at (const Args *args,
               guint       i)
{
  return i < args->n ? args->v[i].node : NULL;
}

static void
logic_args_clear (Args *args)
{
  for (guint i = 0; i < args->n; i++)
    logic_value_clear (&args->v[i]);
  if (args->v != args->stack)
    g_free (args->v);
  args->n = 0;
}

/* Evaluates every argument; FALSE (with the error set) when one fails. */
static gboolean
logic_eval_args (Ctx        *ctx,
                 const Code *code,
                 JsonNode   *data,
                 Args       *args)
{
  guint n = code->n;

  args->n = 0;
  args->v = n <= G_N_ELEMENTS (args->stack) ? args->stack : g_new (Value, n);
  for (guint i = 0; i < n; i++)
    {
      Value value = logic_apply (ctx, code->children[i], data);
      if (value.node == NULL)
        {
          logic_args_clear (args);
          return FALSE;
        }
      args->v[args->n++] = value;
    }
  return TRUE;
}

/* @data, ready to be read as a tree: the binding's data is filled in first (once an
 * evaluation) when it is the binding's. */
static JsonNode *
logic_data_tree (Ctx      *ctx,
                 JsonNode *data)
{
  const MbcJsonLogicBinding *binding = ctx->binding;

  if (binding != NULL && data == binding->root && binding->fill_tree != NULL)
    {
      binding->fill_tree (binding->user_data);
      ctx->binding = NULL;    /* the tree is whole: read it as it is from now on */
    }
  return data;
}

/* Looks up the string @key in @data: through the split name @split when it has one, and
 * through the binding's slot when the name was resolved and @data is the binding's. */
static JsonNode *
logic_lookup_key (Ctx        *ctx,
                  JsonNode   *data,
                  JsonNode   *key,
                  const Code *split,
                  JsonNode  **made)
{
  if (split != NULL && split->slot >= 0 && ctx->binding != NULL &&
      data == ctx->binding->root)
    {
      JsonNode *node = ctx->binding->slots[split->slot];

      *made = NULL;
      for (guint i = split->n_used; i < split->n_path && node != NULL; i++)
        node = logic_lookup_step (node, &split->path[i], made);
      return node;
    }
  data = logic_data_tree (ctx, data);
  if (split != NULL)
    return logic_lookup_path (data, split->path, split->n_path, made);
  return logic_lookup (data, json_node_get_string (key), made);
}

/* var; @code is the operator's code, whose literal name is split already. */
static Value
logic_op_var (Ctx        *ctx,
              const Args *args,
              const Code *code,
              JsonNode   *data)
{
  JsonNode *a = logic_args_at (args, 0);
  JsonNode *fallback = logic_args_at (args, 1);
  JsonNode *found;
  JsonNode *made;
  g_autofree char *name = NULL;

  if (logic_is_null (a) || (logic_is_string (a) && json_node_get_string (a)[0] == '\0'))
    return logic_borrowed (logic_data_tree (ctx, data));
  if (logic_is_string (a))
    found = logic_lookup_key (ctx, data, a, logic_code_name (code, 0, a), &made);
  else
    found = logic_lookup (logic_data_tree (ctx, data), (name = logic_js_string (a)), &made);
  if (made != NULL)
    return logic_owned (made);    /* a length, or a string's character */
  if (found != NULL)
    return logic_borrowed (found);
  if (fallback == NULL)
    return logic_new_null ();
  /* The fallback may be a value computed for this call: keep it alive. */
  return args->v[1].owned ? logic_owned (json_node_ref (fallback)) : logic_borrowed (fallback);
}

/* Whether @key names nothing in @data (or null, or an empty string). */
static gboolean
logic_is_missing (Ctx        *ctx,
                  JsonNode   *key,
                  const Code *split,
                  JsonNode   *data)
{
  g_autofree char *name = NULL;
  g_autoptr(JsonNode) made = NULL;
  JsonNode *value;

  if (logic_is_null (key) || (logic_is_string (key) && json_node_get_string (key)[0] == '\0'))
    value = data;
  else if (logic_is_string (key))
    value = logic_lookup_key (ctx, data, key, split, &made);
  else
    {
      name = logic_js_string (key);
      value = name[0] == '\0' ? data : logic_lookup (logic_data_tree (ctx, data), name, &made);
    }
  return logic_is_null (value) ||
         (logic_is_string (value) && json_node_get_string (value)[0] == '\0');
}

static void
logic_add_if_missing (Ctx        *ctx,
                      JsonArray **missing,
                      JsonNode   *key,
                      const Code *split,
                      JsonNode   *data)
{
  if (!logic_is_missing (ctx, key, split, data))
    return;
  if (*missing == NULL)
    *missing = json_array_new ();
  json_array_add_element (*missing, json_node_ref (key));
}

/* missing: the keys are the arguments, or the elements of a first argument that is an
 * array (so that merge can build the list). @code, when not NULL, is the operator's code,
 * whose literal keys are split already. */
static Value
logic_op_missing (Ctx        *ctx,
                  JsonNode  **keys,
                  guint       n,
                  const Code *code,
                  JsonNode   *data)
{
  JsonArray *missing = NULL;

  if (n > 0 && keys[0] != NULL && JSON_NODE_HOLDS_ARRAY (keys[0]))
    {
      JsonArray *array = json_node_get_array (keys[0]);
      for (guint i = 0; i < json_array_get_length (array); i++)
        logic_add_if_missing (ctx, &missing, json_array_get_element (array, i), NULL, data);
    }
  else
    for (guint i = 0; i < n; i++)
      logic_add_if_missing (ctx, &missing, keys[i], logic_code_name (code, i, keys[i]), data);
  /* Nothing missing is the common case: answer with the shared empty array. */
  if (missing == NULL)
    return logic_borrowed (constants[3]);
  return logic_new_array_take (missing);
}

static Value
logic_op_in (JsonNode *a,
             JsonNode *b)
{
  /* As the reference: nothing is in a falsy value (an empty string among them). */
  if (!mbc_json_logic_truthy (b))
    return logic_new_bool (FALSE);
  if (logic_is_string (b))
    {
      g_autofree char *needle = logic_js_string (a);
      return logic_new_bool (strstr (json_node_get_string (b), needle) != NULL);
    }
  if (b != NULL && JSON_NODE_HOLDS_ARRAY (b))
    {
      JsonArray *array = json_node_get_array (b);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (logic_strict_equal (json_array_get_element (array, i), a))
          return logic_new_bool (TRUE);
    }
  return logic_new_bool (FALSE);
}

/* JavaScript's ToIntegerOrInfinity, clamped to a long. */
static glong
logic_to_integer (JsonNode *value)
{
  double d = logic_to_number (value);
  if (isnan (d))
    return 0;
  d = trunc (d);
  return d > (double) (G_MAXLONG / 2) ? G_MAXLONG / 2
         : d < (double) -(G_MAXLONG / 2) ? -(G_MAXLONG / 2) : (glong) d;
}

/* String.prototype.substr, counting characters. */
static Value
logic_op_substr (const Args *args)
{
  g_autofree char *source = logic_js_string (logic_args_at (args, 0));
  glong len = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (source, -1, NULL, &len, NULL);
  glong start = logic_args_at (args, 1) ? logic_to_integer (logic_args_at (args, 1)) : 0;
  JsonNode *end_node = logic_args_at (args, 2);
  glong count;

  /* Positions count UTF-16 code units, as JavaScript's do. */
  if (start < 0)
    start = MAX (len + start, 0);
  start = MIN (start, len);
  if (end_node == NULL)
    count = len - start;
  else
    {
      glong end = logic_to_integer (end_node);
      if (end < 0)
        count = MAX ((len - start) + end, 0);
      else
        count = MIN (end, len - start);
    }
  return logic_new_string_take (logic_utf16_to_utf8 (units + start, count));
}

static Value
logic_op_merge (const Args *args)
{
  JsonArray *out = json_array_new ();

  for (guint i = 0; i < args->n; i++)
    {
      JsonNode *a = args->v[i].node;
      if (JSON_NODE_HOLDS_ARRAY (a))
        {
          JsonArray *inner = json_node_get_array (a);
          for (guint j = 0; j < json_array_get_length (inner); j++)
            json_array_add_element (out, json_node_ref (json_array_get_element (inner, j)));
        }
      else
        json_array_add_element (out, json_node_ref (a));
    }
  return logic_new_array_take (out);
}

/* An array in a rule: its elements evaluated. An array of plain values is itself. */
static Value
logic_apply_array (Ctx        *ctx,
                   const Code *code,
                   JsonNode   *data)
{
  JsonArray *out;

  if (code->plain)
    return logic_borrowed (code->node);
  out = json_array_new ();
  for (guint i = 0; i < code->n; i++)
    {
      Value value = logic_apply (ctx, code->children[i], data);
      if (value.node == NULL)
        {
          json_array_unref (out);
          return failed;
        }
      json_array_add_element (out, logic_value_take_ref (value));
    }
  return logic_new_array_take (out);
}

static Value
logic_op_scoped (Ctx        *ctx,
                 Op          op,
                 const Code *code,
                 JsonNode   *data)
{
  Value scoped;
  const Code *logic = logic_code_arg (code, 1);
  JsonArray *items;
  Value result = failed;
  guint n;

  scoped = code->n == 0 ? logic_new_null () : logic_apply (ctx, code->children[0], data);
  if (scoped.node == NULL)
    return failed;

  if (op == OP_REDUCE)
    {
      const Code *initial_rule = logic_code_arg (code, 2);
      Value acc = initial_rule ? logic_apply (ctx, initial_rule, data) : logic_new_null ();

      if (acc.node == NULL || !JSON_NODE_HOLDS_ARRAY (scoped.node))
        {
          logic_value_clear (&scoped);
          return acc;
        }
      /* The accumulator outlives each scope object: hold a reference to it. */
      acc = logic_owned (logic_value_take_ref (acc));
      items = json_node_get_array (scoped.node);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_autoptr(JsonNode) scope = json_node_new (JSON_NODE_OBJECT);
          JsonObject *object = json_object_new ();
          Value next;

          json_object_set_member (object, "current",
                                  json_node_ref (json_array_get_element (items, i)));
          json_object_set_member (object, "accumulator", acc.node);
          json_node_take_object (scope, object);
          next = logic ? logic_apply (ctx, logic, scope) : logic_new_null ();
          if (next.node == NULL)
            {
              logic_value_clear (&scoped);
              return failed;
            }
          acc = logic_owned (logic_value_take_ref (next));
        }
      logic_value_clear (&scoped);
      return acc;
    }

  if (!JSON_NODE_HOLDS_ARRAY (scoped.node))
    {
      logic_value_clear (&scoped);
      if (op == OP_MAP || op == OP_FILTER)
        return logic_new_array_take (json_array_new ());
      /* all: false for anything without elements; none: true; some: false. */
      return logic_new_bool (op == OP_NONE);
    }

  items = json_node_get_array (scoped.node);
  n = json_array_get_length (items);
  if (op == OP_MAP)
    {
      JsonArray *out = json_array_new ();
      result = logic_new_array_take (out);
      for (guint i = 0; i < n; i++)
        {
          Value v = logic ? logic_apply (ctx, logic, json_array_get_element (items, i))
                          : logic_new_null ();
          if (v.node == NULL)
            {
              logic_value_clear (&result);
              break;
            }
          json_array_add_element (out, logic_value_take_ref (v));
        }
    }
  else if (op == OP_ALL && n == 0)
    result = logic_new_bool (FALSE);
  else
    {
      JsonArray *out = op == OP_FILTER ? json_array_new () : NULL;
      guint hits = 0;

      result = logic_new_bool (op == OP_ALL || op == OP_NONE);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (items, i);
          Value v = logic ? logic_apply (ctx, logic, item) : logic_new_null ();
          gboolean t;

          if (v.node == NULL)
            {
              g_clear_pointer (&out, json_array_unref);
              result = failed;
              break;
            }
          t = mbc_json_logic_truthy (v.node);
          logic_value_clear (&v);
          if (op == OP_ALL && !t)
            {
              result = logic_new_bool (FALSE);
              break;
            }
          if (t)
            {
              hits++;
              if (out)
                json_array_add_element (out, json_node_ref (item));
              else if (op == OP_SOME || op == OP_NONE)
                {
                  result = logic_new_bool (op == OP_SOME);
                  break;
                }
            }
        }
      if (out)
        result = logic_new_array_take (out);
    }
  logic_value_clear (&scoped);
  return result;
}

static Value
logic_apply_evaluated (Ctx        *ctx,
                       Op          op,
                       const Args *args,
                       const Code *code,
                       JsonNode   *data)
{
  guint n = args->n;

  switch (op)
    {
    case OP_VAR:
      return logic_op_var (ctx, args, code, data);
    case OP_MISSING:
      {
        JsonNode *keys[G_N_ELEMENTS (args->stack)];
        g_autofree JsonNode **many = n > G_N_ELEMENTS (keys) ? g_new (JsonNode *, n) : NULL;
        JsonNode **k = many ? many : keys;
        for (guint i = 0; i < n; i++)
          k[i] = args->v[i].node;
        return logic_op_missing (ctx, k, n, code, data);
      }
    case OP_MISSING_SOME:
      {
        JsonNode *options = logic_args_at (args, 1);
        Value missing;
        double n_options;
        guint n_missing;

        /* As the reference: the options are checked as "missing" checks its arguments, and
         * counted by their length (a string's in UTF-16 units; anything else has none, so
         * whatever is missing is returned). Null options make the reference throw. */
        if (logic_is_null (options))
          return logic_new_array_take (json_array_new ());
        missing = logic_op_missing (ctx, &options, 1, NULL, data);
        if (JSON_NODE_HOLDS_ARRAY (options))
          n_options = json_array_get_length (json_node_get_array (options));
        else if (logic_is_string (options))
          {
            glong units = 0;
            g_free (g_utf8_to_utf16 (json_node_get_string (options), -1, NULL, &units, NULL));
            n_options = units;
          }
        else
          n_options = NAN;
        n_missing = json_array_get_length (json_node_get_array (missing.node));
        if (n_options - n_missing >= logic_to_number (logic_args_at (args, 0)))
          {
            logic_value_clear (&missing);
            return logic_new_array_take (json_array_new ());
          }
        return missing;
      }
    case OP_EQ:
      return logic_new_bool (logic_loose_equal (logic_args_at (args, 0), logic_args_at (args, 1)));
    case OP_NE:
      return logic_new_bool (!logic_loose_equal (logic_args_at (args, 0), logic_args_at (args, 1)));
    case OP_SEQ:
      return logic_new_bool (logic_strict_equal (logic_args_at (args, 0), logic_args_at (args, 1)));
    case OP_SNE:
      return logic_new_bool (!logic_strict_equal (logic_args_at (args, 0),
                                                  logic_args_at (args, 1)));
    case OP_NOT:
      return logic_new_bool (!mbc_json_logic_truthy (logic_args_at (args, 0)));
    case OP_NOTNOT:
      return logic_new_bool (mbc_json_logic_truthy (logic_args_at (args, 0)));
    case OP_GT:
      return logic_new_bool (logic_compare (logic_args_at (args, 0), logic_args_at (args, 1)) == 1);
    case OP_GE:
      {
        int c = logic_compare (logic_args_at (args, 0), logic_args_at (args, 1));
        return logic_new_bool (c == 1 || c == 0);
      }
    case OP_LT:
    case OP_LE:
      {
        gboolean ok = TRUE;
        guint pairs = n >= 3 ? 2 : 1;
        for (guint i = 0; i < pairs && ok; i++)
          {
            int c = logic_compare (logic_args_at (args, i), logic_args_at (args, i + 1));
            ok = c == -1 || (op == OP_LE && c == 0);
          }
        return logic_new_bool (ok);
      }
    case OP_MAX:
    case OP_MIN:
      {
        double result = op == OP_MAX ? -INFINITY : INFINITY;
        for (guint i = 0; i < n; i++)
          {
            double d = logic_to_number (logic_args_at (args, i));
            if (isnan (d))
              return logic_new_number (NAN);
            result = op == OP_MAX ? MAX (result, d) : MIN (result, d);
          }
        return logic_new_number (result);
      }
    case OP_ADD:
      {
        double sum = 0;
        for (guint i = 0; i < n; i++)
          sum += logic_parse_float (logic_args_at (args, i));
        return logic_new_number (sum);
      }
    case OP_MUL:
      {
        double product;
        if (n == 0)
          return logic_new_null ();
        if (n == 1)
          return logic_owned (json_node_ref (logic_args_at (args, 0)));
        product = logic_parse_float (logic_args_at (args, 0));
        for (guint i = 1; i < n; i++)
          product *= logic_parse_float (logic_args_at (args, i));
        return logic_new_number (product);
      }
    case OP_SUB:
      if (n < 2)
        return logic_new_number (-logic_to_number (logic_args_at (args, 0)));
      return logic_new_number (logic_to_number (logic_args_at (args, 0)) -
                               logic_to_number (logic_args_at (args, 1)));
    case OP_DIV:
      return logic_new_number (logic_to_number (logic_args_at (args, 0)) /
                               logic_to_number (logic_args_at (args, 1)));
    case OP_MOD:
      return logic_new_number (fmod (logic_to_number (logic_args_at (args, 0)),
                                     logic_to_number (logic_args_at (args, 1))));
    case OP_MERGE:
      return logic_op_merge (args);
    case OP_IN:
      return logic_op_in (logic_args_at (args, 0), logic_args_at (args, 1));
    case OP_CAT:
      {
        GString *out = g_string_new (NULL);
        for (guint i = 0; i < n; i++)
          logic_append_js_string (out, logic_args_at (args, i), TRUE);
        return logic_new_string_take (g_string_free (out, FALSE));
      }
    case OP_SUBSTR:
      return logic_op_substr (args);
    case OP_LOG:
      /* The reference prints its argument; we never print data, which may be a case. */
      return n > 0 ? logic_owned (json_node_ref (logic_args_at (args, 0))) : logic_new_null ();
    default:
      g_assert_not_reached ();
    }
}

static Value
logic_apply_operator (Ctx        *ctx,
                      const Code *code,
                      JsonNode   *data)
{
  Op op = code->op;
  Args args;
  Value result;

  /* Operators that evaluate their arguments lazily. */
  switch (op)
    {
    case OP_IF:
      {
        guint count = code->n, i;
        for (i = 0; i + 1 < count; i += 2)
          {
            Value test = logic_apply (ctx, code->children[i], data);
            gboolean t;
            if (test.node == NULL)
              return failed;
            t = mbc_json_logic_truthy (test.node);
            logic_value_clear (&test);
            if (t)
              return logic_apply (ctx, code->children[i + 1], data);
          }
        if (count == i + 1)
          return logic_apply (ctx, code->children[i], data);
        return logic_new_null ();
      }
    case OP_AND:
    case OP_OR:
      {
        Value current = { NULL, FALSE };
        for (guint i = 0; i < code->n; i++)
          {
            logic_value_clear (&current);
            current = logic_apply (ctx, code->children[i], data);
            if (current.node == NULL)
              return failed;
            if (mbc_json_logic_truthy (current.node) == (op == OP_OR))
              return current;
          }
        return current.node ? current : logic_new_null ();
      }
    case OP_MAP:
    case OP_REDUCE:
    case OP_FILTER:
    case OP_ALL:
    case OP_NONE:
    case OP_SOME:
      return logic_op_scoped (ctx, op, code, data);
    default:
      break;
    }

  if (!logic_eval_args (ctx, code, data, &args))
    return failed;
  result = logic_apply_evaluated (ctx, op, &args, code, data);
  /* A result borrowed from an owned argument must survive the arguments. */
  for (guint i = 0; i < args.n; i++)
    if (!result.owned && args.v[i].owned && result.node == args.v[i].node)
      result = logic_owned (json_node_ref (result.node));
  logic_args_clear (&args);
  return result;
}

static Value
logic_apply (Ctx        *ctx,
             const Code *code,
             JsonNode   *data)
{
  Value result = failed;

  if (code == NULL)
    return logic_new_null ();
  if (!logic_charge (ctx, 1))
    return failed;

  if (++ctx->depth > MBC_JSON_LOGIC_MAX_DEPTH)
    {
      if (ctx->error && *ctx->error == NULL)
        g_set_error (ctx->error, MBC_JSON_LOGIC_ERROR, MBC_JSON_LOGIC_ERROR_TOO_DEEP,
                     _("rule nested more than %d levels deep"), MBC_JSON_LOGIC_MAX_DEPTH);
      ctx->depth--;
      return failed;
    }

  switch (code->kind)
    {
    case CODE_ARRAY:
      result = logic_apply_array (ctx, code, data);
      break;
    case CODE_OPERATOR:
      result = logic_apply_operator (ctx, code, data);
      break;
    case CODE_UNKNOWN:
      g_set_error (ctx->error, MBC_JSON_LOGIC_ERROR, MBC_JSON_LOGIC_ERROR_UNKNOWN_OPERATOR,
                   _("unknown operator \"%s\""), code->name);
      break;
    case CODE_TOO_DEEP:
      /* Not reached: the depth is the level the code was compiled at, past the limit. */
      if (ctx->error && *ctx->error == NULL)
        g_set_error (ctx->error, MBC_JSON_LOGIC_ERROR, MBC_JSON_LOGIC_ERROR_TOO_DEEP,
                     _("rule nested more than %d levels deep"), MBC_JSON_LOGIC_MAX_DEPTH);
      break;
    case CODE_VALUE:
    default:
      result = logic_borrowed (code->node);
      break;
    }

  ctx->depth--;
  if (result.node != NULL && !logic_charge_value (ctx, &result))
    logic_value_clear (&result);
  return result;
}

struct _MbcJsonLogicProgram
{
  JsonNode *rule;
  Code     *code;
  GArray   *reads;    /* (nullable) the only slots it reads, when it reads nothing else */
};

/**
 * mbc_json_logic_program_new:
 * @rule: a JsonLogic rule; it must not change while the program lives
 *
 * Compiles @rule once, for rules evaluated many times: evaluating the program gives what
 * evaluating @rule gives, errors included. A program never changes once made, so threads
 * can share one.
 *
 * Returns: (transfer full): the program; free with mbc_json_logic_program_free().
 */
MbcJsonLogicProgram *
mbc_json_logic_program_new (JsonNode *rule)
{
  return mbc_json_logic_program_new_resolved (rule, NULL, NULL);
}

/**
 * mbc_json_logic_program_new_resolved:
 * @rule: a JsonLogic rule; it must not change while the program lives
 * @resolve: (nullable): asked, once for each literal name the rule may read, which slot of a
 *   binding holds what its first names read (see #MbcJsonLogicBinding)
 * @user_data: closure for @resolve
 *
 * As mbc_json_logic_program_new(), for evaluating with mbc_json_logic_program_test_bound():
 * a name resolved here is read from its slot, without walking the data's tree.
 */
MbcJsonLogicProgram *
mbc_json_logic_program_new_resolved (JsonNode                *rule,
                                     MbcJsonLogicResolveFunc  resolve,
                                     gpointer                 user_data)
{
  MbcJsonLogicProgram *self;
  Resolver resolver;

  g_return_val_if_fail (rule != NULL, NULL);

  self = g_new0 (MbcJsonLogicProgram, 1);
  self->rule = json_node_ref (rule);
  resolver = (Resolver) { resolve, user_data, g_array_new (FALSE, FALSE, sizeof (guint)), TRUE };
  self->code = logic_compile (rule, 1, FALSE, &resolver);
  if (resolver.pure && resolve != NULL)
    self->reads = resolver.reads;
  else
    g_array_unref (resolver.reads);
  return self;
}

void
mbc_json_logic_program_free (MbcJsonLogicProgram *self)
{
  if (self == NULL)
    return;
  logic_code_free (self->code);
  json_node_unref (self->rule);
  g_clear_pointer (&self->reads, g_array_unref);
  g_free (self);
}

/**
 * mbc_json_logic_program_get_reads:
 * @n_reads: (out): how many slots
 *
 * What a program compiled with a resolver reads of a binding's data: when it reads nothing
 * but names resolved to slots (none computed, none read from the tree, not the data as a
 * whole), those slots; its value, or its error, then depends only on what they hold.
 *
 * Returns: (array length=n_reads) (nullable): the slots, or %NULL when it may read more.
 */
const guint *
mbc_json_logic_program_get_reads (const MbcJsonLogicProgram *self,
                                  guint                     *n_reads)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_reads != NULL, NULL);

  static const guint none[1] = { 0 };

  *n_reads = self->reads ? self->reads->len : 0;
  if (self->reads == NULL)
    return NULL;
  return self->reads->len > 0 ? (const guint *) self->reads->data : none;
}

static gboolean
logic_program_run (const MbcJsonLogicProgram  *self,
                   const MbcJsonLogicBinding  *binding,
                   JsonNode                   *data,
                   gboolean                   *result,
                   GError                    **error)
{
  Ctx ctx = { 0, 0, error, binding };
  Value value;

  logic_init_constants ();
  value = logic_apply (&ctx, self->code, data ? data : constants[2]);
  if (value.node == NULL)
    return FALSE;
  *result = mbc_json_logic_truthy (value.node);
  logic_value_clear (&value);
  return TRUE;
}

/**
 * mbc_json_logic_program_test:
 * @data: (nullable): the data the rule reads with `var`
 * @result: (out): whether the rule's value is truthy
 * @error: as for mbc_json_logic_test()
 *
 * As mbc_json_logic_test() on the program's rule.
 */
gboolean
mbc_json_logic_program_test (const MbcJsonLogicProgram  *self,
                             JsonNode                   *data,
                             gboolean                   *result,
                             GError                    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return logic_program_run (self, NULL, data, result, error);
}

/**
 * mbc_json_logic_program_test_bound:
 * @binding: the data, and what the names resolved when the program was compiled read
 * @result: (out): whether the rule's value is truthy
 * @error: as for mbc_json_logic_test()
 *
 * As mbc_json_logic_program_test() on @binding's root, reading resolved names from their
 * slots. The result is the same as reading the root's whole tree, which is asked for
 * (binding->fill_tree) only when the rule reads something no slot holds.
 */
gboolean
mbc_json_logic_program_test_bound (const MbcJsonLogicProgram  *self,
                                   const MbcJsonLogicBinding  *binding,
                                   gboolean                   *result,
                                   GError                    **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (binding != NULL && binding->root != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return logic_program_run (self, binding, binding->root, result, error);
}

/**
 * mbc_json_logic_apply:
 * @rule: a JsonLogic rule
 * @data: (nullable): the data the rule reads with `var`
 * @error: set when the rule uses an unknown operator or is nested too deeply
 *
 * Returns: (transfer full): what the rule gives for @data, or %NULL with @error set.
 */
JsonNode *
mbc_json_logic_apply (JsonNode  *rule,
                      JsonNode  *data,
                      GError   **error)
{
  Ctx ctx = { 0, 0, error };
  Code *code;
  Value value;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  logic_init_constants ();
  code = logic_compile (rule, 1, FALSE, &(Resolver) { NULL, NULL, NULL, FALSE });
  value = logic_apply (&ctx, code, data ? data : constants[2]);
  logic_code_free (code);
  return value.node ? logic_value_take_ref (value) : NULL;
}

/**
 * mbc_json_logic_test:
 * @rule: a JsonLogic rule
 * @data: (nullable): the data the rule reads with `var`
 * @result: (out): whether the rule's value is truthy
 * @error: set when the rule uses an unknown operator or is nested too deeply
 *
 * Evaluates a condition without handing out a value, so no reference count of the rule
 * or the data is touched. Returns: %FALSE with @error set when evaluation failed. A rule
 * evaluated many times is better compiled once (mbc_json_logic_program_new()).
 */
gboolean
mbc_json_logic_test (JsonNode  *rule,
                     JsonNode  *data,
                     gboolean  *result,
                     GError   **error)
{
  g_autoptr(MbcJsonLogicProgram) program = NULL;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  program = mbc_json_logic_program_new (rule);
  return mbc_json_logic_program_test (program, data, result, error);
}

static void
logic_check (JsonNode            *rule,
             const char          *path,
             guint                depth,
             gboolean             scoped,
             MbcJsonLogicVarFunc  var_func,
             gpointer             user_data,
             GPtrArray           *problems)
{
  if (depth > MBC_JSON_LOGIC_MAX_DEPTH)
    {
      mbc_problems_add (problems, path, _("rule nested more than %d levels deep"),
                        MBC_JSON_LOGIC_MAX_DEPTH);
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (rule))
    {
      JsonArray *array = json_node_get_array (rule);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *sub = mbc_json_path_index (path, i);
          logic_check (json_array_get_element (array, i), sub, depth + 1, scoped, var_func,
                       user_data, problems);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (rule))
    {
      JsonObject *object = json_node_get_object (rule);
      g_autoptr(GList) members = json_object_get_members (object);
      const char *name;
      g_autofree char *op_path = NULL;
      JsonNode *values;
      int index;

      if (g_list_length (members) != 1)
        {
          mbc_problems_add (problems, path,
                            _("an object in a rule must have exactly one key, the operator; "
                            "this one has %u"), g_list_length (members));
          return;
        }
      name = members->data;
      op_path = mbc_json_path_member (path, name);
      index = logic_find_operator (name);
      if (index < 0)
        {
          mbc_problems_add (problems, op_path,
                            _("unknown operator \"%s\"; allowed: the classic JsonLogic operators "
                            "(var, missing, missing_some, if, ==, ===, !=, !==, !, !!, or, and, "
                            ">, >=, <, <=, max, min, +, -, *, /, %%, map, reduce, filter, all, "
                            "none, some, merge, in, cat, substr)"), name);
          return;
        }
      values = json_object_get_member (object, name);
      if (operators[index].op == OP_VAR && !scoped && var_func != NULL)
        {
          JsonNode *a = JSON_NODE_HOLDS_ARRAY (values) ? logic_arg (values, 0) : values;
          if (a != NULL && JSON_NODE_HOLDS_VALUE (a) && !logic_is_bool (a))
            {
              g_autofree char *var_name = logic_js_string (a);
              if (var_name[0] != '\0')
                var_func (var_name, op_path, user_data);
            }
          /* What a computed name reads cannot be checked: the data it reads must be named. */
          else if (a != NULL && (JSON_NODE_HOLDS_OBJECT (a) || JSON_NODE_HOLDS_ARRAY (a)))
            mbc_problems_add (problems, op_path,
                              _("the name that var reads is computed; here it must be written "
                                "out (a string or a number), so that what it reads can be "
                                "checked"));
        }
      /* The names missing and missing_some look for are names read, checked as var's are:
       * a misspelt one would make its finding unknown for every patient. */
      if ((operators[index].op == OP_MISSING || operators[index].op == OP_MISSING_SOME) &&
          !scoped && var_func != NULL)
        {
          gboolean some = operators[index].op == OP_MISSING_SOME;
          JsonNode *list = some ? logic_arg (values, 1)
                           : JSON_NODE_HOLDS_ARRAY (values) && logic_n_args (values) > 0 &&
                             JSON_NODE_HOLDS_ARRAY (logic_arg (values, 0))
                           ? logic_arg (values, 0) : NULL;
          guint n = list ? logic_n_args (list) : some ? 0 : logic_n_args (values);

          for (guint i = 0; i < n; i++)
            {
              JsonNode *a = list ? logic_arg (list, i) : logic_arg (values, i);
              if (a != NULL && JSON_NODE_HOLDS_VALUE (a) && !logic_is_bool (a))
                {
                  g_autofree char *var_name = logic_js_string (a);
                  if (var_name[0] != '\0')
                    var_func (var_name, op_path, user_data);
                }
            }
        }
      for (guint i = 0; i < logic_n_args (values); i++)
        {
          g_autofree char *sub = JSON_NODE_HOLDS_ARRAY (values) ? mbc_json_path_index (op_path, i)
                                                                : g_strdup (op_path);
          /* The second argument of map, filter, reduce, all, none and some reads an element. */
          gboolean inner = scoped || (operators[index].scoped && i == 1);
          logic_check (logic_arg (values, i), sub, depth + 1, inner, var_func, user_data, problems);
        }
    }
}

/**
 * mbc_json_logic_check:
 * @rule: a JsonLogic rule
 * @path: the JSON path of @rule, used in problems
 * @var_func: (nullable): called for each literal `var` reading the rule's data
 * @user_data: closure for @var_func
 * @problems: (element-type MbcProblem): where problems are added
 *
 * Checks a rule without evaluating it: every operator known, every object an operator,
 * nesting within bounds.
 */
void
mbc_json_logic_check (JsonNode            *rule,
                      const char          *path,
                      MbcJsonLogicVarFunc  var_func,
                      gpointer             user_data,
                      GPtrArray           *problems)
{
  g_return_if_fail (rule != NULL);
  g_return_if_fail (problems != NULL);
  /* The rule itself is the first level, as in evaluation. */
  logic_check (rule, path, 1, FALSE, var_func, user_data, problems);
}

/**
 * mbc_json_logic_to_string:
 * @value: a value returned by mbc_json_logic_apply()
 *
 * Returns: (transfer full): @value as compact JSON text, numbers as JavaScript prints them.
 */
char *
mbc_json_logic_to_string (JsonNode *value)
{
  return mbc_json_to_string (value, 0);
}
