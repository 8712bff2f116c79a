/** `<account key>/<vpc key>`: the identity of a VPC, its attachment and its lock entries. */
export type VpcId = string;

export type DefaultRoute = 'none' | 'internet' | 'nat' | 'transit-gateway';

export interface SubnetModel {
  /** Index into the sorted zone ids of the region (0 = first zone). */
  readonly azIndex: number;
  readonly cidr: string;
}

export interface SubnetTierModel {
  readonly key: string;
  readonly prefixLength: number;
  readonly defaultRoute: DefaultRoute;
  /** Sorted, deduplicated. */
  readonly transitGatewayDestinations: readonly string[];
  /** One per availability zone, by azIndex. */
  readonly subnets: readonly SubnetModel[];
}

export interface VpcModel {
  readonly id: VpcId;
  readonly accountKey: string;
  readonly key: string;
  readonly segment: string;
  readonly cidr: string;
  readonly secondaryCidrs: readonly string[];
  readonly azCount: number;
  readonly attachmentTier: string;
  /** By key. */
  readonly tiers: readonly SubnetTierModel[];
  /** Where the VPC comes from: `template:<key>`, `account`, or `template:<key>+account` for an override. */
  readonly source: string;
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
  readonly transitGateway: { readonly asn: number; readonly autoAcceptSharedAttachments: boolean; readonly dnsSupport: boolean };
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
}
