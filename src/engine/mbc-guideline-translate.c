/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The texts a person reads (titles, summaries, the quoted consensus…) can be translated
 * with gettext, in the domain "mbc-advisor-guideline-ID" of the pack, with the JSON path of
 * each text as its context (msgctxt) and the pack's own text as its msgid
 * (tools/pack-pot.py extracts them). Identifiers, values and conditions are never
 * translated, and the checksum is that of the pack as written.
 */
#define G_LOG_DOMAIN "mbc-guideline"

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "mbc-guideline-private.h"

static const char * const text_keys[] = {
  "title", "short_title", "text", "summary", "detail", "met", "not_met", "unknown", "label",
  "interpretation", "question", "consensus", "unit", "reason", "note", "description",
  "citation", "authors", "status", "intended_use", "intended_users", "disclaimer", "heading",
  "line", "series", NULL
};

static void
translate_node (JsonNode   *node,
                const char *key,
                GString    *path,
                const char *domain)
{
  gsize length = path->len;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_string_append_printf (path, "%s%s", path->len ? "." : "", name);
          translate_node (member, name, path, domain);
          g_string_truncate (path, length);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_append_printf (path, "[%u]", i);
          translate_node (json_array_get_element (array, i), key, path, domain);
          g_string_truncate (path, length);
        }
    }
  else if (key && JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_STRING &&
           g_strv_contains (text_keys, key))
    {
      const char *text = json_node_get_string (node);
      g_autofree char *lookup = g_strdup_printf ("%s%c%s", path->str, '\004', text);
      /* dgettext, not g_dpgettext2: GLib leaves every domain untranslated when the
       * application's own is, and a pack may be translated where the application is not. */
      const char *translated = dgettext (domain, lookup);

      if (translated != lookup && strcmp (translated, lookup) != 0)
        json_node_set_string (node, translated);
    }
}

/**
 * _mbc_guideline_translate:
 *
 * The pack's texts in the user's language, where its translation is installed; called on
 * the parsed pack before it is loaded.
 */
void
_mbc_guideline_translate (JsonNode *root)
{
  const char *localedir = g_getenv ("MBC_LOCALEDIR") ? g_getenv ("MBC_LOCALEDIR") : LOCALEDIR;
  g_autofree char *domain = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  JsonObject *object;

  /* In the C locale without a LANGUAGE list, gettext translates nothing: no walk. */
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *languages = g_getenv ("LANGUAGE");

  if ((languages == NULL || *languages == '\0') &&
      (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX") ||
       g_str_has_prefix (messages, "C.")))
    return;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "id") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "id")) ||
      json_node_get_value_type (json_object_get_member (object, "id")) != G_TYPE_STRING)
    return;
  domain = g_strdup_printf ("mbc-advisor-guideline-%s", json_object_get_string_member (object,
                                                                                       "id"));
  bindtextdomain (domain, localedir);
  bind_textdomain_codeset (domain, "UTF-8");
  translate_node (root, NULL, path, domain);
}
