import { error, type Finding } from '../config/diagnostics';
import { azCountOf } from '../model/network/resolve';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * A tier is sized once, by prefixLength or by cidrs, and explicit cidrs name exactly the VPC's
 * zones (az0 to az<azCount-1>): a tier has one subnet per availability zone.
 */
export const explicitSubnetsCoverEveryZone: Rule = {
  code: 'LZ0542',
  name: 'explicit-subnets-cover-every-zone',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const zones = Array.from({ length: azCountOf(d.fields) }, (_, i) => `az${i}`);
      for (const [tier, t] of sortedEntries(d.fields.subnets ?? {})) {
        const path = [...d.yamlPath, 'subnets', tier];
        const at = `${path.join('.')}|${zones.length}`;
        if (seen.has(at)) continue;
        seen.add(at);
        if (t.prefixLength === undefined && t.cidrs === undefined)
          findings.push(error(this.code, path, `The tier ${tier} of ${d.id} has neither prefixLength nor cidrs.`, 'Give prefixLength (allocated subnets) or cidrs (one explicit CIDR per zone).'));
        if (t.prefixLength !== undefined && t.cidrs !== undefined)
          findings.push(error(this.code, [...path, 'prefixLength'], `The tier ${tier} of ${d.id} has both prefixLength (/${t.prefixLength}) and cidrs.`, 'Remove prefixLength: explicit cidrs give each subnet its size.'));
        if (t.cidrs === undefined) continue;
        const given = Object.keys(t.cidrs).sort();
        const missing = zones.filter((z) => !given.includes(z));
        const extra = given.filter((z) => !zones.includes(z));
        if (missing.length > 0 || extra.length > 0)
          findings.push(error(this.code, [...path, 'cidrs'], `The tier ${tier} of ${d.id} gives cidrs for ${given.join(', ') || 'no zone'}, but the VPC spans ${zones.length} zone${zones.length === 1 ? '' : 's'} (${zones.join(', ')})${missing.length > 0 ? `: ${missing.join(', ')} missing` : ''}${extra.length > 0 ? `${missing.length > 0 ? ';' : ':'} ${extra.join(', ')} beyond azCount` : ''}.`,
            `Give exactly one CIDR for each of ${zones.join(', ')}, or change azCount.`));
      }
    }
    return findings;
  },
};
