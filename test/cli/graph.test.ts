import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { landingZoneGraph } from '../../src/model/graph';
import { DEFAULT_ORG, defaultModel, tempDir } from '../helpers';

async function run(args: string[], cwd = tempDir('lz-graph-')) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr, cwd };
}

describe('the graph model', () => {
  test('the OU tree holds every OU and account once, with the policies attached at each level', () => {
    const model = defaultModel();
    const graph = landingZoneGraph(model, [['organization']], { organization: [] });
    const ids: string[] = [];
    const visit = (n: typeof graph.organization) => {
      ids.push(n.id);
      n.children.forEach(visit);
    };
    visit(graph.organization);
    expect(ids.sort()).toEqual(['Root', ...model.ous.map((o) => o.path), ...model.accounts.map((a) => `account:${a.key}`)].sort());
    expect(graph.organization.policies).toEqual(['baseline', 'deny-unapproved-regions']);
    expect(graph.organization.children.find((c) => c.id === 'Sandbox')!.policies).toEqual(['ec2-workload-baseline', 'sandbox-guardrails', 'workload-guardrails']);
  });

  test('segments reach each other symmetrically; static routes to a VPC are the egress paths', () => {
    const graph = landingZoneGraph(defaultModel(), [], {});
    expect(graph.network!.reaches).toEqual([['egress', 'nonprod'], ['egress', 'prod'], ['egress', 'sandbox'], ['egress', 'shared'], ['nonprod', 'shared'], ['prod', 'shared'], ['sandbox', 'shared']]);
    expect(graph.network!.paths.map((p) => `${p.segment} ${p.destination} -> ${p.vpc} (${p.vpcSegment})`)).toEqual([
      'nonprod 0.0.0.0/0 -> network/egress (egress)', 'prod 0.0.0.0/0 -> network/egress (egress)',
      'sandbox 0.0.0.0/0 -> network/egress (egress)', 'shared 0.0.0.0/0 -> network/egress (egress)',
    ]);
  });

  test('dependencies implied through another dependency are left out of the picture', () => {
    const graph = landingZoneGraph(defaultModel(), [['a'], ['b'], ['c']], { a: [], b: ['a'], c: ['a', 'b'] });
    expect(graph.deployment.dependencies).toEqual([['b', 'a'], ['c', 'b']]);
  });
});

describe('lz graph', () => {
  test('--format mermaid --view organization is bare mermaid: one node per OU and account, one edge per child', async () => {
    const r = await run(['graph', DEFAULT_ORG, '--format', 'mermaid', '--view', 'organization']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines[1]).toBe('  o0["Root (example)<br/><i>baseline, deny-unapproved-regions</i>"]:::root');
    expect(lines).toContain('  o4["Sandbox<br/><i>ec2-workload-baseline, sandbox-guardrails, workload-guardrails</i>"]:::ou');
    expect(lines).toContain('  o5("sandbox-alice"):::account');
    const model = defaultModel();
    expect(lines.filter((l) => l.includes(' --> '))).toHaveLength(model.ous.length + model.accounts.length);
  });

  test('--format mermaid without --view is markdown with the three views, each in a mermaid block', async () => {
    const r = await run(['graph', DEFAULT_ORG, '--format', 'mermaid']);
    expect(r.stdout.match(/^## .*$/gm)).toEqual(['## Organization', '## Network', '## Deployment waves']);
    expect(r.stdout.match(/^```mermaid$/gm)).toHaveLength(3);
    expect(r.stdout).toContain('  subgraph s2["segment prod (VPCs reach each other)"]\n    v3["analytics-prod/main<br/>10.0.0.0/20"]');
    expect(r.stdout).toContain('  s0 <-->|reaches| s1\n');
    expect(r.stdout).toContain('  s2 -.->|"default-egress 0.0.0.0/0"| v0\n');
    expect(r.stdout).toContain('  subgraph w1["wave 1"]\n    d0["organization"]\n  end');
  });

  test('--format dot writes one digraph per view', async () => {
    const r = await run(['graph', DEFAULT_ORG, '--format', 'dot']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^digraph \w+ \{$/gm)).toEqual(['digraph organization {', 'digraph network {', 'digraph deployment {']);
    expect(r.stdout).toContain('    v3 [label="analytics-prod/main\\n10.0.0.0/20"];');
    expect(r.stdout).toContain('  s2 -> v0 [style=dashed, label="default-egress 0.0.0.0/0"];');
    expect(r.stdout.split('{').length).toBe(r.stdout.split('}').length);
  });

  test('--format html (the default) writes one self-contained page with every account, segment and VPC', async () => {
    const r = await run(['graph', DEFAULT_ORG]);
    expect(r.stdout).toBe('Wrote lz-graph.html\n');
    const html = readFileSync(join(r.cwd, 'lz-graph.html'), 'utf8');
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const model = defaultModel();
    for (const a of model.accounts) expect(html).toContain(`data-account="${a.key}"`);
    for (const s of model.network!.segments) expect(html).toContain(`data-segment="${s.key}"`);
    for (const v of model.network!.vpcs) expect(html).toContain(`data-vpc="${v.id}"`);
  });

  test('an unknown format or view, and --view with html, are usage errors', async () => {
    expect((await run(['graph', DEFAULT_ORG, '--format', 'png'])).stderr).toBe('lz: --format must be html, mermaid or dot, not "png"\n');
    expect((await run(['graph', DEFAULT_ORG, '--format', 'dot', '--view', 'accounts'])).stderr).toBe('lz: --view must be one of organization, network, deployment, not "accounts"\n');
    const r = await run(['graph', DEFAULT_ORG, '--view', 'network']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lz: --view applies to mermaid and dot; the html page always has every view\n');
  });
});
