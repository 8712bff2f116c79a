import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orgJsonSchema, renderKeyReference } from '../src/config/json-schema';
import { renderGuardrailCatalog } from '../src/model/guardrails/catalog-table';
import { RULES } from '../src/rules';
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

describe('the README diagnostics table', () => {
  test('covers every registered rule code', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    const ranges = [...readme.matchAll(/^\| LZ(\d{4})(?:-LZ(\d{4}))? \|/gm)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])] as const);
    expect(ranges.length).toBeGreaterThan(5);
    const undocumented = RULES.map((r) => r.code).filter((code) => !ranges.some(([from, to]) => Number(code.slice(2)) >= from && Number(code.slice(2)) <= to));
    expect(undocumented).toEqual([]);
  });
});
