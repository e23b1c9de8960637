/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line, run as a script would run it: outputs, errors and exit statuses. */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mbc-case.h"
#include "mbc-json.h"
#include "mbc-problem.h"
#include "mbc-test.h"

static const char *advisor;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_with_input (Run                *r,
                const char         *input,
                const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  g_ptr_array_add (argv, (gpointer) advisor);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  if (input)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  process = g_subprocess_newv ((const char * const *) argv->pdata, flags, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  r->status = g_subprocess_get_exit_status (process);
}

#define RUN(r, ...) run_with_input (r, NULL, (const char *[]) { __VA_ARGS__, NULL })
#define RUN_STDIN(r, input, ...) run_with_input (r, input, (const char *[]) { __VA_ARGS__, NULL })

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = mbc_json_parse (text, strlen (text), 64, &error);
  g_assert_no_error (error);
  return node;
}

static void
test_version (void)
{
  g_auto(Run) r = { 0 };

  RUN (&r, "--version");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "mbc-advisor " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) r = { 0 };

  RUN (&r, "--help");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--evaluate"));
  g_assert_nonnull (strstr (r.out, "--batch"));
  g_assert_nonnull (strstr (r.out, "--validate-guideline"));
  g_assert_nonnull (strstr (r.out, "--import-fhir"));
}

static void
test_evaluate (void)
{
  g_autofree char *path = mbc_test_data_path ("cases/worked-example.json");
  g_autofree char *text = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) s = { 0 };
  g_auto(Run) t = { 0 };
  g_autoptr(JsonNode) result = NULL;
  JsonObject *o;

  RUN (&r, "--evaluate", path);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  result = parse (r.out);
  o = json_node_get_object (result);
  g_assert_cmpstr (json_object_get_string_member (o, "schema"), ==, "mbc-advisor/result/1");
  g_assert_cmpstr (json_object_get_string_member (o, "tier"), ==, "recommended");
  g_assert_cmpstr (json_object_get_string_member (o, "strength"), ==, "standard");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "rule"), "id"),
                   ==, "favourable_subset");
  g_assert_true (json_object_get_boolean_member (o, "axillary_evaluation"));

  /* "-" reads standard input and gives the same bytes. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  RUN_STDIN (&s, text, "--evaluate", "-");
  g_assert_cmpint (s.status, ==, 0);
  g_assert_cmpstr (s.out, ==, r.out);

  RUN (&t, "--evaluate", path, "--format", "text");
  g_assert_cmpint (t.status, ==, 0);
  /* The heading with its conditions; the dated note of later evidence under it. */
  g_assert_true (g_str_has_prefix (t.out, "2017 consensus: surgery can be recommended if "
                                          "fitness for surgery, performance status and "
                                          "negative margins are confirmed\n"
                                          "Since 2017 (as of 2023, reviewed December 2026): "));
  g_assert_nonnull (strstr (t.out, "Evidence Since 2017"));
}

static void
test_evaluate_errors (void)
{
  g_auto(Run) missing = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) folder = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) both = { 0 };
  g_autofree char *folder_path = mbc_test_data_path ("cases");
  g_auto(GStrv) lines = NULL;

  RUN (&missing, "--evaluate", "/nonexistent/case.json");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "/nonexistent/case.json: $: "));
  g_assert_cmpstr (missing.out, ==, "");

  RUN (&folder, "--evaluate", folder_path);
  g_assert_cmpint (folder.status, ==, 1);

  RUN_STDIN (&invalid, "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":300,\"ecog\":\"1\","
             "\"metastatic_sites\":[\"bone\",\"bone\"],\"hair\":\"red\"}", "--evaluate", "-");
  g_assert_cmpint (invalid.status, ==, 2);
  g_assert_cmpstr (invalid.out, ==, "");
  lines = g_strsplit (g_strchomp (invalid.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  /* FILE: FIELD: what is wrong, one a line, every problem. */
  g_assert_true (g_str_has_prefix (lines[0], "<stdin>: age_years: "));
  g_assert_true (g_str_has_prefix (lines[1], "<stdin>: ecog: "));
  g_assert_true (g_str_has_prefix (lines[2], "<stdin>: metastatic_sites[1]: "));
  g_assert_true (g_str_has_prefix (lines[3], "<stdin>: hair: "));

  {
    g_auto(Run) empty = { 0 };
    g_auto(Run) garbage = { 0 };
    RUN_STDIN (&empty, "", "--evaluate", "-");
    g_assert_cmpint (empty.status, ==, 2);
    g_assert_true (g_str_has_prefix (empty.err, "<stdin>: $: invalid JSON"));
    RUN_STDIN (&garbage, "\x7f\x45\x4c\x46\x02\x01\x01", "--evaluate", "-");
    g_assert_cmpint (garbage.status, ==, 2);
  }

  RUN (&format, "--evaluate", "-", "--format", "xml");
  g_assert_cmpint (format.status, ==, 2);

  RUN (&both, "--evaluate", "a.json", "--batch", "b.jsonl");
  g_assert_cmpint (both.status, ==, 2);
}

/* Standard input that ends in a long run of spaces, with no newline: the last line is
 * blank, an error in its place, and nothing reads past the end (the sanitizer build). */
static void
test_batch_trailing_spaces (void)
{
  g_autoptr(GString) input = g_string_new ("{\"schema\": \"mbc-advisor/case/1\"}\n");
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_c (input, ' ');
  RUN_STDIN (&r, input->str, "--batch", "-");
  g_assert_cmpint (r.status, ==, 2);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "{\"schema\":\"mbc-advisor/result/1\""));
  g_assert_true (g_str_has_prefix (lines[1], "{\"schema\":\"mbc-advisor/error/1\",\"line\":2,"));
  g_assert_nonnull (strstr (r.err, ":2: $: the line is empty"));
}

/* interfaces.md, Limits: only regular files and standard input are read (a device, a FIFO
 * without a writer and a folder are refused at once, exit 1); a case, a --batch line and a
 * pack past their sizes are exit 2, read no further; --batch streams. */
static void
test_limits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-cli-limits-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *big_pack = g_build_filename (dir, "big-pack.json", NULL);
  g_autofree char *padding = g_strnfill ((1 << 20) + 16, ' ');
  g_autofree char *big_text = g_strconcat ("{\"schema\": \"mbc-advisor/case/1\"}", padding, NULL);
  g_autofree char *pack_padding = g_strnfill ((16 << 20) + 16, ' ');
  g_autoptr(GString) lines = g_string_new (NULL);
  const char *good = "{\"schema\": \"mbc-advisor/case/1\"}\n";

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (big, big_text, -1, NULL));
  g_assert_true (g_file_set_contents (big_pack, pack_padding, -1, NULL));

  {
    const char *refused[] = { "/dev/zero", fifo, dir };
    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      for (guint k = 0; k < 2; k++)
        {
          g_auto(Run) r = { 0 };
          g_autofree char *prefix = g_strdup_printf ("%s: $: is ", refused[i]);

          RUN (&r, k == 0 ? "--evaluate" : "--batch", refused[i]);
          g_assert_cmpint (r.status, ==, 1);
          g_assert_true (g_str_has_prefix (r.err, prefix));
          g_assert_nonnull (strstr (r.err, "only regular files and standard input are read"));
        }
  }
  {
    g_auto(Run) r = { 0 };
    RUN (&r, "--evaluate", big);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, ": $: larger than 1 MiB"));
  }
  {
    g_auto(Run) r = { 0 };
    RUN_STDIN (&r, big_text, "--evaluate", "-");
    g_assert_cmpint (r.status, ==, 2);
    g_assert_true (g_str_has_prefix (r.err, "<stdin>: $: larger than 1 MiB"));
  }
  {
    g_auto(Run) r = { 0 };
    RUN (&r, "--guideline", big_pack, "--evaluate", big);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, ": $: larger than 16 MiB"));
  }
  /* A batch: two good lines, one past the limit, one after it that is never read. */
  g_string_append (lines, good);
  g_string_append (lines, good);
  g_string_append (lines, big_text);
  g_string_append_c (lines, '\n');
  g_string_append (lines, good);
  {
    g_auto(Run) r = { 0 };
    g_auto(GStrv) out = NULL;

    RUN_STDIN (&r, lines->str, "--batch", "-");
    g_assert_cmpint (r.status, ==, 2);
    out = g_strsplit (r.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (out), ==, 3);
    g_assert_cmpstr (r.err, ==, "<stdin>: $: line 3 is larger than 1 MiB, the most that is read\n");
  }
  /* A line of exactly 1 MiB is read, whatever ends it; one byte more is not. */
  {
    const char *start = "{\"schema\": \"mbc-advisor/case/1\"}";
    g_autofree char *pad = g_strnfill ((1 << 20) - strlen (start), ' ');
    g_autofree char *exact = g_strconcat (start, pad, "\n", start, pad, "\r\n", start, pad,
                                          NULL);
    g_autofree char *over = g_strconcat (start, pad, " \n", NULL);
    g_auto(Run) ok = { 0 };
    g_auto(Run) past = { 0 };

    RUN_STDIN (&ok, exact, "--batch", "-");
    g_assert_cmpint (ok.status, ==, 0);
    RUN_STDIN (&past, over, "--batch", "-");
    g_assert_cmpint (past.status, ==, 2);
    g_assert_nonnull (strstr (past.err, "line 1 is larger than 1 MiB"));
  }
  /* What is quoted from the command line stays on one line. */
  {
    g_auto(Run) r = { 0 };
    RUN (&r, "--evaluate", "/nonexistent/a\nb\033.json");
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_str_has_prefix (r.err, "/nonexistent/a\\nb\\u001B.json: $: "));
    g_assert_cmpuint (strlen (r.err), ==, strchr (r.err, '\n') - r.err + 1);
  }
  g_unlink (fifo);
  g_unlink (big);
  g_unlink (big_pack);
  g_rmdir (dir);
}

/* --batch reads its input as a stream: 20,000 lines (ten times what the window of chunks
 * holds), one in ten a case and the others not, come out whole and in order, each in its
 * place. (Most lines are short errors, so that the sanitizer build runs it quickly.) */
static void
test_batch_streams (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_auto(Run) r = { 0 };
  g_auto(GStrv) out = NULL;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    g_string_append (input, i % 10 == 0 ? "{\"schema\": \"mbc-advisor/case/1\"}\n" : "\n");
  RUN_STDIN (&r, input->str, "--batch", "-");
  g_assert_cmpint (r.status, ==, 2);
  out = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (out), ==, n + 1);
  g_assert_cmpstr (out[n], ==, "");
  for (guint i = 0; i < n; i++)
    g_assert_true (g_str_has_prefix (out[i], i % 10 == 0 ? "{\"schema\":\"mbc-advisor/result/1\""
                                                          : "{\"schema\":\"mbc-advisor/error/1\""));
  {
    g_autofree char *last = g_strdup_printf ("\"line\":%u,", n);
    g_assert_nonnull (strstr (out[n - 1], last));
  }
}

/* Options that do not go together, an unknown option, and the help on a full disk. */
static void
test_options (void)
{
  static const struct { const char *args[7]; const char *says; } refused[] = {
    { { "--bogus" }, "Unknown option --bogus" },
    { { "--format", "text", "--batch", "x.jsonl" }, "--format text goes only with --evaluate" },
    { { "--format", "csv", "--evaluate", "x.json" }, "--format csv goes only with --batch" },
    { { "--format", "csv", "--report", "x.json" },
      "--format goes only with --evaluate or --batch" },
    { { "--ignore-column", "id", "--evaluate", "x.json" }, "--ignore-column go only with --batch" },
    { { "--input-format", "xml", "--batch", "x.jsonl" }, "use jsonl or csv" },
    { { "--guideline", "p.json", "--jsonlogic", "1" }, "--guideline goes with" },
    { { "--version", "--evaluate", "x.json" }, "at a time" },
    { { "--help", "--batch", "x.jsonl" }, "at a time" },
    /* A repeated option never silently takes the last value. */
    { { "--evaluate", "a.json", "--evaluate", "b.json" }, "--evaluate is given more than once" },
    { { "-e", "a.json", "--evaluate=b.json" }, "--evaluate is given more than once" },
    { { "--batch", "a.jsonl", "--guideline", "p.json", "--guideline", "q.json" },
      "--guideline is given more than once" },
    /* Usage errors name the option. */
    { { "--version", "extra" }, "--version takes no argument" },
    { { "--version=1" }, "--version takes no argument" },
    { { "--help=" }, "--help takes no argument" },
    { { "-vv" }, "--version is given more than once" },
    { { "-vh" }, "at a time" },
    { { "--evaluate", "" }, "--evaluate needs a file name" },
    { { "--batch", "" }, "--batch needs a file name" },
    { { "--report", "x.json", "--output", "x.pdf", "--paper", "a5" }, "--paper: \"a5\" is not" },
    { { "--paper", "a4" }, "--output and --paper go only with --report" },
    { { "--report", "x.json" }, "--report CASE.json needs --output" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) r = { 0 };
      run_with_input (&r, NULL, refused[i].args);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, refused[i].says));
      g_assert_cmpstr (r.out, ==, "");
    }
  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;

    g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
    process = g_subprocess_launcher_spawn (launcher, &error, advisor, "--help", NULL);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_wait (process, NULL, &error));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  }
  {
    g_auto(Run) r = { 0 };
    RUN_STDIN (&r, "{\"schema\": @}", "--evaluate", "-");
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "found '@'"));
  }
}

static void
test_batch (void)
{
  g_autofree char *path = mbc_test_data_path ("cases/worked-example.json");
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) one = NULL;
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree char *line = NULL;
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) good = NULL;
  JsonArray *errors;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  one = parse (text);
  line = mbc_json_to_string (one, 0);
  g_string_append_printf (input, "%s\n", line);                                 /* 1 good */
  g_string_append (input, "{\"schema\":\"mbc-advisor/case/1\",\"ecog\":7}\n");  /* 2 bad */
  g_string_append (input, "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_response\":"
                          "\"progression\"}\r\n");                                /* 3 good, CRLF */
  g_string_append (input, "\n");                                                 /* 4 empty */
  g_string_append (input, "{\"schema\":\"mbc-advisor/case/1\",\"fit_for_surgery\":\"no\"");
  g_string_append (input, "\n");                                                 /* 5 truncated */
  g_string_append_printf (input, "%s", line);                                   /* 6 good, no LF */

  RUN_STDIN (&r, input->str, "--batch", "-");
  g_assert_cmpint (r.status, ==, 2);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7); /* six lines and the final newline */
  g_assert_cmpstr (lines[6], ==, "");

  good = parse (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (good), "tier"), ==,
                   "recommended");
  bad = parse (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (bad), "schema"), ==,
                   "mbc-advisor/error/1");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (bad), "line"), ==, 2);
  errors = json_object_get_array_member (json_node_get_object (bad), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0),
                                                  "field"), ==, "ecog");
  g_assert_nonnull (strstr (lines[2], "\"tier\":\"not_recommended\""));
  empty = parse (lines[3]);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (empty), "line"), ==, 4);
  g_assert_nonnull (strstr (lines[4], "\"line\":5"));
  g_assert_nonnull (strstr (lines[5], "\"tier\":\"recommended\""));
  /* Problems also go to stderr, with file and line. */
  g_assert_nonnull (strstr (r.err, "<stdin>:2: ecog: "));
  g_assert_nonnull (strstr (r.err, "<stdin>:5: $: "));
}

static void
test_batch_all_good (void)
{
  g_auto(Run) r = { 0 };

  RUN_STDIN (&r, "{\"schema\":\"mbc-advisor/case/1\"}\n{\"schema\":\"mbc-advisor/case/1\"}\n",
             "--batch", "-");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "\"tier\":\"indeterminate\""));
}

/* A batch of several chunks, evaluated by several threads, comes out in input order and
 * the same as with one thread. */
static void
test_batch_order (void)
{
  static const guint bad_lines[] = { 1, 256, 257, 600, 1000 };
  g_autoptr(GString) input = g_string_new (NULL);
  g_auto(Run) many = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *sites[] = { "[\"bone\"]", "[\"bone\",\"lung\"]", "null" };

  for (guint i = 1; i <= 1000; i++)
    {
      gboolean bad = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (bad_lines); k++)
        bad = bad || bad_lines[k] == i;
      if (bad)
        g_string_append_printf (input, "{\"schema\":\"mbc-advisor/case/1\",\"ecog\":%u}\n",
                                10 + i);
      else
        g_string_append_printf (input, "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":%u,"
                                "\"metastatic_sites\":%s,\"metastatic_response\":\"%s\"}\n",
                                18 + i % 90, sites[i % 3], i % 2 ? "complete" : "stable");
    }
  RUN_STDIN (&many, input->str, "--batch", "-");
  g_assert_cmpint (many.status, ==, 2);
  lines = g_strsplit (many.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1001);
  for (guint i = 1; i <= 1000; i++)
    {
      gboolean bad = FALSE;
      g_autofree char *marker = g_strdup_printf ("\"line\":%u,", i);
      for (guint k = 0; k < G_N_ELEMENTS (bad_lines); k++)
        bad = bad || bad_lines[k] == i;
      if (bad)
        g_assert_nonnull (strstr (lines[i - 1], marker));
      else
        g_assert_nonnull (strstr (lines[i - 1], i % 2 ? "\"tier\":\"" : "\"no_good_response\""));
    }

  g_setenv ("MBC_BATCH_THREADS", "1", TRUE);
  RUN_STDIN (&one, input->str, "--batch", "-");
  g_unsetenv ("MBC_BATCH_THREADS");
  g_assert_cmpint (one.status, ==, 2);
  g_assert_cmpstr (one.out, ==, many.out);
  g_assert_cmpstr (one.err, ==, many.err);
}

/* --test-guideline: the bundled pack passes its own tests; one threshold changed, the
 * tests that depend on it fail by name (exit 2); an invalid pack is exit 3. */
static void
test_pack_tests (void)
{
  g_autofree char *pack = g_build_filename (SOURCE_ROOT, "data", "guidelines",
                                            "uio2017-mbc-primary-surgery.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("mbc-pack-tests-XXXXXX", NULL);
  g_autofree char *changed = g_build_filename (dir, "changed.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(Run) good = { 0 };
  g_auto(Run) threshold = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) both = { 0 };
  const char *last;

  RUN (&good, "--test-guideline", pack);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_null (strstr (good.out, "not ok"));
  g_assert_nonnull (strstr (good.out, "ok worked example: the case the experts discussed\n"));
  last = g_strrstr_len (good.out, strlen (good.out) - 1, "\n") + 1;
  g_assert_true (g_str_has_suffix (last, " passed, 0 failed\n"));

  /* Young age below 60 instead of 55: the test at age 55 now fails, saying why. */
  g_assert_true (g_file_get_contents (pack, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"value\": 55,", "\"value\": 60,", 1), ==, 1);
  g_assert_true (g_file_set_contents (changed, edited->str, edited->len, NULL));
  RUN (&threshold, "--test-guideline", changed);
  g_assert_cmpint (threshold.status, ==, 2);
  g_assert_nonnull (strstr (threshold.out, "not ok age 55, ECOG 1, ER-negative: age and ER "
                                           "status do not change the tier: finding young_age "
                                           "is met, expected not_met\n"));
  g_assert_nonnull (strstr (threshold.out, " passed, 1 failed\n"));

  g_string_replace (edited, "\"hit_policy\": \"first\"", "\"hit_policy\": \"any\"", 1);
  g_assert_true (g_file_set_contents (broken, edited->str, edited->len, NULL));
  RUN (&invalid, "--test-guideline", broken);
  g_assert_cmpint (invalid.status, ==, 3);
  g_assert_nonnull (strstr (invalid.err, ": $.decision.hit_policy: "));
  g_assert_cmpstr (invalid.out, ==, "");

  RUN (&both, "--test-guideline", pack, "--evaluate", pack);
  g_assert_cmpint (both.status, ==, 2);

  g_unlink (changed);
  g_unlink (broken);
  g_rmdir (dir);
}

static void
test_guideline (void)
{
  g_autofree char *pack = g_build_filename (SOURCE_ROOT, "data", "guidelines",
                                            "uio2017-mbc-primary-surgery.json", NULL);
  g_autofree char *broken = g_build_filename (g_get_tmp_dir (), "mbc-broken-pack.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *case_path = mbc_test_data_path ("cases/worked-example.json");
  g_autoptr(GString) damaged = NULL;
  g_auto(Run) valid = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) with_pack = { 0 };
  g_auto(Run) with_broken = { 0 };
  g_auto(Run) unreadable = { 0 };

  RUN (&valid, "--validate-guideline", pack);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_nonnull (strstr (valid.out, "valid"));

  g_assert_true (g_file_get_contents (pack, &text, NULL, NULL));
  damaged = g_string_new (text);
  g_string_replace (damaged, "\"hit_policy\": \"first\"", "\"hit_policy\": \"any\"", 1);
  g_string_replace (damaged, "\"id\": \"TH1\"", "\"id\": \"TH1\", \"extra\": 1", 1);
  g_assert_true (g_file_set_contents (broken, damaged->str, damaged->len, NULL));
  RUN (&invalid, "--validate-guideline", broken);
  g_assert_cmpint (invalid.status, ==, 3);
  g_assert_nonnull (strstr (invalid.err, ": $.decision.hit_policy: "));
  g_assert_nonnull (strstr (invalid.err, ": $.sources[0].extra: "));

  RUN (&with_pack, "--guideline", pack, "--evaluate", case_path);
  g_assert_cmpint (with_pack.status, ==, 0);
  RUN (&with_broken, "--guideline", broken, "--evaluate", case_path);
  g_assert_cmpint (with_broken.status, ==, 3);
  g_assert_cmpstr (with_broken.out, ==, "");
  RUN (&unreadable, "--validate-guideline", "/nonexistent/pack.json");
  g_assert_cmpint (unreadable.status, ==, 1);
  g_unlink (broken);
}

static void
test_jsonlogic (void)
{
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) d = { 0 };

  RUN (&a, "--jsonlogic", "{\"+\":[1,2]}");
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, "3\n");
  RUN (&b, "--jsonlogic", "{\"var\":\"a.b\"}", "{\"a\":{\"b\":[1,\"x\"]}}");
  g_assert_cmpstr (b.out, ==, "[1,\"x\"]\n");
  RUN (&c, "--jsonlogic", "{\"frob\":1}");
  g_assert_cmpint (c.status, ==, 2);
  g_assert_nonnull (strstr (c.err, "unknown operator"));
  RUN (&d, "--jsonlogic", "{\"+\":[1,");
  g_assert_cmpint (d.status, ==, 2);
}

/* The shared JsonLogic suite, through the command line as a pack author would use it. */
static void
test_jsonlogic_suite (void)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "..", "shared", "conformance",
                                            "jsonlogic", "tests.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) suite = NULL;
  JsonArray *cases;
  guint run = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    {
      g_test_skip_printf ("%s is absent: the JsonLogic suite was not run", path);
      return;
    }
  suite = parse (text);
  cases = json_node_get_array (suite);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonNode *entry = json_array_get_element (cases, i);
      g_autofree char *rule = NULL, *data = NULL;
      g_autoptr(JsonNode) got = NULL;
      g_auto(Run) r = { 0 };
      JsonArray *triple;

      if (!JSON_NODE_HOLDS_ARRAY (entry))
        continue;
      triple = json_node_get_array (entry);
      rule = mbc_json_to_string (json_array_get_element (triple, 0), 0);
      data = mbc_json_to_string (json_array_get_element (triple, 1), 0);
      RUN (&r, "--jsonlogic", rule, data);
      g_assert_cmpint (r.status, ==, 0);
      got = parse (r.out);
      /* Numbers print as JavaScript prints them, so 2.0 and 2 are the same text. */
      {
        g_autofree char *want = mbc_json_to_string (json_array_get_element (triple, 2), 0);
        g_autofree char *have = mbc_json_to_string (got, 0);
        if (g_strcmp0 (want, have) != 0)
          g_error ("%s with %s gave %s, expected %s", rule, data, have, want);
      }
      run++;
    }
  g_assert_cmpuint (run, ==, 277);
}

/* --report writes the PDF the window exports: every part the report must have is in its
 * text; errors give the statuses of docs/contracts.md and leave no file behind. */
static void
test_report (void)
{
  static const char * const parts[] = {
    "MBC Surgery Advisor Report", "Written ", "Case: Teaching case: bone-only, HER2-positive",
    "2017 consensus: surgery can be recommended", "Standard recommendation",
    "Confirm Before Surgery", "Key Inputs", "Findings", "Clinician’s Decision", "Signature",
    "All Inputs", "ECOG performance status", "Not recorded", "0 (not a site)",
    "Residual breast lesion (cm)", "1.5", "Met: Good response at metastatic sites",
    "Unknown: Fit for surgery", "Take-home message 1 (TH1)", "Plan", "Axilla", "Radiotherapy",
    "Timing", "Counselling", "How the Polled Oncologists Voted (2017)",
    "This result rests on the expert group's statement below",
    "Interpretation (the application's):",
    "Table 1: Question 1", "77.3%", "Evidence Since 2017", "Khan SA", "About This Report",
    "SHA-256", "Application: MBC Surgery Advisor " PACKAGE_VERSION, "Page 1 of ",
  };
  g_autofree char *dir = g_dir_make_tmp ("mbc-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autofree char *example = mbc_test_data_path ("cases/worked-example.json");
  g_autofree char *text = NULL;
  g_autofree char *letter = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };

  /* Reading the PDF back needs pdftotext (poppler-utils, which ./run installs; not in the
   * GNOME SDK where the Flatpak build runs the engine tests). */
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      /* A full test run (./run test) has it: there, its absence is a failure. */
      if (g_getenv ("MBC_REQUIRE_TOOLS"))
        g_error ("pdftotext is not installed");
      g_test_skip ("pdftotext is not installed");
      return;
    }
  RUN (&r, "--report", example, "--output", pdf, "--paper", "a4");
  g_assert_cmpint (r.status, ==, 0);
  text = mbc_test_pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (text, parts[i]) == NULL)
      g_error ("the report has no \"%s\"", parts[i]);
  /* The first page has the dated heading and, under it, the dated note of later evidence. */
  {
    const char *page_end = strchr (text, '\f');
    g_autofree char *first = g_strndup (text, page_end ? (gsize) (page_end - text) : strlen (text));
    const char *heading = strstr (first, "2017 consensus: surgery can be recommended");

    g_assert_nonnull (heading);
    g_assert_nonnull (strstr (heading, "Since 2017 (as of 2023, reviewed December 2026)"));
  }

  RUN (&r2, "--report", example, "--output", pdf, "--paper", "letter");
  g_assert_cmpint (r2.status, ==, 0);
  letter = mbc_test_pdf_text (pdf);
  g_assert_nonnull (strstr (letter, "2017 consensus: surgery can be recommended"));

  /* Exit statuses: 1 cannot write, 2 invalid case or options. */
  RUN (&r3, "--report", example, "--output", nowhere);
  g_assert_cmpint (r3.status, ==, 1);
  g_assert_nonnull (strstr (r3.err, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  RUN (&r4, "--report", example);
  g_assert_cmpint (r4.status, ==, 2);
  run_clear (&r4);
  RUN_STDIN (&r4, "{\"schema\": \"mbc-advisor/case/1\", \"ecog\": 9}", "--report", "-",
             "--output", nowhere);
  g_assert_cmpint (r4.status, ==, 2);
  run_clear (&r4);
  RUN (&r4, "--report", example, "--output", pdf, "--paper", "a3");
  g_assert_cmpint (r4.status, ==, 2);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A case the window saves with problems between fields (fewer lesions than sites) is
 * reported as the window reports it: exit 0, the problem on standard error and at its input
 * in the PDF, the evaluation without that input. --evaluate stays strict (exit 2), and a
 * value out of its range is still exit 2 for --report. */
static void
test_report_with_problems (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-report-problems-XXXXXX", NULL);
  g_autofree char *typed = g_build_filename (dir, "typed.json", NULL);
  g_autofree char *young = g_build_filename (dir, "young.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_auto(Run) r = { 0 };
  g_auto(Run) strict = { 0 };
  g_auto(Run) range = { 0 };

  g_assert_true (g_file_set_contents (typed, "{\"schema\": \"mbc-advisor/case/1\", "
                                      "\"metastatic_sites\": [\"bone\", \"brain\"], "
                                      "\"metastatic_lesion_count\": 1, "
                                      "\"metastatic_response\": \"complete\"}", -1, NULL));
  g_assert_true (g_file_set_contents (young, "{\"schema\": \"mbc-advisor/case/1\", "
                                      "\"age_years\": 15}", -1, NULL));
  RUN (&r, "--report", typed, "--output", pdf);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, ": metastatic_lesion_count: is 1, fewer than the 2 "));
  if (pdftotext != NULL || g_getenv ("MBC_REQUIRE_TOOLS"))
    {
      text = mbc_test_pdf_text (pdf);
      g_assert_nonnull (strstr (text, "Input with a problem"));
      g_assert_nonnull (strstr (text, "fewer than the 2 metastatic sites"));
    }
  RUN (&strict, "--evaluate", typed);
  g_assert_cmpint (strict.status, ==, 2);
  RUN (&range, "--report", young, "--output", pdf);
  g_assert_cmpint (range.status, ==, 2);
  g_assert_nonnull (strstr (range.err, ": age_years: "));
  g_unlink (pdf);
  g_unlink (typed);
  g_unlink (young);
  g_rmdir (dir);
}

/* Every library case, evaluated by the command line as any case file, reaches the tier
 * its teaching note declares. */
/* ulimit -f 4: as a shell sets it, SIGXFSZ left to its default (which ends the process). */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 4096, 4096 };

  signal (SIGXFSZ, SIG_DFL);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A report that cannot be written whole (the file size limit stands for a full disk):
 * exit status 1, the file named, the report already there byte for byte as it was, and no
 * temporary file left. */
static void
test_report_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *example = mbc_test_data_path ("cases/worked-example.json");
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  const char before[] = "%PDF-1.5 an earlier report\n";

  g_assert_true (g_file_set_contents (pdf, before, -1, NULL));
  g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, advisor, "--report", example,
                                         "--output", pdf, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, pdf));
  g_assert_true (g_file_get_contents (pdf, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* Nothing left behind: the temporary file was removed. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    g_assert_cmpstr (g_dir_read_name (listing), ==, "report.pdf");
    g_assert_null (g_dir_read_name (listing));
  }
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_library_cases (void)
{
  g_autofree char *dir = g_build_filename (SOURCE_ROOT, "data", "cases", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) file = NULL;
      g_autoptr(JsonNode) result = NULL;
      g_auto(Run) r = { 0 };

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      file = parse (text);
      RUN (&r, "--evaluate", path);
      g_assert_cmpint (r.status, ==, 0);
      result = parse (r.out);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "tier"), ==,
                       json_object_get_string_member (json_object_get_object_member (
                         json_node_get_object (file), "teaching"), "expected_tier"));
      count++;
    }
  g_assert_cmpuint (count, >=, 9);
}


/* A cohort as a spreadsheet writes it (a BOM, CRLF, quoted cells with commas, quotes and line
 * breaks): each row in its place; a bad row's error object names the row as a spreadsheet
 * numbers it (the header is 1, a record over two lines one row), the others evaluated. */
static void
test_batch_csv (void)
{
  static const char cohort[] =
    "\xEF\xBB\xBF" "label,age_years,metastatic_sites,metastatic_response,"
    "systemic_therapy_completed\r\n"
    "\"Case A, bone only\",45.0,bone,complete,TRUE\r\n"                 /* row 2 */
    "\"Case \"\"B\"\"\",UNK,bone;liver,progression,no\r\n"              /* row 3: UNK */
    "\"C\",-999,\"bone;\r\nlung\",stable,1\r\n"                         /* row 4: over 2 lines */
    "D,,NA,,\r\n"                                                        /* row 5 */
    "E,50,bone,complete\r\n";                                            /* row 6: 4 cells */
  g_auto(Run) r = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) bad = NULL;

  RUN_STDIN (&r, cohort, "--batch", "-", "--input-format", "csv");
  g_assert_cmpint (r.status, ==, 2);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_nonnull (strstr (lines[0], "\"tier\":\"recommended\""));
  bad = parse (lines[1]);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (bad), "line"), ==, 3);
  g_assert_nonnull (strstr (lines[1], "\"field\":\"age_years\""));
  g_assert_nonnull (strstr (lines[2], "\"line\":4,"));
  g_assert_nonnull (strstr (lines[3], "\"tier\":\"indeterminate\""));
  g_assert_nonnull (strstr (lines[4], "\"line\":6,"));
  g_assert_nonnull (strstr (r.err, "<stdin>:3: age_years: "));
  g_assert_nonnull (strstr (r.err, "\"UNK\""));
  g_assert_nonnull (strstr (r.err, "<stdin>:4: age_years: "));
  g_assert_nonnull (strstr (r.err, "<stdin>:6: $: the row has 4 cells; the header has 5"));
  /* Read as JSON Lines, the same text is not a case at all. */
  {
    g_auto(Run) j = { 0 };
    RUN_STDIN (&j, cohort, "--batch", "-");
    g_assert_cmpint (j.status, ==, 2);
    g_assert_null (strstr (j.out, "\"tier\""));
  }
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The header: an unknown column is exit 2 with its name and the allowed ones, before any
 * row, unless --ignore-column names it; a column named twice is exit 2; a .csv file is CSV
 * whatever the case of its extension, unless --input-format jsonl says otherwise. */
static void
test_batch_csv_columns (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mbc-csv-XXXXXX", NULL);
  g_autofree char *redcap = write_temp (dir, "export.CSV",
    "record_id,age_years,metastatic_sites___bone,metastatic_sites___liver,"
    "metastatic_sites___lung,metastatic_sites___brain,metastatic_sites___distant_lymph_nodes,"
    "metastatic_sites___pleura,metastatic_sites___skin_soft_tissue,metastatic_sites___other,"
    "metastatic_response,form_complete\n"
    "1,45,1,0,0,0,0,0,0,0,complete,2\n"
    "2,UNK,0,0,0,0,0,0,0,0,complete,2\n");
  g_autofree char *twice = write_temp (dir, "twice.csv", "ecog,label,ecog\n1,a,1\n");
  g_autofree char *jsonl = write_temp (dir, "cases.csv", "{\"schema\":\"mbc-advisor/case/1\"}\n");
  g_auto(Run) unknown = { 0 };
  g_auto(Run) ignored = { 0 };
  g_auto(Run) dup = { 0 };
  g_auto(Run) forced = { 0 };

  RUN (&unknown, "--batch", redcap);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "export.CSV:1: record_id: unknown column"));
  g_assert_nonnull (strstr (unknown.err, "export.CSV:1: form_complete: unknown column"));
  g_assert_nonnull (strstr (unknown.err, "metastatic_response"));

  RUN (&ignored, "--batch", redcap, "--ignore-column", "record_id",
       "--ignore-column", "form_complete");
  g_assert_cmpint (ignored.status, ==, 2);
  g_assert_nonnull (strstr (ignored.out, "\"bone_only\":\"met\""));
  g_assert_nonnull (strstr (ignored.out, "{\"schema\":\"mbc-advisor/error/1\",\"line\":3,"));
  g_assert_nonnull (strstr (ignored.err, "export.CSV:3: age_years: must be a whole number"));

  RUN (&dup, "--batch", twice);
  g_assert_cmpint (dup.status, ==, 2);
  g_assert_cmpstr (dup.out, ==, "");
  g_assert_nonnull (strstr (dup.err, "twice.csv:1: ecog: is the name of columns 1 and 3"));

  RUN (&forced, "--batch", jsonl, "--input-format", "jsonl");
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.out, "\"tier\":\"indeterminate\""));

  g_unlink (redcap);
  g_unlink (twice);
  g_unlink (jsonl);
  g_rmdir (dir);
}

/* A case file's member as a spreadsheet cell: unknowns in each of their spellings, booleans
 * and sites in the ways spreadsheets write them. */
static void
csv_append_cell (GString  *out,
                 JsonNode *value,
                 guint     variant)
{
  static const char * const unknowns[] = { "", "NA", "unknown", "N/A", "na" };
  g_autoptr(GString) text = g_string_new (NULL);

  if (JSON_NODE_HOLDS_NULL (value))
    g_string_append (text, unknowns[variant % G_N_ELEMENTS (unknowns)]);
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (text, "%s%s", i ? (variant % 2 ? "; " : ";") : "",
                                json_array_get_string_element (array, i));
    }
  else if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    {
      static const char * const yes[] = { "true", "TRUE", "yes", "1" };
      static const char * const no[] = { "false", "FALSE", "no", "0" };
      g_string_append (text, (json_node_get_boolean (value) ? yes : no)[variant % 4]);
    }
  else if (json_node_get_value_type (value) == G_TYPE_STRING)
    g_string_append (text, json_node_get_string (value));
  else
    {
      g_autofree char *number = mbc_json_to_string (value, 0);
      g_string_append (text, number);
    }
  if (strpbrk (text->str, ",\"\r\n") != NULL || variant % 3 == 0)
    {
      g_autofree char *doubled = NULL;
      g_auto(GStrv) parts = g_strsplit (text->str, "\"", -1);
      doubled = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "\"%s\"", doubled);
    }
  else
    g_string_append (out, text->str);
}

/* Every case file of the teaching library and of the tests, as the rows of one CSV file (the
 * sites in one cell, then as checkbox columns): --batch gives each the result --evaluate
 * gives its file, byte for byte. */
static void
test_batch_csv_same_as_evaluate (void)
{
  const char *dirs[] = { SOURCE_ROOT "/data/cases", TEST_DATA "/cases" };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_dir_make_tmp ("mbc-csv-XXXXXX", NULL);

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) listing = g_dir_open (dirs[d], 0, NULL);
      const char *name;
      g_assert_nonnull (listing);
      while ((name = g_dir_read_name (listing)))
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (paths, g_build_filename (dirs[d], name, NULL));
    }
  g_assert_cmpuint (paths->len, >=, 15);

  for (guint checkboxes = 0; checkboxes < 2; checkboxes++)
    {
      g_autoptr(GString) csv = g_string_new (NULL);
      g_autofree char *path = NULL;
      const char * const *sites = NULL;
      g_auto(Run) batch = { 0 };
      g_auto(GStrv) lines = NULL;

      /* The header: every field, in an order of its own (the last first). */
      for (int f = MBC_CASE_N_FIELDS - 1; f >= 0; f--)
        {
          if (checkboxes && f == MBC_CASE_FIELD_METASTATIC_SITES)
            {
              sites = mbc_case_field_get_choices (f);
              for (guint k = 0; sites[k]; k++)
                g_string_append_printf (csv, "metastatic_sites___%s,", sites[k]);
              continue;
            }
          g_string_append_printf (csv, "%s,", mbc_case_field_get_name (f));
        }
      g_string_truncate (csv, csv->len - 1);
      g_string_append (csv, "\r\n");
      for (guint i = 0; i < paths->len; i++)
        {
          g_autofree char *text = NULL;
          g_autoptr(JsonNode) root = NULL;
          JsonObject *object;

          g_assert_true (g_file_get_contents (paths->pdata[i], &text, NULL, NULL));
          root = parse (text);
          object = json_node_get_object (root);
          for (int f = MBC_CASE_N_FIELDS - 1; f >= 0; f--)
            {
              const char *name = mbc_case_field_get_name (f);
              JsonNode *value = json_object_get_member (object, name);
              g_autoptr(JsonNode) null = json_node_new (JSON_NODE_NULL);

              if (value == NULL)
                value = null;
              if (checkboxes && f == MBC_CASE_FIELD_METASTATIC_SITES)
                {
                  JsonArray *array = JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value)
                                                                   : NULL;
                  for (guint k = 0; sites[k]; k++)
                    {
                      gboolean present = FALSE;
                      for (guint e = 0; array && e < json_array_get_length (array); e++)
                        present = present ||
                                  strcmp (json_array_get_string_element (array, e), sites[k]) == 0;
                      g_string_append_printf (csv, "%d,", present);
                    }
                  continue;
                }
              csv_append_cell (csv, value, i + f);
              g_string_append_c (csv, ',');
            }
          g_string_truncate (csv, csv->len - 1);
          g_string_append (csv, i % 2 ? "\n" : "\r\n");
        }
      path = write_temp (dir, "cohort.csv", csv->str);
      RUN (&batch, "--batch", path);
      g_assert_cmpstr (batch.err, ==, "");
      g_assert_cmpint (batch.status, ==, 0);
      lines = g_strsplit (batch.out, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, paths->len + 1);
      for (guint i = 0; i < paths->len; i++)
        {
          g_auto(Run) one = { 0 };
          g_autofree char *expected = NULL;

          RUN (&one, "--evaluate", paths->pdata[i]);
          g_assert_cmpint (one.status, ==, 0);
          expected = g_strchomp (g_strdup (one.out));
          if (strcmp (lines[i], expected) != 0)
            g_error ("%s: --batch of its CSV row differs from --evaluate",
                     (char *) paths->pdata[i]);
        }
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* --import-fhir: the case on stdout, a line a value and a line a thing not used on stderr. */
static void
test_import_fhir (void)
{
  g_autofree char *path = mbc_test_data_path ("fhir/bone-only.json");
  g_autofree char *bad = mbc_test_data_path ("fhir/wrong-types.json");
  g_autofree char *text = NULL;
  g_auto(Run) r = { 0 };
  g_auto(Run) in = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) date = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) alone = { 0 };
  g_autoptr(GPtrArray) problems = mbc_problems_new ();
  g_autoptr(MbcCase) kase = NULL;

  RUN (&r, "--import-fhir", path, "--as-of", "2025-06-01");
  g_assert_cmpint (r.status, ==, 0);
  kase = mbc_case_new_from_data (r.out, strlen (r.out), problems);
  g_assert_nonnull (kase);
  g_assert_true (g_str_has_prefix (r.err, "age_years: 45 (from Patient 1, birthDate)\n"));
  g_assert_nonnull (strstr (r.err, "\ner_status: positive (from Observation 2, "
                                   "http://loinc.org|LA6576-8)\n"));
  g_assert_nonnull (strstr (r.err, "\nnot used: Practitioner 8: "));

  /* Standard input reads the same. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  RUN_STDIN (&in, text, "--import-fhir", "-", "--as-of", "2025-06-01");
  g_assert_cmpint (in.status, ==, 0);
  g_assert_cmpstr (in.out, ==, r.out);

  RUN (&invalid, "--import-fhir", bad);
  g_assert_cmpint (invalid.status, ==, 2);
  g_assert_cmpstr (invalid.out, ==, "");
  g_assert_nonnull (strstr (invalid.err, ": $.entry[0].resource.birthDate: must be a string"));

  RUN (&missing, "--import-fhir", "/nonexistent/bundle.json");
  g_assert_cmpint (missing.status, ==, 1);

  RUN (&date, "--import-fhir", path, "--as-of", "2025-13-01");
  g_assert_cmpint (date.status, ==, 2);
  g_assert_nonnull (strstr (date.err, "--as-of"));

  RUN (&both, "--import-fhir", path, "--evaluate", path);
  g_assert_cmpint (both.status, ==, 2);
  RUN (&alone, "--as-of", "2025-06-01");
  g_assert_cmpint (alone.status, ==, 2);
}

/* No name, identifier, telecom, address or birth date of a bundle reaches any output. */
static void
test_import_fhir_privacy (void)
{
  const char *files[] = { "bone-only.json", "visceral.json", "nodal.json", "conflicting.json",
                          "other-patient.json", "two-patients.json" };
  const char *secrets[] = { "qqqprivacy", "zyxwvut", "mmmiddle", "987654321", "1980-05-17",
                            "555-0199", "uniqueavenue", "privacyville", "99999-4321",
                            "cancer-patient-zyxw" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (TEST_DATA, "fhir", files[i], NULL);
      g_auto(Run) r = { 0 };
      g_autofree char *joined = NULL;
      g_autofree char *all = NULL;

      RUN (&r, "--import-fhir", path, "--as-of", "2025-06-01");
      g_assert_cmpint (r.status, ==, i == G_N_ELEMENTS (files) - 1 ? 2 : 0);
      joined = g_strconcat (r.out, r.err, NULL);
      all = g_ascii_strdown (joined, -1);
      g_assert_cmpuint (strlen (r.err), >, 0);
      for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
        if (strstr (all, secrets[s]) != NULL)
          g_error ("%s: the output holds a patient's string", files[i]);
    }
}

static void
test_window_without_display (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *wayland = g_strdup (g_getenv ("WAYLAND_DISPLAY"));

  /* The bare command opens the window; with no display it says so and fails cleanly. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  RUN (&r, NULL);
  /* After "--", every word is a file for the window, never an option: not evaluated here,
   * not refused as an unknown option by GApplication's second reading. */
  {
    g_autofree char *path = g_build_filename (TEST_DATA, "cases", "full.json", NULL);
    g_auto(Run) after = { 0 };
    g_auto(Run) bogus = { 0 };

    RUN (&after, "--", "--evaluate", path);
    g_assert_cmpstr (after.out, ==, "");
    g_assert_cmpint (after.status, ==, 1);
    g_assert_null (strstr (after.err, "Unknown option"));
    RUN (&bogus, "--", "--bogus");
    g_assert_cmpint (bogus.status, ==, 1);
    g_assert_null (strstr (bogus.err, "Unknown option"));
    g_assert_true (strstr (bogus.err, "display") != NULL);
  }
  if (display)
    g_setenv ("DISPLAY", display, TRUE);
  if (wayland)
    g_setenv ("WAYLAND_DISPLAY", wayland, TRUE);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (strstr (r.err, "display") != NULL || strstr (r.err, "Display") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  advisor = g_getenv ("MBC_ADVISOR");
  if (advisor == NULL)
    g_error ("MBC_ADVISOR must name the mbc-advisor binary");
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/window-without-display", test_window_without_display);
  g_test_add_func ("/cli/evaluate", test_evaluate);
  g_test_add_func ("/cli/evaluate-errors", test_evaluate_errors);
  g_test_add_func ("/cli/batch", test_batch);
  g_test_add_func ("/cli/limits", test_limits);
  g_test_add_func ("/cli/options", test_options);
  g_test_add_func ("/cli/batch-streams", test_batch_streams);
  g_test_add_func ("/cli/batch-trailing-spaces", test_batch_trailing_spaces);
  g_test_add_func ("/cli/batch-all-good", test_batch_all_good);
  g_test_add_func ("/cli/batch-order", test_batch_order);
  g_test_add_func ("/cli/batch-csv", test_batch_csv);
  g_test_add_func ("/cli/batch-csv-columns", test_batch_csv_columns);
  g_test_add_func ("/cli/batch-csv-same-as-evaluate", test_batch_csv_same_as_evaluate);
  g_test_add_func ("/cli/guideline", test_guideline);
  g_test_add_func ("/cli/test-guideline", test_pack_tests);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/report-with-problems", test_report_with_problems);
  g_test_add_func ("/cli/library-cases", test_library_cases);
  g_test_add_func ("/cli/report-full-disk", test_report_full_disk);
  g_test_add_func ("/cli/jsonlogic", test_jsonlogic);
  g_test_add_func ("/cli/jsonlogic-suite", test_jsonlogic_suite);
  g_test_add_func ("/cli/import-fhir", test_import_fhir);
  g_test_add_func ("/cli/import-fhir-privacy", test_import_fhir_privacy);
  return g_test_run ();
}
