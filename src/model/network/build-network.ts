import type { LockFile } from '../../config/lock-file';
import type { OrgConfig } from '../../config/schema';
import { accountRenames, allocateNetwork, subnetLockKey, SUBNET_LOCK_SECTION, VPC_LOCK_SECTION } from './allocation';
import { ROOT } from '../org-tree';
import { centralEndpointsOf, vpcEndpointsOf } from './endpoints';
import { applianceModeOf, isZonalInspectionTier, withInspection } from './inspection';
import { buildMultiRegion } from './regions';
import { azCountOf } from './resolve';
import { allocateIpv6Indexes, IPV6_LOCK_SECTION, recordedPerZoneTiers, ROUTE_TABLES_PER_ZONE_LOCK_SECTION, routeTablePerZone, subnetControls, tierControls, tierLockKey, tierPrefixLength, vpcControls } from './subnets';
import { buildIpamModel, IPAM_LOCK_SECTION, ipamAllocationOf, sharedSubnetsOf } from './shared-ipam';
import type { AttachmentTableEntry, NetworkModel, SegmentModel, StaticRouteModel, VpcModel } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The segments whose attachments propagate into `segment`'s table: `reaches` is symmetric. */
export function segmentPeers(config: OrgConfig, segment: string): string[] {
  const segments = config.network?.segments ?? {};
  const peers = new Set<string>(segments[segment]?.reaches ?? []);
  for (const [other, s] of Object.entries(segments)) if (s.reaches.includes(segment)) peers.add(other);
  if (segments[segment]?.intraSegment) peers.add(segment);
  else peers.delete(segment);
  return [...peers].filter((p) => segments[p] !== undefined).sort(byString);
}

/**
 * Resolves the network section of a config that passed every rule: allocations, segments,
 * associations and propagations, and the lock sections to record. Undefined without a network.
 */
export function buildNetworkModel(config: OrgConfig, previousLock: LockFile): { network?: NetworkModel; lockSections: Record<string, unknown> } {
  const section = config.network;
  if (!section) return { lockSections: {} };
  const allocation = allocateNetwork(config, previousLock);
  const renamed = accountRenames(config);
  const ipv6Indexes = allocateIpv6Indexes(allocation.definitions, previousLock, renamed);
  const place = { partition: config.organization.partition, region: section.region ?? config.organization.homeRegion };
  const recordedPerZone = recordedPerZoneTiers(previousLock, renamed);

  const vpcs: VpcModel[] = allocation.definitions.map((d) => {
    const f = d.fields;
    const azCount = azCountOf(f);
    const endpoints = vpcEndpointsOf(f, place);
    const sharedSubnets = sharedSubnetsOf(config, d);
    const ipam = ipamAllocationOf(section, d, previousLock, renamed);
    return {
      id: d.id,
      accountKey: d.accountKey,
      key: d.key,
      segment: f.segment ?? '',
      cidr: allocation.vpcCidrs.get(d.id)!,
      secondaryCidrs: [...new Set(f.secondaryCidrs ?? [])].sort(byString),
      azCount,
      attachmentTier: f.attachmentTier ?? '',
      tiers: Object.keys(f.subnets ?? {})
        .sort(byString)
        .map((key) => {
          const t = f.subnets![key]!;
          const controls = tierControls(d, t);
          const perZone = routeTablePerZone({ defaultRoute: t.defaultRoute, ...controls });
          const recorded = recordedPerZone.has(tierLockKey(d.id, key));
          return {
            key,
            prefixLength: tierPrefixLength(t),
            defaultRoute: t.defaultRoute,
            transitGatewayDestinations: [...new Set(t.transitGatewayDestinations)].sort(byString),
            subnets: Array.from({ length: azCount }, (_, azIndex) => {
              const subnet = { azIndex, cidr: allocation.subnetCidrs.get(subnetLockKey(d.id, key, azIndex))! };
              return { ...subnet, ...subnetControls(d, key, subnet, allocation.vpcCidrs.get(d.id)!, ipv6Indexes) };
            }),
            ...controls,
            ...(!perZone && recorded ? { formerRouteTablePerZone: true as const } : {}),
          };
        }),
      source: d.source,
      ...vpcControls(d),
      ...(endpoints !== undefined ? { endpoints } : {}),
      ...(sharedSubnets ? { sharedSubnets } : {}),
      ...(ipam ? { ipam } : {}),
      ...applianceModeOf(config, d.id, f),
    };
  });

  const declaredSegments: SegmentModel[] = Object.keys(section.segments)
    .sort(byString)
    .map((key) => ({
      key,
      peers: segmentPeers(config, key),
      routes: Object.keys(section.segments[key]!.routes)
        .sort(byString)
        .map((routeKey): StaticRouteModel => {
          const r = section.segments[key]!.routes[routeKey]!;
          return { segment: key, key: routeKey, destination: r.destination, target: r.vpc !== undefined ? { kind: 'attachment', vpc: r.vpc } : { kind: 'blackhole' } };
        }),
    }));

  // Without a Transit Gateway nothing is attached, so nothing is associated.
  const associations: AttachmentTableEntry[] = section.transitGateway.enabled ? vpcs.map((v) => ({ vpc: v.id, segment: v.segment })) : [];
  const { segments, inspection } = withInspection(config, declaredSegments, vpcs);
  // The record of tiers with tables per zone: nat tiers, routeTablePerAz, the inspection VPC's zonal tiers, and those recorded before.
  const perZoneTiers = vpcs.flatMap((v) =>
    v.tiers.filter((t) => routeTablePerZone(t) || t.formerRouteTablePerZone === true || isZonalInspectionTier(v, t, inspection)).map((t) => tierLockKey(v.id, t.key)),
  );
  const propagations: AttachmentTableEntry[] = vpcs.flatMap((v) => segments.filter((s) => s.peers.includes(v.segment)).map((s) => ({ vpc: v.id, segment: s.key })));

  const centralEndpoints = centralEndpointsOf(config, vpcs, place);
  const poolOf = new Map(allocation.definitions.map((d) => [d.id, d.fields.pool]));
  const held = vpcs.filter((v) => v.ipam === undefined && poolOf.get(v.id) !== undefined).map((v) => ({ vpc: v.id, pool: poolOf.get(v.id)!, cidr: v.cidr }));
  const ipamModel = buildIpamModel(config, held);
  const multiRegion = buildMultiRegion(config, allocation.definitions, vpcs, segments);
  const network: NetworkModel = {
    accountKey: section.account,
    region: section.region ?? config.organization.homeRegion,
    transitGateway: { ...section.transitGateway },
    sharing: {
      // Sharing with the root is sharing with the organization: one principal, not two.
      organization: section.sharing.organization || section.sharing.ous.includes(ROOT),
      ous: [...new Set(section.sharing.ous)].filter((ou) => ou !== ROOT).sort(byString),
      accounts: [...new Set(section.sharing.accounts)].sort(byString),
    },
    segments,
    vpcs,
    associations,
    propagations,
    ...(centralEndpoints !== undefined ? { centralEndpoints } : {}),
    ...(ipamModel ? { ipam: ipamModel } : {}),
    ...(inspection ? { inspection } : {}),
    ...(multiRegion ? { multiRegion } : {}),
  };
  const lockSections = {
    [VPC_LOCK_SECTION]: Object.fromEntries([...allocation.vpcCidrs].sort(([a], [b]) => byString(a, b))),
    [SUBNET_LOCK_SECTION]: Object.fromEntries([...allocation.subnetCidrs].sort(([a], [b]) => byString(a, b))),
    ...(ipamModel || previousLock[IPAM_LOCK_SECTION] !== undefined ? { [IPAM_LOCK_SECTION]: vpcs.filter((v) => v.ipam !== undefined).map((v) => v.id) } : {}),
    ...(ipv6Indexes.size > 0 || previousLock[IPV6_LOCK_SECTION] !== undefined ? { [IPV6_LOCK_SECTION]: Object.fromEntries([...ipv6Indexes].sort(([a], [b]) => byString(a, b))) } : {}),
    ...(perZoneTiers.length > 0 || previousLock[ROUTE_TABLES_PER_ZONE_LOCK_SECTION] !== undefined ? { [ROUTE_TABLES_PER_ZONE_LOCK_SECTION]: perZoneTiers.sort(byString) } : {}),
  };
  return { network, lockSections };
}
