import { Address4 } from 'ip-address';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { renderLockFile } from '../../src/config/lock-file';
import { inspectedVpcPairs } from '../../src/model/network/inspection-paths';
import { reachableVpcPairs } from '../../src/model/network/reachability';
import type { LandingZoneModel } from '../../src/model/types';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf, resources, synth, tempDir, type TerraformJson } from '../helpers';

const FIXTURE = join(FIXTURES, 'valid', 'network-inspection.yaml');
const RULES = join(FIXTURES, 'valid', 'network-inspection.rules');
const model = modelOf(validateFile(FIXTURE));
const network = model.network!;
const inspection = network.inspection!;
const out = synth(model);
const firewallStack = out.stacks['network-network']!;
const isAccountNetwork = (name: string) => name.startsWith('network-') && name !== 'network-hub';
const tableOf = (r: TerraformJson) => /tgw_route_table_([a-z0-9-]+)\.?id/.exec(r.transit_gateway_route_table_id)![1]!;
const endpointOfSubnet = (subnet: string) =>
  `\${{ for key, val in tolist(aws_networkfirewall_firewall.network_firewall.firewall_status[0].sync_states): val.attachment.0.subnet_id => val.attachment.0.endpoint_id }[aws_subnet.${subnet}.id]}`;

/** The Transit Gateway entries of every account network stack, each with the `<account>/<vpc>` its attachment reference names. */
function routing(stacks: Record<string, TerraformJson>, type: string): Array<{ vpc?: string; r: TerraformJson }> {
  const found: Array<{ vpc?: string; r: TerraformJson }> = [];
  for (const [name, stack] of Object.entries(stacks)) {
    if (name === 'network-hub') for (const r of Object.values(resources(stack, type))) found.push({ r });
    if (!isAccountNetwork(name)) continue;
    for (const r of Object.values(resources(stack, type))) {
      const m = /^\$\{aws_ec2_transit_gateway_vpc_attachment\.tgw_attachment_([a-z0-9-]+)\.id\}$/.exec(r.transit_gateway_attachment_id ?? '');
      found.push({ r, ...(m ? { vpc: `${name.slice('network-'.length)}/${m[1]}` } : {}) });
    }
  }
  return found;
}

/**
 * An independent oracle over the synthesized JSON: VPC CIDRs, associations, propagations and
 * static routes, longest-prefix match with ip-address, and one more hop where a table hands
 * traffic to the attachment with appliance mode next to the firewall (the inspection VPC): its
 * own table then decides. Returns the direct pairs and the pairs inspected both ways.
 */
function pairsFromJson(stacks: Record<string, TerraformJson>): { direct: Array<[string, string]>; inspected: Array<{ a: string; b: string }> } {
  const cidrsOf = new Map<string, string[]>();
  let firewallVpc: string | undefined;
  for (const [name, stack] of Object.entries(stacks)) {
    if (!isAccountNetwork(name)) continue;
    const account = name.slice('network-'.length);
    for (const [id, vpc] of Object.entries(resources(stack, 'aws_vpc'))) cidrsOf.set(`${account}/${id.slice('vpc_'.length)}`, [vpc.cidr_block]);
    const firewall = Object.values(resources(stack, 'aws_networkfirewall_firewall'))[0];
    if (firewall) firewallVpc = `${account}/${/aws_vpc\.vpc_([a-z0-9-]+)\.id/.exec(firewall.vpc_id)![1]}`;
  }
  const associated = new Map(routing(stacks, 'aws_ec2_transit_gateway_route_table_association').map(({ vpc, r }) => [vpc!, tableOf(r)]));
  type Entry = { cidr: string; target: string; isStatic: boolean };
  const entries = new Map<string, Entry[]>();
  const add = (table: string, e: Entry) => entries.set(table, [...(entries.get(table) ?? []), e]);
  for (const { vpc, r } of routing(stacks, 'aws_ec2_transit_gateway_route_table_propagation')) for (const cidr of cidrsOf.get(vpc!)!) add(tableOf(r), { cidr, target: vpc!, isStatic: false });
  for (const { vpc, r } of routing(stacks, 'aws_ec2_transit_gateway_route')) add(tableOf(r), { cidr: r.destination_cidr_block, target: r.blackhole ? 'blackhole' : vpc!, isStatic: true });
  const hop = (table: string, cidr: string) => {
    const destination = new Address4(cidr);
    const matching = (entries.get(table) ?? []).filter((e) => destination.isInSubnet(new Address4(e.cidr)));
    matching.sort((a, b) => new Address4(b.cidr).subnetMask - new Address4(a.cidr).subnetMask || Number(b.isStatic) - Number(a.isStatic));
    return matching[0]?.target;
  };
  const path = (from: string, to: string) => {
    const cidrs = cidrsOf.get(to)!;
    if (cidrs.every((c) => hop(associated.get(from)!, c) === to)) return 'direct';
    if (firewallVpc && from !== firewallVpc && to !== firewallVpc && cidrs.every((c) => hop(associated.get(from)!, c) === firewallVpc && hop(associated.get(firewallVpc!)!, c) === to)) return 'inspection';
    return undefined;
  };
  const ids = [...associated.keys()].sort();
  const direct: Array<[string, string]> = [];
  const inspected: Array<{ a: string; b: string }> = [];
  for (const a of ids)
    for (const b of ids) {
      if (a >= b) continue;
      if (path(a, b) === 'direct' && path(b, a) === 'direct') direct.push([a, b]);
      if (path(a, b) === 'inspection' && path(b, a) === 'inspection') inspected.push({ a, b });
    }
  return { direct, inspected };
}

describe('the firewall lives in the inspection VPC\'s account stack', () => {
  test('rule groups, a policy that references each of them, and a firewall with one endpoint subnet per zone', () => {
    const groups = resources(firewallStack, 'aws_networkfirewall_rule_group');
    expect(Object.keys(groups).sort()).toEqual(inspection.ruleGroups.map((g) => `network_firewall_rule_group_${g.key}`));
    const policy = resources(firewallStack, 'aws_networkfirewall_firewall_policy').network_firewall_policy!.firewall_policy;
    expect(policy.stateless_rule_group_reference).toEqual([{ priority: 10, resource_arn: '${aws_networkfirewall_rule_group.network_firewall_rule_group_drop-smb.arn}' }]);
    expect(policy.stateful_rule_group_reference.map((r: TerraformJson) => r.resource_arn).sort()).toEqual(
      ['east-west', 'egress-domains', 'no-telnet', 'threats'].map((k) => `\${aws_networkfirewall_rule_group.network_firewall_rule_group_${k}.arn}`));
    expect(policy.stateless_default_actions).toEqual(['aws:forward_to_sfe']);
    const firewall = resources(firewallStack, 'aws_networkfirewall_firewall').network_firewall!;
    expect(firewall).toMatchObject({ vpc_id: '${aws_vpc.vpc_inspection.id}', delete_protection: true, subnet_change_protection: true, lifecycle: { prevent_destroy: true } });
    expect(firewall.subnet_mapping).toEqual([0, 1].map((i) => ({ subnet_id: `\${aws_subnet.subnet_inspection__firewall__az${i}.id}` })));
    for (const name of Object.keys(out.stacks).filter((n) => n !== 'network-network')) expect([name, resources(out.stacks[name]!, 'aws_networkfirewall_firewall')]).toEqual([name, {}]);
  });

  test('domain lists and Suricata rules see the spokes as HOME_NET; the rule file is read next to org.yaml', () => {
    const groups = resources(firewallStack, 'aws_networkfirewall_rule_group');
    const homeNet = { ip_sets: [{ key: 'HOME_NET', ip_set: { definition: ['10.0.0.0/8'] } }] };
    expect(groups['network_firewall_rule_group_egress-domains']!.rule_group).toEqual({
      rule_variables: homeNet,
      rules_source: { rules_source_list: { generated_rules_type: 'ALLOWLIST', target_types: ['HTTP_HOST', 'TLS_SNI'], targets: ['.amazonaws.com', 'example.com'] } },
    });
    expect(groups.network_firewall_rule_group_threats!.rule_group.rules_source.rules_string).toBe(readFileSync(RULES, 'utf8'));
    expect(groups['network_firewall_rule_group_east-west']!.rule_group.rules_source.stateful_rule[0]).toEqual({
      action: 'PASS',
      header: { protocol: 'TCP', source: 'ANY', source_port: 'ANY', destination: '10.8.0.0/16', destination_port: '443', direction: 'FORWARD' },
      rule_option: [{ keyword: 'sid', settings: ['1001'] }],
    });
  });

  test('the inspection VPC\'s attachment, and no other, has appliance mode', () => {
    for (const name of Object.keys(out.stacks).filter(isAccountNetwork))
      for (const [id, a] of Object.entries(resources(out.stacks[name]!, 'aws_ec2_transit_gateway_vpc_attachment')))
        expect([name, id, a.appliance_mode_support]).toEqual([name, id, name === 'network-network' ? 'enable' : undefined]);
  });

  test('each zone\'s attachment subnets go to that zone\'s endpoint, the endpoints to NAT and back to the TGW, and NAT replies to the endpoint', () => {
    const routes = resources(firewallStack, 'aws_route');
    for (const az of [0, 1]) {
      const endpoint = endpointOfSubnet(`subnet_inspection__firewall__az${az}`);
      expect(routes[`route_inspection__attachment__az${az}__0-0-0-0_0`]).toMatchObject({ route_table_id: `\${aws_route_table.route_table_inspection__attachment__az${az}.id}`, vpc_endpoint_id: endpoint });
      expect(routes[`route_inspection__public__az${az}__10-0-0-0_8`]).toMatchObject({ route_table_id: `\${aws_route_table.route_table_inspection__public__az${az}.id}`, vpc_endpoint_id: endpoint });
      expect(routes[`route_inspection__firewall__az${az}__0-0-0-0_0`]!.nat_gateway_id).toBe(`\${aws_nat_gateway.nat_gateway_inspection__az${az}.id}`);
      expect(routes[`route_inspection__firewall__az${az}__10-0-0-0_8`]!.transit_gateway_id).toMatch(/cross-stack-reference-input-network-hub/);
    }
    expect(Object.keys(routes)).toHaveLength(10);
  });
});

describe('the synthesized routing is exactly the model, and its paths exactly the reachability function\'s', () => {
  const entries = (type: string) => routing(out.stacks, type).map(({ vpc, r }) => `${vpc} -> ${tableOf(r)}`).sort();

  test('associations and propagations: the inspection table propagates every inspected segment; inspected segments propagate only themselves (prod: intraSegment)', () => {
    expect(entries('aws_ec2_transit_gateway_route_table_association')).toEqual(network.associations.map((a) => `${a.vpc} -> ${a.segment}`).sort());
    expect(entries('aws_ec2_transit_gateway_route_table_propagation')).toEqual(network.propagations.map((p) => `${p.vpc} -> ${p.segment}`).sort());
    expect(entries('aws_ec2_transit_gateway_route_table_propagation')).toEqual(['app-dev/main -> inspection', 'app-prod/main -> inspection', 'app-prod/main -> prod', 'shared-services/main -> inspection']);
  });

  test('static routes: the inspection routes of each inspected segment go to the inspection attachment, from its account\'s stack', () => {
    const synthesized = routing(out.stacks, 'aws_ec2_transit_gateway_route').map(({ vpc, r }) => `${tableOf(r)} ${r.destination_cidr_block} -> ${r.blackhole ? 'blackhole' : vpc}`).sort();
    const modelled = network.segments.flatMap((s) => s.routes.map((r) => `${s.key} ${r.destination} -> ${r.target.kind === 'blackhole' ? 'blackhole' : r.target.vpc}`)).sort();
    expect(synthesized).toEqual(modelled);
    expect(Object.keys(resources(firewallStack, 'aws_ec2_transit_gateway_route')).sort()).toEqual([
      'tgw_route_nonprod__inspection_north_south', 'tgw_route_prod__inspection_east_west_10-0-0-0_8', 'tgw_route_prod__inspection_north_south', 'tgw_route_shared__inspection_east_west_10-0-0-0_8',
    ]);
  });

  test('east-west and north-south: the direct pairs and the pairs through the firewall are exactly the function\'s', () => {
    const fromJson = pairsFromJson(out.stacks);
    expect(fromJson.direct).toEqual(reachableVpcPairs(network));
    expect(fromJson.inspected).toEqual(inspectedVpcPairs(network));
    // Not vacuous: prod and shared reach each other only through the firewall; nonprod reaches neither.
    expect(fromJson.inspected).toEqual([{ a: 'app-prod/main', b: 'shared-services/main' }]);
  });
});

describe('adding one inspected account', () => {
  const dir = tempDir('lz-inspection-');
  copyFileSync(RULES, join(dir, 'network-inspection.rules'));
  const validate = (text: string): LandingZoneModel => {
    writeFileSync(join(dir, 'org.yaml'), text);
    return modelOf(validateFile(join(dir, 'org.yaml')));
  };
  const original = readFileSync(FIXTURE, 'utf8');
  const before = validate(original);
  writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(before.lock));
  const doc = parse(original);
  doc.accounts['billing-prod'] = { name: 'Billing Prod', email: 'aws+billing-prod@example.com', ou: 'Workloads/Prod' };
  const after = validate(stringify(doc));
  const a = synth(before);
  const b = synth(after);

  test('leaves the firewall\'s stack and every other existing stack byte-identical; the new VPC is propagated into the inspection table from its own stack', () => {
    for (const name of Object.keys(a.stacks)) expect([name, JSON.stringify(b.stacks[name]) === JSON.stringify(a.stacks[name])]).toEqual([name, true]);
    const propagations = Object.values(resources(b.stacks['network-billing-prod']!, 'aws_ec2_transit_gateway_route_table_propagation'));
    expect(propagations.map(tableOf).sort()).toEqual(['inspection', 'prod']);
    expect(inspectedVpcPairs(after.network!)).toContainEqual({ a: 'billing-prod/main', b: 'shared-services/main' });
    expect(reachableVpcPairs(after.network!)).toContainEqual(['app-prod/main', 'billing-prod/main']);
  });
});

describe('an inspection VPC in another account than the network account', () => {
  const dir = tempDir('lz-inspection-');
  copyFileSync(RULES, join(dir, 'network-inspection.rules'));
  const doc = parse(readFileSync(FIXTURE, 'utf8'));
  doc.network.accounts['shared-services'].vpcs.inspection = doc.network.accounts.network.vpcs.inspection;
  delete doc.network.accounts.network;
  doc.network.inspection.vpc = 'shared-services/inspection';
  writeFileSync(join(dir, 'org.yaml'), stringify(doc));
  const moved = modelOf(validateFile(join(dir, 'org.yaml')));
  const stacks = synth(moved).stacks;
  const stack = stacks['network-shared-services']!;

  test('the firewall is built by that account\'s own provider; the routes to its attachment go through aws.network', () => {
    expect(resources(stack, 'aws_networkfirewall_firewall').network_firewall!.provider).toBeUndefined();
    expect((stack.provider.aws as TerraformJson[]).map((p) => p.alias)).toEqual([undefined, 'network']);
    const routes = resources(stack, 'aws_ec2_transit_gateway_route');
    expect(Object.keys(routes)).toHaveLength(4);
    for (const r of Object.values(routes)) expect(r).toMatchObject({ provider: 'aws.network', transit_gateway_attachment_id: '${aws_ec2_transit_gateway_vpc_attachment.tgw_attachment_inspection.id}' });
    expect(stacks['network-network']).toBeUndefined();
  });

  test('the synthesized paths are still exactly the function\'s', () => {
    const fromJson = pairsFromJson(stacks);
    expect(fromJson.direct).toEqual(reachableVpcPairs(moved.network!));
    expect(fromJson.inspected).toEqual([{ a: 'app-prod/main', b: 'shared-services/main' }]);
    expect(fromJson.inspected).toEqual(inspectedVpcPairs(moved.network!));
  });
});

describe('route tables per zone of the inspection VPC', () => {
  test('the record holds its zonal tiers, so they move back to one table if the VPC stops being the inspection VPC', () => {
    const vpc = network.vpcs.find((v) => v.id === inspection.vpc)!;
    expect(model.lock.routeTablesPerZone).toContain(`${vpc.id}/${vpc.attachmentTier}`);
  });

  test('a zonal tier the record holds as per zone moves nothing back to a shared table: it keeps its tables per zone', () => {
    // Given a record that holds the inspection VPC's attachment tier as having tables per zone
    const vpc = network.vpcs.find((v) => v.id === inspection.vpc)!;
    const tierKey = `${vpc.id}/${vpc.attachmentTier}`;
    const dir = tempDir('lz-inspection-zones-');
    copyFileSync(FIXTURE, join(dir, 'org.yaml'));
    copyFileSync(RULES, join(dir, 'network-inspection.rules'));
    writeFileSync(join(dir, 'lz.lock.json'), renderLockFile({ ...model.lock, routeTablesPerZone: [...new Set([...((model.lock.routeTablesPerZone as string[] | undefined) ?? []), tierKey])].sort() }));
    const again = modelOf(validateFile(join(dir, 'org.yaml')));
    expect(again.network!.vpcs.find((v) => v.id === vpc.id)!.tiers.find((t) => t.key === vpc.attachmentTier)!.formerRouteTablePerZone).toBe(true);
    // Then its stack still has the az0 table and no moved block naming it
    const stack = synth(again).stacks['network-network']!;
    const az0 = `aws_route_table.route_table_${vpc.key}__${vpc.attachmentTier}__az0`;
    expect(Object.keys(resources(stack, 'aws_route_table'))).toContain(az0.split('.')[1]);
    expect(((stack.moved ?? []) as Array<{ from: string }>).filter((m) => m.from === az0)).toEqual([]);
    expect(stack).toEqual(firewallStack);
  });
});
