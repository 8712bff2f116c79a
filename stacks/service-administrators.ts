import { DetectiveOrganizationAdminAccount } from '@cdktf/provider-aws/lib/detective-organization-admin-account';
import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { Inspector2DelegatedAdminAccount } from '@cdktf/provider-aws/lib/inspector2-delegated-admin-account';
import { Macie2OrganizationAdminAccount } from '@cdktf/provider-aws/lib/macie2-organization-admin-account';
import { SecurityhubOrganizationAdminAccount } from '@cdktf/provider-aws/lib/securityhub-organization-admin-account';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { SecurityDelegation } from '../src/model/security';
import { ids } from './ids';

/**
 * Designates the delegated administrator of a security service through the service's own API,
 * from the management account. Each of these calls registers the account with Organizations as
 * well and turns the service on in it, which RegisterDelegatedAdministrator alone does not:
 * - GuardDuty: `aws_guardduty_organization_admin_account` (EnableOrganizationAdminAccount)
 * - Security Hub: `aws_securityhub_organization_admin_account`
 * - Inspector: `aws_inspector2_delegated_admin_account` (EnableDelegatedAdminAccount)
 * - Macie: `aws_macie2_organization_admin_account`
 * - Detective: `aws_detective_organization_admin_account` (EnableOrganizationAdminAccount). The
 *   exception: not in the organization stack but in `detective-administration`, after the
 *   security-tooling stack has created the account's behavior graph. The call creates a graph in
 *   an account that has none, and the provider has no data source for that graph's ARN, which the
 *   organization configuration needs; an account that already has a graph keeps it, so the graph
 *   Terraform created is the organization's.
 * Trusted access for the service must be enabled first, hence `after` (the organization, or for
 * Detective nothing: its stack runs after the organization stack).
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/designate-orgs-admin-account.html
 * @see https://docs.aws.amazon.com/detective/latest/APIReference/API_EnableOrganizationAdminAccount.html
 */
export function designateServiceAdministrator(scope: Construct, delegation: SecurityDelegation, accountId: string, after: ITerraformDependable[]): void {
  const id = ids.serviceAdministrator(delegation.servicePrincipal);
  switch (delegation.adminApi) {
    case 'guardduty':
      new GuarddutyOrganizationAdminAccount(scope, id, { adminAccountId: accountId, dependsOn: after });
      return;
    case 'securityhub':
      new SecurityhubOrganizationAdminAccount(scope, id, { adminAccountId: accountId, dependsOn: after });
      return;
    case 'inspector2':
      new Inspector2DelegatedAdminAccount(scope, id, { accountId, dependsOn: after });
      return;
    case 'macie2':
      new Macie2OrganizationAdminAccount(scope, id, { adminAccountId: accountId, dependsOn: after });
      return;
    case 'detective':
      new DetectiveOrganizationAdminAccount(scope, id, { accountId, ...(after.length > 0 ? { dependsOn: after } : {}) });
      return;
    case 'organizations':
      throw new Error(`${delegation.servicePrincipal} is registered with Organizations, not through a service API`);
  }
}
