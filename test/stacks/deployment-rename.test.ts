import { readFileSync } from 'node:fs';
import { DEFAULT_ORG, synth } from '../helpers';
import { modelWithLock } from '../network-helpers';
import { withDeployment } from './deployment-app';

/**
 * Given the default landing zone on the cloud backend, synthesized once so that lz.lock.json holds
 * its stack ids, when an account with a VPC and assignments is renamed with `formerKey`, then its
 * workspaces, run roles and their policies keep their names and addresses: every bootstrap stack
 * is byte-identical, and its account stack's policies are the same.
 */
describe('renaming an account on the cloud backend', () => {
  const original = withDeployment(readFileSync(DEFAULT_ORG, 'utf8'), '  backend: cloud\n  cloud:\n    organization: acme\n');
  const before = modelWithLock(original);
  const after = modelWithLock(original.replace('  payments-prod:\n', '  aa-payments-prod:\n    formerKey: payments-prod\n'), before.lock);
  const a = synth(before).stacks;
  const b = synth(after).stacks;

  test('no stack is added or dropped', () => {
    expect(after.stackIds['aa-payments-prod']).toBe('payments-prod');
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  });

  test('the bootstrap stacks, the renamed account\'s included, are byte-identical', () => {
    const bootstraps = Object.keys(a).filter((n) => n === 'workspaces' || n.startsWith('bootstrap-'));
    expect(bootstraps).toContain('bootstrap-payments-prod');
    for (const name of bootstraps) expect([name, JSON.stringify(b[name])]).toEqual([name, JSON.stringify(a[name])]);
  });

  test('the run-role policies of its stacks stay in its account stack, unchanged', () => {
    const policies = (stacks: typeof a) => stacks['account-payments-prod']!.resource.aws_iam_role_policy;
    expect(Object.keys(policies(b))).toEqual(['run_role_baseline-payments-prod', 'run_role_network-payments-prod']);
    expect(policies(b)).toEqual(policies(a));
  });
});
