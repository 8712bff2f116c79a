import type { PolicyStatement } from '../../config/schema/common';
import { renameChainEnd } from '../managed-changes';
import { canonicalJson, targetKey } from '../policy-packing';
import type { LandingZoneModel, PolicyModel, PolicyTarget } from '../types';
import { probeGuardrailEffects, type GuardrailEffect } from './guardrail-probes';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface StatementSummary {
  readonly sid?: string;
  readonly effect: string;
  /** `Action` or `NotAction` as written, as a list. */
  readonly actions: readonly string[];
  readonly notAction: boolean;
}

export interface PolicyChange {
  readonly key: string;
  readonly type: string;
  readonly statementsAdded: readonly StatementSummary[];
  readonly statementsRemoved: readonly StatementSummary[];
  /** Statements whose Sid is in both versions with different content. */
  readonly statementsChanged: readonly StatementSummary[];
  /** For policy types without statements (tag, backup, AI opt-out): the document changed. */
  readonly contentChanged: boolean;
}

export interface AttachmentChange {
  /** `Root`, an OU path, or `account <key>`. */
  readonly target: string;
  readonly attached: readonly string[];
  readonly detached: readonly string[];
}

export interface GuardrailDiff {
  readonly policiesAdded: readonly { readonly key: string; readonly type: string }[];
  readonly policiesRemoved: readonly { readonly key: string; readonly type: string }[];
  readonly policiesChanged: readonly PolicyChange[];
  /** Per target, sorted Root, OUs, accounts. */
  readonly attachments: readonly AttachmentChange[];
  /** Targets where FullAWSAccess was detached or attached again. */
  readonly fullAwsAccess: readonly { readonly target: string; readonly change: 'detached' | 'attached' }[];
  /** What the changes do to requests, from the SCP evaluator on probe requests. */
  readonly effects: readonly GuardrailEffect[];
}

export function targetLabel(t: PolicyTarget): string {
  return t.kind === 'root' ? 'Root' : t.kind === 'ou' ? t.path : `account ${t.key}`;
}

/** Statements of a policy document; empty for the types whose content is not a statement list. */
export function statementsOf(policy: { readonly content: string }): PolicyStatement[] {
  const doc = JSON.parse(policy.content) as { Statement?: PolicyStatement | PolicyStatement[] };
  return doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

export function summarizeStatement(s: PolicyStatement): StatementSummary {
  const list = (v: string | readonly string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]);
  return { ...(s.Sid !== undefined ? { sid: s.Sid } : {}), effect: s.Effect, actions: s.Action !== undefined ? list(s.Action) : list(s.NotAction), notAction: s.Action === undefined && s.NotAction !== undefined };
}

function diffStatements(base: PolicyModel, head: PolicyModel): PolicyChange | undefined {
  if (base.content === head.content) return undefined;
  const a = statementsOf(base);
  const b = statementsOf(head);
  if (a.length === 0 && b.length === 0) return { key: head.key, type: head.type, statementsAdded: [], statementsRemoved: [], statementsChanged: [], contentChanged: true };
  const aKeys = new Set(a.map(canonicalJson));
  const bKeys = new Set(b.map(canonicalJson));
  const added = b.filter((s) => !aKeys.has(canonicalJson(s)));
  const removed = a.filter((s) => !bKeys.has(canonicalJson(s)));
  // A statement keeps its identity through its Sid: the same Sid on both sides is a change.
  const sids = (list: readonly PolicyStatement[]) => new Set(list.map((s) => s.Sid).filter((sid): sid is string => sid !== undefined));
  const both = new Set([...sids(added)].filter((sid) => sids(removed).has(sid)));
  const paired = (s: PolicyStatement) => s.Sid !== undefined && both.has(s.Sid);
  return {
    key: head.key,
    type: head.type,
    statementsAdded: added.filter((s) => !paired(s)).map(summarizeStatement),
    statementsRemoved: removed.filter((s) => !paired(s)).map(summarizeStatement),
    statementsChanged: added.filter(paired).map(summarizeStatement),
    contentChanged: false,
  };
}

/**
 * Policies added, removed and changed statement by statement; attachments per target (base
 * targets followed through declared renames, so a renamed OU does not read as detach + attach);
 * FullAWSAccess; and the effect on probe requests.
 */
export function diffGuardrails(base: LandingZoneModel, head: LandingZoneModel): GuardrailDiff {
  const headPolicies = new Map(head.policies.map((p) => [p.key, p]));
  const basePolicies = new Map(base.policies.map((p) => [p.key, p]));
  const policiesAdded = head.policies.filter((p) => !basePolicies.has(p.key)).map((p) => ({ key: p.key, type: p.type }));
  const policiesRemoved = base.policies.filter((p) => !headPolicies.has(p.key)).map((p) => ({ key: p.key, type: p.type }));
  const policiesChanged = base.policies
    .filter((p) => headPolicies.has(p.key))
    .map((p) => diffStatements(p, headPolicies.get(p.key)!))
    .filter((c): c is PolicyChange => c !== undefined);

  const renameOu = renameChainEnd(head.managedChanges?.renamedOus ?? []);
  const renameAccount = renameChainEnd(head.managedChanges?.renamedAccounts ?? []);
  const inHead = (t: PolicyTarget): PolicyTarget =>
    t.kind === 'ou' ? { kind: 'ou', path: renameOu(t.path) } : t.kind === 'account' ? { kind: 'account', key: renameAccount(t.key) } : t;
  const attachmentsOf = (model: LandingZoneModel, map: (t: PolicyTarget) => PolicyTarget) => {
    const out = new Map<string, { target: PolicyTarget; policies: Set<string> }>();
    for (const p of model.policies)
      for (const t of p.targets.map(map)) {
        const k = targetKey(t);
        if (!out.has(k)) out.set(k, { target: t, policies: new Set() });
        out.get(k)!.policies.add(p.key);
      }
    return out;
  };
  const before = attachmentsOf(base, inHead);
  const after = attachmentsOf(head, (t) => t);
  const attachments: AttachmentChange[] = [];
  for (const k of [...new Set([...before.keys(), ...after.keys()])].sort(byString)) {
    const was = before.get(k)?.policies ?? new Set<string>();
    const now = after.get(k)?.policies ?? new Set<string>();
    const attached = [...now].filter((p) => !was.has(p)).sort(byString);
    const detached = [...was].filter((p) => !now.has(p)).sort(byString);
    if (attached.length + detached.length > 0) attachments.push({ target: targetLabel((after.get(k) ?? before.get(k))!.target), attached, detached });
  }

  const baseDetached = new Map(base.guardrails?.fullAwsAccessDetached.map(inHead).map((t) => [targetKey(t), t]) ?? []);
  const headDetached = new Map(head.guardrails?.fullAwsAccessDetached.map((t) => [targetKey(t), t]) ?? []);
  const fullAwsAccess = [
    ...[...headDetached].filter(([k]) => !baseDetached.has(k)).map(([k, t]) => ({ k, target: targetLabel(t), change: 'detached' as const })),
    ...[...baseDetached].filter(([k]) => !headDetached.has(k)).map(([k, t]) => ({ k, target: targetLabel(t), change: 'attached' as const })),
  ].sort((a, b) => byString(a.k, b.k)).map(({ target, change }) => ({ target, change }));

  return { policiesAdded, policiesRemoved, policiesChanged, attachments, fullAwsAccess, effects: probeGuardrailEffects(base, head) };
}
