import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { block, contains } from '../model/network/cidr';
import { poolCidr } from '../model/network/pools';
import { topLevelPools } from '../model/network/shared-ipam';
import { sortedEntries, type Rule } from './rule';

/**
 * IPAM provisions a regional pool's CIDR out of its source pool, so every pool that is not nested
 * in another lies in a CIDR of the top-level pool (`ipam.cidrs`), and the per-pool settings name
 * pools that exist.
 * @see https://docs.aws.amazon.com/vpc/latest/ipam/create-reg-ipam-pool.html
 */
export const ipamPoolsLieInTheTopLevelPool: Rule = {
  code: 'LZ0563',
  name: 'ipam-pools-lie-in-the-top-level-pool',
  check({ config }) {
    const network = config.network;
    const ipam = network?.ipam;
    if (!network || !ipam) return [];
    const findings: Finding[] = [];
    const pools = Object.keys(network.pools).sort();
    if (ipam.cidrs !== undefined)
      for (const key of topLevelPools(network)) {
        const cidr = poolCidr(network.pools, key)!;
        if (ipam.cidrs.some((c) => contains(block(c), block(cidr)))) continue;
        findings.push(error(this.code, ['network', 'pools', key], `The pool ${key} (${cidr}) lies in no CIDR of the IPAM's top-level pool (${ipam.cidrs.join(', ')}), so IPAM cannot provision it.`,
          `Add a CIDR holding ${cidr} to network.ipam.cidrs, or nest the pool in another with { cidr, within }.`, true));
      }
    for (const [key] of sortedEntries(ipam.pools))
      if (network.pools[key] === undefined) {
        const suggestion = closest(key, pools);
        findings.push(error(this.code, ['network', 'ipam', 'pools', key], `The IPAM settings name the pool "${key}", which is not defined in network.pools.`,
          suggestion ? `Did you mean "${suggestion}"?` : `Use one of: ${pools.join(', ') || '(no pools)'}.`, true));
      }
    return findings;
  },
};
