import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { sortedEntries, type Rule } from './rule';

/** AWS refuses to register the management account as a delegated administrator. */
export const delegatedAdministratorsResolve: Rule = {
  code: 'LZ0117',
  name: 'delegated-administrators-resolve',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [principal, key] of sortedEntries(config.delegatedAdministrators)) {
      if (!config.accounts[key]) {
        const suggestion = closest(key, Object.keys(config.accounts));
        findings.push(error(this.code, ['delegatedAdministrators', principal], `The account \`${key}\` is not in accounts.`,
          suggestion ? `Did you mean \`${suggestion}\`?` : 'Name an account key from accounts.'));
      } else if (key === config.organization.managementAccount) {
        findings.push(error(this.code, ['delegatedAdministrators', principal], `\`${key}\` is the management account, which AWS cannot register as a delegated administrator.`,
          'Delegate to a member account, typically the security tooling account.'));
      }
    }
    return findings;
  },
};
