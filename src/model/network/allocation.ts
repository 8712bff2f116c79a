import type { LockFile } from '../../config/lock-file';
import type { OrgConfig } from '../../config/schema';
import { isCanonicalCidr } from '../../config/schema/network';
import { block, contains, firstFreeBlock, freeSpace, type Block } from './cidr';
import { nestedPoolCidrs, poolCidr } from './pools';
import { azCountOf, resolveVpcDefinitions, type VpcDefinition } from './resolve';

/** lz.lock.json sections owned by the network: `<account>/<vpc>` and `<account>/<vpc>/<tier>/<az index>` to CIDR. */
export const VPC_LOCK_SECTION = 'cidrAllocations';
export const SUBNET_LOCK_SECTION = 'subnetAllocations';

export type AllocationFailure =
  | { readonly kind: 'vpc'; readonly vpc: VpcDefinition; readonly pool: string; readonly poolCidr: string; readonly prefixLength: number; readonly freeAddresses: bigint; readonly largestFreePrefix?: number }
  | { readonly kind: 'subnet'; readonly vpc: VpcDefinition; readonly tier: string; readonly azIndex: number; readonly prefixLength: number };

export interface Allocation {
  readonly definitions: readonly VpcDefinition[];
  /** Primary CIDR by VPC id, for every VPC that has or got one. */
  readonly vpcCidrs: ReadonlyMap<string, string>;
  /** Subnet CIDR by `<vpc id>/<tier>/<az index>`. */
  readonly subnetCidrs: ReadonlyMap<string, string>;
  readonly failures: readonly AllocationFailure[];
}

export const subnetLockKey = (vpcId: string, tier: string, azIndex: number) => `${vpcId}/${tier}/${azIndex}`;

/**
 * Allocates every VPC CIDR and subnet CIDR, deterministically and stably:
 *  1. explicit CIDRs, reserved ranges and secondary CIDRs are taken as given;
 *  2. a recorded allocation is kept while its VPC exists, has no explicit CIDR, and the record
 *     still lies in its pool with its prefix length (so adding, removing or reordering accounts
 *     never moves it; overlaps are reported by LZ0502, never resolved by moving a VPC);
 *  3. every other VPC gets the lowest free block of its pool outside the pools nested in it, in
 *     VPC id order.
 * Subnets follow the same three steps inside their VPC's primary CIDR, largest first, around the
 * explicit subnet CIDRs (`cidrs`), which are taken as given first.
 */
export function allocateNetwork(config: OrgConfig, previousLock: LockFile): Allocation {
  let byLock = computed.get(config);
  if (byLock === undefined) computed.set(config, (byLock = new WeakMap()));
  let allocation = byLock.get(previousLock);
  if (allocation === undefined) byLock.set(previousLock, (allocation = allocate(config, previousLock)));
  return allocation;
}

/**
 * The allocation of a config against a record, computed once: the network rules and the model
 * ask for it with the same (unchanged, never mutated) config and record in one run, and at 5,000
 * accounts computing it was 4 s.
 */
const computed = new WeakMap<OrgConfig, WeakMap<LockFile, Allocation>>();

function allocate(config: OrgConfig, previousLock: LockFile): Allocation {
  const network = config.network;
  const definitions = resolveVpcDefinitions(config);
  const vpcCidrs = new Map<string, string>();
  const subnetCidrs = new Map<string, string>();
  const failures: AllocationFailure[] = [];
  if (!network) return { definitions, vpcCidrs, subnetCidrs, failures };

  const renamed = accountRenames(config);
  const recordedVpcs = lockSection(previousLock, VPC_LOCK_SECTION, renamed);
  const taken: Block[] = Object.values(network.reserved).map(block);
  const pending: VpcDefinition[] = [];
  for (const vpc of definitions) {
    for (const secondary of vpc.fields.secondaryCidrs ?? []) taken.push(block(secondary));
    const poolRange = vpc.fields.pool !== undefined ? poolCidr(network.pools, vpc.fields.pool) : undefined;
    const recorded = recordedVpcs.get(vpc.id);
    if (vpc.fields.cidr !== undefined) vpcCidrs.set(vpc.id, vpc.fields.cidr);
    else if (recorded !== undefined && poolRange !== undefined && block(recorded).prefixLength === vpc.fields.prefixLength && contains(block(poolRange), block(recorded)))
      vpcCidrs.set(vpc.id, recorded);
    else if (poolRange !== undefined && vpc.fields.prefixLength !== undefined) pending.push(vpc);
    const cidr = vpcCidrs.get(vpc.id);
    if (cidr !== undefined) taken.push(block(cidr));
  }
  for (const vpc of pending) {
    const pool = vpc.fields.pool!;
    const space = block(poolCidr(network.pools, pool)!);
    const prefixLength = vpc.fields.prefixLength!;
    // The ranges of pools nested in this one belong to their own VPCs.
    const skipped = [...taken, ...nestedPoolCidrs(network.pools, pool).map(block)];
    const cidr = firstFreeBlock(space, prefixLength, skipped);
    if (cidr === undefined) {
      const free = freeSpace(space, skipped);
      failures.push({ kind: 'vpc', vpc, pool, poolCidr: space.cidr, prefixLength, freeAddresses: free.addresses, ...(free.largestPrefix !== undefined ? { largestFreePrefix: free.largestPrefix } : {}) });
      continue;
    }
    vpcCidrs.set(vpc.id, cidr);
    taken.push(block(cidr));
  }

  const recordedSubnets = lockSection(previousLock, SUBNET_LOCK_SECTION, renamed);
  for (const vpc of definitions) {
    const cidr = vpcCidrs.get(vpc.id);
    if (cidr === undefined) continue;
    allocateSubnets(vpc, block(cidr), recordedSubnets, subnetCidrs, failures);
  }
  return { definitions, vpcCidrs, subnetCidrs, failures };
}

function allocateSubnets(vpc: VpcDefinition, space: Block, recorded: ReadonlyMap<string, string>, out: Map<string, string>, failures: AllocationFailure[]): void {
  const tiers = Object.entries(vpc.fields.subnets ?? {});
  const taken: Block[] = [];
  // Explicit subnets are taken as given (in the primary or a secondary CIDR); rules LZ0540-LZ0542 check them.
  for (const [tier, t] of tiers)
    for (const [az, cidr] of Object.entries(t.cidrs ?? {})) {
      out.set(subnetLockKey(vpc.id, tier, Number(az.slice(2))), cidr);
      taken.push(block(cidr));
    }
  const requests = tiers
    .flatMap(([tier, t]) => (t.cidrs !== undefined || t.prefixLength === undefined ? [] : Array.from({ length: azCountOf(vpc.fields) }, (_, azIndex) => ({ tier, azIndex, prefixLength: t.prefixLength! }))))
    .sort((a, b) => a.prefixLength - b.prefixLength || (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0) || a.azIndex - b.azIndex);
  const pending: typeof requests = [];
  for (const r of requests) {
    const previous = recorded.get(subnetLockKey(vpc.id, r.tier, r.azIndex));
    const kept = previous !== undefined && block(previous).prefixLength === r.prefixLength && contains(space, block(previous)) && !taken.some((t) => block(previous).first <= t.last && t.first <= block(previous).last);
    if (kept) {
      out.set(subnetLockKey(vpc.id, r.tier, r.azIndex), previous);
      taken.push(block(previous));
    } else pending.push(r);
  }
  for (const r of pending) {
    const cidr = firstFreeBlock(space, r.prefixLength, taken);
    if (cidr === undefined) {
      failures.push({ kind: 'subnet', vpc, tier: r.tier, azIndex: r.azIndex, prefixLength: r.prefixLength });
      continue;
    }
    out.set(subnetLockKey(vpc.id, r.tier, r.azIndex), cidr);
    taken.push(block(cidr));
  }
}

/**
 * A record keyed by `<account>/...`, with each entry of a renamed account (`formerKey`) also under
 * the account's new key (an entry the record already holds under the new key wins).
 */
export function withRenamedKeys<T>(entries: Iterable<readonly [string, T]>, renamed: ReadonlyMap<string, string>): Map<string, T> {
  const list = [...entries];
  const out = new Map<string, T>(list);
  for (const [key, value] of list) {
    const slash = key.indexOf('/');
    const current = slash > 0 ? renamed.get(key.slice(0, slash)) : undefined;
    const rekeyed = current === undefined ? undefined : `${current}${key.slice(slash)}`;
    if (rekeyed !== undefined && !out.has(rekeyed)) out.set(rekeyed, value);
  }
  return out;
}

/** withRenamedKeys for a record of keys alone (`<account>/<vpc>`, `<account>/<vpc>/<tier>`). */
export function withRenamedIds(ids: readonly string[], renamed: ReadonlyMap<string, string>): Set<string> {
  return new Set(withRenamedKeys(ids.map((id) => [id, true] as const), renamed).keys());
}

/** Former account key to current key, for the accounts org.yaml renames with `formerKey`. */
export function accountRenames(config: OrgConfig): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, account] of Object.entries(config.accounts))
    if (account.formerKey !== undefined && account.formerKey !== key && config.accounts[account.formerKey] === undefined) out.set(account.formerKey, key);
  return out;
}

/**
 * A lock section as a map, ignoring entries that are not canonical CIDRs (the record is lz's, but
 * files get edited). Entries recorded under a renamed account's former key (`<former>/<vpc>...`)
 * are read as its current key's, so a rename never moves a VPC or a subnet.
 */
export function lockSection(lock: LockFile, section: string, renamed: ReadonlyMap<string, string>): Map<string, string> {
  const raw = lock[section];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return new Map();
  const entries = Object.entries(raw as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && isCanonicalCidr(e[1]));
  return withRenamedKeys(entries, renamed);
}
