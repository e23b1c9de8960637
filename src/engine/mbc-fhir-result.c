/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A result as a FHIR R4 Bundle of type collection, for a clinic's record: a GuidanceResponse
 * (success, or data-required naming each missing input), its output Parameters (the tier,
 * the rule, the options, what to confirm: coded), the findings as Observations, a
 * RequestGroup (intent proposal) when surgery can be recommended, the clinician's decision
 * when the case records one, and the Device that made it. No patient identity: no subject,
 * no label; resources are named by urn:uuid within the Bundle. docs/contracts.md has the
 * mapping; the words are the pack's, the codes the pack's ids under the application's
 * code systems.
 */
#define G_LOG_DOMAIN "mbc-fhir"

#include "config.h"

#include <glib/gi18n.h>

#include "mbc-fhir-private.h"
#include "mbc-fhir-result.h"
#include "mbc-tier.h"

#define DATA_ABSENT "http://terminology.hl7.org/CodeSystem/data-absent-reason"
#define XHTML "http://www.w3.org/1999/xhtml"

typedef struct
{
  JsonBuilder  *b;
  MbcResult    *result;
  MbcGuideline *guideline;
  char         *pack_base;     /* MBC_FHIR_BASE "/guideline/" id */
} Writer;

/* Whether @c is white space that FHIR's string type does not allow (its pattern allows
 * space, tab, CR and LF only: no-break and thin spaces, the BOM, line separators). */
static gboolean
writer_is_other_space (gunichar c)
{
  return c == 0x0B || c == 0x0C || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* A string value; other white space is written as a space (docs/contracts.md), so that a
 * clinician's note typed with a no-break space is still a FHIR string. */
static void
writer_add_string (Writer     *w,
                   const char *value)
{
  g_autoptr(GString) text = NULL;

  for (const char *p = value; *p; p = g_utf8_next_char (p))
    if (writer_is_other_space (g_utf8_get_char (p)))
      {
        text = g_string_new (NULL);
        break;
      }
  if (text)
    for (const char *p = value; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        if (writer_is_other_space (c))
          g_string_append_c (text, ' ');
        else
          g_string_append_unichar (text, c);
      }
  json_builder_add_string_value (w->b, text ? text->str : value);
}

static void
writer_string (Writer     *w,
               const char *member,
               const char *value)
{
  json_builder_set_member_name (w->b, member);
  writer_add_string (w, value);
}

static char *
writer_new_urn (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  return g_strconcat ("urn:uuid:", uuid, NULL);
}

/* A Coding object, as the current value. */
static void
writer_coding (Writer     *w,
               const char *system,
               const char *code,
               const char *display)
{
  json_builder_begin_object (w->b);
  writer_string (w, "system", system);
  writer_string (w, "code", code);
  if (display)
    writer_string (w, "display", display);
  json_builder_end_object (w->b);
}

/* A CodeableConcept of one coding (and its text), as the current value. */
static void
writer_concept (Writer     *w,
                const char *system,
                const char *code,
                const char *display,
                const char *text)
{
  json_builder_begin_object (w->b);
  json_builder_set_member_name (w->b, "coding");
  json_builder_begin_array (w->b);
  writer_coding (w, system, code, display);
  json_builder_end_array (w->b);
  if (text)
    writer_string (w, "text", text);
  json_builder_end_object (w->b);
}

static void
writer_reference (Writer     *w,
                  const char *member,
                  const char *urn)
{
  json_builder_set_member_name (w->b, member);
  json_builder_begin_object (w->b);
  writer_string (w, "reference", urn);
  json_builder_end_object (w->b);
}

/* "note": one Annotation a text. */
static void
writer_notes (Writer    *w,
              GPtrArray *texts)
{
  if (texts->len == 0)
    return;
  json_builder_set_member_name (w->b, "note");
  json_builder_begin_array (w->b);
  for (guint i = 0; i < texts->len; i++)
    {
      json_builder_begin_object (w->b);
      writer_string (w, "text", g_ptr_array_index (texts, i));
      json_builder_end_object (w->b);
    }
  json_builder_end_array (w->b);
}

/* "text": the generated narrative, a paragraph a text, the first in bold. */
static void
writer_narrative (Writer    *w,
                  GPtrArray *texts)
{
  g_autoptr(GString) div = g_string_new ("<div xmlns=\"" XHTML "\">");

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (texts, i), -1);
      g_string_append_printf (div, i == 0 ? "<p><b>%s</b></p>" : "<p>%s</p>", escaped);
    }
  g_string_append (div, "</div>");
  json_builder_set_member_name (w->b, "text");
  json_builder_begin_object (w->b);
  writer_string (w, "status", "generated");
  writer_string (w, "div", div->str);
  json_builder_end_object (w->b);
}

static void
writer_begin_entry (Writer     *w,
                    const char *urn,
                    const char *type)
{
  json_builder_begin_object (w->b);
  writer_string (w, "fullUrl", urn);
  json_builder_set_member_name (w->b, "resource");
  json_builder_begin_object (w->b);
  writer_string (w, "resourceType", type);
}

static void
writer_end_entry (Writer *w)
{
  json_builder_end_object (w->b);
  json_builder_end_object (w->b);
}

/* A case field as a coding of the application's case-field code system. */
static void
writer_field_coding (Writer     *w,
                     const char *name)
{
  int field = mbc_case_field_from_name (name);

  writer_coding (w, MBC_FHIR_BASE "/CodeSystem/case-field", name,
                 field >= 0 ? mbc_case_field_get_title (field) : NULL);
}

/* The texts of the recommendation, in the order every output shows them: the heading (its
 * conditions), the deciding rule's interpretation, the cautions, the dated evidence note,
 * the rule, the strength, then the guideline with its date and the disclaimer. */
static GPtrArray *
writer_recommendation_texts (Writer *w)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  const MbcRule *rule = mbc_result_get_rule (w->result);
  const MbcStrength *strength = mbc_result_get_strength_basis (w->result);
  GPtrArray *cautions = mbc_result_get_cautions (w->result);

  g_ptr_array_add (texts, g_strdup (mbc_result_get_heading (w->result)));
  if (rule->interpretation)
    g_ptr_array_add (texts, mbc_interpretation_text (rule->interpretation));
  for (guint i = 0; i < cautions->len; i++)
    {
      const MbcCaution *caution = g_ptr_array_index (cautions, i);
      g_ptr_array_add (texts, g_strdup_printf (_("Caution: %s"), caution->text));
      if (caution->interpretation)
        g_ptr_array_add (texts, mbc_interpretation_text (caution->interpretation));
    }
  g_ptr_array_add (texts, g_strdup (mbc_guideline_get_evidence (w->guideline)->line));
  g_ptr_array_add (texts, g_strdup_printf ("%s %s", rule->summary, rule->detail));
  if (strength)
    g_ptr_array_add (texts, g_strdup_printf ("%s %s", strength->summary, strength->detail));
  g_ptr_array_add (texts, g_strdup_printf (_("Guideline: %s (%s), version %s, SHA-256 %s"),
                                           mbc_guideline_get_title (w->guideline),
                                           mbc_guideline_get_date (w->guideline),
                                           mbc_guideline_get_version (w->guideline),
                                           mbc_guideline_get_sha256 (w->guideline)));
  g_ptr_array_add (texts, g_strdup (mbc_guideline_get_disclaimer (w->guideline)));
  return texts;
}

static void
writer_device (Writer     *w,
               const char *urn)
{
  writer_begin_entry (w, urn, "Device");
  json_builder_set_member_name (w->b, "deviceName");
  json_builder_begin_array (w->b);
  json_builder_begin_object (w->b);
  writer_string (w, "name", _("MBC Surgery Advisor"));
  writer_string (w, "type", "user-friendly-name");
  json_builder_end_object (w->b);
  json_builder_end_array (w->b);
  json_builder_set_member_name (w->b, "version");
  json_builder_begin_array (w->b);
  json_builder_begin_object (w->b);
  writer_string (w, "value", PACKAGE_VERSION);
  json_builder_end_object (w->b);
  json_builder_end_array (w->b);
  writer_end_entry (w);
}

/* One dataRequirement: the resource that would give the field, its code where the import
 * reads it by one, and the field itself, named exactly in an extension. */
static void
writer_requirement (Writer     *w,
                    const char *name)
{
  MbcFhirRequirement requirement;
  int field = mbc_case_field_from_name (name);

  _mbc_fhir_code_requirement (field, &requirement);
  json_builder_begin_object (w->b);
  json_builder_set_member_name (w->b, "extension");
  json_builder_begin_array (w->b);
  json_builder_begin_object (w->b);
  writer_string (w, "url", MBC_FHIR_BASE "/StructureDefinition/case-field");
  json_builder_set_member_name (w->b, "valueCoding");
  writer_field_coding (w, name);
  json_builder_end_object (w->b);
  json_builder_end_array (w->b);
  writer_string (w, "type", requirement.type);
  if (requirement.element)
    {
      json_builder_set_member_name (w->b, "mustSupport");
      json_builder_begin_array (w->b);
      json_builder_add_string_value (w->b, requirement.element);
      json_builder_end_array (w->b);
    }
  if (requirement.code)
    {
      json_builder_set_member_name (w->b, "codeFilter");
      json_builder_begin_array (w->b);
      json_builder_begin_object (w->b);
      writer_string (w, "path", "code");
      json_builder_set_member_name (w->b, "code");
      json_builder_begin_array (w->b);
      writer_coding (w, requirement.system, requirement.code, NULL);
      json_builder_end_array (w->b);
      json_builder_end_object (w->b);
      json_builder_end_array (w->b);
    }
  json_builder_end_object (w->b);
}

static void
writer_guidance_response (Writer     *w,
                          const char *urn,
                          const char *device,
                          const char *parameters,
                          const char *request_group,
                          GDateTime  *now)
{
  GPtrArray *missing = mbc_result_get_missing (w->result);
  g_autoptr(GPtrArray) texts = writer_recommendation_texts (w);
  g_autofree char *module = g_strconcat (w->pack_base, "|",
                                         mbc_guideline_get_version (w->guideline), NULL);
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  writer_begin_entry (w, urn, "GuidanceResponse");
  writer_narrative (w, texts);
  /* The pack's SHA-256 names exactly the guideline the response came from. */
  json_builder_set_member_name (w->b, "identifier");
  json_builder_begin_array (w->b);
  json_builder_begin_object (w->b);
  json_builder_set_member_name (w->b, "type");
  json_builder_begin_object (w->b);
  writer_string (w, "text", _("SHA-256 of the guideline pack"));
  json_builder_end_object (w->b);
  writer_string (w, "system", MBC_FHIR_BASE "/guideline-sha256");
  writer_string (w, "value", mbc_guideline_get_sha256 (w->guideline));
  json_builder_end_object (w->b);
  json_builder_end_array (w->b);
  writer_string (w, "moduleUri", module);
  writer_string (w, "status", missing->len > 0 ? "data-required" : "success");
  writer_string (w, "occurrenceDateTime", when);
  writer_reference (w, "performer", device);
  writer_notes (w, texts);
  writer_reference (w, "outputParameters", parameters);
  if (request_group)
    writer_reference (w, "result", request_group);
  if (missing->len > 0)
    {
      json_builder_set_member_name (w->b, "dataRequirement");
      json_builder_begin_array (w->b);
      for (guint i = 0; i < missing->len; i++)
        writer_requirement (w, g_ptr_array_index (missing, i));
      json_builder_end_array (w->b);
    }
  writer_end_entry (w);
}

static void
writer_begin_parameter (Writer     *w,
                        const char *name,
                        const char *type)
{
  json_builder_begin_object (w->b);
  writer_string (w, "name", name);
  json_builder_set_member_name (w->b, type);
}

static void
writer_coded_parameter (Writer     *w,
                        const char *name,
                        const char *kind,
                        const char *code,
                        const char *display)
{
  g_autofree char *system = g_strconcat (w->pack_base, "/", kind, NULL);

  writer_begin_parameter (w, name, "valueCoding");
  writer_coding (w, system, code, display);
  json_builder_end_object (w->b);
}

static void
writer_parameters (Writer     *w,
                   const char *urn,
                   char      **findings)
{
  const MbcRule *rule = mbc_result_get_rule (w->result);
  const char *strength = mbc_result_get_strength (w->result);
  GPtrArray *options = mbc_result_get_options (w->result);
  GPtrArray *cautions = mbc_result_get_cautions (w->result);
  GPtrArray *lists[] = { mbc_result_get_missing (w->result), mbc_result_get_confirm (w->result) };
  const char *list_names[] = { "missing", "confirm" };

  writer_begin_entry (w, urn, "Parameters");
  json_builder_set_member_name (w->b, "parameter");
  json_builder_begin_array (w->b);

  writer_begin_parameter (w, "tier", "valueCoding");
  writer_coding (w, MBC_FHIR_BASE "/CodeSystem/tier", mbc_result_get_tier (w->result),
                 mbc_result_get_tier_title (w->result));
  json_builder_end_object (w->b);
  writer_begin_parameter (w, "heading", "valueString");
  writer_add_string (w, mbc_result_get_heading (w->result));
  json_builder_end_object (w->b);
  writer_coded_parameter (w, "rule", "rule", rule->id, rule->summary);
  if (strength)
    {
      writer_begin_parameter (w, "strength", "valueCoding");
      writer_coding (w, MBC_FHIR_BASE "/CodeSystem/strength", strength,
                     mbc_result_get_strength_basis (w->result)->summary);
      json_builder_end_object (w->b);
    }
  for (guint i = 0; i < cautions->len; i++)
    {
      const MbcCaution *caution = g_ptr_array_index (cautions, i);
      writer_coded_parameter (w, "caution", "caution", caution->id, caution->text);
    }
  for (guint i = 0; i < options->len; i++)
    {
      const char *id = g_ptr_array_index (options, i);
      const MbcOption *option = mbc_guideline_lookup_option (w->guideline, id);
      writer_coded_parameter (w, "option", "option", id, option ? option->title : NULL);
    }
  writer_begin_parameter (w, "axillary_evaluation", "valueBoolean");
  json_builder_add_boolean_value (w->b, mbc_result_get_axillary_evaluation (w->result));
  json_builder_end_object (w->b);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        writer_begin_parameter (w, list_names[l], "valueCoding");
        writer_field_coding (w, g_ptr_array_index (lists[l], i));
        json_builder_end_object (w->b);
      }
  for (guint i = 0; findings[i]; i++)
    {
      writer_begin_parameter (w, "finding", "valueReference");
      json_builder_begin_object (w->b);
      writer_string (w, "reference", findings[i]);
      json_builder_end_object (w->b);
      json_builder_end_object (w->b);
    }
  json_builder_end_array (w->b);
  writer_end_entry (w);
}

static const char *
writer_group_title (Writer     *w,
                    const char *id)
{
  GPtrArray *groups = mbc_guideline_get_groups (w->guideline);

  for (guint g = 0; g < groups->len; g++)
    {
      const MbcGroup *group = g_ptr_array_index (groups, g);
      if (g_strcmp0 (group->id, id) == 0)
        return group->title;
    }
  return NULL;
}

static void
writer_finding (Writer     *w,
                const char *urn,
                const char *device,
                guint       index)
{
  const MbcFinding *finding = g_ptr_array_index (mbc_guideline_get_findings (w->guideline),
                                                 index);
  MbcFindingStatus status = mbc_result_get_finding_status (w->result, index);
  g_autofree char *system = g_strconcat (w->pack_base, "/finding", NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const char *group = writer_group_title (w, finding->group);

  g_ptr_array_add (texts, g_strdup (finding->text[status]));
  if (finding->interpretation)
    g_ptr_array_add (texts, mbc_interpretation_text (finding->interpretation));

  writer_begin_entry (w, urn, "Observation");
  writer_string (w, "status", "final");
  if (group)
    {
      json_builder_set_member_name (w->b, "category");
      json_builder_begin_array (w->b);
      json_builder_begin_object (w->b);
      writer_string (w, "text", group);
      json_builder_end_object (w->b);
      json_builder_end_array (w->b);
    }
  json_builder_set_member_name (w->b, "code");
  writer_concept (w, system, finding->id, finding->title, finding->title);
  writer_reference (w, "device", device);
  if (status == MBC_FINDING_UNKNOWN)
    {
      json_builder_set_member_name (w->b, "dataAbsentReason");
      writer_concept (w, DATA_ABSENT, "unknown", "Unknown", NULL);
    }
  else
    {
      json_builder_set_member_name (w->b, "valueBoolean");
      json_builder_add_boolean_value (w->b, status == MBC_FINDING_MET);
    }
  writer_notes (w, texts);
  writer_end_entry (w);
}

/* The plan, proposed: an action a section, an action an item under it, each item coded with
 * its id and the surgical options it offers. */
static void
writer_request_group (Writer     *w,
                      const char *urn,
                      const char *device)
{
  GPtrArray *sections = mbc_guideline_get_plan_sections (w->guideline);
  GPtrArray *plan = mbc_result_get_plan (w->result);
  g_autofree char *item_system = g_strconcat (w->pack_base, "/plan", NULL);
  g_autofree char *option_system = g_strconcat (w->pack_base, "/option", NULL);

  writer_begin_entry (w, urn, "RequestGroup");
  writer_string (w, "status", "draft");
  writer_string (w, "intent", "proposal");
  writer_reference (w, "author", device);
  json_builder_set_member_name (w->b, "note");
  json_builder_begin_array (w->b);
  json_builder_begin_object (w->b);
  writer_string (w, "text", mbc_result_get_heading (w->result));
  json_builder_end_object (w->b);
  json_builder_end_array (w->b);
  json_builder_set_member_name (w->b, "action");
  json_builder_begin_array (w->b);
  for (guint s = 0; s < sections->len; s++)
    {
      const MbcPlanSection *section = g_ptr_array_index (sections, s);
      gboolean first = TRUE;

      for (guint i = 0; i < plan->len; i++)
        {
          const MbcPlanItem *item = g_ptr_array_index (plan, i);

          if (g_strcmp0 (item->section, section->id) != 0)
            continue;
          if (first)
            {
              json_builder_begin_object (w->b);
              writer_string (w, "title", section->title);
              json_builder_set_member_name (w->b, "action");
              json_builder_begin_array (w->b);
            }
          first = FALSE;
          json_builder_begin_object (w->b);
          writer_string (w, "title", item->summary);
          writer_string (w, "description", item->detail);
          json_builder_set_member_name (w->b, "code");
          json_builder_begin_array (w->b);
          writer_concept (w, item_system, item->id, item->summary, NULL);
          for (guint o = 0; item->options && item->options[o]; o++)
            {
              const MbcOption *option = mbc_guideline_lookup_option (w->guideline,
                                                                     item->options[o]);
              writer_concept (w, option_system, item->options[o],
                              option ? option->title : NULL, NULL);
            }
          json_builder_end_array (w->b);
          json_builder_end_object (w->b);
        }
      if (!first)
        {
          json_builder_end_array (w->b);
          json_builder_end_object (w->b);
        }
    }
  json_builder_end_array (w->b);
  writer_end_entry (w);
}

/* The clinician's decision, as recorded in the case (never read by the rules). */
static void
writer_decision (Writer     *w,
                 const char *urn,
                 const char *response,
                 MbcCase    *kase)
{
  const char *choice = mbc_case_get_decision_choice (kase);
  const char *note = mbc_case_get_decision_note (kase);
  const char *title = mbc_case_decision_get_choice_title (choice);

  writer_begin_entry (w, urn, "Observation");
  writer_string (w, "status", "final");
  json_builder_set_member_name (w->b, "code");
  writer_concept (w, MBC_FHIR_BASE "/CodeSystem/case-field", MBC_CASE_DECISION,
                  _("Clinician’s decision"), _("Clinician’s decision"));
  json_builder_set_member_name (w->b, "focus");
  json_builder_begin_array (w->b);
  json_builder_begin_object (w->b);
  writer_string (w, "reference", response);
  json_builder_end_object (w->b);
  json_builder_end_array (w->b);
  if (mbc_case_get_decision_date (kase))
    writer_string (w, "effectiveDateTime", mbc_case_get_decision_date (kase));
  json_builder_set_member_name (w->b, "valueCodeableConcept");
  writer_concept (w, MBC_FHIR_BASE "/CodeSystem/decision", choice, title, title);
  if (note && *note)
    {
      json_builder_set_member_name (w->b, "note");
      json_builder_begin_array (w->b);
      json_builder_begin_object (w->b);
      writer_string (w, "text", note);
      json_builder_end_object (w->b);
      json_builder_end_array (w->b);
    }
  writer_end_entry (w);
}

/**
 * mbc_fhir_result_to_json:
 * @result: the result
 * @kase: (nullable): the case it is of, for the clinician's decision
 * @now: when it was made (the response's occurrenceDateTime)
 *
 * Returns: (transfer full): the Bundle as JSON text, indented, ending in a newline.
 */
char *
mbc_fhir_result_to_json (MbcResult *result,
                         MbcCase   *kase,
                         GDateTime *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *findings;
  g_auto(GStrv) finding_urns = NULL;
  g_autofree char *response = writer_new_urn ();
  g_autofree char *device = writer_new_urn ();
  g_autofree char *parameters = writer_new_urn ();
  g_autofree char *request_group = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *text = NULL;
  Writer w = { builder, result, NULL, NULL };
  MbcTier tier;

  g_return_val_if_fail (MBC_IS_RESULT (result), NULL);
  g_return_val_if_fail (kase == NULL || MBC_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  w.guideline = mbc_result_get_guideline (result);
  w.pack_base = g_strconcat (MBC_FHIR_BASE "/guideline/", mbc_guideline_get_id (w.guideline),
                             NULL);
  findings = mbc_guideline_get_findings (w.guideline);
  finding_urns = g_new0 (char *, findings->len + 1);
  for (guint i = 0; i < findings->len; i++)
    finding_urns[i] = writer_new_urn ();
  /* A proposal only where the result recommends surgery: the plan of an individual decision
   * is for discussion, not proposed. */
  if (mbc_tier_from_string (mbc_result_get_tier (result), &tier) && tier == MBC_TIER_RECOMMENDED)
    request_group = writer_new_urn ();
  if (kase && mbc_case_get_decision_choice (kase))
    decision = writer_new_urn ();

  json_builder_begin_object (builder);
  writer_string (&w, "resourceType", "Bundle");
  writer_string (&w, "type", "collection");
  json_builder_set_member_name (builder, "entry");
  json_builder_begin_array (builder);
  writer_guidance_response (&w, response, device, parameters, request_group, now);
  writer_parameters (&w, parameters, finding_urns);
  for (guint i = 0; i < findings->len; i++)
    writer_finding (&w, finding_urns[i], device, i);
  if (request_group)
    writer_request_group (&w, request_group, device);
  if (decision)
    writer_decision (&w, decision, response, kase);
  writer_device (&w, device);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_free (w.pack_base);
  return g_strconcat (text, "\n", NULL);
}
