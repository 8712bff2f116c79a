import { error, type Finding } from '../config/diagnostics';
import { isMultiRegion, poolRegions, primaryRegion, vpcRegionOf } from '../model/network/regions';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * A VPC draws from a pool of its own region: the regions' pools are kept apart (LZ0555) so that a
 * region's address space says where a CIDR lives, and a VPC allocated from another region's pool
 * would break that.
 */
export const vpcPoolsAreInTheVpcRegion: Rule = {
  code: 'LZ0554',
  name: 'vpc-pools-are-in-the-vpc-region',
  check(context) {
    const { config } = context;
    if (!isMultiRegion(config)) return [];
    const owner = poolRegions(config);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const pool = d.fields.pool;
      const at = `${d.yamlPath.join('.')}@${d.fields.region ?? ''}`;
      if (pool === undefined || owner.get(pool) === undefined || seen.has(at)) continue;
      const region = vpcRegionOf(config, d.fields);
      if (owner.get(pool) === region) continue;
      seen.add(at);
      findings.push(error(this.code, [...d.yamlPath, 'pool'], `${d.id} is in ${region} but draws from the pool "${pool}", which belongs to ${owner.get(pool)}.`,
        region === primaryRegion(config)
          ? `Use a pool that no entry of network.regions lists (those are the primary region's), or place the VPC in ${owner.get(pool)} with \`region: ${owner.get(pool)}\`.`
          : `Use a pool listed in network.regions.${region}.pools, or place the VPC in ${owner.get(pool)}.`));
    }
    return findings;
  },
};
