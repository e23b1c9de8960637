/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A cohort as CSV (docs/contracts.md): the header names case fields, in any order, any
 * subset; each row becomes the JSON object a case file would hold, which the case code then
 * checks, so that every rule of the case contract applies as it is, in one place. Here only
 * what a spreadsheet writes differently: the cells that mean unknown, booleans, numbers as
 * text, the sites in one cell or as REDCap checkbox columns, the decision's two columns.
 */
#define G_LOG_DOMAIN "mbc-csv"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-case-private.h"
#include "mbc-csv-case.h"
#include "mbc-json.h"
#include "mbc-problem.h"

#define CSV_N_SITES 8

typedef enum
{
  CSV_COLUMN_IGNORED,
  CSV_COLUMN_SCHEMA,
  CSV_COLUMN_FIELD,            /* index: the field */
  CSV_COLUMN_SITE,             /* index: the site, among metastatic_sites' choices */
  CSV_COLUMN_DECISION_CHOICE,
  CSV_COLUMN_DECISION_DATE,
} CsvColumnKind;

typedef struct
{
  CsvColumnKind kind;
  guint         index;
  char         *name;
} CsvColumn;

struct _MbcCsvColumns
{
  CsvColumn *columns;
  guint      n_columns;
  gboolean   sites_as_checkboxes;
};

void
mbc_csv_columns_free (MbcCsvColumns *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_columns; i++)
    g_free (self->columns[i].name);
  g_free (self->columns);
  g_free (self);
}

static const char * const *
csv_sites (void)
{
  return mbc_case_field_get_choices (MBC_CASE_FIELD_METASTATIC_SITES);
}

/* The names a header may use, for messages. */
static char *
csv_allowed_columns (void)
{
  GString *out = g_string_new ("schema");

  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    g_string_append_printf (out, ", %s", mbc_case_field_get_name (i));
  for (guint i = 0; csv_sites ()[i]; i++)
    g_string_append_printf (out, ", " MBC_CSV_SITE_PREFIX "%s", csv_sites ()[i]);
  g_string_append (out, ", decision_choice, decision_date");
  return g_string_free (out, FALSE);
}

static gboolean
csv_column_kind (const char *name,
                 CsvColumn  *column)
{
  int field = mbc_case_field_from_name (name);

  if (field >= 0)
    {
      column->kind = CSV_COLUMN_FIELD;
      column->index = (guint) field;
      return TRUE;
    }
  if (strcmp (name, "schema") == 0)
    column->kind = CSV_COLUMN_SCHEMA;
  else if (strcmp (name, "decision_choice") == 0)
    column->kind = CSV_COLUMN_DECISION_CHOICE;
  else if (strcmp (name, "decision_date") == 0)
    column->kind = CSV_COLUMN_DECISION_DATE;
  else if (g_str_has_prefix (name, MBC_CSV_SITE_PREFIX) &&
           g_strv_contains (csv_sites (), name + strlen (MBC_CSV_SITE_PREFIX)))
    {
      column->kind = CSV_COLUMN_SITE;
      for (column->index = 0; strcmp (csv_sites ()[column->index],
                                      name + strlen (MBC_CSV_SITE_PREFIX)) != 0;
           column->index++)
        ;
    }
  else
    return FALSE;
  return TRUE;
}

/**
 * mbc_csv_columns_new:
 * @header: the first record of the file
 * @ignored: (nullable): names of columns that are not case fields, to be left out
 * @problems: (element-type MbcProblem): every problem of the header, each at its column
 *
 * Returns: (transfer full) (nullable): what each column holds, or %NULL when the header has
 *   a problem: an unknown column, one named twice, checkbox columns for only some sites.
 */
MbcCsvColumns *
mbc_csv_columns_new (const MbcCsvRecord *header,
                     const char * const *ignored,
                     GPtrArray          *problems)
{
  g_autoptr(MbcCsvColumns) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  gboolean sites[CSV_N_SITES] = { FALSE };
  gboolean any_site = FALSE, sites_cell = FALSE;
  guint before;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);
  g_assert (g_strv_length ((char **) csv_sites ()) == CSV_N_SITES);

  before = problems->len;
  if (header->problem != NULL)
    {
      mbc_problems_add (problems, "$", _("the header row cannot be read: %s"), header->problem);
      return NULL;
    }
  self = g_new0 (MbcCsvColumns, 1);
  self->n_columns = header->cells->len;
  self->columns = g_new0 (CsvColumn, self->n_columns);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *name = g_ptr_array_index (header->cells, i);
      CsvColumn *column = &self->columns[i];
      gpointer first;

      column->name = g_strdup (name);
      if (g_hash_table_lookup_extended (seen, name, NULL, &first))
        {
          mbc_problems_add (problems, *name ? name : "\"\"",
                            _("is the name of columns %u and %u; each column is named once"),
                            GPOINTER_TO_UINT (first), i + 1);
          continue;
        }
      g_hash_table_insert (seen, column->name, GUINT_TO_POINTER (i + 1));
      if (ignored && g_strv_contains (ignored, name))
        column->kind = CSV_COLUMN_IGNORED;
      else if (!csv_column_kind (name, column))
        {
          g_autofree char *allowed = csv_allowed_columns ();
          mbc_problems_add (problems, *name ? name : "\"\"",
                            _("unknown column (column %u); allowed columns: %s (a column that "
                              "is not a case field must be named with --ignore-column)"), i + 1,
                            allowed);
          continue;
        }
      if (column->kind == CSV_COLUMN_SITE)
        any_site = sites[column->index] = TRUE;
      if (column->kind == CSV_COLUMN_FIELD && column->index == MBC_CASE_FIELD_METASTATIC_SITES)
        sites_cell = TRUE;
    }
  if (any_site && sites_cell)
    mbc_problems_add (problems, mbc_case_field_get_name (MBC_CASE_FIELD_METASTATIC_SITES),
                      _("cannot be a column together with the " MBC_CSV_SITE_PREFIX "… checkbox "
                        "columns; use one or the other"));
  for (guint k = 0; any_site && k < CSV_N_SITES; k++)
    if (!sites[k])
      {
        g_autofree char *where = g_strconcat (MBC_CSV_SITE_PREFIX, csv_sites ()[k], NULL);
        mbc_problems_add (problems, where, _("is missing; when the sites are checkbox columns, "
                          "there is one for each of the %u sites"), CSV_N_SITES);
      }
  self->sites_as_checkboxes = any_site;
  return problems->len == before ? g_steal_pointer (&self) : NULL;
}

/* An empty cell, unknown, NA or N/A (in any case). */
static gboolean
csv_is_unknown (const char *cell)
{
  return *cell == '\0' || g_ascii_strcasecmp (cell, "unknown") == 0 ||
         g_ascii_strcasecmp (cell, "na") == 0 || g_ascii_strcasecmp (cell, "n/a") == 0;
}

/* A cell quoted in a message: short, whatever it holds (the message is escaped when shown). */
static char *
csv_quote (const char *cell)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), cell);
  return _mbc_case_quote_value (node, NULL);
}

#define CSV_UNKNOWN_WORDS N_("an empty cell, unknown, NA or N/A when not known")

/* A number cell as the case file would write it: JSON's number, so "45.0" is 45. */
static JsonNode *
csv_number (const CsvColumn *column,
            const char      *cell,
            GPtrArray       *problems)
{
  g_autoptr(JsonNode) node = mbc_json_parse (cell, strlen (cell), 1, NULL);
  MbcCaseField field = column->index;
  double min, max;

  mbc_case_field_get_range (field, &min, &max);
  /* A number the case contract would refuse too, said in a spreadsheet's words (as REDCap's
   * codes for a missing value, -999 and the like, are refused). */
  if (node != NULL && mbc_json_is_number (node))
    {
      double d = json_node_get_value_type (node) == G_TYPE_INT64
                 ? (double) json_node_get_int (node) : json_node_get_double (node);
      gboolean whole = json_node_get_value_type (node) == G_TYPE_INT64;

      if (d >= min && d <= max && (whole || mbc_case_field_get_kind (field) != MBC_CASE_KIND_INT))
        return g_steal_pointer (&node);
    }
  {
    g_autofree char *got = csv_quote (cell);
    mbc_problems_add (problems, column->name, _("must be %s from %g to %g, or %s; got %s"),
                      mbc_case_field_get_kind (field) == MBC_CASE_KIND_INT ? _("a whole number")
                                                                            : _("a number"),
                      min, max, _(CSV_UNKNOWN_WORDS), got);
  }
  return NULL;
}

static JsonNode *
csv_boolean (const CsvColumn *column,
             const char      *cell,
             GPtrArray       *problems)
{
  static const char * const yes[] = { "true", "yes", "1" };
  static const char * const no[] = { "false", "no", "0" };
  g_autofree char *got = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (cell, yes[i]) == 0 || g_ascii_strcasecmp (cell, no[i]) == 0)
      return json_node_init_boolean (json_node_alloc (), g_ascii_strcasecmp (cell, yes[i]) == 0);
  got = csv_quote (cell);
  mbc_problems_add (problems, column->name,
                    _("must be true, false, yes, no, 1 or 0, or %s; got %s"),
                    _(CSV_UNKNOWN_WORDS), got);
  return NULL;
}

/* The sites' values in one cell, separated by ";". */
static JsonNode *
csv_sites_cell (const char *cell)
{
  g_auto(GStrv) parts = g_strsplit (cell, ";", -1);
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; parts[i]; i++)
    json_array_add_string_element (array, g_strstrip (parts[i]));
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

/* The checkbox columns of the sites: each 1 or 0, all 0 for unknown (as REDCap leaves an
 * unanswered question), or all unknown. */
static JsonNode *
csv_sites_checkboxes (MbcCsvColumns *self,
                      char         **cells,
                      GPtrArray     *problems)
{
  const char *unknown_at = NULL;
  guint n_unknown = 0, bits = 0;
  guint before = problems->len;
  JsonArray *array;
  JsonNode *node;

  for (guint i = 0; i < self->n_columns; i++)
    {
      const CsvColumn *column = &self->columns[i];

      if (column->kind != CSV_COLUMN_SITE)
        continue;
      if (csv_is_unknown (cells[i]))
        {
          n_unknown++;
          unknown_at = unknown_at ? unknown_at : column->name;
        }
      else if (strcmp (cells[i], "1") == 0)
        bits |= 1u << column->index;
      else if (strcmp (cells[i], "0") != 0)
        {
          g_autofree char *got = csv_quote (cells[i]);
          mbc_problems_add (problems, column->name, _("must be 1 (a site) or 0 (not a site); "
                            "got %s"), got);
        }
    }
  if (n_unknown == CSV_N_SITES || problems->len != before)
    return NULL;
  if (n_unknown > 0)
    {
      mbc_problems_add (problems, unknown_at, _("is not known while other site columns are; "
                        "each of the %u must be 1 or 0, or all of them unknown"), CSV_N_SITES);
      return NULL;
    }
  if (bits == 0)
    return NULL;
  array = json_array_new ();
  for (guint k = 0; k < CSV_N_SITES; k++)
    if (bits & (1u << k))
      json_array_add_string_element (array, csv_sites ()[k]);
  node = json_node_alloc ();
  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

/* The row as a case file, without the cells that have a problem; NULL when the row is not
 * one at all (its quoting, its encoding, its number of cells). */
static JsonNode *
csv_columns_build (MbcCsvColumns      *self,
                   const MbcCsvRecord *record,
                   GPtrArray          *problems)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) decision = NULL;
  g_auto(GStrv) cells = NULL;

  if (record->problem != NULL)
    {
      mbc_problems_add (problems, "$", "%s", record->problem);
      return NULL;
    }
  if (record->cells->len == 1 && self->n_columns > 1 &&
      *(const char *) g_ptr_array_index (record->cells, 0) == '\0')
    {
      mbc_problems_add (problems, "$", _("the row is empty; each row must hold one case"));
      return NULL;
    }
  if (record->cells->len != self->n_columns)
    {
      mbc_problems_add (problems, "$", _("the row has %u cells; the header has %u columns"),
                        record->cells->len, self->n_columns);
      return NULL;
    }

  /* Around a value, spaces are a spreadsheet's padding; a label is kept as it was typed. */
  cells = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    {
      cells[i] = g_strdup (g_ptr_array_index (record->cells, i));
      if (!(self->columns[i].kind == CSV_COLUMN_FIELD &&
            self->columns[i].index == MBC_CASE_FIELD_LABEL))
        g_strstrip (cells[i]);
    }

  object = json_object_new ();
  json_object_set_string_member (object, "schema", MBC_CASE_SCHEMA);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const CsvColumn *column = &self->columns[i];
      const char *cell = cells[i];
      JsonNode *value = NULL;

      if (column->kind == CSV_COLUMN_IGNORED || column->kind == CSV_COLUMN_SITE ||
          csv_is_unknown (cell))
        continue;
      switch (column->kind)
        {
        case CSV_COLUMN_SCHEMA:
          json_object_set_string_member (object, "schema", cell);
          continue;
        case CSV_COLUMN_DECISION_CHOICE:
        case CSV_COLUMN_DECISION_DATE:
          if (decision == NULL)
            decision = json_object_new ();
          json_object_set_string_member (decision, column->kind == CSV_COLUMN_DECISION_CHOICE
                                                   ? "choice" : "date", cell);
          continue;
        case CSV_COLUMN_FIELD:
          break;
        case CSV_COLUMN_IGNORED:
        case CSV_COLUMN_SITE:
        default:
          g_assert_not_reached ();
        }
      switch (mbc_case_field_get_kind (column->index))
        {
        case MBC_CASE_KIND_INT:
        case MBC_CASE_KIND_NUMBER:
          value = csv_number (column, cell, problems);
          break;
        case MBC_CASE_KIND_BOOL:
          value = csv_boolean (column, cell, problems);
          break;
        case MBC_CASE_KIND_SET:
          value = csv_sites_cell (cell);
          break;
        case MBC_CASE_KIND_LABEL:
        case MBC_CASE_KIND_CHOICE:
        default:
          value = json_node_init_string (json_node_alloc (), cell);
          break;
        }
      if (value != NULL)
        json_object_set_member (object, column->name, value);
    }
  if (self->sites_as_checkboxes)
    {
      JsonNode *sites = csv_sites_checkboxes (self, cells, problems);
      if (sites != NULL)
        json_object_set_member (object,
                                mbc_case_field_get_name (MBC_CASE_FIELD_METASTATIC_SITES), sites);
    }
  if (decision != NULL)
    json_object_set_object_member (object, MBC_CASE_DECISION, g_steal_pointer (&decision));
  return _mbc_case_object_node (g_steal_pointer (&object));
}

/**
 * mbc_csv_columns_to_json:
 * @record: a row after the header
 * @problems: (element-type MbcProblem): what a cell holds that no case file could say,
 *   each at its column
 *
 * Returns: (transfer full) (nullable): the row as the case file that says the same, not yet
 *   checked against the case contract; %NULL with @problems.
 */
JsonNode *
mbc_csv_columns_to_json (MbcCsvColumns      *self,
                         const MbcCsvRecord *record,
                         GPtrArray          *problems)
{
  g_autoptr(JsonNode) root = NULL;
  guint before;

  g_return_val_if_fail (self != NULL && record != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  before = problems->len;
  root = csv_columns_build (self, record, problems);
  return problems->len == before ? g_steal_pointer (&root) : NULL;
}

/**
 * mbc_csv_columns_read_case:
 * @record: a row after the header
 * @problems: (element-type MbcProblem): every problem of the row, each at its column
 *
 * The row as a case, checked as a case file is (mbc_case_new_from_json()); a problem of the
 * decision is named at its column (decision_date, not decision.date).
 *
 * Returns: (transfer full) (nullable): the case, or %NULL when the row has any problem.
 */
MbcCase *
mbc_csv_columns_read_case (MbcCsvColumns      *self,
                           const MbcCsvRecord *record,
                           GPtrArray          *problems)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MbcCase) kase = NULL;
  guint before, checked;

  g_return_val_if_fail (self != NULL && record != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  before = problems->len;
  if (!(root = csv_columns_build (self, record, problems)))
    return NULL;
  /* The other cells are still checked, so that a row's every problem is said at once. */
  checked = problems->len;
  kase = mbc_case_new_from_json (root, problems);
  for (guint i = checked; i < problems->len; i++)
    {
      MbcProblem *p = g_ptr_array_index (problems, i);
      if (g_str_has_prefix (p->where, MBC_CASE_DECISION "."))
        p->where[strlen (MBC_CASE_DECISION)] = '_';
    }
  return problems->len == before ? g_steal_pointer (&kase) : NULL;
}
