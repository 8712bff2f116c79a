import { error } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/** EnableAWSServiceAccess / RegisterDelegatedAdministrator take a service principal such as guardduty.amazonaws.com. */
export const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]{0,100}\.amazonaws\.com(?:\.cn)?$/;

export const servicePrincipalsAreValid: Rule = {
  code: 'LZ0116',
  name: 'service-principals-are-valid',
  check({ config }) {
    const findings = config.organization.serviceAccessPrincipals
      .map((p, i) => [p, i] as const)
      .filter(([p]) => !SERVICE_PRINCIPAL.test(p))
      .map(([p, i]) => error(this.code, ['organization', 'serviceAccessPrincipals', i], `"${p}" is not an AWS service principal.`,
        'Use the service principal form, e.g. guardduty.amazonaws.com.'));
    for (const [principal] of sortedEntries(config.delegatedAdministrators)) {
      if (!SERVICE_PRINCIPAL.test(principal))
        findings.push(error(this.code, ['delegatedAdministrators', principal], `"${principal}" is not an AWS service principal.`,
          'Use the service principal form, e.g. securityhub.amazonaws.com.', true));
    }
    return findings;
  },
};
