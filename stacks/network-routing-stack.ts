import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import { Ec2TransitGatewayVpcAttachmentAccepter } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment-accepter';
import { type ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { NetworkModel } from '../src/model/network/types';
import type { LandingZoneModel } from '../src/model/types';
import { ids } from './ids';
import { networkAccountProvider } from './network-account-provider';
import type { NetworkHubStack } from './network-hub-stack';
import type { NetworkSpokeStack } from './network-spoke-stack';
import type { OrganizationStack } from './organization-stack';

export interface NetworkRoutingStackProps {
  readonly model: LandingZoneModel;
  readonly network: NetworkModel;
  readonly organization: OrganizationStack;
  readonly hub: NetworkHubStack;
  /** Spoke stacks by account key. */
  readonly spokes: ReadonlyMap<string, NetworkSpokeStack>;
}

/**
 * Wave 4, network account: what each attachment may reach. Exactly the model's associations and
 * propagations are created (model/network/reachability.ts answers from the same data), plus the
 * static and blackhole routes of each segment. Addresses derive from account, VPC and segment
 * keys, so one more VPC adds only its own resources here.
 */
export class NetworkRoutingStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: NetworkRoutingStackProps) {
    super(scope, id);
    const { model, network, organization, hub, spokes } = props;
    networkAccountProvider(this, model, organization, network.accountKey, network.region);
    this.addDependency(hub);
    for (const spoke of spokes.values()) this.addDependency(spoke);

    const vpcById = new Map(network.vpcs.map((v) => [v.id, v]));
    const attachmentId = (vpcId: string) => {
      const v = vpcById.get(vpcId)!;
      return spokes.get(v.accountKey)!.attachmentId(v.key);
    };
    // Attachments from other accounts wait for acceptance unless the TGW auto-accepts; only the
    // attachments org.yaml declares are accepted, so a stray attachment stays pending.
    const ready = new Map<string, ITerraformDependable[]>();
    for (const v of network.vpcs) {
      if (v.accountKey === network.accountKey || network.transitGateway.autoAcceptSharedAttachments) {
        ready.set(v.id, []);
        continue;
      }
      ready.set(v.id, [new Ec2TransitGatewayVpcAttachmentAccepter(this, ids.tgwAttachmentAccepter(v.accountKey, v.key), {
        transitGatewayAttachmentId: attachmentId(v.id),
        transitGatewayDefaultRouteTableAssociation: false,
        transitGatewayDefaultRouteTablePropagation: false,
        tags: { Name: `${v.accountKey}-${v.key}`, segment: v.segment },
      })]);
    }

    for (const a of network.associations) {
      const v = vpcById.get(a.vpc)!;
      new Ec2TransitGatewayRouteTableAssociation(this, ids.tgwAssociation(v.accountKey, v.key), {
        transitGatewayAttachmentId: attachmentId(a.vpc),
        transitGatewayRouteTableId: hub.routeTableId(a.segment),
        ...after(ready.get(a.vpc)!),
      });
    }
    for (const p of network.propagations) {
      const v = vpcById.get(p.vpc)!;
      new Ec2TransitGatewayRouteTablePropagation(this, ids.tgwPropagation(v.accountKey, v.key, p.segment), {
        transitGatewayAttachmentId: attachmentId(p.vpc),
        transitGatewayRouteTableId: hub.routeTableId(p.segment),
        ...after(ready.get(p.vpc)!),
      });
    }
    for (const segment of network.segments)
      for (const route of segment.routes) {
        const target = route.target;
        new Ec2TransitGatewayRoute(this, ids.tgwStaticRoute(segment.key, route.key), {
          transitGatewayRouteTableId: hub.routeTableId(segment.key),
          destinationCidrBlock: route.destination,
          ...(target.kind === 'blackhole' ? { blackhole: true } : { transitGatewayAttachmentId: attachmentId(target.vpc) }),
          ...(target.kind === 'attachment' ? after(ready.get(target.vpc)!) : {}),
        });
      }
  }
}

function after(dependencies: ITerraformDependable[]): { dependsOn?: ITerraformDependable[] } {
  return dependencies.length > 0 ? { dependsOn: dependencies } : {};
}
