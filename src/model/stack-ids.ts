import type { ManagedRecord } from '../config/managed-record';
import type { OrgConfig } from '../config/schema';
import type { AccountRemoval, OptionalStack } from './managed-changes';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ids that per-account stack names may not take: `network-hub` is the organization-wide hub, so
 * no account's network stack may be called that.
 */
const RESERVED_STACK_IDS = new Set(['hub']);

/**
 * The stack id of every account, current and released: the name part of its `account-<id>`,
 * `access-<id>`, `network-<id>` (and `bootstrap-<id>`) stacks. A stack's name is the address of its
 * state, so an account keeps the id it was first given: a `formerKey` rename keeps the id recorded
 * for the former key (or the former key itself when nothing is recorded yet), and a new account
 * whose key matches an id already given (a key freed by a rename, say) gets a numbered one.
 */
export function assignStackIds(config: OrgConfig, record: ManagedRecord | undefined, released: readonly AccountRemoval[]): Map<string, string> {
  const management = config.organization.managementAccount;
  const ids = new Map<string, string>();
  const taken = new Set<string>(RESERVED_STACK_IDS);
  const keep = (key: string, id: string) => {
    ids.set(key, id);
    taken.add(id);
  };

  // Ids the record already gave: released accounts hold theirs, their stacks still carry `removed` blocks.
  for (const r of released) {
    const id = record?.released?.accounts[r.key]?.stack ?? record?.accounts[r.key]?.stack;
    if (id !== undefined) keep(r.key, id);
  }
  const keys = Object.keys(config.accounts).sort(byString);
  const recorded = (key: string): string | undefined => {
    if (key === management) return record?.managementStack;
    const formerKey = config.accounts[key]!.formerKey;
    // A released account declared again comes back to its own stacks.
    return record?.accounts[key]?.stack ?? (formerKey !== undefined ? record?.accounts[formerKey]?.stack : undefined) ?? record?.released?.accounts[key]?.stack;
  };
  for (const key of keys) {
    const id = recorded(key);
    if (id !== undefined && !taken.has(id)) keep(key, id);
  }

  const fresh = (base: string) => {
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  };
  // Before any record exists, a renamed account's stacks were named after its former key.
  const unrecorded = [
    ...released.filter((r) => !ids.has(r.key)).map((r) => ({ key: r.key, base: r.key })),
    ...keys.filter((key) => !ids.has(key)).map((key) => ({ key, base: key === management ? key : (config.accounts[key]!.formerKey ?? key) })),
  ];
  for (const { key, base } of unrecorded.filter((u) => u.base !== u.key)) keep(key, fresh(base));
  for (const { key, base } of unrecorded.filter((u) => u.base === u.key)) keep(key, fresh(base));
  return ids;
}

/**
 * Which optional stacks each current account has: those it needs now (assignments, VPCs, a baseline), and
 * those the record says were written before, while the section that builds them still exists. A
 * state whose stack is no longer written is never planned again, so an account that lost its
 * last assignment would keep it in AWS; keeping the stack plans its removal instead.
 */
export function optionalStacksOf(
  config: OrgConfig,
  record: ManagedRecord | undefined,
  needs: { readonly access: ReadonlySet<string>; readonly network: ReadonlySet<string>; readonly baseline: ReadonlySet<string> },
): Map<string, OptionalStack[]> {
  const management = config.organization.managementAccount;
  const out = new Map<string, OptionalStack[]>();
  for (const key of Object.keys(config.accounts).sort(byString)) {
    const formerKey = config.accounts[key]!.formerKey;
    const recorded = key === management
      ? record?.managementStacks ?? []
      : record?.accounts[key]?.stacks ?? (formerKey !== undefined ? record?.accounts[formerKey]?.stacks : undefined) ?? [];
    const kinds: OptionalStack[] = [];
    if (config.identityCenter && (needs.access.has(key) || recorded.includes('access'))) kinds.push('access');
    if (config.network && (needs.network.has(key) || recorded.includes('network'))) kinds.push('network');
    if (config.baseline && (needs.baseline.has(key) || recorded.includes('baseline'))) kinds.push('baseline');
    out.set(key, kinds);
  }
  return out;
}
