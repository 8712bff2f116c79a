import { Address4 } from 'ip-address';
import { join } from 'node:path';
import { reachableVpcPairs } from '../../src/model/network/reachability';
import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth, type TerraformJson } from '../helpers';

const model = defaultModel();
const network = model.network!;
const out = synth(model);
const hub = out.stacks['network-hub']!;
const remoteAccountId = (key: string) => `\${data.terraform_remote_state.cross-stack-reference-input-account-${key}.outputs.cross-stack-output-aws_organizations_accountaccountid}`;
/** `network-<id>` stacks of accounts (the hub is `network-hub`); ids are the account keys here. */
const isAccountNetwork = (name: string) => name.startsWith('network-') && name !== 'network-hub';

/**
 * The Transit Gateway side of every account's network stack, merged: resources of `type`, each
 * with the `<account>/<vpc>` of the attachment it names (its own stack's attachment), plus the
 * hub's (blackhole routes).
 */
function routingOf(stacks: Record<string, TerraformJson>, type: string): Array<{ name: string; vpc?: string; r: TerraformJson }> {
  const out: Array<{ name: string; vpc?: string; r: TerraformJson }> = [];
  for (const [stackName, stack] of Object.entries(stacks)) {
    if (stackName === 'network-hub') for (const [name, r] of Object.entries(resources(stack, type))) out.push({ name, r });
    if (!isAccountNetwork(stackName)) continue;
    const account = stackName.slice('network-'.length);
    for (const [name, r] of Object.entries(resources(stack, type))) {
      const m = /^\$\{aws_ec2_transit_gateway_vpc_attachment\.tgw_attachment_([a-z0-9-]+)\.id\}$/.exec(r.transit_gateway_attachment_id ?? '');
      out.push({ name, r, ...(m ? { vpc: `${account}/${m[1]}` } : {}) });
    }
  }
  return out;
}

describe('network-hub', () => {
  test('deploys into the network account through the member role', () => {
    const [provider] = hub.provider.aws;
    expect(provider.allowed_account_ids).toEqual([remoteAccountId('network')]);
    expect(provider.assume_role[0].role_arn).toBe(`arn:aws:iam::${remoteAccountId('network')}:role/OrganizationAccountAccessRole`);
  });

  test('the Transit Gateway never associates or propagates by default and does not auto-accept', () => {
    const tgw = resources(hub, 'aws_ec2_transit_gateway').transit_gateway!;
    expect(tgw).toMatchObject({
      amazon_side_asn: 64512,
      default_route_table_association: 'disable',
      default_route_table_propagation: 'disable',
      auto_accept_shared_attachments: 'disable',
      dns_support: 'enable',
    });
  });

  test('one route table per segment, addressed by segment key', () => {
    expect(Object.keys(resources(hub, 'aws_ec2_transit_gateway_route_table')).sort()).toEqual(
      ['tgw_route_table_egress', 'tgw_route_table_nonprod', 'tgw_route_table_prod', 'tgw_route_table_sandbox', 'tgw_route_table_shared'],
    );
  });

  test('the TGW is shared with the organization only, never outside it', () => {
    expect(resources(hub, 'aws_ram_resource_share').tgw_share!.allow_external_principals).toBe(false);
    expect(resources(hub, 'aws_ram_resource_association').tgw_share__transit_gateway!.resource_arn).toBe('${aws_ec2_transit_gateway.transit_gateway.arn}');
    const principals = resources(hub, 'aws_ram_principal_association');
    expect(Object.keys(principals)).toEqual(['tgw_share__organization']);
    expect(principals.tgw_share__organization!.principal).toMatch(/^arn:aws:organizations::123456789012:organization\/\$\{data\.terraform_remote_state\.[^}]+\}$/);
  });

  test('RAM sharing is enabled in the organization stack, and the service access list keeps RAM\'s trusted access', () => {
    const org = out.stacks.organization!;
    expect(Object.keys(resources(org, 'aws_ram_sharing_with_organization'))).toEqual(['ram_sharing_with_organization']);
    // Sharing turns on RAM's trusted access; leaving it out of the list would make the next apply turn it off.
    expect(resources(org, 'aws_organizations_organization').organization!.aws_service_access_principals).toContain('ram.amazonaws.com');
  });
});

describe('account network stacks', () => {
  const spokeNames = Object.keys(out.stacks).filter(isAccountNetwork).sort();
  const spoke = out.stacks['network-payments-prod']!;

  test('one per account with a VPC, each deploying into its own account after network-hub, routing through the network account', () => {
    expect(spokeNames).toEqual([...new Set(network.vpcs.map((v) => `network-${v.accountKey}`))].sort());
    for (const name of spokeNames) {
      const key = name.slice('network-'.length);
      const providers = out.stacks[name]!.provider.aws as TerraformJson[];
      expect(providers[0]!.allowed_account_ids).toEqual([remoteAccountId(key)]);
      expect(providers[0]!.alias).toBeUndefined();
      if (key === 'network') expect(providers).toHaveLength(1);
      else expect(providers[1]).toMatchObject({ alias: 'network', allowed_account_ids: [remoteAccountId('network')] });
      expect(out.manifest.stacks[name]!.dependencies).toEqual(expect.arrayContaining(['network-hub', `account-${key}`]));
    }
  });

  test('subnets: one per tier per zone, placed by sorted zone id, with the model CIDRs', () => {
    const vpc = network.vpcs.find((v) => v.id === 'payments-prod/main')!;
    const subnets = resources(spoke, 'aws_subnet');
    expect(Object.keys(subnets)).toHaveLength(vpc.tiers.length * vpc.azCount);
    for (const tier of vpc.tiers)
      for (const s of tier.subnets) {
        const subnet = subnets[`subnet_main__${tier.key}__az${s.azIndex}`]!;
        expect(subnet.cidr_block).toBe(s.cidr);
        expect(subnet.availability_zone_id).toBe(`\${element(sort(data.aws_availability_zones.availability_zones.zone_ids), ${s.azIndex})}`);
        expect(subnet.map_public_ip_on_launch).toBe(false);
      }
    expect(resources(spoke, 'aws_vpc').vpc_main!.cidr_block).toBe(vpc.cidr);
  });

  test('the attachment sits in the attachment tier and never joins the default route table', () => {
    const attachment = resources(spoke, 'aws_ec2_transit_gateway_vpc_attachment').tgw_attachment_main!;
    expect(attachment.subnet_ids).toEqual([0, 1, 2].map((i) => `\${aws_subnet.subnet_main__attachment__az${i}.id}`));
    expect(attachment.transit_gateway_default_route_table_association).toBe(false);
    expect(attachment.transit_gateway_default_route_table_propagation).toBe(false);
    expect(attachment.transit_gateway_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-network-hub\./);
  });

  test('only the egress VPC has an internet gateway and NAT gateways; every other default route goes to the TGW', () => {
    for (const name of spokeNames) {
      const stack = out.stacks[name]!;
      const isEgress = name === 'network-network';
      expect([name, Object.keys(resources(stack, 'aws_internet_gateway')).length]).toEqual([name, isEgress ? 1 : 0]);
      expect([name, Object.keys(resources(stack, 'aws_nat_gateway')).length]).toEqual([name, isEgress ? 2 : 0]);
      for (const route of Object.values(resources(stack, 'aws_route')))
        if (!isEgress && route.destination_cidr_block === '0.0.0.0/0') expect(route.transit_gateway_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-network-hub\./);
    }
  });

  test('routes exist exactly for the configured tiers, and routes to the TGW wait for the accepted attachment', () => {
    const routes = resources(spoke, 'aws_route');
    expect(Object.keys(routes).sort()).toEqual(['route_main__app__0-0-0-0_0', 'route_main__data__10-0-0-0_8']);
    for (const r of Object.values(routes)) expect(r.depends_on).toEqual(['aws_ec2_transit_gateway_vpc_attachment_accepter.tgw_accept_main']);
    // The network account's own VPC needs no acceptance: its routes wait for the attachment.
    for (const r of Object.values(resources(out.stacks['network-network']!, 'aws_route')))
      if (r.transit_gateway_id !== undefined) expect(r.depends_on).toEqual(['aws_ec2_transit_gateway_vpc_attachment.tgw_attachment_egress']);
  });
});

/** Associations and propagations of the synthesized stacks as `<account>/<vpc> -> segment`. */
function tableEntries(stacks: Record<string, TerraformJson>, type: string): string[] {
  return routingOf(stacks, type)
    .map(({ vpc, r }) => `${vpc} -> ${/aws_ec2_transit_gateway_route_tabletgw_route_table_([a-z0-9-]+)id/.exec(r.transit_gateway_route_table_id)![1]}`)
    .sort();
}

/**
 * An independent oracle: the VPC pairs the synthesized JSON lets route to each other, from the
 * VPC CIDRs of the account network stacks and the associations, propagations and static routes
 * of those stacks and the hub, with longest-prefix match (static before propagated) done here with
 * ip-address. A VPC whose CIDR IPAM hands out at apply time (`ipv4_ipam_pool_id` and a netmask,
 * no `cidr_block`) takes the CIDR the offline allocator predicts, from `predicted`.
 */
function pairsFromSynthesizedJson(stacks: Record<string, TerraformJson>, predicted: ReadonlyMap<string, string> = new Map()): Array<[string, string]> {
  const cidrsOf = new Map<string, string[]>();
  for (const [name, stack] of Object.entries(stacks)) {
    if (!isAccountNetwork(name)) continue;
    const account = name.slice('network-'.length);
    for (const [id, vpc] of Object.entries(resources(stack, 'aws_vpc'))) {
      const key = id.slice('vpc_'.length);
      const secondary = Object.entries(resources(stack, 'aws_vpc_ipv4_cidr_block_association'))
        .filter(([k]) => k.startsWith(`vpc_${key}__cidr_`))
        .map(([, r]) => r.cidr_block as string);
      const primary = vpc.cidr_block ?? (vpc.ipv4_ipam_pool_id !== undefined && vpc.ipv4_netmask_length !== undefined ? predicted.get(`${account}/${key}`) : undefined);
      if (primary === undefined) throw new Error(`${account}/${key} has no CIDR in the synthesized JSON and none predicted`);
      cidrsOf.set(`${account}/${key}`, [primary, ...secondary]);
    }
  }
  const tableOf = (r: TerraformJson) => /tgw_route_table_([a-z0-9-]+)\.?id/.exec(r.transit_gateway_route_table_id)![1]!;
  const associated = new Map(routingOf(stacks, 'aws_ec2_transit_gateway_route_table_association').map(({ vpc, r }) => [vpc!, tableOf(r)]));
  type Entry = { cidr: string; target: string; isStatic: boolean };
  const entries = new Map<string, Entry[]>();
  const add = (table: string, e: Entry) => entries.set(table, [...(entries.get(table) ?? []), e]);
  for (const { vpc, r } of routingOf(stacks, 'aws_ec2_transit_gateway_route_table_propagation'))
    for (const cidr of cidrsOf.get(vpc!)!) add(tableOf(r), { cidr, target: vpc!, isStatic: false });
  for (const { vpc, r } of routingOf(stacks, 'aws_ec2_transit_gateway_route'))
    add(tableOf(r), { cidr: r.destination_cidr_block, target: r.blackhole ? 'blackhole' : vpc!, isStatic: true });
  const hop = (table: string, cidr: string) => {
    const destination = new Address4(cidr);
    const matching = (entries.get(table) ?? []).filter((e) => destination.isInSubnet(new Address4(e.cidr)));
    matching.sort((a, b) => new Address4(b.cidr).subnetMask - new Address4(a.cidr).subnetMask || Number(b.isStatic) - Number(a.isStatic));
    return matching[0]?.target;
  };
  const forwards = (from: string, to: string) => cidrsOf.get(to)!.every((cidr) => hop(associated.get(from)!, cidr) === to);
  const ids = [...associated.keys()].sort();
  const pairs: Array<[string, string]> = [];
  for (const a of ids) for (const b of ids) if (a < b && forwards(a, b) && forwards(b, a)) pairs.push([a, b]);
  return pairs;
}

describe('the synthesized routing agrees with the reachability function', () => {
  test('one association per attachment, to its segment table, exactly as the model says', () => {
    expect(tableEntries(out.stacks, 'aws_ec2_transit_gateway_route_table_association')).toEqual(network.associations.map((a) => `${a.vpc} -> ${a.segment}`).sort());
  });

  test('propagations are exactly the model\'s: no more, no fewer', () => {
    expect(tableEntries(out.stacks, 'aws_ec2_transit_gateway_route_table_propagation')).toEqual(network.propagations.map((p) => `${p.vpc} -> ${p.segment}`).sort());
  });

  test('the pairs the synthesized routes allow are exactly reachableVpcPairs', () => {
    expect(pairsFromSynthesizedJson(out.stacks)).toEqual(reachableVpcPairs(network));
  });

  test('the same holds for the centralized-egress fixture', () => {
    const egress = modelOf(validateFile(join(FIXTURES, 'valid', 'network-egress.yaml')));
    expect(pairsFromSynthesizedJson(synth(egress).stacks)).toEqual(reachableVpcPairs(egress.network!));
  });

  test('the same holds for the subnet-control fixture (explicit subnets, a secondary CIDR, IPv6, ACLs)', () => {
    const subnets = modelOf(validateFile(join(FIXTURES, 'valid', 'network-subnets.yaml')));
    expect(reachableVpcPairs(subnets.network!)).toEqual([['app-prod/main', 'network/shared']]);
    expect(pairsFromSynthesizedJson(synth(subnets).stacks)).toEqual(reachableVpcPairs(subnets.network!));
  });

  test.each([['network-endpoints.yaml'], ['network-ipam.yaml']])('the same holds for %s, where at least one pair reaches', (file) => {
    const model = modelOf(validateFile(join(FIXTURES, 'valid', file)));
    const pairs = reachableVpcPairs(model.network!);
    expect(pairs.length).toBeGreaterThan(0);
    const predicted = new Map(model.network!.vpcs.filter((v) => v.ipam?.netmask).map((v) => [v.id, v.cidr]));
    expect(pairsFromSynthesizedJson(synth(model).stacks, predicted)).toEqual(pairs);
  });

  test('a network without a Transit Gateway (network-shared-vpc.yaml) synthesizes no TGW route and reaches no pair', () => {
    const model = modelOf(validateFile(join(FIXTURES, 'valid', 'network-shared-vpc.yaml')));
    expect(reachableVpcPairs(model.network!)).toEqual([]);
    const stacks = synth(model).stacks;
    for (const type of ['aws_ec2_transit_gateway', 'aws_ec2_transit_gateway_route', 'aws_ec2_transit_gateway_vpc_attachment'])
      expect(Object.values(stacks).flatMap((j) => Object.keys(resources(j, type)))).toEqual([]);
  });

  test('cross-account attachments are accepted explicitly in the network account, before they are associated', () => {
    const accepters = routingOf(out.stacks, 'aws_ec2_transit_gateway_vpc_attachment_accepter');
    expect(accepters.map((a) => a.vpc).sort()).toEqual(network.vpcs.filter((v) => v.accountKey !== 'network').map((v) => v.id).sort());
    for (const a of accepters) expect(a.r.provider).toBe('aws.network');
    expect(resources(out.stacks['network-payments-prod']!, 'aws_ec2_transit_gateway_route_table_association')['tgw_association_main']!.depends_on)
      .toEqual(['aws_ec2_transit_gateway_vpc_attachment_accepter.tgw_accept_main']);
  });

  test('static routes are exactly the configured ones: default routes with the egress attachment, blackholes in the hub', () => {
    const routes = routingOf(out.stacks, 'aws_ec2_transit_gateway_route');
    expect(routes.map((r) => r.name).sort()).toEqual(network.segments.flatMap((s) => s.routes.map((r) => `tgw_route_${s.key}__${r.key}`)).sort());
    expect(resources(hub, 'aws_ec2_transit_gateway_route')['tgw_route_sandbox__no-on-premises']).toMatchObject({ blackhole: true, destination_cidr_block: '192.168.0.0/16' });
    expect(routes.find((r) => r.name === 'tgw_route_prod__default-egress')!.vpc).toBe('network/egress');
    expect(Object.keys(resources(out.stacks['network-network']!, 'aws_ec2_transit_gateway_route')).sort()).toEqual(
      ['tgw_route_nonprod__default-egress', 'tgw_route_prod__default-egress', 'tgw_route_sandbox__default-egress', 'tgw_route_shared__default-egress'],
    );
  });
});

describe('centralized egress (test/fixtures/valid/network-egress.yaml)', () => {
  const egressValidation = validateFile(join(FIXTURES, 'valid', 'network-egress.yaml'));
  const egressModel = modelOf(egressValidation);
  const egressOut = synth(egressModel);
  const networkSpoke = egressOut.stacks['network-network']!;

  test('validates with no warnings: the blackhole closes the hairpin through the egress NAT (LZ0516)', () => {
    expect(egressValidation.diagnostics).toEqual([]);
  });

  test('the egress VPC has an internet gateway, one NAT gateway per zone in the public tier, and per-zone NAT routes', () => {
    expect(Object.keys(resources(networkSpoke, 'aws_internet_gateway'))).toEqual(['internet_gateway_egress']);
    expect(Object.keys(resources(networkSpoke, 'aws_nat_gateway')).sort()).toEqual(['nat_gateway_egress__az0', 'nat_gateway_egress__az1']);
    expect(resources(networkSpoke, 'aws_nat_gateway').nat_gateway_egress__az1!.subnet_id).toBe('${aws_subnet.subnet_egress__public__az1.id}');
    const routes = resources(networkSpoke, 'aws_route');
    expect(routes['route_egress__attachment__az1__0-0-0-0_0']!.nat_gateway_id).toBe('${aws_nat_gateway.nat_gateway_egress__az1.id}');
    expect(routes['route_egress__public__0-0-0-0_0']!.gateway_id).toBe('${aws_internet_gateway.internet_gateway_egress.id}');
    expect(Object.keys(resources(networkSpoke, 'aws_route_table')).sort()).toEqual(['route_table_egress__attachment__az0', 'route_table_egress__attachment__az1', 'route_table_egress__public']);
  });

  test('the network account\'s own VPC deploys through one provider, like the hub, and needs no acceptance', () => {
    expect(networkSpoke.provider.aws).toHaveLength(1);
    expect(routingOf(egressOut.stacks, 'aws_ec2_transit_gateway_vpc_attachment_accepter')).toEqual([]);
    const routes = resources(networkSpoke, 'aws_ec2_transit_gateway_route');
    expect(routes['tgw_route_prod__default-egress']!.transit_gateway_attachment_id).toBe('${aws_ec2_transit_gateway_vpc_attachment.tgw_attachment_egress.id}');
    expect(routes['tgw_route_prod__default-egress']!.provider).toBeUndefined();
    expect(resources(egressOut.stacks['network-hub']!, 'aws_ec2_transit_gateway_route')['tgw_route_prod__no-east-west']).toMatchObject({ blackhole: true, destination_cidr_block: '10.0.0.0/8' });
  });

  test('TGW options, OU and account principals come from org.yaml', () => {
    const h = egressOut.stacks['network-hub']!;
    expect(resources(h, 'aws_ec2_transit_gateway').transit_gateway).toMatchObject({ amazon_side_asn: 4200000001, auto_accept_shared_attachments: 'enable', dns_support: 'disable' });
    expect(Object.keys(resources(h, 'aws_ram_principal_association')).sort()).toEqual(['tgw_share__account_shared-services', 'tgw_share__ou_Workloads']);
    expect(resources(h, 'aws_ram_principal_association').tgw_share__ou_Workloads!.principal).toMatch(/^arn:aws:organizations::111122223333:ou\/\$\{[^}]+\}\/\$\{[^}]+\}$/);
  });

  test('a secondary CIDR is associated before the attachment, and the app tier defaults to the TGW', () => {
    const s = egressOut.stacks['network-shared-services']!;
    expect(resources(s, 'aws_vpc_ipv4_cidr_block_association')['vpc_main__cidr_10-101-0-0_24']!.cidr_block).toBe('10.101.0.0/24');
    expect(resources(s, 'aws_ec2_transit_gateway_vpc_attachment').tgw_attachment_main!.depends_on).toEqual(['aws_vpc_ipv4_cidr_block_association.vpc_main__cidr_10-101-0-0_24']);
    const app = resources(egressOut.stacks['network-app-prod']!, 'aws_route')['route_main__app__0-0-0-0_0']!;
    expect(app.transit_gateway_id).toMatch(/network-hub/);
  });
});
