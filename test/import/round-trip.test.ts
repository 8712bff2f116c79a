import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, type TerraformJson } from '../helpers';
import { offlinePlan, testWithTerraform } from '../terraform';
import { installMockOrganization, INSTANCE_ARN, MANAGEMENT_ID, NETWORK_ID, ORG_ID, ROOT_ID, type MockData } from './mock-organization';
import { run, synthesizedResources } from './run-import';

/** The import ids the mocked organization must yield, computed from the mock data, not from lz. */
function expectedImportIds(data: MockData): string[] {
  const kept = data.accounts.filter((a) => a.status !== 'PENDING_CLOSURE');
  const keptIds = new Set([ROOT_ID, ...data.ous.map((o) => o.id), ...kept.map((a) => a.id)]);
  const own = data.policies.filter((p) => !p.awsManaged && !p.name.startsWith('aws-guardrails-'));
  const sets = data.permissionSets;
  return [
    ORG_ID,
    ...data.ous.map((o) => o.id),
    ...kept.filter((a) => a.id !== MANAGEMENT_ID).map((a) => a.id),
    ...own.map((p) => p.id),
    ...own.flatMap((p) => p.targets.filter((t) => keptIds.has(t)).map((t) => `${t}:${p.id}`)),
    '222222222203/securityhub.amazonaws.com',
    ...sets.map((s) => `${s.arn},${INSTANCE_ARN}`),
    ...sets.flatMap((s) => s.managed.map((m) => `${m},${s.arn},${INSTANCE_ARN}`)),
    ...sets.flatMap((s) => s.customer.map((c) => `${c.Name},${c.Path},${s.arn},${INSTANCE_ARN}`)),
    ...sets.filter((s) => 'inline' in s).map((s) => `${s.arn},${INSTANCE_ARN}`),
    ...sets.filter((s) => 'boundary' in s).map((s) => `${s.arn},${INSTANCE_ARN}`),
    ...data.assignments.map((a) => `${a.principal},${a.type},${a.accountId},AWS_ACCOUNT,${a.set},${INSTANCE_ARN}`),
  ].sort();
}

describe('lz import of a mocked organization, round trip through lz synth', () => {
  let restore: () => void;
  afterEach(() => restore());

  test.each([false, true])('controlTower=%s: every synthesized resource, in every stack, is imported with its AWS id; nothing is created', async (controlTower) => {
    const mock = installMockOrganization({ controlTower, throttled: { ListAccountsForParent: 1 } });
    restore = mock.restore;
    const dir = tempDir('lz-import-');

    const imported = await run(['import', '--region', 'eu-west-1', '--network-account', NETWORK_ID, '--name', 'acme'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Wrote org.yaml (57 accounts, 8 OUs)');

    const synthesized = await run(['synth', '--out', join(dir, 'out')], dir);
    expect(synthesized.stderr).toBe('');
    expect(synthesized.code).toBe(0);

    const resources = synthesizedResources(join(dir, 'out'));
    expect(resources.filter((r) => r.importId === undefined).map((r) => `${r.stack}: ${r.address}`)).toEqual([]);
    expect(resources.map((r) => r.importId!).sort()).toEqual(expectedImportIds(mock.data));
    expect(resources.length).toBe(expectedImportIds(mock.data).length);

    const yaml = readFileSync(join(dir, 'org.yaml'), 'utf8');
    if (controlTower) expect(yaml).toMatch(/controlTower:\n {4}enabled: true\n {4}ous:\n {6}- Sandbox\n {6}- Security\n {4}guardrailAttachments:\n {6}Sandbox: 1\n {6}Security: 2\n/);
    else expect(yaml).not.toContain('controlTower');
  });
});

describe('offline plan of the imported organization', () => {
  testWithTerraform('stacks without data sources plan no create, update or destroy; every object read is an import by a recorded id', async () => {
    const mock = installMockOrganization({ controlTower: true });
    const dir = tempDir('lz-import-plan-');
    try {
      expect((await run(['import', '--region', 'eu-west-1', '--name', 'acme'], dir)).code).toBe(0);
      expect((await run(['synth', '--out', join(dir, 'out')], dir)).code).toBe(0);
    } finally {
      mock.restore();
    }
    const resources = synthesizedResources(join(dir, 'out'));
    const importIds = new Set(resources.map((r) => r.importId));
    const plannable = readdirSync(join(dir, 'out', 'stacks')).sort()
      .map((name) => JSON.parse(readFileSync(join(dir, 'out', 'stacks', name, 'cdk.tf.json'), 'utf8')) as TerraformJson)
      .filter((stack) => stack.data === undefined && stack.resource !== undefined);
    // Per-account stacks of the same shape (the same resource types) come from the same code with
    // other ids: the first of each shape is planned (an offline plan costs seconds, and the mock
    // organization has dozens of accounts). Which ids they import is checked for every stack above.
    const shapes = new Map<string, TerraformJson>();
    for (const stack of plannable) {
      const shape = Object.keys(stack.resource as object).sort().join(',');
      if (!shapes.has(shape)) shapes.set(shape, stack);
    }
    const planned = [...shapes.values()];
    expect(planned.length).toBeGreaterThan(1);
    for (const stack of planned) {
      const plan = offlinePlan(stack);
      expect(plan.creates).toEqual([]);
      expect(plan.other).toEqual([]);
      expect(plan.reads.length).toBeGreaterThan(0);
      for (const id of plan.reads) expect(importIds.has(id)).toBe(true);
    }
  });
});
