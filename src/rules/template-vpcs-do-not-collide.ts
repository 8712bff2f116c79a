import { error, type Finding } from '../config/diagnostics';
import { templateGrants } from '../model/network/resolve';
import type { Rule } from './rule';

/** Two templates must not give one account a VPC with the same key: which one wins would be a guess. */
export const templateVpcsDoNotCollide: Rule = {
  code: 'LZ0512',
  name: 'template-vpcs-do-not-collide',
  check({ config }) {
    if (!config.network) return [];
    const first = new Map<string, string>();
    const findings: Finding[] = [];
    for (const g of templateGrants(config, config.network)) {
      const id = `${g.accountKey}/${g.vpcKey}`;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, g.template);
        continue;
      }
      findings.push(error(this.code, ['network', 'templates', g.template, 'vpcs', g.vpcKey], `The templates ${earlier} and ${g.template} both give the account ${g.accountKey} a VPC named ${g.vpcKey}.`,
        'Give the VPCs different keys, or attach the templates to OUs that do not contain each other.', true));
    }
    return findings;
  },
};
