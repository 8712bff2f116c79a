import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/** AWS requires a distinct root email per account; the second CreateAccount would fail at apply. */
export const accountEmailsAreUnique: Rule = {
  code: 'LZ0102',
  name: 'account-emails-are-unique',
  check({ config }) {
    const firstByEmail = new Map<string, string>();
    const findings: Finding[] = [];
    for (const [key, account] of sortedEntries(config.accounts)) {
      const email = account.email.trim().toLowerCase();
      const first = firstByEmail.get(email);
      if (first === undefined) firstByEmail.set(email, key);
      else
        findings.push(error(this.code, ['accounts', key, 'email'], `The email "${account.email}" is already the root email of account \`${first}\`; AWS requires one per account.`,
          `Give \`${key}\` its own address, e.g. with a plus tag: aws+${key}@example.com.`));
    }
    return findings;
  },
};
