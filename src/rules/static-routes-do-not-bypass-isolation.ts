import { warning, type Finding } from '../config/diagnostics';
import { segmentPeers } from '../model/network/build-network';
import { block, contains } from '../model/network/cidr';
import { networkAllocation, vpcBlocks } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * A static route to another VPC's attachment (a default route to an egress or inspection VPC)
 * also covers the CIDRs of VPCs the segment may not reach. If that VPC forwards traffic (a NAT
 * gateway, a firewall), the isolated VPC is reached through it: a hairpin around the segment
 * policy. A more specific blackhole for those CIDRs closes the path; propagated routes of allowed
 * VPCs are more specific still and keep working.
 */
export const staticRoutesDoNotBypassIsolation: Rule = {
  code: 'LZ0516',
  name: 'static-routes-do-not-bypass-isolation',
  check(context) {
    const { config } = context;
    const network = config.network;
    if (!network) return [];
    const allocation = networkAllocation(context);
    const segmentOf = new Map(allocation.definitions.map((d) => [d.id, d.fields.segment]));
    const vpcCount = (segment: string) => allocation.definitions.filter((d) => d.fields.segment === segment).length;
    const blocks = vpcBlocks(context);
    const findings: Finding[] = [];
    for (const [segmentKey, segment] of sortedEntries(network.segments)) {
      const peers = segmentPeers(config, segmentKey);
      const blackholes = Object.values(segment.routes).filter((r) => r.blackhole).map((r) => block(r.destination));
      for (const [routeKey, route] of sortedEntries(segment.routes)) {
        if (route.vpc === undefined || !segmentOf.has(route.vpc)) continue;
        const destination = block(route.destination);
        const exposed = blocks.filter((b) => {
          const segment = segmentOf.get(b.vpcId);
          // A VPC on an undefined segment is reported by LZ0501; what it could reach is not judged.
          if (b.vpcId === route.vpc || segment === undefined || !(segment in network.segments) || peers.includes(segment)) return false;
          // Traffic to its own CIDR never leaves a VPC: a segment's VPC is exposed only to a sibling.
          if (segment === segmentKey && vpcCount(segmentKey) < 2) return false;
          return contains(destination, b.block) && !blackholes.some((h) => contains(h, b.block) && h.prefixLength > destination.prefixLength);
        });
        if (exposed.length === 0) continue;
        const names = exposed.map((b) => `${b.vpcId} (${b.block.cidr})`);
        findings.push(warning(this.code, ['network', 'segments', segmentKey, 'routes', routeKey],
          `The route ${routeKey} sends ${route.destination} to ${route.vpc}, which also covers ${exposed.length} CIDR(s) of VPCs the segment ${segmentKey} may not reach: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''}. If ${route.vpc} forwards traffic (NAT, firewall), they are reached through it.`,
          `Add a blackhole route to network.segments.${segmentKey}.routes covering those CIDRs (e.g. their pool), more specific than ${route.destination}.`, true));
      }
    }
    return findings;
  },
};
