import type { PolicyStatement } from '../../config/schema/common';
import { canAccount, scpLevelsOf, rcpLevelsOf, UNKNOWN_ACCOUNT_ID, type AccountDecision } from '../account-access';
import { actionNames, wildcardRegex } from '../iam-reference';
import { renameChainEnd } from '../managed-changes';
import { ancestorsOf, ROOT } from '../org-tree';
import { canonicalJson, targetKey } from '../policy-packing';
import type { AccountModel, LandingZoneModel, PolicyTarget } from '../types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Actions probed when a changed statement names every action (`*`) or lists actions it does not
 * apply to (`NotAction`): the everyday calls of a workload and of an administrator.
 */
export const COMMON_PROBE_ACTIONS: readonly string[] = [
  'ec2:RunInstances', 'iam:CreateUser', 'kms:Decrypt', 'lambda:CreateFunction', 'organizations:LeaveOrganization', 's3:GetObject', 's3:PutObject', 'sts:AssumeRole',
];

/** Regions probed besides the allowed ones of either version: the first of these that neither allows. */
const OUTSIDE_REGIONS: readonly string[] = ['eu-central-1', 'ap-southeast-1', 'sa-east-1', 'ca-central-1', 'ap-northeast-3'];

/** At most this many actions are probed per group of accounts, so a large change stays readable. */
const MAX_ACTIONS = 12;

export interface GuardrailEffect {
  /** The OUs (head paths, `Root` for accounts directly under the root) of the accounts, sorted. */
  readonly where: readonly string[];
  /** Head keys of the accounts the change applies to, sorted. */
  readonly accounts: readonly string[];
  /** Probe actions with the same answer, sorted. */
  readonly actions: readonly string[];
  readonly regions: readonly string[];
  /** `an ordinary role` or `role <name>`. */
  readonly principal: string;
  readonly was: 'allowed' | 'denied';
  readonly now: 'allowed' | 'denied';
  /** Denying policies (`deny-all`) or `no Allow at <level>`, for the denied side. */
  readonly reasons: readonly string[];
}

/** The answer of the denied side in a few words: the denying policies, or the level that allows nothing. */
function reasonsOf(d: AccountDecision): string[] {
  const levels = [...d.levels, ...(d.rcp?.levels ?? [])];
  const denied = [...new Set(levels.flatMap((l) => l.deniedBy.map((s) => s.policy)))].sort(byString);
  if (denied.length > 0) return denied;
  return levels.filter((l) => l.allowedBy.length === 0).map((l) => `no Allow at ${l.level}`);
}

function statementsOfLevels(model: LandingZoneModel, key: string): string[] {
  return [...scpLevelsOf(model, key), ...rcpLevelsOf(model, key)].flatMap((l) => l.policies.flatMap((p) => p.statements.map((s) => `${p.name}\u0000${canonicalJson(s)}`)));
}

/**
 * What decides an account's SCP and RCP answers, as one string per account: the documents at each
 * level of its path and whether FullAWSAccess is detached there. Built from the documents' text, so
 * thousands of accounts are compared without parsing a policy.
 */
function pathSignatures(model: LandingZoneModel): (account: AccountModel) => string {
  const byTarget = new Map<string, string[]>();
  for (const d of model.guardrails?.documents ?? [])
    if (d.type === 'SERVICE_CONTROL_POLICY' || d.type === 'RESOURCE_CONTROL_POLICY')
      for (const t of d.targets) byTarget.set(targetKey(t), [...(byTarget.get(targetKey(t)) ?? []), `${d.type}\u0000${d.name}\u0000${d.content}`]);
  const detached = new Set((model.guardrails?.fullAwsAccessDetached ?? []).map(targetKey));
  return (account) => {
    const targets: PolicyTarget[] = [
      ...ancestorsOf(account.ouPath).map((p): PolicyTarget => (p === ROOT ? { kind: 'root' } : { kind: 'ou', path: p })),
      { kind: 'account', key: account.key },
    ];
    return targets.map((t) => `${detached.has(targetKey(t)) ? 'detached' : ''}\u0001${(byTarget.get(targetKey(t)) ?? []).join('\u0001')}`).join('\u0002');
  };
}

/** A concrete action for a pattern: itself, or the first action of the service it matches. */
function concreteActions(pattern: string): string[] {
  if (!/[*?]/.test(pattern)) return [pattern];
  const [service, name] = pattern.split(':');
  if (!service || service.includes('*') || name === undefined) return [...COMMON_PROBE_ACTIONS];
  const re = wildcardRegex(name);
  const first = [...actionNames(service)].sort(byString).find((a) => re.test(a));
  return first ? [`${service}:${first}`] : [];
}

function probeActions(changed: readonly PolicyStatement[]): string[] {
  const out = new Set<string>();
  const list = (v: string | readonly string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);
  for (const s of changed) {
    if (s.Action !== undefined) for (const a of list(s.Action)) for (const c of concreteActions(a)) out.add(c);
    else {
      const excluded = list(s.NotAction).map((p) => wildcardRegex(p));
      for (const a of COMMON_PROBE_ACTIONS) if (!excluded.some((re) => re.test(a))) out.add(a);
    }
  }
  return [...out].sort(byString).slice(0, MAX_ACTIONS);
}

/** Role names a statement's conditions mention (`arn:aws:iam::*:role/BreakGlass`): the exempt roles to probe as. */
function exemptRoles(changed: readonly PolicyStatement[]): string[] {
  const names = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      const m = /:role\/(?:[^*]*\/)?([\w+=,.@-]+)$/.exec(v);
      if (m) names.add(m[1]!);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  for (const s of changed) visit(s.Condition);
  return [...names].sort(byString);
}

/**
 * What the guardrail changes do: for every member account in both versions whose SCPs or RCPs
 * differ, requests built from the changed statements (their actions, every allowed region of
 * either version and one region neither allows, an ordinary role and the roles the statements
 * exempt) are evaluated against both versions. Accounts with the same policies in both versions
 * are evaluated once, through a representative, and reported together.
 */
export function probeGuardrailEffects(base: LandingZoneModel, head: LandingZoneModel): GuardrailEffect[] {
  const headKey = renameChainEnd(head.managedChanges?.renamedAccounts ?? []);
  const headAccounts = new Map(head.accounts.map((a) => [a.key, a]));
  const baseSignature = pathSignatures(base);
  const headSignature = pathSignatures(head);
  const groups = new Map<string, { baseKey: string; headKey: string; accounts: string[] }>();
  for (const a of base.accounts) {
    const b = headAccounts.get(headAccounts.has(a.key) ? a.key : headKey(a.key));
    if (!b || a.isManagement || b.isManagement) continue;
    const before = baseSignature(a);
    const after = headSignature(b);
    if (before === after) continue;
    const signature = `${before}\u0003${after}\u0003${a.id ?? ''}`;
    if (!groups.has(signature)) groups.set(signature, { baseKey: a.key, headKey: b.key, accounts: [] });
    groups.get(signature)!.accounts.push(b.key);
  }

  const allowed = [...new Set([...base.organization.allowedRegions, ...head.organization.allowedRegions])];
  const outside = OUTSIDE_REGIONS.find((r) => !allowed.includes(r));
  const regions = [...allowed, ...(outside ? [outside] : [])];
  const flips: Array<Omit<GuardrailEffect, 'where' | 'actions'> & { action: string }> = [];
  for (const g of groups.values()) {
    const was = new Set(statementsOfLevels(base, g.baseKey));
    const now = new Set(statementsOfLevels(head, g.headKey));
    const changed = [...[...was].filter((x) => !now.has(x)), ...[...now].filter((x) => !was.has(x))]
      .map((x) => JSON.parse(x.split('\u0000')[1]!) as PolicyStatement);
    const accountId = headAccounts.get(g.headKey)!.id ?? UNKNOWN_ACCOUNT_ID;
    const principals: Array<[string, string | undefined]> = [
      ['an ordinary role', undefined],
      ...exemptRoles(changed).map((r): [string, string] => [`role ${r}`, `arn:${head.organization.partition}:iam::${accountId}:role/${r}`]),
    ];
    for (const action of probeActions(changed))
      for (const [principal, principalArn] of principals) {
        const byAnswer = new Map<string, (typeof flips)[number] & { regions: string[] }>();
        for (const region of regions) {
          const options = { region, ...(principalArn ? { principalArn } : {}) };
          const was = canAccount(base, g.baseKey, action, options);
          const now = canAccount(head, g.headKey, action, options);
          if (was.allowed === now.allowed) continue;
          const reasons = reasonsOf(was.allowed ? now : was);
          const k = `${String(now.allowed)}\u0000${reasons.join(',')}`;
          if (!byAnswer.has(k))
            byAnswer.set(k, { accounts: [...g.accounts].sort(byString), action, regions: [], principal,
              was: was.allowed ? 'allowed' : 'denied', now: now.allowed ? 'allowed' : 'denied', reasons });
          byAnswer.get(k)!.regions.push(region);
        }
        flips.push(...byAnswer.values());
      }
  }
  return mergeEffects(flips, (key) => headAccounts.get(key)!.ouPath);
}

/**
 * One line per answer: actions with the same answer for the same accounts are merged, then
 * accounts with the same answers for the same actions.
 */
function mergeEffects(flips: ReadonlyArray<Omit<GuardrailEffect, 'where' | 'actions'> & { action: string }>, ouOf: (key: string) => string): GuardrailEffect[] {
  const answer = (e: { principal: string; was: string; now: string; reasons: readonly string[]; regions: readonly string[] }) =>
    [e.principal, e.was, e.now, e.reasons.join(','), e.regions.join(',')].join('\u0000');
  const byAccounts = new Map<string, Omit<GuardrailEffect, 'where'> & { actions: string[] }>();
  for (const f of flips) {
    const k = `${answer(f)}\u0001${f.accounts.join(',')}`;
    if (!byAccounts.has(k)) byAccounts.set(k, { accounts: f.accounts, actions: [], regions: f.regions, principal: f.principal, was: f.was, now: f.now, reasons: f.reasons });
    byAccounts.get(k)!.actions.push(f.action);
  }
  const byActions = new Map<string, Omit<GuardrailEffect, 'where'> & { accounts: string[] }>();
  for (const e of byAccounts.values()) {
    const actions = [...e.actions].sort(byString);
    const k = `${answer(e)}\u0001${actions.join(',')}`;
    if (!byActions.has(k)) byActions.set(k, { ...e, actions, accounts: [] });
    byActions.get(k)!.accounts.push(...e.accounts);
  }
  return [...byActions.values()]
    .map((e) => {
      const accounts = [...new Set(e.accounts)].sort(byString);
      return { ...e, where: [...new Set(accounts.map(ouOf))].sort(byString), accounts };
    })
    .sort((x, y) => byString(x.where.join(','), y.where.join(',')) || byString(x.accounts.join(','), y.accounts.join(',')) || byString(x.actions.join(','), y.actions.join(',')) || byString(x.principal, y.principal));
}
