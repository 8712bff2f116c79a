import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { Ec2TransitGatewayRoute } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route';
import { Ec2TransitGatewayRouteTableAssociation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association';
import { Ec2TransitGatewayRouteTablePropagation } from '@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation';
import { Ec2TransitGatewayVpcAttachment } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment';
import { Ec2TransitGatewayVpcAttachmentAccepter } from '@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment-accepter';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, type ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import { bucketArn } from '../src/constructs/log-archive-policies';
import type { AccountBaselineModel } from '../src/model/baseline';
import type { AccountNetwork } from '../src/model/network/by-account';
import { isZonalInspectionTier } from '../src/model/network/inspection';
import { routeTablePerZone } from '../src/model/network/subnets';
import type { InspectionModel, NetworkModel, SubnetTierModel, VpcModel } from '../src/model/network/types';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { ids } from './ids';
import { egressOnlyGateway, ipv6DefaultRoute, networkAcls, routeTableMoves, subnetIpv6Args, vpcIpv6Args } from './network-subnets';
import { networkAccountProvider } from './network-account-provider';
import { buildFirewall, firewallRoutes } from './network-inspection';
import type { LogArchiveStack } from './log-archive-stack';
import { buildCentralEndpoints, buildVpcEndpoints, useCentralEndpoints, type CentralEndpointResources } from './network-endpoints';
import type { NetworkHubStack } from './network-hub-stack';
import { subnetCidrBlock, vpcAddressing, type IpamStack } from './ipam-stack';
import { shareSubnets } from './network-shared-subnets';
import type { OrganizationStack } from './organization-stack';
import { peeringPropagations, peeringRoutes, type RegionalSpokeProps } from './network-regions';

export interface NetworkSpokeStackProps {
  readonly model: LandingZoneModel;
  readonly network: NetworkModel;
  readonly accounts: AccountDirectory;
  /** The Transit Gateway hub; none when the network has no Transit Gateway. */
  readonly hub: NetworkHubStack | undefined;
  /** The IPAM whose pools the VPCs are allocated from, when the network has one. */
  readonly ipam?: IpamStack | undefined;
  /** For the RAM principals of shared subnets (the organization, OUs). */
  readonly organization: OrganizationStack;
  /** The account's VPCs and the Transit Gateway entries that exist because of them. */
  readonly part: AccountNetwork;
  /** The log archive, where flow logs go when the account's baseline has them on. */
  readonly logArchive?: LogArchiveStack;
  /** The stack of the central endpoints' VPC, when this account's VPCs use them from another account. */
  readonly centralEndpoints?: NetworkSpokeStack;
  /** In a multi-region network: the stack's region and its peering entries. @default - the primary region, no peering */
  readonly regional?: RegionalSpokeProps;
}

const DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * `network-<id>`, one per account with a VPC: in the account, its VPCs, subnets per AZ per tier,
 * route tables, and a Transit Gateway attachment per VPC; in the network account (a second
 * provider, `aws.network`, unless the account is the network account), what each attachment may
 * reach: its acceptance (unless the gateway auto-accepts), its association with its segment's
 * table, its propagations into the tables of the segments allowed to reach it, and the segments'
 * static routes to it. Exactly the model's entries (model/network/reachability.ts answers from the
 * same data). Everything is ordered after the attachment inside one apply, so a new account's VPC
 * is connected in a single pass. The stack depends on network-hub, so the attachment is created
 * after the RAM share exists. Routes exist only where org.yaml asks: a tier without defaultRoute
 * and transitGatewayDestinations reaches nothing outside its VPC.
 *
 * In a network of more than one region (`network.regions`) an account has one such stack per region
 * (`network-<id>` for the primary, `network-<id>_<region>`), both providers in that region, and
 * each also holds the routes of that region's tables to the account's VPCs elsewhere
 * (stacks/network-regions.ts).
 *
 * Subnets are placed by availability zone id (use1-az1...), not name: names are shuffled per
 * account while ids name the same physical zone everywhere, so index 0 is one zone in every
 * account, and attachment and workload subnets line up across accounts. The ids come from a data
 * source, sorted, because which zones an account may use is only known at plan time.
 */
export class NetworkSpokeStack extends LandingZoneStack {
  private readonly attachments = new Map<string, Ec2TransitGatewayVpcAttachment>();
  private readonly vpcs = new Map<string, Vpc>();
  /** By VPC key: what makes its attachment usable, the acceptance where one is needed, else the attachment. */
  private readonly ready = new Map<string, ITerraformDependable[]>();
  /** By VPC key: subnet ids by tier, and route tables by tier, for its endpoints. */
  private readonly subnetIds = new Map<string, Map<string, string[]>>();
  private readonly routeTables = new Map<string, Map<string, Array<{ azIndex?: number; id: string }>>>();
  /** The central interface endpoints, in the stack of the VPC that holds them. */
  centralEndpoints?: CentralEndpointResources;

  constructor(scope: Construct, id: string, props: NetworkSpokeStackProps) {
    super(scope, id);
    const { model, network, accounts, hub, ipam, part } = props;
    const accountKey = part.accountKey;
    const region = props.regional?.region ?? network.region;
    networkAccountProvider(this, model, accounts, accountKey, region);
    const networkProvider = accountKey === network.accountKey
      ? undefined
      : networkAccountProvider(this, model, accounts, network.accountKey, region, 'network');
    if (hub) this.addDependency(hub);
    if (ipam) this.addDependency(ipam);
    if (props.regional && hub) peeringRoutes(this, props.regional, hub, networkProvider);
    // An account whose last VPC is gone keeps its stack, which plans the VPC's removal.
    if (part.vpcs.length === 0) return;
    const zones = new DataAwsAvailabilityZones(this, ids.availabilityZones, {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    const zoneId = (azIndex: number) => Fn.element(Fn.sort(zones.zoneIds), azIndex);
    for (const vpc of part.vpcs) this.buildVpc(vpc, network, hub, zoneId, networkProvider, props);
    if (hub) this.buildRouting(part, hub, networkProvider);
    const moved = part.vpcs.flatMap((v) => routeTableMoves(v, (tier) => isZonalInspectionTier(v, tier, network.inspection)));
    if (moved.length > 0) new RefactoringBlocks(this, 'refactoring', { moved, removed: [] });
    this.buildEndpoints(props, networkProvider);
    if (props.regional && hub) peeringPropagations(this, props.regional, hub, networkProvider, (vpcKey) => ({ id: this.attachments.get(vpcKey)!.id, ready: this.ready.get(vpcKey)! }));
    const baseline = model.baseline?.accounts[accountKey];
    if (baseline) for (const vpc of part.vpcs) this.lockDown(vpc, baseline, props.logArchive, model.organization.partition);
  }

  /**
   * The account baseline for a VPC: its default security group without any rule (Terraform takes
   * it over and removes AWS's allow-all rules), and flow logs into the log archive bucket when the
   * baseline has them on. The default network ACL is left as AWS ships it (unless every tier has its
   * own, see network-subnets.ts): the subnets here are
   * associated with it, and its allow-all rules are what the security groups and routes rely on.
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3.html
   * @see https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2
   */
  private lockDown(v: VpcModel, baseline: AccountBaselineModel, logArchive: LogArchiveStack | undefined, partition: string): void {
    const vpc = this.vpcs.get(v.key)!;
    new DefaultSecurityGroup(this, ids.defaultSecurityGroup(v.key), { vpcId: vpc.id, ingress: [], egress: [], tags: { Name: `${v.accountKey}-${v.key}-default` } });
    const f = baseline.flowLogs;
    if (!f || !logArchive) return;
    // S3 delivery is checked at creation: the bucket policy must allow log delivery by then.
    this.addDependency(logArchive);
    new FlowLog(this, ids.flowLog(v.key), {
      vpcId: vpc.id,
      trafficType: f.trafficType,
      logDestinationType: 's3',
      logDestination: bucketArn(partition, logArchive.bucketName),
      maxAggregationInterval: f.maxAggregationInterval,
      ...(f.logFormat !== undefined ? { logFormat: f.logFormat } : {}),
      destinationOptions: { fileFormat: f.fileFormat, hiveCompatiblePartitions: f.hiveCompatiblePartitions, perHourPartition: f.perHourPartition },
      tags: { Name: `${v.accountKey}-${v.key}` },
    });
  }

  /**
   * Each VPC's own endpoints; the central endpoints when this account holds their VPC; and, for
   * each VPC that uses them, its zone associations and security group rules. The zone owner's
   * provider is the network account's when the endpoints are there, else a third one.
   */
  private buildEndpoints(props: NetworkSpokeStackProps, networkProvider: AwsProvider | undefined): void {
    const { model, network, accounts, part } = props;
    const targets = (v: VpcModel) => ({ vpcId: this.vpcs.get(v.key)!.id, subnetIds: this.subnetIds.get(v.key)!, routeTables: this.routeTables.get(v.key)! });
    for (const v of part.vpcs) buildVpcEndpoints(this, v, targets(v));
    const central = network.centralEndpoints;
    if (!central) return;
    const home = part.vpcs.find((v) => v.id === central.vpc);
    if (home) this.centralEndpoints = buildCentralEndpoints(this, central, home, targets(home));
    const consumers = part.vpcs.filter((v) => central.consumers.includes(v.id));
    if (consumers.length === 0) return;
    const resources = (home ? this.centralEndpoints : props.centralEndpoints?.centralEndpoints)!;
    const zoneOwner = central.accountKey === part.accountKey
      ? undefined
      : central.accountKey === network.accountKey
        ? networkProvider
        : networkAccountProvider(this, model, accounts, central.accountKey, network.region, 'endpoints');
    for (const v of consumers) useCentralEndpoints(this, v, this.vpcs.get(v.key)!.id, central, resources, zoneOwner);
  }

  /**
   * An attachment from another account waits for acceptance unless the gateway auto-accepts; only
   * the attachments org.yaml declares are accepted, so a stray one stays pending. Everything that
   * uses the attachment (its VPC's routes to the gateway, its association, propagations and static
   * routes) comes after the acceptance, all within one apply.
   */
  private accept(v: VpcModel, attachment: Ec2TransitGatewayVpcAttachment, network: NetworkModel, provider: AwsProvider | undefined): ITerraformDependable[] {
    if (!provider || network.transitGateway.autoAcceptSharedAttachments) return [attachment];
    return [new Ec2TransitGatewayVpcAttachmentAccepter(this, ids.tgwAttachmentAccepter(v.key), {
      provider,
      transitGatewayAttachmentId: attachment.id,
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      tags: { Name: `${v.accountKey}-${v.key}`, segment: v.segment },
    })];
  }

  /** The network account's side: what each attachment may reach. */
  private buildRouting(part: AccountNetwork, hub: NetworkHubStack, provider: AwsProvider | undefined): void {
    const vpcKey = new Map(part.vpcs.map((v) => [v.id, v.key]));
    const inNetworkAccount = provider ? { provider } : {};
    const ready = new Map(part.vpcs.map((v) => [v.id, this.ready.get(v.key)!]));
    const attachmentId = (vpc: string) => this.attachments.get(vpcKey.get(vpc)!)!.id;
    for (const a of part.associations)
      new Ec2TransitGatewayRouteTableAssociation(this, ids.tgwAssociation(vpcKey.get(a.vpc)!), {
        ...inNetworkAccount,
        transitGatewayAttachmentId: attachmentId(a.vpc),
        transitGatewayRouteTableId: hub.routeTableId(a.segment),
        dependsOn: ready.get(a.vpc)!,
      });
    for (const p of part.propagations)
      new Ec2TransitGatewayRouteTablePropagation(this, ids.tgwPropagation(vpcKey.get(p.vpc)!, p.segment), {
        ...inNetworkAccount,
        transitGatewayAttachmentId: attachmentId(p.vpc),
        transitGatewayRouteTableId: hub.routeTableId(p.segment),
        dependsOn: ready.get(p.vpc)!,
      });
    for (const route of part.routes) {
      if (route.target.kind !== 'attachment') continue;
      new Ec2TransitGatewayRoute(this, ids.tgwStaticRoute(route.segment, route.key), {
        ...inNetworkAccount,
        transitGatewayRouteTableId: hub.routeTableId(route.segment),
        destinationCidrBlock: route.destination,
        transitGatewayAttachmentId: attachmentId(route.target.vpc),
        dependsOn: ready.get(route.target.vpc)!,
      });
    }
  }

  private buildVpc(
    v: VpcModel,
    network: NetworkModel,
    hub: NetworkHubStack | undefined,
    zoneId: (azIndex: number) => string,
    networkProvider: AwsProvider | undefined,
    props: NetworkSpokeStackProps,
  ): void {
    const name = `${v.accountKey}-${v.key}`;
    const vpc = new Vpc(this, ids.vpc(v.key), {
      ...vpcAddressing(v, props.ipam),
      enableDnsSupport: true,
      enableDnsHostnames: true,
      ...vpcIpv6Args(v),
      tags: { Name: name, ...(hub ? { segment: v.segment } : {}) },
    });
    this.vpcs.set(v.key, vpc);
    const secondaries = v.secondaryCidrs.map((cidr) => new VpcIpv4CidrBlockAssociation(this, ids.vpcSecondaryCidr(v.key, cidr), { vpcId: vpc.id, cidrBlock: cidr }));

    const subnets = new Map<string, Subnet[]>();
    for (const tier of v.tiers)
      subnets.set(tier.key, tier.subnets.map((s) => new Subnet(this, ids.subnet(v.key, tier.key, s.azIndex), {
        vpcId: vpc.id,
        cidrBlock: subnetCidrBlock(v, vpc, s.cidr),
        availabilityZoneId: zoneId(s.azIndex),
        mapPublicIpOnLaunch: false,
        ...subnetIpv6Args(vpc, tier, s),
        tags: { Name: `${name}-${tier.key}-az${s.azIndex}`, tier: tier.key },
        // An explicit subnet in a secondary CIDR needs the CIDR associated first.
        ...(s.inSecondaryCidr !== undefined ? { dependsOn: [secondaries[v.secondaryCidrs.indexOf(s.inSecondaryCidr)]!] } : {}),
      })));
    this.subnetIds.set(v.key, new Map([...subnets].map(([tier, list]) => [tier, list.map((subnet) => subnet.id)])));
    this.routeTables.set(v.key, new Map());

    shareSubnets(this, v, subnets, props);
    const ready = hub ? this.attach(v, network, hub, vpc, subnets, secondaries, networkProvider) : [];
    this.routeTiers(v, vpc, subnets, network.inspection, { ready, ...(hub ? { transitGatewayId: hub.transitGateway.id } : {}) });
  }

  /** The VPC's Transit Gateway attachment in the attachment tier, and its acceptance where one is needed. */
  private attach(
    v: VpcModel,
    network: NetworkModel,
    hub: NetworkHubStack,
    vpc: Vpc,
    subnets: ReadonlyMap<string, Subnet[]>,
    secondaries: readonly VpcIpv4CidrBlockAssociation[],
    networkProvider: AwsProvider | undefined,
  ): ITerraformDependable[] {
    const name = `${v.accountKey}-${v.key}`;
    const attachment = new Ec2TransitGatewayVpcAttachment(this, ids.tgwAttachment(v.key), {
      transitGatewayId: hub.transitGateway.id,
      vpcId: vpc.id,
      subnetIds: subnets.get(v.attachmentTier)!.map((s) => s.id),
      dnsSupport: network.transitGateway.dnsSupport ? 'enable' : 'disable',
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      tags: { Name: name, segment: v.segment },
      ...(secondaries.length > 0 ? { dependsOn: [...secondaries] } : {}),
      ...(v.applianceModeSupport !== undefined ? { applianceModeSupport: v.applianceModeSupport ? 'enable' : 'disable' } : {}),
    });
    this.attachments.set(v.key, attachment);
    const ready = this.accept(v, attachment, network, networkProvider);
    this.ready.set(v.key, ready);
    return ready;
  }

  /** Internet and NAT gateways where a tier needs them, and each tier's route tables and routes. */
  private routeTiers(v: VpcModel, vpc: Vpc, subnets: ReadonlyMap<string, Subnet[]>, inspection: InspectionModel | undefined, gateway: { ready: ITerraformDependable[]; transitGatewayId?: string }): void {
    const name = `${v.accountKey}-${v.key}`;

    const internet = v.tiers.some((t) => t.defaultRoute === 'internet')
      ? new InternetGateway(this, ids.internetGateway(v.key), { vpcId: vpc.id, tags: { Name: name } })
      : undefined;
    const publicTier = v.tiers.find((t) => t.defaultRoute === 'internet');
    const natGateways = v.tiers.some((t) => t.defaultRoute === 'nat') && publicTier && internet
      ? subnets.get(publicTier.key)!.map((subnet, azIndex) => {
          const eip = new Eip(this, ids.natEip(v.key, azIndex), { domain: 'vpc', tags: { Name: `${name}-nat-az${azIndex}` } });
          return new NatGateway(this, ids.natGateway(v.key, azIndex), { allocationId: eip.allocationId, subnetId: subnet.id, tags: { Name: `${name}-az${azIndex}` }, dependsOn: [internet] });
        })
      : [];
    const egressOnly = egressOnlyGateway(this, v, vpc);

    const firewallEndpoint = inspection?.vpc === v.id ? buildFirewall(this, v, inspection, vpc.id, subnets) : undefined;
    for (const tier of v.tiers) {
      // A NAT tier needs one table per zone (each zone's own NAT gateway); so do the inspection VPC's
      // tiers that route to a zone's firewall endpoint. Every other tier shares one unless it asks.
      const perZone = routeTablePerZone(tier) || isZonalInspectionTier(v, tier, inspection);
      const tables = perZone ? tier.subnets.map((s) => s.azIndex) : [undefined];
      for (const azIndex of tables) {
        const table = new RouteTable(this, ids.routeTable(v.key, tier.key, azIndex), {
          vpcId: vpc.id,
          tags: { Name: `${name}-${tier.key}${azIndex === undefined ? '' : `-az${azIndex}`}`, tier: tier.key },
        });
        this.routeTables.get(v.key)!.set(tier.key, [...(this.routeTables.get(v.key)!.get(tier.key) ?? []), { ...(azIndex === undefined ? {} : { azIndex }), id: table.id }]);
        for (const s of tier.subnets)
          if (azIndex === undefined || s.azIndex === azIndex)
            new RouteTableAssociation(this, ids.routeTableAssociation(v.key, tier.key, s.azIndex), { routeTableId: table.id, subnetId: subnets.get(tier.key)![s.azIndex]!.id });
        this.routesOf(v, tier, table, azIndex, { internet, natGateways, ...gateway });
        ipv6DefaultRoute(this, v, tier, table, azIndex, { ...(internet ? { internet } : {}), ...(egressOnly ? { egressOnly } : {}) });
        for (const destination of firewallRoutes(v, tier, inspection))
          new Route(this, ids.route(v.key, tier.key, destination, azIndex), { routeTableId: table.id, destinationCidrBlock: destination, vpcEndpointId: firewallEndpoint!(azIndex!) });
      }
    }
    networkAcls(this, v, vpc, subnets);
  }

  private routesOf(
    v: VpcModel,
    tier: SubnetTierModel,
    table: RouteTable,
    azIndex: number | undefined,
    targets: { internet?: InternetGateway; natGateways: NatGateway[]; ready: ITerraformDependable[]; transitGatewayId?: string },
  ): void {
    const route = (destination: string, target: { gatewayId?: string; natGatewayId?: string; transitGatewayId?: string }, dependsOn: ITerraformDependable[] = []) =>
      new Route(this, ids.route(v.key, tier.key, destination, azIndex), { routeTableId: table.id, destinationCidrBlock: destination, ...target, ...(dependsOn.length > 0 ? { dependsOn } : {}) });
    if (tier.defaultRoute === 'internet') route(DEFAULT_ROUTE, { gatewayId: targets.internet!.id });
    if (tier.defaultRoute === 'nat') route(DEFAULT_ROUTE, { natGatewayId: targets.natGateways[azIndex!]!.id });
    // A route to the TGW is only valid once the VPC is attached and the attachment accepted.
    if (tier.defaultRoute === 'transit-gateway') route(DEFAULT_ROUTE, { transitGatewayId: targets.transitGatewayId }, targets.ready);
    for (const destination of tier.transitGatewayDestinations) route(destination, { transitGatewayId: targets.transitGatewayId }, targets.ready);
  }
}
