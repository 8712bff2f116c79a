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
 * The one-way path the Transit Gateway gives traffic from `from` to `to`: `direct` when the
 * sender's table resolves every CIDR of `to` to `to`'s attachment; `inspection` when it resolves
 * every CIDR to the inspection VPC's attachment and the inspection segment's table (where the
 * firewall hands traffic back) resolves each to `to`. Undefined when traffic is dropped, or when
 * CIDRs of `to` take different paths. Traffic the inspection VPC itself sends is its own (direct).
 */
export function inspectionHop(network: NetworkModel, from: VpcId, to: VpcId): Hop | undefined {
  return hops(network)(from, to);
}

function hops(network: NetworkModel): (from: VpcId, to: VpcId) => Hop | undefined {
  const vpcById = new Map(network.vpcs.map((v) => [v.id, v]));
  const tables = new Map<string, TableEntry[]>(network.segments.map((s) => [s.key, routeTable(network, s.key, vpcById)]));
  const inspection = network.inspection;
  const resolves = (segment: string, vpc: VpcModel, target: VpcId) =>
    [vpc.cidr, ...vpc.secondaryCidrs].every((cidr) => {
      const hop = lookup(tables.get(segment) ?? [], block(cidr));
      return hop?.kind === 'attachment' && hop.vpc === target;
    });
  return (from, to) => {
    if (from === to) return undefined;
    const sender = vpcById.get(from)!;
    const receiver = vpcById.get(to)!;
    if (resolves(sender.segment, receiver, to)) return 'direct';
    if (!inspection || from === inspection.vpc || to === inspection.vpc) return undefined;
    return resolves(sender.segment, receiver, inspection.vpc) && resolves(inspection.segment, receiver, to) ? 'inspection' : undefined;
  };
}

/**
 * The VPC pairs that reach each other through the firewall: both directions go through the
 * inspection VPC, as a stateful firewall needs (a flow it sees one way only is not a flow it
 * passes). Direct pairs are reachableVpcPairs'. Pairs `{ a, b }` with a < b, sorted.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config.html
 */
export function inspectedVpcPairs(network: NetworkModel): InspectedPair[] {
  if (!network.inspection) return [];
  const hop = hops(network);
  const ids = network.vpcs.map((v) => v.id).sort();
  const pairs: InspectedPair[] = [];
  for (let i = 0; i < ids.length; i += 1)
    for (let j = i + 1; j < ids.length; j += 1)
      if (hop(ids[i]!, ids[j]!) === 'inspection' && hop(ids[j]!, ids[i]!) === 'inspection') pairs.push({ a: ids[i]!, b: ids[j]! });
  return pairs;
}

/**
 * Pairs whose two directions take different paths (one direct, one through the firewall, or one
 * dropped): the firewall sees half of each flow. Used by rule LZ0524's sibling checks and by tests.
 */
export function asymmetricVpcPairs(network: NetworkModel): InspectedPair[] {
  if (!network.inspection) return [];
  const hop = hops(network);
  const ids = network.vpcs.map((v) => v.id).sort();
  const pairs: InspectedPair[] = [];
  for (let i = 0; i < ids.length; i += 1)
    for (let j = i + 1; j < ids.length; j += 1) {
      const there = hop(ids[i]!, ids[j]!);
      const back = hop(ids[j]!, ids[i]!);
      if (there !== back && (there === 'inspection' || back === 'inspection')) pairs.push({ a: ids[i]!, b: ids[j]! });
    }
  return pairs;
}
