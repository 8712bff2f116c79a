import { error, type Finding } from '../config/diagnostics';
import { accountRenames, lockSection, SUBNET_LOCK_SECTION, subnetLockKey } from '../model/network/allocation';
import { block, overlaps } from '../model/network/cidr';
import { azCountOf } from '../model/network/resolve';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * Explicit subnets of a VPC overlap neither each other nor a subnet that lz.lock.json records for
 * a tier that is still allocated. AWS refuses overlapping subnets; and the allocator places
 * allocated tiers around explicit ones, so an explicit CIDR over a recorded one would move that
 * subnet, which replaces it and everything in it. This rule stops that before a plan does.
 */
export const explicitSubnetsDoNotOverlap: Rule = {
  code: 'LZ0541',
  name: 'explicit-subnets-do-not-overlap',
  check(context) {
    const allocation = networkAllocation(context);
    // A renamed account's subnets are recorded under its former key until this run rewrites the record.
    const recorded = lockSection(context.previousLock, SUBNET_LOCK_SECTION, accountRenames(context.config));
    const findings: Finding[] = [];
    const reported = new Set<string>();
    const report = (path: ReadonlyArray<string | number>, message: string, fix: string) => {
      const key = `${path.join('.')}|${message}`;
      if (reported.has(key)) return;
      reported.add(key);
      findings.push(error(this.code, path, message, fix));
    };
    for (const d of allocation.definitions) {
      const tiers = sortedEntries(d.fields.subnets ?? {});
      const explicit = tiers.flatMap(([tier, t]) => sortedEntries(t.cidrs ?? {}).map(([az, cidr]) => ({ tier, az, cidr })));
      explicit.forEach((a, i) => {
        for (const b of explicit.slice(i + 1))
          if (overlaps(block(a.cidr), block(b.cidr)))
            report([...d.yamlPath, 'subnets', b.tier, 'cidrs', b.az], `The subnet ${b.az} of tier ${b.tier} of ${d.id} (${b.cidr}) overlaps the subnet ${a.az} of tier ${a.tier} (${a.cidr}).`,
              'Give each explicit subnet a CIDR of its own.');
      });
      const allocated = tiers.filter(([, t]) => t.cidrs === undefined);
      for (const e of explicit)
        for (const [tier] of allocated)
          for (let azIndex = 0; azIndex < azCountOf(d.fields); azIndex += 1) {
            const previous = recorded.get(subnetLockKey(d.id, tier, azIndex));
            if (previous === undefined || allocation.subnetCidrs.get(subnetLockKey(d.id, tier, azIndex)) === undefined) continue;
            if (!overlaps(block(previous), block(e.cidr))) continue;
            report([...d.yamlPath, 'subnets', e.tier, 'cidrs', e.az], `The subnet ${e.az} of tier ${e.tier} of ${d.id} (${e.cidr}) overlaps ${previous}, which lz.lock.json records for tier ${tier} in az${azIndex}; that subnet would move, and moving a subnet replaces it.`,
              `Pick a CIDR clear of ${previous}, or pin tier ${tier} with cidrs as well.`);
          }
    }
    return findings;
  },
};
