import { error } from '../config/diagnostics';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** AWS quota "IPv4 CIDR blocks per VPC": 5 by default (the primary and four secondary). */
export const vpcCidrCountWithinLimit: Rule = {
  code: 'LZ0505',
  name: 'vpc-cidr-count-within-limit',
  check(context) {
    const seen = new Set<string>();
    return networkAllocation(context).definitions.flatMap((d) => {
      const count = 1 + (d.fields.secondaryCidrs ?? []).length;
      const at = d.yamlPath.join('.');
      if (count <= 5 || seen.has(at)) return [];
      seen.add(at);
      return [error(this.code, [...d.yamlPath, 'secondaryCidrs'], `${d.id} has ${count} CIDRs (1 primary, ${count - 1} secondary); a VPC holds at most 5.`,
        'Keep at most 4 secondary CIDRs, or split the workload into a second VPC.')];
    });
  },
};
