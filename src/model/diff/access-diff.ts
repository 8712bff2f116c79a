import type { AccountAssignmentModel } from '../identity-center';
import { renameChainEnd } from '../managed-changes';
import { canonicalJson } from '../policy-packing';
import type { LandingZoneModel } from '../types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface AssignmentRef {
  readonly principal: string;
  readonly permissionSet: string;
}

export interface AccountAccessChange {
  readonly account: string;
  readonly added: readonly AssignmentRef[];
  readonly removed: readonly AssignmentRef[];
}

export interface AccessDiff {
  readonly permissionSetsAdded: readonly string[];
  readonly permissionSetsRemoved: readonly string[];
  /** Permission sets whose policies, session duration or other settings changed. */
  readonly permissionSetsChanged: readonly string[];
  /** Assignments expanded from OU targets, per account (head keys), sorted. */
  readonly accounts: readonly AccountAccessChange[];
}

const principalOf = (a: AccountAssignmentModel) => `${a.principalType === 'GROUP' ? 'group' : 'user'} ${a.principalKey}`;

/** Identity Center: permission sets and the (principal, permission set) pairs each account gains or loses. */
export function diffAccess(base: LandingZoneModel, head: LandingZoneModel): AccessDiff {
  const renamed = renameChainEnd(head.managedChanges?.renamedAccounts ?? []);
  const headKeys = new Set(head.accounts.map((a) => a.key));
  const inHead = (key: string) => (headKeys.has(key) ? key : renamed(key));
  const baseSets = new Map((base.identityCenter?.permissionSets ?? []).map((p) => [p.key, canonicalJson(p)]));
  const headSets = new Map((head.identityCenter?.permissionSets ?? []).map((p) => [p.key, canonicalJson(p)]));

  const byAccount = new Map<string, { added: Map<string, AssignmentRef>; removed: Map<string, AssignmentRef> }>();
  const entry = (account: string) => {
    if (!byAccount.has(account)) byAccount.set(account, { added: new Map(), removed: new Map() });
    return byAccount.get(account)!;
  };
  const keyOf = (account: string, a: AccountAssignmentModel) => `${account}\u0000${principalOf(a)}\u0000${a.permissionSetKey}`;
  const before = new Map((base.identityCenter?.assignments ?? []).map((a) => [keyOf(inHead(a.accountKey), a), { account: inHead(a.accountKey), a }]));
  const after = new Map((head.identityCenter?.assignments ?? []).map((a) => [keyOf(a.accountKey, a), { account: a.accountKey, a }]));
  for (const [k, { account, a }] of after) if (!before.has(k)) entry(account).added.set(k, { principal: principalOf(a), permissionSet: a.permissionSetKey });
  for (const [k, { account, a }] of before) if (!after.has(k)) entry(account).removed.set(k, { principal: principalOf(a), permissionSet: a.permissionSetKey });

  const sortRefs = (m: Map<string, AssignmentRef>) => [...m.values()].sort((x, y) => byString(x.principal, y.principal) || byString(x.permissionSet, y.permissionSet));
  return {
    permissionSetsAdded: [...headSets.keys()].filter((k) => !baseSets.has(k)).sort(byString),
    permissionSetsRemoved: [...baseSets.keys()].filter((k) => !headSets.has(k)).sort(byString),
    permissionSetsChanged: [...headSets.keys()].filter((k) => baseSets.has(k) && baseSets.get(k) !== headSets.get(k)).sort(byString),
    accounts: [...byAccount.keys()].sort(byString).map((account) => ({ account, added: sortRefs(byAccount.get(account)!.added), removed: sortRefs(byAccount.get(account)!.removed) })),
  };
}
