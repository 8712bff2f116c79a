import { error, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import { emailProblem } from './account-emails-are-valid';
import { sortedEntries, type Rule } from './rule';

/**
 * aws_organizations_account replaces the account when `email` changes: the existing account would
 * be removed from the organization and a new one created. The root email is changed in AWS instead.
 */
export const managedAccountEmailsDoNotChange: Rule = {
  code: 'LZ0803',
  name: 'managed-account-emails-do-not-change',
  check({ config, previousLock, confirmations }) {
    const { record } = readManagedRecord(previousLock);
    const findings: Finding[] = [];
    for (const key of confirmations.acceptEmailChanges)
      if (!(key in config.accounts))
        findings.push(error(this.code, ['accounts'], `\`--accept-email-change ${key}\` names no account in org.yaml.`, 'Use the account\'s key in `accounts`, or drop the option.'));
    if (!record) return findings;
    for (const [key, account] of sortedEntries(config.accounts)) {
      // An address AWS would refuse is reported as such (LZ0107), not also as a change.
      if (emailProblem(account.email) !== undefined) continue;
      const recorded = record.accounts[key] ?? (account.formerKey !== undefined ? record.accounts[account.formerKey] : undefined);
      if (!recorded || recorded.email.toLowerCase() === account.email.toLowerCase() || confirmations.acceptEmailChanges.includes(key)) continue;
      findings.push(error(this.code, ['accounts', key, 'email'],
        `The email changed from "${recorded.email}" (${LOCK_FILE_NAME}) to "${account.email}"; Terraform cannot change an account's root email and would replace the account instead.`,
        `Put back "${recorded.email}". To change it, update the root user email in AWS first (console, or the Account Management API StartPrimaryEmailUpdate), then set the new email here and run \`lz synth --accept-email-change ${key}\`.`));
    }
    return findings;
  },
};
