import { error, type Finding } from '../config/diagnostics';
import { accountPlacements, expandAssignmentTargets } from '../model/identity-center';
import type { Rule } from './rule';

/**
 * A delegated administrator of IAM Identity Center cannot create assignments in the management
 * account, nor change permission sets provisioned there: AWS denies it, and apply fails. So the
 * permission sets this stack manages must stay out of the management account altogether.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html
 */
export const managementAccountNotAssignedFromDelegatedAdministrator: Rule = {
  code: 'LZ0310',
  name: 'management-account-not-assigned-from-delegated-administrator',
  check({ config }) {
    const section = config.identityCenter;
    if (section?.delegatedAdministrator === undefined) return [];
    const management = config.organization.managementAccount;
    const placements = accountPlacements(config);
    const findings: Finding[] = [];
    section.assignments.forEach((a, i) => {
      if (!expandAssignmentTargets(a, placements).includes(management)) return;
      const direct = a.accounts.indexOf(management);
      findings.push(error(this.code, direct >= 0 ? ['identityCenter', 'assignments', i, 'accounts', direct] : ['identityCenter', 'assignments', i],
        `This assignment reaches the management account \`${management}\`${direct >= 0 ? '' : ' through its OUs'}, but the identity-center stack deploys from the delegated administrator \`${section.delegatedAdministrator}\`, which AWS does not allow to assign access there.`,
        direct >= 0
          ? `Remove \`${management}\` from accounts and grant access to it with separate permission sets managed from the management account, or remove identityCenter.delegatedAdministrator.`
          : `Add \`${management}\` to excludeAccounts and grant access to it with separate permission sets managed from the management account, or remove identityCenter.delegatedAdministrator.`));
    });
    return findings;
  },
};
