import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import type { Rule } from './rule';

/**
 * The log archive and the security tooling account must be member accounts: the management
 * account cannot be a delegated administrator, and logs kept where the organization is
 * administered are not separated from the people they audit.
 */
export const dedicatedAccountsAreMembers: Rule = {
  code: 'LZ0401',
  name: 'dedicated-accounts-are-members',
  check({ config }) {
    const findings: Finding[] = [];
    const sections = [
      ['logging', config.logging?.account, 'the log archive'],
      ['security', config.security?.account, 'the security tooling account'],
    ] as const;
    for (const [section, key, role] of sections) {
      if (key === undefined) continue;
      const path = [section, 'account'];
      if (!config.accounts[key]) {
        const suggestion = closest(key, Object.keys(config.accounts));
        findings.push(error(this.code, path, `The account \`${key}\` named as ${role} is not in accounts.`,
          suggestion ? `Did you mean \`${suggestion}\`?` : `Add the account under accounts, or name an existing account key.`));
      } else if (key === config.organization.managementAccount) {
        findings.push(error(this.code, path, `\`${key}\` is the management account and cannot be ${role}: AWS refuses it as a delegated administrator, and the records must live outside the account they audit.`,
          `Name a dedicated member account, e.g. ${section === 'logging' ? 'log-archive' : 'security-tooling'}, in an OU such as Security.`));
      }
    }
    return findings;
  },
};
