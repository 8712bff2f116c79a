import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { LockFile } from '../../../src/config/lock-file';
import { block, overlaps } from '../../../src/model/network/cidr';
import type { LandingZoneModel } from '../../../src/model/types';
import { DEFAULT_ORG } from '../../helpers';
import { modelWithLock } from '../../network-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const defaultDoc = (): Doc => parse(readFileSync(DEFAULT_ORG, 'utf8'));

/**
 * Validates with the CIDR sections of a record. The record's `managed` section is left out: these
 * tests remove accounts to exercise allocation, and that record would (rightly) demand a
 * confirmation for each removal, which test/stacks/managed-changes.test.ts covers.
 */
const validate = (doc: Doc, lock?: LockFile): LandingZoneModel => {
  const { managed: _managed, ...allocations } = lock ?? { version: 1 };
  return modelWithLock(stringify(doc), allocations as LockFile);
};

const cidrs = (model: LandingZoneModel) => Object.fromEntries(model.network!.vpcs.map((v) => [v.id, v.cidr]));
const subnets = (model: LandingZoneModel) => model.lock.subnetAllocations as Record<string, string>;

function addProdAccount(doc: Doc, key: string): Doc {
  doc.accounts[key] = { name: `Example ${key}`, email: `aws+${key}@example.com`, ou: 'Workloads/Prod' };
  return doc;
}

function expectNoOverlap(model: LandingZoneModel) {
  const blocks = model.network!.vpcs.map((v) => block(v.cidr));
  for (let i = 0; i < blocks.length; i += 1) for (let j = i + 1; j < blocks.length; j += 1) expect(overlaps(blocks[i]!, blocks[j]!)).toBe(false);
}

describe('CIDR allocation without a record', () => {
  test('is deterministic: the default org.yaml always gets the same CIDRs, lowest free block first, in VPC id order', () => {
    expect(cidrs(validate(defaultDoc()))).toEqual({
      'analytics-nonprod/main': '10.16.0.0/21',
      'analytics-prod/main': '10.0.0.0/20',
      'network/egress': '10.32.0.0/22',
      'payments-nonprod/main': '10.16.8.0/21',
      'payments-prod/main': '10.0.16.0/20',
      'sandbox-alice/main': '10.48.0.0/22',
      'shared-services/main': '10.32.16.0/20',
    });
  });

  test('does not depend on the order of accounts in org.yaml', () => {
    const doc = defaultDoc();
    doc.accounts = Object.fromEntries(Object.entries(doc.accounts).reverse());
    expect(cidrs(validate(doc))).toEqual(cidrs(validate(defaultDoc())));
  });

  test('would move an existing VPC when an account sorting first is added: this is what the record prevents', () => {
    const before = cidrs(validate(defaultDoc()));
    const after = cidrs(validate(addProdAccount(defaultDoc(), 'aaa-prod')));
    expect(after['aaa-prod/main']).toBe('10.0.0.0/20');
    expect(after['analytics-prod/main']).not.toBe(before['analytics-prod/main']);
  });

  test('lays out subnets largest first, one per tier per zone, inside the VPC', () => {
    const vpc = validate(defaultDoc()).network!.vpcs.find((v) => v.id === 'payments-prod/main')!;
    expect(vpc.tiers.map((t) => [t.key, t.subnets.map((s) => s.cidr)])).toEqual([
      ['app', ['10.0.16.0/23', '10.0.18.0/23', '10.0.20.0/23']],
      ['attachment', ['10.0.25.0/28', '10.0.25.16/28', '10.0.25.32/28']],
      ['data', ['10.0.22.0/24', '10.0.23.0/24', '10.0.24.0/24']],
    ]);
  });
});

describe('CIDR allocation with the record (lz.lock.json)', () => {
  const first = validate(defaultDoc());
  const record = first.lock;

  test('records every VPC and subnet CIDR in the lock sections', () => {
    expect(record.cidrAllocations).toEqual(cidrs(first));
    expect(Object.keys(subnets(first))).toContain('payments-prod/main/attachment/2');
  });

  test('adding an account that sorts first keeps every existing CIDR and gives the new VPC free space', () => {
    const after = validate(addProdAccount(defaultDoc(), 'aaa-prod'), record);
    const before = cidrs(first);
    for (const [id, cidr] of Object.entries(before)) expect([id, cidrs(after)[id]]).toEqual([id, cidr]);
    expect(cidrs(after)['aaa-prod/main']).toBe('10.0.32.0/20');
    expect(Object.entries(subnets(first)).every(([k, v]) => subnets(after)[k] === v)).toBe(true);
  });

  test('removing an account keeps every other CIDR and drops the removed one from the record', () => {
    const doc = defaultDoc();
    delete doc.accounts['analytics-prod'];
    const after = validate(doc, record);
    expect(cidrs(after)['payments-prod/main']).toBe(cidrs(first)['payments-prod/main']);
    expect(after.lock.cidrAllocations).not.toHaveProperty('analytics-prod/main');
  });

  test('a freed block is reused by the next new VPC, never by an existing one', () => {
    const doc = defaultDoc();
    delete doc.accounts['analytics-prod'];
    const removed = validate(doc, record);
    const readded = validate(addProdAccount(doc, 'zzz-prod'), removed.lock);
    expect(cidrs(readded)['zzz-prod/main']).toBe('10.0.0.0/20');
    expect(cidrs(readded)['payments-prod/main']).toBe('10.0.16.0/20');
  });

  test('a recorded CIDR that no longer matches the requested size is allocated anew', () => {
    const doc = defaultDoc();
    doc.network.templates['sandbox'].vpcs.main.prefixLength = 21;
    const after = validate(doc, record);
    expect(block(cidrs(after)['sandbox-alice/main']!).prefixLength).toBe(21);
    expect(cidrs(after)['payments-prod/main']).toBe(cidrs(first)['payments-prod/main']);
  });

  test('adding a subnet tier keeps the existing subnets where they are', () => {
    const doc = defaultDoc();
    doc.network.templates['prod-workload'].vpcs.main.subnets.web = { prefixLength: 24 };
    const after = validate(doc, record);
    for (const [key, cidr] of Object.entries(subnets(first))) expect([key, subnets(after)[key]]).toEqual([key, cidr]);
    expect(subnets(after)['payments-prod/main/web/0']).toBe('10.0.26.0/24');
  });

  test('property: any sequence of adding and removing prod accounts never moves an existing CIDR, and CIDRs never overlap', () => {
    const keys = ['a-prod', 'b-prod', 'c-prod', 'd-prod', 'e-prod', 'f-prod'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), fc.boolean()), { minLength: 1, maxLength: 6 }), (steps) => {
        const doc = defaultDoc();
        let lock = record;
        let previous = cidrs(first);
        for (const [key, add] of steps) {
          if (add) addProdAccount(doc, key);
          else delete doc.accounts[key];
          const model = validate(doc, lock);
          const now = cidrs(model);
          for (const [id, cidr] of Object.entries(previous)) if (id in now) expect([id, now[id]]).toEqual([id, cidr]);
          expectNoOverlap(model);
          previous = now;
          lock = model.lock;
        }
      }),
      { seed: 20261203, numRuns: 15 },
    );
  });
});
