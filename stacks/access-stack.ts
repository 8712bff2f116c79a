import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import type { AccountAssignmentModel, IdentityCenterModel } from '../src/model/identity-center';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { ids } from './ids';
import { identityCenterProvider, type IdentityCenterStack } from './identity-center-stack';

export interface AccessStackProps {
  readonly model: LandingZoneModel;
  readonly identityCenter: IdentityCenterModel;
  readonly identityCenterStack: IdentityCenterStack;
  readonly accounts: AccountDirectory;
  /** The account whose assignments this stack holds. */
  readonly accountKey: string;
  /** Its assignments (each with this accountKey). */
  readonly assignments: readonly AccountAssignmentModel[];
}

/**
 * Identity Center's account (management, or identityCenter.delegatedAdministrator), one per
 * account: who may sign in to this one account, one `aws_ssoadmin_account_assignment` per
 * (principal, permission set), expanded from OU targets. Runs after identity-center, whose
 * permission sets, with all their policies, are provisioned by then.
 */
export class AccessStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: AccessStackProps) {
    super(scope, id);
    const { model, identityCenter, identityCenterStack, accounts, accountKey, assignments } = props;
    this.addDependency(identityCenterStack);
    identityCenterProvider(this, model, identityCenter, accounts);

    const accountId = accounts.accountId(accountKey);
    const instanceArn = Fn.one(identityCenterStack.instanceArns) as string;
    for (const a of assignments)
      new SsoadminAccountAssignment(this, ids.accountAssignment({ type: a.principalType, key: a.principalKey }, a.permissionSetKey), {
        instanceArn,
        permissionSetArn: identityCenterStack.permissionSetArn(a.permissionSetKey),
        principalType: a.principalType,
        principalId: identityCenterStack.principalId(a.principalType, a.principalKey),
        targetType: 'AWS_ACCOUNT',
        targetId: accountId,
      });
  }
}
