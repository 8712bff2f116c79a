import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { networkRegions, primaryRegion } from '../model/network/regions';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * Every VPC is placed in a region that has a Transit Gateway (the primary or one of
 * network.regions), and every pool a region claims exists and is claimed by that region only.
 */
export const networkRegionReferencesResolve: Rule = {
  code: 'LZ0553',
  name: 'network-region-references-resolve',
  check(context) {
    const { config } = context;
    const network = config.network;
    if (!network) return [];
    const findings: Finding[] = [];
    const regions = networkRegions(config);
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const region = d.fields.region;
      const at = d.yamlPath.join('.');
      if (region === undefined || regions.includes(region) || seen.has(at)) continue;
      seen.add(at);
      const suggestion = closest(region, regions);
      findings.push(error(this.code, [...d.yamlPath, 'region'], `${d.id} is placed in ${region}, where the network has no Transit Gateway (regions: ${regions.join(', ')}).`,
        suggestion ? `Did you mean "${suggestion}"? Otherwise add ${region} to network.regions with its own ASN.` : `Add ${region} to network.regions with its own ASN, or place the VPC in ${primaryRegion(config)}.`));
    }
    const pools = Object.keys(network.pools).sort();
    const claimedBy = new Map<string, string>();
    for (const [region, r] of sortedEntries(network.regions))
      r.pools.forEach((pool, i) => {
        const path = ['network', 'regions', region, 'pools', i];
        if (!pools.includes(pool)) {
          const suggestion = closest(pool, pools);
          findings.push(error(this.code, path, `The pool "${pool}" is not defined in network.pools.`, suggestion ? `Did you mean "${suggestion}"?` : 'Define it in network.pools, or remove it here.'));
        } else if (claimedBy.has(pool) && claimedBy.get(pool) !== region)
          findings.push(error(this.code, path, `The pool "${pool}" is already listed by ${claimedBy.get(pool)}; a pool belongs to one region.`, `Remove it from one of the two regions, or split it into one pool per region.`));
        else claimedBy.set(pool, region);
      });
    return findings;
  },
};
