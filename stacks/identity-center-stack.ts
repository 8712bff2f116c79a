import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { DataAwsIdentitystoreGroup } from '@cdktf/provider-aws/lib/data-aws-identitystore-group';
import { DataAwsIdentitystoreUser } from '@cdktf/provider-aws/lib/data-aws-identitystore-user';
import { DataAwsSsoadminInstances } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-instances';
import { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
import { IdentitystoreUser } from '@cdktf/provider-aws/lib/identitystore-user';
import { SsoadminCustomerManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment';
import { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
import { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
import { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
import { SsoadminPermissionsBoundaryAttachment } from '@cdktf/provider-aws/lib/ssoadmin-permissions-boundary-attachment';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { ManagementProvider, MemberAccountProvider } from '../src/constructs/aws-provider';
import type { IdentityCenterModel, PermissionSetModel } from '../src/model/identity-center';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { exportAttribute } from './exported-values';
import { ids } from './ids';

export interface IdentityCenterStackProps {
  readonly model: LandingZoneModel;
  readonly identityCenter: IdentityCenterModel;
  /** The delegated administrator's id comes from here. */
  readonly accounts: AccountDirectory;
  /** Trusted access (organization) and the delegated administrator's registration must exist first. */
  readonly after: readonly LandingZoneStack[];
}

/**
 * Wave 2, management account or the delegated administrator of sso.amazonaws.com: permission
 * sets and their policies, identity store groups and users. The assignments of an account live in
 * its `access-<id>` stack; the instance, every permission set ARN and every principal id are
 * outputs from the start, so a new account's assignments leave this stack unchanged.
 */
export class IdentityCenterStack extends LandingZoneStack {
  /** The instance ARNs (one, by the data source's postcondition): a list, as the output readers see it. */
  readonly instanceArns: string[];
  private readonly instanceArn: string;
  private readonly identityStoreId: string;
  private readonly permissionSetArns = new Map<string, string>();
  private readonly principalIds = new Map<string, string>();

  constructor(scope: Construct, id: string, props: IdentityCenterStackProps) {
    super(scope, id);
    const { model, identityCenter, accounts } = props;
    for (const stack of props.after) this.addDependency(stack);

    identityCenterProvider(this, model, identityCenter, accounts);

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
    this.instanceArns = instances.arns;
    this.instanceArn = Fn.one(instances.arns) as string;
    this.identityStoreId = Fn.one(instances.identityStoreIds) as string;
    exportAttribute(this, instances, 'arns');

    const principalIds = this.principalIds;
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
      exportAttribute(this, this.node.findChild(ids.identityStoreGroup(group.key)) as IdentitystoreGroup | DataAwsIdentitystoreGroup, 'group_id');
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
      exportAttribute(this, this.node.findChild(ids.identityStoreUser(user.key)) as IdentitystoreUser | DataAwsIdentitystoreUser, 'user_id');
    }

    for (const set of identityCenter.permissionSets) {
      const resource = this.permissionSet(set);
      this.permissionSetArns.set(set.key, resource.arn);
      exportAttribute(this, resource, 'arn');
    }
  }

  permissionSetArn(setKey: string): string {
    const arn = this.permissionSetArns.get(setKey);
    if (arn === undefined) throw new Error(`unknown permission set ${setKey}`);
    return arn;
  }

  principalId(type: 'GROUP' | 'USER', key: string): string {
    const id = this.principalIds.get(`${type}:${key}`);
    if (id === undefined) throw new Error(`unknown ${type} ${key}`);
    return id;
  }

  /** The permission set and its policies; every attachment depends on the set explicitly. */
  private permissionSet(set: PermissionSetModel): SsoadminPermissionSet {
    const resource = new SsoadminPermissionSet(this, ids.permissionSet(set.key), {
      instanceArn: this.instanceArn,
      name: set.name,
      ...(set.description !== undefined ? { description: set.description } : {}),
      ...(set.sessionDuration !== undefined ? { sessionDuration: set.sessionDuration } : {}),
      ...(set.relayState !== undefined ? { relayState: set.relayState } : {}),
      tags: { ...set.tags },
    });
    const common = { instanceArn: this.instanceArn, permissionSetArn: resource.arn, dependsOn: [resource] };
    for (const p of set.managedPolicies)
      new SsoadminManagedPolicyAttachment(this, ids.managedPolicyAttachment(set.key, p.slug), { ...common, managedPolicyArn: p.arn });
    for (const p of set.customerManagedPolicies)
      new SsoadminCustomerManagedPolicyAttachment(this, ids.customerManagedPolicyAttachment(set.key, p.slug), {
        ...common,
        customerManagedPolicyReference: { name: p.name, path: p.path },
      });
    if (set.inlinePolicy !== undefined)
      new SsoadminPermissionSetInlinePolicy(this, ids.inlinePolicy(set.key), { ...common, inlinePolicy: set.inlinePolicy });
    const boundary = set.permissionsBoundary;
    if (boundary !== undefined)
      new SsoadminPermissionsBoundaryAttachment(this, ids.permissionsBoundary(set.key), {
        ...common,
        permissionsBoundary:
          boundary.kind === 'managed'
            ? { managedPolicyArn: boundary.policy.arn }
            : { customerManagedPolicyReference: { name: boundary.policy.name, path: boundary.policy.path } },
      });
    return resource;
  }
}

/**
 * The one AWS provider of the stacks that write to IAM Identity Center (identity-center and every
 * access-<id>): the management account, or identityCenter.delegatedAdministrator's.
 */
export function identityCenterProvider(scope: Construct, model: LandingZoneModel, identityCenter: IdentityCenterModel, accounts: AccountDirectory): void {
  const org = model.organization;
  const admin = identityCenter.delegatedAdministratorKey;
  if (admin === undefined) new ManagementProvider(scope, 'aws', { accountId: org.managementAccountId, region: identityCenter.region });
  else
    new MemberAccountProvider(scope, 'aws', {
      accountId: accounts.accountId(admin),
      region: identityCenter.region,
      partition: org.partition,
      roleName: org.accessRoleName,
      sessionName: 'lz-identity-center',
    });
}
