import type { LockFile } from '../../config/lock-file';
import type { NetworkAclConfig, NetworkAclRuleConfig } from '../../config/schema/network-subnets';
import type { VpcConfig } from '../../config/schema/network';
import { subnetLockKey, withRenamedIds, withRenamedKeys } from './allocation';
import { block, contains } from './cidr';
import { azCountOf, type VpcDefinition } from './resolve';
import type { NetworkAclEntryModel, NetworkAclModel, SubnetModel, SubnetTierModel, VpcModel } from './types';

type TierConfig = NonNullable<VpcConfig['subnets']>[string];

/** lz.lock.json section: `<account>/<vpc>/<tier>/<az index>` to the subnet's /64 index in the VPC's /56. */
export const IPV6_LOCK_SECTION = 'ipv6SubnetIndexes';

/**
 * lz.lock.json: the tiers (`<account>/<vpc>/<tier>`, sorted) that have, or had, one route table per
 * zone. An entry stays while its tier exists, so the `moved` blocks of a tier that went back to one
 * table stay too (as those of a tier that turned routeTablePerAz on do), whenever the change is applied.
 */
export const ROUTE_TABLES_PER_ZONE_LOCK_SECTION = 'routeTablesPerZone';

/** The key of a tier in ROUTE_TABLES_PER_ZONE_LOCK_SECTION. */
export const tierLockKey = (vpcId: string, tier: string) => `${vpcId}/${tier}`;

/** The tiers the record holds, with entries of a renamed account (`formerKey`) under its new key. */
export function recordedPerZoneTiers(lock: LockFile, renamed: ReadonlyMap<string, string>): Set<string> {
  const raw = lock[ROUTE_TABLES_PER_ZONE_LOCK_SECTION];
  return Array.isArray(raw) ? withRenamedIds(raw.filter((key): key is string => typeof key === 'string'), renamed) : new Set();
}

/** Whether a tier has one route table per zone: nat tiers (each zone's own NAT gateway) and tiers that ask for it. */
export function routeTablePerZone(tier: Pick<SubnetTierModel, 'defaultRoute' | 'routeTablePerAz'>): boolean {
  return tier.defaultRoute === 'nat' || tier.routeTablePerAz === true;
}

/** A /56 holds 256 /64s. */
export const IPV6_SUBNETS_PER_VPC = 256;

/** AWS protocol numbers of the protocols org.yaml names. @see https://www.iana.org/assignments/protocol-numbers/protocol-numbers.xhtml */
const PROTOCOL_NUMBERS: Record<NetworkAclRuleConfig['protocol'], string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1' };

/**
 * The /64 index of every IPv6 subnet, stable like the IPv4 allocations: a recorded index is kept
 * while its subnet exists and no other subnet of the VPC holds it; every other subnet gets the
 * lowest free index, in key order. The index, not the position of a tier or a zone, decides the
 * block, so adding a tier or a zone never renumbers another subnet.
 */
export function allocateIpv6Indexes(definitions: readonly VpcDefinition[], previousLock: LockFile, renamed: ReadonlyMap<string, string>): Map<string, number> {
  const raw = previousLock[IPV6_LOCK_SECTION];
  // Indexes recorded under a renamed account's former key are its own (a rename moves no subnet).
  const recorded = Object.fromEntries(withRenamedKeys(Object.entries(raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}), renamed));
  const out = new Map<string, number>();
  for (const d of definitions) {
    if (d.fields.ipv6 !== true) continue;
    const keys = Object.keys(d.fields.subnets ?? {})
      .filter((tier) => d.fields.subnets![tier]!.ipv6 === true)
      .sort()
      .flatMap((tier) => Array.from({ length: azCountOf(d.fields) }, (_, azIndex) => subnetLockKey(d.id, tier, azIndex)));
    const used = new Set<number>();
    const pending: string[] = [];
    for (const key of keys) {
      const index = recorded[key];
      if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < IPV6_SUBNETS_PER_VPC && !used.has(index)) {
        out.set(key, index);
        used.add(index);
      } else pending.push(key);
    }
    let next = 0;
    for (const key of pending) {
      while (used.has(next)) next += 1;
      if (next >= IPV6_SUBNETS_PER_VPC) break;
      out.set(key, next);
      used.add(next);
    }
  }
  return out;
}

/** The optional fields of a subnet: the secondary CIDR it lies in, its IPv6 index. */
export function subnetControls(d: VpcDefinition, tier: string, subnet: SubnetModel, primary: string, ipv6Indexes: ReadonlyMap<string, number>): Partial<SubnetModel> {
  const inner = block(subnet.cidr);
  const secondary = contains(block(primary), inner) ? undefined : (d.fields.secondaryCidrs ?? []).find((c) => contains(block(c), inner));
  const ipv6Index = ipv6Indexes.get(subnetLockKey(d.id, tier, subnet.azIndex));
  return { ...(secondary !== undefined ? { inSecondaryCidr: secondary } : {}), ...(ipv6Index !== undefined ? { ipv6Index } : {}) };
}

/** The optional fields of a tier: route tables per zone, its network ACL, IPv6. */
export function tierControls(d: VpcDefinition, t: TierConfig): Partial<SubnetTierModel> {
  return {
    ...(t.routeTablePerAz === true && t.defaultRoute !== 'nat' ? { routeTablePerAz: true as const } : {}),
    ...(t.networkAcl !== undefined ? { networkAcl: networkAclOf(t.networkAcl) } : {}),
    ...(d.fields.ipv6 === true && t.ipv6 === true ? { ipv6: { assignAddressOnCreation: t.assignIpv6AddressOnCreation === true } } : {}),
  };
}

/** The optional fields of a VPC: IPv6, and the default network ACL locked when no subnet uses it. */
export function vpcControls(d: VpcDefinition): Partial<VpcModel> {
  const tiers = Object.values(d.fields.subnets ?? {});
  return {
    ...(d.fields.ipv6 === true ? { ipv6: true as const } : {}),
    ...(tiers.length > 0 && tiers.every((t) => t.networkAcl !== undefined) ? { lockDefaultNetworkAcl: true as const } : {}),
  };
}

/** The tier's prefix length, or its az0 subnet's for a tier of explicit CIDRs. */
export function tierPrefixLength(t: TierConfig): number {
  return t.prefixLength ?? block(t.cidrs!.az0!).prefixLength;
}

function networkAclOf(acl: NetworkAclConfig): NetworkAclModel {
  const entries = (rules: readonly NetworkAclRuleConfig[]) => [...rules].sort((a, b) => a.rule - b.rule).map(entryOf);
  return { ingress: entries(acl.ingress), egress: entries(acl.egress) };
}

function entryOf(r: NetworkAclRuleConfig): NetworkAclEntryModel {
  const ports = r.protocol === 'tcp' || r.protocol === 'udp';
  const icmp = r.protocol === 'icmp' || r.protocol === 'icmpv6';
  return {
    rule: r.rule,
    action: r.action,
    protocol: PROTOCOL_NUMBERS[r.protocol],
    ...(r.cidr !== undefined ? { cidrBlock: r.cidr } : {}),
    ...(r.ipv6Cidr !== undefined ? { ipv6CidrBlock: r.ipv6Cidr } : {}),
    ...(ports ? { fromPort: r.fromPort!, toPort: r.toPort ?? r.fromPort! } : {}),
    ...(icmp ? { icmpType: r.icmpType ?? -1, icmpCode: r.icmpCode ?? -1 } : {}),
  };
}
