import { error, type Finding } from '../config/diagnostics';
import { block, contains } from '../model/network/cidr';
import { isMultiRegion, networkRegions, vpcRegionOf } from '../model/network/regions';
import { networkAllocation } from './network-facts';
import { plannedPeeringRoutes } from './network-region-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * The routes that send a remote VPC's CIDR to the peering do not collide with the segment's own
 * static routes in the same regional table: an equal destination is two routes for one prefix
 * (the second fails at apply), and a static route inside the remote CIDR takes part of that VPC's
 * traffic elsewhere. A broader static route (0.0.0.0/0, a 10.0.0.0/8 blackhole) is fine: the
 * longer peering prefix wins.
 */
export const peeringRoutesDoNotOverlap: Rule = {
  code: 'LZ0556',
  name: 'peering-routes-do-not-overlap',
  check(context) {
    const { config } = context;
    const network = config.network;
    if (!network || !isMultiRegion(config)) return [];
    const regionOfVpc = new Map(networkAllocation(context).definitions.map((d) => [d.id, vpcRegionOf(config, d.fields)]));
    const regions = networkRegions(config);
    const planned = plannedPeeringRoutes(context);
    const findings: Finding[] = [];
    for (const [segment, s] of sortedEntries(network.segments))
      for (const [key, route] of sortedEntries(s.routes)) {
        const inRegions = route.vpc !== undefined ? [regionOfVpc.get(route.vpc)] : regions;
        const hit = planned.find((p) => p.segment === segment && inRegions.includes(p.region) && contains(block(p.destination), block(route.destination)));
        if (!hit) continue;
        findings.push(error(this.code, ['network', 'segments', segment, 'routes', key, 'destination'],
          `The static route to ${route.destination} in segment ${segment}'s table in ${hit.region} ${hit.destination === route.destination ? 'has the same destination as' : 'lies inside'} the peering route to ${hit.destination}, which carries ${hit.vpcId}'s traffic to its region.`,
          hit.destination === route.destination
            ? `Remove the route: ${hit.vpcId} is reached through the peering already; or stop ${segment} reaching ${hit.vpcId}'s segment.`
            : `Route a prefix that does not fall inside ${hit.destination}, or move ${hit.vpcId} to other addresses.`));
      }
    return findings;
  },
};
