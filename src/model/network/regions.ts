import type { OrgConfig } from '../../config/schema';
import type { VpcConfig } from '../../config/schema/network';
import type { VpcDefinition } from './resolve';
import type { AttachmentTableEntry, MultiRegionModel, NetworkModel, PeeringRouteModel, SegmentModel, StaticRouteModel, TgwPeeringModel, VpcId, VpcModel } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The primary region: the one of `network.region`, where the `network-hub` Transit Gateway is. @default organization.homeRegion */
export function primaryRegion(config: OrgConfig): string {
  return config.network?.region ?? config.organization.homeRegion;
}

/** Every region of the network (the primary and those of `network.regions`), sorted. */
export function networkRegions(config: OrgConfig): string[] {
  return [...new Set([primaryRegion(config), ...Object.keys(config.network?.regions ?? {})])].sort(byString);
}

/** Whether the network spans more than one region (an empty `regions` is one region). */
export function isMultiRegion(config: OrgConfig): boolean {
  return Object.keys(config.network?.regions ?? {}).some((r) => r !== primaryRegion(config));
}

/** The region a VPC is placed in. @default the primary region */
export function vpcRegionOf(config: OrgConfig, vpc: VpcConfig): string {
  return vpc.region ?? primaryRegion(config);
}

/**
 * The region each pool belongs to: the first region (in name order) that lists it in
 * `regions.<region>.pools`, else the primary. Rule LZ0553 reports a pool listed twice.
 */
export function poolRegions(config: OrgConfig): Map<string, string> {
  const network = config.network;
  const out = new Map<string, string>();
  if (!network) return out;
  for (const region of Object.keys(network.regions ?? {}).sort(byString))
    for (const pool of network.regions![region]!.pools) if (!out.has(pool)) out.set(pool, region);
  for (const pool of Object.keys(network.pools)) if (!out.has(pool)) out.set(pool, primaryRegion(config));
  return out;
}

/** `<region>_<region>`, sorted: the identity of the peering between two regions. */
export function peeringKey(a: string, b: string): string {
  return [a, b].sort(byString).join('_');
}

/**
 * The regional part of a network of more than one region. Every pair of regions is peered
 * (requested from the first region by name, accepted in the second). TGW peering does not
 * propagate routes, so a VPC's CIDRs are routed statically to the peering in each other region's
 * table of every segment that reaches the VPC's segment: one route per (VPC CIDR, segment, region),
 * never a summary of a region's pools, because a summary would also send traffic for the VPCs of
 * segments that the sender's segment does not reach, and the one table the peering attachment is
 * associated with on the far side cannot tell the segments apart. A VPC that any such route
 * points at is propagated into its region's peering table, which delivers what arrives.
 * Undefined for a network of one region.
 * @see https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html
 */
export function buildMultiRegion(config: OrgConfig, definitions: readonly VpcDefinition[], vpcs: readonly VpcModel[], segments: readonly SegmentModel[]): MultiRegionModel | undefined {
  const network = config.network;
  if (!network || !isMultiRegion(config)) return undefined;
  const primary = primaryRegion(config);
  const regions = networkRegions(config);
  const fieldsById = new Map(definitions.map((d) => [d.id, d.fields]));
  const vpcRegions: Record<VpcId, string> = {};
  for (const v of vpcs) vpcRegions[v.id] = vpcRegionOf(config, fieldsById.get(v.id)!);

  const peerings: TgwPeeringModel[] = [];
  for (let i = 0; i < regions.length; i += 1)
    for (let j = i + 1; j < regions.length; j += 1) peerings.push({ key: peeringKey(regions[i]!, regions[j]!), requester: regions[i]!, accepter: regions[j]! });

  const peeringRoutes: PeeringRouteModel[] = [];
  for (const v of vpcs) {
    const home = vpcRegions[v.id]!;
    for (const s of segments) {
      if (!s.peers.includes(v.segment)) continue;
      for (const region of regions)
        if (region !== home)
          for (const destination of [v.cidr, ...v.secondaryCidrs]) peeringRoutes.push({ segment: s.key, region, destination, vpc: v.id, peering: peeringKey(home, region) });
    }
  }
  return {
    primary,
    gateways: regions.map((region) => ({ region, asn: region === primary ? network.transitGateway.asn : network.regions![region]!.asn, primary: region === primary })),
    vpcRegions,
    peerings,
    peeringRoutes,
    peeringPropagations: [...new Set(peeringRoutes.map((r) => r.vpc))].sort(byString),
  };
}

/** The region of the table a static route of a segment is in: its target VPC's; a blackhole is in every region's. */
export function staticRouteRegions(multi: MultiRegionModel, route: StaticRouteModel): string[] {
  return route.target.kind === 'attachment' ? [multi.vpcRegions[route.target.vpc]!] : multi.gateways.map((g) => g.region);
}

/** What one account's network stack of one region holds. */
export interface RegionalAccountNetwork {
  readonly accountKey: string;
  readonly region: string;
  /** The account's VPCs in this region. */
  readonly vpcs: readonly VpcModel[];
  readonly associations: readonly AttachmentTableEntry[];
  readonly propagations: readonly AttachmentTableEntry[];
  /** Static routes (of any segment) to this account's VPCs in this region. */
  readonly routes: readonly StaticRouteModel[];
  /** Routes in this region's tables to the account's VPCs in other regions. */
  readonly peeringRoutes: readonly PeeringRouteModel[];
  /** The account's VPCs in this region that are propagated into the region's peering table. */
  readonly peeringPropagations: readonly VpcId[];
}

/**
 * A multi-region network cut by account and region: each (account, region) is one `network-<id>`
 * stack (primary) or `network-<id>_<region>`, with the VPCs placed there, the Transit Gateway
 * entries of that region that exist because of them, and the routes in that region's tables to the
 * account's VPCs elsewhere. Every entry lands in exactly one part. Every account that has a part
 * has one for every region, so that its stacks do not come and go as its VPCs move.
 */
export function networkByAccountAndRegion(network: NetworkModel, multi: MultiRegionModel): Map<string, Map<string, RegionalAccountNetwork>> {
  const accountOf = new Map(network.vpcs.map((v) => [v.id, v.accountKey]));
  type Part = { vpcs: VpcModel[]; associations: AttachmentTableEntry[]; propagations: AttachmentTableEntry[]; routes: StaticRouteModel[]; peeringRoutes: PeeringRouteModel[]; peeringPropagations: VpcId[] };
  const parts = new Map<string, Map<string, Part>>();
  const part = (accountKey: string, region: string): Part => {
    let regions = parts.get(accountKey);
    if (!regions) {
      regions = new Map(multi.gateways.map((g) => [g.region, { vpcs: [], associations: [], propagations: [], routes: [], peeringRoutes: [], peeringPropagations: [] }]));
      parts.set(accountKey, regions);
    }
    return regions.get(region)!;
  };
  const home = (vpc: VpcId) => part(accountOf.get(vpc)!, multi.vpcRegions[vpc]!);
  for (const v of network.vpcs) home(v.id).vpcs.push(v);
  for (const a of network.associations) home(a.vpc).associations.push(a);
  for (const p of network.propagations) home(p.vpc).propagations.push(p);
  for (const s of network.segments) for (const r of s.routes) if (r.target.kind === 'attachment') home(r.target.vpc).routes.push(r);
  for (const r of multi.peeringRoutes) part(accountOf.get(r.vpc)!, r.region).peeringRoutes.push(r);
  for (const vpc of multi.peeringPropagations) home(vpc).peeringPropagations.push(vpc);
  return new Map([...parts].map(([accountKey, regions]) => [accountKey, new Map([...regions].map(([region, p]) => [region, { accountKey, region, ...p }]))]));
}
