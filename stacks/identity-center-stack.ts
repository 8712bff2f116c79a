import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { DataAwsIdentitystoreGroup } from '@cdktf/provider-aws/lib/data-aws-identitystore-group';
import { DataAwsIdentitystoreUser } from '@cdktf/provider-aws/lib/data-aws-identitystore-user';
import { DataAwsSsoadminInstances } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-instances';
import { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
import { IdentitystoreUser } from '@cdktf/provider-aws/lib/identitystore-user';
import { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
import { SsoadminCustomerManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment';
import { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
import { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
import { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
import { SsoadminPermissionsBoundaryAttachment } from '@cdktf/provider-aws/lib/ssoadmin-permissions-boundary-attachment';
import { Fn, type ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { ManagementProvider, MemberAccountProvider } from '../src/constructs/aws-provider';
import type { IdentityCenterModel, PermissionSetModel } from '../src/model/identity-center';
import type { LandingZoneModel } from '../src/model/types';
import { ids } from './ids';
import type { OrganizationStack } from './organization-stack';

export interface IdentityCenterStackProps {
  readonly model: LandingZoneModel;
  readonly identityCenter: IdentityCenterModel;
  /** Account ids of assignment targets and of the delegated administrator come from here. */
  readonly organization: OrganizationStack;
}

/**
 * Wave 2, management account or the delegated administrator of sso.amazonaws.com: permission
 * sets and their policies, identity store groups and users, and one account assignment per
 * (principal, permission set, account).
 */
export class IdentityCenterStack extends LandingZoneStack {
  private readonly instanceArn: string;
  private readonly identityStoreId: string;

  constructor(scope: Construct, id: string, props: IdentityCenterStackProps) {
    super(scope, id);
    const { model, identityCenter, organization } = props;
    const org = model.organization;
    // Trusted access for sso.amazonaws.com and the delegated administrator registration live there.
    this.addDependency(organization);

    const admin = identityCenter.delegatedAdministratorKey;
    if (admin === undefined) new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: identityCenter.region });
    else
      new MemberAccountProvider(this, 'aws', {
        accountId: organization.accountId(admin),
        region: identityCenter.region,
        partition: org.partition,
        roleName: org.accessRoleName,
        sessionName: 'lz-identity-center',
      });

    const instances = new DataAwsSsoadminInstances(this, ids.ssoadminInstances, {
      lifecycle: {
        postcondition: [
          {
            condition: '${length(self.arns) == 1}',
            errorMessage: `IAM Identity Center must be enabled, once, for the organization in ${identityCenter.region} (identityCenter.region) before this stack can apply.`,
          },
        ],
      },
    });
    this.instanceArn = Fn.one(instances.arns) as string;
    this.identityStoreId = Fn.one(instances.identityStoreIds) as string;

    const principalIds = new Map<string, string>();
    for (const group of identityCenter.groups) {
      const groupId = group.create
        ? new IdentitystoreGroup(this, ids.identityStoreGroup(group.key), {
            identityStoreId: this.identityStoreId,
            displayName: group.displayName,
            ...(group.description !== undefined ? { description: group.description } : {}),
          }).groupId
        : new DataAwsIdentitystoreGroup(this, ids.identityStoreGroup(group.key), {
            identityStoreId: this.identityStoreId,
            alternateIdentifier: { uniqueAttribute: { attributePath: 'DisplayName', attributeValue: group.displayName } },
          }).groupId;
      principalIds.set(`GROUP:${group.key}`, groupId);
    }
    for (const user of identityCenter.users) {
      const userId = user.create
        ? new IdentitystoreUser(this, ids.identityStoreUser(user.key), {
            identityStoreId: this.identityStoreId,
            userName: user.userName,
            displayName: user.displayName ?? `${user.givenName} ${user.familyName}`,
            name: { givenName: user.givenName!, familyName: user.familyName! },
            ...(user.email !== undefined ? { emails: { value: user.email, primary: true, type: 'work' } } : {}),
          }).userId
        : new DataAwsIdentitystoreUser(this, ids.identityStoreUser(user.key), {
            identityStoreId: this.identityStoreId,
            alternateIdentifier: { uniqueAttribute: { attributePath: 'UserName', attributeValue: user.userName } },
          }).userId;
      principalIds.set(`USER:${user.key}`, userId);
    }

    const permissionSets = new Map<string, { arn: string; policies: ITerraformDependable[] }>();
    for (const set of identityCenter.permissionSets) permissionSets.set(set.key, this.permissionSet(set));

    for (const a of identityCenter.assignments) {
      const set = permissionSets.get(a.permissionSetKey)!;
      new SsoadminAccountAssignment(this, ids.accountAssignment({ type: a.principalType, key: a.principalKey }, a.permissionSetKey, a.accountKey), {
        instanceArn: this.instanceArn,
        permissionSetArn: set.arn,
        principalType: a.principalType,
        principalId: principalIds.get(`${a.principalType}:${a.principalKey}`)!,
        targetType: 'AWS_ACCOUNT',
        targetId: organization.accountId(a.accountKey),
        // Provisioning into the account waits for every policy of the set, and destroying an
        // assignment happens before its set's policies are detached.
        ...(set.policies.length > 0 ? { dependsOn: set.policies } : {}),
      });
    }
  }

  /** The permission set and its policies; every attachment depends on the set explicitly. */
  private permissionSet(set: PermissionSetModel): { arn: string; policies: ITerraformDependable[] } {
    const resource = new SsoadminPermissionSet(this, ids.permissionSet(set.key), {
      instanceArn: this.instanceArn,
      name: set.name,
      ...(set.description !== undefined ? { description: set.description } : {}),
      ...(set.sessionDuration !== undefined ? { sessionDuration: set.sessionDuration } : {}),
      ...(set.relayState !== undefined ? { relayState: set.relayState } : {}),
      tags: { ...set.tags },
    });
    const common = { instanceArn: this.instanceArn, permissionSetArn: resource.arn, dependsOn: [resource] };
    const policies: ITerraformDependable[] = [];
    for (const p of set.managedPolicies)
      policies.push(new SsoadminManagedPolicyAttachment(this, ids.managedPolicyAttachment(set.key, p.slug), { ...common, managedPolicyArn: p.arn }));
    for (const p of set.customerManagedPolicies)
      policies.push(
        new SsoadminCustomerManagedPolicyAttachment(this, ids.customerManagedPolicyAttachment(set.key, p.slug), {
          ...common,
          customerManagedPolicyReference: { name: p.name, path: p.path },
        }),
      );
    if (set.inlinePolicy !== undefined)
      policies.push(new SsoadminPermissionSetInlinePolicy(this, ids.inlinePolicy(set.key), { ...common, inlinePolicy: set.inlinePolicy }));
    const boundary = set.permissionsBoundary;
    if (boundary !== undefined)
      policies.push(
        new SsoadminPermissionsBoundaryAttachment(this, ids.permissionsBoundary(set.key), {
          ...common,
          permissionsBoundary:
            boundary.kind === 'managed'
              ? { managedPolicyArn: boundary.policy.arn }
              : { customerManagedPolicyReference: { name: boundary.policy.name, path: boundary.policy.path } },
        }),
      );
    return { arn: resource.arn, policies };
  }
}
