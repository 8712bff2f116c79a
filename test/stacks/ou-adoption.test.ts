import { join } from 'node:path';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf, synth, type TerraformJson } from '../helpers';
import { offlinePlan, testWithTerraform } from '../terraform';

const OU = 'aws_organizations_organizational_unit';

/** The stack that holds the OUs, wherever the layout puts them. */
function stackWithOus(stacks: Record<string, TerraformJson>): TerraformJson {
  const holding = Object.values(stacks).filter((s) => s.resource?.[OU] !== undefined);
  expect(holding).toHaveLength(1);
  return holding[0]!;
}

describe('an organization with its own OUs (Control Tower, Landing Zone Accelerator) is adopted', () => {
  // Given an adopted organization whose OUs carry their ids, and one new OU under an adopted one
  const { stacks } = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'adopted-ous.yaml'))));
  const stack = stackWithOus(stacks);
  const imports = Object.values(stacks).flatMap((s) => (s.import ?? []) as Array<{ to: string; id: string }>);

  test('every adopted OU is imported by its id, and only those', () => {
    expect(imports.filter((i) => i.to.startsWith(`${OU}.`))).toEqual([
      { to: `${OU}.ou_Security`, id: 'ou-ab12-securit1' },
      { to: `${OU}.ou_Workloads`, id: 'ou-ab12-workload' },
      { to: `${OU}.ou_Workloads_Prod`, id: 'ou-ab12-prod0001' },
    ]);
  });

  test('adopted OUs keep prevent_destroy, and children, accounts and attachments use the literal id', () => {
    expect(stack.resource[OU].ou_Workloads_Prod).toMatchObject({ name: 'Prod', parent_id: 'ou-ab12-workload', lifecycle: { prevent_destroy: true } });
    expect(stack.resource[OU].ou_Workloads_NonProd.parent_id).toBe('ou-ab12-workload');
    expect(stack.resource[OU].ou_Workloads.parent_id).toBe('${aws_organizations_organization.organization.roots[0].id}');
    // Each account in its own stack, addressed `account` there.
    const accounts = Object.entries(stacks).flatMap(([stackName, s]) => Object.values((s.resource?.aws_organizations_account ?? {}) as Record<string, TerraformJson>).map((a) => [stackName, a] as const));
    expect(Object.fromEntries(accounts.map(([stackName, a]) => [stackName, a.parent_id]))).toEqual({ 'account-app-prod': 'ou-ab12-prod0001', 'account-audit': 'ou-ab12-securit1' });
    const attachments = Object.values(stacks).flatMap((s) => Object.entries((s.resource?.aws_organizations_policy_attachment ?? {}) as Record<string, TerraformJson>));
    expect(Object.fromEntries(attachments.map(([name, a]) => [name, a.target_id]))).toEqual({ 'attach_deny-leave__ou_Workloads': 'ou-ab12-workload' });
  });

  testWithTerraform('an offline plan imports the adopted OUs and creates only the new one', () => {
    const plan = offlinePlan(stack);
    expect(plan.creates).toEqual([`${OU}.ou_Workloads_NonProd`]);
    expect(plan.other).toEqual([]);
    // The reads that ran are imports by the ids of org.yaml (those under the organization wait for its read, which fails offline).
    expect(plan.reads.length).toBeGreaterThan(0);
    for (const id of plan.reads) expect(imports.map((i) => i.id)).toContain(id);
    expect(plan.reads).toContain('ou-ab12-prod0001');
    expect(plan.errors.every((e) => /no such host|request send failed|dial tcp/.test(e))).toBe(true);
  });
});
