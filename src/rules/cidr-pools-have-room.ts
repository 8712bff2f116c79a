import { error } from '../config/diagnostics';
import { addressCount } from '../model/network/cidr';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** Every VPC that is allocated from a pool finds a free block of its size there. */
export const cidrPoolsHaveRoom: Rule = {
  code: 'LZ0511',
  name: 'cidr-pools-have-room',
  check(context) {
    return networkAllocation(context).failures.flatMap((f) => {
      if (f.kind !== 'vpc') return [];
      const left = f.largestFreePrefix !== undefined ? `${f.freeAddresses} free addresses, the largest free block a /${f.largestFreePrefix}` : 'no free addresses left';
      return [error(this.code, [...f.vpc.yamlPath, 'prefixLength'], `The pool ${f.pool} (${f.poolCidr}) is exhausted: ${f.vpc.id} needs a /${f.prefixLength} (${addressCount(f.prefixLength)} addresses), the pool has ${left}.`,
        `Widen network.pools.${f.pool}, add a pool for new VPCs, or ask for a smaller prefixLength.`)];
    });
  },
};
