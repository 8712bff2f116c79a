import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { Ec2TransitGateway } from '@cdktf/provider-aws/lib/ec2-transit-gateway';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTable } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table';
import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import type { Construct } from 'constructs';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import { renameChainEnd } from '../src/model/managed-changes';
import type { NetworkModel } from '../src/model/network/types';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { exportAttribute } from './exported-values';
import { ids } from './ids';
import { networkAccountProvider } from './network-account-provider';
import { peeringRouteTable } from './network-regions';
import type { OrganizationStack } from './organization-stack';

export interface NetworkHubStackProps {
  readonly model: LandingZoneModel;
  readonly network: NetworkModel;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
  /** A regional hub of a multi-region network (`network-hub_<region>`): its region and ASN. @default - the primary region and `network.transitGateway.asn` */
  readonly regional?: { readonly region: string; readonly asn: number };
}

/**
 * Wave 2, network account: the Transit Gateway, one route table per segment, the segments'
 * blackhole routes, and the RAM share. Default association and propagation are disabled: an
 * attachment reaches nothing until its account's network stack associates it with its segment's
 * table, so a forgotten entry isolates, never opens. What belongs to one VPC (its association,
 * propagations and the static routes to it) lives in that VPC's account's network stack; the
 * gateway's and every table's id are outputs from the start, so a new VPC leaves this stack as it was.
 * @see https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html
 */
export class NetworkHubStack extends LandingZoneStack {
  readonly transitGateway: Ec2TransitGateway;
  private readonly routeTables = new Map<string, Ec2TransitGatewayRouteTable>();
  /** In a multi-region network: the table every peering attachment of this region is associated with. */
  readonly peeringRouteTable?: Ec2TransitGatewayRouteTable;

  constructor(scope: Construct, id: string, props: NetworkHubStackProps) {
    super(scope, id);
    const { model, network, organization, accounts } = props;
    const name = model.organization.name;
    networkAccountProvider(this, model, accounts, network.accountKey, props.regional?.region ?? network.region);
    this.addDependency(organization);

    this.transitGateway = new Ec2TransitGateway(this, ids.transitGateway, {
      description: `${name} hub`,
      amazonSideAsn: props.regional?.asn ?? network.transitGateway.asn,
      autoAcceptSharedAttachments: enable(network.transitGateway.autoAcceptSharedAttachments),
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: enable(network.transitGateway.dnsSupport),
      tags: { Name: `${name}-hub` },
      // Every VPC of the organization routes through it: no plan replaces or deletes it.
      lifecycle: { preventDestroy: true },
    });
    exportAttribute(this, this.transitGateway, 'id');

    for (const segment of network.segments) {
      const table = new Ec2TransitGatewayRouteTable(this, ids.tgwRouteTable(segment.key), {
        transitGatewayId: this.transitGateway.id,
        tags: { Name: `${name}-${segment.key}`, segment: segment.key },
        lifecycle: { preventDestroy: true },
      });
      this.routeTables.set(segment.key, table);
      exportAttribute(this, table, 'id');
      for (const route of segment.routes)
        if (route.target.kind === 'blackhole')
          new Ec2TransitGatewayRoute(this, ids.tgwStaticRoute(segment.key, route.key), {
            transitGatewayRouteTableId: table.id,
            destinationCidrBlock: route.destination,
            blackhole: true,
          });
    }

    if (network.multiRegion) this.peeringRouteTable = peeringRouteTable(this, this.transitGateway, name);

    const share = new RamResourceShare(this, ids.tgwShare, {
      name: `${name}-transit-gateway`,
      allowExternalPrincipals: false,
      lifecycle: { preventDestroy: true },
    });
    new RamResourceAssociation(this, ids.tgwShareResource, { resourceShareArn: share.arn, resourceArn: this.transitGateway.arn });
    const partition = model.organization.partition;
    const managementId = model.organization.managementAccountId;
    const orgArn = `arn:${partition}:organizations::${managementId}:organization/${organization.organizationId}`;
    const principal = (id: string, value: string) => new RamPrincipalAssociation(this, id, { resourceShareArn: share.arn, principal: value });
    if (network.sharing.organization) principal(ids.tgwSharePrincipal({ kind: 'organization' }), orgArn);
    for (const path of network.sharing.ous)
      principal(ids.tgwSharePrincipal({ kind: 'ou', path }), `arn:${partition}:organizations::${managementId}:ou/${organization.organizationId}/${organization.ouId(path)}`);
    for (const key of network.sharing.accounts) principal(ids.tgwSharePrincipal({ kind: 'account', key }), accounts.accountId(key));

    // The one address here that names an account: a renamed account keeps its share association.
    const renames = model.managedChanges?.renamedAccounts ?? [];
    const endOf = renameChainEnd(renames);
    const shared = new Set(network.sharing.accounts);
    const type = RamPrincipalAssociation.tfResourceType;
    const address = (key: string) => `${type}.${ids.tgwSharePrincipal({ kind: 'account', key })}`;
    const moved = renames.filter((r) => shared.has(endOf(r.to))).map((r) => ({ from: address(r.from), to: address(r.to) }));
    if (moved.length > 0) new RefactoringBlocks(this, 'refactoring', { moved, removed: [] });
  }

  routeTableId(segment: string): string {
    const table = this.routeTables.get(segment);
    if (!table) throw new Error(`unknown segment ${segment}`);
    return table.id;
  }
}

function enable(on: boolean): 'enable' | 'disable' {
  return on ? 'enable' : 'disable';
}
