import { renameChainEnd } from '../managed-changes';
import { reachableVpcPairs } from '../network/reachability';
import type { NetworkModel, RouteTarget, StaticRouteModel, VpcModel } from '../network/types';
import type { LandingZoneModel } from '../types';
import type { Change } from './organization-diff';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface RouteChange {
  readonly segment: string;
  readonly key: string;
  /** `10.0.0.0/8 -> blackhole`; absent on the side where the route does not exist. */
  readonly from?: string;
  readonly to?: string;
}

export interface NetworkDiff {
  readonly segmentsAdded: readonly string[];
  readonly segmentsRemoved: readonly string[];
  /** Segments whose route table receives the propagations of other segments now or no longer. */
  readonly segmentPeers: readonly { readonly segment: string; readonly added: readonly string[]; readonly removed: readonly string[] }[];
  readonly routes: readonly RouteChange[];
  readonly vpcsAdded: readonly { readonly id: string; readonly cidr: string; readonly segment: string }[];
  readonly vpcsRemoved: readonly { readonly id: string; readonly cidr: string; readonly segment: string }[];
  /** A changed primary CIDR replaces the VPC. */
  readonly vpcsChanged: readonly { readonly id: string; readonly cidr?: Change<string>; readonly segment?: Change<string>; readonly secondaryCidrs?: Change<string> }[];
  /** VPC pairs (head ids) that can newly route to each other through the Transit Gateway. */
  readonly pairsOpened: readonly (readonly [string, string])[];
  /**
   * Of the opened pairs, those that are a new path: both VPCs existed before, or their segments
   * did not reach each other before. A new VPC that only gets the reaches of its segment is not.
   */
  readonly newPaths: readonly (readonly [string, string])[];
  readonly pairsClosed: readonly (readonly [string, string])[];
}

const EMPTY: NetworkModel = {
  accountKey: '', region: '', transitGateway: { asn: 0, autoAcceptSharedAttachments: false, dnsSupport: false, enabled: false },
  sharing: { organization: false, ous: [], accounts: [] }, segments: [], vpcs: [], associations: [], propagations: [],
};

const targetText = (t: RouteTarget) => (t.kind === 'blackhole' ? 'blackhole' : t.vpc);
const routeText = (r: StaticRouteModel, rename: (id: string) => string) => `${r.destination} -> ${r.target.kind === 'attachment' ? rename(r.target.vpc) : targetText(r.target)}`;

/** Segments, static routes, VPCs and their CIDRs, and the VPC pairs that reach each other (head ids). */
export function diffNetwork(base: LandingZoneModel, head: LandingZoneModel): NetworkDiff | undefined {
  if (!base.network && !head.network) return undefined;
  const a = base.network ?? EMPTY;
  const b = head.network ?? EMPTY;
  const renamed = renameChainEnd(head.managedChanges?.renamedAccounts ?? []);
  const headVpcIds = new Set(b.vpcs.map((v) => v.id));
  // A VPC id is `<account key>/<vpc key>`: an account rename renames its VPCs.
  const inHead = (id: string) => {
    if (headVpcIds.has(id)) return id;
    const slash = id.indexOf('/');
    return `${renamed(id.slice(0, slash))}${id.slice(slash)}`;
  };

  const baseSegments = new Map(a.segments.map((s) => [s.key, s]));
  const headSegments = new Map(b.segments.map((s) => [s.key, s]));
  const segmentPeers = b.segments
    .filter((s) => baseSegments.has(s.key))
    .map((s) => {
      const was = baseSegments.get(s.key)!.peers;
      return { segment: s.key, added: s.peers.filter((p) => !was.includes(p)), removed: was.filter((p) => !s.peers.includes(p)) };
    })
    .filter((c) => c.added.length + c.removed.length > 0);

  const routes: RouteChange[] = [];
  for (const segment of [...new Set([...baseSegments.keys(), ...headSegments.keys()])].sort(byString)) {
    const was = new Map((baseSegments.get(segment)?.routes ?? []).map((r) => [r.key, routeText(r, inHead)]));
    const now = new Map((headSegments.get(segment)?.routes ?? []).map((r) => [r.key, routeText(r, (x) => x)]));
    for (const key of [...new Set([...was.keys(), ...now.keys()])].sort(byString))
      if (was.get(key) !== now.get(key))
        routes.push({ segment, key, ...(was.has(key) ? { from: was.get(key)! } : {}), ...(now.has(key) ? { to: now.get(key)! } : {}) });
  }

  const baseVpcs = new Map(a.vpcs.map((v) => [inHead(v.id), v]));
  const headVpcs = new Map(b.vpcs.map((v) => [v.id, v]));
  const brief = (id: string, v: VpcModel) => ({ id, cidr: v.cidr, segment: v.segment });
  const vpcsChanged: NetworkDiff['vpcsChanged'][number][] = [];
  for (const [id, v] of headVpcs) {
    const was = baseVpcs.get(id);
    if (!was) continue;
    const secondary = [was.secondaryCidrs.join(', '), v.secondaryCidrs.join(', ')] as const;
    const c = {
      id,
      ...(was.cidr !== v.cidr ? { cidr: { from: was.cidr, to: v.cidr } } : {}),
      ...(was.segment !== v.segment ? { segment: { from: was.segment, to: v.segment } } : {}),
      ...(secondary[0] !== secondary[1] ? { secondaryCidrs: { from: secondary[0], to: secondary[1] } } : {}),
    };
    if (Object.keys(c).length > 1) vpcsChanged.push(c);
  }

  // Pairs grow with the square of the VPCs: compared as numbers, not strings, so thousands stay cheap.
  const ids = [...new Set([...b.vpcs.map((v) => v.id), ...a.vpcs.map((v) => inHead(v.id))])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const code = (x: string, y: string) => {
    const i = index.get(x)!;
    const j = index.get(y)!;
    return i < j ? i * ids.length + j : j * ids.length + i;
  };
  const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
  const basePairs = reachableVpcPairs(a);
  const headPairs = reachableVpcPairs(b);
  const before = new Set(basePairs.map(([x, y]) => code(inHead(x), inHead(y))));
  const after = new Set(headPairs.map(([x, y]) => code(x, y)));
  const sortPairs = (ps: Array<[string, string]>) => ps.sort((x, y) => byString(x[0], y[0]) || byString(x[1], y[1]));
  const pairsOpened = sortPairs(headPairs.filter(([x, y]) => !before.has(code(x, y))));
  const pairsClosed = sortPairs(basePairs.map(([x, y]) => ordered(inHead(x), inHead(y))).filter(([x, y]) => !after.has(code(x, y))));
  const segmentOf = (id: string) => headVpcs.get(id)!.segment;
  const peeredBefore = (x: string, y: string) => (baseSegments.get(x)?.peers.includes(y) ?? false) && (baseSegments.get(y)?.peers.includes(x) ?? false);
  const newPaths = pairsOpened.filter(([x, y]) => (baseVpcs.has(x) && baseVpcs.has(y)) || !peeredBefore(segmentOf(x), segmentOf(y)));

  return {
    segmentsAdded: [...headSegments.keys()].filter((k) => !baseSegments.has(k)),
    segmentsRemoved: [...baseSegments.keys()].filter((k) => !headSegments.has(k)),
    segmentPeers,
    routes,
    vpcsAdded: [...headVpcs].filter(([id]) => !baseVpcs.has(id)).map(([id, v]) => brief(id, v)),
    vpcsRemoved: [...baseVpcs].filter(([id]) => !headVpcs.has(id)).map(([id, v]) => brief(id, v)).sort((x, y) => byString(x.id, y.id)),
    vpcsChanged,
    pairsOpened,
    newPaths,
    pairsClosed,
  };
}
