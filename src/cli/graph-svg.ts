import type { LandingZoneGraph, NetworkGraph, OrgTreeNode, WaveGraph } from '../model/graph';

/**
 * The three views of `lz graph --format html` as SVG, laid out here rather than in the browser: the
 * page needs no layout library and no network, and the same model always draws the same picture.
 */

const CHAR = 7.6;
const PAD = 10;
const GAP_X = 48;
const ROW = 48;

export const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const textWidth = (s: string, scale = 1) => Math.ceil(s.length * CHAR * scale);
const r = (n: number) => Math.round(n * 10) / 10;

export interface SvgView {
  readonly width: number;
  readonly height: number;
  readonly body: string;
}

interface Placed {
  readonly node: OrgTreeNode;
  readonly depth: number;
  x: number;
  y: number;
  readonly w: number;
  readonly h: number;
}

function policyText(n: OrgTreeNode): string {
  return [...n.policies, ...(n.fullAwsAccessDetached ? ['FullAWSAccess detached'] : [])].join(', ');
}

/** A horizontal tree: depth to the right, leaves one row each, a parent centred on its children. */
export function organizationSvg(g: LandingZoneGraph): SvgView {
  const placed: Placed[] = [];
  const edges: Array<[Placed, Placed]> = [];
  let row = 0;
  const place = (node: OrgTreeNode, depth: number): Placed => {
    const title = node.kind === 'account' ? `${node.label}  (${node.name})` : node.kind === 'root' ? `Root  (${node.name})` : node.name;
    const policies = policyText(node);
    const p: Placed = { node, depth, x: 0, y: 0, w: Math.max(textWidth(title, 1.08), textWidth(policies, 0.9)) + 2 * PAD, h: policies ? 38 : 24 };
    placed.push(p);
    const children = node.children.map((c) => place(c, depth + 1));
    if (children.length === 0) p.y = row++ * ROW;
    else p.y = (children[0]!.y + children[children.length - 1]!.y) / 2;
    for (const c of children) edges.push([p, c]);
    return p;
  };
  place(g.organization, 0);
  const depths = Math.max(...placed.map((p) => p.depth)) + 1;
  const colWidth = Array.from({ length: depths }, (_, d) => Math.max(0, ...placed.filter((p) => p.depth === d).map((p) => p.w)));
  const colX = colWidth.map((_, d) => 20 + colWidth.slice(0, d).reduce((a, b) => a + b + GAP_X, 0));
  for (const p of placed) {
    p.x = colX[p.depth]!;
    p.y += 20;
  }
  const parts: string[] = [];
  for (const [a, b] of edges) {
    const x1 = a.x + a.w;
    const y1 = a.y + a.h / 2;
    const x2 = b.x;
    const y2 = b.y + b.h / 2;
    const mid = x1 + GAP_X / 2;
    parts.push(`<path class="edge" d="M${r(x1)},${r(y1)} H${r(mid)} V${r(y2)} H${r(x2)}"/>`);
  }
  for (const p of placed) {
    const n = p.node;
    const title = n.kind === 'account' ? n.label : n.kind === 'root' ? 'Root' : n.name;
    const sub = n.kind === 'account' ? `  (${n.name})` : n.kind === 'root' ? `  (${n.name})` : '';
    const policies = policyText(n);
    const data = n.kind === 'account' ? ` data-account="${xml(n.label)}"` : n.kind === 'ou' ? ` data-ou="${xml(n.id)}"` : ' data-root="Root"';
    parts.push(
      `<g class="node ${n.kind}"${data} data-search="${xml(`${n.id} ${n.name} ${policies}`.toLowerCase())}" transform="translate(${r(p.x)},${r(p.y)})">`,
      `<rect width="${p.w}" height="${p.h}" rx="${n.kind === 'account' ? 11 : 4}"/>`,
      `<text x="${PAD}" y="16"><tspan class="title">${xml(title)}</tspan><tspan class="muted">${xml(sub)}</tspan></text>`,
      ...(policies ? [`<text class="policies" x="${PAD}" y="31">${xml(policies)}</text>`] : []),
      '</g>',
    );
  }
  const width = Math.max(...placed.map((p) => p.x + p.w)) + 20;
  const height = Math.max(...placed.map((p) => p.y + p.h)) + 20;
  return { width, height, body: parts.join('\n') };
}

/** Segments as route-table columns with their VPCs and static routes; reaches as arcs above, routes to VPCs as dashed arcs below. */
export function networkSvg(network: NetworkGraph | undefined): SvgView {
  if (!network) return { width: 300, height: 60, body: '<text x="20" y="34">org.yaml has no network section.</text>' };
  const top = 40 + 24 * Math.max(1, network.segments.length);
  const lineH = 20;
  const columns = network.segments.map((s) => {
    const lines = [`segment ${s.key}`, 'route table', ...s.vpcs.map((v) => `${v.id}  ${v.cidr}`), ...s.routes.map((x) => `${x.destination} -> ${x.target}`)];
    return { s, w: Math.max(160, ...lines.map((l) => textWidth(l))) + 2 * PAD, h: 52 + lineH * (Math.max(1, s.vpcs.length) + s.routes.length) + 16 };
  });
  let x = 20;
  const placed = columns.map((c) => {
    const p = { ...c, x };
    x += c.w + GAP_X;
    return p;
  });
  const at = new Map(placed.map((p) => [p.s.key, p]));
  const bottom = top + Math.max(...placed.map((p) => p.h));
  const parts: string[] = [];
  // Each arc ends at its own point along the top of a segment, so arcs into one segment stay apart.
  const ends = new Map<string, string[]>();
  for (const [a, b] of network.reaches) {
    ends.set(a, [...(ends.get(a) ?? []), b]);
    ends.set(b, [...(ends.get(b) ?? []), a]);
  }
  const endX = (segment: string, other: string) => {
    const p = at.get(segment)!;
    const others = [...ends.get(segment)!].sort((x, y) => at.get(x)!.x - at.get(y)!.x);
    return p.x + p.w * (0.2 + (0.6 * (others.indexOf(other) + 0.5)) / others.length);
  };
  for (const [a, b] of network.reaches) {
    const x1 = endX(a, b);
    const x2 = endX(b, a);
    const lift = Math.min(top - 12, 30 + Math.abs(x2 - x1) / 6);
    parts.push(`<path class="reach" data-reach="${xml(`${a} ${b}`)}" d="M${r(x1)},${top} C${r(x1)},${r(top - lift)} ${r(x2)},${r(top - lift)} ${r(x2)},${top}"/>`);
  }
  network.paths.forEach((p, i) => {
    const from = at.get(p.segment)!;
    const to = at.get(p.vpcSegment);
    if (!to) return;
    const x1 = from.x + from.w / 2 + 6;
    const x2 = to.x + to.w / 2 - 6;
    const drop = 30 + (i % 4) * 12 + Math.abs(x2 - x1) / 8;
    parts.push(`<path class="route-path" marker-end="url(#arrow)" data-path="${xml(`${p.segment} ${p.vpc}`)}" d="M${r(x1)},${r(top + from.h)} C${r(x1)},${r(bottom + drop)} ${r(x2)},${r(bottom + drop)} ${r(x2)},${r(top + to.h)}"/>`);
  });
  for (const p of placed) {
    const s = p.s;
    const rows: string[] = [];
    s.vpcs.forEach((v, i) =>
      rows.push(`<g class="vpc" data-vpc="${xml(v.id)}" data-search="${xml(`${v.id} ${v.cidr} ${s.key}`.toLowerCase())}"><rect x="6" y="${44 + i * lineH}" width="${p.w - 12}" height="${lineH - 3}" rx="3"/><text x="${PAD}" y="${57 + i * lineH}">${xml(v.id)}  <tspan class="muted">${xml(v.cidr)}</tspan></text></g>`));
    if (s.vpcs.length === 0) rows.push(`<text class="muted" x="${PAD}" y="57">no VPC</text>`);
    const routeTop = 44 + lineH * Math.max(1, s.vpcs.length) + 12;
    s.routes.forEach((x, i) => rows.push(`<text class="route" x="${PAD}" y="${routeTop + i * lineH}">${xml(`${x.destination} -> ${x.target}`)}</text>`));
    parts.push(
      `<g class="segment" data-segment="${xml(s.key)}" data-search="${xml(`segment ${s.key}`)}" transform="translate(${r(p.x)},${top})">`,
      `<rect class="segment-box" width="${p.w}" height="${p.h}" rx="6"/>`,
      `<text class="title" x="${PAD}" y="18">segment ${xml(s.key)}</text>`,
      `<text class="muted" x="${PAD}" y="34">route table${s.intraSegment ? ', VPCs reach each other' : ''}</text>`,
      ...rows,
      '</g>',
    );
  }
  const legend = `<text class="muted" x="20" y="18">solid arcs: segments that reach each other; dashed arrows: static routes to a VPC (egress, inspection)</text>`;
  return { width: Math.max(x, 700), height: bottom + 60 + 12 * 4 + 20, body: [legend, ...parts].join('\n') };
}

/** Waves as columns of stacks; dependencies as curves from the stack depended on to its dependant. */
export function deploymentSvg(d: WaveGraph): SvgView {
  const boxH = 24;
  const gapY = 10;
  const columns = d.waves.map((w, i) => ({ i, stacks: w, w: Math.max(textWidth(`wave ${i + 1}`), ...w.map((s) => textWidth(s))) + 2 * PAD }));
  let x = 20;
  const pos = new Map<string, { x: number; y: number; w: number }>();
  const parts: string[] = [];
  for (const c of columns) {
    parts.push(`<text class="title" x="${r(x)}" y="24">wave ${c.i + 1}</text>`);
    c.stacks.forEach((s, j) => pos.set(s, { x, y: 40 + j * (boxH + gapY), w: c.w }));
    x += c.w + GAP_X * 1.5;
  }
  for (const [stack, dep] of d.dependencies) {
    const a = pos.get(dep);
    const b = pos.get(stack);
    if (!a || !b) continue;
    const x1 = a.x + a.w;
    const y1 = a.y + boxH / 2;
    const x2 = b.x;
    const y2 = b.y + boxH / 2;
    parts.push(`<path class="dependency" d="M${r(x1)},${r(y1)} C${r(x1 + GAP_X)},${r(y1)} ${r(x2 - GAP_X)},${r(y2)} ${r(x2)},${r(y2)}"/>`);
  }
  for (const [s, p] of pos)
    parts.push(`<g class="stack" data-stack="${xml(s)}" data-search="${xml(s.toLowerCase())}" transform="translate(${r(p.x)},${r(p.y)})"><rect width="${p.w}" height="${boxH}" rx="4"/><text x="${PAD}" y="16">${xml(s)}</text></g>`);
  const height = 40 + Math.max(1, ...columns.map((c) => c.stacks.length)) * (boxH + gapY) + 20;
  return { width: Math.max(x, 300), height, body: parts.join('\n') };
}
