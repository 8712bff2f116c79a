import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/** Two accounts with one name are indistinguishable in the console and in billing. */
export const accountNamesAreUnique: Rule = {
  code: 'LZ0101',
  name: 'account-names-are-unique',
  check({ config }) {
    const firstByName = new Map<string, string>();
    const findings: Finding[] = [];
    for (const [key, account] of sortedEntries(config.accounts)) {
      const name = account.name.trim().toLowerCase();
      const first = firstByName.get(name);
      if (first === undefined) firstByName.set(name, key);
      else
        findings.push(error(this.code, ['accounts', key, 'name'], `The account name "${account.name}" is already used by account \`${first}\`.`,
          `Give \`${key}\` a name of its own, such as "${account.name} (${key})".`));
    }
    return findings;
  },
};
