import type { OrgConfig } from '../../config/schema';
import type { RuleGroupConfig } from '../../config/schema/network-inspection';
import type { VpcConfig } from '../../config/schema/network';
import { segmentPeers } from './build-network';
import type { FirewallRuleGroupModel, InspectionModel, SegmentModel, StaticRouteModel, SubnetTierModel, VpcModel } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * Keys of the routes inspection adds to a segment's table. They hold an underscore, which
 * org.yaml route keys cannot, so they never collide with a declared route.
 */
export const inspectionRouteKey = {
  northSouth: 'inspection_north_south',
  eastWest: (cidr: string) => `inspection_east_west_${cidr.replace(/\./g, '-').replace('/', '_')}`,
};

/** What a segment sends through the firewall, from org.yaml. */
export function segmentInspection(config: OrgConfig, segment: string): { eastWest: boolean; northSouth: boolean } {
  const i = config.network?.segments[segment]?.inspection;
  return { eastWest: i?.eastWest ?? false, northSouth: i?.northSouth ?? false };
}

/**
 * Segment pairs that reach each other (`reaches`, either side) where either side inspects its
 * east-west traffic. A stateful firewall must see both directions of a flow, so such a pair is
 * routed through the firewall both ways: neither table gets the other's propagations. Pairs with
 * the inspection segment itself are left out (rule LZ0524 refuses them). Sorted, a < b.
 */
export function inspectedPeerings(config: OrgConfig, inspectionSegment: string | undefined): Array<[string, string]> {
  const segments = config.network?.segments ?? {};
  const pairs = new Map<string, [string, string]>();
  for (const key of Object.keys(segments).sort(byString)) {
    if (key === inspectionSegment || !segmentInspection(config, key).eastWest) continue;
    for (const peer of segmentPeers(config, key)) {
      if (peer === key || peer === inspectionSegment) continue;
      const pair: [string, string] = key < peer ? [key, peer] : [peer, key];
      pairs.set(pair.join('\n'), pair);
    }
  }
  return [...pairs.values()].sort((a, b) => byString(a.join('\n'), b.join('\n')));
}

/** Appliance mode of a VPC's attachment: on for the inspection VPC unless org.yaml turns it off. */
export function applianceModeOf(config: OrgConfig, vpcId: string, fields: VpcConfig): { applianceModeSupport?: boolean } {
  const isInspection = config.network?.inspection?.vpc === vpcId;
  const value = fields.applianceModeSupport ?? (isInspection ? true : undefined);
  return value === undefined ? {} : { applianceModeSupport: value };
}

/**
 * Which tiers of the inspection VPC need one route table per zone: the attachment tier (its
 * traffic goes to the firewall endpoint of its own zone, which appliance mode keeps a flow in)
 * and, when the firewall tier leaves through NAT, the public tiers (the NAT gateway of a zone
 * hands replies back to that zone's endpoint). Other VPCs: none.
 */
export function isZonalInspectionTier(v: VpcModel, tier: SubnetTierModel, inspection: InspectionModel | undefined): boolean {
  if (inspection?.vpc !== v.id) return false;
  if (tier.key === v.attachmentTier) return true;
  const firewallTier = v.tiers.find((t) => t.key === inspection.firewallTier);
  return firewallTier?.defaultRoute === 'nat' && tier.defaultRoute === 'internet';
}

/**
 * Applies `network.inspection` to the segments: inspected peerings lose their mutual
 * propagations; the inspection segment's table gets the propagations of every inspected segment
 * (so the firewall can hand traffic back), while those segments get no route of the inspection
 * VPC's own but a static route to its attachment: 0.0.0.0/0 for north-south, each internal
 * range for east-west. Propagation is therefore one-way: inspected segments are reached from
 * the inspection segment without reaching it. Without `network.inspection` the segments are
 * returned as they are.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-two-zone-igw-tgw.html
 */
export function withInspection(config: OrgConfig, segments: readonly SegmentModel[], vpcs: readonly VpcModel[]): { segments: SegmentModel[]; inspection?: InspectionModel } {
  const section = config.network?.inspection;
  if (!section) return { segments: [...segments] };
  const inspectionSegment = vpcs.find((v) => v.id === section.vpc)!.segment;
  const peerings = inspectedPeerings(config, inspectionSegment);
  const inspected = segments
    .map((s) => ({ segment: s.key, ...segmentInspection(config, s.key) }))
    .filter((s) => s.segment !== inspectionSegment && (s.eastWest || s.northSouth));
  const internalRanges = [...new Set(section.internalRanges)].sort(byString);
  const route = (segment: string, key: string, destination: string): StaticRouteModel => ({ segment, key, destination, target: { kind: 'attachment', vpc: section.vpc } });

  const out = segments.map((s): SegmentModel => {
    const unpeered = new Set(peerings.filter((p) => p.includes(s.key)).map(([a, b]) => (a === s.key ? b : a)));
    const peers = new Set(s.peers.filter((p) => !unpeered.has(p)));
    if (s.key === inspectionSegment) for (const i of inspected) peers.add(i.segment);
    const mode = inspected.find((i) => i.segment === s.key);
    const added = [
      ...(mode?.eastWest ? internalRanges.map((cidr) => route(s.key, inspectionRouteKey.eastWest(cidr), cidr)) : []),
      ...(mode?.northSouth ? [route(s.key, inspectionRouteKey.northSouth, DEFAULT_ROUTE)] : []),
    ];
    return { key: s.key, peers: [...peers].sort(byString), routes: [...s.routes, ...added].sort((a, b) => byString(a.key, b.key)) };
  });

  return {
    segments: out,
    inspection: {
      vpc: section.vpc,
      segment: inspectionSegment,
      firewallTier: section.firewallTier,
      internalRanges,
      deleteProtection: section.deleteProtection,
      policy: { ruleOrder: section.policy.ruleOrder, statelessDefaultAction: section.policy.statelessDefaultAction, statefulDefaultActions: [...(section.policy.statefulDefaultActions ?? [])].sort(byString) },
      ruleGroups: Object.keys(section.ruleGroups).sort(byString).map((key) => ruleGroupModel(key, section.ruleGroups[key]!)),
      segments: inspected,
      inspectedPeerings: peerings,
    },
  };
}

/** A rule group as the firewall gets it; Suricata files were read into `suricata` by the pipeline. */
export function ruleGroupModel(key: string, g: RuleGroupConfig): FirewallRuleGroupModel {
  const common = { key, capacity: g.capacity, ...(g.description !== undefined ? { description: g.description } : {}), ...(g.priority !== undefined ? { priority: g.priority } : {}) };
  if (g.stateless)
    return {
      ...common,
      type: 'STATELESS',
      source: {
        kind: 'stateless',
        rules: Object.keys(g.stateless).sort(byString).map((k) => {
          const r = g.stateless![k]!;
          const sorted = <T>(xs: readonly T[]) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          return { key: k, priority: r.priority, action: r.action, protocols: sorted(r.protocols), sources: sorted(r.sources), destinations: sorted(r.destinations), destinationPorts: sorted(r.destinationPorts) };
        }),
      },
    };
  if (g.domains)
    return { ...common, type: 'STATEFUL', source: { kind: 'domains', action: g.domains.action, targets: [...new Set(g.domains.targets)].sort(byString), protocols: [...new Set(g.domains.protocols)].sort(byString) } };
  if (g.rules)
    return {
      ...common,
      type: 'STATEFUL',
      source: {
        kind: 'five-tuple',
        rules: Object.keys(g.rules).sort(byString).map((k) => {
          const r = g.rules![k]!;
          return { key: k, sid: r.sid, action: r.action, protocol: r.protocol, source: r.source, sourcePort: String(r.sourcePort), destination: r.destination, destinationPort: String(r.destinationPort), direction: r.direction };
        }),
      },
    };
  return { ...common, type: 'STATEFUL', source: { kind: 'suricata', rules: g.suricata ?? '' } };
}
