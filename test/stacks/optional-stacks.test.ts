import { readFileSync } from 'node:fs';
import { readManagedRecord } from '../../src/config/managed-record';
import { DEFAULT_ORG, synth } from '../helpers';
import { modelWithLock } from '../network-helpers';

// Given the default landing zone synthesized once, When an account loses its last assignment or
// its last VPC, Then its access-<id> or network-<id> stack is still written, empty, so that its
// next apply removes them. A stack that is no longer written is never planned again: the
// assignment would keep granting access, and the VPC's routes would keep its path open.
const ORIGINAL = readFileSync(DEFAULT_ORG, 'utf8');
const before = modelWithLock(ORIGINAL);

test('the record lists the optional stacks written for each account', () => {
  const record = readManagedRecord(before.lock).record!;
  expect(record.accounts['sandbox-alice']!.stacks).toEqual(['access', 'network', 'baseline']);
  expect(record.accounts['log-archive']!.stacks).toEqual(['access', 'baseline']);
  expect(record.managementStacks).toEqual(['access', 'baseline']);
});

test('an account that loses its VPC keeps an empty network stack, which plans the removal of the VPC and its routing', () => {
  // Sandbox accounts get their VPC from the sandbox template; moving sandbox-alice to Suspended takes it away.
  const after = modelWithLock(ORIGINAL.replace('    email: aws+sandbox-alice@example.com\n    ou: Sandbox', '    email: aws+sandbox-alice@example.com\n    ou: Suspended'), before.lock);
  expect(after.network!.vpcs.some((v) => v.accountKey === 'sandbox-alice')).toBe(false);
  const stack = synth(after).stacks['network-sandbox-alice']!;
  expect(stack).toBeDefined();
  expect(stack.resource).toBeUndefined();
  expect(stack.provider.aws).toHaveLength(2);
  expect(readManagedRecord(after.lock).record!.accounts['sandbox-alice']!.stacks).toEqual(['access', 'network', 'baseline']);
});

test('an account that loses its last assignment keeps an empty access stack', () => {
  // Auditors reach every account from Root; without that assignment the log archive has none left.
  const text = ORIGINAL.replace('    - group: auditors\n      permissionSets: [ReadOnly, SecurityAudit]\n      ous: [Root]\n', '')
    .replace('      ous: [Infrastructure, Security]\n', '      ous: [Infrastructure]\n');
  const after = modelWithLock(text, before.lock);
  expect(after.identityCenter!.assignments.some((a) => a.accountKey === 'log-archive')).toBe(false);
  const stack = synth(after).stacks['access-log-archive']!;
  expect(stack).toBeDefined();
  expect(stack.resource).toBeUndefined();
});
