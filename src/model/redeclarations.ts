import type { LockFile } from '../config/lock-file';
import { readManagedRecord, type ManagedRecord } from '../config/managed-record';
import type { OrgConfig } from '../config/schema';
import type { OrganizationalUnitInput } from '../config/schema/organization';
import type { YamlPath } from '../config/diagnostics';
import { ouIdAt, ousWithFormerPaths } from './managed-changes';

/**
 * An account or OU that the record lists as released (it left Terraform's state and still exists
 * in AWS) and that org.yaml declares again, under its key or as a `formerKey`. Declared without
 * its id, it would be created a second time; with the id, it is imported.
 */
export interface Redeclaration {
  readonly kind: 'account' | 'ou';
  /** The account key or OU path org.yaml declares it under today. */
  readonly name: string;
  /** The key or path it was released under. */
  readonly releasedAs: string;
  /** The id the record holds for it: known for entities adopted by id, unknown for those lz created. */
  readonly recordedId?: string;
  /** The id org.yaml gives it, if any. */
  readonly declaredId?: string;
  readonly yamlPath: YamlPath;
}

/** Every released account and OU that org.yaml declares again, accounts by key, then OUs by path. */
export function redeclarations(config: OrgConfig, record: ManagedRecord | undefined): Redeclaration[] {
  const released = record?.released;
  if (released === undefined) return [];
  const out: Redeclaration[] = [];
  for (const key of Object.keys(config.accounts).sort()) {
    const account = config.accounts[key]!;
    const releasedAs = [key, account.formerKey].find((k) => k !== undefined && k in released.accounts);
    if (releasedAs === undefined || key === config.organization.managementAccount) continue;
    const recordedId = released.accounts[releasedAs]!.id;
    out.push({ kind: 'account', name: key, releasedAs, ...ids(recordedId, account.id), yamlPath: ['accounts', key] });
  }
  const releasedOus = new Set(released.organizationalUnits);
  for (const ou of ousWithFormerPaths(config.organizationalUnits)) {
    const releasedAs = [ou.path, ou.formerPath].find((p) => releasedOus.has(p));
    if (releasedAs === undefined) continue;
    const declaredId = ouIdAt(config.organizationalUnits, ou.path);
    out.push({ kind: 'ou', name: ou.path, releasedAs, ...ids(record?.organizationalUnitIds?.[releasedAs], declaredId), yamlPath: ou.yamlPath });
  }
  return out;
}

/**
 * org.yaml as the model sees it: a released account or OU declared again without an id gets the
 * id the record holds, so it is adopted (an `import` block wherever its stack puts it) and treated
 * as existing everywhere else (no quarantine, literal ids for its providers). A rule refuses the
 * re-declarations whose id the record does not know.
 */
export function withRecordedIds(config: OrgConfig, lock: LockFile): OrgConfig {
  const found = redeclarations(config, readManagedRecord(lock).record).filter((r) => r.declaredId === undefined && r.recordedId !== undefined);
  if (found.length === 0) return config;
  const accounts = { ...config.accounts };
  const ouIds = new Map<string, string>();
  for (const r of found) {
    if (r.kind === 'account') accounts[r.name] = { ...accounts[r.name]!, id: r.recordedId! };
    else ouIds.set(r.name, r.recordedId!);
  }
  return { ...config, accounts, organizationalUnits: withOuIds(config.organizationalUnits, ouIds, '') };
}

function ids(recordedId: string | undefined, declaredId: string | undefined) {
  return { ...(recordedId !== undefined ? { recordedId } : {}), ...(declaredId !== undefined ? { declaredId } : {}) };
}

function withOuIds(tree: Readonly<Record<string, OrganizationalUnitInput>>, ids: ReadonlyMap<string, string>, parent: string): Record<string, OrganizationalUnitInput> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, ou]) => {
      const path = parent === '' ? key : `${parent}/${key}`;
      const id = ids.get(path);
      return [key, { ...ou, ...(id !== undefined ? { id } : {}), ...(ou.children !== undefined ? { children: withOuIds(ou.children, ids, path) } : {}) }];
    }),
  );
}
