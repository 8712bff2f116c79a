#!/usr/bin/env node
// Regenerates the files derived from the code: org.schema.json, the key reference in
// docs/reference/org-yaml.md and the guardrail catalog in docs/concepts/guardrails.md.
// test/docs.test.ts fails when any of them is out of step.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { orgJsonSchema, renderKeyReference } = require('../dist/src/config/json-schema');
const { renderGuardrailCatalog } = require('../dist/src/model/guardrails/catalog-table');

const root = join(__dirname, '..');
writeFileSync(join(root, 'org.schema.json'), `${JSON.stringify(orgJsonSchema(), null, 2)}\n`);

function replaceBetween(file, marker, text) {
  const path = join(root, file);
  const content = readFileSync(path, 'utf8');
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const i = content.indexOf(start);
  const j = content.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} lacks the ${start} ... ${end} markers`);
  writeFileSync(path, `${content.slice(0, i + start.length)}\n${text}\n${content.slice(j)}`);
}

replaceBetween('docs/reference/org-yaml.md', 'reference', renderKeyReference());
replaceBetween('docs/concepts/guardrails.md', 'guardrails', renderGuardrailCatalog());
console.log('updated org.schema.json, docs/reference/org-yaml.md and the guardrail catalog in docs/concepts/guardrails.md');
