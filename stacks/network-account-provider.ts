import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import { ManagementProvider, MemberAccountProvider } from '../src/constructs/aws-provider';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';

/**
 * An AWS provider of a network stack: the management account's credentials as given when the
 * stack deploys there, else the member-account role with the id from the account's stack. With
 * `alias`, a second provider of the stack (the network account's, for Transit Gateway routing).
 */
export function networkAccountProvider(
  scope: Construct,
  model: LandingZoneModel,
  accounts: AccountDirectory,
  accountKey: string,
  region: string,
  alias?: string,
): AwsProvider {
  const org = model.organization;
  const id = alias === undefined ? 'aws' : `aws_${alias}`;
  if (accountKey === org.managementAccountKey)
    return new ManagementProvider(scope, id, { accountId: org.managementAccountId, region, ...(alias !== undefined ? { alias } : {}) });
  return new MemberAccountProvider(scope, id, {
    accountId: accounts.accountId(accountKey),
    region,
    partition: org.partition,
    roleName: org.accessRoleName,
    sessionName: `lz-network-${accountKey}`,
    ...(alias !== undefined ? { alias } : {}),
  });
}
