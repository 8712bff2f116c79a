import { error, type Finding } from '../config/diagnostics';
import { block, contains } from '../model/network/cidr';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * An explicit subnet CIDR lies inside one of its VPC's CIDRs (the primary, given or allocated, or
 * a secondary): AWS refuses a subnet that does not, and one that straddles two of them.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export const explicitSubnetsFitVpc: Rule = {
  code: 'LZ0540',
  name: 'explicit-subnets-fit-vpc',
  check(context) {
    const allocation = networkAllocation(context);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const d of allocation.definitions) {
      const primary = allocation.vpcCidrs.get(d.id);
      if (primary === undefined) continue;
      const cidrs = [primary, ...(d.fields.secondaryCidrs ?? [])];
      for (const [tier, t] of sortedEntries(d.fields.subnets ?? {}))
        for (const [az, cidr] of sortedEntries(t.cidrs ?? {})) {
          if (cidrs.some((c) => contains(block(c), block(cidr)))) continue;
          const path = [...d.yamlPath, 'subnets', tier, 'cidrs', az];
          const message = `The subnet ${az} of tier ${tier} of ${d.id} is ${cidr}, which lies outside the VPC's CIDRs (${cidrs.join(', ')}).`;
          if (reported.has(`${path.join('.')}|${message}`)) continue;
          reported.add(`${path.join('.')}|${message}`);
          findings.push(error(this.code, path, message, 'Use a CIDR inside one of the VPC\'s CIDRs, or add a secondaryCidrs entry that holds it.'));
        }
    }
    return findings;
  },
};
