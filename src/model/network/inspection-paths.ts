import { block } from './cidr';
import { lookup, routeTable, type TableEntry } from './reachability';
import type { NetworkModel, VpcId, VpcModel } from './types';

/** How traffic gets from one VPC to another: handed over by the sender's table, or through the firewall. */
export type Hop = 'direct' | 'inspection';

export interface InspectedPair {
  readonly a: VpcId;
  readonly b: VpcId;
}

/**
 * The one-way path the Transit Gateway gives traffic from a segment's table to a VPC: `direct`
 * when the table resolves every CIDR of the VPC to its attachment; `inspection` when it resolves
 * every CIDR to the inspection VPC's attachment and the inspection segment's table (where the
 * firewall hands traffic back) resolves each to the VPC. Undefined when traffic is dropped, or
 * when CIDRs take different paths. The answer depends on the table and the receiver only, so it
 * is computed once per pair of them.
 */
export function segmentHops(network: NetworkModel): (segment: string, to: VpcId) => Hop | undefined {
  const vpcById = new Map(network.vpcs.map((v) => [v.id, v]));
  const tables = new Map<string, TableEntry[]>(network.segments.map((s) => [s.key, routeTable(network, s.key, vpcById)]));
  const inspection = network.inspection;
  const resolves = (segment: string, vpc: VpcModel, target: VpcId) =>
    [vpc.cidr, ...vpc.secondaryCidrs].every((cidr) => {
      const hop = lookup(tables.get(segment) ?? [], block(cidr));
      return hop?.kind === 'attachment' && hop.vpc === target;
    });
  const memo = new Map<string, Hop | undefined>();
  return (segment, to) => {
    const key = `${segment}>${to}`;
    if (memo.has(key)) return memo.get(key);
    const receiver = vpcById.get(to)!;
    const hop: Hop | undefined = resolves(segment, receiver, to)
      ? 'direct'
      : inspection && to !== inspection.vpc && resolves(segment, receiver, inspection.vpc) && resolves(inspection.segment, receiver, to)
        ? 'inspection'
        : undefined;
    memo.set(key, hop);
    return hop;
  };
}

/**
 * The path from one VPC to another (see segmentHops). Traffic the inspection VPC sends is its
 * own: it never goes through the firewall a second time.
 */
export function vpcHops(network: NetworkModel): (from: VpcId, to: VpcId) => Hop | undefined {
  const bySegment = segmentHops(network);
  const segmentOf = new Map(network.vpcs.map((v) => [v.id, v.segment]));
  return (from, to) => {
    if (from === to) return undefined;
    const hop = bySegment(segmentOf.get(from)!, to);
    return hop === 'inspection' && from === network.inspection?.vpc ? undefined : hop;
  };
}

/** The path from one VPC to another, once (vpcHops for many questions about one network). */
export function inspectionHop(network: NetworkModel, from: VpcId, to: VpcId): Hop | undefined {
  return vpcHops(network)(from, to);
}

/**
 * The VPC pairs that reach each other through the firewall: both directions go through the
 * inspection VPC, as a stateful firewall needs (a flow it sees one way only is not a flow it
 * passes). Direct pairs are reachableVpcPairs'. Pairs `{ a, b }` with a < b, sorted.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config.html
 */
export function inspectedVpcPairs(network: NetworkModel): InspectedPair[] {
  return pairsWhere(network, (there, back) => there === 'inspection' && back === 'inspection');
}

/**
 * The pairs whose two directions take different paths while one of them goes through the
 * firewall (the other direct, or dropped): the firewall would see half of each flow. The tests
 * hold that no configuration passing the rules has any.
 */
export function asymmetricVpcPairs(network: NetworkModel): InspectedPair[] {
  return pairsWhere(network, (there, back) => there !== back && (there === 'inspection' || back === 'inspection'));
}

function pairsWhere(network: NetworkModel, keep: (there: Hop | undefined, back: Hop | undefined) => boolean): InspectedPair[] {
  if (!network.inspection) return [];
  const hop = vpcHops(network);
  const ids = network.vpcs.map((v) => v.id).sort();
  const pairs: InspectedPair[] = [];
  for (let i = 0; i < ids.length; i += 1)
    for (let j = i + 1; j < ids.length; j += 1) if (keep(hop(ids[i]!, ids[j]!), hop(ids[j]!, ids[i]!))) pairs.push({ a: ids[i]!, b: ids[j]! });
  return pairs;
}
