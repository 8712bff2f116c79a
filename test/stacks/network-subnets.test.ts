import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { LockFile } from '../../src/config/lock-file';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf, resources, synth, type TerraformJson } from '../helpers';
import { auditOf, control, unitLines } from '../model/audit/audit-helpers';
import { modelWithLock } from '../network-helpers';
import { testWithTerraform } from '../terraform';
import { planOverState, priorState } from '../terraform-prior-state';

const FIXTURE = join(FIXTURES, 'valid', 'network-subnets.yaml');
const model = modelOf(validateFile(FIXTURE, 'org.yaml'));
const out = synth(model);
const shared = out.stacks['network-network']!;
const spoke = out.stacks['network-app-prod']!;
const body = (stack: TerraformJson, type: string, name: string) => {
  const { '//': _metadata, ...rest } = resources(stack, type)[name]!;
  return rest;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const fixtureDoc = (): Doc => parse(readFileSync(FIXTURE, 'utf8'));
const subnetLock = (lock: LockFile) => lock.subnetAllocations as Record<string, string>;

describe('explicit subnet CIDRs (test/fixtures/valid/network-subnets.yaml)', () => {
  test('explicit subnets keep their CIDRs, one in a secondary CIDR after its association', () => {
    expect(body(shared, 'aws_subnet', 'subnet_shared__public__az1').cidr_block).toBe('10.100.1.0/24');
    expect(body(shared, 'aws_subnet', 'subnet_shared__app__az0')).toMatchObject({
      cidr_block: '100.64.0.0/24',
      depends_on: ['aws_vpc_ipv4_cidr_block_association.vpc_shared__cidr_100-64-0-0_22'],
    });
    expect(body(shared, 'aws_subnet', 'subnet_shared__public__az0').depends_on).toBeUndefined();
  });

  test('allocated tiers are placed around the explicit ones and the record holds both', () => {
    expect(subnetLock(model.lock)).toMatchObject({
      'network/shared/public/0': '10.100.0.0/24',
      'network/shared/public/1': '10.100.1.0/24',
      'network/shared/data/0': '10.100.2.0/24',
      'network/shared/data/1': '10.100.3.0/24',
      'network/shared/attachment/0': '10.100.4.0/28',
    });
  });

  test('turning a tier explicit at its recorded CIDRs moves nothing, and the other tiers keep their record', () => {
    const doc = fixtureDoc();
    const before = modelWithLock(stringify(doc));
    const tier = doc.network.accounts.network.vpcs.shared.subnets.data;
    delete tier.prefixLength;
    tier.cidrs = { az1: '10.100.3.0/24', az0: '10.100.2.0/24' };
    // A tier added after the record exists lands in free space, not over a recorded subnet.
    doc.network.accounts.network.vpcs.shared.subnets.extra = { prefixLength: 26 };
    const after = modelWithLock(stringify(doc), { version: 1, cidrAllocations: before.lock.cidrAllocations, subnetAllocations: before.lock.subnetAllocations } as LockFile);
    const recorded = subnetLock(before.lock);
    for (const [key, cidr] of Object.entries(recorded)) expect(subnetLock(after.lock)[key]).toBe(cidr);
    expect(subnetLock(after.lock)['network/shared/extra/0']).toBe('10.100.4.64/26');
  });
});

test('reordering zones in cidrs and the tiers of a VPC gives the same stacks and record', () => {
  const doc = fixtureDoc();
  const vpc = doc.network.accounts.network.vpcs.shared;
  vpc.subnets = Object.fromEntries(Object.entries(vpc.subnets as Record<string, Doc>).reverse());
  vpc.subnets.public.cidrs = { az1: '10.100.1.0/24', az0: '10.100.0.0/24' };
  const again = modelWithLock(stringify(doc));
  expect(synth(again).stacks['network-network']!.resource).toEqual(shared.resource);
  expect(again.lock.subnetAllocations).toEqual(model.lock.subnetAllocations);
});

describe('route tables per availability zone', () => {
  test('a transit-gateway tier with routeTablePerAz gets one table and one default route per zone', () => {
    expect(Object.keys(resources(spoke, 'aws_route_table')).sort()).toEqual(['route_table_main__app__az0', 'route_table_main__app__az1', 'route_table_main__attachment']);
    expect(body(spoke, 'aws_route_table_association', 'route_table_association_main__app__az1').route_table_id).toBe('${aws_route_table.route_table_main__app__az1.id}');
    expect(body(spoke, 'aws_route', 'route_main__app__az1__0-0-0-0_0')).toMatchObject({ destination_cidr_block: '0.0.0.0/0', route_table_id: '${aws_route_table.route_table_main__app__az1.id}' });
  });

  test('the shared table and its routes move to the az0 addresses', () => {
    expect(spoke.moved).toEqual([
      { from: 'aws_route_table.route_table_main__app', to: 'aws_route_table.route_table_main__app__az0' },
      { from: 'aws_route.route_main__app__0-0-0-0_0', to: 'aws_route.route_main__app__az0__0-0-0-0_0' },
    ]);
  });

  test('the record holds every tier with tables per zone, nat tiers included', () => {
    expect(model.lock.routeTablesPerZone).toEqual(expect.arrayContaining(['app-prod/main/app']));
    const natTiers = model.network!.vpcs.flatMap((v) => v.tiers.filter((t) => t.defaultRoute === 'nat').map((t) => `${v.id}/${t.key}`));
    expect(model.lock.routeTablesPerZone).toEqual([...new Set(['app-prod/main/app', ...natTiers])].sort());
  });

  describe('a tier with one table that becomes a nat tier', () => {
    const doc = fixtureDoc();
    doc.network.accounts.network.vpcs.shared.subnets.data.defaultRoute = 'nat';
    const after = modelWithLock(stringify(doc), model.lock);
    const sharedAfter = synth(after).stacks['network-network']!;

    test('its table becomes the az0 table; a nat tier from the start has blocks that name nothing', () => {
      expect(sharedAfter.moved).toEqual(expect.arrayContaining([
        { from: 'aws_route_table.route_table_shared__data', to: 'aws_route_table.route_table_shared__data__az0' },
        { from: 'aws_route.route_shared__data__0-0-0-0_0', to: 'aws_route.route_shared__data__az0__0-0-0-0_0' },
      ]));
      expect(shared.moved).toEqual(expect.arrayContaining([{ from: 'aws_route_table.route_table_shared__app', to: 'aws_route_table.route_table_shared__app__az0' }]));
      expect(after.lock.routeTablesPerZone).toContain('network/shared/data');
    });

    testWithTerraform('an offline plan over the state of the shared table keeps it as the az0 table and destroys nothing', () => {
      const plan = planOverState(sharedAfter, priorState(shared));
      expect(plan.errors).toEqual([]);
      expect([plan.actions.delete ?? [], plan.actions.replace ?? []]).toEqual([[], []]);
      expect(plan.moves).toContain('aws_route_table.route_table_shared__data -> aws_route_table.route_table_shared__data__az0');
      expect((plan.actions.create ?? []).filter((a) => a.startsWith('aws_route_table.'))).toEqual(['aws_route_table.route_table_shared__data__az1']);
    });
  });

  describe('turning routeTablePerAz off again', () => {
    const off = (text: string) => text.replace('app: { prefixLength: 24, defaultRoute: transit-gateway, routeTablePerAz: true }', 'app: { prefixLength: 24, defaultRoute: transit-gateway }');
    const text = readFileSync(FIXTURE, 'utf8');
    const after = modelWithLock(off(text), model.lock);
    const spokeAfter = synth(after).stacks['network-app-prod']!;

    test('the az0 table and its routes become the shared ones, and the other zones\' tables go', () => {
      expect(off(text)).not.toBe(text);
      expect(spokeAfter.moved).toEqual([
        { from: 'aws_route_table.route_table_main__app__az0', to: 'aws_route_table.route_table_main__app' },
        { from: 'aws_route.route_main__app__az0__0-0-0-0_0', to: 'aws_route.route_main__app__0-0-0-0_0' },
      ]);
      expect(Object.keys(resources(spokeAfter, 'aws_route_table')).sort()).toEqual(['route_table_main__app', 'route_table_main__attachment']);
      expect(body(spokeAfter, 'aws_route_table_association', 'route_table_association_main__app__az1').route_table_id).toBe('${aws_route_table.route_table_main__app.id}');
    });

    test('the record keeps the tier, so the blocks stay until the change is applied, under a renamed account too', () => {
      expect(after.lock.routeTablesPerZone).toEqual(model.lock.routeTablesPerZone);
      const again = modelWithLock(off(text), after.lock);
      expect(synth(again).stacks['network-app-prod']!.moved).toEqual(spokeAfter.moved);
      const renamed = modelWithLock(off(text).replace('  app-prod:\n', '  app-production:\n    formerKey: app-prod\n'), after.lock);
      expect(renamed.network!.vpcs.find((v) => v.id === 'app-production/main')!.tiers.find((t) => t.key === 'app')!.formerRouteTablePerZone).toBe(true);
      expect(renamed.lock.routeTablesPerZone).toContain('app-production/main/app');
    });

    test('without the record (a tier that never had tables per zone) no block is written', () => {
      const fresh = modelWithLock(off(text));
      expect(synth(fresh).stacks['network-app-prod']!.moved).toBeUndefined();
      expect(fresh.lock.routeTablesPerZone).not.toContain('app-prod/main/app');
    });

    testWithTerraform('an offline plan over the state of the tables per zone destroys the az1 table and its route, and creates nothing', () => {
      const plan = planOverState(spokeAfter, priorState(spoke));
      expect(plan.errors).toEqual([]);
      expect(plan.actions.create ?? []).toEqual([]);
      expect(plan.actions.replace ?? []).toEqual([]);
      expect((plan.actions.delete ?? []).sort()).toEqual(['aws_route.route_main__app__az1__0-0-0-0_0', 'aws_route_table.route_table_main__app__az1']);
      expect(plan.moves.sort()).toEqual([
        'aws_route.route_main__app__az0__0-0-0-0_0 -> aws_route.route_main__app__0-0-0-0_0',
        'aws_route_table.route_table_main__app__az0 -> aws_route_table.route_table_main__app',
      ]);
    });
  });
});

describe('network ACLs per tier', () => {
  test('each tier with a networkAcl gets one, associated with its subnets', () => {
    expect(Object.keys(resources(shared, 'aws_network_acl')).sort()).toEqual(['network_acl_shared__app', 'network_acl_shared__attachment', 'network_acl_shared__data', 'network_acl_shared__public']);
    expect(body(shared, 'aws_network_acl', 'network_acl_shared__data').subnet_ids).toEqual(['${aws_subnet.subnet_shared__data__az0.id}', '${aws_subnet.subnet_shared__data__az1.id}']);
    expect(resources(spoke, 'aws_network_acl')).toEqual({});
  });

  test('rules are addressed by direction and number, with protocol numbers, ports and ICMP fields', () => {
    expect(body(shared, 'aws_network_acl_rule', 'network_acl_shared__data__ingress_100')).toEqual({
      network_acl_id: '${aws_network_acl.network_acl_shared__data.id}',
      egress: false,
      rule_number: 100,
      rule_action: 'allow',
      protocol: '6',
      cidr_block: '10.100.0.0/20',
      from_port: 5432,
      to_port: 5432,
    });
    expect(body(shared, 'aws_network_acl_rule', 'network_acl_shared__app__ingress_310')).toMatchObject({ protocol: '1', rule_action: 'deny', icmp_type: 8, icmp_code: 0 });
    expect(body(shared, 'aws_network_acl_rule', 'network_acl_shared__app__ingress_300')).toMatchObject({ protocol: '58', ipv6_cidr_block: '::/0', icmp_type: -1, icmp_code: -1 });
    expect(body(shared, 'aws_network_acl_rule', 'network_acl_shared__app__egress_110')).toMatchObject({ egress: true, protocol: '-1', ipv6_cidr_block: '::/0' });
    expect(body(shared, 'aws_network_acl_rule', 'network_acl_shared__app__egress_110').from_port).toBeUndefined();
  });

  test('reordering the rules in org.yaml gives the same stack', () => {
    const doc = fixtureDoc();
    const acl = doc.network.accounts.network.vpcs.shared.subnets.app.networkAcl;
    acl.ingress.reverse();
    acl.egress.reverse();
    const again = synth(modelWithLock(stringify(doc))).stacks['network-network']!;
    expect(again.resource).toEqual(shared.resource);
  });

  test('every tier has its own ACL, so the default ACL is taken over with no rules, after the subnets left it', () => {
    expect(body(shared, 'aws_default_network_acl', 'default_network_acl_shared')).toMatchObject({
      default_network_acl_id: '${aws_vpc.vpc_shared.default_network_acl_id}',
      depends_on: expect.arrayContaining(['aws_network_acl.network_acl_shared__public']),
    });
    expect(body(shared, 'aws_default_network_acl', 'default_network_acl_shared').ingress).toBeUndefined();
    expect(body(shared, 'aws_default_network_acl', 'default_network_acl_shared').egress).toBeUndefined();
  });

  test('a VPC with a tier on the default ACL leaves the default ACL alone', () => {
    const doc = fixtureDoc();
    delete doc.network.accounts.network.vpcs.shared.subnets.data.networkAcl;
    expect(resources(synth(modelWithLock(stringify(doc))).stacks['network-network']!, 'aws_default_network_acl')).toEqual({});
  });

  test('lz audit: EC2.21 is satisfied for the VPC whose ACLs org.yaml declares, not for the one left on the AWS default', () => {
    expect(unitLines(control(auditOf(out.stacks), 'EC2.21'))).toEqual(['not-satisfied: network-app-prod: aws_vpc.vpc_main', 'satisfied: network-network: aws_vpc.vpc_shared']);
  });

  test('lz audit: an ACL allowing 3389 from anywhere fails EC2.21 even below a deny', () => {
    const doc = fixtureDoc();
    doc.network.accounts.network.vpcs.shared.subnets.public.networkAcl.ingress.push({ rule: 200, action: 'allow', protocol: 'tcp', cidr: '0.0.0.0/0', fromPort: 3000, toPort: 4000 });
    doc.network.accounts.network.vpcs.shared.subnets.public.networkAcl.ingress.push({ rule: 50, action: 'deny', protocol: 'tcp', cidr: '0.0.0.0/0', fromPort: 3389 });
    const report = auditOf(synth(modelWithLock(stringify(doc))).stacks);
    expect(unitLines(control(report, 'EC2.21'))).toContain('not-satisfied: network-network: aws_vpc.vpc_shared');
  });
});

describe('IPv6', () => {
  test('the VPC asks for an Amazon-provided /56; IPv6 tiers get a /64 by their pinned index', () => {
    expect(body(shared, 'aws_vpc', 'vpc_shared').assign_generated_ipv6_cidr_block).toBe(true);
    expect(body(shared, 'aws_subnet', 'subnet_shared__public__az1')).toMatchObject({ ipv6_cidr_block: '${cidrsubnet(aws_vpc.vpc_shared.ipv6_cidr_block, 8, 3)}', assign_ipv6_address_on_creation: false });
    expect(body(shared, 'aws_subnet', 'subnet_shared__app__az0')).toMatchObject({ ipv6_cidr_block: '${cidrsubnet(aws_vpc.vpc_shared.ipv6_cidr_block, 8, 0)}', assign_ipv6_address_on_creation: true });
    expect(body(shared, 'aws_subnet', 'subnet_shared__data__az0').ipv6_cidr_block).toBeUndefined();
    expect(model.lock.ipv6SubnetIndexes).toEqual({ 'network/shared/app/0': 0, 'network/shared/app/1': 1, 'network/shared/public/0': 2, 'network/shared/public/1': 3 });
  });

  test('::/0 follows defaultRoute: the internet gateway for the public tier, the egress-only gateway for the nat tier, nothing else', () => {
    expect(body(shared, 'aws_egress_only_internet_gateway', 'egress_only_internet_gateway_shared').vpc_id).toBe('${aws_vpc.vpc_shared.id}');
    expect(body(shared, 'aws_route', 'route_shared__public__ipv6_default')).toEqual({ route_table_id: '${aws_route_table.route_table_shared__public.id}', destination_ipv6_cidr_block: '::/0', gateway_id: '${aws_internet_gateway.internet_gateway_shared.id}' });
    expect(body(shared, 'aws_route', 'route_shared__app__az1__ipv6_default')).toEqual({ route_table_id: '${aws_route_table.route_table_shared__app__az1.id}', destination_ipv6_cidr_block: '::/0', egress_only_gateway_id: '${aws_egress_only_internet_gateway.egress_only_internet_gateway_shared.id}' });
    const v6 = Object.entries(resources(shared, 'aws_route')).filter(([, r]) => r.destination_ipv6_cidr_block !== undefined).map(([name]) => name).sort();
    expect(v6).toEqual(['route_shared__app__az0__ipv6_default', 'route_shared__app__az1__ipv6_default', 'route_shared__public__ipv6_default']);
  });

  test('a tier without a default route gets a /64 and no IPv6 route; no egress-only gateway without a nat tier', () => {
    const doc = fixtureDoc();
    const app = doc.network.accounts.network.vpcs.shared.subnets.app;
    app.defaultRoute = 'none';
    const stack = synth(modelWithLock(stringify(doc))).stacks['network-network']!;
    expect(body(stack, 'aws_subnet', 'subnet_shared__app__az0').ipv6_cidr_block).toBeDefined();
    expect(Object.keys(resources(stack, 'aws_route')).filter((n) => n.startsWith('route_shared__app'))).toEqual(['route_shared__app__10-0-0-0_8']);
    expect(resources(stack, 'aws_egress_only_internet_gateway')).toEqual({});
  });

  /** The fixture with a tier added after the record (so its indexes are not a fresh allocation's), before and after the network account is renamed. */
  const renamedNetworkAccount = () => {
    const doc = fixtureDoc();
    doc.network.accounts.network.vpcs.shared.subnets.aaa = { prefixLength: 27, ipv6: true };
    const before = modelWithLock(stringify(doc), { ...model.lock, ipv6SubnetIndexes: model.lock.ipv6SubnetIndexes } as LockFile);
    doc.accounts['core-network'] = { ...doc.accounts.network, formerKey: 'network' };
    delete doc.accounts.network;
    doc.network.account = 'core-network';
    doc.network.accounts['core-network'] = doc.network.accounts.network;
    delete doc.network.accounts.network;
    return { before, after: modelWithLock(stringify(doc), before.lock) };
  };

  testWithTerraform('renaming the account of an IPv6 VPC: an offline plan of its stack over the prior state creates, destroys and replaces nothing', () => {
    const { before, after } = renamedNetworkAccount();
    const a = synth(before).stacks['network-network']!;
    const b = synth(after).stacks['network-network']!;
    expect(b).not.toEqual(a);
    const plan = planOverState(b, priorState(a));
    expect(plan.errors).toEqual([]);
    expect([plan.actions.create ?? [], plan.actions.delete ?? [], plan.actions.replace ?? []]).toEqual([[], [], []]);
  });

  test('the recorded indexes stay with the VPC when its account is renamed with formerKey', () => {
    const { before, after } = renamedNetworkAccount();
    // Then every subnet keeps its index, under the new key
    const rekeyed = Object.fromEntries(Object.entries(before.lock.ipv6SubnetIndexes as Record<string, number>).map(([k, v]) => [k.replace(/^network\//, 'core-network/'), v]));
    expect(after.lock.ipv6SubnetIndexes).toEqual(rekeyed);
    expect(Object.values(rekeyed)).not.toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('a recorded index is kept when a tier is added before it', () => {
    const doc = fixtureDoc();
    doc.network.accounts.network.vpcs.shared.subnets.aaa = { prefixLength: 27, ipv6: true };
    const after = modelWithLock(stringify(doc), { version: 1, ipv6SubnetIndexes: model.lock.ipv6SubnetIndexes } as LockFile);
    expect(after.lock.ipv6SubnetIndexes).toEqual({ ...(model.lock.ipv6SubnetIndexes as object), 'network/shared/aaa/0': 4, 'network/shared/aaa/1': 5 });
  });
});
