import { error, type Finding } from '../config/diagnostics';
import { buildNetworkModel, segmentPeers } from '../model/network/build-network';
import { segmentHops } from '../model/network/inspection-paths';
import { networkAllocation } from './network-facts';
import { inspectionVpc } from './inspection-facts';
import type { Rule, RuleContext } from './rule';

/**
 * Inspection routes are wide (0.0.0.0/0, the internal ranges) and the inspection table holds
 * every inspected segment, so a segment's traffic can reach, through the firewall, a segment it
 * does not reach in org.yaml. The Transit Gateway would forward it; only the firewall's rules
 * would stand in the way. The reachability function decides (one direction is enough: a packet
 * delivered is a path), and a more specific blackhole route, or a `reaches` entry, settles it.
 */
export const inspectionOpensNoUnrequestedPath: Rule = {
  code: 'LZ0523',
  name: 'inspection-opens-no-unrequested-path',
  check(context) {
    const config = context.config;
    if (!config.network?.inspection || !resolvable(context)) return [];
    const network = buildNetworkModel(config, context.previousLock).network!;
    // Per sending segment and receiving VPC, not per VPC pair: the sender's table alone decides.
    const hop = segmentHops(network);
    const bySegments = new Map<string, Array<[string, string]>>();
    const segmentOf = new Map(network.vpcs.map((v) => [v.id, v.segment]));
    for (const segment of network.segments) {
      const senders = network.vpcs.filter((v) => v.segment === segment.key && v.id !== network.inspection!.vpc);
      const peers = segmentPeers(config, segment.key);
      for (const to of network.vpcs) {
        const from = senders.find((v) => v.id !== to.id);
        if (!from || peers.includes(to.segment) || hop(segment.key, to.id) !== 'inspection') continue;
        const key = `${segment.key}\n${to.segment}`;
        bySegments.set(key, [...(bySegments.get(key) ?? []), [from.id, to.id]]);
      }
    }
    const findings: Finding[] = [];
    for (const key of [...bySegments.keys()].sort()) {
      const pairs = bySegments.get(key)!;
      const [from, to] = key.split('\n') as [string, string];
      const [a, b] = pairs[0]!;
      const target = network.vpcs.find((v) => v.id === b)!;
      const where = config.network.segments[from]?.inspection ? ['network', 'segments', from, 'inspection'] : ['network', 'segments', from];
      const via = `traffic to ${pairs.length} VPC(s), e.g. ${a} -> ${b} (${target.cidr}), goes through ${network.inspection!.vpc}`;
      if (from === to)
        findings.push(error(this.code, where, `Through the firewall, the VPCs of segment ${from} reach each other, although ${from} does not set intraSegment: ${via}.`,
          `Set network.segments.${from}.intraSegment: true (its VPCs then reach each other directly), or add blackhole routes for its VPCs' CIDRs to its routes.`));
      else
        findings.push(error(this.code, where, `Through the firewall, segment ${from} reaches segment ${to}, which it does not reach in org.yaml: ${via}.`,
          `Add a blackhole route for ${to}'s range (e.g. ${target.cidr}) to network.segments.${from}.routes, or let ${from} reach ${segmentOf.get(b)} (reaches).`));
    }
    return findings;
  },
};

/** Whether the network model can be built: every VPC complete, allocated and on a defined segment. */
function resolvable(context: RuleContext): boolean {
  const network = context.config.network!;
  const allocation = networkAllocation(context);
  if (allocation.failures.length > 0 || !inspectionVpc(context)) return false;
  const ids = new Set(allocation.definitions.map((d) => d.id));
  const routesResolve = Object.values(network.segments).every((s) => Object.values(s.routes).every((r) => r.vpc === undefined || ids.has(r.vpc)));
  return routesResolve && allocation.definitions.every((d) => {
    const f = d.fields;
    return allocation.vpcCidrs.has(d.id) && f.segment !== undefined && f.segment in network.segments && f.attachmentTier !== undefined && f.subnets?.[f.attachmentTier] !== undefined;
  });
}
