#!/usr/bin/env node
// Regenerates the files derived from the org.yaml schema: org.schema.json and the key
// reference in README.md. A test fails when either is out of step with the schema.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { orgJsonSchema, renderKeyReference } = require('../dist/src/config/json-schema');

const root = join(__dirname, '..');
writeFileSync(join(root, 'org.schema.json'), `${JSON.stringify(orgJsonSchema(), null, 2)}\n`);
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- reference:start -->';
const end = '<!-- reference:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) throw new Error(`README.md lacks the ${start} ... ${end} markers`);
let updated = `${readme.slice(0, i + start.length)}\n${renderKeyReference()}\n${readme.slice(j)}`;
// The guardrail catalog table, generated from src/model/guardrails.
const { renderGuardrailCatalog } = require('../dist/src/model/guardrails/catalog-table');
const gStart = '<!-- guardrails:start -->';
const gEnd = '<!-- guardrails:end -->';
const gi = updated.indexOf(gStart);
const gj = updated.indexOf(gEnd);
if (gi < 0 || gj < gi) throw new Error(`README.md lacks the ${gStart} ... ${gEnd} markers`);
updated = `${updated.slice(0, gi + gStart.length)}\n${renderGuardrailCatalog()}\n${updated.slice(gj)}`;
writeFileSync(readmePath, updated);
console.log('updated org.schema.json, the README key reference and the guardrail catalog');
