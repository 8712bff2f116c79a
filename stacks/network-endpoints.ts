import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53VpcAssociationAuthorization } from '@cdktf/provider-aws/lib/route53-vpc-association-authorization';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import { Route53ZoneAssociation } from '@cdktf/provider-aws/lib/route53-zone-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointRouteTableAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-route-table-association';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import type { TerraformStack } from 'cdktf';
import type { CentralEndpointsModel, VpcModel } from '../src/model/network/types';
import { exportAttribute } from './exported-values';
import { ids } from './ids';

const HTTPS = 443;

/** What a VPC's endpoints attach to: the VPC, its subnets by tier and its route tables by tier. */
export interface VpcEndpointTargets {
  readonly vpcId: string;
  readonly subnetIds: ReadonlyMap<string, readonly string[]>;
  readonly routeTables: ReadonlyMap<string, ReadonlyArray<{ readonly azIndex?: number; readonly id: string }>>;
}

/** The central endpoints' security group and one private hosted zone per service, in the endpoints VPC's stack. */
export interface CentralEndpointResources {
  readonly securityGroupId: string;
  /** By service. */
  readonly zoneIds: ReadonlyMap<string, string>;
}

const policyOf = (policy: string | undefined) => (policy !== undefined ? { policy } : {});
const cidrsOf = (v: VpcModel) => [v.cidr, ...v.secondaryCidrs];

/**
 * A security group for interface endpoints that accepts HTTPS, and nothing else, from the given
 * CIDRs. It has no egress rule: endpoints answer on the connections clients open, and Terraform
 * removes the allow-all egress rule AWS adds to a new group.
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html#create-interface-endpoint-prerequisites
 */
function endpointSecurityGroup(stack: TerraformStack, id: string, name: string, vpcId: string): SecurityGroup {
  return new SecurityGroup(stack, id, {
    vpcId,
    name,
    description: 'HTTPS to VPC interface endpoints from the VPCs that use them',
    tags: { Name: name },
  });
}

function httpsFrom(stack: TerraformStack, id: string, securityGroupId: string, cidr: string, description: string, provider?: AwsProvider): void {
  new VpcSecurityGroupIngressRule(stack, id, {
    ...(provider ? { provider } : {}),
    securityGroupId,
    cidrIpv4: cidr,
    ipProtocol: 'tcp',
    fromPort: HTTPS,
    toPort: HTTPS,
    description,
  });
}

/**
 * A VPC's own endpoints. Gateway endpoints (S3, DynamoDB) add the service's prefix list to the
 * route tables of the tiers org.yaml names; interface endpoints get a network interface in each
 * zone of the interface tier and private DNS, so the service's public name resolves to them
 * inside this VPC only, behind a security group open to this VPC's CIDRs on 443.
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 */
export function buildVpcEndpoints(stack: TerraformStack, v: VpcModel, targets: VpcEndpointTargets): void {
  const e = v.endpoints;
  if (!e) return;
  const name = `${v.accountKey}-${v.key}`;
  for (const g of e.gateway) {
    const endpoint = new VpcEndpoint(stack, ids.gatewayEndpoint(v.key, g.service), {
      vpcId: targets.vpcId,
      serviceName: g.serviceName,
      vpcEndpointType: 'Gateway',
      ...policyOf(g.policy),
      tags: { Name: `${name}-${g.service}` },
    });
    for (const tier of g.tiers)
      for (const table of targets.routeTables.get(tier) ?? [])
        new VpcEndpointRouteTableAssociation(stack, ids.gatewayEndpointRoute(v.key, g.service, tier, table.azIndex), { vpcEndpointId: endpoint.id, routeTableId: table.id });
  }
  if (e.interface.length === 0 || e.interfaceTier === undefined) return;
  const group = endpointSecurityGroup(stack, ids.endpointSecurityGroup(v.key), `${name}-endpoints`, targets.vpcId);
  for (const cidr of cidrsOf(v)) httpsFrom(stack, ids.endpointIngress(v.key, cidr), group.id, cidr, `HTTPS from ${v.id}`);
  for (const i of e.interface)
    new VpcEndpoint(stack, ids.interfaceEndpoint(v.key, i.service), {
      vpcId: targets.vpcId,
      serviceName: i.serviceName,
      vpcEndpointType: 'Interface',
      subnetIds: [...targets.subnetIds.get(e.interfaceTier)!],
      securityGroupIds: [group.id],
      privateDnsEnabled: true,
      ...policyOf(i.policy),
      tags: { Name: `${name}-${i.service}` },
    });
}

/**
 * The central interface endpoints, in the endpoints VPC's stack: per service an endpoint with
 * private DNS off and a private hosted zone named as the service (`ssm.<region>.amazonaws.com`)
 * whose alias A record points at the endpoint, created with the endpoints VPC. Consuming VPCs
 * associate themselves with the zones from their own stacks (`useCentralEndpoints`), so the zone
 * ignores changes to its VPC list and this stack does not change when a consumer is added: the
 * zone ids and the security group id are outputs from the start.
 * @see https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53_zone_association
 */
export function buildCentralEndpoints(stack: TerraformStack, central: CentralEndpointsModel, v: VpcModel, targets: VpcEndpointTargets): CentralEndpointResources {
  const group = endpointSecurityGroup(stack, ids.centralEndpointSecurityGroup, `${v.accountKey}-${v.key}-central-endpoints`, targets.vpcId);
  exportAttribute(stack, group, 'id');
  for (const cidr of cidrsOf(v)) httpsFrom(stack, ids.endpointIngress(v.key, cidr), group.id, cidr, `HTTPS from ${v.id}`);
  const zoneIds = new Map<string, string>();
  for (const s of central.services) {
    const endpoint = new VpcEndpoint(stack, ids.centralEndpoint(s.service), {
      vpcId: targets.vpcId,
      serviceName: s.serviceName,
      vpcEndpointType: 'Interface',
      subnetIds: [...targets.subnetIds.get(central.tier)!],
      securityGroupIds: [group.id],
      privateDnsEnabled: false,
      ...policyOf(s.policy),
      tags: { Name: `central-${s.service}` },
    });
    const zone = new Route53Zone(stack, ids.centralEndpointZone(s.service), {
      name: s.zoneName,
      comment: `Resolves ${s.zoneName} to the central interface endpoint in ${central.vpc}`,
      vpc: [{ vpcId: targets.vpcId }],
      tags: { Name: s.zoneName },
      lifecycle: { ignoreChanges: ['vpc'] },
    });
    exportAttribute(stack, zone, 'zone_id');
    zoneIds.set(s.service, zone.zoneId);
    const alias = { name: endpoint.dnsEntry.get(0).dnsName, zoneId: endpoint.dnsEntry.get(0).hostedZoneId, evaluateTargetHealth: false };
    for (const wildcard of s.wildcard ? [false, true] : [false])
      new Route53Record(stack, ids.centralEndpointRecord(s.service, wildcard), {
        zoneId: zone.zoneId,
        name: wildcard ? `*.${s.zoneName}` : s.zoneName,
        type: 'A',
        alias,
      });
  }
  return { securityGroupId: group.id, zoneIds };
}

/**
 * A consuming VPC's side of the central endpoints, all in its own account's stack: per service,
 * the zone owner's authorization (through `zoneOwner`, the endpoints account's provider; none when
 * the VPC is in that account) and the association made by the VPC's account, and HTTPS from the
 * VPC's CIDRs in the endpoints' security group. Adding an account therefore touches its own stack only.
 * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html
 */
export function useCentralEndpoints(stack: TerraformStack, v: VpcModel, vpcId: string, central: CentralEndpointsModel, resources: CentralEndpointResources, zoneOwner: AwsProvider | undefined): void {
  for (const s of central.services) {
    const zoneId = resources.zoneIds.get(s.service)!;
    const authorization = zoneOwner
      ? [new Route53VpcAssociationAuthorization(stack, ids.centralZoneAuthorization(v.key, s.service), { provider: zoneOwner, zoneId, vpcId })]
      : [];
    new Route53ZoneAssociation(stack, ids.centralZoneAssociation(v.key, s.service), {
      zoneId,
      vpcId,
      ...(authorization.length > 0 ? { dependsOn: authorization } : {}),
    });
  }
  for (const cidr of cidrsOf(v)) httpsFrom(stack, ids.centralEndpointIngress(v.key, cidr), resources.securityGroupId, cidr, `HTTPS from ${v.id}`, zoneOwner);
}
