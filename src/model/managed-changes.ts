import { LOCK_FILE_NAME } from '../config/lock-file';
import type { ChangeConfirmations, ManagedRecord } from '../config/managed-record';
import type { OrgConfig } from '../config/schema';
import type { OrganizationalUnitInput } from '../config/schema/organization';
import { ROOT } from './org-tree';
import type { Redeclaration } from './redeclarations';
import { currentAttachments, readoptedAttachments, releasedAttachments, type ReadoptedAttachment } from './released-attachments';

function sortedEntries<T>(record: Readonly<Record<string, T>> | undefined): Array<[string, T]> {
  return Object.entries(record ?? {}).sort(([a], [b]) => byString(a, b));
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Per-account stacks that exist only for some accounts: `access-<id>` (assignments), `network-<id>` (VPCs), `baseline-<id>` (the account baseline). */
export type OptionalStack = 'access' | 'network' | 'baseline';

/** An address change: the resource keeps its identity in AWS and in Terraform's state. */
export interface Rename {
  readonly from: string;
  readonly to: string;
}

export interface AccountRemoval {
  readonly key: string;
  readonly id?: string;
  /** From `removed.accounts.<key>.reason`, or the command-line confirmation. */
  readonly reason: string;
}

export interface OuRemoval {
  readonly path: string;
  readonly reason: string;
}

/**
 * How org.yaml changed against the record of the last synth, in Terraform terms: confirmed
 * removals become `removed` blocks (destroy = false), renames become `moved` blocks.
 */
export interface ManagedChangesModel {
  readonly removedAccounts: readonly AccountRemoval[];
  readonly removedOus: readonly OuRemoval[];
  /** Account keys: `from` is the former key; chains (a -> b, b -> c) when renamed more than once. */
  readonly renamedAccounts: readonly Rename[];
  /** OU paths, descendants of a renamed OU included; chains as for accounts. */
  readonly renamedOus: readonly Rename[];
  /** Policy keys still attached in AWS to each released target (`ou:<path>`, `account:<key>`). */
  readonly releasedAttachments: Readonly<Record<string, readonly string[]>>;
  /** Policy keys confirmed as detached outside lz from each released target: their attachments only leave the state. */
  readonly detachedAttachments: Readonly<Record<string, readonly string[]>>;
  /** Attachments of released targets declared again, with their policies: imported, not attached twice. */
  readonly readoptedAttachments: readonly ReadoptedAttachment[];
}

export interface CurrentOu {
  readonly path: string;
  /** The path this OU had before renames of it or of an ancestor; equals `path` when nothing changed. */
  readonly formerPath: string;
  readonly yamlPath: readonly (string | number)[];
}

/** Every OU of org.yaml with the path it had before any declared `formerKey` rename, sorted by path. */
export function ousWithFormerPaths(tree: Readonly<Record<string, OrganizationalUnitInput>> | undefined): CurrentOu[] {
  const out: CurrentOu[] = [];
  const walk = (children: Readonly<Record<string, OrganizationalUnitInput>>, parent: string, formerParent: string, yamlPath: readonly (string | number)[]) => {
    for (const key of Object.keys(children).sort(byString)) {
      const ou = children[key]!;
      const path = parent === ROOT ? key : `${parent}/${key}`;
      const former = ou.formerKey ?? key;
      const formerPath = formerParent === ROOT ? former : `${formerParent}/${former}`;
      const here = [...yamlPath, key];
      out.push({ path, formerPath, yamlPath: here });
      if (ou.children) walk(ou.children, path, formerPath, [...here, 'children']);
    }
  };
  walk(tree ?? {}, ROOT, ROOT, ['organizationalUnits']);
  return out.sort((a, b) => byString(a.path, b.path));
}

/** Record account keys that org.yaml still holds, under their key or as a `formerKey`. */
export function accountsStillDeclared(config: OrgConfig): Set<string> {
  const keys = new Set(Object.keys(config.accounts));
  for (const a of Object.values(config.accounts)) if (a.formerKey !== undefined) keys.add(a.formerKey);
  return keys;
}

export function ouPathsStillDeclared(config: OrgConfig): Set<string> {
  const paths = new Set<string>();
  for (const ou of ousWithFormerPaths(config.organizationalUnits)) {
    paths.add(ou.path);
    paths.add(ou.formerPath);
  }
  return paths;
}

/**
 * Builds the removals and renames of a config that passed every rule: those org.yaml and the
 * command line confirm now, and those the record kept from earlier runs while they still apply.
 */
export function buildManagedChanges(
  config: OrgConfig,
  record: ManagedRecord | undefined,
  confirmations: ChangeConfirmations,
  redeclared: readonly Redeclaration[] = [],
): ManagedChangesModel {
  const declaredAccounts = accountsStillDeclared(config);
  const declaredOus = ouPathsStillDeclared(config);

  const removedAccounts = new Map<string, AccountRemoval>();
  const releaseAccount = (key: string, reason: string, id: string | undefined) => {
    if (!declaredAccounts.has(key) && !removedAccounts.has(key)) removedAccounts.set(key, { key, ...(id !== undefined ? { id } : {}), reason });
  };
  for (const [key, entry] of sortedEntries(config.removed.accounts)) releaseAccount(key, entry.reason, entry.id ?? record?.accounts[key]?.id ?? record?.released?.accounts[key]?.id);
  for (const name of confirmations.allowRemovals) if (record?.accounts[name]) releaseAccount(name, 'confirmed with --allow-removal', record.accounts[name].id);
  for (const [key, entry] of sortedEntries(record?.released?.accounts)) releaseAccount(key, `released earlier (${LOCK_FILE_NAME})`, entry.id);

  const removedOus = new Map<string, OuRemoval>();
  const releaseOu = (path: string, reason: string) => {
    if (!declaredOus.has(path) && !removedOus.has(path)) removedOus.set(path, { path, reason });
  };
  for (const [path, entry] of sortedEntries(config.removed.organizationalUnits)) releaseOu(path, entry.reason);
  for (const name of confirmations.allowRemovals) if (record?.organizationalUnits.includes(name)) releaseOu(name, 'confirmed with --allow-removal');
  for (const path of record?.released?.organizationalUnits ?? []) releaseOu(path, `released earlier (${LOCK_FILE_NAME})`);

  const accountRenames = Object.entries(config.accounts)
    .filter(([key, a]) => a.formerKey !== undefined && a.formerKey !== key && key !== config.organization.managementAccount)
    .map(([key, a]) => ({ from: a.formerKey!, to: key }));
  const ouRenames = ousWithFormerPaths(config.organizationalUnits)
    .filter((ou) => ou.formerPath !== ou.path)
    .map((ou) => ({ from: ou.formerPath, to: ou.path }));

  const released = [
    ...[...removedAccounts.keys()].map((key) => ({ kind: 'account' as const, key })),
    ...[...removedOus.keys()].map((path) => ({ kind: 'ou' as const, path })),
  ];
  const attachments = releasedAttachments(record, released, confirmations);
  return {
    removedAccounts: [...removedAccounts.values()].sort((a, b) => byString(a.key, b.key)),
    removedOus: [...removedOus.values()].sort((a, b) => byString(a.path, b.path)),
    releasedAttachments: attachments.kept,
    detachedAttachments: attachments.detached,
    readoptedAttachments: readoptedAttachments(config, record, redeclared).imported,
    renamedAccounts: withHistory(accountRenames, record?.renamed?.accounts ?? [], new Set(Object.keys(config.accounts))),
    renamedOus: withHistory(ouRenames, record?.renamed?.organizationalUnits ?? [], new Set(ousWithFormerPaths(config.organizationalUnits).map((ou) => ou.path))),
  };
}

/** Follows renames from a key to the key it is called today (a cycle stops where it closes). */
export function renameChainEnd(renames: readonly Rename[]): (key: string) => string {
  const next = new Map(renames.map((r) => [r.from, r.to]));
  return (key) => {
    const seen = new Set<string>();
    let at = key;
    while (next.has(at) && !seen.has(at)) {
      seen.add(at);
      at = next.get(at)!;
    }
    return at;
  };
}

/**
 * Today's renames plus the recorded ones that still lead somewhere: a recorded rename is dropped
 * when its former key is in use again, when its chain no longer ends at a declared key, or when
 * today's renames already move from or to the same address (Terraform allows one of each).
 */
function withHistory(current: readonly Rename[], recorded: readonly Rename[], declared: ReadonlySet<string>): Rename[] {
  const endOf = renameChainEnd([...recorded, ...current]);
  const froms = new Set(current.map((r) => r.from));
  const tos = new Set(current.map((r) => r.to));
  const kept = recorded.filter((r) => !declared.has(r.from) && !froms.has(r.from) && !tos.has(r.to) && declared.has(endOf(r.to)));
  const unique = new Map([...kept, ...current].map((r) => [`${r.from}\u0000${r.to}`, r]));
  return [...unique.values()].sort((a, b) => byString(a.to, b.to) || byString(a.from, b.from));
}

/**
 * The record the next synth writes: member accounts with their email (and id: from org.yaml, or
 * carried over from the record across a rename), every OU path, and the removals and renames
 * that must keep their `removed` and `moved` blocks.
 */
export function buildManagedRecord(
  config: OrgConfig,
  previous: ManagedRecord | undefined,
  changes: ManagedChangesModel,
  stackIds: ReadonlyMap<string, string>,
  optionalStacks: ReadonlyMap<string, readonly OptionalStack[]>,
): ManagedRecord {
  const accounts: ManagedRecord['accounts'] = {};
  for (const key of Object.keys(config.accounts).sort(byString)) {
    if (key === config.organization.managementAccount) continue;
    const a = config.accounts[key]!;
    const id = a.id ?? previous?.accounts[key]?.id ?? (a.formerKey !== undefined ? previous?.accounts[a.formerKey]?.id : undefined);
    const stack = stackIds.get(key);
    const stacks = optionalStacks.get(key) ?? [];
    accounts[key] = { email: a.email, ...(id !== undefined ? { id } : {}), ...(stack !== undefined ? { stack } : {}), ...(stacks.length > 0 ? { stacks: [...stacks] } : {}) };
  }
  const current = ousWithFormerPaths(config.organizationalUnits);
  const previousOuIds = previous?.organizationalUnitIds ?? {};
  const ouIds: Record<string, string> = {};
  for (const ou of current) {
    const id = ouIdAt(config.organizationalUnits, ou.path) ?? previousOuIds[ou.path] ?? previousOuIds[ou.formerPath];
    if (id !== undefined) ouIds[ou.path] = id;
  }
  for (const r of changes.removedOus) if (previousOuIds[r.path] !== undefined) ouIds[r.path] = previousOuIds[r.path]!;
  const managementKey = config.organization.managementAccount;
  const managementStack = stackIds.get(managementKey);
  const managementStacks = optionalStacks.get(managementKey) ?? [];
  const record: { -readonly [K in keyof ManagedRecord]: ManagedRecord[K] } = {
    accounts,
    organizationalUnits: current.map((ou) => ou.path),
    ...(Object.keys(ouIds).length > 0 ? { organizationalUnitIds: ouIds } : {}),
    ...(managementStack !== undefined ? { managementStack } : {}),
    ...(managementStacks.length > 0 ? { managementStacks: [...managementStacks] } : {}),
  };
  const attachments = currentAttachments(config);
  if (Object.keys(attachments).length > 0) record.attachments = attachments;
  const releasedWith = Object.keys(changes.releasedAttachments).length > 0 ? { attachments: sortedCopy(changes.releasedAttachments) } : {};
  const released = {
    accounts: Object.fromEntries(changes.removedAccounts.map((r) => {
      const stack = stackIds.get(r.key);
      return [r.key, { ...(r.id !== undefined ? { id: r.id } : {}), ...(stack !== undefined ? { stack } : {}) }];
    })),
    organizationalUnits: changes.removedOus.map((r) => r.path),
    ...releasedWith,
  };
  const renamed = { accounts: [...changes.renamedAccounts], organizationalUnits: [...changes.renamedOus] };
  return {
    ...record,
    ...(released.organizationalUnits.length > 0 || changes.removedAccounts.length > 0 ? { released } : {}),
    ...(renamed.accounts.length > 0 || renamed.organizationalUnits.length > 0 ? { renamed } : {}),
  };
}

/** The `id` org.yaml gives the OU at `path`, if any. */
export function ouIdAt(tree: Readonly<Record<string, OrganizationalUnitInput>>, path: string): string | undefined {
  let node: OrganizationalUnitInput | undefined;
  let children: Readonly<Record<string, OrganizationalUnitInput>> | undefined = tree;
  for (const key of path.split('/')) {
    node = children?.[key];
    children = node?.children;
  }
  return node?.id;
}

function sortedCopy(map: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(map).sort(byString).map((k) => [k, [...map[k]!]]));
}
