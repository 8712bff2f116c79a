import { stringify } from 'yaml';
import { canAccount, scpLevelsOf } from '../../src/model/account-access';
import { defaultModel, modelOf, validateYaml } from '../helpers';

describe('canAccount: pinning intent in your own tests', () => {
  const model = defaultModel();

  test('the levels of a Prod account are Root, Workloads, Workloads/Prod and the account, each with FullAWSAccess', () => {
    expect(scpLevelsOf(model, 'payments-prod').map((l) => [l.level, l.policies.map((p) => p.name)])).toEqual([
      ['Root', ['FullAWSAccess', 'baseline', 'deny-unapproved-regions']],
      ['Workloads', ['FullAWSAccess', 'workload-guardrails']],
      ['Workloads/Prod', ['FullAWSAccess']],
      ['account payments-prod', ['FullAWSAccess']],
    ]);
  });

  test('no workload account can leave the organization or create IAM users; a Suspended account can do nothing', () => {
    for (const account of ['payments-prod', 'analytics-nonprod', 'sandbox-alice']) {
      expect(canAccount(model, account, 'organizations:LeaveOrganization').allowed).toBe(false);
      expect(canAccount(model, account, 'iam:CreateUser').reason).toBe('explicit-deny');
    }
  });

  test('the root user is denied everything, even in an approved region', () => {
    const d = canAccount(model, 'payments-prod', 's3:GetObject', { principalArn: 'arn:aws:iam::111122223333:root', resource: 'arn:aws:s3:::b/k' });
    expect(d.levels[0]!.deniedBy).toEqual([{ policy: 'baseline', sid: 'DenyRootUser' }]);
  });

  test('the organization access role may manage GuardDuty in the security account; others may not', () => {
    expect(canAccount(model, 'security-tooling', 'guardduty:DeleteDetector', { principalArn: 'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole' }).allowed).toBe(true);
    expect(canAccount(model, 'security-tooling', 'guardduty:DeleteDetector').allowed).toBe(false);
  });

  test('with FullAWSAccess detached, only the allow-list is allowed, and the explanation names the level', () => {
    const yaml = stringify({
      organization: { name: 'x', homeRegion: 'eu-west-1', managementAccount: 'management' },
      organizationalUnits: { Workloads: { policies: ['allow-list'] } },
      accounts: {
        management: { name: 'Management', email: 'aws+m@example.com', ou: 'Root', id: '111122223333' },
        app: { name: 'App', email: 'aws+app@example.com', ou: 'Workloads' },
      },
      policies: { 'allow-list': { statements: [{ Sid: 'AllowCompute', Effect: 'Allow', Action: ['ec2:*', 'lambda:*'], Resource: '*' }] } },
      guardrails: { detachFullAWSAccess: ['Workloads'] },
    });
    const m = modelOf(validateYaml(yaml));
    expect(canAccount(m, 'app', 'lambda:InvokeFunction').allowed).toBe(true);
    const denied = canAccount(m, 'app', 's3:GetObject');
    expect(denied.reason).toBe('no-allow');
    expect(denied.explanation).toBe('DENIED: s3:GetObject on *\n  no Allow at Workloads: no SCP attached there allows the action');
  });
});

describe('canAccount with resource control policies', () => {
  const yaml = stringify({
    organization: { name: 'x', id: 'o-abcdefghij', homeRegion: 'eu-west-1', managementAccount: 'management', policies: ['org-only'] },
    organizationalUnits: { Workloads: {} },
    accounts: {
      management: { name: 'Management', email: 'aws+m@example.com', ou: 'Root', id: '111122223333' },
      app: { name: 'App', email: 'aws+app@example.com', ou: 'Workloads', id: '444455556666' },
      data: { name: 'Data', email: 'aws+data@example.com', ou: 'Workloads', id: '777788889999' },
    },
    policies: {
      'org-only': {
        type: 'RESOURCE_CONTROL_POLICY',
        statements: [{ Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } }],
      },
    },
  });
  const model = modelOf(validateYaml(yaml));
  const role = 'arn:aws:iam::777788889999:role/Reader';

  test('a caller inside the organization passes the RCPs of the resource account', () => {
    const d = canAccount(model, 'app', 'sts:AssumeRole', { resource: role });
    expect(d.allowed).toBe(true);
    expect(d.rcp!.resourceAccount).toBe('data');
  });

  test('a caller outside the organization is denied by the RCP, and the explanation says where', () => {
    const d = canAccount(model, 'app', 'sts:AssumeRole', { resource: role, context: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } });
    expect(d.allowed).toBe(false);
    expect(d.reason).toBe('explicit-deny');
    expect(d.explanation).toContain('RCPs of data: DENIED: sts:AssumeRole on arn:aws:iam::777788889999:role/Reader\n  explicit Deny at Root: policy org-only, statement OrgOnly');
  });
});
