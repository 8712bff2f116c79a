import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/**
 * With configuration policies (central configuration), the policies decide which standards each
 * account runs, the security account included; the local-configuration subscriptions of
 * `securityHub.standards` would fight them on every apply.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html
 */
export const securityHubStandardsAreSetInOnePlace: Rule = {
  code: 'LZ0411',
  name: 'security-hub-standards-are-set-in-one-place',
  check({ config }) {
    const hub = config.security?.services.securityHub;
    if (!hub?.configurationPolicies || hub.standards.length === 0) return [];
    return [error(this.code, ['security', 'services', 'securityHub', 'standards'],
      `standards lists ${JSON.stringify(hub.standards)} while configurationPolicies configures Security Hub centrally; the policies decide the standards of every account they govern.`,
      'Move these standards into the configuration policy associated with Root (or the security account\'s OU) and remove `standards`.', true)];
  },
};
