/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mbc-case-private.h: what the files of MbcCase share (the model, its checks, its JSON) */
#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

#include "mbc-case.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *name;
  const char         *title;
  MbcCaseKind         kind;
  const char * const *choices;
  const char * const *choice_titles;
  double              min;
  double              max;
} FieldInfo;

typedef struct
{
  gboolean known;
  gint64   i;   /* int value, bool, index of a choice, or bit set of choices */
  double   d;   /* number value */
} Slot;

struct _MbcCase
{
  GObject  parent_instance;

  char     *label;
  Slot      slots[MBC_CASE_N_FIELDS];
  /* The clinician's decision: not an input, never in the rule data; NULL when absent. */
  char     *decision_choice;
  char     *decision_date;
  char     *decision_note;
  JsonNode *rule_data;  /* cache of mbc_case_to_rule_data(), dropped on any change */
};

extern const FieldInfo _mbc_case_fields[MBC_CASE_N_FIELDS];

/* Whether @name is the @len bytes at @text (which need not end there). */
static inline gboolean
_mbc_case_name_is (const char *name,
                   const char *text,
                   gsize       len)
{
  return len > 0 && name[0] == text[0] && strncmp (name, text, len) == 0 && name[len] == '\0';
}

int       _mbc_case_choice_index      (MbcCaseField   field,
                                       const char    *value);
int       _mbc_case_choice_index_len  (MbcCaseField   field,
                                       const char    *text,
                                       gsize          len);
int       _mbc_case_field_from_name_len (const char  *text,
                                         gsize        len);
gboolean  _mbc_case_text_unsafe       (const char    *text,
                                       gsize          len,
                                       gunichar      *c);
char     *_mbc_case_quote_value       (JsonNode      *node,
                                       GHashTable    *literals);
gboolean  _mbc_case_check_value       (MbcCaseField   field,
                                       JsonNode      *value,
                                       GHashTable    *literals,
                                       Slot          *slot,
                                       char         **label,
                                       GPtrArray     *problems);
void      _mbc_case_check_consistency (const Slot    *slots,
                                       GPtrArray     *problems);
void      _mbc_case_check_teaching    (JsonNode      *node,
                                       GPtrArray     *problems);
gboolean  _mbc_case_check_decision    (JsonNode      *node,
                                       GHashTable    *literals,
                                       char         **choice,
                                       char         **date,
                                       char         **note,
                                       GPtrArray     *problems);
JsonNode *_mbc_case_decision_to_json  (MbcCase       *self);
JsonNode *_mbc_case_slot_to_json      (MbcCase       *self,
                                       MbcCaseField   field,
                                       gboolean       for_rules);
JsonNode *_mbc_case_object_node       (JsonObject    *object);
MbcCase  *_mbc_case_scan              (const char    *data,
                                       gsize          length);

G_END_DECLS
