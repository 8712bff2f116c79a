import type { NetworkConfig } from '../../config/schema/network';

type Pools = NetworkConfig['pools'];

/** The CIDR of a pool, written as a CIDR or as `{ cidr, within }`. */
export function poolCidr(pools: Pools, key: string): string | undefined {
  const pool = pools[key];
  return pool === undefined ? undefined : typeof pool === 'string' ? pool : pool.cidr;
}

/** The pool a nested pool is declared `within`, if any. */
export function outerPool(pools: Pools, key: string): string | undefined {
  const pool = pools[key];
  return pool !== undefined && typeof pool !== 'string' ? pool.within : undefined;
}

/** The CIDRs of the pools nested in `key`, at any depth: allocations from `key` skip them. */
export function nestedPoolCidrs(pools: Pools, key: string): string[] {
  const out: string[] = [];
  const visit = (outer: string, seen: Set<string>) => {
    for (const inner of Object.keys(pools).sort())
      if (outerPool(pools, inner) === outer && !seen.has(inner)) {
        seen.add(inner);
        out.push(poolCidr(pools, inner)!);
        visit(inner, seen);
      }
  };
  visit(key, new Set([key]));
  return out;
}
