/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-json.h: strict JSON reading into JsonNode trees, and compact or indented writing
 *
 * json-glib 1.6's parser wraps integers beyond 64 bits silently, accepts raw control
 * characters in strings, keeps the last of duplicate keys and has no nesting limit: every
 * one of those would let a malformed case be read as something it is not. This reader
 * rejects them (RFC 8259, plus limits) and builds the same json-glib trees.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MBC_JSON_ERROR (mbc_json_error_quark ())

typedef enum
{
  MBC_JSON_ERROR_ENCODING,
  MBC_JSON_ERROR_SYNTAX,
  MBC_JSON_ERROR_TOO_DEEP,
  MBC_JSON_ERROR_RANGE,
} MbcJsonError;

GQuark     mbc_json_error_quark (void);
JsonNode  *mbc_json_parse       (const char  *data,
                                 gsize        length,
                                 guint        max_depth,
                                 GError     **error);
JsonNode  *mbc_json_parse_private (const char  *data,
                                   gsize        length,
                                   guint        max_depth,
                                   GError     **error);
JsonNode  *mbc_json_parse_full  (const char  *data,
                                 gsize        length,
                                 guint        max_depth,
                                 GHashTable  *literals,
                                 GError     **error);
void       mbc_json_write       (GString     *out,
                                 JsonNode    *node,
                                 int          indent);
char      *mbc_json_to_string   (JsonNode    *node,
                                 int          indent);
const char *mbc_json_type_name  (JsonNode    *node);
gboolean   mbc_json_is_number   (JsonNode    *node);
gboolean   mbc_json_is_string   (JsonNode    *node);
void       mbc_json_write_string (GString    *out,
                                  const char *text);
void       mbc_json_write_number (GString    *out,
                                  double      value);

G_END_DECLS
