import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { securityHubPolicyTargets, securityHubTargetName } from '../model/security-hub-central';
import { sortedEntries, type Rule } from './rule';

/**
 * Security Hub associates at most one configuration policy with a target (the root, an OU or an
 * account); a second association replaces the first, so which policy wins would depend on the
 * order of apply. Inheritance gives the accounts below a target its policy.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/configuration-policies-overview.html
 */
export const securityHubTargetsHaveOnePolicy: Rule = {
  code: 'LZ0410',
  name: 'security-hub-targets-have-one-policy',
  check({ config }) {
    const first = new Map<string, string>();
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.security?.services.securityHub?.configurationPolicies ?? {})) {
      const path = ['security', 'services', 'securityHub', 'configurationPolicies', key];
      const seen = new Set<string>();
      const listed: Array<[string, YamlPath]> = [
        ...policy.ous.map((ou, i): [string, YamlPath] => [ou, [...path, 'ous', i]]),
        ...policy.accounts.map((account, i): [string, YamlPath] => [account, [...path, 'accounts', i]]),
      ];
      listed.forEach(([value, at], i) => {
        const target = i < policy.ous.length ? securityHubPolicyTargets({ ous: [value], accounts: [] })[0]! : { kind: 'account' as const, key: value };
        const name = securityHubTargetName(target);
        const owner = seen.has(name) ? key : first.get(name);
        if (owner === undefined) {
          first.set(name, key);
          seen.add(name);
          return;
        }
        findings.push(error(this.code, at,
          owner === key ? `"${value}" is listed twice in this policy.` : `"${value}" is associated with the policy \`${owner}\` already; Security Hub keeps one configuration policy per target.`,
          owner === key ? 'Remove the repeated entry.' : `Keep "${value}" in one policy; accounts and OUs below a target inherit its policy, so list a target only where it needs a different one.`));
      });
    }
    return findings;
  },
};
