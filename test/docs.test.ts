import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orgJsonSchema, renderKeyReference } from '../src/config/json-schema';
import { renderGuardrailCatalog } from '../src/model/guardrails/catalog-table';
import { manifestGraph } from '../src/cli/plan-order';
import { dependencyWaves } from '../src/model/waves';
import { RULES } from '../src/rules';
import { defaultModel, PROJECT_DIR, synth } from './helpers';

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

describe('the README stacks table', () => {
  const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
  const section = readme.split('\n## Stacks\n')[1]!.split('\n## ')[0]!;
  const rows = [...section.matchAll(/^\| (\d+) \| `([^`]+)` \| ([^|]+) \| (.+) \|$/gm)].map((m) => ({ wave: Number(m[1]), stack: m[2]!, holds: m[4]! }));
  const out = synth(defaultModel());
  const waves = dependencyWaves(manifestGraph(out.manifest));
  /** The row of a synthesized stack: its own name, else the per-account pattern (`account-<id>`) it is an instance of. */
  const rowOf = (name: string) =>
    rows.find((r) => r.stack === name) ?? rows.find((r) => r.stack.endsWith('-<id>') && name.startsWith(r.stack.slice(0, -'<id>'.length)));

  test('lists the stacks in wave order, one line each', () => {
    expect(rows.map((r) => `${r.wave} ${r.stack}`)).toEqual([
      '1 organization',
      '2 account-<id>',
      '3 delegated-administrators', '3 log-archive', '3 network-hub',
      '4 identity-center', '4 network-<id>', '4 org-trail', '4 security-tooling',
      '5 access-<id>', '5 detective-administration',
      '6 detective-configuration',
    ]);
    for (const row of rows) expect(row.holds.length).toBeGreaterThan(40);
  });

  test('gives every stack of the default org.yaml the wave lz plan-order computes, and names no stack that is not synthesized', () => {
    expect(waves).toHaveLength(6);
    waves.forEach((wave, i) => {
      for (const name of wave) expect([name, rowOf(name)?.stack, rowOf(name)?.wave]).toEqual([name, expect.any(String), i + 1]);
    });
    for (const row of rows) expect([row.stack, Object.keys(out.stacks).some((name) => rowOf(name) === row)]).toEqual([row.stack, true]);
  });
});
