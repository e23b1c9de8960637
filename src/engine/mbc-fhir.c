/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A case from a FHIR R4 export: a Bundle of any type, or one resource. Resources refer to
 * each other by "urn:uuid:…" fullUrls or "Type/id"; only one patient's resources are read.
 * A value is set only when the export states it unambiguously (the codes: mbc-fhir-codes.c),
 * each with its source; every resource or code not used is said, with why. Nothing from the
 * Patient but the age it implies is ever copied or shown, and no resource id is ever shown
 * (an id can hold a name, a birth date or a record number): a resource is named by its type
 * and its position in the export ("Observation 3"). What the import uses and cannot read is
 * a problem at its JSON path; what it does not use (an id of odd shape, a resource type it
 * does not read) is said and left aside.
 */
#define G_LOG_DOMAIN "mbc-fhir"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-fhir.h"
#include "mbc-fhir-private.h"
#include "mbc-json.h"
#include "mbc-problem.h"

#define FHIR_ID_MAX 64
#define FHIR_SECRET_MIN 3   /* shorter strings of the Patient are too common to match */
#define FHIR_SECRET_SCAN 256  /* how much of a code is looked into */

typedef struct _Entry_
{
  JsonObject *resource;
  const char *type;
  const char *id;       /* only to resolve references: never shown */
  gboolean    odd_id;   /* the id is not a FHIR id's shape */
  struct _Entry_ *same_id; /* an earlier entry with the same type and id, or NULL */
  guint       position; /* 1 + its place among the Bundle's entries; 1 for a lone resource */
  char       *path;     /* "$.entry[3].resource", or "$" */
  char       *shown;    /* how lines name it: "Observation 4" */
} Entry;

/* A value one resource gives a field: @value NULL when it gives none (and @why says why). */
typedef struct
{
  Entry      *entry;
  char       *value;
  const char *why;
  char       *code;
  gint64      lo, hi;  /* when it was measured: the earliest and latest it can be, seconds */
} Candidate;

typedef struct
{
  const GDate *as_of;
  GPtrArray   *entries;       /* Entry */
  GHashTable  *by_reference;  /* "urn:uuid:…", "Type/id" → Entry */
  Entry       *patient;
  GHashTable  *secrets;       /* the Patient's strings, folded: never shown */
  GPtrArray   *problems;
  GPtrArray   *sources;
  GPtrArray   *not_used;
  GPtrArray   *candidates[MBC_CASE_N_FIELDS];
  GHashTable  *secondary;     /* Entry of a Condition read as a distant site → TRUE */
  MbcCase     *kase;
} Import;

G_DEFINE_BOXED_TYPE (MbcFhirSource, mbc_fhir_source, mbc_fhir_source_copy,
                     mbc_fhir_source_free)

MbcFhirSource *
mbc_fhir_source_copy (const MbcFhirSource *self)
{
  MbcFhirSource *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_new0 (MbcFhirSource, 1);
  copy->field = self->field;
  copy->value = g_strdup (self->value);
  copy->resource = g_strdup (self->resource);
  copy->code = g_strdup (self->code);
  return copy;
}

void
mbc_fhir_source_free (MbcFhirSource *self)
{
  if (self == NULL)
    return;
  g_free (self->value);
  g_free (self->resource);
  g_free (self->code);
  g_free (self);
}

static void
fhir_entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry->shown);
  g_free (entry);
}

static void
fhir_candidate_free (Candidate *candidate)
{
  g_free (candidate->value);
  g_free (candidate->code);
  g_free (candidate);
}

static void
fhir_not_used (Import     *im,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

static void
fhir_not_used (Import     *im,
               const char *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (im->not_used, g_strdup_vprintf (format, args));
  va_end (args);
}

/* --- Typed reads: a member of the wrong type is a problem at its path ------------------- */

static JsonNode *
fhir_member (JsonObject *object,
             const char *name,
             const char *parent,
             gboolean  (*ok) (JsonNode *),
             const char *expected,
             Import     *im)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!ok (node))
    {
      g_autofree char *path = mbc_json_path_member (parent, name);
      mbc_problems_add (im->problems, path, _("must be %s; got %s"), expected,
                        mbc_json_type_name (node));
      return NULL;
    }
  return node;
}

static gboolean
fhir_holds_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

static gboolean
fhir_holds_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
fhir_holds_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static const char *
fhir_string (JsonObject *object,
             const char *name,
             const char *parent,
             Import     *im)
{
  JsonNode *node = fhir_member (object, name, parent, mbc_json_is_string, _("a string"), im);
  return node ? json_node_get_string (node) : NULL;
}

static JsonObject *
fhir_object (JsonObject *object,
             const char *name,
             const char *parent,
             Import     *im)
{
  JsonNode *node = fhir_member (object, name, parent, fhir_holds_object, _("an object"), im);
  return node ? json_node_get_object (node) : NULL;
}

static JsonArray *
fhir_array (JsonObject *object,
            const char *name,
            const char *parent,
            Import     *im)
{
  JsonNode *node = fhir_member (object, name, parent, fhir_holds_array, _("an array"), im);
  return node ? json_node_get_array (node) : NULL;
}

/* The objects of an array member (each element that is not one is a problem). */
static GPtrArray *
fhir_objects (JsonObject *object,
              const char *name,
              const char *parent,
              Import     *im,
              GPtrArray  *paths)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autofree char *path = mbc_json_path_member (parent, name);
  JsonArray *array = fhir_array (object, name, parent, im);

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *at = mbc_json_path_index (path, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          mbc_problems_add (im->problems, at, _("must be an object; got %s"),
                            mbc_json_type_name (node));
          continue;
        }
      g_ptr_array_add (out, json_node_get_object (node));
      if (paths)
        g_ptr_array_add (paths, g_steal_pointer (&at));
    }
  return out;
}

/* The codings of a CodeableConcept member, each {system, code} checked; "system|code" out. */
typedef struct
{
  const char *system;
  const char *code;
} Coding;

/* Appends the checked codings of a CodeableConcept at @path. */
static void
fhir_concept_codings (JsonObject *concept,
                      const char *path,
                      Import     *im,
                      GArray     *out)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codings = fhir_objects (concept, "coding", path, im, paths);

  for (guint i = 0; i < codings->len; i++)
    {
      Coding c;
      c.system = fhir_string (codings->pdata[i], "system", paths->pdata[i], im);
      c.code = fhir_string (codings->pdata[i], "code", paths->pdata[i], im);
      if (c.code != NULL)
        g_array_append_val (out, c);
    }
}

/* The codings of a CodeableConcept member. */
static GArray *
fhir_codings (JsonObject *object,
              const char *name,
              const char *parent,
              Import     *im)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Coding));
  g_autofree char *path = mbc_json_path_member (parent, name);
  JsonObject *concept = fhir_object (object, name, parent, im);

  if (concept != NULL)
    fhir_concept_codings (concept, path, im, out);
  return out;
}

/* The codings of every CodeableConcept of an array member (interpretation, bodySite). */
static GArray *
fhir_codings_of_list (JsonObject *object,
                      const char *name,
                      const char *parent,
                      Import     *im)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Coding));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) concepts = fhir_objects (object, name, parent, im, paths);

  for (guint i = 0; i < concepts->len; i++)
    fhir_concept_codings (concepts->pdata[i], paths->pdata[i], im, out);
  return out;
}

static gboolean fhir_holds_secret (Import     *im,
                                   const char *text);

/* A code as lines show it: "SYSTEM|CODE" only for a code the import knows (whose text is the
 * import's own); any other is named by its system alone ("a code of LOINC"), since exports put
 * the patient's name, identifiers, birth date or address in codes too, whole or in part. */
static char *
fhir_coding_text (Import       *im,
                  const Coding *c)
{
  const char *system = _mbc_fhir_system_name (c->system);
  g_autofree char *text = NULL;

  if (!_mbc_fhir_code_is_known (c->system, c->code))
    return system
           /* TRANSLATORS: a code of a terminology that is not shown, e.g. "a code of LOINC" */
           ? g_strdup_printf (_("a code of %s"), system)
           : g_strdup (_("a code of another system"));
  text = g_strdup_printf ("%s|%s", c->system, c->code);
  /* Never true of the import's own codes: kept as a second guard. */
  if (fhir_holds_secret (im, text))
    return g_strdup (_("(a code that holds the patient's details, not shown)"));
  return g_steal_pointer (&text);
}

/* --- Dates --------------------------------------------------------------------------------- */

/* Reads "YYYY", "YYYY-MM", "YYYY-MM-DD" (and, with @with_time, a dateTime with its time and
 * zone) as the earliest and latest second it may be. A date without a zone may be in any. */
static gboolean
fhir_parse_when (const char *text,
                 gboolean    with_time,
                 gint64     *lo,
                 gint64     *hi,
                 GDate      *first,
                 GDate      *last)
{
  guint year = 0, month = 0, day = 0;
  gsize n = strlen (text);
  g_autoptr(GDateTime) start = NULL;

  if (n < 4 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + text[3] - '0';
  if (n >= 7)
    {
      if (text[4] != '-' || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
        return FALSE;
      month = (text[5] - '0') * 10 + text[6] - '0';
    }
  if (n >= 10)
    {
      if (text[7] != '-' || !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]))
        return FALSE;
      day = (text[8] - '0') * 10 + text[9] - '0';
    }
  if ((n != 4 && n != 7 && n != 10 && !(with_time && n > 10)) || year < 1 ||
      (n >= 7 && (month < 1 || month > 12)) ||
      (n >= 10 && !g_date_valid_dmy (day, month, year)))
    return FALSE;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  g_date_set_dmy (first, day ? day : 1, month ? month : 1, year);
  if (day)
    *last = *first;
  else
    {
      g_date_set_dmy (last, 1, month ? month : 12, year);
      g_date_set_day (last, g_date_get_days_in_month (month ? month : 12, year));
    }
  if (n > 10)
    {
      g_autoptr(GDateTime) exact = NULL;
      if (text[10] != 'T' || !(exact = g_date_time_new_from_iso8601 (text, NULL)))
        return FALSE;
      *lo = *hi = g_date_time_to_unix (exact);
      return TRUE;
    }
  start = g_date_time_new_utc (g_date_get_year (first), g_date_get_month (first),
                               g_date_get_day (first), 0, 0, 0);
  *lo = g_date_time_to_unix (start) - 14 * 3600;
  *hi = *lo + (gint64) (g_date_get_julian (last) - g_date_get_julian (first) + 1) * 86400 +
        28 * 3600;
  return TRUE;
}

/* When an Observation was made (effectiveDateTime, else issued); unknown: all of time. */
static void
fhir_observation_when (Import    *im,
                       Entry     *entry,
                       Candidate *c)
{
  const char *names[] = { "effectiveDateTime", "issued" };
  GDate first, last;

  c->lo = G_MININT64;
  c->hi = G_MAXINT64;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *text = fhir_string (entry->resource, names[i], entry->path, im);
      if (text == NULL)
        continue;
      if (!fhir_parse_when (text, TRUE, &c->lo, &c->hi, &first, &last))
        {
          g_autofree char *path = mbc_json_path_member (entry->path, names[i]);
          mbc_problems_add (im->problems, path,
                            _("is not a FHIR dateTime (YYYY, YYYY-MM, YYYY-MM-DD or "
                              "YYYY-MM-DDThh:mm:ss with a zone)"));
        }
      return;
    }
}

/* --- The bundle: entries, references, the one patient, what is never shown ---------------- */

static gboolean
fhir_is_id (const char *id)
{
  gsize n = 0;

  for (const char *p = id; *p; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;
  return n >= 1 && n <= FHIR_ID_MAX;
}

static void
fhir_add_entry (Import     *im,
                JsonNode   *node,
                const char *path,
                const char *full_url,
                guint       position)
{
  Entry *entry;
  const char *type;
  const char *id;
  JsonObject *resource;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mbc_problems_add (im->problems, path, _("a FHIR resource must be a JSON object; got %s"),
                        mbc_json_type_name (node));
      return;
    }
  resource = json_node_get_object (node);
  type = fhir_string (resource, "resourceType", path, im);
  if (type == NULL)
    {
      if (!json_object_has_member (resource, "resourceType"))
        {
          g_autofree char *at = mbc_json_path_member (path, "resourceType");
          mbc_problems_add (im->problems, at, _("is required: a FHIR resource names its type"));
        }
      return;
    }
  if (!fhir_is_id (type))
    {
      g_autofree char *at = mbc_json_path_member (path, "resourceType");
      mbc_problems_add (im->problems, at, _("is not a FHIR resource type"));
      return;
    }
  /* The id only resolves references: one of odd shape (an underscore, too long) is kept for
   * that and said; one that is not a string is left aside. */
  if (json_object_has_member (resource, "id") &&
      mbc_json_is_string (json_object_get_member (resource, "id")))
    id = json_object_get_string_member (resource, "id");
  else
    id = NULL;
  entry = g_new0 (Entry, 1);
  entry->resource = resource;
  entry->type = type;
  entry->id = id;
  entry->odd_id = json_object_has_member (resource, "id") && (id == NULL || !fhir_is_id (id));
  entry->position = position;
  entry->path = g_strdup (path);
  g_ptr_array_add (im->entries, entry);
  if (full_url)
    g_hash_table_replace (im->by_reference, g_strdup (full_url), entry);
  if (id)
    {
      char *key = g_strdup_printf ("%s/%s", type, id);
      entry->same_id = g_hash_table_lookup (im->by_reference, key);
      g_hash_table_replace (im->by_reference, key, entry);
    }
}

static void
fhir_read_entries (Import   *im,
                   JsonNode *root)
{
  JsonObject *bundle;
  JsonArray *entries;

  fhir_add_entry (im, root, "$", NULL, 1);
  if (im->entries->len != 1 || strcmp (((Entry *) im->entries->pdata[0])->type, "Bundle") != 0)
    return;
  /* A Bundle: its entries are the resources. Its own id the import does not use. */
  bundle = ((Entry *) im->entries->pdata[0])->resource;
  if (((Entry *) im->entries->pdata[0])->odd_id)
    fhir_not_used (im, _("Bundle: its id is not a FHIR id; the import does not use it"));
  g_ptr_array_set_size (im->entries, 0);
  g_hash_table_remove_all (im->by_reference);
  entries = fhir_array (bundle, "entry", "$", im);
  for (guint i = 0; entries && i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      g_autofree char *path = g_strdup_printf ("$.entry[%u]", i);
      g_autofree char *resource_path = NULL;
      JsonObject *entry;
      JsonNode *resource;
      const char *full_url;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          mbc_problems_add (im->problems, path, _("a Bundle entry must be an object; got %s"),
                            mbc_json_type_name (node));
          continue;
        }
      entry = json_node_get_object (node);
      full_url = fhir_string (entry, "fullUrl", path, im);
      resource = json_object_get_member (entry, "resource");
      if (resource == NULL || JSON_NODE_HOLDS_NULL (resource))
        {
          fhir_not_used (im, _("entry %u: it holds no resource"), i + 1);
          continue;
        }
      resource_path = mbc_json_path_member (path, "resource");
      fhir_add_entry (im, resource, resource_path, full_url, i + 1);
    }
}

/* A resource for lines: its type and its position in the export ("Observation 4"), never its
 * id, whatever the id holds; a type FHIR R4 does not define is not shown either. */
static char *
fhir_entry_shown (const char *type,
                  guint       position)
{
  if (_mbc_fhir_is_resource_type (type))
    return g_strdup_printf ("%s %u", type, position);
  /* TRANSLATORS: a resource whose type is not FHIR's, by its position in the export */
  return g_strdup_printf (_("resource %u (a type FHIR R4 does not define)"), position);
}

static void
fhir_name_entries (Import *im)
{
  for (guint i = 0; i < im->entries->len; i++)
    {
      Entry *e = im->entries->pdata[i];

      e->shown = fhir_entry_shown (e->type, e->position);
      if (e->odd_id)
        fhir_not_used (im, _("%s: its id is not a FHIR id (1 to 64 letters, digits, '-' and "
                             "'.'); it is used only to match references"), e->shown);
      if (e->same_id != NULL)
        {
          g_autofree char *other = fhir_entry_shown (e->same_id->type, e->same_id->position);
          fhir_not_used (im, _("%s: its id is also that of %s; a reference by that id is "
                               "taken as this one, the later"), e->shown, other);
        }
    }
}

/* The entry a reference names within the bundle ("urn:uuid:…", "Type/id", or an absolute
 * URL ending in Type/id), or NULL. */
static Entry *
fhir_resolve (Import     *im,
              const char *reference)
{
  Entry *entry = g_hash_table_lookup (im->by_reference, reference);
  const char *history = strstr (reference, "/_history/");
  const char *p;
  guint slashes = 0;

  if (entry != NULL || g_str_has_prefix (reference, "urn:"))
    return entry;
  /* A versioned reference ("Patient/p1/_history/2") names the resource too. */
  if (history != NULL)
    {
      g_autofree char *bare = g_strndup (reference, history - reference);
      return fhir_resolve (im, bare);
    }
  for (p = reference + strlen (reference); p > reference; p--)
    if (p[-1] == '/' && ++slashes == 2)
      break;
  return slashes == 2 ? g_hash_table_lookup (im->by_reference, p) : NULL;
}

/* Whether a resource is about the bundle's patient (its subject or patient). With a Patient
 * in the bundle, a resource is read only when it names that Patient by reference: one that
 * names someone else (another reference, only an identifier or a display) or no one may be
 * another patient's, and a result is never taken for this patient's on a guess. */
static gboolean
fhir_is_about_patient (Import *im,
                       Entry  *entry,
                       char  **other)
{
  const char *names[] = { "subject", "patient" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = mbc_json_path_member (entry->path, names[i]);
      JsonObject *ref = fhir_object (entry->resource, names[i], entry->path, im);
      const char *reference = ref ? fhir_string (ref, "reference", path, im) : NULL;
      Entry *target;

      if (reference == NULL)
        continue;
      target = fhir_resolve (im, reference);
      if (im->patient != NULL)
        return target == im->patient;
      /* No Patient in the bundle: every resource must name the same one (a versioned
       * reference names it too). */
      {
        const char *history = strstr (reference, "/_history/");
        g_autofree char *unversioned = history ? g_strndup (reference, history - reference)
                                               : g_strdup (reference);
        if (*other == NULL)
          *other = g_steal_pointer (&unversioned);
        else if (strcmp (*other, unversioned) != 0)
          {
            mbc_problems_add (im->problems, path,
                              _("names another patient than the resources before it; a case "
                                "is one patient's"));
            return FALSE;
          }
      }
      return TRUE;
    }
  return im->patient == NULL;
}

/* Whether a resource has a subject or patient at all. */
static gboolean
fhir_names_a_subject (Entry *entry)
{
  return json_object_has_member (entry->resource, "subject") ||
         json_object_has_member (entry->resource, "patient");
}

/* Every string the Patient holds (its id, names, identifiers, telecom, address, dates),
 * folded; none is ever shown, nor a code that holds one. */
static void
fhir_collect_secrets (Import   *im,
                      JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (strcmp (name, "resourceType") != 0 && strcmp (name, "system") != 0 &&
            strcmp (name, "use") != 0 && strcmp (name, "gender") != 0)
          fhir_collect_secrets (im, member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        fhir_collect_secrets (im, json_array_get_element (array, i));
    }
  else if (mbc_json_is_string (node))
    {
      const char *text = json_node_get_string (node);
      if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) >= FHIR_SECRET_MIN)
        g_hash_table_add (im->secrets, g_utf8_casefold (text, -1));
    }
}

/* Whether @text (its first FHIR_SECRET_SCAN bytes) holds one of the Patient's strings: each
 * substring is looked up, so the cost does not grow with the Patient's size. */
static gboolean
fhir_holds_secret (Import     *im,
                   const char *text)
{
  g_autofree char *head = g_utf8_make_valid (text, MIN (strlen (text), FHIR_SECRET_SCAN));
  g_autofree char *folded = g_utf8_casefold (head, -1);
  gsize n = strlen (folded);

  if (im->secrets == NULL || g_hash_table_size (im->secrets) == 0)
    return FALSE;
  for (gsize start = 0; start < n; start++)
    for (gsize end = start + FHIR_SECRET_MIN; end <= n; end++)
      {
        char saved = folded[end];
        gboolean found;

        folded[end] = '\0';
        found = g_hash_table_contains (im->secrets, folded + start);
        folded[end] = saved;
        if (found)
          return TRUE;
      }
  return FALSE;
}

/* --- Age --------------------------------------------------------------------------------- */

static void
fhir_read_age (Import *im)
{
  const char *text;
  GDate first, last;
  gint64 lo, hi;
  int oldest, youngest;
  g_autofree char *value = NULL;
  MbcFhirSource *source;

  if (im->patient == NULL)
    return;
  text = fhir_string (im->patient->resource, "birthDate", im->patient->path, im);
  if (text == NULL)
    {
      fhir_not_used (im, _("%s: no birth date, so the age stays unknown"), im->patient->shown);
      return;
    }
  if (!fhir_parse_when (text, FALSE, &lo, &hi, &first, &last))
    {
      g_autofree char *path = mbc_json_path_member (im->patient->path, "birthDate");
      mbc_problems_add (im->problems, path,
                        _("is not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)"));
      return;
    }
  if (g_date_compare (&last, im->as_of) > 0)
    {
      fhir_not_used (im, _("%s: the birth date is after the as-of date, so the age stays "
                           "unknown"), im->patient->shown);
      return;
    }
  /* Whole years on the as-of date, for the earliest and the latest birthday it may be. */
  oldest = g_date_get_year (im->as_of) - g_date_get_year (&first);
  if (g_date_get_month (im->as_of) < g_date_get_month (&first) ||
      (g_date_get_month (im->as_of) == g_date_get_month (&first) &&
       g_date_get_day (im->as_of) < g_date_get_day (&first)))
    oldest--;
  youngest = g_date_get_year (im->as_of) - g_date_get_year (&last);
  if (g_date_get_month (im->as_of) < g_date_get_month (&last) ||
      (g_date_get_month (im->as_of) == g_date_get_month (&last) &&
       g_date_get_day (im->as_of) < g_date_get_day (&last)))
    youngest--;
  if (oldest != youngest)
    {
      fhir_not_used (im, _("%s: the birth date has no day or month, so the age could be "
                           "%d to %d and stays unknown"), im->patient->shown, youngest, oldest);
      return;
    }
  if (oldest < 18 || oldest > 110)
    {
      fhir_not_used (im, _("%s: the age is %d, outside the case's 18 to 110, so it stays "
                           "unknown"), im->patient->shown, oldest);
      return;
    }
  {
    g_autoptr(JsonNode) node = json_node_init_int (json_node_alloc (), oldest);
    g_autoptr(GPtrArray) problems = mbc_problems_new ();
    if (!mbc_case_set_field_json (im->kase, MBC_CASE_FIELD_AGE_YEARS, node, problems))
      return;
  }
  value = g_strdup_printf ("%d", oldest);
  source = g_new0 (MbcFhirSource, 1);
  source->field = MBC_CASE_FIELD_AGE_YEARS;
  source->value = g_steal_pointer (&value);
  source->resource = g_strdup (im->patient->shown);
  source->code = g_strdup ("birthDate");
  g_ptr_array_add (im->sources, source);
}

/* --- Observations ---------------------------------------------------------------------- */

static void
fhir_add_candidate (Import       *im,
                    MbcCaseField  field,
                    Entry        *entry,
                    const char   *value,
                    const char   *why,
                    char         *code)
{
  Candidate *c = g_new0 (Candidate, 1);

  c->entry = entry;
  c->value = g_strdup (value);
  c->why = why;
  c->code = code;
  fhir_observation_when (im, entry, c);
  g_ptr_array_add (im->candidates[field], c);
}

static const char *
fhir_result_value (MbcFhirResult result,
                   const char  **why)
{
  switch (result)
    {
    case MBC_FHIR_RESULT_POSITIVE:
      return "positive";
    case MBC_FHIR_RESULT_NEGATIVE:
      return "negative";
    case MBC_FHIR_RESULT_EQUIVOCAL:
      *why = N_("the result is equivocal");
      return NULL;
    case MBC_FHIR_RESULT_INDETERMINATE:
      *why = N_("the result is indeterminate");
      return NULL;
    case MBC_FHIR_RESULT_NONE:
    default:
      *why = N_("its value is not one the import reads (positive or negative, coded)");
      return NULL;
    }
}

/* The one result the codings give (NONE if none is known); codings that differ: *disagree. */
static MbcFhirResult
fhir_result_of (GArray         *codings,
                MbcFhirResult (*classify) (const char *, const char *),
                const Coding  **from,
                gboolean       *disagree)
{
  MbcFhirResult result = MBC_FHIR_RESULT_NONE;

  for (guint i = 0; i < codings->len; i++)
    {
      const Coding *c = &g_array_index (codings, Coding, i);
      MbcFhirResult r = classify (c->system, c->code);

      if (r == MBC_FHIR_RESULT_NONE)
        continue;
      if (result == MBC_FHIR_RESULT_NONE)
        {
          result = r;
          *from = c;
        }
      else if (r != result)
        *disagree = TRUE;
    }
  return result;
}

/* ER, PR or HER2: the coded value, else the interpretation; codes that disagree give none. */
static void
fhir_read_marker (Import       *im,
                  Entry        *entry,
                  MbcCaseField  field)
{
  g_autoptr(GArray) values = fhir_codings (entry->resource, "valueCodeableConcept",
                                           entry->path, im);
  g_autoptr(GArray) interpretations = fhir_codings_of_list (entry->resource, "interpretation",
                                                            entry->path, im);
  const Coding *value_from = NULL, *interpretation_from = NULL;
  gboolean disagree = FALSE;
  MbcFhirResult value = fhir_result_of (values, _mbc_fhir_code_marker_answer, &value_from,
                                        &disagree);
  MbcFhirResult interpretation = fhir_result_of (interpretations, _mbc_fhir_code_interpretation,
                                                 &interpretation_from, &disagree);
  const Coding *from = value_from ? value_from : interpretation_from;
  const char *why = NULL;
  const char *text;

  if (disagree || (value != MBC_FHIR_RESULT_NONE && interpretation != MBC_FHIR_RESULT_NONE &&
                   value != interpretation))
    {
      fhir_add_candidate (im, field, entry, NULL,
                          N_("its value and interpretation codes disagree"), NULL);
      return;
    }
  text = fhir_result_value (value != MBC_FHIR_RESULT_NONE ? value : interpretation, &why);
  fhir_add_candidate (im, field, entry, text, why, from ? fhir_coding_text (im, from) : NULL);
}

static void
fhir_read_ecog (Import *im,
                Entry  *entry,
                char   *test)
{
  JsonNode *integer = fhir_member (entry->resource, "valueInteger", entry->path,
                                   fhir_holds_integer, _("a whole number"), im);
  g_autoptr(GArray) values = fhir_codings (entry->resource, "valueCodeableConcept",
                                           entry->path, im);
  int grade = -1;
  char *code = NULL;

  if (integer != NULL)
    {
      gint64 v = json_node_get_int (integer);
      grade = v >= 0 && v <= 4 ? (int) v : -1;
      code = g_strdup (test);
      if (grade < 0)
        {
          fhir_add_candidate (im, MBC_CASE_FIELD_ECOG, entry, NULL,
                              N_("the grade is not 0 to 4"), code);
          return;
        }
    }
  for (guint i = 0; grade < 0 && i < values->len; i++)
    {
      const Coding *c = &g_array_index (values, Coding, i);
      grade = _mbc_fhir_code_ecog_answer (c->system, c->code);
      if (grade >= 0)
        code = fhir_coding_text (im, c);
    }
  if (grade < 0)
    {
      fhir_add_candidate (im, MBC_CASE_FIELD_ECOG, entry, NULL,
                          N_("its value is not a grade the import reads (0 to 4)"), NULL);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf ("%d", grade);
    fhir_add_candidate (im, MBC_CASE_FIELD_ECOG, entry, text, NULL, code);
  }
}

/* The disease status counts for the metastatic sites only when its focus is one of them. */
static void
fhir_read_disease_status (Import *im,
                          Entry  *entry)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) focus = fhir_objects (entry->resource, "focus", entry->path, im, paths);
  g_autoptr(GArray) values = fhir_codings (entry->resource, "valueCodeableConcept",
                                           entry->path, im);
  gboolean metastatic = FALSE;
  const char *value = NULL;
  const char *why = NULL;
  char *code = NULL;

  for (guint i = 0; i < focus->len; i++)
    {
      const char *reference = fhir_string (focus->pdata[i], "reference", paths->pdata[i], im);
      Entry *target = reference ? fhir_resolve (im, reference) : NULL;
      if (target && g_hash_table_contains (im->secondary, target))
        metastatic = TRUE;
    }
  if (!metastatic)
    {
      fhir_not_used (im, _("%s: http://loinc.org|97509-4: the disease status is not about a "
                           "metastatic site of this bundle (its focus), so it does not say the "
                           "response at the metastatic sites"), entry->shown);
      return;
    }
  for (guint i = 0; value == NULL && i < values->len; i++)
    {
      const Coding *c = &g_array_index (values, Coding, i);
      const char *reason = NULL;
      value = _mbc_fhir_code_disease_status (c->system, c->code, &reason);
      if (value)
        code = fhir_coding_text (im, c);
      if (reason && !why)
        why = reason;
    }
  fhir_add_candidate (im, MBC_CASE_FIELD_METASTATIC_RESPONSE, entry, value,
                      value ? NULL : why ? why
                                         : N_("its value is not a status the import reads"),
                      code);
}

static gboolean
fhir_status_is_final (Import *im,
                      Entry  *entry)
{
  const char *status = fhir_string (entry->resource, "status", entry->path, im);

  if (status && (strcmp (status, "final") == 0 || strcmp (status, "amended") == 0 ||
                 strcmp (status, "corrected") == 0))
    return TRUE;
  fhir_not_used (im, _("%s: its status is not final, amended or corrected"), entry->shown);
  return FALSE;
}

static void
fhir_read_observation (Import *im,
                       Entry  *entry)
{
  g_autoptr(GArray) codes = fhir_codings (entry->resource, "code", entry->path, im);
  const Coding *first = NULL;   /* the first coding the import reads */
  int kind = -1;                /* what it is of: a field, or ECOG, or the disease status */

  /* Codings of one Observation that name different tests (ER and HER2, a test and ECOG)
   * leave it unclear what its value is of: it is not used, as two site codes that
   * disagree are not. (The ECOG and disease-status kinds count after the fields.) */
  for (guint i = 0; i < codes->len; i++)
    {
      const Coding *c = &g_array_index (codes, Coding, i);
      int marker = _mbc_fhir_code_marker_test (c->system, c->code);
      int this = marker >= 0 ? marker
                 : _mbc_fhir_code_is_ecog (c->system, c->code) ? MBC_CASE_N_FIELDS
                 : _mbc_fhir_code_is_disease_status (c->system, c->code) ? MBC_CASE_N_FIELDS + 1
                 : -1;

      if (this < 0)
        continue;
      if (kind >= 0 && kind != this)
        {
          fhir_not_used (im, _("%s: its codes name different tests, so what its value is of "
                               "is not clear"), entry->shown);
          return;
        }
      if (first == NULL)
        first = c;
      kind = this;
    }
  if (first != NULL)
    {
      g_autofree char *text = fhir_coding_text (im, first);

      if (!fhir_status_is_final (im, entry))
        return;
      if (kind < MBC_CASE_N_FIELDS)
        fhir_read_marker (im, entry, kind);
      else if (kind == MBC_CASE_N_FIELDS)
        fhir_read_ecog (im, entry, text);
      else
        fhir_read_disease_status (im, entry);
      return;
    }
  if (codes->len > 0)
    {
      g_autofree char *text = fhir_coding_text (im, &g_array_index (codes, Coding, 0));
      fhir_not_used (im, _("%s: %s: not a code the import maps"), entry->shown, text);
    }
  else
    fhir_not_used (im, _("%s: it has no coded code"), entry->shown);
}

/* --- Conditions: the metastatic sites -------------------------------------------------------- */

/* What all the codings of a member agree on; two that differ: REVIEW. */
static MbcFhirSite
fhir_agree (GArray       *codings,
            MbcFhirSite (*classify) (const char *, const char *),
            const Coding **from)
{
  MbcFhirSite site = { MBC_FHIR_SITE_NONE, NULL, NULL };

  for (guint i = 0; i < codings->len; i++)
    {
      const Coding *c = &g_array_index (codings, Coding, i);
      MbcFhirSite s = classify (c->system, c->code);

      if (s.kind == MBC_FHIR_SITE_NONE)
        continue;
      if (site.kind == MBC_FHIR_SITE_NONE)
        {
          site = s;
          *from = c;
        }
      else if (s.kind != site.kind || g_strcmp0 (s.site, site.site) != 0)
        {
          site.kind = MBC_FHIR_SITE_REVIEW;
          site.why = N_("its codes say different things");
        }
    }
  return site;
}

static void
fhir_add_source (Import       *im,
                 MbcCaseField  field,
                 const char   *value,
                 Entry        *entry,
                 char         *code)
{
  MbcFhirSource *source = g_new0 (MbcFhirSource, 1);

  source->field = field;
  source->value = g_strdup (value);
  source->resource = g_strdup (entry->shown);
  source->code = code;
  g_ptr_array_add (im->sources, source);
}

static void
fhir_read_condition (Import *im,
                     Entry  *entry)
{
  g_autoptr(GArray) codes = fhir_codings (entry->resource, "code", entry->path, im);
  g_autoptr(GArray) verification = fhir_codings (entry->resource, "verificationStatus",
                                                 entry->path, im);
  g_autoptr(GArray) body_codings = fhir_codings_of_list (entry->resource, "bodySite",
                                                         entry->path, im);
  const Coding *code_from = NULL, *body_from = NULL;
  MbcFhirSite site, at;
  g_autofree char *code_text = NULL;

  site = fhir_agree (codes, _mbc_fhir_code_secondary, &code_from);
  if (site.kind == MBC_FHIR_SITE_NONE)
    {
      if (codes->len > 0)
        {
          g_autofree char *text = fhir_coding_text (im, &g_array_index (codes, Coding, 0));
          fhir_not_used (im, _("%s: %s: not a code the import maps"), entry->shown, text);
        }
      else
        fhir_not_used (im, _("%s: it has no coded code"), entry->shown);
      return;
    }
  code_text = fhir_coding_text (im, code_from);
  /* A verification status, when given, must say "confirmed" in HL7's code system, and
   * nothing else: text alone, a local code or an empty status may say refuted. */
  if (json_object_has_member (entry->resource, "verificationStatus"))
    {
      gboolean confirmed = verification->len > 0;

      for (guint i = 0; i < verification->len; i++)
        {
          const Coding *v = &g_array_index (verification, Coding, i);
          if (g_strcmp0 (v->system,
                         "http://terminology.hl7.org/CodeSystem/condition-ver-status") != 0 ||
              g_strcmp0 (v->code, "confirmed") != 0)
            confirmed = FALSE;
        }
      if (!confirmed)
        {
          fhir_not_used (im, _("%s: %s: its verification status is not confirmed"),
                         entry->shown, code_text);
          return;
        }
    }
  at = fhir_agree (body_codings, _mbc_fhir_code_body_site, &body_from);
  /* The code and the bodySite together. */
  if (at.kind == MBC_FHIR_SITE_REVIEW)
    site = at;
  else if (at.kind != MBC_FHIR_SITE_NONE)
    {
      if (site.kind == MBC_FHIR_SITE_GENERIC ||
          (site.kind == MBC_FHIR_SITE_NODES && at.kind == MBC_FHIR_SITE_AXILLARY))
        {
          site = at;
          g_free (code_text);
          code_text = fhir_coding_text (im, body_from);
        }
      else if (site.kind != at.kind || g_strcmp0 (site.site, at.site) != 0)
        {
          site.kind = MBC_FHIR_SITE_REVIEW;
          site.why = N_("its code and its bodySite say different places");
        }
    }
  switch (site.kind)
    {
    case MBC_FHIR_SITE_DISTANT:
      g_hash_table_add (im->secondary, entry);
      g_ptr_array_add (im->candidates[MBC_CASE_FIELD_METASTATIC_SITES],
                       g_memdup2 (&(Candidate) { entry, g_strdup (site.site), NULL,
                                                 g_steal_pointer (&code_text), 0, 0 },
                                  sizeof (Candidate)));
      break;
    case MBC_FHIR_SITE_AXILLARY:
      g_ptr_array_add (im->candidates[MBC_CASE_FIELD_AXILLARY_NODES],
                       g_memdup2 (&(Candidate) { entry, g_strdup ("clinically_positive"), NULL,
                                                 g_steal_pointer (&code_text), 0, 0 },
                                  sizeof (Candidate)));
      break;
    case MBC_FHIR_SITE_GENERIC:
      fhir_not_used (im, _("%s: %s: a secondary cancer without a bodySite the import reads: "
                           "needs review"), entry->shown, code_text);
      break;
    case MBC_FHIR_SITE_NODES:
    case MBC_FHIR_SITE_REVIEW:
    case MBC_FHIR_SITE_NONE:
    default:
      fhir_not_used (im, "%s: %s: %s", entry->shown, code_text, _(site.why));
      break;
    }
}

/* --- Setting the fields ---------------------------------------------------------------------- */

static gboolean
fhir_set (Import       *im,
          MbcCaseField  field,
          JsonNode     *node)
{
  g_autoptr(GPtrArray) problems = mbc_problems_new ();

  return mbc_case_set_field_json (im->kase, field, node, problems);
}

/* A value of @field for people: its choice's title ("Positive"), or the value itself. */
static const char *
fhir_value_title (MbcCaseField  field,
                  const char   *value)
{
  const char *title = value ? mbc_case_field_get_choice_title (field, value) : NULL;

  return title ? title : value;
}

/* A field that one result gives: the latest (the one no other is surely later than); results
 * that may be the latest and differ, or a latest that gives no value, leave it unknown. */
static void
fhir_decide_latest (Import       *im,
                    MbcCaseField  field)
{
  GPtrArray *all = im->candidates[field];
  /* Named for people, as the window shows them: "HER2 status: Positive". */
  const char *name = mbc_case_field_get_title (field);
  gint64 latest_start = G_MININT64;
  Candidate *winner = NULL;
  gboolean unclear = FALSE;

  if (all->len == 0)
    return;
  for (guint i = 0; i < all->len; i++)
    latest_start = MAX (latest_start, ((Candidate *) all->pdata[i])->lo);
  /* Of the results that may be the latest, the one known latest (the latest end, then the
   * latest start) is named as the source when they agree. */
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = all->pdata[i];
      if (c->hi < latest_start)
        continue;
      if (winner != NULL && (g_strcmp0 (winner->value, c->value) != 0 || c->value == NULL))
        unclear = TRUE;
      if (winner == NULL || c->hi > winner->hi || (c->hi == winner->hi && c->lo > winner->lo))
        winner = c;
    }
  if (!unclear && winner->value == NULL)
    {
      fhir_not_used (im, _("%s: %s: %s, so it stays unknown"), winner->entry->shown, name,
                     _(winner->why));
      unclear = TRUE;
    }
  else if (unclear)
    for (guint i = 0; i < all->len; i++)
      {
        Candidate *c = all->pdata[i];
        if (c->hi >= latest_start)
          fhir_not_used (im, _("%s: %s: %s; results that may be the latest differ, so it stays "
                               "unknown"), c->entry->shown, name,
                         c->value ? fhir_value_title (field, c->value) : _(c->why));
      }
  if (!unclear)
    {
      g_autoptr(JsonNode) node = NULL;
      if (field == MBC_CASE_FIELD_ECOG)
        node = json_node_init_int (json_node_alloc (), g_ascii_strtoll (winner->value, NULL, 10));
      else
        node = json_node_init_string (json_node_alloc (), winner->value);
      if (fhir_set (im, field, node))
        fhir_add_source (im, field, winner->value, winner->entry, g_strdup (winner->code));
    }
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = all->pdata[i];
      if (c->hi < latest_start)
        fhir_not_used (im, _("%s: %s: %s, superseded by a later result"), c->entry->shown, name,
                       c->value ? fhir_value_title (field, c->value) : _(c->why));
      else if (!unclear && c != winner)
        fhir_not_used (im, _("%s: %s: %s, superseded by %s, a later result that agrees"),
                       c->entry->shown, name,
                       c->value ? fhir_value_title (field, c->value) : _(c->why),
                       winner->entry->shown);
    }
}

static void
fhir_decide_sites (Import *im)
{
  GPtrArray *all = im->candidates[MBC_CASE_FIELD_METASTATIC_SITES];
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  if (all->len == 0)
    return;
  array = json_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = all->pdata[i];
      if (!g_hash_table_contains (seen, c->value))
        json_array_add_string_element (array, c->value);
      g_hash_table_add (seen, c->value);
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  if (!fhir_set (im, MBC_CASE_FIELD_METASTATIC_SITES, node))
    return;
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = all->pdata[i];
      fhir_add_source (im, MBC_CASE_FIELD_METASTATIC_SITES, c->value, c->entry,
                       g_strdup (c->code));
    }
}

static void
fhir_decide_axilla (Import *im)
{
  GPtrArray *all = im->candidates[MBC_CASE_FIELD_AXILLARY_NODES];
  g_autoptr(JsonNode) node = NULL;

  if (all->len == 0)
    return;
  node = json_node_init_string (json_node_alloc (), "clinically_positive");
  if (!fhir_set (im, MBC_CASE_FIELD_AXILLARY_NODES, node))
    return;
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = all->pdata[i];
      fhir_add_source (im, MBC_CASE_FIELD_AXILLARY_NODES, c->value, c->entry,
                       g_strdup (c->code));
    }
}

/* --- The import ---------------------------------------------------------------------------- */

static void
fhir_find_patient (Import *im)
{
  guint patients = 0;

  for (guint i = 0; i < im->entries->len; i++)
    {
      Entry *e = im->entries->pdata[i];
      if (strcmp (e->type, "Patient") == 0)
        {
          JsonNode *node = json_node_alloc ();
          patients++;
          im->patient = e;
          json_node_init_object (node, e->resource);
          fhir_collect_secrets (im, node);
          json_node_unref (node);
        }
    }
  if (patients > 1)
    {
      mbc_problems_add (im->problems, "$",
                        _("the bundle holds %u Patient resources; a case is one patient's"),
                        patients);
      im->patient = NULL;
    }
}

/* Whether @node (a resource, its contained resources too) has a modifierExtension: an
 * extension that may change the meaning of what holds it, so what it holds is not read. */
static gboolean
fhir_has_modifier (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l; l = l->next)
        {
          if (strcmp (l->data, "modifierExtension") == 0)
            return TRUE;
          if (fhir_has_modifier (json_object_get_member (object, l->data)))
            return TRUE;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (fhir_has_modifier (json_array_get_element (array, i)))
          return TRUE;
    }
  return FALSE;
}

static gboolean
fhir_entry_has_modifier (Entry *e)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), e->resource);
  return fhir_has_modifier (node);
}

static void
fhir_read (Import   *im,
           JsonNode *root)
{
  g_autofree char *subject = NULL;

  /* Read on past problems, so that every problem is found (the case is not returned). */
  fhir_read_entries (im, root);
  fhir_find_patient (im);
  fhir_name_entries (im);
  if (im->patient && fhir_entry_has_modifier (im->patient))
    fhir_not_used (im, _("%s: it has a modifier extension, which may change its meaning, so "
                         "its birth date is not read"), im->patient->shown);
  else
    fhir_read_age (im);
  /* Conditions first: a disease status is about the metastatic sites through its focus. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < im->entries->len; i++)
      {
        Entry *e = im->entries->pdata[i];
        gboolean condition = strcmp (e->type, "Condition") == 0;

        if (e == im->patient || (pass == 0) != condition)
          continue;
        if (!condition && strcmp (e->type, "Observation") != 0)
          {
            fhir_not_used (im, _("%s: not a resource type the import reads"), e->shown);
            continue;
          }
        if (fhir_entry_has_modifier (e))
          {
            fhir_not_used (im, _("%s: it has a modifier extension, which may change its "
                                 "meaning, so it is not read"), e->shown);
            continue;
          }
        if (!fhir_is_about_patient (im, e, &subject))
          {
            if (im->patient != NULL && !fhir_names_a_subject (e))
              fhir_not_used (im, _("%s: it does not name the patient (no subject or patient "
                                   "reference), so it may be another patient's"), e->shown);
            else
              fhir_not_used (im, _("%s: it is about another patient, or does not name this "
                                   "one by reference"), e->shown);
            continue;
          }
        if (condition)
          fhir_read_condition (im, e);
        else
          fhir_read_observation (im, e);
      }
  fhir_decide_sites (im);
  fhir_decide_axilla (im);
  fhir_decide_latest (im, MBC_CASE_FIELD_ER_STATUS);
  fhir_decide_latest (im, MBC_CASE_FIELD_PR_STATUS);
  fhir_decide_latest (im, MBC_CASE_FIELD_HER2_STATUS);
  fhir_decide_latest (im, MBC_CASE_FIELD_ECOG);
  fhir_decide_latest (im, MBC_CASE_FIELD_METASTATIC_RESPONSE);
}

/**
 * mbc_fhir_import:
 * @root: a parsed FHIR R4 JSON resource (a Bundle of any type, or any one resource)
 * @as_of: the date the age is counted to
 * @sources: (out) (transfer full) (element-type MbcFhirSource): where each value set came
 *   from, in the order of the case's fields
 * @not_used: (out) (transfer full) (element-type utf8): a line for each resource or code not
 *   used, with why ("Observation 4: a code of LOINC: not a code the import maps")
 * @problems: (element-type MbcProblem): where the export's problems are added (JSON paths)
 *
 * Only what the export states unambiguously is set; the label stays absent.
 *
 * Returns: (transfer full) (nullable): the case, or %NULL when the export is malformed.
 */
MbcCase *
mbc_fhir_import (JsonNode     *root,
                 const GDate  *as_of,
                 GPtrArray   **sources,
                 GPtrArray   **not_used,
                 GPtrArray    *problems)
{
  Import im = { 0 };
  guint before;
  MbcCase *kase = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (sources != NULL && not_used != NULL && problems != NULL, NULL);

  before = problems->len;
  im.as_of = as_of;
  im.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fhir_entry_free);
  im.secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.by_reference = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.problems = problems;
  im.sources = g_ptr_array_new_with_free_func ((GDestroyNotify) mbc_fhir_source_free);
  im.not_used = g_ptr_array_new_with_free_func (g_free);
  im.secondary = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    im.candidates[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) fhir_candidate_free);
  im.kase = mbc_case_new ();

  fhir_read (&im, root);

  if (problems->len == before && mbc_case_validate (im.kase, problems))
    {
      /* The sources in the order of the case's fields. */
      GPtrArray *ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) mbc_fhir_source_free);
      for (guint f = 0; f < MBC_CASE_N_FIELDS; f++)
        for (guint i = 0; i < im.sources->len; i++)
          if (im.sources->pdata[i] && ((MbcFhirSource *) im.sources->pdata[i])->field == f)
            g_ptr_array_add (ordered, g_steal_pointer (&im.sources->pdata[i]));
      kase = g_steal_pointer (&im.kase);
      *sources = ordered;
      *not_used = g_steal_pointer (&im.not_used);
    }
  else
    {
      *sources = NULL;
      *not_used = NULL;
    }
  g_clear_object (&im.kase);
  g_clear_pointer (&im.sources, g_ptr_array_unref);
  g_clear_pointer (&im.not_used, g_ptr_array_unref);
  for (guint i = 0; i < MBC_CASE_N_FIELDS; i++)
    g_ptr_array_unref (im.candidates[i]);
  g_hash_table_unref (im.secondary);
  g_hash_table_unref (im.by_reference);
  g_hash_table_unref (im.secrets);
  g_ptr_array_unref (im.entries);
  return kase;
}

/**
 * mbc_fhir_import_data:
 * @data: the text of a FHIR JSON file; text that is not JSON gives one problem at "$"
 *
 * As mbc_fhir_import().
 *
 * Returns: (transfer full) (nullable): the case, or %NULL.
 */
MbcCase *
mbc_fhir_import_data (const char   *data,
                      gsize         length,
                      const GDate  *as_of,
                      GPtrArray   **sources,
                      GPtrArray   **not_used,
                      GPtrArray    *problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (sources != NULL && not_used != NULL && problems != NULL, NULL);

  *sources = NULL;
  *not_used = NULL;
  root = mbc_json_parse_private (data, length, MBC_FHIR_MAX_DEPTH, &error);
  if (root == NULL)
    {
      mbc_problems_add (problems, "$", "%s", error->message);
      return NULL;
    }
  return mbc_fhir_import (root, as_of, sources, not_used, problems);
}
