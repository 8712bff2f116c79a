import { Address4 } from 'ip-address';
import { join } from 'node:path';
import { reachableVpcPairs } from '../../src/model/network/reachability';
import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth, type TerraformJson } from '../helpers';

const model = defaultModel();
const network = model.network!;
const out = synth(model);
const hub = out.stacks['network-hub']!;
const routing = out.stacks['network-routing']!;
const remoteAccountId = (key: string) => `\${data.terraform_remote_state.cross-stack-reference-input-organization.outputs.cross-stack-output-aws_organizations_accountaccount_${key}id}`;

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

describe('network-spoke stacks', () => {
  const spokeNames = Object.keys(out.stacks).filter((n) => n.startsWith('network-spoke-')).sort();
  const spoke = out.stacks['network-spoke-payments-prod']!;

  test('one spoke per account with a VPC, each deploying into its own account after network-hub', () => {
    expect(spokeNames).toEqual([...new Set(network.vpcs.map((v) => `network-spoke-${v.accountKey}`))].sort());
    for (const name of spokeNames) {
      const key = name.slice('network-spoke-'.length);
      expect(out.stacks[name]!.provider.aws[0].allowed_account_ids).toEqual([remoteAccountId(key)]);
      expect(out.manifest.stacks[name]!.dependencies).toEqual(expect.arrayContaining(['network-hub', 'organization']));
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
      const isEgress = name === 'network-spoke-network';
      expect([name, Object.keys(resources(stack, 'aws_internet_gateway')).length]).toEqual([name, isEgress ? 1 : 0]);
      expect([name, Object.keys(resources(stack, 'aws_nat_gateway')).length]).toEqual([name, isEgress ? 2 : 0]);
      for (const route of Object.values(resources(stack, 'aws_route')))
        if (!isEgress && route.destination_cidr_block === '0.0.0.0/0') expect(route.transit_gateway_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-network-hub\./);
    }
  });

  test('routes exist exactly for the configured tiers, and routes to the TGW wait for the attachment', () => {
    const routes = resources(spoke, 'aws_route');
    expect(Object.keys(routes).sort()).toEqual(['route_main__app__0-0-0-0_0', 'route_main__data__10-0-0-0_8']);
    for (const r of Object.values(routes)) expect(r.depends_on).toEqual(['aws_ec2_transit_gateway_vpc_attachment.tgw_attachment_main']);
  });
});

/** Associations and propagations of a synthesized routing stack as `<account>/<vpc> -> segment`. */
function tableEntries(stack: TerraformJson, type: string): string[] {
  return Object.values(resources(stack, type))
    .map((r) => {
      const vpc = /network-spoke-([a-z0-9-]+)\.outputs\.cross-stack-output-aws_ec2_transit_gateway_vpc_attachmenttgw_attachment_([a-z0-9-]+)id/.exec(r.transit_gateway_attachment_id)!;
      const table = /aws_ec2_transit_gateway_route_tabletgw_route_table_([a-z0-9-]+)id/.exec(r.transit_gateway_route_table_id)!;
      return `${vpc[1]}/${vpc[2]} -> ${table[1]}`;
    })
    .sort();
}

/** The attachment's `<account>/<vpc>` in a synthesized cross-stack reference. */
function attachmentOf(reference: string): string {
  const m = /network-spoke-([a-z0-9-]+)\.outputs\.cross-stack-output-aws_ec2_transit_gateway_vpc_attachmenttgw_attachment_([a-z0-9-]+)id/.exec(reference)!;
  return `${m[1]}/${m[2]}`;
}

/**
 * An independent oracle: the VPC pairs the synthesized JSON lets route to each other, from the
 * VPC CIDRs of the spoke stacks and the associations, propagations and static routes of the
 * routing stack, with longest-prefix match (static before propagated) done here with ip-address.
 */
function pairsFromSynthesizedJson(stacks: Record<string, TerraformJson>): Array<[string, string]> {
  const routingStack = stacks['network-routing']!;
  const cidrsOf = new Map<string, string[]>();
  for (const [name, stack] of Object.entries(stacks)) {
    if (!name.startsWith('network-spoke-')) continue;
    const account = name.slice('network-spoke-'.length);
    for (const [id, vpc] of Object.entries(resources(stack, 'aws_vpc'))) {
      const key = id.slice('vpc_'.length);
      const secondary = Object.entries(resources(stack, 'aws_vpc_ipv4_cidr_block_association'))
        .filter(([k]) => k.startsWith(`vpc_${key}__cidr_`))
        .map(([, r]) => r.cidr_block as string);
      cidrsOf.set(`${account}/${key}`, [vpc.cidr_block, ...secondary]);
    }
  }
  const tableOf = (r: TerraformJson) => /tgw_route_table_([a-z0-9-]+)id/.exec(r.transit_gateway_route_table_id)![1]!;
  const associated = new Map(
    Object.values(resources(routingStack, 'aws_ec2_transit_gateway_route_table_association')).map((r) => [attachmentOf(r.transit_gateway_attachment_id), tableOf(r)]),
  );
  type Entry = { cidr: string; target: string; isStatic: boolean };
  const entries = new Map<string, Entry[]>();
  const add = (table: string, e: Entry) => entries.set(table, [...(entries.get(table) ?? []), e]);
  for (const r of Object.values(resources(routingStack, 'aws_ec2_transit_gateway_route_table_propagation'))) {
    const vpc = attachmentOf(r.transit_gateway_attachment_id);
    for (const cidr of cidrsOf.get(vpc)!) add(tableOf(r), { cidr, target: vpc, isStatic: false });
  }
  for (const r of Object.values(resources(routingStack, 'aws_ec2_transit_gateway_route')))
    add(tableOf(r), { cidr: r.destination_cidr_block, target: r.blackhole ? 'blackhole' : attachmentOf(r.transit_gateway_attachment_id), isStatic: true });
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

describe('network-routing agrees with the reachability function', () => {
  test('one association per attachment, to its segment table, exactly as the model says', () => {
    expect(tableEntries(routing, 'aws_ec2_transit_gateway_route_table_association')).toEqual(network.associations.map((a) => `${a.vpc} -> ${a.segment}`).sort());
  });

  test('propagations are exactly the model\'s: no more, no fewer', () => {
    expect(tableEntries(routing, 'aws_ec2_transit_gateway_route_table_propagation')).toEqual(network.propagations.map((p) => `${p.vpc} -> ${p.segment}`).sort());
  });

  test('the pairs the synthesized routes allow are exactly reachableVpcPairs', () => {
    expect(pairsFromSynthesizedJson(out.stacks)).toEqual(reachableVpcPairs(network));
  });

  test('the same holds for the centralized-egress fixture', () => {
    const egress = modelOf(validateFile(join(FIXTURES, 'valid', 'network-egress.yaml')));
    expect(pairsFromSynthesizedJson(synth(egress).stacks)).toEqual(reachableVpcPairs(egress.network!));
  });

  test('cross-account attachments are accepted explicitly, before they are associated', () => {
    const accepters = resources(routing, 'aws_ec2_transit_gateway_vpc_attachment_accepter');
    expect(Object.keys(accepters).sort()).toEqual(network.vpcs.filter((v) => v.accountKey !== 'network').map((v) => `tgw_accept_${v.accountKey}__${v.key}`).sort());
    expect(resources(routing, 'aws_ec2_transit_gateway_route_table_association')['tgw_association_payments-prod__main']!.depends_on)
      .toEqual(['aws_ec2_transit_gateway_vpc_attachment_accepter.tgw_accept_payments-prod__main']);
  });

  test('static routes are exactly the configured ones: default routes to the egress attachment, blackholes', () => {
    const routes = resources(routing, 'aws_ec2_transit_gateway_route');
    expect(Object.keys(routes).sort()).toEqual(network.segments.flatMap((s) => s.routes.map((r) => `tgw_route_${s.key}__${r.key}`)).sort());
    expect(routes['tgw_route_sandbox__no-on-premises']).toMatchObject({ blackhole: true, destination_cidr_block: '192.168.0.0/16' });
    expect(attachmentOf(routes['tgw_route_prod__default-egress']!.transit_gateway_attachment_id)).toBe('network/egress');
  });
});

describe('centralized egress (test/fixtures/valid/network-egress.yaml)', () => {
  const egressValidation = validateFile(join(FIXTURES, 'valid', 'network-egress.yaml'));
  const egressModel = modelOf(egressValidation);
  const egressOut = synth(egressModel);
  const networkSpoke = egressOut.stacks['network-spoke-network']!;

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

  test('the network account\'s own VPC deploys through the same provider as the hub and needs no acceptance', () => {
    const r = egressOut.stacks['network-routing']!;
    expect(resources(r, 'aws_ec2_transit_gateway_vpc_attachment_accepter')).toEqual({});
    const routes = resources(r, 'aws_ec2_transit_gateway_route');
    expect(routes['tgw_route_prod__default-egress']!.transit_gateway_attachment_id).toMatch(/network-spoke-network\.outputs\.cross-stack-output-aws_ec2_transit_gateway_vpc_attachmenttgw_attachment_egressid/);
    expect(routes['tgw_route_prod__no-east-west']).toMatchObject({ blackhole: true, destination_cidr_block: '10.0.0.0/8' });
  });

  test('TGW options, OU and account principals come from org.yaml', () => {
    const h = egressOut.stacks['network-hub']!;
    expect(resources(h, 'aws_ec2_transit_gateway').transit_gateway).toMatchObject({ amazon_side_asn: 4200000001, auto_accept_shared_attachments: 'enable', dns_support: 'disable' });
    expect(Object.keys(resources(h, 'aws_ram_principal_association')).sort()).toEqual(['tgw_share__account_shared-services', 'tgw_share__ou_Workloads']);
    expect(resources(h, 'aws_ram_principal_association').tgw_share__ou_Workloads!.principal).toMatch(/^arn:aws:organizations::111122223333:ou\/\$\{[^}]+\}\/\$\{[^}]+\}$/);
  });

  test('a secondary CIDR is associated before the attachment, and the app tier defaults to the TGW', () => {
    const s = egressOut.stacks['network-spoke-shared-services']!;
    expect(resources(s, 'aws_vpc_ipv4_cidr_block_association')['vpc_main__cidr_10-101-0-0_24']!.cidr_block).toBe('10.101.0.0/24');
    expect(resources(s, 'aws_ec2_transit_gateway_vpc_attachment').tgw_attachment_main!.depends_on).toEqual(['aws_vpc_ipv4_cidr_block_association.vpc_main__cidr_10-101-0-0_24']);
    const app = resources(egressOut.stacks['network-spoke-app-prod']!, 'aws_route')['route_main__app__0-0-0-0_0']!;
    expect(app.transit_gateway_id).toMatch(/network-hub/);
  });
});
