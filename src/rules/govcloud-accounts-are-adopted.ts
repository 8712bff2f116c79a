import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/**
 * An organization in aws-us-gov cannot create accounts: CreateAccount is not supported there.
 * GovCloud accounts are created from the commercial organization (CreateGovCloudAccount), which
 * makes a standalone GovCloud account; the GovCloud organization then invites it.
 */
export const govCloudAccountsAreAdopted: Rule = {
  code: 'LZ0119',
  name: 'govcloud-accounts-are-adopted',
  check({ config }) {
    if (config.organization.partition !== 'aws-us-gov') return [];
    const findings: Finding[] = [];
    for (const [key, account] of sortedEntries(config.accounts)) {
      if (account.id !== undefined || key === config.organization.managementAccount) continue;
      findings.push(error(this.code, ['accounts', key],
        `The account \`${key}\` has no \`id\`, so lz would create it, but an organization in aws-us-gov cannot create accounts (CreateAccount is not supported in GovCloud).`,
        `Create it from the management account of the commercial organization (\`aws organizations create-gov-cloud-account --email ${account.email} --account-name "${account.name}"\`), invite its GovCloud id into this organization, and give that id here as \`id: "..."\`.`));
    }
    return findings;
  },
};
