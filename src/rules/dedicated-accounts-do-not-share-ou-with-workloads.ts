import { warning, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/**
 * Guardrails are attached per OU. When a workload account shares the OU of the log archive or
 * the security tooling account, every guardrail that protects the logs or the tooling also binds
 * the workload, and every exception made for the workload also opens the logs.
 */
export const dedicatedAccountsDoNotShareOuWithWorkloads: Rule = {
  code: 'LZ0402',
  name: 'dedicated-accounts-do-not-share-ou-with-workloads',
  check({ config }) {
    const dedicated = new Set<string>([config.organization.managementAccount, ...Object.values(config.delegatedAdministrators)]);
    const sections = [
      ['logging', config.logging?.account],
      ['security', config.security?.account],
    ] as const;
    for (const [, key] of sections) if (key !== undefined) dedicated.add(key);
    // A dedicated account named by a key that does not exist (LZ0401) leaves the real one looking
    // like a workload: judge the sharing only once every dedicated account resolves.
    if ([...dedicated].some((key) => !(key in config.accounts))) return [];
    const findings: Finding[] = [];
    for (const [section, key] of sections) {
      const account = key === undefined ? undefined : config.accounts[key];
      if (!account || key === config.organization.managementAccount) continue;
      const workloads = sortedEntries(config.accounts)
        .filter(([other, a]) => !dedicated.has(other) && a.ou === account.ou)
        .map(([other]) => other);
      if (workloads.length > 0)
        findings.push(warning(this.code, [section, 'account'], `\`${key}\` shares the OU "${account.ou}" with workload account${workloads.length > 1 ? 's' : ''} ${workloads.map((w) => `\`${w}\``).join(', ')}, so the guardrails of one bind the other.`,
          `Move the workload account${workloads.length > 1 ? 's' : ''} to a workload OU, or \`${key}\` to an OU of its own such as Security.`));
    }
    return findings;
  },
};
