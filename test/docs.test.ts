import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orgJsonSchema, renderKeyReference } from '../src/config/json-schema';
import { renderGuardrailCatalog } from '../src/model/guardrails/catalog-table';
import { PROJECT_DIR } from './helpers';

describe('files derived from the schema are in step with it (run `npm run docs` to refresh)', () => {
  test('org.schema.json', () => {
    expect(JSON.parse(readFileSync(join(PROJECT_DIR, 'org.schema.json'), 'utf8'))).toEqual(orgJsonSchema());
  });

  test('the README key reference', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    const section = readme.split('<!-- reference:start -->')[1]!.split('<!-- reference:end -->')[0]!;
    expect(section.trim()).toBe(renderKeyReference());
  });

  test('the README guardrail catalog', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    const section = readme.split('<!-- guardrails:start -->')[1]!.split('<!-- guardrails:end -->')[0]!;
    expect(section.trim()).toBe(renderGuardrailCatalog());
    expect(section).toContain('`bucketNames` (required)');
  });

  test('every key of the schema appears in the reference', () => {
    const reference = renderKeyReference();
    for (const key of ['organization.homeRegion', 'accounts.<key>.email', 'policies.<key>.statements[].Effect', 'organizationalUnits.<key>.children'])
      expect(reference).toContain(`\`${key}\``);
  });
});
