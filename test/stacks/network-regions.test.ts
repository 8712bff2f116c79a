import { Address4 } from 'ip-address';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { reachableVpcPairs } from '../../src/model/network/reachability';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf, resources, synth, validateYaml, type TerraformJson } from '../helpers';

const model = modelOf(validateFile(join(FIXTURES, 'valid', 'network-regions.yaml'), 'org.yaml'));
const network = model.network!;
const multi = network.multiRegion!;
const out = synth(model);
const networkStacks = Object.keys(out.stacks).filter((n) => n.startsWith('network-')).sort();

/** `network-<id>` and `network-<id>_<region>`: the account and region of a spoke stack, from its name. */
function spokeOf(name: string): { account: string; region: string } | undefined {
  const m = /^network-([a-z0-9-]+?)(?:_([a-z0-9-]+))?$/.exec(name);
  if (!m || m[1] === 'hub' || m[1] === 'peering') return undefined;
  return { account: m[1]!, region: m[2] ?? 'us-east-1' };
}
const hubOf = (region: string) => (region === 'us-east-1' ? 'network-hub' : `network-hub_${region}`);

/** The table a resource names: `<hub stack>/<table address>`, from the cross-stack reference (or the hub's own address). */
function tableOf(stack: string, r: TerraformJson): string {
  const remote = /cross-stack-reference-input-(network-hub[a-z0-9_-]*)\.outputs\.cross-stack-output-aws_ec2_transit_gateway_route_table(tgw_[a-z0-9_-]+?)id\}$/.exec(r.transit_gateway_route_table_id);
  if (remote) return `${remote[1]}/${remote[2]}`;
  return `${stack}/${/aws_ec2_transit_gateway_route_table\.(tgw_[a-z0-9_-]+)\.id/.exec(r.transit_gateway_route_table_id)![1]}`;
}

/** Where a route or association sends traffic: a VPC (its stack's attachment), a peering stack's attachment, or a blackhole. */
function targetOf(stack: string, r: TerraformJson): string {
  if (r.blackhole) return 'blackhole';
  const id = r.transit_gateway_attachment_id as string;
  const peering = /cross-stack-reference-input-(network-peering_[a-z0-9_-]+)\./.exec(id);
  if (peering) return `peering:${peering[1]}`;
  if (stack.startsWith('network-peering_')) return `peering:${stack}`;
  const vpc = /aws_ec2_transit_gateway_vpc_attachment\.tgw_attachment_([a-z0-9-]+)\.id/.exec(id)![1]!;
  return `${spokeOf(stack)!.account}/${vpc}`;
}

/**
 * An independent oracle: the VPC pairs the synthesized JSON lets route to each other. Tables are
 * told apart by the hub stack and address they reference; a hop to a peering attachment continues
 * in the table that the peering stack associates the attachment with in the receiver's region.
 */
function pairsFromSynthesizedJson(stacks: Record<string, TerraformJson>): Array<[string, string]> {
  const cidrsOf = new Map<string, string[]>();
  const regionOf = new Map<string, string>();
  type Entry = { cidr: string; target: string; isStatic: boolean };
  const entries = new Map<string, Entry[]>();
  const add = (table: string, e: Entry) => entries.set(table, [...(entries.get(table) ?? []), e]);
  const associated = new Map<string, string>();
  for (const [name, stack] of Object.entries(stacks)) {
    const spoke = spokeOf(name);
    if (spoke)
      for (const [id, vpc] of Object.entries(resources(stack, 'aws_vpc'))) {
        const key = `${spoke.account}/${id.slice('vpc_'.length)}`;
        const secondary = Object.entries(resources(stack, 'aws_vpc_ipv4_cidr_block_association')).filter(([k]) => k.startsWith(`${id}__cidr_`)).map(([, r]) => r.cidr_block as string);
        cidrsOf.set(key, [vpc.cidr_block, ...secondary]);
        regionOf.set(key, spoke.region);
      }
  }
  for (const [name, stack] of Object.entries(stacks)) {
    if (!name.startsWith('network-')) continue;
    for (const r of Object.values(resources(stack, 'aws_ec2_transit_gateway_route_table_association'))) {
      const target = targetOf(name, r);
      // A peering attachment is associated once per region: keyed by the hub stack of that region.
      associated.set(target.startsWith('peering:') ? `${target}@${tableOf(name, r).split('/')[0]}` : target, tableOf(name, r));
    }
    for (const r of Object.values(resources(stack, 'aws_ec2_transit_gateway_route'))) add(tableOf(name, r), { cidr: r.destination_cidr_block, target: targetOf(name, r), isStatic: true });
  }
  for (const [name, stack] of Object.entries(stacks)) {
    if (!spokeOf(name)) continue;
    for (const r of Object.values(resources(stack, 'aws_ec2_transit_gateway_route_table_propagation'))) {
      const vpc = targetOf(name, r);
      for (const cidr of cidrsOf.get(vpc)!) add(tableOf(name, r), { cidr, target: vpc, isStatic: false });
    }
  }
  const hop = (table: string, cidr: string) => {
    const destination = new Address4(cidr);
    const matching = (entries.get(table) ?? []).filter((e) => destination.isInSubnet(new Address4(e.cidr)));
    matching.sort((a, b) => new Address4(b.cidr).subnetMask - new Address4(a.cidr).subnetMask || Number(b.isStatic) - Number(a.isStatic));
    return matching[0]?.target;
  };
  const delivers = (table: string, to: string, cidr: string): boolean => {
    const next = hop(table, cidr);
    if (next === to) return true;
    if (!next?.startsWith('peering:')) return false;
    const farTable = associated.get(`${next}@${hubOf(regionOf.get(to)!)}`);
    return farTable !== undefined && farTable !== table && hop(farTable, cidr) === to;
  };
  const forwards = (from: string, to: string) => cidrsOf.get(to)!.every((cidr) => delivers(associated.get(from)!, to, cidr));
  const ids = [...cidrsOf.keys()].sort();
  const pairs: Array<[string, string]> = [];
  for (const a of ids) for (const b of ids) if (a < b && forwards(a, b) && forwards(b, a)) pairs.push([a, b]);
  return pairs;
}

describe('the stacks of a network of two regions', () => {
  test('a hub per region, one peering stack, and per account one network stack per region', () => {
    expect(networkStacks).toEqual([
      'network-hub',
      'network-hub_eu-west-1',
      'network-payments',
      'network-payments_eu-west-1',
      'network-peering_eu-west-1_us-east-1',
      'network-sandbox-eu',
      'network-sandbox-eu_eu-west-1',
      'network-shared-services',
      'network-shared-services_eu-west-1',
      'network-shop-eu',
      'network-shop-eu_eu-west-1',
    ]);
  });

  test('no stack has more than 2 provider configurations, each with a literal region', () => {
    for (const name of networkStacks) {
      const providers = out.stacks[name]!.provider.aws as TerraformJson[];
      expect([name, providers.length <= 2]).toEqual([name, true]);
      for (const p of providers) expect(p.region).toMatch(/^(us-east-1|eu-west-1)$/);
    }
    expect((out.stacks['network-peering_eu-west-1_us-east-1']!.provider.aws as TerraformJson[]).map((p) => [p.alias, p.region])).toEqual([[undefined, 'eu-west-1'], ['us-east-1', 'us-east-1']]);
  });

  test('each regional gateway has its own ASN and a peering table next to the segment tables', () => {
    const gateway = (stack: string) => resources(out.stacks[stack]!, 'aws_ec2_transit_gateway')['transit_gateway']!;
    expect([gateway('network-hub').amazon_side_asn, gateway('network-hub_eu-west-1').amazon_side_asn]).toEqual([64512, 64513]);
    for (const hub of ['network-hub', 'network-hub_eu-west-1'])
      expect(Object.keys(resources(out.stacks[hub]!, 'aws_ec2_transit_gateway_route_table')).sort()).toEqual(['tgw_peering_route_table', 'tgw_route_table_prod', 'tgw_route_table_sandbox', 'tgw_route_table_shared']);
    expect(resources(out.stacks['network-hub_eu-west-1']!, 'aws_ec2_transit_gateway_route')['tgw_route_prod__no-sandbox']).toMatchObject({ blackhole: true, destination_cidr_block: '10.96.0.0/16' });
  });

  test('the peering is requested in one region, accepted in the other, and associated with each side\'s peering table', () => {
    const stack = out.stacks['network-peering_eu-west-1_us-east-1']!;
    expect(resources(stack, 'aws_ec2_transit_gateway_peering_attachment')['tgw_peering']).toMatchObject({ peer_region: 'us-east-1' });
    expect(resources(stack, 'aws_ec2_transit_gateway_peering_attachment')['tgw_peering']!.transit_gateway_id).toMatch(/network-hub_eu-west-1\./);
    expect(resources(stack, 'aws_ec2_transit_gateway_peering_attachment')['tgw_peering']!.peer_transit_gateway_id).toMatch(/input-network-hub\./);
    expect(resources(stack, 'aws_ec2_transit_gateway_peering_attachment_accepter')['tgw_peering_accept']).toMatchObject({ provider: 'aws.us-east-1' });
    const associations = resources(stack, 'aws_ec2_transit_gateway_route_table_association');
    expect(Object.entries(associations).map(([k, r]) => [k, tableOf('network-peering_eu-west-1_us-east-1', r)]).sort()).toEqual([
      ['tgw_peering_association__eu-west-1', 'network-hub_eu-west-1/tgw_peering_route_table'],
      ['tgw_peering_association__us-east-1', 'network-hub/tgw_peering_route_table'],
    ]);
  });

  test('the peering routes are in the VPC\'s account\'s stack of the table\'s region, exactly as the model says', () => {
    const synthesized: string[] = [];
    for (const name of networkStacks) {
      const spoke = spokeOf(name);
      if (!spoke) continue;
      for (const r of Object.values(resources(out.stacks[name]!, 'aws_ec2_transit_gateway_route')))
        if (targetOf(name, r).startsWith('peering:')) synthesized.push(`${spoke.account} ${tableOf(name, r)} ${r.destination_cidr_block}`);
    }
    const accountOf = new Map(network.vpcs.map((v) => [v.id, v.accountKey]));
    expect(synthesized.sort()).toEqual(multi.peeringRoutes.map((r) => `${accountOf.get(r.vpc)} ${hubOf(r.region)}/tgw_route_table_${r.segment} ${r.destination}`).sort());
  });

  test('the pairs the synthesized routes allow are exactly reachableVpcPairs, across the peering too', () => {
    const pairs = pairsFromSynthesizedJson(out.stacks);
    expect(pairs).toEqual(reachableVpcPairs(network));
    expect(pairs.some(([a, b]) => multi.vpcRegions[a] !== multi.vpcRegions[b])).toBe(true);
  });

  test('a VPC of eu-west-1 is built there, attached to eu-west-1\'s gateway', () => {
    const stack = out.stacks['network-shop-eu_eu-west-1']!;
    expect((stack.provider.aws as TerraformJson[]).map((p) => p.region)).toEqual(['eu-west-1', 'eu-west-1']);
    expect(resources(stack, 'aws_vpc')['vpc_main']).toMatchObject({ cidr_block: '10.64.4.0/22' });
    expect(resources(stack, 'aws_ec2_transit_gateway_vpc_attachment')['tgw_attachment_main']!.transit_gateway_id).toMatch(/input-network-hub_eu-west-1\./);
    expect(Object.keys(resources(out.stacks['network-shop-eu']!, 'aws_vpc'))).toEqual([]);
  });

  test('reversing every list and mapping of the fixture gives byte-identical output', () => {
    const reverse = (value: unknown): unknown =>
      Array.isArray(value) ? [...value].reverse().map(reverse)
        : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse().map(([k, v]) => [k, reverse(v)]))
          : value;
    const original = readFileSync(join(FIXTURES, 'valid', 'network-regions.yaml'), 'utf8');
    const permuted = stringify(reverse(parse(original)));
    expect(permuted).not.toBe(original);
    const files = synth(modelOf(validateYaml(permuted))).files;
    expect(Object.keys(files)).toEqual(Object.keys(out.files));
    for (const [path, content] of Object.entries(out.files)) expect([path, files[path]]).toEqual([path, content]);
  });

  test('a VPC\'s stack that routes to the peering is applied after it: one pass in wave order', () => {
    expect(out.manifest.stacks['network-payments']!.dependencies).toEqual(expect.arrayContaining(['network-peering_eu-west-1_us-east-1', 'network-hub', 'account-payments']));
    expect(out.manifest.stacks['network-payments_eu-west-1']!.dependencies).toEqual(expect.arrayContaining(['network-peering_eu-west-1_us-east-1', 'network-hub_eu-west-1']));
    expect(out.manifest.stacks['network-peering_eu-west-1_us-east-1']!.dependencies).toEqual(expect.arrayContaining(['network-hub', 'network-hub_eu-west-1']));
  });
});
