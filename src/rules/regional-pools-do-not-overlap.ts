import { error, type Finding } from '../config/diagnostics';
import { block, overlaps } from '../model/network/cidr';
import { isMultiRegion, poolRegions } from '../model/network/regions';
import { poolCidr } from '../model/network/pools';
import type { Rule } from './rule';

/**
 * Pools of two regions do not overlap, not even nested with `within` (which LZ0517 accepts within
 * one region): each region's address space is its own, so that a CIDR names the region it lives
 * in and the peering routes of one region never cover another's VPCs by accident.
 */
export const regionalPoolsDoNotOverlap: Rule = {
  code: 'LZ0555',
  name: 'regional-pools-do-not-overlap',
  check({ config }) {
    const pools = config.network?.pools;
    if (!pools || !isMultiRegion(config)) return [];
    const owner = poolRegions(config);
    const keys = Object.keys(pools).sort();
    const findings: Finding[] = [];
    for (let i = 0; i < keys.length; i += 1)
      for (let j = i + 1; j < keys.length; j += 1) {
        const [a, b] = [keys[i]!, keys[j]!];
        if (owner.get(a) === owner.get(b)) continue;
        const [ca, cb] = [poolCidr(pools, a)!, poolCidr(pools, b)!];
        if (!overlaps(block(ca), block(cb))) continue;
        findings.push(error(this.code, ['network', 'pools', b], `The pool \`${b}\` (${cb}) of ${owner.get(b)} overlaps the pool \`${a}\` (${ca}) of ${owner.get(a)}; the address space of two regions must not overlap.`,
          `Give \`${b}\` a range outside every pool of ${owner.get(a)}, e.g. one block per region such as 10.0.0.0/12 and 10.64.0.0/12.`));
      }
    return findings;
  },
};
