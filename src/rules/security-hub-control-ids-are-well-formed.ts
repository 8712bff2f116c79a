import { error, type Finding } from '../config/diagnostics';
import { SECURITY_CONTROL_ID } from '../model/security-hub-central';
import { sortedEntries, type Rule } from './rule';

/**
 * Configuration policies disable controls by their security control id (`IAM.6`), the same id in
 * every standard; a standard's own control number (`CIS 1.14`, `1.14`) or a control ARN is not one,
 * and Security Hub rejects the policy.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html
 */
export const securityHubControlIdsAreWellFormed: Rule = {
  code: 'LZ0408',
  name: 'security-hub-control-ids-are-well-formed',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.security?.services.securityHub?.configurationPolicies ?? {}))
      policy.disabledControls.forEach((id, i) => {
        if (SECURITY_CONTROL_ID.test(id)) return;
        findings.push(error(this.code, ['security', 'services', 'securityHub', 'configurationPolicies', key, 'disabledControls', i],
          `"${id}" is not a security control id; Security Hub names a control by its service and number, such as IAM.6.`,
          'Write the control id as the Security Hub controls reference shows it: <service>.<number>, e.g. EC2.19 (not an ARN, nor a standard\'s own numbering).'));
      });
    return findings;
  },
};
