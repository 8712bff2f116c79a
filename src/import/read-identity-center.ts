import type { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { callAws, collectPages, type CallPolicy } from './aws-call';
import type { AssignmentSnapshot, IdentityCenterSnapshot, PermissionSetSnapshot } from './snapshot';

type SsoSdk = typeof import('@aws-sdk/client-sso-admin');
type StoreSdk = typeof import('@aws-sdk/client-identitystore');

/**
 * Reads IAM Identity Center from the management account: the one instance, every permission set
 * with its policies and tags, and every account assignment with the name of its group or user.
 * Assignments are listed per provisioned (permission set, account) pair, so accounts where a set
 * was never provisioned cost no request. Returns undefined when Identity Center is not enabled.
 */
export async function readIdentityCenter(
  sdks: { sso: SsoSdk; store: StoreSdk },
  clients: { sso: SSOAdminClient; store: IdentitystoreClient },
  region: string,
  policy: CallPolicy = {},
): Promise<IdentityCenterSnapshot | undefined> {
  const { sso, store } = sdks;
  const ssoCall = <T>(command: object) => callAws<T>({ client: clients.sso, servicePrefix: 'sso', account: 'the management account' }, command, policy);
  const storeCall = <T>(command: object) => callAws<T>({ client: clients.store, servicePrefix: 'identitystore', account: 'the management account' }, command, policy);

  const instances = await collectPages(async (NextToken) => {
    const r = await ssoCall<{ Instances?: Array<{ InstanceArn?: string; IdentityStoreId?: string }>; NextToken?: string }>(new sso.ListInstancesCommand({ NextToken }));
    return { items: r.Instances, next: r.NextToken };
  });
  const instance = instances[0];
  if (!instance?.InstanceArn || !instance.IdentityStoreId) return undefined;
  const InstanceArn = instance.InstanceArn;

  const setArns = await collectPages(async (NextToken) => {
    const r = await ssoCall<{ PermissionSets?: string[]; NextToken?: string }>(new sso.ListPermissionSetsCommand({ InstanceArn, NextToken }));
    return { items: r.PermissionSets, next: r.NextToken };
  });

  const permissionSets: PermissionSetSnapshot[] = [];
  const assignments: AssignmentSnapshot[] = [];
  for (const PermissionSetArn of setArns.sort()) {
    const { PermissionSet: set } = await ssoCall<{ PermissionSet?: { Name?: string; Description?: string; SessionDuration?: string; RelayState?: string } }>(
      new sso.DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }));
    const tags = await collectPages(async (NextToken) => {
      const r = await ssoCall<{ Tags?: Array<{ Key?: string; Value?: string }>; NextToken?: string }>(
        new sso.ListTagsForResourceCommand({ InstanceArn, ResourceArn: PermissionSetArn, NextToken }));
      return { items: r.Tags, next: r.NextToken };
    });
    const managed = await collectPages(async (NextToken) => {
      const r = await ssoCall<{ AttachedManagedPolicies?: Array<{ Arn?: string }>; NextToken?: string }>(
        new sso.ListManagedPoliciesInPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken }));
      return { items: r.AttachedManagedPolicies, next: r.NextToken };
    });
    const customer = await collectPages(async (NextToken) => {
      const r = await ssoCall<{ CustomerManagedPolicyReferences?: Array<{ Name?: string; Path?: string }>; NextToken?: string }>(
        new sso.ListCustomerManagedPolicyReferencesInPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken }));
      return { items: r.CustomerManagedPolicyReferences, next: r.NextToken };
    });
    const { InlinePolicy } = await ssoCall<{ InlinePolicy?: string }>(new sso.GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }));
    const boundary = await permissionsBoundary(() => ssoCall(new sso.GetPermissionsBoundaryForPermissionSetCommand({ InstanceArn, PermissionSetArn })));
    permissionSets.push({
      arn: PermissionSetArn,
      name: set?.Name ?? PermissionSetArn,
      ...(set?.Description ? { description: set.Description } : {}),
      ...(set?.SessionDuration ? { sessionDuration: set.SessionDuration } : {}),
      ...(set?.RelayState ? { relayState: set.RelayState } : {}),
      tags: Object.fromEntries(tags.map((t) => [t.Key!, t.Value ?? ''])),
      managedPolicyArns: managed.map((m) => m.Arn!).sort(),
      customerManagedPolicies: customer.map((c) => ({ name: c.Name!, path: c.Path ?? '/' })),
      ...(InlinePolicy ? { inlinePolicy: InlinePolicy } : {}),
      ...(boundary ? { permissionsBoundary: boundary } : {}),
    });

    const accountIds = await collectPages(async (NextToken) => {
      const r = await ssoCall<{ AccountIds?: string[]; NextToken?: string }>(new sso.ListAccountsForProvisionedPermissionSetCommand({ InstanceArn, PermissionSetArn, NextToken }));
      return { items: r.AccountIds, next: r.NextToken };
    });
    for (const AccountId of accountIds.sort()) {
      const found = await collectPages(async (NextToken) => {
        const r = await ssoCall<{ AccountAssignments?: Array<{ PrincipalType?: string; PrincipalId?: string }>; NextToken?: string }>(
          new sso.ListAccountAssignmentsCommand({ InstanceArn, AccountId, PermissionSetArn, NextToken }));
        return { items: r.AccountAssignments, next: r.NextToken };
      });
      for (const a of found)
        assignments.push({ permissionSetArn: PermissionSetArn, accountId: AccountId, principalType: a.PrincipalType === 'USER' ? 'USER' : 'GROUP', principalId: a.PrincipalId! });
    }
  }

  const IdentityStoreId = instance.IdentityStoreId;
  const groups: Array<{ id: string; displayName: string }> = [];
  const users: Array<{ id: string; userName: string }> = [];
  const principals = [...new Map(assignments.map((a) => [`${a.principalType}:${a.principalId}`, a])).values()];
  for (const p of principals.sort((a, b) => (a.principalId < b.principalId ? -1 : 1))) {
    if (p.principalType === 'GROUP') {
      const g = await storeCall<{ DisplayName?: string }>(new store.DescribeGroupCommand({ IdentityStoreId, GroupId: p.principalId }));
      groups.push({ id: p.principalId, displayName: g.DisplayName ?? p.principalId });
    } else {
      const u = await storeCall<{ UserName?: string }>(new store.DescribeUserCommand({ IdentityStoreId, UserId: p.principalId }));
      users.push({ id: p.principalId, userName: u.UserName ?? p.principalId });
    }
  }
  return { region, instanceArn: InstanceArn, identityStoreId: IdentityStoreId, permissionSets, groups, users, assignments };
}

/** A set without a boundary answers ResourceNotFoundException. */
async function permissionsBoundary(read: () => Promise<{ PermissionsBoundary?: { ManagedPolicyArn?: string; CustomerManagedPolicyReference?: { Name?: string; Path?: string } } }>) {
  try {
    const b = (await read()).PermissionsBoundary;
    if (b?.ManagedPolicyArn) return { managedPolicyArn: b.ManagedPolicyArn };
    if (b?.CustomerManagedPolicyReference?.Name) return { customerManagedPolicy: { name: b.CustomerManagedPolicyReference.Name, path: b.CustomerManagedPolicyReference.Path ?? '/' } };
    return undefined;
  } catch (e) {
    if ((e as Error).name === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}
