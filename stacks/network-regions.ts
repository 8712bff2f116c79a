import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayPeeringAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-peering-attachment';
import { Ec2TransitGatewayPeeringAttachmentAccepter } from '@cdktf/provider-aws/lib/ec2-transit-gateway-peering-attachment-accepter';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { ITerraformDependable, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import type { RegionalAccountNetwork } from '../src/model/network/regions';
import type { MultiRegionModel, NetworkModel, TgwPeeringModel } from '../src/model/network/types';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { exportAttribute } from './exported-values';
import { regionalIds } from './network-regions-ids';
import { networkAccountProvider } from './network-account-provider';
import type { NetworkHubStack } from './network-hub-stack';

/**
 * A region's peering table: the one route table every peering attachment of the region is
 * associated with. Traffic that arrives from another region is looked up here, so it holds only
 * the propagations of this region's VPCs that another region's segments reach; no segment's
 * attachment is associated with it, so it opens nothing within the region.
 * @see https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html
 */
export function peeringRouteTable(stack: TerraformStack, transitGateway: Ec2TransitGateway, name: string): Ec2TransitGatewayRouteTable {
  const table = new Ec2TransitGatewayRouteTable(stack, regionalIds.peeringRouteTable, {
    transitGatewayId: transitGateway.id,
    tags: { Name: `${name}-peering`, segment: 'peering' },
    lifecycle: { preventDestroy: true },
  });
  exportAttribute(stack, table, 'id');
  return table;
}

/** What a regional `network-<id>` stack needs beyond a one-region spoke: its region, its peering entries and where they go. */
export interface RegionalSpokeProps {
  readonly region: string;
  readonly part: RegionalAccountNetwork;
  /** The accepted peering attachment's id, by peering key. */
  peeringAttachmentId(peering: string): string;
}

/**
 * The routes in this region's segment tables to the account's VPCs in other regions, sending each
 * CIDR to the peering with the VPC's region (peering attachments do not propagate). They are in
 * the VPC's account's stack of this region, with the network account's provider of this region, so
 * a new VPC adds them without touching any other stack.
 */
export function peeringRoutes(stack: TerraformStack, regional: RegionalSpokeProps, hub: NetworkHubStack, provider: AwsProvider | undefined): void {
  const keyOf = (vpc: string) => vpc.slice(vpc.indexOf('/') + 1);
  for (const r of regional.part.peeringRoutes)
    new Ec2TransitGatewayRoute(stack, regionalIds.peeringRoute(r.segment, keyOf(r.vpc), r.destination), {
      ...(provider ? { provider } : {}),
      transitGatewayRouteTableId: hub.routeTableId(r.segment),
      destinationCidrBlock: r.destination,
      transitGatewayAttachmentId: regional.peeringAttachmentId(r.peering),
    });
}

/** The propagations of the account's VPCs of this region into the region's peering table, after each attachment is usable. */
export function peeringPropagations(
  stack: TerraformStack,
  regional: RegionalSpokeProps,
  hub: NetworkHubStack,
  provider: AwsProvider | undefined,
  attachment: (vpcKey: string) => { id: string; ready: ITerraformDependable[] },
): void {
  for (const vpc of regional.part.peeringPropagations) {
    const key = vpc.slice(vpc.indexOf('/') + 1);
    const { id, ready } = attachment(key);
    new Ec2TransitGatewayRouteTablePropagation(stack, regionalIds.peeringPropagation(key), {
      ...(provider ? { provider } : {}),
      transitGatewayAttachmentId: id,
      transitGatewayRouteTableId: hub.peeringRouteTable!.id,
      dependsOn: ready,
    });
  }
}

export interface NetworkPeeringStackProps {
  readonly model: LandingZoneModel;
  readonly network: NetworkModel;
  readonly multiRegion: MultiRegionModel;
  readonly accounts: AccountDirectory;
  readonly peering: TgwPeeringModel;
  readonly hubs: ReadonlyMap<string, NetworkHubStack>;
}

/**
 * `network-peering_<region>_<region>`, in the network account: the peering attachment requested
 * from the first region's Transit Gateway, its acceptance in the second's (a provider per region,
 * two in all), and its association with each side's peering table. The accepted attachment's id
 * is an output from the start, so the VPCs' stacks that route to it leave this stack as it is.
 * @see https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html
 */
export class NetworkPeeringStack extends LandingZoneStack {
  readonly accepter: Ec2TransitGatewayPeeringAttachmentAccepter;

  constructor(scope: Construct, id: string, props: NetworkPeeringStackProps) {
    super(scope, id);
    const { model, network, accounts, peering, hubs } = props;
    const name = model.organization.name;
    const requesterHub = hubs.get(peering.requester)!;
    const accepterHub = hubs.get(peering.accepter)!;
    networkAccountProvider(this, model, accounts, network.accountKey, peering.requester);
    const accepterProvider = networkAccountProvider(this, model, accounts, network.accountKey, peering.accepter, peering.accepter);
    this.addDependency(requesterHub);
    this.addDependency(accepterHub);

    const tags = { Name: `${name}-${peering.requester}-${peering.accepter}` };
    const attachment = new Ec2TransitGatewayPeeringAttachment(this, regionalIds.peeringAttachment, {
      transitGatewayId: requesterHub.transitGateway.id,
      peerTransitGatewayId: accepterHub.transitGateway.id,
      peerRegion: peering.accepter,
      peerAccountId: accounts.accountId(network.accountKey),
      tags,
    });
    this.accepter = new Ec2TransitGatewayPeeringAttachmentAccepter(this, regionalIds.peeringAccepter, {
      provider: accepterProvider,
      transitGatewayAttachmentId: attachment.id,
      tags,
    });
    exportAttribute(this, this.accepter, 'transit_gateway_attachment_id');
    new Ec2TransitGatewayRouteTableAssociation(this, regionalIds.peeringAssociation(peering.requester), {
      transitGatewayAttachmentId: attachment.id,
      transitGatewayRouteTableId: requesterHub.peeringRouteTable!.id,
      dependsOn: [this.accepter],
    });
    new Ec2TransitGatewayRouteTableAssociation(this, regionalIds.peeringAssociation(peering.accepter), {
      provider: accepterProvider,
      transitGatewayAttachmentId: this.accepter.transitGatewayAttachmentId,
      transitGatewayRouteTableId: accepterHub.peeringRouteTable!.id,
    });
  }
}
