import { error, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import { ouPathsStillDeclared } from '../model/managed-changes';
import type { Rule } from './rule';

/** An OU that disappears from org.yaml would be deleted by the plan, with the SCPs attached to it. */
export const managedOusAreNotRemovedSilently: Rule = {
  code: 'LZ0802',
  name: 'managed-ous-are-not-removed-silently',
  check({ config, ouByPath, previousLock, confirmations }) {
    const { record } = readManagedRecord(previousLock);
    if (!record) return [];
    const declared = ouPathsStillDeclared(config);
    const findings: Finding[] = [];
    for (const path of [...record.organizationalUnits].sort()) {
      if (declared.has(path) || path in config.removed.organizationalUnits || confirmations.allowRemovals.includes(path)) continue;
      const key = path.split('/').pop()!;
      // Point at the mapping that lost the entry: the children of the nearest OU still declared.
      const parts = path.split('/');
      let parent: string | undefined;
      for (let i = parts.length - 1; i > 0 && parent === undefined; i--) if (ouByPath.has(parts.slice(0, i).join('/'))) parent = parts.slice(0, i).join('/');
      const mapping = parent === undefined ? ['organizationalUnits'] : [...ouByPath.get(parent)!.yamlPath, 'children'];
      const where = parent === undefined ? 'organizationalUnits' : `the children of ${parent}`;
      findings.push(error(this.code, mapping,
        `The OU \`${path}\` is in ${LOCK_FILE_NAME} but no longer in ${where}; the plan would delete it without anyone confirming it.`,
        `If it was renamed, add \`formerKey: ${key}\` to the renamed OU. To release it (it stays in AWS), add \`removed: { organizationalUnits: { ${path}: { reason: ... } } }\` or run with \`--allow-removal ${path}\`.`, true));
    }
    return findings;
  },
};
