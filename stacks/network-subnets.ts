import { DefaultNetworkAcl } from '@cdktf/provider-aws/lib/default-network-acl';
import { EgressOnlyInternetGateway } from '@cdktf/provider-aws/lib/egress-only-internet-gateway';
import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import type { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import type { Subnet } from '@cdktf/provider-aws/lib/subnet';
import type { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import type { MovedAddress } from '../src/constructs/refactoring-blocks';
import { routeTablePerZone } from '../src/model/network/subnets';
import type { SubnetModel, SubnetTierModel, VpcModel } from '../src/model/network/types';
import { ids } from './ids';

const IPV6_DEFAULT_ROUTE = '::/0';
/** A /56 split into /64s: 8 more bits. */
const IPV6_SUBNET_BITS = 8;

/** The VPC argument that asks for an Amazon-provided /56. @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#vpc-sizing-ipv6 */
export function vpcIpv6Args(v: VpcModel): { assignGeneratedIpv6CidrBlock?: boolean } {
  return v.ipv6 === true ? { assignGeneratedIpv6CidrBlock: true } : {};
}

/** A subnet's /64 of the VPC's /56, by its pinned index (known only at apply time: AWS picks the /56). */
export function subnetIpv6Args(vpc: Vpc, tier: SubnetTierModel, s: SubnetModel): { ipv6CidrBlock?: string; assignIpv6AddressOnCreation?: boolean } {
  if (tier.ipv6 === undefined || s.ipv6Index === undefined) return {};
  return { ipv6CidrBlock: Fn.cidrsubnet(vpc.ipv6CidrBlock, IPV6_SUBNET_BITS, s.ipv6Index), assignIpv6AddressOnCreation: tier.ipv6.assignAddressOnCreation };
}


/**
 * The egress-only internet gateway of a VPC whose nat tiers have IPv6: the IPv6 counterpart of the
 * NAT gateway (outbound only), so `::/0` from a private tier never reaches the internet gateway.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html
 */
export function egressOnlyGateway(scope: Construct, v: VpcModel, vpc: Vpc): EgressOnlyInternetGateway | undefined {
  if (!v.tiers.some((t) => t.ipv6 !== undefined && t.defaultRoute === 'nat')) return undefined;
  return new EgressOnlyInternetGateway(scope, ids.egressOnlyInternetGateway(v.key), { vpcId: vpc.id, tags: { Name: `${v.accountKey}-${v.key}` } });
}

/**
 * `::/0` of an IPv6 tier, the way its IPv4 default route goes and nowhere else: internet tiers to
 * the internet gateway, nat tiers to the egress-only gateway. A tier without a default route gets
 * none (rule LZ0544 refuses IPv6 on a transit-gateway tier, whose attachment carries no IPv6).
 */
export function ipv6DefaultRoute(scope: Construct, v: VpcModel, tier: SubnetTierModel, table: RouteTable, azIndex: number | undefined, targets: { internet?: InternetGateway; egressOnly?: EgressOnlyInternetGateway }): void {
  if (tier.ipv6 === undefined) return;
  const target = tier.defaultRoute === 'internet' ? { gatewayId: targets.internet!.id } : tier.defaultRoute === 'nat' ? { egressOnlyGatewayId: targets.egressOnly!.id } : undefined;
  if (target === undefined) return;
  new Route(scope, ids.ipv6DefaultRoute(v.key, tier.key, azIndex), { routeTableId: table.id, destinationIpv6CidrBlock: IPV6_DEFAULT_ROUTE, ...target });
}

/**
 * The `moved` blocks of tiers that changed between one route table and one per zone. A tier with
 * tables per zone (routeTablePerAz, a nat tier, or a zonal tier of the inspection VPC): the shared
 * table becomes the az0 table, with its routes, so zone 0 keeps its table and the other zones'
 * associations are updated in place to their new tables; for a tier that had them from the start
 * the blocks name nothing in the state and Terraform ignores them. A tier that lz.lock.json
 * records with tables per zone and that now shares one (routeTablePerAz turned off, or a tier that
 * is no longer nat or zonal): the az0 table and its routes become the shared ones, and the other
 * zones' associations move to it before their tables are destroyed. A route whose target changes
 * with the tier's kind (a default route that now goes to the NAT gateway) is updated in place.
 * @see https://developer.hashicorp.com/terraform/language/modules/develop/refactoring
 */
export function routeTableMoves(v: VpcModel, zonal: (tier: SubnetTierModel) => boolean = () => false): MovedAddress[] {
  const table = RouteTable.tfResourceType;
  const route = Route.tfResourceType;
  return v.tiers.flatMap((t) => {
    // Tables per zone for another reason (the inspection VPC's zonal tiers) count as such: nothing moves back to a shared table.
    const perZone = routeTablePerZone(t) || zonal(t);
    if (!perZone && t.formerRouteTablePerZone !== true) return [];
    // The addresses of the tier's shared table and its routes, each with its az0 counterpart.
    const destinations = [...(t.defaultRoute === 'none' ? [] : ['0.0.0.0/0']), ...t.transitGatewayDestinations];
    const pairs = [
      { shared: `${table}.${ids.routeTable(v.key, t.key)}`, az0: `${table}.${ids.routeTable(v.key, t.key, 0)}` },
      ...destinations.map((d) => ({ shared: `${route}.${ids.route(v.key, t.key, d)}`, az0: `${route}.${ids.route(v.key, t.key, d, 0)}` })),
      ...(t.ipv6 !== undefined && (t.defaultRoute === 'internet' || t.defaultRoute === 'nat') ? [{ shared: `${route}.${ids.ipv6DefaultRoute(v.key, t.key)}`, az0: `${route}.${ids.ipv6DefaultRoute(v.key, t.key, 0)}` }] : []),
    ];
    return perZone ? pairs.map((p) => ({ from: p.shared, to: p.az0 })) : pairs.map((p) => ({ from: p.az0, to: p.shared }));
  });
}

/**
 * The network ACLs of a VPC's tiers, one aws_network_acl_rule per entry (addressed by direction
 * and rule number, so reordering org.yaml changes nothing), associated with the tier's subnets.
 * When every tier has its own ACL no subnet is left on the default one, which is then taken over
 * with no rules: nothing is allowed through it, and EC2.21 can judge the VPC.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21
 */
export function networkAcls(scope: Construct, v: VpcModel, vpc: Vpc, subnets: ReadonlyMap<string, readonly Subnet[]>): void {
  const name = `${v.accountKey}-${v.key}`;
  const acls: NetworkAcl[] = [];
  for (const tier of v.tiers) {
    if (tier.networkAcl === undefined) continue;
    const acl = new NetworkAcl(scope, ids.networkAcl(v.key, tier.key), {
      vpcId: vpc.id,
      subnetIds: subnets.get(tier.key)!.map((s) => s.id),
      tags: { Name: `${name}-${tier.key}`, tier: tier.key },
    });
    acls.push(acl);
    for (const direction of ['ingress', 'egress'] as const)
      for (const e of tier.networkAcl[direction])
        new NetworkAclRule(scope, ids.networkAclRule(v.key, tier.key, direction, e.rule), {
          networkAclId: acl.id,
          egress: direction === 'egress',
          ruleNumber: e.rule,
          ruleAction: e.action,
          protocol: e.protocol,
          ...(e.cidrBlock !== undefined ? { cidrBlock: e.cidrBlock } : {}),
          ...(e.ipv6CidrBlock !== undefined ? { ipv6CidrBlock: e.ipv6CidrBlock } : {}),
          ...(e.fromPort !== undefined ? { fromPort: e.fromPort, toPort: e.toPort } : {}),
          ...(e.icmpType !== undefined ? { icmpType: e.icmpType, icmpCode: e.icmpCode } : {}),
        });
  }
  // After the subnets have left it: a new VPC's subnets start on the default ACL.
  if (v.lockDefaultNetworkAcl === true)
    new DefaultNetworkAcl(scope, ids.defaultNetworkAcl(v.key), { defaultNetworkAclId: vpc.defaultNetworkAclId, tags: { Name: `${name}-default` }, dependsOn: acls });
}
