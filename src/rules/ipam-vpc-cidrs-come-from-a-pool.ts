import { error, type Finding } from '../config/diagnostics';
import { block, overlaps } from '../model/network/cidr';
import { poolCidr } from '../model/network/pools';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * With an IPAM, IPAM decides the CIDRs of the pools at apply time and refuses only overlaps it
 * knows of. A primary CIDR given explicitly therefore names its pool (IPAM then allocates exactly
 * that CIDR, and LZ0503 checks it lies there); a secondary CIDR stays out of every pool (IPAM does
 * not see it and could hand the same range to another VPC); and explicit subnet CIDRs need a VPC
 * CIDR known before apply.
 * @see https://docs.aws.amazon.com/vpc/latest/ipam/choose-pools-ipam.html
 */
export const ipamVpcCidrsComeFromAPool: Rule = {
  code: 'LZ0565',
  name: 'ipam-vpc-cidrs-come-from-a-pool',
  check(context) {
    const network = context.config.network;
    if (!network?.ipam) return [];
    const findings: Finding[] = [];
    const pools = Object.keys(network.pools).sort();
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const at = d.yamlPath.join('.');
      if (seen.has(at)) continue;
      seen.add(at);
      if (d.fields.cidr !== undefined && d.fields.pool === undefined)
        findings.push(error(this.code, [...d.yamlPath, 'cidr'], `${d.id} has the explicit CIDR ${d.fields.cidr} but no pool, so the IPAM does not know it and could allocate the same range to another VPC.`,
          `Name the IPAM pool the CIDR lies in (pool: ${pools.find((p) => overlaps(block(poolCidr(network.pools, p)!), block(d.fields.cidr!))) ?? pools[0] ?? '<pool>'}), or add a pool for it.`));
      if (d.fields.cidr === undefined && d.fields.pool !== undefined)
        for (const [tier, t] of Object.entries(d.fields.subnets ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)))
          if (t.cidrs !== undefined)
            findings.push(error(this.code, [...d.yamlPath, 'subnets', tier, 'cidrs'], `The tier ${tier} of ${d.id} gives explicit subnet CIDRs, but IPAM picks the VPC's CIDR at apply time, so they may not lie in it.`,
              `Give ${d.id} an explicit cidr from the pool ${d.fields.pool}, or size the tier with prefixLength instead.`));
      (d.fields.secondaryCidrs ?? []).forEach((cidr, i) => {
        const pool = pools.find((p) => overlaps(block(poolCidr(network.pools, p)!), block(cidr)));
        if (pool !== undefined)
          findings.push(error(this.code, [...d.yamlPath, 'secondaryCidrs', i], `The secondary CIDR ${cidr} of ${d.id} lies in the IPAM pool ${pool} (${poolCidr(network.pools, pool)}), where IPAM would not know it is taken.`,
            `Use a secondary CIDR outside every pool of network.pools.`));
      });
    }
    return findings;
  },
};
