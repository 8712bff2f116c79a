import type { LandingZoneModel } from '../types';
import { diffAccess, type AccessDiff } from './access-diff';
import { diffDeployment, type DeploymentDiff, type SynthesizedApp } from './deployment-diff';
import { diffGuardrails, type GuardrailDiff } from './guardrail-diff';
import { diffNetwork, type NetworkDiff } from './network-diff';
import { diffOrganization, type OrganizationDiff } from './organization-diff';

export type { AccessDiff } from './access-diff';
export type { DeploymentDiff, StackChange, SynthesizedApp, SynthesizedStack } from './deployment-diff';
export type { GuardrailDiff } from './guardrail-diff';
export type { GuardrailEffect } from './guardrail-probes';
export type { NetworkDiff } from './network-diff';
export type { OrganizationDiff } from './organization-diff';

/** A change a reviewer must see first: it loses management of something, weakens a guardrail or opens a path. */
export interface Flag {
  readonly section: 'organization' | 'guardrails' | 'network' | 'deployment';
  readonly message: string;
}

export interface LandingZoneDiff {
  readonly flags: readonly Flag[];
  readonly organization: OrganizationDiff;
  readonly guardrails: GuardrailDiff;
  readonly access: AccessDiff;
  /** Absent when neither version has a network. */
  readonly network?: NetworkDiff;
  /** Absent when the stacks were not synthesized. */
  readonly deployment?: DeploymentDiff;
}

const and = (items: readonly string[]) => items.join(', ');

/** A list for a sentence: at most `max` items, then how many more (the JSON output keeps them all). */
export function listed(items: readonly string[], max: number): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function flagsOf(d: Omit<LandingZoneDiff, 'flags'>): Flag[] {
  const flags: Flag[] = [];
  const add = (section: Flag['section'], message: string) => flags.push({ section, message });
  const o = d.organization;
  for (const a of o.accountsRemoved)
    add('organization', a.released !== undefined
      ? `account ${a.key} is released from management (${a.released}); it stays in AWS, unmanaged and with the SCPs it has now`
      : `account ${a.key} is removed from org.yaml without a \`removed\` entry`);
  for (const ou of o.ousRemoved)
    add('organization', ou.released !== undefined ? `OU ${ou.path} is released from management (${ou.released})` : `OU ${ou.path} is removed from org.yaml`);
  for (const a of o.accountsChanged) if (a.email) add('organization', `account ${a.key}: root email changes from ${a.email.from} to ${a.email.to}`);

  const g = d.guardrails;
  for (const p of g.policiesRemoved) add('guardrails', `policy ${p.key} is removed`);
  for (const t of g.attachments) if (t.detached.length > 0) add('guardrails', `${t.target}: ${and(t.detached)} detached`);
  for (const p of g.policiesChanged)
    if (p.statementsRemoved.length > 0) add('guardrails', `policy ${p.key}: ${p.statementsRemoved.length} statement${p.statementsRemoved.length === 1 ? '' : 's'} removed`);
  for (const t of g.fullAwsAccess) if (t.change === 'attached') add('guardrails', `${t.target}: FullAWSAccess attached again`);
  for (const e of g.effects)
    if (e.now === 'allowed') add('guardrails', `${listed(e.where, 4)} (${listed(e.accounts, 6)}): ${and(e.actions)} in ${and(e.regions)} as ${e.principal} was denied by ${and(e.reasons)}, is now allowed`);

  const n = d.network;
  if (n) {
    for (const g of groupPairs(n.newPaths)) add('network', `${g.vpc} can now reach ${listed(g.with, 6)}`);
    for (const v of n.vpcsRemoved) add('network', `VPC ${v.id} (${v.cidr}) is removed`);
    for (const v of n.vpcsChanged) if (v.cidr) add('network', `VPC ${v.id}: CIDR changes from ${v.cidr.from} to ${v.cidr.to}, which replaces the VPC`);
    for (const r of n.routes) if (r.from?.endsWith('-> blackhole') && r.to !== r.from) add('network', `segment ${r.segment}: blackhole route ${r.key} (${r.from.split(' ')[0]}) is ${r.to ? `now ${r.to}` : 'removed'}`);
  }

  for (const s of d.deployment?.stacks ?? []) {
    if (s.status === 'dropped') add('deployment', `stack ${s.stack} is no longer synthesized: its ${s.resources} resources stay in its state, unmanaged`);
    if (s.destroyed.length > 0) add('deployment', `stack ${s.stack}: the plan destroys ${listed(s.destroyed, 6)}`);
  }
  return flags;
}

/**
 * Pairs as one line per VPC: the VPC in the most pairs first, with every VPC it pairs with, then
 * the remaining pairs the same way. A new VPC in a segment of a thousand reads as one line.
 */
export function groupPairs(pairs: readonly (readonly [string, string])[]): Array<{ vpc: string; with: string[] }> {
  let left = pairs.map(([a, b]) => [a, b] as const);
  const out: Array<{ vpc: string; with: string[] }> = [];
  while (left.length > 0) {
    const counts = new Map<string, number>();
    for (const [a, b] of left) for (const v of [a, b]) counts.set(v, (counts.get(v) ?? 0) + 1);
    const vpc = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
    out.push({ vpc, with: left.filter(([a, b]) => a === vpc || b === vpc).map(([a, b]) => (a === vpc ? b : a)).sort() });
    left = left.filter(([a, b]) => a !== vpc && b !== vpc);
  }
  return out;
}

/**
 * What a change of org.yaml means, from the models of both versions (and, when given, their
 * synthesized stacks): pure, so the same function serves `lz diff` and users' own tests.
 */
export function diffLandingZones(base: LandingZoneModel, head: LandingZoneModel, stacks?: { readonly base: SynthesizedApp; readonly head: SynthesizedApp }): LandingZoneDiff {
  const network = diffNetwork(base, head);
  const parts = {
    organization: diffOrganization(base, head),
    guardrails: diffGuardrails(base, head),
    access: diffAccess(base, head),
    ...(network ? { network } : {}),
    ...(stacks ? { deployment: diffDeployment(stacks.base, stacks.head) } : {}),
  };
  return { flags: flagsOf(parts), ...parts };
}
