import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { callAws, collectPages, type CallPolicy, type CallTarget } from './aws-call';
import type { AccountSnapshot, OrganizationsSnapshot, OuSnapshot, PolicySnapshot, Tags } from './snapshot';

type Sdk = typeof import('@aws-sdk/client-organizations');

/**
 * Reads the organization from the management account: root, OU tree, accounts, every policy of an
 * enabled type with its document and targets, trusted service access and delegated administrators.
 * One request at a time, so the throttle of Organizations is met with backoff, not with a burst.
 */
export async function readOrganizations(sdk: Sdk, client: OrganizationsClient, policy: CallPolicy = {}): Promise<OrganizationsSnapshot> {
  const target: CallTarget = { client, servicePrefix: 'organizations', account: 'the management account' };
  const call = <T>(command: object) => callAws<T>(target, command, policy);

  const { Organization: org } = await call<{ Organization?: { Id?: string; MasterAccountId?: string; FeatureSet?: string } }>(new sdk.DescribeOrganizationCommand({}));
  const roots = await collectPages(async (NextToken) => {
    const r = await call<{ Roots?: Array<{ Id?: string; PolicyTypes?: Array<{ Type?: string; Status?: string }> }>; NextToken?: string }>(new sdk.ListRootsCommand({ NextToken }));
    return { items: r.Roots, next: r.NextToken };
  });
  const root = roots[0];
  if (!org?.Id || !org.MasterAccountId || !root?.Id) throw new Error('DescribeOrganization or ListRoots returned no organization; run lz import with credentials of the management account.');
  const enabledPolicyTypes = (root.PolicyTypes ?? []).filter((t) => t.Status === 'ENABLED').map((t) => t.Type!).sort();

  const tagsOf = async (ResourceId: string): Promise<Tags> => {
    const tags = await collectPages(async (NextToken) => {
      const r = await call<{ Tags?: Array<{ Key?: string; Value?: string }>; NextToken?: string }>(new sdk.ListTagsForResourceCommand({ ResourceId, NextToken }));
      return { items: r.Tags, next: r.NextToken };
    });
    return Object.fromEntries(tags.map((t) => [t.Key!, t.Value ?? '']));
  };

  const ous: OuSnapshot[] = [];
  const accounts: AccountSnapshot[] = [];
  // Breadth-first from the root: parents are always read before their children.
  const parents = [root.Id];
  while (parents.length > 0) {
    const ParentId = parents.shift()!;
    const children = await collectPages(async (NextToken) => {
      const r = await call<{ OrganizationalUnits?: Array<{ Id?: string; Name?: string }>; NextToken?: string }>(new sdk.ListOrganizationalUnitsForParentCommand({ ParentId, NextToken }));
      return { items: r.OrganizationalUnits, next: r.NextToken };
    });
    for (const ou of children) {
      ous.push({ id: ou.Id!, name: ou.Name!, parentId: ParentId, tags: await tagsOf(ou.Id!) });
      parents.push(ou.Id!);
    }
    const members = await collectPages(async (NextToken) => {
      const r = await call<{ Accounts?: Array<{ Id?: string; Name?: string; Email?: string; Status?: string; State?: string }>; NextToken?: string }>(
        new sdk.ListAccountsForParentCommand({ ParentId, NextToken }));
      return { items: r.Accounts, next: r.NextToken };
    });
    for (const a of members)
      accounts.push({ id: a.Id!, name: a.Name!, email: a.Email!, status: a.Status ?? a.State ?? 'ACTIVE', parentId: ParentId, tags: await tagsOf(a.Id!) });
  }

  const policies: PolicySnapshot[] = [];
  for (const Filter of enabledPolicyTypes) {
    const summaries = await collectPages(async (NextToken) => {
      const r = await call<{ Policies?: Array<{ Id?: string; Name?: string; Description?: string; Type?: string; AwsManaged?: boolean }>; NextToken?: string }>(
        new sdk.ListPoliciesCommand({ Filter: Filter as never, NextToken }));
      return { items: r.Policies, next: r.NextToken };
    });
    for (const s of summaries) {
      const { Policy: detail } = await call<{ Policy?: { Content?: string } }>(new sdk.DescribePolicyCommand({ PolicyId: s.Id! }));
      const targets = await collectPages(async (NextToken) => {
        const r = await call<{ Targets?: Array<{ TargetId?: string }>; NextToken?: string }>(new sdk.ListTargetsForPolicyCommand({ PolicyId: s.Id!, NextToken }));
        return { items: r.Targets, next: r.NextToken };
      });
      policies.push({
        id: s.Id!,
        name: s.Name!,
        description: s.Description ?? '',
        type: s.Type ?? Filter,
        awsManaged: s.AwsManaged === true,
        content: detail?.Content ?? '',
        // AWS managed policies cannot be tagged.
        tags: s.AwsManaged ? {} : await tagsOf(s.Id!),
        targetIds: targets.map((t) => t.TargetId!).sort(),
      });
    }
  }

  const principals = await collectPages(async (NextToken) => {
    const r = await call<{ EnabledServicePrincipals?: Array<{ ServicePrincipal?: string }>; NextToken?: string }>(new sdk.ListAWSServiceAccessForOrganizationCommand({ NextToken }));
    return { items: r.EnabledServicePrincipals, next: r.NextToken };
  });
  const admins = await collectPages(async (NextToken) => {
    const r = await call<{ DelegatedAdministrators?: Array<{ Id?: string }>; NextToken?: string }>(new sdk.ListDelegatedAdministratorsCommand({ NextToken }));
    return { items: r.DelegatedAdministrators, next: r.NextToken };
  });
  const delegatedAdministrators: Array<{ accountId: string; servicePrincipal: string }> = [];
  for (const admin of admins) {
    const services = await collectPages(async (NextToken) => {
      const r = await call<{ DelegatedServices?: Array<{ ServicePrincipal?: string }>; NextToken?: string }>(
        new sdk.ListDelegatedServicesForAccountCommand({ AccountId: admin.Id!, NextToken }));
      return { items: r.DelegatedServices, next: r.NextToken };
    });
    for (const s of services) delegatedAdministrators.push({ accountId: admin.Id!, servicePrincipal: s.ServicePrincipal! });
  }

  return {
    id: org.Id,
    managementAccountId: org.MasterAccountId,
    featureSet: org.FeatureSet ?? 'ALL',
    rootId: root.Id,
    enabledPolicyTypes,
    serviceAccessPrincipals: principals.map((p) => p.ServicePrincipal!).sort(),
    delegatedAdministrators,
    ous,
    accounts,
    policies,
  };
}
