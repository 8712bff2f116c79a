/** `<account key>/<vpc key>`: the identity of a VPC, its attachment and its lock entries. */
export type VpcId = string;

export type DefaultRoute = 'none' | 'internet' | 'nat' | 'transit-gateway';

export interface SubnetModel {
  /** Index into the sorted zone ids of the region (0 = first zone). */
  readonly azIndex: number;
  readonly cidr: string;
  /** The secondary CIDR an explicit subnet lies in; absent when it lies in the primary. */
  readonly inSecondaryCidr?: string;
  /** The subnet's /64 is `cidrsubnet(<VPC IPv6 block>, 8, ipv6Index)`; absent without IPv6. Pinned in lz.lock.json. */
  readonly ipv6Index?: number;
}

/** A network ACL entry as aws_network_acl_rule takes it. */
export interface NetworkAclEntryModel {
  readonly rule: number;
  readonly action: 'allow' | 'deny';
  /** AWS protocol number as a string, `-1` for all. */
  readonly protocol: string;
  readonly cidrBlock?: string;
  readonly ipv6CidrBlock?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly icmpType?: number;
  readonly icmpCode?: number;
}

export interface NetworkAclModel {
  /** By rule number. */
  readonly ingress: readonly NetworkAclEntryModel[];
  /** By rule number. */
  readonly egress: readonly NetworkAclEntryModel[];
}

export interface SubnetTierModel {
  readonly key: string;
  /** The tier's prefixLength; for a tier of explicit CIDRs, that of its az0 subnet. */
  readonly prefixLength: number;
  readonly defaultRoute: DefaultRoute;
  /** Sorted, deduplicated. */
  readonly transitGatewayDestinations: readonly string[];
  /** One per availability zone, by azIndex. */
  readonly subnets: readonly SubnetModel[];
  /** One route table per zone although the tier is not a nat tier. */
  readonly routeTablePerAz?: true;
  /**
   * The tier shares one route table now, and lz.lock.json records that it had one per zone
   * (`routeTablePerAz`, a nat tier, or a zonal tier of the inspection VPC; the stack keeps a tier
   * that is zonal still per zone): the az0 table and its routes become the shared ones
   * (`moved` blocks), so the subnets keep a table with routes while the other zones' tables go.
   */
  readonly formerRouteTablePerZone?: true;
  /** The tier's own network ACL; absent when its subnets use the VPC's default ACL. */
  readonly networkAcl?: NetworkAclModel;
  /** Present when the tier's subnets have IPv6 blocks. */
  readonly ipv6?: { readonly assignAddressOnCreation: boolean };
}

export interface VpcModel {
  readonly id: VpcId;
  readonly accountKey: string;
  readonly key: string;
  /** Empty when the network has no Transit Gateway: the VPC is not attached to one. */
  readonly segment: string;
  /** When `ipam.netmask` is true, the CIDR lz predicts; IPAM decides the real one at apply time. */
  readonly cidr: string;
  readonly secondaryCidrs: readonly string[];
  readonly azCount: number;
  /** Empty when the network has no Transit Gateway. */
  readonly attachmentTier: string;
  /** By key. */
  readonly tiers: readonly SubnetTierModel[];
  /** An Amazon-provided /56 IPv6 block. */
  readonly ipv6?: true;
  /**
   * Every tier has its own network ACL, so no subnet uses the default one: it is taken over with
   * no rules (nothing allowed), which Security Hub EC2.21 can judge.
   */
  readonly lockDefaultNetworkAcl?: true;
  /** Where the VPC comes from: `template:<key>`, `account`, or `template:<key>+account` for an override. */
  readonly source: string;
  /** Its gateway and interface endpoints; undefined when org.yaml gives none. */
  readonly endpoints?: VpcEndpointsModel;
  /** The subnets this VPC shares through RAM, and with whom. */
  readonly sharedSubnets?: SharedSubnetsModel;
  /** The IPAM pool the VPC's primary CIDR is allocated from, when the network has an IPAM. */
  readonly ipam?: VpcIpamAllocation;
  /** Appliance mode on the attachment; absent when org.yaml neither sets it nor makes the VPC the inspection VPC. */
  readonly applianceModeSupport?: boolean;
}

export interface SharedSubnetsModel {
  /** Sorted. */
  readonly tiers: readonly string[];
  /** RAM principals, as org.yaml gives them: the organization (also for the Root OU), OU paths and account keys, sorted. */
  readonly organization: boolean;
  readonly ous: readonly string[];
  readonly accounts: readonly string[];
  /** Every account those principals cover, the owner excluded, sorted: who may place resources in the subnets. */
  readonly participants: readonly string[];
}

export interface VpcIpamAllocation {
  readonly pool: string;
  /** True when IPAM picks the CIDR by netmask (`cidr` is then a prediction); false for an explicit CIDR allocated as given. */
  readonly netmask: boolean;
}

export interface IpamPoolModel {
  /** The network.pools key. */
  readonly key: string;
  readonly cidr: string;
  /** The pool it is carved from: another regional pool (`within`), else the top-level pool. */
  readonly within?: string;
  readonly region: string;
  readonly netmaskLength: { readonly min: number; readonly max: number };
  /** Reserved ranges (network.reserved) that lie in this pool and not in a pool nested in it, by key: IPAM must not hand them out. */
  readonly reserved: ReadonlyArray<{ readonly key: string; readonly cidr: string }>;
  /** VPCs of this pool created before the IPAM, by id: they keep their CIDR, which is allocated here so IPAM never hands it out. */
  readonly heldVpcs: ReadonlyArray<{ readonly vpc: VpcId; readonly cidr: string }>;
}

export interface IpamModel {
  /** The IPAM's operating regions: where its pools can have a locale. */
  readonly regions: readonly string[];
  /** CIDRs of the top-level pool, sorted. */
  readonly cidrs: readonly string[];
  /** By key. */
  readonly pools: readonly IpamPoolModel[];
  readonly delegatedAdministrator: boolean;
}

export type RouteTarget = { readonly kind: 'attachment'; readonly vpc: VpcId } | { readonly kind: 'blackhole' };

export interface StaticRouteModel {
  readonly segment: string;
  readonly key: string;
  readonly destination: string;
  readonly target: RouteTarget;
}

export interface SegmentModel {
  readonly key: string;
  /**
   * Segments whose attachments propagate into this segment's route table, sorted: those it lists
   * in `reaches`, those that list it, and itself when `intraSegment` is true.
   */
  readonly peers: readonly string[];
  readonly routes: readonly StaticRouteModel[];
}

/** An attachment (one per VPC) associated with, or propagated into, a segment's route table. */
export interface AttachmentTableEntry {
  readonly vpc: VpcId;
  readonly segment: string;
}

export interface NetworkModel {
  readonly accountKey: string;
  readonly region: string;
  /** `enabled: false`: no Transit Gateway, no network-hub stack, no segments. */
  readonly transitGateway: { readonly asn: number; readonly autoAcceptSharedAttachments: boolean; readonly dnsSupport: boolean; readonly enabled: boolean };
  /** RAM principals: the organization (also when org.yaml names the Root OU), OU paths and account keys, sorted. */
  readonly sharing: { readonly organization: boolean; readonly ous: readonly string[]; readonly accounts: readonly string[] };
  /** By key. */
  readonly segments: readonly SegmentModel[];
  /** By id. */
  readonly vpcs: readonly VpcModel[];
  /** Exactly one per VPC, sorted by VPC id. */
  readonly associations: readonly AttachmentTableEntry[];
  /** Sorted by VPC id, then segment. */
  readonly propagations: readonly AttachmentTableEntry[];
  /** AWS VPC IPAM in the network account, when org.yaml asks for one. */
  readonly ipam?: IpamModel;
  /** The central interface endpoints; undefined when org.yaml has none. */
  readonly centralEndpoints?: CentralEndpointsModel;
  /** The inspection VPC and its firewall; absent without `network.inspection`. */
  readonly inspection?: InspectionModel;
  /**
   * Present when org.yaml declares `network.regions`: then every segment is one route table per
   * region, associations, propagations and a static route to a VPC are in its region's tables, and
   * blackhole routes are in every region's.
   */
  readonly multiRegion?: MultiRegionModel;
}

/** A VPC endpoint of one service. */
export interface EndpointModel {
  /** The last part of the service name, e.g. `ssm`; also the key in org.yaml. */
  readonly service: string;
  /** `com.amazonaws.<region>.<service>`. */
  readonly serviceName: string;
  /** The endpoint policy as a JSON document; undefined leaves AWS's default (full access). */
  readonly policy?: string;
}

export interface GatewayEndpointModel extends EndpointModel {
  /** The tiers whose route tables get the service's prefix-list route, sorted. */
  readonly tiers: readonly string[];
}

export interface VpcEndpointsModel {
  /** By service. */
  readonly gateway: readonly GatewayEndpointModel[];
  /** Interface endpoints of this VPC (private DNS on), by service. */
  readonly interface: readonly EndpointModel[];
  /** Where the interface endpoints' network interfaces are; set when `interface` is not empty. */
  readonly interfaceTier?: string;
  /** Whether the VPC resolves the central endpoints' services through their private hosted zones. */
  readonly central: boolean;
}

export interface CentralEndpointModel extends EndpointModel {
  /** The private hosted zone that answers for the service, e.g. `ssm.eu-west-1.amazonaws.com`. */
  readonly zoneName: string;
  /** Whether the zone also gets a `*` record (clients use sub-domains of the zone name). */
  readonly wildcard: boolean;
}

export interface CentralEndpointsModel {
  readonly vpc: VpcId;
  readonly accountKey: string;
  readonly vpcKey: string;
  readonly tier: string;
  /** By service. */
  readonly services: readonly CentralEndpointModel[];
  /** The VPCs other than the endpoints VPC that use the endpoints, sorted. */
  readonly consumers: readonly VpcId[];
}

/** A Network Firewall rule group, resolved: exactly one source of rules. */
export interface FirewallRuleGroupModel {
  readonly key: string;
  readonly type: 'STATEFUL' | 'STATELESS';
  readonly capacity: number;
  readonly description?: string;
  readonly priority?: number;
  readonly source:
    | { readonly kind: 'domains'; readonly action: 'allow' | 'deny'; readonly targets: readonly string[]; readonly protocols: readonly ('http' | 'tls')[] }
    | { readonly kind: 'suricata'; readonly rules: string }
    | { readonly kind: 'five-tuple'; readonly rules: readonly FiveTupleRuleModel[] }
    | { readonly kind: 'stateless'; readonly rules: readonly StatelessRuleModel[] };
}

export interface FiveTupleRuleModel {
  readonly key: string;
  readonly sid: number;
  readonly action: 'pass' | 'drop' | 'alert';
  readonly protocol: string;
  readonly source: string;
  readonly sourcePort: string;
  readonly destination: string;
  readonly destinationPort: string;
  readonly direction: 'FORWARD' | 'ANY';
}

export interface StatelessRuleModel {
  readonly key: string;
  readonly priority: number;
  readonly action: 'pass' | 'drop' | 'forward';
  readonly protocols: readonly number[];
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly destinationPorts: readonly number[];
}

/** What a segment sends through the inspection VPC. */
export interface SegmentInspectionModel {
  readonly segment: string;
  readonly eastWest: boolean;
  readonly northSouth: boolean;
}

export interface InspectionModel {
  /** The inspection VPC; its attachment is the target of every inspection route. */
  readonly vpc: VpcId;
  /** The inspection VPC's segment: its table holds the propagations of every inspected segment. */
  readonly segment: string;
  readonly firewallTier: string;
  /** Sorted: the east-west destinations, and the firewall's HOME_NET. */
  readonly internalRanges: readonly string[];
  readonly deleteProtection: boolean;
  readonly policy: { readonly ruleOrder: 'DEFAULT_ACTION_ORDER' | 'STRICT_ORDER'; readonly statelessDefaultAction: 'pass' | 'drop' | 'forward'; readonly statefulDefaultActions: readonly string[] };
  /** By key. */
  readonly ruleGroups: readonly FirewallRuleGroupModel[];
  /** Segments with any inspection, by key. */
  readonly segments: readonly SegmentInspectionModel[];
  /** Segment pairs `[a, b]` (a < b) that reach each other through the firewall instead of by propagation, sorted. */
  readonly inspectedPeerings: ReadonlyArray<readonly [string, string]>;
}

/** A Transit Gateway of a network of more than one region. */
export interface RegionalGatewayModel {
  readonly region: string;
  readonly asn: number;
  readonly primary: boolean;
}

/** One inter-region peering: the attachment is requested in `requester` and accepted in `accepter`. */
export interface TgwPeeringModel {
  /** `<region>_<region>`, the two regions sorted. */
  readonly key: string;
  readonly requester: string;
  readonly accepter: string;
}

/**
 * A static route that sends a VPC's CIDR from a segment's table in another region to the peering
 * with the VPC's region: TGW peering attachments do not propagate, so every remote CIDR a segment
 * reaches is one of these.
 */
export interface PeeringRouteModel {
  readonly segment: string;
  /** The region of the table the route is in. */
  readonly region: string;
  readonly destination: string;
  /** The VPC whose CIDR it is (in another region). */
  readonly vpc: VpcId;
  readonly peering: string;
}

export interface MultiRegionModel {
  readonly primary: string;
  /** By region. */
  readonly gateways: readonly RegionalGatewayModel[];
  /** Region of every VPC, by VPC id. */
  readonly vpcRegions: Readonly<Record<VpcId, string>>;
  /** Every pair of regions, by key. */
  readonly peerings: readonly TgwPeeringModel[];
  /** Sorted by VPC id, segment, region, destination. */
  readonly peeringRoutes: readonly PeeringRouteModel[];
  /**
   * VPCs propagated into their region's peering table (the table every peering attachment of the
   * region is associated with): those some segment of another region reaches. Sorted by VPC id.
   */
  readonly peeringPropagations: readonly VpcId[];
}
