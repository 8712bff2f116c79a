import { error, warning, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/**
 * IAM Identity Center attaches up to 20 AWS managed and customer managed policies to a permission
 * set, but the role it creates is bound by IAM's quota of managed policies per role, 10 unless
 * raised in every target account.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
 */
export const ROLE_MANAGED_POLICY_DEFAULT_QUOTA = 10;
export const PERMISSION_SET_MANAGED_POLICY_LIMIT = 20;

export const permissionSetPolicyCountWithinLimit: Rule = {
  code: 'LZ0305',
  name: 'permission-set-policy-count-within-limit',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, ps] of sortedEntries(config.identityCenter?.permissionSets)) {
      const count = new Set(ps.managedPolicies).size + new Set(ps.customerManagedPolicies.map((p) => `${p.path}${p.name}`)).size;
      const path = ['identityCenter', 'permissionSets', key];
      if (count > PERMISSION_SET_MANAGED_POLICY_LIMIT)
        findings.push(error(this.code, path, `The permission set \`${key}\` attaches ${count} managed and customer managed policies; AWS allows ${PERMISSION_SET_MANAGED_POLICY_LIMIT}.`,
          'Merge policies into fewer customer managed policies, or move statements into the inline policy.', true));
      else if (count > ROLE_MANAGED_POLICY_DEFAULT_QUOTA)
        findings.push(warning(this.code, path, `The permission set \`${key}\` attaches ${count} managed and customer managed policies; IAM allows ${ROLE_MANAGED_POLICY_DEFAULT_QUOTA} per role unless the quota "Managed policies per role" is raised.`,
          `Raise that IAM quota in every account the permission set is assigned to, or attach at most ${ROLE_MANAGED_POLICY_DEFAULT_QUOTA}.`, true));
    }
    return findings;
  },
};
