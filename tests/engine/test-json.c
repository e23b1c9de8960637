/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The strict JSON reader (mbc-json.c): what it accepts it reads exactly, and what json-glib
 * would read as something else (duplicate keys, raw control characters, integers past 64
 * bits, unlimited nesting, invalid UTF-8, trailing text) it refuses with the right code.
 */
#include "config.h"

#include <string.h>

#include "mbc-json.h"

static JsonNode *
parse (const char *text,
       guint       depth,
       GError    **error)
{
  return mbc_json_parse (text, strlen (text), depth, error);
}

static void
test_accepts (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "{}", "{}" },
    { " [ 1 , 2.5 , -0.125 , 1e3 ] ", "[1,2.5,-0.125,1000]" },
    { "{\"a\":{\"b\":[true,false,null]}}", "{\"a\":{\"b\":[true,false,null]}}" },
    { "\"caf\\u00e9 \\ud83d\\ude00 \\n\"", "\"café 😀 \\n\"" },
    { "9007199254740993", "9007199254740993" },
    { "-9223372036854775808", "-9223372036854775808" },
    /* Past 64 bits an integer is the double JavaScript reads, not a wrapped integer. */
    { "99999999999999999999999", "1e+23" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = parse (cases[i].in, 16, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = mbc_json_to_string (node, 0);
      g_assert_cmpstr (text, ==, cases[i].out);
    }
}

static void
test_refuses (void)
{
  static const struct { const char *in; MbcJsonError code; } cases[] = {
    { "", MBC_JSON_ERROR_SYNTAX },
    { "{\"a\":1,\"a\":2}", MBC_JSON_ERROR_SYNTAX },
    { "\"tab\there\"", MBC_JSON_ERROR_SYNTAX },
    { "[1,]", MBC_JSON_ERROR_SYNTAX },
    { "{\"a\":1} x", MBC_JSON_ERROR_SYNTAX },
    { "01", MBC_JSON_ERROR_SYNTAX },
    { "NaN", MBC_JSON_ERROR_SYNTAX },
    { "\"\\ud800\"", MBC_JSON_ERROR_ENCODING },
    { "\"\xff\"", MBC_JSON_ERROR_ENCODING },
    { "1e400", MBC_JSON_ERROR_RANGE },
    { "[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]", MBC_JSON_ERROR_TOO_DEEP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = parse (cases[i].in, 16, &error);

      if (node != NULL || !g_error_matches (error, MBC_JSON_ERROR, cases[i].code))
        g_error ("%s: expected error %d, got %s", cases[i].in, cases[i].code,
                 error ? error->message : "a value");
      /* The message says where. */
      g_assert_nonnull (strstr (error->message, "line "));
    }
}

/* A NUL byte inside the data is not the end of it. */
static void
test_nul (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mbc_json_parse ("{}\0{}", 5, 16, &error);

  g_assert_null (node);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/accepts", test_accepts);
  g_test_add_func ("/json/refuses", test_refuses);
  g_test_add_func ("/json/nul", test_nul);
  return g_test_run ();
}
