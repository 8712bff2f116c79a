import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { block, contains, overlaps } from '../model/network/cidr';
import { outerPool, poolCidr } from '../model/network/pools';
import { sortedEntries, type Rule } from './rule';

/**
 * Two pools that overlap hand out the same addresses to two VPCs, which then cannot route to each
 * other. A pool may lie inside another only when it says so (`within`); the outer pool's
 * allocations then skip its range.
 */
export const cidrPoolsDoNotOverlap: Rule = {
  code: 'LZ0517',
  name: 'cidr-pools-do-not-overlap',
  check({ config }) {
    const pools = config.network?.pools;
    if (!pools) return [];
    const findings: Finding[] = [];
    const keys = Object.keys(pools).sort();
    const nestedIn = (inner: string, outer: string) => {
      for (let at = outerPool(pools, inner), seen = new Set([inner]); at !== undefined && !seen.has(at); seen.add(at), at = outerPool(pools, at))
        if (at === outer) return true;
      return false;
    };
    // A pool whose `within` is wrong is reported once, not again for each pool it overlaps.
    const misdeclared = new Set<string>();
    for (const [key] of sortedEntries(pools)) {
      const within = outerPool(pools, key);
      if (within === undefined) continue;
      const path = ['network', 'pools', key, 'within'];
      const before = findings.length;
      const cidr = poolCidr(pools, key)!;
      const outer = poolCidr(pools, within);
      if (outer === undefined) {
        const suggestion = closest(within, keys.filter((k) => k !== key));
        findings.push(error(this.code, path, `The pool "${within}" that \`${key}\` is declared within is not defined in network.pools.`,
          suggestion ? `Did you mean "${suggestion}"?` : 'Name a pool of network.pools, or drop `within`.'));
      } else if (within === key || nestedIn(within, key))
        findings.push(error(this.code, path, `\`${key}\` is declared within "${within}", which is itself within \`${key}\`: nesting must not go round in a circle.`,
          'Declare only the inner pool `within` the outer one.'));
      else if (!contains(block(outer), block(cidr)) || outer === cidr)
        findings.push(error(this.code, path, `\`${key}\` (${cidr}) is declared within "${within}" (${outer}), but it is not a smaller range inside it.`,
          `Give \`${key}\` a CIDR inside ${outer}, or drop \`within\`.`));
      if (findings.length > before) misdeclared.add(key);
    }
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const [a, b] = [keys[i]!, keys[j]!];
        const [ca, cb] = [poolCidr(pools, a)!, poolCidr(pools, b)!];
        if (misdeclared.has(a) || misdeclared.has(b) || !overlaps(block(ca), block(cb)) || nestedIn(a, b) || nestedIn(b, a)) continue;
        const inner = contains(block(ca), block(cb)) && ca !== cb ? b : contains(block(cb), block(ca)) && ca !== cb ? a : undefined;
        const outer = inner === a ? b : a;
        findings.push(error(this.code, ['network', 'pools', b], `The pools \`${a}\` (${ca}) and \`${b}\` (${cb}) overlap, so both could hand out the same addresses.`,
          inner !== undefined
            ? `If \`${inner}\` is carved out of \`${outer}\`, declare it so: \`${inner}: { cidr: ${poolCidr(pools, inner)}, within: ${outer} }\`; otherwise give it a range of its own.`
            : `Give each pool a range of its own.`));
      }
    return findings;
  },
};
