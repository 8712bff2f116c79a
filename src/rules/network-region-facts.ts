import { segmentPeers } from '../model/network/build-network';
import { networkRegions, vpcRegionOf } from '../model/network/regions';
import { networkAllocation } from './network-facts';
import type { RuleContext } from './rule';

/** A route the model will add to send a VPC's CIDR from a segment's table in another region to the peering. */
export interface PlannedPeeringRoute {
  readonly segment: string;
  readonly region: string;
  readonly destination: string;
  readonly vpcId: string;
}

/**
 * The peering routes of a multi-region config, as src/model/network/regions.ts builds them, from
 * the VPCs whose segment, region and CIDRs are known (rules report the others).
 */
export function plannedPeeringRoutes(context: RuleContext): PlannedPeeringRoute[] {
  const { config } = context;
  const network = config.network;
  if (!network) return [];
  const regions = networkRegions(config);
  const allocation = networkAllocation(context);
  const reachingSegments = new Map<string, string[]>();
  for (const s of Object.keys(network.segments)) for (const peer of segmentPeers(config, s)) reachingSegments.set(peer, [...(reachingSegments.get(peer) ?? []), s]);
  const out: PlannedPeeringRoute[] = [];
  for (const d of allocation.definitions) {
    const primary = allocation.vpcCidrs.get(d.id);
    if (primary === undefined || d.fields.segment === undefined) continue;
    const home = vpcRegionOf(config, d.fields);
    for (const segment of reachingSegments.get(d.fields.segment) ?? [])
      for (const region of regions)
        if (region !== home) for (const destination of [primary, ...(d.fields.secondaryCidrs ?? [])]) out.push({ segment, region, destination, vpcId: d.id });
  }
  return out;
}
