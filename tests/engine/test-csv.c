/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cohorts as CSV: the records as spreadsheets and REDCap write them (quoting, line ends, a
 * byte order mark, text that is not UTF-8, a record past the limit), and a record made the
 * case file it says: the header, the cells for unknown, booleans, numbers, the sites, the
 * decision, and every problem at its column. */
#include "config.h"

#include <string.h>

#include "mbc-csv.h"
#include "mbc-csv-case.h"
#include "mbc-file.h"
#include "mbc-json.h"
#include "mbc-problem.h"

/* Every record of @text; the reader's error, if any, in @error. */
static GPtrArray *
read_all (const char  *text,
          gsize        length,
          GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, length, NULL);
  g_autoptr(MbcCsvReader) reader = mbc_csv_reader_new (stream);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) mbc_csv_record_free);
  MbcCsvRecord *record;

  while ((record = mbc_csv_reader_next (reader, error)))
    g_ptr_array_add (records, record);
  return records;
}

static const char *
cell (GPtrArray *records,
      guint      r,
      guint      c)
{
  MbcCsvRecord *record = g_ptr_array_index (records, r);
  g_assert_null (record->problem);
  g_assert_cmpuint (c, <, record->cells->len);
  return g_ptr_array_index (record->cells, c);
}

static guint
n_cells (GPtrArray *records,
         guint      r)
{
  return ((MbcCsvRecord *) g_ptr_array_index (records, r))->cells->len;
}

/* As a spreadsheet saves it: a BOM, CRLF, quoted cells with commas, quotes and line breaks,
 * an empty last cell, no line end after the last record. */
static void
test_spreadsheet (void)
{
  static const char text[] = "\xEF\xBB\xBF" "label,age_years,er_status\r\n"
                             "\"Case 1, bone\",45,positive\r\n"
                             "\"She said \"\"no\"\"\",,\r\n"
                             "\"two\r\nlines\",\"50\",\"\"\r\n"
                             "last,60,negative";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (text, sizeof text - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 5);
  g_assert_cmpstr (cell (records, 0, 0), ==, "label");  /* the BOM is not part of it */
  g_assert_cmpstr (cell (records, 1, 0), ==, "Case 1, bone");
  g_assert_cmpstr (cell (records, 2, 0), ==, "She said \"no\"");
  g_assert_cmpuint (n_cells (records, 2), ==, 3);
  g_assert_cmpstr (cell (records, 2, 2), ==, "");
  g_assert_cmpstr (cell (records, 3, 0), ==, "two\r\nlines");
  g_assert_cmpstr (cell (records, 3, 1), ==, "50");
  g_assert_cmpstr (cell (records, 4, 2), ==, "negative");
  /* Rows as a spreadsheet numbers them: a record over two lines is still one row. */
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((MbcCsvRecord *) records->pdata[i])->number, ==, i + 1);
}

/* LF and CR alone end records too; a blank line is a record of one empty cell; the last
 * line end does not start another. */
static void
test_line_ends (void)
{
  static const char text[] = "a,b\nc,d\re,f\r\n\ng,h\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (text, sizeof text - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 5);
  g_assert_cmpstr (cell (records, 1, 1), ==, "d");
  g_assert_cmpstr (cell (records, 2, 0), ==, "e");
  g_assert_cmpuint (n_cells (records, 3), ==, 1);
  g_assert_cmpstr (cell (records, 3, 0), ==, "");
  g_assert_cmpstr (cell (records, 4, 1), ==, "h");
}

/* A record that is not one has its problem, and the next is read as usual. */
static void
test_bad_records (void)
{
  static const char text[] = "a,b\n"
                             "x\"y,1\n"             /* 2: a quote in an unquoted cell */
                             "\"x\"y,1\n"           /* 3: text after a closing quote */
                             "caf\xE9,1\n"          /* 4: Latin-1, not UTF-8 */
                             "nul\0here,1\n"        /* 5: a NUL */
                             "ok,2\n"               /* 6 */
                             "\"never closed,3\n";  /* 7 */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (text, sizeof text - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 7);
  for (guint i = 1; i < 7; i++)
    {
      MbcCsvRecord *record = records->pdata[i];
      g_assert_cmpuint (record->number, ==, i + 1);
      if (i == 5)
        g_assert_null (record->problem);
      else
        {
          g_assert_nonnull (record->problem);
          g_assert_cmpuint (record->cells->len, ==, 0);
        }
    }
  g_assert_nonnull (strstr (((MbcCsvRecord *) records->pdata[3])->problem, "UTF-8"));
  g_assert_cmpstr (cell (records, 5, 0), ==, "ok");
}

/* Records across the reader's blocks come out whole; one past the limit stops the reader. */
static void
test_long_records (void)
{
  g_autoptr(GString) text = g_string_new ("label\n\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');

  g_string_append_printf (text, "%s\"\nshort\n", big);
  records = read_all (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (cell (records, 1, 0), ==, big);
  g_assert_cmpstr (cell (records, 2, 0), ==, "short");
  g_clear_pointer (&records, g_ptr_array_unref);

  g_string_assign (text, "label\nfirst\n");
  for (gsize i = 0; i <= MBC_FILE_CASE_MAX_BYTES; i++)
    g_string_append_c (text, 'y');
  g_string_append (text, "\nnever read\n");
  records = read_all (text->str, text->len, &error);
  g_assert_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "row 3 "));
  g_assert_cmpuint (records->len, ==, 2);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_error (&error);

  /* Bounded in cells as in bytes: a header of a million empty names (a megabyte of commas)
   * stops the reader at MBC_CSV_MAX_CELLS, before it holds a million strings; a quoted
   * comma is no cell's end; as many cells as allowed are read. */
  g_string_assign (text, "");
  for (gsize i = 0; i < 1000000; i++)
    g_string_append_c (text, ',');
  g_string_append (text, "\nnever read\n");
  records = read_all (text->str, text->len, &error);
  g_assert_error (error, MBC_FILE_ERROR, MBC_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "row 1 has more than"));
  g_assert_cmpuint (records->len, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_error (&error);
  g_string_assign (text, "\"");
  for (gsize i = 0; i < 2 * MBC_CSV_MAX_CELLS; i++)
    g_string_append_c (text, ',');
  g_string_append (text, "\"");
  for (gsize i = 1; i < MBC_CSV_MAX_CELLS; i++)
    g_string_append (text, ",a");
  g_string_append_c (text, '\n');
  records = read_all (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpuint (((MbcCsvRecord *) records->pdata[0])->cells->len, ==, MBC_CSV_MAX_CELLS);
}

static gboolean
names (GPtrArray  *problems,
       const char *where)
{
  for (guint i = 0; i < problems->len; i++)
    if (strcmp (((MbcProblem *) problems->pdata[i])->where, where) == 0)
      return TRUE;
  return FALSE;
}

/* The columns of a header, or NULL with its problems. */
static MbcCsvColumns *
columns_for (const char         *header,
             const char * const *ignored,
             GPtrArray          *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (header, strlen (header), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  return mbc_csv_columns_new (records->pdata[0], ignored, problems);
}

static void
test_header (void)
{
  static const char * const ignored[] = { "record_id", "redcap_event_name", NULL };
  static const struct { const char *header; const char *where; } bad[] = {
    { "label,agee", "agee" },
    { "age_years,label,age_years", "age_years" },
    { "record_id,age_years", "record_id" },                /* not ignored here */
    { "label,", "\"\"" },
    { "metastatic_sites___bone,metastatic_sites___liver", "metastatic_sites___lung" },
    { "metastatic_sites,metastatic_sites___bone,metastatic_sites___liver,metastatic_sites___lung,"
      "metastatic_sites___brain,metastatic_sites___distant_lymph_nodes,metastatic_sites___pleura,"
      "metastatic_sites___skin_soft_tissue,metastatic_sites___other", "metastatic_sites" },
    { "metastatic_sites___bones", "metastatic_sites___bones" },
    { "Age_years", "Age_years" },
    { "teaching", "teaching" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autoptr(MbcCsvColumns) columns = columns_for (bad[i].header, NULL, problems);
      if (columns != NULL || !names (problems, bad[i].where))
        g_error ("header %s: expected a problem at %s", bad[i].header, bad[i].where);
    }
  {
    g_autoptr(GPtrArray) problems = mbc_problems_new ();
    g_autoptr(MbcCsvColumns) columns = columns_for ("agee", NULL, problems);
    /* The message names what is allowed and how to leave a column out. */
    g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "age_years"));
    g_assert_nonnull (strstr (((MbcProblem *) problems->pdata[0])->message, "--ignore-column"));
  }
  {
    g_autoptr(GPtrArray) problems = mbc_problems_new ();
    g_autoptr(MbcCsvColumns) columns =
      columns_for ("record_id,redcap_event_name,decision_date,schema,ecog,decision_choice",
                   ignored, problems);
    g_assert_nonnull (columns);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* One row under @header: the case file it makes (as compact JSON), or NULL with problems. */
static char *
row_json (const char *header,
          const char *row,
          GPtrArray  *problems)
{
  g_autofree char *text = g_strdup_printf ("%s\r\n%s\r\n", header, row);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (text, strlen (text), &error);
  g_autoptr(MbcCsvColumns) columns = NULL;
  g_autoptr(MbcCase) kase = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  columns = mbc_csv_columns_new (records->pdata[0], NULL, problems);
  g_assert_nonnull (columns);
  kase = mbc_csv_columns_read_case (columns, records->pdata[1], problems);
  if (kase == NULL)
    return NULL;
  g_assert_cmpuint (((MbcCsvRecord *) records->pdata[1])->number, ==, 2);
  root = mbc_csv_columns_to_json (columns, records->pdata[1], problems);
  return mbc_json_to_string (root, 0);
}

#define CHECKBOXES "metastatic_sites___bone,metastatic_sites___liver,metastatic_sites___lung," \
  "metastatic_sites___brain,metastatic_sites___distant_lymph_nodes,metastatic_sites___pleura," \
  "metastatic_sites___skin_soft_tissue,metastatic_sites___other"

static void
test_rows (void)
{
  static const struct { const char *header; const char *row; const char *json; } good[] = {
    /* schema may be absent, and every cell that means unknown leaves its field out */
    { "age_years,er_status,label,systemic_therapy_completed", ",unknown,NA,n/a",
      "{\"schema\":\"mbc-advisor/case/1\"}" },
    { "age_years,residual_breast_size_cm", "45.0,1.50",
      "{\"schema\":\"mbc-advisor/case/1\",\"age_years\":45,\"residual_breast_size_cm\":1.5}" },
    { "systemic_therapy_completed", "TRUE",
      "{\"schema\":\"mbc-advisor/case/1\",\"systemic_therapy_completed\":true}" },
    { "systemic_therapy_completed", "no",
      "{\"schema\":\"mbc-advisor/case/1\",\"systemic_therapy_completed\":false}" },
    { "systemic_therapy_completed", "1",
      "{\"schema\":\"mbc-advisor/case/1\",\"systemic_therapy_completed\":true}" },
    { "metastatic_sites,liver_lesion_count", "bone; liver,2",
      "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_sites\":[\"bone\",\"liver\"],"
      "\"liver_lesion_count\":2}" },
    { "label,ecog", "\" Teaching, case \",0",
      "{\"schema\":\"mbc-advisor/case/1\",\"label\":\" Teaching, case \",\"ecog\":0}" },
    { "schema,her2_status", "mbc-advisor/case/1, positive ",
      "{\"schema\":\"mbc-advisor/case/1\",\"her2_status\":\"positive\"}" },
    { CHECKBOXES, "1,0,1,0,0,0,0,0",
      "{\"schema\":\"mbc-advisor/case/1\",\"metastatic_sites\":[\"bone\",\"lung\"]}" },
    { CHECKBOXES, "0,0,0,0,0,0,0,0", "{\"schema\":\"mbc-advisor/case/1\"}" },
    { CHECKBOXES, ",,,,,,,", "{\"schema\":\"mbc-advisor/case/1\"}" },
    { "decision_choice,decision_date", "surgery,2024-02-29",
      "{\"schema\":\"mbc-advisor/case/1\",\"decision\":{\"choice\":\"surgery\","
      "\"date\":\"2024-02-29\"}}" },
    { "decision_choice,decision_date", "deferred,",
      "{\"schema\":\"mbc-advisor/case/1\",\"decision\":{\"choice\":\"deferred\"}}" },
    { "decision_choice,decision_date", "NA,",
      "{\"schema\":\"mbc-advisor/case/1\"}" },
  };
  static const struct { const char *header; const char *row; const char *where; } bad[] = {
    { "age_years", "abc", "age_years" },
    { "age_years", "UNK", "age_years" },
    { "age_years", "-999", "age_years" },
    { "age_years", "45.5", "age_years" },
    { "age_years", "1e400", "age_years" },
    { "age_years", "[45]", "age_years" },
    { "residual_breast_size_cm", "-99", "residual_breast_size_cm" },
    { "systemic_therapy_completed", "maybe", "systemic_therapy_completed" },
    { "er_status", "Positive", "er_status" },
    { "metastatic_sites", "bone;bone", "metastatic_sites[1]" },
    { "metastatic_sites", "bone;;liver", "metastatic_sites[1]" },
    { "metastatic_sites,liver_lesion_count", "bone,2", "liver_lesion_count" },
    { CHECKBOXES, "1,0,0,0,0,0,0,2", "metastatic_sites___other" },
    { CHECKBOXES, "1,,0,0,0,0,0,0", "metastatic_sites___liver" },
    { "schema,age_years", "mbc-advisor/case/2,45", "schema" },
    { "label", "\"line\nbreak\"", "label" },
    { "decision_choice", "operate", "decision_choice" },
    { "decision_date", "2024-01-01", "decision_choice" },
    { "decision_choice,decision_date", "surgery,31/01/2024", "decision_date" },
    { "decision_choice,decision_date", "surgery,2999-01-01", "decision_date" },
    { "age_years,ecog", "45", "$" },
    { "age_years,ecog", "45,1,2", "$" },
    { "age_years,ecog", "", "$" },
    { "age_years,ecog", "4\"5,1", "$" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autofree char *json = row_json (good[i].header, good[i].row, problems);
      if (json == NULL)
        g_error ("%s / %s: %s: %s", good[i].header, good[i].row,
                 ((MbcProblem *) problems->pdata[0])->where,
                 ((MbcProblem *) problems->pdata[0])->message);
      g_assert_cmpstr (json, ==, good[i].json);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      g_autofree char *json = row_json (bad[i].header, bad[i].row, problems);
      if (json != NULL || !names (problems, bad[i].where))
        g_error ("%s / %s: expected a problem at %s, got %s", bad[i].header, bad[i].row,
                 bad[i].where, json ? json : ((MbcProblem *) problems->pdata[0])->where);
      /* Every message says what is allowed, in words. */
      for (guint k = 0; k < problems->len; k++)
        g_assert_cmpuint (strlen (((MbcProblem *) problems->pdata[k])->message), >, 10);
    }
  /* A code for a missing value is refused with what would have said it. */
  {
    g_autoptr(GPtrArray) problems = mbc_problems_new ();
    g_autofree char *json = row_json ("age_years", "UNK", problems);
    const char *message = ((MbcProblem *) problems->pdata[0])->message;
    g_assert_null (json);
    g_assert_nonnull (strstr (message, "from 18 to 110"));
    g_assert_nonnull (strstr (message, "NA"));
    g_assert_nonnull (strstr (message, "\"UNK\""));
  }
  /* Every problem of a row at once. */
  {
    g_autoptr(GPtrArray) problems = mbc_problems_new ();
    g_autofree char *json = row_json ("age_years,ecog,her2_status", "UNK,9,maybe", problems);
    g_assert_null (json);
    g_assert_cmpuint (problems->len, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/spreadsheet", test_spreadsheet);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/bad-records", test_bad_records);
  g_test_add_func ("/csv/long-records", test_long_records);
  g_test_add_func ("/csv/header", test_header);
  g_test_add_func ("/csv/rows", test_rows);
  return g_test_run ();
}
