import { groupPairs, listed, type LandingZoneDiff } from '../model/diff';
import type { StatementSummary } from '../model/diff/guardrail-diff';
import type { TagChanges } from '../model/diff/organization-diff';

export type DiffFormat = 'text' | 'markdown' | 'json';

interface Section {
  readonly title: string;
  readonly items: readonly string[];
}

const and = (items: readonly string[]) => items.join(', ');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function tagText(t: TagChanges): string {
  return and([...Object.entries(t.set).map(([k, v]) => `${k}=${v}`), ...t.unset.map((k) => `-${k}`)]);
}

function statementText(s: StatementSummary): string {
  const what = s.actions.length <= 3 ? and(s.actions) : `${and(s.actions.slice(0, 3))} and ${s.actions.length - 3} more`;
  return `${s.sid ?? 'statement'} (${s.effect} ${s.notAction ? 'all but ' : ''}${what})`;
}

function organizationItems(d: LandingZoneDiff): string[] {
  const o = d.organization;
  return [
    ...o.ousAdded.map((p) => `+ OU ${p}`),
    ...o.ousRenamed.map((r) => `~ OU ${r.from} renamed to ${r.to}`),
    ...o.ouNamesChanged.map((c) => `~ OU ${c.path}: name "${c.name.from}" -> "${c.name.to}"`),
    ...o.ouTagsChanged.map((c) => `~ OU ${c.path}: tags ${tagText(c.tags)}`),
    ...o.ousRemoved.map((r) => `- OU ${r.path}${r.released !== undefined ? ` released: ${r.released}` : ''}`),
    ...o.accountsAdded.map((a) => `+ account ${a.key} in ${a.ou}${a.adopted ? ' (adopted by id)' : ' (created)'}`),
    ...o.accountsChanged.map((a) => {
      const parts = [
        ...(a.formerKey !== undefined ? [`key renamed from ${a.formerKey}`] : []),
        ...(a.ou ? [`moved from ${a.ou.from} to ${a.ou.to}`] : []),
        ...(a.name ? [`name "${a.name.from}" -> "${a.name.to}"`] : []),
        ...(a.email ? [`email ${a.email.from} -> ${a.email.to}`] : []),
        ...(a.id ? [`id ${a.id.from ?? 'none'} -> ${a.id.to ?? 'none'}`] : []),
        ...(a.tags ? [`tags ${tagText(a.tags)}`] : []),
      ];
      return `~ account ${a.key}: ${parts.join('; ')}`;
    }),
    ...o.accountsRemoved.map((a) => `- account ${a.key} (was in ${a.ou})${a.released !== undefined ? ` released: ${a.released}` : ''}`),
  ];
}

function guardrailItems(d: LandingZoneDiff): string[] {
  const g = d.guardrails;
  return [
    ...g.policiesAdded.map((p) => `+ policy ${p.key} (${p.type})`),
    ...g.policiesRemoved.map((p) => `- policy ${p.key} (${p.type})`),
    ...g.policiesChanged.flatMap((p) => [
      ...(p.contentChanged ? [`~ policy ${p.key}: content changed`] : []),
      ...p.statementsAdded.map((s) => `~ policy ${p.key}: + statement ${statementText(s)}`),
      ...p.statementsRemoved.map((s) => `~ policy ${p.key}: - statement ${statementText(s)}`),
      ...p.statementsChanged.map((s) => `~ policy ${p.key}: ~ statement ${statementText(s)}`),
    ]),
    ...g.attachments.map((t) => `${t.target}: ${and([...t.attached.map((p) => `+ ${p}`), ...t.detached.map((p) => `- ${p}`)])}`),
    ...g.fullAwsAccess.map((t) => `${t.target}: FullAWSAccess ${t.change}`),
    ...g.effects.map((e) =>
      `effect: ${listed(e.where, 4)} (${listed(e.accounts, 6)}): ${and(e.actions)} in ${and(e.regions)} as ${e.principal} was ${e.was}, is now ${e.now}${e.now === 'denied' ? ` by ${and(e.reasons)}` : ` (was denied by ${and(e.reasons)})`}`),
  ];
}

function accessItems(d: LandingZoneDiff): string[] {
  const a = d.access;
  return [
    ...a.permissionSetsAdded.map((p) => `+ permission set ${p}`),
    ...a.permissionSetsChanged.map((p) => `~ permission set ${p}`),
    ...a.permissionSetsRemoved.map((p) => `- permission set ${p}`),
    ...groupedByChange(a.accounts.map((c) => [c.account, and([...c.added.map((r) => `+ ${r.principal} ${r.permissionSet}`), ...c.removed.map((r) => `- ${r.principal} ${r.permissionSet}`)])])),
  ];
}

/** Accounts with the same change on one line: an assignment to an OU of a thousand accounts is one line. */
function groupedByChange(entries: ReadonlyArray<readonly [string, string]>): string[] {
  const byChange = new Map<string, string[]>();
  for (const [account, change] of entries) byChange.set(change, [...(byChange.get(change) ?? []), account]);
  return [...byChange].map(([change, accounts]) => `${listed(accounts, 6)}: ${change}`);
}

function networkItems(d: LandingZoneDiff): string[] {
  const n = d.network;
  if (!n) return [];
  return [
    ...n.segmentsAdded.map((s) => `+ segment ${s}`),
    ...n.segmentsRemoved.map((s) => `- segment ${s}`),
    ...n.segmentPeers.map((c) => `~ segment ${c.segment} receives routes of: ${and([...c.added.map((p) => `+ ${p}`), ...c.removed.map((p) => `- ${p}`)])}`),
    ...n.routes.map((r) => (r.from === undefined ? `+ route ${r.segment}/${r.key}: ${r.to}` : r.to === undefined ? `- route ${r.segment}/${r.key}: ${r.from}` : `~ route ${r.segment}/${r.key}: ${r.from} => ${r.to}`)),
    ...n.vpcsAdded.map((v) => `+ VPC ${v.id} ${v.cidr} in segment ${v.segment}`),
    ...n.vpcsChanged.map((v) => `~ VPC ${v.id}: ${and([
      ...(v.cidr ? [`CIDR ${v.cidr.from} -> ${v.cidr.to}`] : []),
      ...(v.segment ? [`segment ${v.segment.from} -> ${v.segment.to}`] : []),
      ...(v.secondaryCidrs ? [`secondary CIDRs [${v.secondaryCidrs.from}] -> [${v.secondaryCidrs.to}]`] : []),
    ])}`),
    ...n.vpcsRemoved.map((v) => `- VPC ${v.id} ${v.cidr} (segment ${v.segment})`),
    ...groupPairs(n.pairsOpened).map((g) => `+ reach ${g.vpc} <-> ${listed(g.with, 8)}`),
    ...groupPairs(n.pairsClosed).map((g) => `- reach ${g.vpc} <-> ${listed(g.with, 8)}`),
  ];
}

function stackLine(s: NonNullable<LandingZoneDiff['deployment']>['stacks'][number]): string {
  const blocks = [
    ...(s.importsAdded > 0 ? [plural(s.importsAdded, 'import')] : []),
    ...(s.movedAdded > 0 ? [plural(s.movedAdded, 'moved block')] : []),
    ...(s.removedAdded > 0 ? [plural(s.removedAdded, 'removed block')] : []),
    ...(s.otherChanged ? ['providers, backend, data or outputs changed'] : []),
  ];
  const counts = `+${s.resourcesAdded} ~${s.resourcesChanged} -${s.resourcesRemoved}`;
  const mark = s.status === 'added' ? '+' : s.status === 'dropped' ? '-' : '~';
  const status = s.status === 'added' ? 'new stack, ' : s.status === 'dropped' ? 'dropped, ' : '';
  return `${mark} ${s.stack} (${status}${plural(s.resources, 'resource')}): ${counts}${blocks.length > 0 ? `; ${and(blocks)}` : ''}`;
}

function deploymentItems(d: LandingZoneDiff): string[] {
  const dep = d.deployment;
  if (!dep) return ['not synthesized (--no-deployment)'];
  return [...dep.stacks.map(stackLine), ...dep.waves.map((w, i) => `apply wave ${i + 1}: ${w.join(' ')}`)];
}

function sections(d: LandingZoneDiff): Section[] {
  const deployment = d.deployment;
  const deploymentTitle = deployment ? `Deployment (${plural(deployment.stacks.length, 'stack')} change, ${deployment.unchanged} unchanged)` : 'Deployment';
  return [
    { title: `Flagged (${d.flags.length})`, items: d.flags.map((f) => `! ${f.section}: ${f.message}`) },
    { title: 'Organization', items: organizationItems(d) },
    { title: 'Guardrails', items: guardrailItems(d) },
    { title: 'Access (Identity Center)', items: accessItems(d) },
    { title: 'Network', items: d.network ? networkItems(d) : ['no network in either version'] },
    { title: deploymentTitle, items: deploymentItems(d) },
  ];
}

/** Characters GitHub markdown would read as emphasis, links, tables or HTML. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^[-+]/, (c) => `\\${c}`);
}

/** The diff as text (a terminal), markdown (a pull-request comment) or JSON (tools). Flagged changes come first. */
export function renderDiff(d: LandingZoneDiff, labels: { readonly base: string; readonly head: string }, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify({ base: labels.base, head: labels.head, ...d }, null, 2)}\n`;
  const list = sections(d);
  if (format === 'markdown') {
    const body = list.map((s, i) => {
      const items = s.items.map((item) => (i === 0 ? `- :warning: ${escapeMarkdown(item.replace(/^! /, ''))}` : `- ${escapeMarkdown(item)}`));
      return `### ${s.title}\n\n${items.length === 0 ? '_no change_' : items.join('\n')}\n`;
    });
    return `## lz diff: \`${labels.base}\` -> \`${labels.head}\`\n\n${body.join('\n')}`;
  }
  const body = list.map((s) => `${s.title}\n${s.items.length === 0 ? '  no change' : s.items.map((i) => `  ${i}`).join('\n')}\n`);
  return `lz diff ${labels.base} -> ${labels.head}\n\n${body.join('\n')}`;
}
