import { error, type Finding } from '../config/diagnostics';
import { securityDelegations } from '../model/security';
import type { Rule } from './rule';

/**
 * Each enabled security service is delegated to the security account by the tool. Naming the
 * same service principal under delegatedAdministrators as well would register it twice, which
 * AWS refuses, or hand one service to two accounts.
 */
export const securityServicesAreDelegatedOnce: Rule = {
  code: 'LZ0404',
  name: 'security-services-are-delegated-once',
  check({ config }) {
    const findings: Finding[] = [];
    for (const d of securityDelegations(config)) {
      const explicit = config.delegatedAdministrators[d.servicePrincipal];
      if (explicit === undefined) continue;
      findings.push(error(this.code, ['delegatedAdministrators', d.servicePrincipal],
        `${d.servicePrincipal} is delegated here to \`${explicit}\` and again by security.services.${d.service} to \`${d.accountKey}\`; a service has one delegated administrator, registered once.`,
        `Remove this entry: security.services.${d.service} already registers the security account.`, true));
    }
    return findings;
  },
};
