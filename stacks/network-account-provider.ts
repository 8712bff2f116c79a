import type { Construct } from 'constructs';
import { ManagementProvider, MemberAccountProvider } from '../src/constructs/aws-provider';
import type { LandingZoneModel } from '../src/model/types';
import type { OrganizationStack } from './organization-stack';

/**
 * The one AWS provider of a network stack: the management account's credentials as given when the
 * stack deploys there, else the member-account role with the id from the organization stack.
 */
export function networkAccountProvider(scope: Construct, model: LandingZoneModel, organization: OrganizationStack, accountKey: string, region: string): void {
  const org = model.organization;
  if (accountKey === org.managementAccountKey) {
    new ManagementProvider(scope, 'aws', { accountId: org.managementAccountId, region });
    return;
  }
  new MemberAccountProvider(scope, 'aws', {
    accountId: organization.accountId(accountKey),
    region,
    partition: org.partition,
    roleName: org.accessRoleName,
    sessionName: `lz-network-${accountKey}`,
  });
}
