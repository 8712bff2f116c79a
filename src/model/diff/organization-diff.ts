import { renameChainEnd } from '../managed-changes';
import type { AccountModel, LandingZoneModel } from '../types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A value before and after: what changed on an account or OU that exists in both versions. */
export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

export interface TagChanges {
  /** Added or changed tags with their new value, by key. */
  readonly set: Readonly<Record<string, string>>;
  /** Tag keys that are gone. */
  readonly unset: readonly string[];
}

export interface AccountChange {
  /** The key in the head version. */
  readonly key: string;
  /** The key in the base version, when the key was renamed (`formerKey`). */
  readonly formerKey?: string;
  readonly ou?: Change<string>;
  readonly name?: Change<string>;
  readonly email?: Change<string>;
  readonly id?: Change<string | undefined>;
  readonly tags?: TagChanges;
}

export interface OrganizationDiff {
  readonly ousAdded: readonly string[];
  /** OU paths of the base that the head no longer declares, with the reason when the removal is confirmed. */
  readonly ousRemoved: readonly { readonly path: string; readonly released?: string }[];
  readonly ousRenamed: readonly Change<string>[];
  readonly ouTagsChanged: readonly { readonly path: string; readonly tags: TagChanges }[];
  readonly ouNamesChanged: readonly { readonly path: string; readonly name: Change<string> }[];
  readonly accountsAdded: readonly { readonly key: string; readonly ou: string; readonly adopted: boolean }[];
  /** Accounts of the base that the head no longer declares; `released` holds the confirmed reason. */
  readonly accountsRemoved: readonly { readonly key: string; readonly ou: string; readonly released?: string }[];
  readonly accountsChanged: readonly AccountChange[];
}

export function tagChanges(from: Readonly<Record<string, string>>, to: Readonly<Record<string, string>>): TagChanges | undefined {
  const set: Record<string, string> = {};
  for (const k of Object.keys(to).sort(byString)) if (from[k] !== to[k]) set[k] = to[k]!;
  const unset = Object.keys(from).filter((k) => !(k in to)).sort(byString);
  return Object.keys(set).length > 0 || unset.length > 0 ? { set, unset } : undefined;
}

function change<T>(from: T, to: T): { from: T; to: T } | undefined {
  return from === to ? undefined : { from, to };
}

/** Maps a base OU path to the head path it is called by, following declared renames of it or an ancestor. */
function ouPathInHead(head: LandingZoneModel): (path: string) => string {
  return renameChainEnd(head.managedChanges?.renamedOus ?? []);
}

/** OUs and accounts added, removed (released or not), renamed, moved, and their names, emails and tags. */
export function diffOrganization(base: LandingZoneModel, head: LandingZoneModel): OrganizationDiff {
  const headOuPath = ouPathInHead(head);
  const headOus = new Map(head.ous.map((o) => [o.path, o]));
  const baseOuPaths = new Set(base.ous.map((o) => o.path));
  const reachedFromBase = new Set<string>();
  const releasedOus = new Map((head.managedChanges?.removedOus ?? []).map((r) => [r.path, r.reason]));

  const ousRemoved: { path: string; released?: string }[] = [];
  const ousRenamed: Change<string>[] = [];
  const ouTagsChanged: { path: string; tags: TagChanges }[] = [];
  const ouNamesChanged: { path: string; name: Change<string> }[] = [];
  for (const ou of base.ous) {
    const path = headOus.has(ou.path) ? ou.path : headOuPath(ou.path);
    const there = headOus.get(path);
    if (!there) {
      ousRemoved.push({ path: ou.path, ...(releasedOus.has(ou.path) ? { released: releasedOus.get(ou.path)! } : {}) });
      continue;
    }
    reachedFromBase.add(path);
    if (path !== ou.path && !baseOuPaths.has(path)) ousRenamed.push({ from: ou.path, to: path });
    const tags = tagChanges(ou.tags, there.tags);
    if (tags) ouTagsChanged.push({ path, tags });
    const name = change(ou.name, there.name);
    if (name) ouNamesChanged.push({ path, name });
  }
  const ousAdded = head.ous.map((o) => o.path).filter((p) => !reachedFromBase.has(p));

  const headAccountKey = renameChainEnd(head.managedChanges?.renamedAccounts ?? []);
  const headAccounts = new Map(head.accounts.map((a) => [a.key, a]));
  const released = new Map((head.managedChanges?.removedAccounts ?? []).map((r) => [r.key, r.reason]));
  const matched = new Set<string>();
  const accountsRemoved: { key: string; ou: string; released?: string }[] = [];
  const accountsChanged: AccountChange[] = [];
  for (const a of base.accounts) {
    const key = headAccounts.has(a.key) ? a.key : headAccountKey(a.key);
    const there = headAccounts.get(key);
    if (!there) {
      accountsRemoved.push({ key: a.key, ou: a.ouPath, ...(released.has(a.key) ? { released: released.get(a.key)! } : {}) });
      continue;
    }
    matched.add(key);
    const c = accountChange(a, there, headOuPath);
    if (c) accountsChanged.push(c);
  }
  const accountsAdded = head.accounts.filter((a) => !matched.has(a.key)).map((a) => ({ key: a.key, ou: a.ouPath, adopted: a.id !== undefined }));
  return { ousAdded, ousRemoved, ousRenamed, ouTagsChanged, ouNamesChanged, accountsAdded, accountsRemoved, accountsChanged };
}

function accountChange(a: AccountModel, b: AccountModel, headOuPath: (path: string) => string): AccountChange | undefined {
  // An account whose OU was renamed has not moved: compare with the OU's path in the head.
  const ou = headOuPath(a.ouPath) === b.ouPath ? undefined : change(a.ouPath, b.ouPath);
  const name = change(a.name, b.name);
  const email = change(a.email, b.email);
  const id = change(a.id, b.id);
  const tags = tagChanges(a.tags, b.tags);
  if (a.key === b.key && !ou && !name && !email && !id && !tags) return undefined;
  return {
    key: b.key,
    ...(a.key !== b.key ? { formerKey: a.key } : {}),
    ...(ou ? { ou } : {}),
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(id ? { id } : {}),
    ...(tags ? { tags } : {}),
  };
}
