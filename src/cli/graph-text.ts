import type { LandingZoneGraph, OrgTreeNode } from '../model/graph';

export type GraphView = 'organization' | 'network' | 'deployment';
export const GRAPH_VIEWS: readonly GraphView[] = ['organization', 'network', 'deployment'];

/** Short node ids for the diagram languages, stable for one rendering: first come, first numbered. */
function idAllocator(prefix: string): (key: string) => string {
  const ids = new Map<string, string>();
  return (key) => {
    if (!ids.has(key)) ids.set(key, `${prefix}${ids.size}`);
    return ids.get(key)!;
  };
}

const mermaidText = (s: string) => s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
const dotText = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

function walk(node: OrgTreeNode, visit: (n: OrgTreeNode, parent?: OrgTreeNode) => void, parent?: OrgTreeNode): void {
  visit(node, parent);
  for (const c of node.children) walk(c, visit, node);
}

function policyLine(n: OrgTreeNode): string {
  const parts = [...n.policies, ...(n.fullAwsAccessDetached ? ['FullAWSAccess detached'] : [])];
  return parts.length > 0 ? parts.join(', ') : '';
}

function mermaidOrganization(g: LandingZoneGraph): string[] {
  const id = idAllocator('o');
  const lines = ['flowchart LR'];
  walk(g.organization, (n, parent) => {
    const policies = policyLine(n);
    const title = n.kind === 'account' ? n.label : n.kind === 'root' ? `Root (${n.name})` : n.name;
    const label = `${mermaidText(title)}${policies ? `<br/><i>${mermaidText(policies)}</i>` : ''}`;
    lines.push(n.kind === 'account' ? `  ${id(n.id)}("${label}"):::account` : `  ${id(n.id)}["${label}"]:::${n.kind}`);
    if (parent) lines.push(`  ${id(parent.id)} --> ${id(n.id)}`);
  });
  lines.push('  classDef root fill:#232f3e,color:#fff', '  classDef ou fill:#e8f0fe,stroke:#4a6fa5', '  classDef account fill:#fff,stroke:#888');
  return lines;
}

function mermaidNetwork(g: LandingZoneGraph): string[] {
  const n = g.network;
  if (!n) return ['flowchart LR', '  none["no network section"]'];
  const seg = idAllocator('s');
  const vpc = idAllocator('v');
  const lines = ['flowchart LR'];
  for (const s of n.segments) {
    lines.push(`  subgraph ${seg(s.key)}["segment ${mermaidText(s.key)}${s.intraSegment ? ' (VPCs reach each other)' : ''}"]`);
    for (const v of s.vpcs) lines.push(`    ${vpc(v.id)}["${mermaidText(v.id)}<br/>${v.cidr}"]`);
    if (s.vpcs.length === 0) lines.push(`    ${seg(s.key)}_empty["no VPC"]`);
    lines.push('  end');
  }
  for (const [a, b] of n.reaches) lines.push(`  ${seg(a)} <-->|reaches| ${seg(b)}`);
  for (const p of n.paths) lines.push(`  ${seg(p.segment)} -.->|"${p.route} ${p.destination}"| ${vpc(p.vpc)}`);
  return lines;
}

function mermaidDeployment(g: LandingZoneGraph): string[] {
  const id = idAllocator('d');
  const lines = ['flowchart LR'];
  g.deployment.waves.forEach((wave, i) => {
    lines.push(`  subgraph w${i + 1}["wave ${i + 1}"]`);
    for (const stack of wave) lines.push(`    ${id(stack)}["${mermaidText(stack)}"]`);
    lines.push('  end');
  });
  for (const [stack, dep] of g.deployment.dependencies) lines.push(`  ${id(dep)} --> ${id(stack)}`);
  return lines;
}

function dotOrganization(g: LandingZoneGraph): string[] {
  const id = idAllocator('o');
  const lines = ['digraph organization {', '  rankdir=LR;', '  node [shape=box, style="rounded,filled", fontname="Helvetica", fillcolor="#ffffff"];'];
  walk(g.organization, (n, parent) => {
    const policies = policyLine(n);
    const title = n.kind === 'account' ? n.label : n.kind === 'root' ? `Root (${n.name})` : n.name;
    const fill = n.kind === 'root' ? '#232f3e", fontcolor="#ffffff' : n.kind === 'ou' ? '#e8f0fe' : '#ffffff';
    lines.push(`  ${id(n.id)} [label="${dotText(title)}${policies ? `\\n${dotText(policies)}` : ''}", fillcolor="${fill}"];`);
    if (parent) lines.push(`  ${id(parent.id)} -> ${id(n.id)};`);
  });
  lines.push('}');
  return lines;
}

function dotNetwork(g: LandingZoneGraph): string[] {
  const n = g.network;
  const lines = ['digraph network {', '  rankdir=LR;', '  compound=true;', '  node [shape=box, fontname="Helvetica"];'];
  if (!n) return [...lines, '  none [label="no network section"];', '}'];
  const seg = idAllocator('s');
  const vpc = idAllocator('v');
  for (const s of n.segments) {
    lines.push(`  subgraph cluster_${seg(s.key)} {`, `    label="segment ${dotText(s.key)}${s.intraSegment ? ' (VPCs reach each other)' : ''}";`);
    lines.push(`    ${seg(s.key)} [label="route table ${dotText(s.key)}", shape=cylinder];`);
    for (const v of s.vpcs) lines.push(`    ${vpc(v.id)} [label="${dotText(v.id)}\\n${v.cidr}"];`);
    lines.push('  }');
  }
  for (const [a, b] of n.reaches) lines.push(`  ${seg(a)} -> ${seg(b)} [dir=both, label="reaches"];`);
  for (const p of n.paths) lines.push(`  ${seg(p.segment)} -> ${vpc(p.vpc)} [style=dashed, label="${dotText(`${p.route} ${p.destination}`)}"];`);
  lines.push('}');
  return lines;
}

function dotDeployment(g: LandingZoneGraph): string[] {
  const id = idAllocator('d');
  const lines = ['digraph deployment {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  g.deployment.waves.forEach((wave, i) => {
    lines.push(`  subgraph cluster_w${i + 1} {`, `    label="wave ${i + 1}";`);
    for (const stack of wave) lines.push(`    ${id(stack)} [label="${dotText(stack)}"];`);
    lines.push('  }');
  });
  for (const [stack, dep] of g.deployment.dependencies) lines.push(`  ${id(dep)} -> ${id(stack)};`);
  lines.push('}');
  return lines;
}

const MERMAID: Record<GraphView, (g: LandingZoneGraph) => string[]> = { organization: mermaidOrganization, network: mermaidNetwork, deployment: mermaidDeployment };
const DOT: Record<GraphView, (g: LandingZoneGraph) => string[]> = { organization: dotOrganization, network: dotNetwork, deployment: dotDeployment };
const TITLES: Record<GraphView, string> = { organization: 'Organization', network: 'Network', deployment: 'Deployment waves' };

/** One view as bare mermaid, or every view as markdown with a mermaid block each (GitHub renders them). */
export function renderMermaid(g: LandingZoneGraph, views: readonly GraphView[]): string {
  if (views.length === 1) return `${MERMAID[views[0]!](g).join('\n')}\n`;
  return views.map((v) => `## ${TITLES[v]}\n\n\`\`\`mermaid\n${MERMAID[v](g).join('\n')}\n\`\`\`\n`).join('\n');
}

/** Graphviz: one digraph per view (`dot -Tsvg` renders each). */
export function renderDot(g: LandingZoneGraph, views: readonly GraphView[]): string {
  return `${views.map((v) => DOT[v](g).join('\n')).join('\n\n')}\n`;
}
