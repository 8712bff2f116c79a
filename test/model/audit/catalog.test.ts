import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTROL_IDS, CONTROLS } from '../../../src/model/audit/catalog';
import { controlUrl } from '../../../src/model/audit/control';
import { PROJECT_DIR } from '../../helpers';
import { OFF_SWITCH_CASES, TAMPERED_CASES } from './failing-cases';

describe('the control catalog', () => {
  test('ids are unique and each links its AWS reference page', () => {
    expect(new Set(CONTROL_IDS).size).toBe(CONTROL_IDS.length);
    expect(controlUrl('CloudTrail.1')).toBe('https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1');
    for (const c of CONTROLS) expect(controlUrl(c.id)).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/securityhub\/latest\/userguide\/[a-z0-9]+-controls\.html#[a-z0-9]+-[0-9]+$/);
  });

  test('every control has a failing case: an org.yaml that turns it off, or, where none can, stacks changed after synthesis', () => {
    const failing = new Set([...OFF_SWITCH_CASES, ...TAMPERED_CASES].map((c) => c.id));
    expect(CONTROL_IDS.filter((id) => !failing.has(id))).toEqual([]);
    expect([...failing].filter((id) => !CONTROL_IDS.includes(id))).toEqual([]);
  });

  test('docs/guides/audit.md names the failing case of every control', () => {
    const guide = readFileSync(join(PROJECT_DIR, 'docs', 'guides', 'audit.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## Failing fixtures\n'), guide.indexOf('## The controls\n'));
    const byOrgYaml = /^- On `org\.yaml`[^:]*: (.+)$/m.exec(section)?.[1];
    const byStacks = /^- On changed stacks[^:]*: (.+)$/m.exec(section)?.[1];
    const ids = (line: string | undefined) => [...(line ?? '').matchAll(/([A-Za-z0-9]+\.[0-9]+)/g)].map((m) => m[1]).sort();
    expect(ids(byOrgYaml)).toEqual([...new Set(OFF_SWITCH_CASES.map((c) => c.id))].sort());
    expect(ids(byStacks)).toEqual([...new Set(TAMPERED_CASES.map((c) => c.id))].sort());
  });

  test('resource-scoped controls say which resources they judge', () => {
    for (const c of CONTROLS) expect(c.scope === 'resource').toBe(c.resources !== undefined);
  });

  test('docs/guides/audit.md lists exactly the catalog, in its order, with its requirements', () => {
    const guide = readFileSync(join(PROJECT_DIR, 'docs', 'guides', 'audit.md'), 'utf8');
    const listed = [...guide.matchAll(/^\| \[([A-Za-z0-9]+\.[0-9]+)\]\(([^)]+)\)/gm)].map((m) => ({ id: m[1], url: m[2] }));
    expect(listed).toEqual(CONTROLS.map((c) => ({ id: c.id, url: controlUrl(c.id) })));
    for (const c of CONTROLS) expect(guide).toContain(c.requires.replace(/\|/g, '\\|'));
  });
});
