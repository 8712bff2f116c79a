import { error, type Finding } from '../config/diagnostics';
import { block, overlaps } from '../model/network/cidr';
import { azCountOf } from '../model/network/resolve';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** Every subnet (one per tier per availability zone) fits in the VPC's primary CIDR. */
export const subnetsFitVpc: Rule = {
  code: 'LZ0506',
  name: 'subnets-fit-vpc',
  check(context) {
    const allocation = networkAllocation(context);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const failure of allocation.failures) {
      if (failure.kind !== 'subnet') continue;
      const { vpc } = failure;
      const path = [...vpc.yamlPath, 'subnets', failure.tier, 'prefixLength'];
      if (reported.has(`${vpc.id}`)) continue;
      reported.add(vpc.id);
      const cidr = allocation.vpcCidrs.get(vpc.id)!;
      const allocated = Object.values(vpc.fields.subnets ?? {}).reduce((sum, t) => sum + (t.cidrs === undefined && t.prefixLength !== undefined ? 2 ** (32 - t.prefixLength) : 0), 0) * azCountOf(vpc.fields);
      const explicit = Object.values(vpc.fields.subnets ?? {}).flatMap((t) => Object.values(t.cidrs ?? {})).filter((c) => overlaps(block(c), block(cidr)));
      const needed = explicit.reduce((sum, c) => sum + 2 ** (32 - block(c).prefixLength), allocated);
      const size = 2 ** (32 - block(cidr).prefixLength);
      findings.push(error(this.code, path, `The subnets of ${vpc.id} do not fit in its CIDR ${cidr}: tier ${failure.tier} (/${failure.prefixLength}, AZ ${failure.azIndex + 1}) finds no free block; the tiers need ${needed} addresses in all, the VPC has ${size}.`,
        'Make the subnet tiers smaller, use fewer availability zones, or give the VPC a larger CIDR.'));
    }
    return findings;
  },
};
