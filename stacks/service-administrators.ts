import { DetectiveOrganizationAdminAccount } from '@cdktf/provider-aws/lib/detective-organization-admin-account';
import { Inspector2DelegatedAdminAccount } from '@cdktf/provider-aws/lib/inspector2-delegated-admin-account';
import { Macie2OrganizationAdminAccount } from '@cdktf/provider-aws/lib/macie2-organization-admin-account';
import { SecurityhubOrganizationAdminAccount } from '@cdktf/provider-aws/lib/securityhub-organization-admin-account';
import type { Construct } from 'constructs';
import type { SecurityDelegation } from '../src/model/security';
import { ids } from './ids';

/**
 * Designates the delegated administrator of a security service through the service's own API,
 * from the management account. Each of these calls registers the account with Organizations as
 * well and turns the service on in it, which RegisterDelegatedAdministrator alone does not:
 * - GuardDuty: `aws_guardduty_organization_admin_account` (EnableOrganizationAdminAccount), a regional
 *   designation: made per allowed region by the delegated-administrators stacks, not here
 * - Security Hub: `aws_securityhub_organization_admin_account`
 * - Inspector: `aws_inspector2_delegated_admin_account` (EnableDelegatedAdminAccount)
 * - Macie: `aws_macie2_organization_admin_account`
 * - Detective: `aws_detective_organization_admin_account` (EnableOrganizationAdminAccount). The
 *   exception: not in `delegated-administrators` but in `detective-administration`, after the
 *   security-tooling stack has created the account's behavior graph. The call creates a graph in
 *   an account that has none, and the provider has no data source for that graph's ARN, which the
 *   organization configuration needs; an account that already has a graph keeps it, so the graph
 *   Terraform created is the organization's.
 * Trusted access for the service must be enabled first: both stacks run after the organization stack.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/designate-orgs-admin-account.html
 * @see https://docs.aws.amazon.com/detective/latest/APIReference/API_EnableOrganizationAdminAccount.html
 */
export function designateServiceAdministrator(scope: Construct, delegation: SecurityDelegation, accountId: string): void {
  const id = ids.serviceAdministrator(delegation.servicePrincipal);
  switch (delegation.adminApi) {
    case 'guardduty':
      throw new Error(`${delegation.servicePrincipal} is designated once per region by the delegated-administrators stacks`);
    case 'securityhub':
      new SecurityhubOrganizationAdminAccount(scope, id, { adminAccountId: accountId });
      return;
    case 'inspector2':
      new Inspector2DelegatedAdminAccount(scope, id, { accountId });
      return;
    case 'macie2':
      new Macie2OrganizationAdminAccount(scope, id, { adminAccountId: accountId });
      return;
    case 'detective':
      new DetectiveOrganizationAdminAccount(scope, id, { accountId });
      return;
    case 'organizations':
      throw new Error(`${delegation.servicePrincipal} is registered with Organizations, not through a service API`);
  }
}
