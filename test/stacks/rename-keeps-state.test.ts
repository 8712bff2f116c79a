import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLockFile, type LockFile } from '../../src/config/lock-file';
import { readManagedRecord } from '../../src/config/managed-record';
import { validateFile } from '../../src/pipeline';
import { DEFAULT_ORG, modelOf, PROJECT_DIR, synth, tempDir, validateYaml, type TerraformJson } from '../helpers';
import { testWithTerraform } from '../terraform';
import { planOverState, priorState } from '../terraform-prior-state';

// The new key sorts before every other prod account, so a CIDR allocated afresh would move.
// Given the default landing zone, synthesized once so that lz.lock.json holds its decisions,
// When an account with a VPC, Identity Center assignments and Transit Gateway routing is renamed
// with `formerKey`, Then every resource stays in the state it was in: no stack is added or
// dropped, and every address that changed has a `moved` block to an address that exists.
const ORIGINAL = readFileSync(DEFAULT_ORG, 'utf8');
const rename = (text: string) => text.replace('  payments-prod:\n', '  aa-payments-prod:\n    formerKey: payments-prod\n');

type Moved = { from: string; to: string };

/** The stacks that differ, each planned offline over the state its version before the rename left: nothing created, destroyed or replaced. */
function expectNothingCreatedOrDestroyed(a: Record<string, TerraformJson>, b: Record<string, TerraformJson>, expectedMoves: Record<string, number>, planned?: string[]): void {
  const changed = Object.keys(b).filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name])).sort();
  if (planned === undefined) expect(changed).toEqual(Object.keys(expectedMoves).sort());
  for (const name of planned ?? changed) {
    const plan = planOverState(b[name]!, priorState(a[name]!));
    expect([name, plan.errors]).toEqual([name, []]);
    expect([name, plan.actions.create ?? [], plan.actions.delete ?? [], plan.actions['replace'] ?? []]).toEqual([name, [], [], []]);
    expect([name, plan.moves.length]).toEqual([name, expectedMoves[name]]);
  }
}

function addresses(stack: TerraformJson): Set<string> {
  const out = new Set<string>();
  for (const [type, byName] of Object.entries((stack.resource ?? {}) as Record<string, Record<string, unknown>>))
    for (const name of Object.keys(byName)) out.add(`${type}.${name}`);
  return out;
}

/** Validates org.yaml text next to the record an earlier synth wrote, as the next run would. */
function validateNext(text: string, lock: LockFile) {
  const dir = tempDir('lz-rename-');
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(lock));
  writeFileSync(join(dir, 'org.yaml'), text);
  return validateFile(join(dir, 'org.yaml'), 'org.yaml');
}

/**
 * The record is set up so that payments-prod's VPC does not hold the lowest free block of its
 * pool (as after earlier removals): a VPC allocated afresh would get another CIDR, and be replaced.
 */
function renamedAgainstRecord(edit: (text: string) => string, base = ORIGINAL) {
  const first = modelOf(validateYaml(base));
  const allocations = first.lock.cidrAllocations as Record<string, string>;
  const before = modelOf(validateNext(base, { ...first.lock, cidrAllocations: { ...allocations, 'payments-prod/main': '10.0.240.0/20' } }));
  expect(before.network!.vpcs.find((v) => v.id === 'payments-prod/main')!.cidr).toBe('10.0.240.0/20');
  const after = modelOf(validateNext(edit(base), before.lock));
  return { before, after, a: synth(before).stacks, b: synth(after).stacks };
}

describe('renaming an account keeps every resource in its state', () => {
  const { after, a, b } = renamedAgainstRecord(rename);

  test('the renamed account keeps its stack id, and the record says so', () => {
    expect(after.stackIds['aa-payments-prod']).toBe('payments-prod');
    expect(readManagedRecord(after.lock).record!.accounts['aa-payments-prod']!.stack).toBe('payments-prod');
  });

  test('no stack is added or dropped', () => {
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const kind of ['account', 'access', 'network']) expect(b[`${kind}-payments-prod`]).toBeDefined();
  });

  test('every address that left a stack has a moved block to an address of that stack', () => {
    for (const name of Object.keys(a)) {
      const gone = [...addresses(a[name]!)].filter((x) => !addresses(b[name]!).has(x));
      const moved = (b[name]!.moved ?? []) as Moved[];
      for (const address of gone) {
        const m = moved.find((x) => x.from === address);
        expect([name, address, m !== undefined]).toEqual([name, address, true]);
        expect(addresses(b[name]!).has(m!.to)).toBe(true);
      }
    }
  });

  test('the account keeps its VPC CIDRs and subnets, so nothing in its network stack is replaced', () => {
    const vpcs = (s: TerraformJson) => Object.values(s.resource.aws_vpc as Record<string, { cidr_block: string }>).map((v) => v.cidr_block);
    const subnets = (s: TerraformJson) => Object.values(s.resource.aws_subnet as Record<string, { cidr_block: string }>).map((v) => v.cidr_block).sort();
    expect(vpcs(b['network-payments-prod']!)).toEqual(['10.0.240.0/20']);
    expect(vpcs(b['network-payments-prod']!)).toEqual(vpcs(a['network-payments-prod']!));
    expect(subnets(b['network-payments-prod']!)).toEqual(subnets(a['network-payments-prod']!));
  });

  test('the account, its assignments and its routing keep their addresses and arguments', () => {
    for (const name of ['account-payments-prod', 'access-payments-prod']) expect(b[name]!.resource).toEqual(a[name]!.resource);
    const routing = (s: TerraformJson) => Object.fromEntries(
      ['aws_ec2_transit_gateway_vpc_attachment_accepter', 'aws_ec2_transit_gateway_route_table_association', 'aws_ec2_transit_gateway_route_table_propagation']
        .map((type) => [type, Object.keys(s.resource[type] ?? {}).sort()]),
    );
    expect(routing(b['network-payments-prod']!)).toEqual(routing(a['network-payments-prod']!));
    expect(Object.keys(b['network-payments-prod']!.resource.aws_ec2_transit_gateway_route_table_association)).toEqual(['tgw_association_main']);
  });

  testWithTerraform('an offline plan of the changed stack over its state before the rename creates and destroys nothing', () => {
    expectNothingCreatedOrDestroyed(a, b, { 'network-payments-prod': 0 });
  });

  test('stacks that do not concern the account are byte-identical', () => {
    const touched = Object.keys(a).filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name])).sort();
    // Only the account's own network stack changes: its VPC's Name tags and the provider's session name carry the key.
    expect(touched).toEqual(['network-payments-prod']);
  });
});

describe('renaming an account that the Transit Gateway is shared with by name', () => {
  const shared = (text: string) => text.replace('  sharing:\n    organization: true\n', '  sharing:\n    organization: true\n    accounts: [payments-prod]\n');
  const { a, b } = renamedAgainstRecord((t) => rename(t).replace('accounts: [payments-prod]', 'accounts: [aa-payments-prod]'), shared(ORIGINAL));

  test('moves the share association in network-hub', () => {
    expect(b['network-hub']!.moved).toEqual([
      { from: 'aws_ram_principal_association.tgw_share__account_payments-prod', to: 'aws_ram_principal_association.tgw_share__account_aa-payments-prod' },
    ]);
    expect(a['network-hub']!.resource.aws_ram_principal_association['tgw_share__account_payments-prod']).toBeDefined();
    expect(b['network-hub']!.resource.aws_ram_principal_association['tgw_share__account_aa-payments-prod']).toBeDefined();
  });

  testWithTerraform('offline plans over the state before the rename: the share association moves, nothing is created or destroyed', () => {
    expectNothingCreatedOrDestroyed(a, b, { 'network-hub': 1, 'network-payments-prod': 0 });
  });

  testWithTerraform('the check can fail: without its moved block, the plan of network-hub destroys the association and creates it again', () => {
    const { moved: _, ...withoutMoved } = b['network-hub']!;
    const plan = planOverState(withoutMoved, priorState(a['network-hub']!));
    expect(plan.actions.create).toEqual(['aws_ram_principal_association.tgw_share__account_aa-payments-prod']);
    expect(plan.actions.delete).toEqual(['aws_ram_principal_association.tgw_share__account_payments-prod']);
  });
});

describe('renaming an OU', () => {
  const { a, b } = renamedAgainstRecord((t) => t.replace('  Workloads:\n', '  Apps:\n    formerKey: Workloads\n').replaceAll('Workloads/', 'Apps/'));

  test('keeps every stack, and only the organization stack changes addresses, each with a moved block', () => {
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) {
      const gone = [...addresses(a[name]!)].filter((x) => !addresses(b[name]!).has(x));
      if (name !== 'organization') expect([name, gone]).toEqual([name, []]);
      const moved = (b[name]!.moved ?? []) as Moved[];
      for (const address of gone) expect(moved.map((m) => m.from)).toContain(address);
    }
  });

  testWithTerraform('offline plans over the states before the rename: the organization stack moves the OU and its attachments, nothing is created or destroyed', () => {
    const moves = (b.organization!.moved ?? []) as Moved[];
    expect(moves.length).toBeGreaterThan(0);
    // The accounts in the OU read its id under the output's new name and move nothing; they are
    // alike, so one of them is planned.
    const accountsInOu = Object.keys(b).filter((name) => name.startsWith('account-') && JSON.stringify(a[name]) !== JSON.stringify(b[name])).sort();
    expect(accountsInOu).toEqual(['account-analytics-nonprod', 'account-analytics-prod', 'account-payments-nonprod', 'account-payments-prod']);
    expectNothingCreatedOrDestroyed(a, b, { organization: moves.length, 'account-payments-prod': 0 }, ['organization', 'account-payments-prod']);
  });
});
