import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

const DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * Inspection adds static routes to an inspected segment's table (0.0.0.0/0 for north-south, each
 * internal range for east-west). A Transit Gateway table holds one static route per destination,
 * so a declared route to the same destination (a default route to an egress VPC, say) would make
 * the apply fail halfway, or silently decide which path wins.
 * @see https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html
 */
export const inspectionRoutesDoNotCollide: Rule = {
  code: 'LZ0527',
  name: 'inspection-routes-do-not-collide',
  check(context) {
    const network = context.config.network;
    if (!network?.inspection) return [];
    const findings: Finding[] = [];
    for (const [key, segment] of sortedEntries(network.segments)) {
      const added = [
        ...(segment.inspection?.eastWest ? network.inspection.internalRanges.map((cidr) => ({ cidr, why: 'east-west inspection' })) : []),
        ...(segment.inspection?.northSouth ? [{ cidr: DEFAULT_ROUTE, why: 'north-south inspection' }] : []),
      ];
      for (const [routeKey, route] of sortedEntries(segment.routes)) {
        const clash = added.find((a) => a.cidr === route.destination);
        if (!clash) continue;
        findings.push(error(this.code, ['network', 'segments', key, 'routes', routeKey, 'destination'], `The route ${routeKey} of segment ${key} sends ${route.destination} ${route.blackhole ? 'to a blackhole' : `to ${route.vpc}`}, and the segment's ${clash.why} sends the same destination to the inspection VPC ${network.inspection.vpc}; a table holds one route per destination.`,
          `Remove the route ${routeKey}, or turn off ${clash.why} for ${key}; a more specific destination may stay.`));
      }
    }
    return findings;
  },
};
