import { mapSnapshot } from '../../src/import/map-snapshot';
import type { ImportSnapshot, OrganizationsSnapshot } from '../../src/import/snapshot';

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

function snapshot(overrides: Partial<OrganizationsSnapshot> = {}, rest: Partial<ImportSnapshot> = {}): ImportSnapshot {
  const organizations: OrganizationsSnapshot = {
    id: 'o-abcdef1234',
    managementAccountId: '111111111111',
    featureSet: 'ALL',
    rootId: 'r-ab12',
    enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    serviceAccessPrincipals: ['sso.amazonaws.com'],
    delegatedAdministrators: [],
    ous: [{ id: 'ou-ab12-aaaaaaaa', name: 'Work Loads', parentId: 'r-ab12', tags: {} }],
    accounts: [
      { id: '111111111111', name: 'Management', email: 'm@example.com', status: 'ACTIVE', parentId: 'r-ab12', tags: {} },
      { id: '222222222222', name: 'App', email: 'a@example.com', status: 'ACTIVE', parentId: 'ou-ab12-aaaaaaaa', tags: { team: 'x' } },
    ],
    policies: [
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', description: '', type: 'SERVICE_CONTROL_POLICY', awsManaged: true, content: doc({ Effect: 'Allow', Action: '*', Resource: '*' }), tags: {},
        targetIds: ['r-ab12', '111111111111', '222222222222'] },
      { id: 'p-aaaaaaaa', name: 'Deny Leave', description: 'd', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, content: doc({ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }), tags: {},
        targetIds: ['ou-ab12-aaaaaaaa'] },
    ],
    ...overrides,
  };
  return { partition: 'aws', region: 'eu-west-1', organizations, skipped: [], ...rest };
}

describe('mapping a snapshot to org.yaml', () => {
  test('keys, names, ids, attachments and FullAWSAccess detachments', () => {
    const mapped = mapSnapshot(snapshot(), { name: 'acme', accessRoleName: 'OrganizationAccountAccessRole' });
    expect(mapped.document.organizationalUnits).toEqual({ 'Work-Loads': { id: 'ou-ab12-aaaaaaaa', name: 'Work Loads', policies: ['Deny-Leave'] } });
    expect(mapped.document.accounts).toEqual({
      app: { name: 'App', email: 'a@example.com', ou: 'Work-Loads', id: '222222222222', tags: { team: 'x' } },
      management: { name: 'Management', email: 'm@example.com', ou: 'Root', id: '111111111111' },
    });
    expect(mapped.document.policies).toEqual({ 'Deny-Leave': { name: 'Deny Leave', description: 'd', file: 'policies/Deny-Leave.json' } });
    expect(mapped.document.guardrails).toEqual({ detachFullAWSAccess: ['Work-Loads'] });
    expect([...mapped.imports]).toEqual([
      ['aws_organizations_policy.policy_Deny-Leave', 'p-aaaaaaaa'],
      ['aws_organizations_policy_attachment.attach_Deny-Leave__ou_Work-Loads', 'ou-ab12-aaaaaaaa:p-aaaaaaaa'],
    ]);
    expect(mapped.report).toEqual([]);
  });

  test('a policy type enabled with no declared policy stays enabled (SCPs too, when the only one is left out); another feature set, closing accounts and odd statements are reported', () => {
    const mapped = mapSnapshot(snapshot({
      featureSet: 'CONSOLIDATED_BILLING',
      enabledPolicyTypes: ['BACKUP_POLICY', 'SERVICE_CONTROL_POLICY'],
      accounts: [
        { id: '111111111111', name: 'Management', email: 'm@example.com', status: 'ACTIVE', parentId: 'r-ab12', tags: {} },
        { id: '333333333333', name: 'Gone', email: 'g@example.com', status: 'PENDING_CLOSURE', parentId: 'r-ab12', tags: {} },
      ],
      policies: [{ id: 'p-bbbbbbbb', name: 'Odd', description: '', type: 'SERVICE_CONTROL_POLICY', awsManaged: false, content: doc({ Effect: 'Deny', Action: '*', Resource: '*', Unknown: 1 }), tags: {}, targetIds: [] }],
    }), { accessRoleName: 'OrganizationAccountAccessRole' });
    expect((mapped.document.organization as Record<string, unknown>).enabledPolicyTypes).toEqual(['BACKUP_POLICY', 'SERVICE_CONTROL_POLICY']);
    expect((mapped.document.organization as Record<string, unknown>).name).toBe('management');
    expect(mapped.report.map((r) => `${r.kind} ${r.subject}`)).toEqual([
      'left-out account Gone (333333333333)',
      'left-out SERVICE_CONTROL_POLICY Odd (p-bbbbbbbb)',
      'change organization o-abcdef1234',
    ]);
    expect(mapped.report[1]!.reason).toBe('a statement org.yaml cannot express (0: Unrecognized key: "Unknown").');
  });

  test('an EC2 declarative policy is imported as `content` in the AWS syntax, attached where it is', () => {
    const content = { ec2_attributes: { serial_console_access: { status: { '@@assign': 'disabled' } } } };
    const mapped = mapSnapshot(snapshot({
      enabledPolicyTypes: ['DECLARATIVE_POLICY_EC2', 'SERVICE_CONTROL_POLICY'],
      policies: [{ id: 'p-cccccccc', name: 'EC2 Baseline', description: '', type: 'DECLARATIVE_POLICY_EC2', awsManaged: false, content: JSON.stringify(content), tags: {}, targetIds: ['r-ab12'] }],
    }), { name: 'acme', accessRoleName: 'OrganizationAccountAccessRole' });

    expect(mapped.document.policies).toEqual({ 'EC2-Baseline': { type: 'DECLARATIVE_POLICY_EC2', name: 'EC2 Baseline', content } });
    expect((mapped.document.organization as Record<string, unknown>).policies).toEqual(['EC2-Baseline']);
    expect([...mapped.imports]).toContainEqual(['aws_organizations_policy_attachment.attach_EC2-Baseline__root', 'r-ab12:p-cccccccc']);
  });

  test('Identity Center delegated to a member account is said in its section, and the management account\'s assignments are left out', () => {
    const mapped = mapSnapshot(snapshot({ delegatedAdministrators: [{ accountId: '222222222222', servicePrincipal: 'sso.amazonaws.com' }] }, {
      identityCenter: {
        region: 'eu-west-1', instanceArn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1',
        permissionSets: [{ arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', name: 'Admin', tags: {}, managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'], customerManagedPolicies: [] }],
        groups: [{ id: 'g-1', displayName: 'Admins' }], users: [],
        assignments: [
          { permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', accountId: '222222222222', principalType: 'GROUP', principalId: 'g-1' },
          { permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1', accountId: '111111111111', principalType: 'GROUP', principalId: 'g-1' },
        ],
      },
    }), { name: 'acme', accessRoleName: 'OrganizationAccountAccessRole' });
    expect(mapped.document.delegatedAdministrators).toBeUndefined();
    expect(mapped.document.identityCenter).toEqual({
      region: 'eu-west-1',
      delegatedAdministrator: 'app',
      permissionSets: { Admin: { managedPolicies: ['AdministratorAccess'] } },
      groups: { Admins: {} },
      assignments: [{ group: 'Admins', permissionSets: ['Admin'], accounts: ['app'] }],
    });
    expect(mapped.imports.get('aws_organizations_delegated_administrator.delegated_admin_sso')).toBe('222222222222/sso.amazonaws.com');
    expect(mapped.imports.get('access-app:aws_ssoadmin_account_assignment.assignment_group_Admins__Admin'))
      .toBe('g-1,GROUP,222222222222,AWS_ACCOUNT,arn:aws:sso:::permissionSet/ssoins-1/ps-1,arn:aws:sso:::instance/ssoins-1');
    expect(mapped.report.map((r) => r.reason)).toEqual(['it is in the management account, which the delegated administrator of IAM Identity Center cannot manage; manage it from the management account.']);
  });
});
