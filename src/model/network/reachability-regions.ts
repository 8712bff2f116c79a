import { block, contains, type Block } from './cidr';
import { peeringKey, staticRouteRegions } from './regions';
import type { MultiRegionModel, NetworkModel, VpcId, VpcModel } from './types';

/** Where a route of a regional table sends traffic: an attachment of its region, the peering with another region, or nowhere. */
type RegionalTarget = { readonly kind: 'attachment'; readonly vpc: VpcId } | { readonly kind: 'peering'; readonly peering: string } | { readonly kind: 'blackhole' };

interface RegionalEntry {
  readonly destination: Block;
  readonly target: RegionalTarget;
  readonly isStatic: boolean;
  /** What put the entry there, for explanations. */
  readonly origin: string;
}

const cidrsOf = (vpc: VpcModel) => [vpc.cidr, ...vpc.secondaryCidrs];

/** Longest prefix match, a static route winning at equal length (TGW semantics, as in reachability.ts). */
function best(entries: readonly RegionalEntry[], destination: Block): RegionalEntry | undefined {
  let found: RegionalEntry | undefined;
  for (const e of entries) {
    if (!contains(e.destination, destination)) continue;
    if (!found || e.destination.prefixLength > found.destination.prefixLength || (e.destination.prefixLength === found.destination.prefixLength && e.isStatic && !found.isStatic))
      found = e;
  }
  return found;
}

/**
 * Every Transit Gateway route table of a multi-region network as AWS would hold it: per segment
 * and region, the CIDRs of the attachments of that region propagated into it, the segment's static
 * routes to VPCs of that region, its blackholes, and the peering routes to other regions' VPCs;
 * per region, the peering table with the propagations of the VPCs other regions reach.
 */
function regionalTables(network: NetworkModel, multi: MultiRegionModel): { segment: Map<string, RegionalEntry[]>; peering: Map<string, RegionalEntry[]> } {
  const vpcById = new Map(network.vpcs.map((v) => [v.id, v]));
  const segment = new Map<string, RegionalEntry[]>();
  const peering = new Map<string, RegionalEntry[]>(multi.gateways.map((g) => [g.region, []]));
  const add = (s: string, region: string, e: RegionalEntry) => {
    const key = tableKey(s, region);
    segment.set(key, [...(segment.get(key) ?? []), e]);
  };
  for (const p of network.propagations) {
    const vpc = vpcById.get(p.vpc)!;
    for (const cidr of cidrsOf(vpc)) add(p.segment, multi.vpcRegions[p.vpc]!, { destination: block(cidr), target: { kind: 'attachment', vpc: p.vpc }, isStatic: false, origin: `the propagation of ${p.vpc}` });
  }
  for (const s of network.segments)
    for (const r of s.routes)
      for (const region of staticRouteRegions(multi, r))
        add(s.key, region, { destination: block(r.destination), target: r.target, isStatic: true, origin: `the static route ${r.key} to ${r.destination}` });
  for (const r of multi.peeringRoutes)
    add(r.segment, r.region, { destination: block(r.destination), target: { kind: 'peering', peering: r.peering }, isStatic: true, origin: `the peering route to ${r.destination} (${r.vpc})` });
  for (const vpcId of multi.peeringPropagations) {
    const region = multi.vpcRegions[vpcId]!;
    for (const cidr of cidrsOf(vpcById.get(vpcId)!))
      peering.get(region)!.push({ destination: block(cidr), target: { kind: 'attachment', vpc: vpcId }, isStatic: false, origin: `the propagation of ${vpcId} into the peering table` });
  }
  return { segment, peering };
}

const tableKey = (segment: string, region: string) => `${segment}@${region}`;

/**
 * Whether the Transit Gateways forward traffic from one VPC to another (one direction) in a
 * multi-region network. In one region: the sender's segment table of that region resolves every
 * CIDR of the receiver to its attachment. Across regions: the sender's segment table resolves every
 * CIDR of the receiver to the peering with the receiver's region, and there the peering table (the
 * one the peering attachment is associated with) resolves it to the receiver's attachment.
 */
export function regionalForwarding(network: NetworkModel, multi: MultiRegionModel): (from: VpcId, to: VpcId) => boolean {
  const explain = regionalHops(network, multi);
  return (from, to) => from !== to && explain(from, to).every((h) => h.delivered);
}

/** Each CIDR of the receiver, hop by hop: whether it is delivered and by which routes. */
export function regionalHops(network: NetworkModel, multi: MultiRegionModel): (from: VpcId, to: VpcId) => Array<{ cidr: string; delivered: boolean; why: string }> {
  const vpcById = new Map(network.vpcs.map((v) => [v.id, v]));
  const tables = regionalTables(network, multi);
  return (from, to) => {
    const sender = vpcById.get(from)!;
    const receiver = vpcById.get(to)!;
    const [here, there] = [multi.vpcRegions[from]!, multi.vpcRegions[to]!];
    const table = tables.segment.get(tableKey(sender.segment, here)) ?? [];
    return cidrsOf(receiver).map((cidr) => {
      const destination = block(cidr);
      const first = best(table, destination);
      const at = `segment ${sender.segment}'s table in ${here}`;
      if (!first) return { cidr, delivered: false, why: `no route in ${at}` };
      if (first.target.kind === 'blackhole') return { cidr, delivered: false, why: `dropped in ${at} by ${first.origin}` };
      if (first.target.kind === 'attachment') {
        const ok = first.target.vpc === to;
        return { cidr, delivered: ok, why: `${ok ? 'delivered' : `sent to ${first.target.vpc}`} in ${at} by ${first.origin}` };
      }
      if (there === here || first.target.peering !== peeringKey(here, there))
        return { cidr, delivered: false, why: `sent to the peering ${first.target.peering} in ${at} by ${first.origin}, which does not lead to ${there}` };
      const second = best(tables.peering.get(there) ?? [], destination);
      const ok = second?.target.kind === 'attachment' && second.target.vpc === to;
      return { cidr, delivered: ok, why: `sent to the peering ${first.target.peering} in ${at} by ${first.origin}; in ${there}'s peering table ${ok ? `delivered by ${second!.origin}` : 'no route to it'}` };
    });
  };
}

/** Why two VPCs of a multi-region network do or do not reach each other, direction by direction. */
export function explainRegionalReachability(network: NetworkModel, multi: MultiRegionModel, a: VpcId, b: VpcId): string {
  const hops = regionalHops(network, multi);
  const segmentOf = new Map(network.vpcs.map((v) => [v.id, v.segment]));
  return ([[a, b], [b, a]] as const)
    .flatMap(([from, to]) => hops(from, to).map((h) => `${from} (segment ${segmentOf.get(from)}, ${multi.vpcRegions[from]}) -> ${to} ${h.cidr}: ${h.why}`))
    .join('\n');
}
