import { ROOT } from './org-tree';
import { targetKey } from './policy-packing';
import type { LandingZoneModel, PolicyTarget } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A node of the organization tree: the root, an OU, or an account, with the policies attached there. */
export interface OrgTreeNode {
  /** `Root`, the OU path, or `account:<key>`. */
  readonly id: string;
  readonly kind: 'root' | 'ou' | 'account';
  /** The OU path's last key, or the account key. */
  readonly label: string;
  /** The AWS name of the OU or account. */
  readonly name: string;
  /** Policy keys attached at this node, sorted. */
  readonly policies: readonly string[];
  readonly fullAwsAccessDetached: boolean;
  /** Children: OUs by key, then accounts by key. */
  readonly children: readonly OrgTreeNode[];
}

export interface SegmentNode {
  readonly key: string;
  /** Its own VPCs reach each other. */
  readonly intraSegment: boolean;
  /** VPCs associated with the segment's route table, by id. */
  readonly vpcs: readonly { readonly id: string; readonly cidr: string; readonly accountKey: string }[];
  /** Static routes: to a VPC (egress, inspection) or a blackhole. */
  readonly routes: readonly { readonly key: string; readonly destination: string; readonly target: string }[];
}

export interface NetworkGraph {
  readonly segments: readonly SegmentNode[];
  /** Segment pairs whose route tables receive each other's propagations (a < b). */
  readonly reaches: readonly (readonly [string, string])[];
  /** Static routes to a VPC: `segment` sends `destination` to `vpc` (in segment `vpcSegment`). */
  readonly paths: readonly { readonly segment: string; readonly route: string; readonly destination: string; readonly vpc: string; readonly vpcSegment: string }[];
}

export interface WaveGraph {
  readonly waves: readonly (readonly string[])[];
  /** `[stack, dependency]`, sorted; a dependency implied by another one (transitively) is left out. */
  readonly dependencies: readonly (readonly [string, string])[];
}

/** The three views of `lz graph`, from the model and the synthesized dependencies. */
export interface LandingZoneGraph {
  readonly organization: OrgTreeNode;
  readonly network?: NetworkGraph;
  readonly deployment: WaveGraph;
}

function orgTree(model: LandingZoneModel): OrgTreeNode {
  const attached = new Map<string, string[]>();
  for (const p of model.policies)
    for (const t of p.targets) attached.set(targetKey(t), [...(attached.get(targetKey(t)) ?? []), p.key]);
  const detached = new Set((model.guardrails?.fullAwsAccessDetached ?? []).map(targetKey));
  const at = (t: PolicyTarget) => ({ policies: [...(attached.get(targetKey(t)) ?? [])].sort(byString), fullAwsAccessDetached: detached.has(targetKey(t)) });

  const node = (path: string): OrgTreeNode => {
    const ou = model.ous.find((o) => o.path === path);
    const ous = model.ous.filter((o) => o.parentPath === path).sort((a, b) => byString(a.key, b.key));
    const accounts = model.accounts.filter((a) => a.ouPath === path).sort((a, b) => byString(a.key, b.key));
    const children = [
      ...ous.map((o) => node(o.path)),
      ...accounts.map((a): OrgTreeNode => ({ id: `account:${a.key}`, kind: 'account', label: a.key, name: a.name, ...at({ kind: 'account', key: a.key }), children: [] })),
    ];
    if (path === ROOT) return { id: ROOT, kind: 'root', label: ROOT, name: model.organization.name, ...at({ kind: 'root' }), children };
    return { id: path, kind: 'ou', label: ou!.key, name: ou!.name, ...at({ kind: 'ou', path }), children };
  };
  return node(ROOT);
}

function networkGraph(model: LandingZoneModel): NetworkGraph | undefined {
  const n = model.network;
  if (!n) return undefined;
  const segmentOfVpc = new Map(n.vpcs.map((v) => [v.id, v.segment]));
  const segments = n.segments.map((s): SegmentNode => ({
    key: s.key,
    intraSegment: s.peers.includes(s.key),
    vpcs: n.vpcs.filter((v) => v.segment === s.key).map((v) => ({ id: v.id, cidr: v.cidr, accountKey: v.accountKey })),
    routes: s.routes.map((r) => ({ key: r.key, destination: r.destination, target: r.target.kind === 'blackhole' ? 'blackhole' : r.target.vpc })),
  }));
  const reaches: Array<[string, string]> = [];
  for (const s of n.segments)
    for (const p of s.peers) if (s.key < p && n.segments.find((o) => o.key === p)?.peers.includes(s.key)) reaches.push([s.key, p]);
  const paths = n.segments.flatMap((s) =>
    s.routes.flatMap((r) => (r.target.kind === 'attachment'
      ? [{ segment: s.key, route: r.key, destination: r.destination, vpc: r.target.vpc, vpcSegment: segmentOfVpc.get(r.target.vpc) ?? '' }]
      : [])));
  return { segments, reaches: reaches.sort((a, b) => byString(a[0], b[0]) || byString(a[1], b[1])), paths };
}

/** Drops `a -> c` when `a -> b -> ... -> c`: the picture keeps the edges that order the waves. */
function transitiveReduction(graph: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const below = new Map<string, Set<string>>();
  const reach = (stack: string, seen: Set<string> = new Set()): Set<string> => {
    if (below.has(stack)) return below.get(stack)!;
    const out = new Set<string>();
    seen.add(stack);
    for (const d of graph[stack] ?? []) {
      out.add(d);
      if (!seen.has(d)) for (const x of reach(d, seen)) out.add(x);
    }
    below.set(stack, out);
    return out;
  };
  return Object.fromEntries(Object.entries(graph).map(([stack, on]) => [stack, on.filter((d) => !on.some((o) => o !== d && reach(o).has(d)))]));
}

/**
 * The organization tree with the policies at each level, the network as segments (route tables)
 * with their VPCs, reaches and egress or inspection routes, and the deployment waves.
 */
export function landingZoneGraph(model: LandingZoneModel, waves: readonly (readonly string[])[], dependencies: Readonly<Record<string, readonly string[]>>): LandingZoneGraph {
  const deps = Object.entries(transitiveReduction(dependencies))
    .flatMap(([stack, on]) => on.map((d): [string, string] => [stack, d]))
    .sort((a, b) => byString(a[0], b[0]) || byString(a[1], b[1]));
  const network = networkGraph(model);
  return { organization: orgTree(model), ...(network ? { network } : {}), deployment: { waves, dependencies: deps } };
}
