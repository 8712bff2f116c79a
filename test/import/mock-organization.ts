import * as ec2 from '@aws-sdk/client-ec2';
import * as store from '@aws-sdk/client-identitystore';
import * as orgs from '@aws-sdk/client-organizations';
import * as ram from '@aws-sdk/client-ram';
import * as sso from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';

/**
 * A realistic organization as the AWS APIs answer for it (response shapes as recorded from the
 * SDK's models): nested OUs three levels deep, 57 accounts (two whose names give one key, one suspended, one
 * closing), SCPs with FullAWSAccess detached from Sandbox, a tag policy, Identity Center with
 * managed, customer managed and inline policies, a boundary and 116 assignments, and a Transit
 * Gateway with two route tables, propagations and a RAM share. Lists are paginated in pages of
 * `pageSize`; `controlTower` adds Control Tower's trusted access and guardrail SCPs.
 */
export interface MockOptions {
  readonly controlTower?: boolean;
  readonly pageSize?: number;
  /** Calls (by command name) that answer AccessDeniedException. */
  readonly denied?: readonly string[];
  /** Calls that answer TooManyRequestsException this many times before succeeding. */
  readonly throttled?: Readonly<Record<string, number>>;
}

export const ORG_ID = 'o-a1b2c3d4e5';
export const ROOT_ID = 'r-a1b2';
export const MANAGEMENT_ID = '111111111111';
export const NETWORK_ID = '222222222201';
export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6';
export const STORE_ID = 'd-9067a1b2c3';

export interface MockOu { id: string; name: string; parentId: string; tags: Record<string, string> }
export interface MockAccount { id: string; name: string; email: string; status: string; parentId: string; tags: Record<string, string> }
export interface MockPolicy { id: string; name: string; type: string; awsManaged: boolean; description: string; content: string; targets: string[] }

export function mockData(options: MockOptions = {}) {
  const ous: MockOu[] = [
    { id: 'ou-a1b2-security1', name: 'Security', parentId: ROOT_ID, tags: { purpose: 'security' } },
    { id: 'ou-a1b2-infra001', name: 'Infrastructure', parentId: ROOT_ID, tags: {} },
    { id: 'ou-a1b2-workload', name: 'Workloads', parentId: ROOT_ID, tags: {} },
    { id: 'ou-a1b2-prod0001', name: 'Prod', parentId: 'ou-a1b2-workload', tags: { environment: 'prod' } },
    { id: 'ou-a1b2-nonprod1', name: 'Non Prod', parentId: 'ou-a1b2-workload', tags: { environment: 'nonprod' } },
    { id: 'ou-a1b2-payments', name: 'Payments Team', parentId: 'ou-a1b2-prod0001', tags: {} },
    { id: 'ou-a1b2-sandbox1', name: 'Sandbox', parentId: ROOT_ID, tags: {} },
    { id: 'ou-a1b2-suspend1', name: 'Suspended', parentId: ROOT_ID, tags: {} },
  ];
  const accounts: MockAccount[] = [
    { id: MANAGEMENT_ID, name: 'Acme Management', email: 'aws+management@acme.example', status: 'ACTIVE', parentId: ROOT_ID, tags: {} },
    { id: '222222222202', name: 'Log Archive', email: 'aws+log-archive@acme.example', status: 'ACTIVE', parentId: 'ou-a1b2-security1', tags: {} },
    { id: '222222222203', name: 'Audit', email: 'aws+audit@acme.example', status: 'ACTIVE', parentId: 'ou-a1b2-security1', tags: {} },
    { id: NETWORK_ID, name: 'Network', email: 'aws+network@acme.example', status: 'ACTIVE', parentId: 'ou-a1b2-infra001', tags: { owner: 'platform' } },
    { id: '222222222204', name: 'Shared Services', email: 'aws+shared@acme.example', status: 'ACTIVE', parentId: 'ou-a1b2-infra001', tags: {} },
  ];
  for (let i = 1; i <= 20; i++) {
    const n = String(i).padStart(2, '0');
    accounts.push({ id: `3333333333${n}`, name: `Workload ${n} Prod`, email: `aws+w${n}-prod@acme.example`, status: 'ACTIVE', parentId: i <= 5 ? 'ou-a1b2-payments' : 'ou-a1b2-prod0001', tags: { costCenter: `cc-${n}` } });
    accounts.push({ id: `4444444444${n}`, name: `Workload ${n} NonProd`, email: `aws+w${n}-nonprod@acme.example`, status: 'ACTIVE', parentId: 'ou-a1b2-nonprod1', tags: {} });
  }
  for (let i = 1; i <= 8; i++)
    accounts.push({ id: `5555555555${String(i).padStart(2, '0')}`, name: `Sandbox ${i}`, email: `aws+sandbox${i}@acme.example`, status: 'ACTIVE', parentId: 'ou-a1b2-sandbox1', tags: {} });
  // Two names with one key: both keys carry their id.
  accounts.push({ id: '555555555591', name: 'Data Lake', email: 'aws+lake-a@acme.example', status: 'ACTIVE', parentId: 'ou-a1b2-sandbox1', tags: {} });
  accounts.push({ id: '555555555592', name: 'data-lake', email: 'aws+lake-b@acme.example', status: 'ACTIVE', parentId: 'ou-a1b2-sandbox1', tags: {} });
  accounts.push({ id: '666666666601', name: 'Old Project', email: 'aws+old@acme.example', status: 'SUSPENDED', parentId: 'ou-a1b2-suspend1', tags: {} });
  accounts.push({ id: '666666666602', name: 'Closing Project', email: 'aws+closing@acme.example', status: 'PENDING_CLOSURE', parentId: 'ou-a1b2-suspend1', tags: {} });

  const all = [ROOT_ID, ...ous.map((o) => o.id), ...accounts.map((a) => a.id)];
  const doc = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
  const policies: MockPolicy[] = [
    { id: 'p-FullAWSAccess', name: 'FullAWSAccess', type: 'SERVICE_CONTROL_POLICY', awsManaged: true, description: 'Allows access to every operation',
      content: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]), targets: all.filter((t) => t !== 'ou-a1b2-sandbox1') },
    { id: 'p-deny0leave', name: 'DenyLeaveOrganization', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: 'No account leaves the organization',
      content: doc([{ Sid: 'DenyLeave', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }]), targets: [ROOT_ID] },
    { id: 'p-regions001', name: 'Region Restriction', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: '',
      content: doc([{ Sid: 'DenyOtherRegions', Effect: 'Deny', NotAction: ['iam:*', 'organizations:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } } }]),
      targets: ['ou-a1b2-workload', 'ou-a1b2-sandbox1'] },
    { id: 'p-sandbox01', name: 'SandboxAllowList', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: 'What sandboxes may use',
      content: doc([{ Sid: 'AllowListed', Effect: 'Allow', Action: ['ec2:*', 's3:*', 'lambda:*', 'cloudwatch:*', 'logs:*', 'iam:*', 'sts:*'], Resource: '*' }]), targets: ['ou-a1b2-sandbox1'] },
    { id: 'p-denyall01', name: 'DenyAll', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: 'Suspended accounts do nothing',
      content: doc([{ Effect: 'Deny', Action: '*', Resource: '*' }]), targets: ['ou-a1b2-suspend1'] },
    { id: 'p-tags00001', name: 'CostCenterTags', type: 'TAG_POLICY', awsManaged: false, description: '',
      content: JSON.stringify({ tags: { costCenter: { tag_key: { '@@assign': 'costCenter' } } } }), targets: [ROOT_ID] },
  ];
  const principals = ['sso.amazonaws.com', 'ram.amazonaws.com', 'securityhub.amazonaws.com'];
  if (options.controlTower) {
    principals.push('controltower.amazonaws.com', 'config.amazonaws.com', 'cloudtrail.amazonaws.com', 'member.org.stacksets.cloudformation.amazonaws.com');
    policies.push(
      { id: 'p-ctguard01', name: 'aws-guardrails-AbCdEf', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: '',
        content: doc([{ Sid: 'GRCLOUDTRAILENABLED', Effect: 'Deny', Action: 'cloudtrail:StopLogging', Resource: '*' }]), targets: ['ou-a1b2-security1', 'ou-a1b2-sandbox1'] },
      { id: 'p-ctguard02', name: 'aws-guardrails-GhIjKl', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, description: '',
        content: doc([{ Sid: 'GRCONFIGENABLED', Effect: 'Deny', Action: 'config:DeleteConfigurationRecorder', Resource: '*' }]), targets: ['ou-a1b2-security1'] },
    );
  }
  const tags: Record<string, Record<string, string>> = { 'p-deny0leave': { owner: 'platform' } };
  for (const o of ous) tags[o.id] = o.tags;
  for (const a of accounts) tags[a.id] = a.tags;

  const setArn = (id: string) => `arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-${id}`;
  const permissionSets = [
    { arn: setArn('admin0000001'), name: 'AdministratorAccess', sessionDuration: 'PT4H', managed: ['arn:aws:iam::aws:policy/AdministratorAccess'], customer: [] as Array<{ Name: string; Path: string }>, tags: {} as Record<string, string> },
    { arn: setArn('readonly0001'), name: 'ReadOnly', description: 'Read everything', managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'], customer: [], tags: {} },
    { arn: setArn('developer001'), name: 'Developer', sessionDuration: 'PT8H', managed: [], customer: [{ Name: 'developer-extras', Path: '/platform/' }], tags: { team: 'platform' },
      inline: doc([{ Sid: 'NoIam', Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey'], Resource: '*' }]),
      boundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } },
    { arn: setArn('billing00001'), name: 'Billing.Admin', managed: ['arn:aws:iam::aws:policy/job-function/Billing'], customer: [], tags: {} },
  ];
  const groups = [{ id: 'g-0001-admins', name: 'Platform Admins' }, { id: 'g-0002-devs', name: 'Developers' }, { id: 'g-0003-audit', name: 'Auditors' }];
  const users = [{ id: 'u-0001-alice', name: 'alice@acme.example' }];
  const active = accounts.filter((a) => a.status === 'ACTIVE');
  const assignments = [
    ...active.slice(0, 40).map((a) => ({ set: permissionSets[0]!.arn, accountId: a.id, type: 'GROUP', principal: 'g-0001-admins' })),
    ...active.filter((a) => a.parentId === 'ou-a1b2-nonprod1').map((a) => ({ set: permissionSets[2]!.arn, accountId: a.id, type: 'GROUP', principal: 'g-0002-devs' })),
    ...active.slice(0, 59).map((a) => ({ set: permissionSets[1]!.arn, accountId: a.id, type: 'GROUP', principal: 'g-0003-audit' })),
    { set: permissionSets[3]!.arn, accountId: MANAGEMENT_ID, type: 'USER', principal: 'u-0001-alice' },
  ];
  return { ous, accounts, policies, principals, tags, permissionSets, groups, users, assignments };
}

export type MockData = ReturnType<typeof mockData>;

/** Installs the mocked organization on every client of the five services; returns the mocks and the data. */
export function installMockOrganization(options: MockOptions = {}) {
  const data = mockData(options);
  const size = options.pageSize ?? 7;
  const page = <T>(items: readonly T[], token: string | undefined) => {
    const start = token === undefined ? 0 : Number(token);
    const next = start + size < items.length ? String(start + size) : undefined;
    return { items: items.slice(start, start + size), next };
  };
  const throttles = new Map(Object.entries(options.throttled ?? {}));
  const guard = (name: string) => {
    if ((options.denied ?? []).includes(name)) throw Object.assign(new Error(`User: arn:aws:sts::${MANAGEMENT_ID}:assumed-role/ReadOnly/me is not authorized to perform: ${name}`), { name: 'AccessDeniedException' });
    const left = throttles.get(name) ?? 0;
    if (left > 0) {
      throttles.set(name, left - 1);
      throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
    }
  };
  const o = mockClient(orgs.OrganizationsClient);
  o.on(orgs.DescribeOrganizationCommand).callsFake(() => (guard('DescribeOrganization'), { Organization: { Id: ORG_ID, Arn: `arn:aws:organizations::${MANAGEMENT_ID}:organization/${ORG_ID}`, FeatureSet: 'ALL', MasterAccountId: MANAGEMENT_ID } }));
  o.on(orgs.ListRootsCommand).callsFake(() => ({ Roots: [{ Id: ROOT_ID, Name: 'Root', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }, { Type: 'TAG_POLICY', Status: 'ENABLED' }, { Type: 'BACKUP_POLICY', Status: 'ENABLED' }] }] }));
  o.on(orgs.ListOrganizationalUnitsForParentCommand).callsFake((input: { ParentId: string; NextToken?: string }) => {
    const p = page(data.ous.filter((x) => x.parentId === input.ParentId).map((x) => ({ Id: x.id, Name: x.name, Arn: `arn:aws:organizations::${MANAGEMENT_ID}:ou/${ORG_ID}/${x.id}` })), input.NextToken);
    return { OrganizationalUnits: p.items, NextToken: p.next };
  });
  o.on(orgs.ListAccountsForParentCommand).callsFake((input: { ParentId: string; NextToken?: string }) => {
    guard('ListAccountsForParent');
    const p = page(data.accounts.filter((x) => x.parentId === input.ParentId).map((x) => ({ Id: x.id, Name: x.name, Email: x.email, Status: x.status, JoinedMethod: 'CREATED' })), input.NextToken);
    return { Accounts: p.items, NextToken: p.next };
  });
  o.on(orgs.ListTagsForResourceCommand).callsFake((input: { ResourceId: string; NextToken?: string }) => {
    const p = page(Object.entries(data.tags[input.ResourceId] ?? {}).map(([Key, Value]) => ({ Key, Value })), input.NextToken);
    return { Tags: p.items, NextToken: p.next };
  });
  o.on(orgs.ListPoliciesCommand).callsFake((input: { Filter: string; NextToken?: string }) => {
    const p = page(data.policies.filter((x) => x.type === input.Filter).map((x) => ({ Id: x.id, Name: x.name, Description: x.description, Type: x.type, AwsManaged: x.awsManaged })), input.NextToken);
    return { Policies: p.items, NextToken: p.next };
  });
  o.on(orgs.DescribePolicyCommand).callsFake((input: { PolicyId: string }) => {
    const x = data.policies.find((y) => y.id === input.PolicyId)!;
    return { Policy: { PolicySummary: { Id: x.id, Name: x.name, Type: x.type, AwsManaged: x.awsManaged }, Content: x.content } };
  });
  o.on(orgs.ListTargetsForPolicyCommand).callsFake((input: { PolicyId: string; NextToken?: string }) => {
    const p = page(data.policies.find((y) => y.id === input.PolicyId)!.targets.map((TargetId) => ({ TargetId })), input.NextToken);
    return { Targets: p.items, NextToken: p.next };
  });
  o.on(orgs.ListAWSServiceAccessForOrganizationCommand).callsFake(() => ({ EnabledServicePrincipals: data.principals.map((ServicePrincipal) => ({ ServicePrincipal })) }));
  o.on(orgs.ListDelegatedAdministratorsCommand).callsFake(() => ({ DelegatedAdministrators: [{ Id: '222222222203', Name: 'Audit' }] }));
  o.on(orgs.ListDelegatedServicesForAccountCommand).callsFake(() => ({ DelegatedServices: [{ ServicePrincipal: 'securityhub.amazonaws.com' }] }));

  const s = mockClient(sso.SSOAdminClient);
  const setOf = (arn: string) => data.permissionSets.find((x) => x.arn === arn)!;
  s.on(sso.ListInstancesCommand).callsFake(() => (guard('ListInstances'), { Instances: [{ InstanceArn: INSTANCE_ARN, IdentityStoreId: STORE_ID, OwnerAccountId: MANAGEMENT_ID, Status: 'ACTIVE' }] }));
  s.on(sso.ListPermissionSetsCommand).callsFake((input: { NextToken?: string }) => {
    const p = page(data.permissionSets.map((x) => x.arn), input.NextToken);
    return { PermissionSets: p.items, NextToken: p.next };
  });
  s.on(sso.DescribePermissionSetCommand).callsFake((input: { PermissionSetArn: string }) => {
    const x = setOf(input.PermissionSetArn);
    return { PermissionSet: { Name: x.name, PermissionSetArn: x.arn, Description: 'description' in x ? x.description : undefined, SessionDuration: 'sessionDuration' in x ? x.sessionDuration : 'PT1H' } };
  });
  s.on(sso.ListTagsForResourceCommand).callsFake((input: { ResourceArn: string }) => ({ Tags: Object.entries(setOf(input.ResourceArn).tags).map(([Key, Value]) => ({ Key, Value })) }));
  s.on(sso.ListManagedPoliciesInPermissionSetCommand).callsFake((input: { PermissionSetArn: string }) =>
    ({ AttachedManagedPolicies: setOf(input.PermissionSetArn).managed.map((Arn) => ({ Arn, Name: Arn.slice(Arn.lastIndexOf('/') + 1) })) }));
  s.on(sso.ListCustomerManagedPolicyReferencesInPermissionSetCommand).callsFake((input: { PermissionSetArn: string }) => ({ CustomerManagedPolicyReferences: setOf(input.PermissionSetArn).customer }));
  s.on(sso.GetInlinePolicyForPermissionSetCommand).callsFake((input: { PermissionSetArn: string }) => { const x = setOf(input.PermissionSetArn); return { InlinePolicy: 'inline' in x ? x.inline : '' }; });
  s.on(sso.GetPermissionsBoundaryForPermissionSetCommand).callsFake((input: { PermissionSetArn: string }) => {
    const x = setOf(input.PermissionSetArn);
    if (!('boundary' in x)) throw Object.assign(new Error('Could not find PermissionsBoundary'), { name: 'ResourceNotFoundException' });
    return { PermissionsBoundary: x.boundary };
  });
  s.on(sso.ListAccountsForProvisionedPermissionSetCommand).callsFake((input: { PermissionSetArn: string; NextToken?: string }) => {
    const p = page([...new Set(data.assignments.filter((a) => a.set === input.PermissionSetArn).map((a) => a.accountId))], input.NextToken);
    return { AccountIds: p.items, NextToken: p.next };
  });
  s.on(sso.ListAccountAssignmentsCommand).callsFake((input: { AccountId: string; PermissionSetArn: string; NextToken?: string }) => {
    const p = page(data.assignments.filter((a) => a.set === input.PermissionSetArn && a.accountId === input.AccountId)
      .map((a) => ({ AccountId: a.accountId, PermissionSetArn: a.set, PrincipalType: a.type, PrincipalId: a.principal })), input.NextToken);
    return { AccountAssignments: p.items, NextToken: p.next };
  });
  const i = mockClient(store.IdentitystoreClient);
  i.on(store.DescribeGroupCommand).callsFake((input: { GroupId: string }) => ({ GroupId: input.GroupId, DisplayName: data.groups.find((g) => g.id === input.GroupId)!.name, IdentityStoreId: STORE_ID }));
  i.on(store.DescribeUserCommand).callsFake((input: { UserId: string }) => ({ UserId: input.UserId, UserName: data.users.find((u) => u.id === input.UserId)!.name, IdentityStoreId: STORE_ID }));

  const e = mockClient(ec2.EC2Client);
  const tgwArn = `arn:aws:ec2:eu-west-1:${NETWORK_ID}:transit-gateway/tgw-0a1b2c3d4e5f60001`;
  e.on(ec2.DescribeTransitGatewaysCommand).callsFake(() => ({ TransitGateways: [{ TransitGatewayId: 'tgw-0a1b2c3d4e5f60001', TransitGatewayArn: tgwArn, State: 'available', OwnerId: NETWORK_ID, Description: 'Acme hub',
    Options: { AmazonSideAsn: 64520, AutoAcceptSharedAttachments: 'disable', DefaultRouteTableAssociation: 'disable', DefaultRouteTablePropagation: 'disable', DnsSupport: 'enable' }, Tags: [{ Key: 'Name', Value: 'acme-hub' }] }] }));
  e.on(ec2.DescribeTransitGatewayRouteTablesCommand).callsFake(() => ({ TransitGatewayRouteTables: [
    { TransitGatewayRouteTableId: 'tgw-rtb-0000000000000prod', State: 'available', Tags: [{ Key: 'Name', Value: 'prod' }] },
    { TransitGatewayRouteTableId: 'tgw-rtb-000000000nonprod', State: 'available', Tags: [{ Key: 'Name', Value: 'nonprod' }] }] }));
  e.on(ec2.GetTransitGatewayRouteTablePropagationsCommand).callsFake((input: { TransitGatewayRouteTableId: string }) => ({ TransitGatewayRouteTablePropagations:
    input.TransitGatewayRouteTableId.endsWith('prod') && !input.TransitGatewayRouteTableId.endsWith('nonprod')
      ? [{ TransitGatewayAttachmentId: 'tgw-attach-00000000000001', State: 'enabled' }, { TransitGatewayAttachmentId: 'tgw-attach-00000000000003', State: 'enabled' }]
      : [{ TransitGatewayAttachmentId: 'tgw-attach-00000000000002', State: 'enabled' }, { TransitGatewayAttachmentId: 'tgw-attach-00000000000003', State: 'enabled' }] }));
  e.on(ec2.SearchTransitGatewayRoutesCommand).callsFake(() => ({ Routes: [{ DestinationCidrBlock: '0.0.0.0/0', Type: 'static', State: 'active', TransitGatewayAttachments: [{ TransitGatewayAttachmentId: 'tgw-attach-00000000000003' }] }], AdditionalRoutesAvailable: false }));
  e.on(ec2.DescribeTransitGatewayAttachmentsCommand).callsFake(() => ({ TransitGatewayAttachments: [
    { TransitGatewayAttachmentId: 'tgw-attach-00000000000001', ResourceType: 'vpc', ResourceId: 'vpc-0000000000000001', ResourceOwnerId: '333333333301', State: 'available', Association: { TransitGatewayRouteTableId: 'tgw-rtb-0000000000000prod', State: 'associated' } },
    { TransitGatewayAttachmentId: 'tgw-attach-00000000000002', ResourceType: 'vpc', ResourceId: 'vpc-0000000000000002', ResourceOwnerId: '444444444401', State: 'available', Association: { TransitGatewayRouteTableId: 'tgw-rtb-000000000nonprod', State: 'associated' } },
    { TransitGatewayAttachmentId: 'tgw-attach-00000000000003', ResourceType: 'vpc', ResourceId: 'vpc-0000000000000003', ResourceOwnerId: NETWORK_ID, State: 'available' }] }));
  const r = mockClient(ram.RAMClient);
  const shareArn = `arn:aws:ram:eu-west-1:${NETWORK_ID}:resource-share/0a1b2c3d-0000-4000-8000-000000000001`;
  r.on(ram.GetResourceSharesCommand).callsFake(() => ({ resourceShares: [{ resourceShareArn: shareArn, name: 'acme-tgw', status: 'ACTIVE', allowExternalPrincipals: false }] }));
  r.on(ram.ListResourcesCommand).callsFake(() => ({ resources: [{ arn: tgwArn, type: 'ec2:TransitGateway' }] }));
  r.on(ram.ListPrincipalsCommand).callsFake(() => ({ principals: [{ id: `arn:aws:organizations::${MANAGEMENT_ID}:organization/${ORG_ID}` }] }));

  return { data, mocks: { organizations: o, sso: s, store: i, ec2: e, ram: r }, restore: () => [o, s, i, e, r].forEach((m) => m.restore()) };
}
