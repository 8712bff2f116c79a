import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { ROOT } from '../model/org-tree';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * Subnets are shared only inside the organization (the share never allows external principals),
 * so every participant is an account or OU org.yaml defines; the owner is not one, because RAM does
 * not share a resource with the account that owns it.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-sharing.html
 */
export const sharedSubnetParticipantsAreInTheOrganization: Rule = {
  code: 'LZ0560',
  name: 'shared-subnet-participants-are-in-the-organization',
  check(context) {
    const { config, ouByPath } = context;
    const findings: Finding[] = [];
    const accounts = Object.keys(config.accounts).sort();
    const ous = [ROOT, ...ouByPath.keys()];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const shared = d.fields.sharedSubnets;
      const at = [...d.yamlPath, 'sharedSubnets'];
      if (shared === undefined || seen.has(at.join('.'))) continue;
      seen.add(at.join('.'));
      shared.accounts.forEach((key, i) => {
        const path = [...at, 'accounts', i];
        if (key === d.accountKey)
          findings.push(error(this.code, path, `${d.id} belongs to \`${key}\`, so its subnets cannot be shared with that account: RAM does not share a resource with its owner.`,
            `Remove \`${key}\` from the participants; the owner uses its subnets without a share.`));
        else if (!config.accounts[key]) {
          const suggestion = closest(key, accounts);
          findings.push(error(this.code, path, `The participant "${key}" of ${d.id} is not an account of the organization (accounts), and subnets are never shared outside it.`,
            suggestion ? `Did you mean "${suggestion}"? Participants are account keys of org.yaml.` : 'Add the account to accounts first, or remove it from the participants.'));
        }
      });
      shared.ous.forEach((ou, i) => {
        if (ous.includes(ou)) return;
        const suggestion = closest(ou, ous);
        findings.push(error(this.code, [...at, 'ous', i], `The participant OU "${ou}" of ${d.id} is not an OU of the organization (organizationalUnits).`,
          suggestion ? `Did you mean "${suggestion}"?` : `Use an OU path of organizationalUnits, e.g. ${ous[1] ?? ROOT}.`));
      });
      if (!shared.organization && shared.ous.length === 0 && shared.accounts.length === 0)
        findings.push(error(this.code, at, `${d.id} shares the tiers ${shared.tiers.join(', ')} with no participant.`,
          'List participants under accounts or ous, or set organization: true; or remove sharedSubnets.', true));
    }
    return findings;
  },
};
