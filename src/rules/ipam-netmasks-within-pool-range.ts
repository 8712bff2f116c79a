import { error, type Finding } from '../config/diagnostics';
import { ipamNetmaskLength } from '../model/network/shared-ipam';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * An IPAM pool allocates only netmask lengths in its [min, max] range (allocation_min_netmask_length
 * and allocation_max_netmask_length): a VPC asking for another fails at apply time, so the range is
 * well-formed and every VPC's prefixLength lies in its pool's range.
 * @see https://docs.aws.amazon.com/vpc/latest/ipam/create-reg-ipam-pool.html
 */
export const ipamNetmasksWithinPoolRange: Rule = {
  code: 'LZ0564',
  name: 'ipam-netmasks-within-pool-range',
  check(context) {
    const network = context.config.network;
    const ipam = network?.ipam;
    if (!network || !ipam) return [];
    const findings: Finding[] = [];
    const ranges: Array<[ReadonlyArray<string>, { min: number; max: number }]> = [
      [['network', 'ipam', 'netmaskLength'], ipam.netmaskLength],
      ...sortedEntries(ipam.pools).map(([key, p]): [ReadonlyArray<string>, { min: number; max: number }] => [['network', 'ipam', 'pools', key, 'netmaskLength'], p.netmaskLength]),
    ];
    for (const [path, range] of ranges)
      if (range.min > range.max)
        findings.push(error(this.code, [...path, 'min'], `The netmask range ${range.min}-${range.max} is empty: min is larger than max.`,
          `Give min <= max, e.g. min: ${range.max}, max: ${range.min}.`));
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const { pool, prefixLength, cidr } = d.fields;
      const at = d.yamlPath.join('.');
      if (pool === undefined || prefixLength === undefined || cidr !== undefined || network.pools[pool] === undefined || seen.has(at)) continue;
      seen.add(at);
      const range = ipamNetmaskLength(network, pool);
      if (prefixLength >= range.min && prefixLength <= range.max) continue;
      findings.push(error(this.code, [...d.yamlPath, 'prefixLength'], `${d.id} asks IPAM for a /${prefixLength} from the pool ${pool}, which allocates /${range.min} to /${range.max} only.`,
        `Use a prefixLength from ${range.min} to ${range.max}, or widen network.ipam.pools.${pool}.netmaskLength.`));
    }
    return findings;
  },
};
