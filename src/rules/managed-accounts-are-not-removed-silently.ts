import { error, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import { accountsStillDeclared } from '../model/managed-changes';
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
        name in (record.released?.accounts ?? {}) || (record.released?.organizationalUnits.includes(name) ?? false));
    for (const name of confirmations.allowRemovals)
      if (!recorded(name))
        findings.push(error(this.code, [], `\`--allow-removal ${name}\` names no account key or OU path recorded in ${LOCK_FILE_NAME}.`,
          `Use the key or path exactly as ${LOCK_FILE_NAME} lists it under \`managed\`, or drop the option.`));
    if (!record) return findings;
    const declared = accountsStillDeclared(config);
    const claimed = new Set(Object.values(config.accounts).map((a) => a.formerKey).filter((k) => k !== undefined));
    for (const key of Object.keys(record.accounts).sort()) {
      if (declared.has(key) || key in config.removed.accounts || confirmations.allowRemovals.includes(key)) continue;
      const { id, email } = record.accounts[key]!;
      // A new entry with the removed account's email is most likely that account, renamed.
      const renamed = Object.keys(config.accounts).sort().find((k) => !(k in record.accounts) && !claimed.has(k) && config.accounts[k]!.formerKey === undefined
        && config.accounts[k]!.email.trim().toLowerCase() === email.trim().toLowerCase());
      const release = `To release it (it stays open in AWS), add \`removed: { accounts: { ${key}: { reason: ... } } }\` or run with \`--allow-removal ${key}\`.`;
      findings.push(error(this.code, ['accounts'],
        `The account \`${key}\`${id ? ` (${id})` : ''} is in ${LOCK_FILE_NAME} but no longer in accounts; the plan would take it out of Terraform's management without anyone confirming it.`,
        renamed !== undefined
          ? `The new account \`${renamed}\` has its email (${email}): if it is \`${key}\` renamed, add \`formerKey: ${key}\` to accounts.${renamed}. ${release}`
          : `If it was renamed, add \`formerKey: ${key}\` to the new entry. ${release}`, true));
    }
    return findings;
  },
};
