import { error } from '../config/diagnostics';
import { block, contains } from '../model/network/cidr';
import { poolCidr } from '../model/network/pools';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** A VPC that names a pool lies inside it, whether its CIDR is explicit or recorded. */
export const vpcCidrsWithinPool: Rule = {
  code: 'LZ0503',
  name: 'vpc-cidrs-within-pool',
  check(context) {
    const pools = context.config.network?.pools ?? {};
    const allocation = networkAllocation(context);
    return allocation.definitions.flatMap((d) => {
      const range = d.fields.pool !== undefined ? poolCidr(pools, d.fields.pool) : undefined;
      const cidr = allocation.vpcCidrs.get(d.id);
      if (range === undefined || cidr === undefined || contains(block(range), block(cidr))) return [];
      return [error(this.code, d.fields.cidr !== undefined ? [...d.yamlPath, 'cidr'] : d.yamlPath, `${d.id} has the CIDR ${cidr}, outside its pool ${d.fields.pool} (${range}).`,
        `Choose a CIDR inside ${range}, or name the pool it belongs to.`)];
    });
  },
};
