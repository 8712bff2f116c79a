import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { sortedEntries, type Rule } from './rule';

/** The quarantine policy is a defined SCP, and `quarantine: true` on an account has one to attach. */
export const quarantinePolicyIsValid: Rule = {
  code: 'LZ0705',
  name: 'quarantine-policy-is-valid',
  check({ config }) {
    const findings: Finding[] = [];
    const name = config.guardrails.quarantinePolicy;
    if (name !== undefined) {
      const policy = config.policies[name];
      if (!policy) {
        const suggestion = closest(name, Object.keys(config.policies));
        findings.push(error(this.code, ['guardrails', 'quarantinePolicy'], `The quarantine policy \`${name}\` is not defined under policies.`,
          suggestion ? `Did you mean \`${suggestion}\`?` : 'Define it, e.g. `quarantine: { guardrail: quarantine }` under policies.'));
      } else if (policy.type !== 'SERVICE_CONTROL_POLICY') {
        findings.push(error(this.code, ['guardrails', 'quarantinePolicy'], `The quarantine policy \`${name}\` is a ${policy.type}.`, 'Name a service control policy, e.g. one with `guardrail: quarantine`.'));
      }
    }
    for (const [key, account] of sortedEntries(config.accounts)) {
      if (account.quarantine === true && name === undefined)
        findings.push(error(this.code, ['accounts', key, 'quarantine'], `The account \`${key}\` asks for quarantine, but guardrails.quarantinePolicy is not set.`,
          'Set guardrails.quarantinePolicy to a policy such as `{ guardrail: quarantine }`, or remove `quarantine: true`.'));
      if (account.quarantine === true && key === config.organization.managementAccount)
        findings.push(error(this.code, ['accounts', key, 'quarantine'], 'SCPs do not apply to the management account, so it cannot be quarantined.', 'Remove `quarantine` from the management account.'));
    }
    return findings;
  },
};
