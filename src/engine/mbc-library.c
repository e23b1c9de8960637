/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The case library: teaching cases compiled into the resources (data/cases/). Each is a
 * case file with a "teaching" object: its title, the statements of the pack it illustrates,
 * a teaching note, the tier it should reach, and optionally the case as it was presented
 * (its vignette: facts the fields cannot record, such as "multiple" lesions or a regimen).
 * Opening one gives a copy; the bundled file is never written.
 */
#define G_LOG_DOMAIN "mbc-library"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "mbc-guideline.h"
#include "mbc-json.h"
#include "mbc-library.h"
#include "mbc-problem.h"

#define LIBRARY_PATH RESOURCE_PREFIX "/cases/"

void
mbc_library_case_free (MbcLibraryCase *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_strfreev (self->statements);
  g_free (self->note);
  g_free (self->vignette);
  g_free (self->expected_tier);
  g_clear_object (&self->kase);
  g_free (self);
}

/**
 * mbc_library_case_new_from_data:
 * @id: the case's name
 * @data: a case file with a "teaching" object
 * @problems: (element-type MbcProblem): where every problem is added
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with problems.
 */
MbcLibraryCase *
mbc_library_case_new_from_data (const char *id,
                                const char *data,
                                gsize       length,
                                GPtrArray  *problems)
{
  g_autoptr(MbcLibraryCase) self = g_new0 (MbcLibraryCase, 1);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) statements = g_strv_builder_new ();
  JsonObject *teaching;
  JsonArray *array;

  self->kase = mbc_case_new_from_data (data, length, problems);
  if (self->kase == NULL)
    return NULL;
  /* Valid as a case file: the teaching object, if there, is well formed. */
  root = mbc_json_parse (data, length, MBC_CASE_MAX_DEPTH, &error);
  teaching = root && json_object_has_member (json_node_get_object (root), MBC_CASE_TEACHING)
             ? json_object_get_object_member (json_node_get_object (root), MBC_CASE_TEACHING)
             : NULL;
  if (teaching == NULL)
    {
      mbc_problems_add (problems, MBC_CASE_TEACHING, _("is required in a library case"));
      return NULL;
    }
  self->id = g_strdup (id);
  self->title = g_strdup (json_object_get_string_member (teaching, "title"));
  self->note = g_strdup (json_object_get_string_member (teaching, "note"));
  self->vignette = g_strdup (json_object_get_string_member_with_default (teaching, "vignette",
                                                                         NULL));
  self->expected_tier = g_strdup (json_object_get_string_member (teaching, "expected_tier"));
  array = json_object_get_array_member (teaching, "statements");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (statements, json_array_get_string_element (array, i));
  self->statements = g_strv_builder_end (statements);
  return g_steal_pointer (&self);
}

static int
library_compare_files (const void *a,
                       const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * mbc_library_load:
 *
 * Returns: (transfer full) (element-type MbcLibraryCase): the bundled cases in the order of
 *   their file names, or %NULL if one of them cannot be read (a fault of the build).
 */
GPtrArray *
mbc_library_load (GError **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (
                                 (GDestroyNotify) mbc_library_case_free);
  g_auto(GStrv) names = NULL;

  mbc_engine_resources_ensure ();
  names = g_resources_enumerate_children (LIBRARY_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;
  qsort (names, g_strv_length (names), sizeof (char *), library_compare_files);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (LIBRARY_PATH, names[i], NULL);
      g_autofree char *id = g_strndup (names[i], strlen (names[i]) - strlen (".json"));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) problems = mbc_problems_new ();
      MbcLibraryCase *entry;
      const char *data;
      gsize length;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &length);
      entry = mbc_library_case_new_from_data (id, data, length, problems);
      if (entry == NULL)
        {
          const MbcProblem *first = g_ptr_array_index (problems, 0);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("library case %s: %s: %s"), names[i], first->where, first->message);
          return NULL;
        }
      g_ptr_array_add (cases, entry);
    }
  return g_steal_pointer (&cases);
}
