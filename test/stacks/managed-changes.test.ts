import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLockFile } from '../../src/config/lock-file';
import { readManagedRecord, type ChangeConfirmations } from '../../src/config/managed-record';
import { validateFile } from '../../src/pipeline';
import { DEFAULT_ORG, modelOf, PROJECT_DIR, synth, tempDir } from '../helpers';

const ORIGINAL = readFileSync(DEFAULT_ORG, 'utf8');

/** The default org.yaml after `edit`, validated next to the record the default org.yaml's synth wrote, plus `record` changes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function validateEdited(edit: (text: string) => string, recordEdit: (r: Json) => void = () => undefined, confirmations?: ChangeConfirmations) {
  const dir = tempDir('lz-managed-');
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  const lock = modelOf(validateFile(DEFAULT_ORG, 'org.yaml')).lock as Json;
  recordEdit(lock.managed);
  writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(lock as never));
  writeFileSync(join(dir, 'org.yaml'), edit(ORIGINAL));
  return validateFile(join(dir, 'org.yaml'), 'org.yaml', confirmations);
}

/** Validates org.yaml text next to a given record, as the next run after a synth would. */
function validateNext(text: string, lock: unknown, confirmations?: ChangeConfirmations) {
  const dir = tempDir('lz-managed-next-');
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(lock as never));
  writeFileSync(join(dir, 'org.yaml'), text);
  return validateFile(join(dir, 'org.yaml'), 'org.yaml', confirmations);
}

const withoutSandbox = (text: string) => text.replace(/  sandbox-alice:\n(?:    .*\n)+/, '');

describe('the managed record', () => {
  test('lists member accounts with their emails and every OU path, sorted', () => {
    const { record } = readManagedRecord(modelOf(validateFile(DEFAULT_ORG, 'org.yaml')).lock);
    expect(Object.keys(record!.accounts)).toEqual([
      'analytics-nonprod', 'analytics-prod', 'log-archive', 'network', 'payments-nonprod', 'payments-prod', 'sandbox-alice', 'security-tooling', 'shared-services',
    ]);
    expect(record!.accounts['sandbox-alice']).toEqual({ email: 'aws+sandbox-alice@example.com', stack: 'sandbox-alice', stacks: ['access', 'network', 'baseline'] });
    expect(record!.managementStack).toBe('management');
    expect(record!.organizationalUnits).toEqual(['Infrastructure', 'Sandbox', 'Security', 'Suspended', 'Workloads', 'Workloads/NonProd', 'Workloads/Prod']);
  });

  test('carries a recorded id across a rename', () => {
    const result = validateEdited(
      (t) => t.replace('  sandbox-alice:\n', '  sandbox-alice-2:\n    formerKey: sandbox-alice\n'),
      (m) => { m.accounts['sandbox-alice'].id = '210987654321'; },
    );
    expect(readManagedRecord(modelOf(result).lock).record!.accounts['sandbox-alice-2']).toEqual({ email: 'aws+sandbox-alice@example.com', id: '210987654321', stack: 'sandbox-alice', stacks: ['access', 'network', 'baseline'] });
  });
});

describe('removing a recorded account', () => {
  test('without confirmation, validation fails with LZ0801 and there is no model', () => {
    const result = validateEdited(withoutSandbox);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LZ0801']);
  });

  test.each([
    ['an org.yaml entry', (t: string) => `${withoutSandbox(t)}\nremoved:\n  accounts:\n    sandbox-alice: { id: "210987654321", reason: handed over to Alice }\n`, undefined],
    ['--allow-removal', withoutSandbox, { allowRemovals: ['sandbox-alice'], acceptEmailChanges: [] }],
  ])('confirmed by %s, its own stack lets go of it through removed blocks with destroy = false', (_how, edit, confirmations) => {
    const model = modelOf(validateEdited(edit, (m) => { m.accounts['sandbox-alice'].id = '210987654321'; }, confirmations));
    const stacks = synth(model).stacks;
    const stack = stacks['account-sandbox-alice']!;

    expect(stack.resource).toBeUndefined();
    const removed = stack.removed as Array<{ from: string; lifecycle: { destroy: boolean } }>;
    expect(removed).toContainEqual({ from: 'aws_organizations_account.account', lifecycle: { destroy: false } });
    // The direct attachments of every policy, so leaving management never detaches a guardrail.
    expect(removed.filter((r) => r.from.startsWith('aws_organizations_policy_attachment.'))).toHaveLength(model.guardrails!.documents.length);
    expect(removed.every((r) => r.lifecycle.destroy === false)).toBe(true);
    // Its other stacks are no longer written: never applied again, they destroy nothing.
    expect(stacks['access-sandbox-alice']).toBeUndefined();
    expect(stacks['network-sandbox-alice']).toBeUndefined();
    expect(model.managedChanges!.removedAccounts).toEqual([expect.objectContaining({ key: 'sandbox-alice', id: '210987654321' })]);
    expect(readManagedRecord(model.lock).record!.accounts['sandbox-alice']).toBeUndefined();
  });
});

describe('removing a recorded OU', () => {
  // The OU, its account, and the network template that gives Sandbox accounts their VPC.
  const withoutSandboxOu = (t: string) =>
    withoutSandbox(t).replace(/  Sandbox:\n(?:    .*\n)+/, '').replace(/    sandbox:\n      ous: \[Sandbox\]\n(?:      .*\n)+/, '');

  test('without confirmation fails with LZ0802 (the account in it needs its own confirmation)', () => {
    const errors = validateEdited(withoutSandboxOu).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).sort();
    expect(errors).toEqual(['LZ0801', 'LZ0802']);
  });

  test('confirmed, the OU gets a removed block and no resource', () => {
    const model = modelOf(validateEdited(withoutSandboxOu, undefined, { allowRemovals: ['Sandbox', 'sandbox-alice'], acceptEmailChanges: [] }));
    const stack = synth(model).stacks.organization!;
    expect(stack.resource.aws_organizations_organizational_unit.ou_Sandbox).toBeUndefined();
    expect(stack.removed).toContainEqual({ from: 'aws_organizations_organizational_unit.ou_Sandbox', lifecycle: { destroy: false } });
  });

  test('a mistyped --allow-removal is an error, not ignored', () => {
    const result = validateEdited((t) => t, undefined, { allowRemovals: ['sandbox-alcie'], acceptEmailChanges: [] });
    expect(result.diagnostics.map((d) => d.message)).toEqual(['`--allow-removal sandbox-alcie` names no account key, OU path or attached policy (policies.<key>) recorded in lz.lock.json.']);
  });
});

describe('renames', () => {
  test('an account with formerKey stays in its stack, with its policy attachments, at the same addresses', () => {
    const withPolicy = (t: string) => t.replace('  sandbox-alice:\n    name: Example Sandbox Alice\n', '  sandbox-alice:\n    name: Example Sandbox Alice\n    policies: [deny-all]\n');
    const before = synth(modelOf(validateEdited(withPolicy))).stacks['account-sandbox-alice']!;
    const model = modelOf(validateEdited((t) => withPolicy(t).replace('  sandbox-alice:\n', '  alice-sandbox:\n    formerKey: sandbox-alice\n')));
    const stacks = synth(model).stacks;
    const stack = stacks['account-sandbox-alice']!;

    expect(stacks['account-alice-sandbox']).toBeUndefined();
    expect(Object.keys(stack.resource.aws_organizations_policy_attachment)).toEqual(['attach_deny-all']);
    expect(stack.resource).toEqual(before.resource);
    expect(stack.moved).toBeUndefined();
    expect(stack.removed).toBeUndefined();
  });

  test('an OU with formerKey moves together with its children and their attachments', () => {
    const model = modelOf(validateEdited((t) => t.replace('  Workloads:\n', '  Apps:\n    formerKey: Workloads\n').replaceAll('Workloads/', 'Apps/')));
    const stack = synth(model).stacks.organization!;
    const moved = (stack.moved as Array<{ from: string; to: string }>).map((m) => `${m.from} -> ${m.to}`).sort();
    expect(moved).toEqual([
      'aws_organizations_organizational_unit.ou_Workloads -> aws_organizations_organizational_unit.ou_Apps',
      'aws_organizations_organizational_unit.ou_Workloads_NonProd -> aws_organizations_organizational_unit.ou_Apps_NonProd',
      'aws_organizations_organizational_unit.ou_Workloads_Prod -> aws_organizations_organizational_unit.ou_Apps_Prod',
      'aws_organizations_policy_attachment.attach_ec2-workload-baseline__ou_Workloads -> aws_organizations_policy_attachment.attach_ec2-workload-baseline__ou_Apps',
      'aws_organizations_policy_attachment.attach_workload-guardrails__ou_Workloads -> aws_organizations_policy_attachment.attach_workload-guardrails__ou_Apps',
    ]);
    for (const m of stack.moved as Array<{ to: string }>) {
      const [type, name] = m.to.split('.');
      expect(stack.resource[type!][name!]).toBeDefined();
    }
  });
});

describe('email changes', () => {
  const changed = (t: string) => t.replace('aws+sandbox-alice@example.com', 'alice@example.com');

  test('are refused with LZ0803', () => {
    expect(validateEdited(changed).diagnostics.map((d) => d.code)).toEqual(['LZ0803']);
  });

  test('are accepted with --accept-email-change once changed in AWS, and the record takes the new email', () => {
    const model = modelOf(validateEdited(changed, undefined, { allowRemovals: [], acceptEmailChanges: ['sandbox-alice'] }));
    expect(readManagedRecord(model.lock).record!.accounts['sandbox-alice']!.email).toBe('alice@example.com');
  });
});

describe('decisions outlive the run that made them', () => {
  test('a removal confirmed once keeps its removed block on later runs without the flag, until the key is declared again', () => {
    const first = modelOf(validateEdited(withoutSandbox, undefined, { allowRemovals: ['sandbox-alice'], acceptEmailChanges: [] }));
    expect(readManagedRecord(first.lock).record!.released).toEqual({ accounts: { 'sandbox-alice': { stack: 'sandbox-alice' } }, organizationalUnits: [] });

    const second = modelOf(validateNext(withoutSandbox(ORIGINAL), first.lock));
    expect(synth(second).stacks['account-sandbox-alice']!.removed).toContainEqual({ from: 'aws_organizations_account.account', lifecycle: { destroy: false } });

    // Declared again, the account (created by lz, so the record has no id for it) must be given its id
    expect(validateNext(ORIGINAL, second.lock).diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'LZ0811 The account `sandbox-alice` was released earlier (lz.lock.json) and still exists in AWS; declared without its id, the plan would create it a second time.',
    ]);
    const readded = modelOf(validateNext(ORIGINAL.replace('    email: aws+sandbox-alice@example.com\n', '    email: aws+sandbox-alice@example.com\n    id: "210987654321"\n'), second.lock));
    expect(readded.managedChanges!.removedAccounts).toEqual([]);
    expect(readManagedRecord(readded.lock).record!.released).toBeUndefined();
    // Back in its own stacks: the released account's stack id, kept in the record, is given again.
    expect(readManagedRecord(readded.lock).record!.accounts['sandbox-alice']).toEqual({ email: 'aws+sandbox-alice@example.com', id: '210987654321', stack: 'sandbox-alice', stacks: ['access', 'network', 'baseline'] });
  });

  test('a renamed account keeps its stacks after formerKey is dropped, and through a second rename', () => {
    const renamed = (t: string) => t.replace('  sandbox-alice:\n', '  alice:\n');
    const first = modelOf(validateEdited((t) => renamed(t).replace('  alice:\n', '  alice:\n    formerKey: sandbox-alice\n')));
    expect(readManagedRecord(first.lock).record!.renamed!.accounts).toEqual([{ from: 'sandbox-alice', to: 'alice' }]);
    expect(first.stackIds.alice).toBe('sandbox-alice');

    const second = modelOf(validateNext(renamed(ORIGINAL), first.lock));
    expect(second.stackIds.alice).toBe('sandbox-alice');
    const names = (model: typeof second) => Object.keys(synth(model).stacks).filter((n) => n.includes('alice')).sort();
    expect(names(second)).toEqual(['access-sandbox-alice', 'account-sandbox-alice', 'baseline-sandbox-alice', 'network-sandbox-alice']);

    const third = modelOf(validateNext(ORIGINAL.replace('  sandbox-alice:\n', '  alice-2:\n    formerKey: alice\n'), second.lock));
    expect(third.stackIds['alice-2']).toBe('sandbox-alice');
    expect(names(third)).toEqual(['access-sandbox-alice', 'account-sandbox-alice', 'baseline-sandbox-alice', 'network-sandbox-alice']);
  });

  test('a new account whose key another account gave up gets stacks of its own, never the other account\'s state', () => {
    const first = modelOf(validateEdited((t) => t.replace('  sandbox-alice:\n', '  alice:\n    formerKey: sandbox-alice\n')));
    const reused = ORIGINAL.replace('  sandbox-alice:\n', '  alice:\n').replace('accounts:\n', 'accounts:\n  sandbox-alice:\n    name: New Sandbox\n    email: aws+new-sandbox@example.com\n    ou: Sandbox\n');
    const next = modelOf(validateNext(reused, first.lock));
    expect(next.stackIds.alice).toBe('sandbox-alice');
    expect(next.stackIds['sandbox-alice']).toBe('sandbox-alice-2');
  });

  test('a recorded rename is dropped once its former key is in use again', () => {
    const first = modelOf(validateEdited((t) => t.replace('  sandbox-alice:\n', '  alice:\n    formerKey: sandbox-alice\n')));
    const reused = ORIGINAL.replace('  sandbox-alice:\n', '  alice:\n').replace('accounts:\n', 'accounts:\n  sandbox-alice:\n    name: New Sandbox\n    email: aws+new-sandbox@example.com\n    ou: Sandbox\n');
    const next = modelOf(validateNext(reused, first.lock));
    expect(next.managedChanges!.renamedAccounts).toEqual([]);
  });
});
