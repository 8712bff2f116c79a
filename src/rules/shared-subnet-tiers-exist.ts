import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** Every tier a VPC shares is one of its own subnet tiers, so the share has subnets to hold. */
export const sharedSubnetTiersExist: Rule = {
  code: 'LZ0561',
  name: 'shared-subnet-tiers-exist',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const shared = d.fields.sharedSubnets;
      const at = [...d.yamlPath, 'sharedSubnets', 'tiers'];
      if (shared === undefined || seen.has(at.join('.'))) continue;
      seen.add(at.join('.'));
      const tiers = Object.keys(d.fields.subnets ?? {}).sort();
      shared.tiers.forEach((tier, i) => {
        if (tiers.includes(tier)) return;
        const suggestion = closest(tier, tiers);
        findings.push(error(this.code, [...at, i], `${d.id} shares the tier "${tier}", but it has no such subnet tier (its tiers: ${tiers.join(', ') || 'none'}).`,
          suggestion ? `Did you mean "${suggestion}"?` : `Share one of ${d.id}'s tiers, or add the tier under subnets.`));
      });
    }
    return findings;
  },
};
