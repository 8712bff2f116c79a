import { error, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import { accountsStillDeclared } from '../model/managed-changes';
import { POLICY_CONFIRMATION_PREFIX } from '../model/released-attachments';
import type { Rule } from './rule';

/**
 * An account that disappears from org.yaml would disappear from Terraform's configuration, and
 * the plan would remove it from the organization. Only an explicit confirmation releases it.
 */
export const managedAccountsAreNotRemovedSilently: Rule = {
  code: 'LZ0801',
  name: 'managed-accounts-are-not-removed-silently',
  check({ config, previousLock, confirmations }) {
    const { record } = readManagedRecord(previousLock);
    const findings: Finding[] = [];
    // A mistyped confirmation must not pass unnoticed while the removal it meant stays blocked.
    const recorded = (name: string) =>
      record !== undefined &&
      (name in record.accounts || record.organizationalUnits.includes(name) ||
        name in (record.released?.accounts ?? {}) || (record.released?.organizationalUnits.includes(name) ?? false) || recordedPolicy(name));
    const recordedPolicy = (name: string) =>
      name.startsWith(POLICY_CONFIRMATION_PREFIX) &&
      Object.values({ ...record?.attachments, ...record?.released?.attachments }).some((keys) => keys.includes(name.slice(POLICY_CONFIRMATION_PREFIX.length)));
    for (const name of confirmations.allowRemovals)
      if (!recorded(name))
        findings.push(error(this.code, [], `\`--allow-removal ${name}\` names no account key, OU path or attached policy (policies.<key>) recorded in ${LOCK_FILE_NAME}.`,
          `Use the key or path exactly as ${LOCK_FILE_NAME} lists it under \`managed\`, or drop the option.`));
    if (!record) return findings;
    const declared = accountsStillDeclared(config);
    for (const key of Object.keys(record.accounts).sort()) {
      if (declared.has(key) || key in config.removed.accounts || confirmations.allowRemovals.includes(key)) continue;
      const id = record.accounts[key]!.id;
      findings.push(error(this.code, ['accounts'],
        `The account \`${key}\`${id ? ` (${id})` : ''} is in ${LOCK_FILE_NAME} but no longer in org.yaml; the plan would take it out of Terraform's management without anyone confirming it.`,
        `If it was renamed, add \`formerKey: ${key}\` to the new entry. To release it (it stays open in AWS), add \`removed: { accounts: { ${key}: { reason: ... } } }\` or run with \`--allow-removal ${key}\`.`));
    }
    return findings;
  },
};
