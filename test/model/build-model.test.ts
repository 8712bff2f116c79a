import { accountsUnder } from '../../src/model/queries';
import { ancestorsOf, isWithin } from '../../src/model/org-tree';
import { renderPolicyDocument } from '../../src/model/policy-document';
import { defaultModel } from '../helpers';

describe('the resolved model of the default org.yaml', () => {
  const model = defaultModel();

  test('OUs come parents first, with paths and depths', () => {
    expect(model.ous.map((o) => [o.path, o.parentPath, o.depth])).toEqual([
      ['Infrastructure', 'Root', 1],
      ['Sandbox', 'Root', 1],
      ['Security', 'Root', 1],
      ['Suspended', 'Root', 1],
      ['Workloads', 'Root', 1],
      ['Workloads/NonProd', 'Workloads', 2],
      ['Workloads/Prod', 'Workloads', 2],
    ]);
  });

  test('accounts are resolved to OU paths, and the management account is marked', () => {
    expect(model.accounts.find((a) => a.key === 'payments-prod')).toMatchObject({ ouPath: 'Workloads/Prod', isManagement: false });
    expect(model.accounts.find((a) => a.key === 'management')).toMatchObject({ ouPath: 'Root', isManagement: true, id: '123456789012' });
    expect(model.organization.managementAccountId).toBe('123456789012');
  });

  test('accountsUnder expands nested OUs', () => {
    expect(accountsUnder(model, 'Workloads').map((a) => a.key)).toEqual(['analytics-nonprod', 'analytics-prod', 'payments-nonprod', 'payments-prod']);
    expect(accountsUnder(model, 'Workloads/Prod').map((a) => a.key)).toEqual(['analytics-prod', 'payments-prod']);
    expect(accountsUnder(model, 'Root')).toHaveLength(model.accounts.length);
  });

  test('policy targets are resolved and sorted', () => {
    expect(model.policies.map((p) => [p.key, p.targets])).toEqual([
      ['baseline', [{ kind: 'root' }]],
      ['deny-all', [{ kind: 'ou', path: 'Suspended' }]],
      ['deny-unapproved-regions', [{ kind: 'root' }]],
      ['ec2-account-defaults', [{ kind: 'ou', path: 'Infrastructure' }, { kind: 'ou', path: 'Security' }]],
      ['ec2-workload-baseline', [{ kind: 'ou', path: 'Sandbox' }, { kind: 'ou', path: 'Workloads' }]],
      ['infrastructure-guardrails', [{ kind: 'ou', path: 'Infrastructure' }]],
      ['sandbox-guardrails', [{ kind: 'ou', path: 'Sandbox' }]],
      ['security-guardrails', [{ kind: 'ou', path: 'Security' }]],
      ['workload-guardrails', [{ kind: 'ou', path: 'Sandbox' }, { kind: 'ou', path: 'Workloads' }]],
    ]);
  });

  test('allowed regions start with the home region', () => {
    expect(model.organization.allowedRegions).toEqual(['us-east-1', 'eu-west-1', 'us-west-2']);
  });
});

describe('OU path helpers', () => {
  test('isWithin and ancestorsOf', () => {
    expect(isWithin('Workloads/Prod', 'Workloads')).toBe(true);
    expect(isWithin('WorkloadsX', 'Workloads')).toBe(false);
    expect(ancestorsOf('Workloads/Prod')).toEqual(['Root', 'Workloads', 'Workloads/Prod']);
  });
});

describe('policy documents', () => {
  test('equivalent statements render identically, minified', () => {
    const a = renderPolicyDocument([
      { Effect: 'Deny', Action: ['s3:B', 's3:A', 's3:A'], Resource: '*' },
      { Sid: 'X', Effect: 'Deny', Action: 'iam:*', Resource: ['*'] },
    ]);
    const b = renderPolicyDocument([
      { Resource: '*', Sid: 'X', Action: 'iam:*', Effect: 'Deny' },
      { Resource: '*', Effect: 'Deny', Action: ['s3:A', 's3:B'] },
    ]);
    expect(a).toBe(b);
    expect(a).toBe('{"Version":"2012-10-17","Statement":[{"Action":["s3:A","s3:B"],"Effect":"Deny","Resource":"*"},{"Action":"iam:*","Effect":"Deny","Resource":"*","Sid":"X"}]}');
  });
});
