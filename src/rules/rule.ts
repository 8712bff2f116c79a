import type { Finding } from '../config/diagnostics';
import { EMPTY_LOCK, type LockFile } from '../config/lock-file';
import { NO_CONFIRMATIONS, type ChangeConfirmations } from '../config/managed-record';
import type { PolicyFileStatements } from '../config/policy-files';
import type { OrgConfig } from '../config/schema';
import type { PolicyStatement } from '../config/schema/common';
import { flattenOus, type OuNode } from '../model/org-tree';
import { policyStatements } from '../model/policy-sources';

/** What every rule may look at: the parsed config and a few indexes computed once. */
export interface RuleContext {
  readonly config: OrgConfig;
  readonly ous: readonly OuNode[];
  readonly ouByPath: ReadonlyMap<string, OuNode>;
  /** The statements of a policy, inline, from its file or its guardrail; undefined when none could be read. */
  statementsOf(policyKey: string): readonly PolicyStatement[] | undefined;
  /** Statements read from policy files, by policy key. */
  readonly files: PolicyFileStatements;
  /** The record of earlier runs (lz.lock.json next to org.yaml); empty when there is none. */
  readonly previousLock: LockFile;
  /** The inline policy statements of a permission set, from org.yaml or its file; undefined when it has none or the file could not be read. */
  inlinePolicyOf(permissionSetKey: string): readonly PolicyStatement[] | undefined;
  /** Removals and email changes confirmed on the command line. */
  readonly confirmations: ChangeConfirmations;
}

/** A semantic rule: one assertion about org.yaml, with a stable code. */
export interface Rule {
  readonly code: string;
  /** The assertion the rule makes, in kebab-case (`account-emails-are-unique`). */
  readonly name: string;
  check(context: RuleContext): Finding[];
}

export function makeRuleContext(
  config: OrgConfig,
  files: PolicyFileStatements,
  previousLock: LockFile = EMPTY_LOCK,
  inlinePolicyFiles: PolicyFileStatements = new Map(),
  confirmations: ChangeConfirmations = NO_CONFIRMATIONS,
): RuleContext {
  const ous = flattenOus(config.organizationalUnits);
  return {
    config,
    ous,
    ouByPath: new Map(ous.map((ou) => [ou.path, ou])),
    statementsOf: (key) => policyStatements(config, files, key),
    files,
    previousLock,
    inlinePolicyOf: (key) => config.identityCenter?.permissionSets[key]?.inlinePolicy?.statements ?? inlinePolicyFiles.get(key),
    confirmations,
  };
}

/** Entries of a keyed map in key order, so findings come out in a stable order. */
export function sortedEntries<T>(record: Readonly<Record<string, T>> | undefined): Array<[string, T]> {
  return Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
