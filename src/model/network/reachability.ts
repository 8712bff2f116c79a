import { block, contains, type Block } from './cidr';
import { explainRegionalReachability, regionalForwarding } from './reachability-regions';
import type { NetworkModel, RouteTarget, VpcId, VpcModel } from './types';

export interface TableEntry {
  readonly destination: Block;
  readonly target: RouteTarget;
  readonly isStatic: boolean;
}

/**
 * The route table of a segment as the Transit Gateway would hold it: the CIDRs of every attachment
 * propagated into it, plus its static and blackhole routes.
 */
export function routeTable(network: NetworkModel, segment: string, vpcById: ReadonlyMap<VpcId, VpcModel>): TableEntry[] {
  const entries: TableEntry[] = [];
  for (const p of network.propagations) {
    if (p.segment !== segment) continue;
    const vpc = vpcById.get(p.vpc)!;
    for (const cidr of [vpc.cidr, ...vpc.secondaryCidrs]) entries.push({ destination: block(cidr), target: { kind: 'attachment', vpc: vpc.id }, isStatic: false });
  }
  for (const r of network.segments.find((s) => s.key === segment)?.routes ?? [])
    entries.push({ destination: block(r.destination), target: r.target, isStatic: true });
  return entries;
}

/**
 * Longest prefix match for a whole destination block; at equal length a static route wins over a
 * propagated one, as in a TGW route table. Undefined when nothing matches (traffic is dropped).
 */
export function lookup(entries: readonly TableEntry[], destination: Block): RouteTarget | undefined {
  return bestEntry(entries, destination)?.target;
}

function bestEntry(entries: readonly TableEntry[], destination: Block): TableEntry | undefined {
  let best: TableEntry | undefined;
  for (const e of entries) {
    if (!contains(e.destination, destination)) continue;
    if (!best || e.destination.prefixLength > best.destination.prefixLength || (e.destination.prefixLength === best.destination.prefixLength && e.isStatic && !best.isStatic))
      best = e;
  }
  return best;
}

/**
 * The VPC pairs that can route to each other through the Transit Gateway, from org.yaml alone.
 * AWS TGW semantics: an attachment is associated with exactly one route table (its segment's);
 * traffic from A to B is forwarded when A's table resolves every CIDR of B to B's attachment, and
 * the reply needs B's table to resolve every CIDR of A to A's attachment. A static route that
 * sends B's CIDR elsewhere (an inspection VPC, a blackhole) therefore breaks the direct pair.
 * Paths that hairpin through another VPC (an inspection or egress appliance) are not direct pairs.
 * VPC route tables only decide whether traffic is handed to the TGW, so they are not considered.
 * Returns pairs `[a, b]` with a < b, sorted.
 */
export function reachableVpcPairs(network: NetworkModel): Array<[VpcId, VpcId]> {
  const forwards = forwarding(network);
  const pairs: Array<[VpcId, VpcId]> = [];
  const ids = network.vpcs.map((v) => v.id).sort();
  for (let i = 0; i < ids.length; i += 1)
    for (let j = i + 1; j < ids.length; j += 1) if (forwards(ids[i]!, ids[j]!) && forwards(ids[j]!, ids[i]!)) pairs.push([ids[i]!, ids[j]!]);
  return pairs;
}

/** Whether the TGW forwards traffic from one VPC to another (one direction). */
function forwarding(network: NetworkModel): (from: VpcId, to: VpcId) => boolean {
  if (network.multiRegion) return regionalForwarding(network, network.multiRegion);
  const vpcById = new Map(network.vpcs.map((v) => [v.id, v]));
  // Whether a table delivers to a VPC depends on the table and the VPC only, not on the sender:
  // computed once per (segment, VPC), the pairs are then a lookup in both directions.
  const delivers = new Map<string, Set<VpcId>>();
  for (const segment of network.segments) {
    const table = routeTable(network, segment.key, vpcById);
    const reached = new Set<VpcId>();
    for (const vpc of network.vpcs)
      if ([vpc.cidr, ...vpc.secondaryCidrs].every((cidr) => {
        const hop = lookup(table, block(cidr));
        return hop?.kind === 'attachment' && hop.vpc === vpc.id;
      }))
        reached.add(vpc.id);
    delivers.set(segment.key, reached);
  }
  return (from, to) => from !== to && (delivers.get(vpcById.get(from)!.segment)?.has(to) ?? false);
}

/** Whether two VPCs can route to each other (either order). */
export function canReach(network: NetworkModel, a: VpcId, b: VpcId): boolean {
  const forwards = forwarding(network);
  return forwards(a, b) && forwards(b, a);
}

/** Segment by segment: whether attachments of `to` propagate into the route table of `from`. */
export function segmentMatrix(network: NetworkModel): { segments: string[]; reaches: boolean[][] } {
  const segments = network.segments.map((s) => s.key);
  return { segments, reaches: network.segments.map((from) => segments.map((to) => from.peers.includes(to))) };
}

/** The matrix as text, for `lz network matrix`: `via inspection` where a pair routes through the firewall instead of by propagation. */
export function renderSegmentMatrix(network: NetworkModel): string {
  const { segments, reaches } = segmentMatrix(network);
  const corner = 'from \\ to';
  const first = Math.max(corner.length, ...segments.map((s) => s.length));
  const inspected = new Set((network.inspection?.inspectedPeerings ?? []).flatMap(([a, b]) => [`${a}>${b}`, `${b}>${a}`]));
  const cells = segments.map((s, i) => reaches[i]!.map((r, j) => (r ? 'yes' : inspected.has(`${s}>${segments[j]}`) ? 'via inspection' : '-')));
  const width = Math.max(3, ...segments.map((s) => s.length), ...cells.flat().map((c) => c.length));
  const pad = (s: string) => s.padEnd(width);
  const header = `${corner.padEnd(first)}  ${segments.map(pad).join('  ')}`.trimEnd();
  const rows = segments.map((s, i) => `${s.padEnd(first)}  ${cells[i]!.map(pad).join('  ')}`.trimEnd());
  return [header, ...rows].join('\n');
}

/**
 * Why two VPCs do or do not reach each other, direction by direction: which route the sender's
 * segment table holds for each of the receiver's CIDRs, and where it came from (a peer segment's
 * propagation or a static route). What would have to change is in the route that decides.
 */
export function explainReachability(network: NetworkModel, a: VpcId, b: VpcId): string {
  if (network.multiRegion) return explainRegionalReachability(network, network.multiRegion, a, b);
  const vpcById = new Map(network.vpcs.map((v) => [v.id, v]));
  const lines: string[] = [];
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const sender = vpcById.get(from)!;
    const receiver = vpcById.get(to)!;
    const segment = network.segments.find((s) => s.key === sender.segment)!;
    const table = routeTable(network, sender.segment, vpcById);
    for (const cidr of [receiver.cidr, ...receiver.secondaryCidrs]) {
      const destination = block(cidr);
      const route = bestEntry(table, destination);
      const how = route?.isStatic ? `a static route to ${route.destination.cidr}` : `the propagated route ${route?.destination.cidr ?? ''}`;
      const via = !route
        ? `no route: segment ${receiver.segment} does not propagate into ${sender.segment}'s table (its peers: ${segment.peers.join(', ') || 'none'})`
        : route.target.kind === 'blackhole'
          ? `dropped by a blackhole static route to ${route.destination.cidr}`
          : route.target.vpc === to
            ? `delivered by ${how}${route.isStatic ? '' : ` (segment ${sender.segment} peers with ${receiver.segment})`}`
            : `sent to ${route.target.vpc} by ${how}${route.target.vpc === network.inspection?.vpc ? ` (${firewallHandBack(network, to, vpcById)})` : ''}`;
      lines.push(`${from} (segment ${sender.segment}) -> ${to} ${cidr}: ${via}`);
    }
  }
  return lines.join('\n');
}

/** What the inspection segment's table does with traffic the firewall hands back to `to`. */
function firewallHandBack(network: NetworkModel, to: VpcId, vpcById: ReadonlyMap<VpcId, VpcModel>): string {
  const inspection = network.inspection!;
  const table = routeTable(network, inspection.segment, vpcById);
  const receiver = vpcById.get(to)!;
  const delivered = [receiver.cidr, ...receiver.secondaryCidrs].every((cidr) => {
    const hop = lookup(table, block(cidr));
    return hop?.kind === 'attachment' && hop.vpc === to;
  });
  return delivered
    ? `the firewall; the ${inspection.segment} table then delivers it to ${to}`
    : `the firewall; the ${inspection.segment} table has no route to ${to}, so it is dropped`;
}
