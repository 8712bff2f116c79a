import type { LockFile } from '../../config/lock-file';
import type { OrgConfig } from '../../config/schema';
import type { NetworkConfig } from '../../config/schema/network';
import { isWithin, ROOT } from '../org-tree';
import { block, contains } from './cidr';
import { VPC_LOCK_SECTION, withRenamedIds } from './allocation';
import { outerPool, poolCidr } from './pools';
import type { VpcDefinition } from './resolve';
import type { IpamModel, IpamPoolModel, SharedSubnetsModel, VpcIpamAllocation } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether an account of the config sits in or under an OU path (the Root OU holds every account). */
function accountIsUnder(config: OrgConfig, accountKey: string, ou: string): boolean {
  const accountOu = config.accounts[accountKey]?.ou;
  if (accountOu === undefined) return false;
  return ou === ROOT || (accountOu !== ROOT && isWithin(accountOu, ou));
}

/**
 * The RAM principals of a VPC's subnet share and the accounts they cover. The owner is never a
 * participant: RAM does not share a resource with the account that owns it.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-sharing.html
 */
export function sharedSubnetsOf(config: OrgConfig, d: VpcDefinition): SharedSubnetsModel | undefined {
  const s = d.fields.sharedSubnets;
  if (s === undefined) return undefined;
  const organization = s.organization || s.ous.includes(ROOT);
  const ous = [...new Set(s.ous)].filter((ou) => ou !== ROOT).sort(byString);
  const accounts = [...new Set(s.accounts)].sort(byString);
  const participants = Object.keys(config.accounts)
    .filter((key) => key !== d.accountKey && (organization || accounts.includes(key) || ous.some((ou) => accountIsUnder(config, key, ou))))
    .sort(byString);
  return { tiers: [...new Set(s.tiers)].sort(byString), organization, ous, accounts, participants };
}

/** lz.lock.json: the ids of the VPCs whose CIDR IPAM allocates, sorted. */
export const IPAM_LOCK_SECTION = 'ipamAllocatedVpcs';

/** The VPC ids a section records, each of a renamed account (`formerKey`) also under its new key. */
const recordedIds = (lock: LockFile, section: string, renamed: ReadonlyMap<string, string>): Set<string> => {
  const raw = lock[section];
  const ids = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : raw !== null && typeof raw === 'object' ? Object.keys(raw) : [];
  return withRenamedIds(ids, renamed);
};

/**
 * Where a VPC's primary CIDR comes from when the network has an IPAM: its pool, by netmask or as
 * given. A VPC the record already holds without IPAM keeps its `cidr_block` (an IPAM pool id forces
 * a new VPC); its CIDR is held in the pool instead (`heldVpcs`), so turning IPAM on moves nothing.
 */
export function ipamAllocationOf(network: NetworkConfig, d: VpcDefinition, previousLock: LockFile, renamed: ReadonlyMap<string, string>): VpcIpamAllocation | undefined {
  if (network.ipam === undefined || d.fields.pool === undefined || network.pools[d.fields.pool] === undefined) return undefined;
  const existedWithoutIpam = recordedIds(previousLock, VPC_LOCK_SECTION, renamed).has(d.id) && !recordedIds(previousLock, IPAM_LOCK_SECTION, renamed).has(d.id);
  if (existedWithoutIpam) return undefined;
  return { pool: d.fields.pool, netmask: d.fields.cidr === undefined };
}

/** The allocation netmask range of one pool: its own, else the IPAM's. */
export function ipamNetmaskLength(network: NetworkConfig, pool: string): { min: number; max: number } {
  const ipam = network.ipam!;
  return ipam.pools[pool]?.netmaskLength ?? ipam.netmaskLength;
}

/** The pools of network.pools that are not nested in another: their CIDRs make the top-level pool by default. */
export function topLevelPools(network: NetworkConfig): string[] {
  return Object.keys(network.pools).filter((key) => outerPool(network.pools, key) === undefined).sort(byString);
}

/** The CIDRs of the IPAM's top-level pool: org.yaml's `ipam.cidrs`, or those of the top-level pools. */
export function ipamTopLevelCidrs(network: NetworkConfig): string[] {
  const cidrs = network.ipam?.cidrs ?? topLevelPools(network).map((key) => poolCidr(network.pools, key)!);
  return [...new Set(cidrs)].sort(byString);
}

/**
 * The IPAM of a network: the operating region, the top-level pool's CIDRs and one regional pool
 * per network.pools key, carved from its outer pool or the top-level pool. A reserved range is
 * allocated in the innermost pool that holds it, and so is the CIDR of a VPC that existed before the
 * IPAM (`held`), so IPAM never hands either to a VPC.
 * @see https://docs.aws.amazon.com/vpc/latest/ipam/planning-ipam.html
 */
export function buildIpamModel(config: OrgConfig, held: ReadonlyArray<{ readonly vpc: string; readonly pool: string; readonly cidr: string }>): IpamModel | undefined {
  const network = config.network;
  if (network?.ipam === undefined) return undefined;
  const region = network.region ?? config.organization.homeRegion;
  const keys = Object.keys(network.pools).sort(byString);
  const innermost = (cidr: string) =>
    keys
      .filter((key) => contains(block(poolCidr(network.pools, key)!), block(cidr)))
      .sort((a, b) => block(poolCidr(network.pools, b)!).prefixLength - block(poolCidr(network.pools, a)!).prefixLength)[0];
  const reservedIn = new Map<string, Array<{ key: string; cidr: string }>>();
  for (const key of Object.keys(network.reserved).sort(byString)) {
    const cidr = network.reserved[key]!;
    const pool = innermost(cidr);
    if (pool !== undefined) reservedIn.set(pool, [...(reservedIn.get(pool) ?? []), { key, cidr }]);
  }
  const pools: IpamPoolModel[] = keys.map((key) => {
    const within = outerPool(network.pools, key);
    return {
      key,
      cidr: poolCidr(network.pools, key)!,
      ...(within !== undefined ? { within } : {}),
      region,
      netmaskLength: ipamNetmaskLength(network, key),
      reserved: reservedIn.get(key) ?? [],
      heldVpcs: held.filter((h) => h.pool === key).map(({ vpc, cidr }) => ({ vpc, cidr })),
    };
  });
  return { regions: [region], cidrs: ipamTopLevelCidrs(network), pools, delegatedAdministrator: network.ipam.delegatedAdministrator };
}

/**
 * Where a subnet lies in its VPC, as Terraform's `cidrsubnet(vpc_cidr, newbits, netnum)` takes it:
 * for a VPC whose CIDR IPAM picks at apply time, the subnet keeps its place in the predicted CIDR,
 * so the layout of the VPC is decided offline and only its base address at apply time.
 * @see https://developer.hashicorp.com/terraform/language/functions/cidrsubnet
 */
export function subnetOffset(vpcCidr: string, subnetCidr: string): { newbits: number; netnum: number } {
  const vpc = block(vpcCidr);
  const subnet = block(subnetCidr);
  return { newbits: subnet.prefixLength - vpc.prefixLength, netnum: Number((subnet.first - vpc.first) / (subnet.last - subnet.first + 1n)) };
}
