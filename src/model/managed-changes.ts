import type { ChangeConfirmations, ManagedRecord } from '../config/managed-record';
import type { OrgConfig } from '../config/schema';
import type { OrganizationalUnitInput } from '../config/schema/organization';
import { ROOT } from './org-tree';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  /** Account keys: `from` is the former key. */
  readonly renamedAccounts: readonly Rename[];
  /** OU paths, descendants of a renamed OU included. */
  readonly renamedOus: readonly Rename[];
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
 * Builds the removals and renames of a config that passed every rule. A removal confirmed only
 * on the command line needs the record: that is where the account's id comes from.
 */
export function buildManagedChanges(config: OrgConfig, record: ManagedRecord | undefined, confirmations: ChangeConfirmations): ManagedChangesModel {
  const removedAccounts = new Map<string, AccountRemoval>();
  for (const [key, entry] of Object.entries(config.removed.accounts)) {
    const id = entry.id ?? record?.accounts[key]?.id;
    removedAccounts.set(key, { key, ...(id !== undefined ? { id } : {}), reason: entry.reason });
  }
  const removedOus = new Map<string, OuRemoval>();
  for (const [path, entry] of Object.entries(config.removed.organizationalUnits)) removedOus.set(path, { path, reason: entry.reason });

  const declaredAccounts = accountsStillDeclared(config);
  const declaredOus = ouPathsStillDeclared(config);
  for (const name of confirmations.allowRemovals) {
    const recorded = record?.accounts[name];
    if (recorded && !declaredAccounts.has(name) && !removedAccounts.has(name))
      removedAccounts.set(name, { key: name, ...(recorded.id !== undefined ? { id: recorded.id } : {}), reason: 'confirmed with --allow-removal' });
    if (record?.organizationalUnits.includes(name) && !declaredOus.has(name) && !removedOus.has(name))
      removedOus.set(name, { path: name, reason: 'confirmed with --allow-removal' });
  }

  const renamedAccounts = Object.entries(config.accounts)
    .filter(([key, a]) => a.formerKey !== undefined && a.formerKey !== key && key !== config.organization.managementAccount)
    .map(([key, a]) => ({ from: a.formerKey!, to: key }));
  const renamedOus = ousWithFormerPaths(config.organizationalUnits)
    .filter((ou) => ou.formerPath !== ou.path)
    .map((ou) => ({ from: ou.formerPath, to: ou.path }));

  return {
    removedAccounts: [...removedAccounts.values()].sort((a, b) => byString(a.key, b.key)),
    removedOus: [...removedOus.values()].sort((a, b) => byString(a.path, b.path)),
    renamedAccounts: renamedAccounts.sort((a, b) => byString(a.to, b.to)),
    renamedOus: renamedOus.sort((a, b) => byString(a.to, b.to)),
  };
}

/**
 * The record the next synth writes: member accounts with their email (and id: from org.yaml, or
 * carried over from the record across a rename) and every OU path.
 */
export function buildManagedRecord(config: OrgConfig, previous: ManagedRecord | undefined): ManagedRecord {
  const accounts: ManagedRecord['accounts'] = {};
  for (const key of Object.keys(config.accounts).sort(byString)) {
    if (key === config.organization.managementAccount) continue;
    const a = config.accounts[key]!;
    const id = a.id ?? previous?.accounts[key]?.id ?? (a.formerKey !== undefined ? previous?.accounts[a.formerKey]?.id : undefined);
    accounts[key] = { email: a.email, ...(id !== undefined ? { id } : {}) };
  }
  return { accounts, organizationalUnits: ousWithFormerPaths(config.organizationalUnits).map((ou) => ou.path) };
}
