import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { ROOT } from '../model/org-tree';
import { sortedEntries, type Rule } from './rule';

/** A configuration policy is associated with OUs of organizationalUnits (or Root) and accounts of `accounts`; anything else has no id to associate. */
export const securityHubTargetsResolve: Rule = {
  code: 'LZ0409',
  name: 'security-hub-targets-resolve',
  check({ config, ouByPath }) {
    const ous = [ROOT, ...ouByPath.keys()];
    const accounts = Object.keys(config.accounts).sort();
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.security?.services.securityHub?.configurationPolicies ?? {})) {
      const path = ['security', 'services', 'securityHub', 'configurationPolicies', key];
      policy.ous.forEach((ou, i) => {
        if (ou === ROOT || ouByPath.has(ou)) return;
        const suggestion = closest(ou, ous);
        findings.push(error(this.code, [...path, 'ous', i], `The OU path "${ou}" does not exist in organizationalUnits, so the policy cannot be associated with it.`,
          suggestion ? `Did you mean "${suggestion}"?` : `Use Root or an OU path of organizationalUnits: ${ous.join(', ')}.`));
      });
      policy.accounts.forEach((account, i) => {
        if (config.accounts[account]) return;
        const suggestion = closest(account, accounts);
        findings.push(error(this.code, [...path, 'accounts', i], `No account has the key "${account}", so the policy cannot be associated with it.`,
          suggestion ? `Did you mean "${suggestion}"?` : 'Use the key of an account under `accounts`, or list its OU under `ous`.'));
      });
    }
    return findings;
  },
};
