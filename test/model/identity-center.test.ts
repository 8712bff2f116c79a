import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Assignment } from '../../src/config/schema/identity-center';
import {
  canonicalSessionDuration,
  expandAssignmentTargets,
  managedPolicyRef,
  sessionDurationSeconds,
} from '../../src/model/identity-center';
import { DEFAULT_ORG, defaultModel, modelOf, validateYaml } from '../helpers';

const accounts = [
  { key: 'management', ouPath: 'Root' },
  { key: 'app-dev', ouPath: 'Workloads/NonProd' },
  { key: 'app-prod', ouPath: 'Workloads/Prod' },
  { key: 'card-prod', ouPath: 'Workloads/Prod/Regulated' },
  { key: 'deep-prod', ouPath: 'Workloads/Prod/Regulated/Pci' },
  { key: 'audit', ouPath: 'Security' },
];
const expand = (input: Record<string, unknown>) => expandAssignmentTargets(Assignment.parse({ group: 'g', permissionSets: ['p'], ...input }), accounts);

describe('expandAssignmentTargets', () => {
  test('an OU reaches the accounts of every OU nested under it', () => {
    expect(expand({ ous: ['Workloads/Prod'] })).toEqual(['app-prod', 'card-prod', 'deep-prod']);
    expect(expand({ ous: ['Workloads'] })).toEqual(['app-dev', 'app-prod', 'card-prod', 'deep-prod']);
  });

  test('Root reaches every account, the management account included', () => {
    expect(expand({ ous: ['Root'] })).toEqual(['app-dev', 'app-prod', 'audit', 'card-prod', 'deep-prod', 'management']);
  });

  test('excluded OUs take their nested accounts out, excluded accounts themselves', () => {
    expect(expand({ ous: ['Workloads'], excludeOus: ['Workloads/Prod/Regulated'] })).toEqual(['app-dev', 'app-prod']);
    expect(expand({ ous: ['Root'], excludeAccounts: ['management', 'audit'] })).toEqual(['app-dev', 'app-prod', 'card-prod', 'deep-prod']);
  });

  test('accounts and OUs combine without duplicates, sorted by key, whatever the order given', () => {
    expect(expand({ accounts: ['audit', 'app-prod'], ous: ['Workloads/Prod'] })).toEqual(['app-prod', 'audit', 'card-prod', 'deep-prod']);
    expect(expand({ accounts: ['app-prod', 'audit'], ous: ['Workloads/Prod'] })).toEqual(['app-prod', 'audit', 'card-prod', 'deep-prod']);
  });

  test('an OU with no accounts yet, and unknown references, add nothing', () => {
    expect(expand({ ous: ['Sandbox'], accounts: ['nobody'] })).toEqual([]);
  });
});

describe('session durations', () => {
  test.each([
    ['PT1H', 3600, 'PT1H'],
    ['PT90M', 5400, 'PT1H30M'],
    ['PT1H30M', 5400, 'PT1H30M'],
    ['PT12H', 43200, 'PT12H'],
    ['PT3600S', 3600, 'PT1H'],
  ])('%s is %i seconds, written %s', (text, seconds, canonical) => {
    expect(sessionDurationSeconds(text)).toBe(seconds);
    expect(canonicalSessionDuration(seconds)).toBe(canonical);
  });

  test.each(['PT', 'P1D', '1H', 'PT1.5H', 'pt1h', 'PT1H '])('%s is not accepted', (text) => {
    expect(sessionDurationSeconds(text)).toBeUndefined();
  });
});

describe('managed policy references', () => {
  test('names, paths and ARNs resolve to the ARN of the partition', () => {
    expect(managedPolicyRef('ReadOnlyAccess', 'aws')).toEqual({ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', slug: 'ReadOnlyAccess' });
    expect(managedPolicyRef('job-function/ViewOnlyAccess', 'aws-cn')).toEqual({ arn: 'arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess', slug: 'job-function_ViewOnlyAccess' });
    expect(managedPolicyRef('arn:aws:iam::aws:policy/service-role/AWSConfigRole', 'aws')!.arn).toBe('arn:aws:iam::aws:policy/service-role/AWSConfigRole');
  });

  test('customer managed ARNs and malformed names are refused', () => {
    expect(managedPolicyRef('arn:aws:iam::111122223333:policy/mine', 'aws')).toBeUndefined();
    expect(managedPolicyRef('Read Only', 'aws')).toBeUndefined();
    expect(managedPolicyRef('job-function//x', 'aws')).toBeUndefined();
  });
});

describe('the identity center model of the default org.yaml', () => {
  const model = defaultModel();

  test('holds the permission sets, groups and assignments org.yaml declares', () => {
    const ic = model.identityCenter!;
    expect(ic.region).toBe('us-east-1');
    expect(ic.delegatedAdministratorKey).toBeUndefined();
    expect(ic.permissionSets.map((p) => [p.key, p.managedPolicies.map((m) => m.arn)])).toEqual([
      ['PlatformAdmin', ['arn:aws:iam::aws:policy/AdministratorAccess']],
      ['PowerUser', ['arn:aws:iam::aws:policy/PowerUserAccess']],
      ['ReadOnly', ['arn:aws:iam::aws:policy/ReadOnlyAccess']],
      ['SecurityAudit', ['arn:aws:iam::aws:policy/SecurityAudit']],
    ]);
    expect(ic.groups.map((g) => [g.key, g.displayName, g.create])).toEqual([
      ['auditors', 'Auditors', false],
      ['developers', 'Developers', false],
      ['platform-admins', 'Platform Admins', false],
    ]);
    expect(ic.assignments).toHaveLength(28);
    expect(ic.assignments.filter((a) => a.permissionSetKey === 'PlatformAdmin').map((a) => a.accountKey)).toEqual([
      'log-archive', 'network', 'security-tooling', 'shared-services',
    ]);
  });

  test('sso.amazonaws.com gets trusted access; without a delegated administrator it is not registered', () => {
    expect(model.organization.serviceAccessPrincipals).toContain('sso.amazonaws.com');
    expect(model.delegatedAdministrators.filter((d) => d.servicePrincipal === 'sso.amazonaws.com')).toEqual([]);
  });

  test('a delegated administrator is registered for sso.amazonaws.com', () => {
    const text = readFileSync(DEFAULT_ORG, 'utf8')
      .replace('identityCenter:\n', 'identityCenter:\n  delegatedAdministrator: security-tooling\n')
      .replace('permissionSets: [ReadOnly, SecurityAudit]\n      ous: [Root]\n', 'permissionSets: [ReadOnly, SecurityAudit]\n      ous: [Root]\n      excludeAccounts: [management]\n');
    const delegated = modelOf(validateYaml(text));
    expect(delegated.delegatedAdministrators.filter((d) => d.servicePrincipal === 'sso.amazonaws.com')).toEqual([
      { servicePrincipal: 'sso.amazonaws.com', accountKey: 'security-tooling' },
    ]);
    expect(delegated.identityCenter!.delegatedAdministratorKey).toBe('security-tooling');
    expect(delegated.identityCenter!.assignments.some((a) => a.accountKey === 'management')).toBe(false);
  });
});

describe('target expansion properties', () => {
  const ouPaths = ['Root', 'Workloads', 'Workloads/Prod', 'Workloads/Prod/Regulated', 'Workloads/NonProd', 'Security'];
  const placement = fc.record({ key: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), ouPath: fc.constantFrom(...ouPaths) });
  const assignment = fc.record({
    ous: fc.subarray(ouPaths),
    excludeOus: fc.subarray(ouPaths),
    accounts: fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), { maxLength: 3 }),
    excludeAccounts: fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), { maxLength: 3 }),
  });

  test('adding an account removes no target and adds at most that account', () => {
    fc.assert(
      fc.property(fc.uniqueArray(placement, { selector: (p) => p.key, maxLength: 8 }), placement, assignment, (existing, added, input) => {
        fc.pre(!existing.some((p) => p.key === added.key));
        const parsed = Assignment.parse({ group: 'g', permissionSets: ['p'], ...input });
        const before = expandAssignmentTargets(parsed, existing);
        const after = expandAssignmentTargets(parsed, [...existing, added]);
        expect(after.filter((k) => k !== added.key)).toEqual(before);
      }),
      { seed: 20261204 },
    );
  });

  test('the order of accounts and targets does not change the result', () => {
    fc.assert(
      fc.property(fc.uniqueArray(placement, { selector: (p) => p.key, maxLength: 8 }), assignment, (existing, input) => {
        const forward = Assignment.parse({ group: 'g', permissionSets: ['p'], ...input });
        const reversed = Assignment.parse({
          group: 'g', permissionSets: ['p'],
          ous: [...input.ous].reverse(), excludeOus: [...input.excludeOus].reverse(),
          accounts: [...input.accounts].reverse(), excludeAccounts: [...input.excludeAccounts].reverse(),
        });
        expect(expandAssignmentTargets(reversed, [...existing].reverse())).toEqual(expandAssignmentTargets(forward, existing));
      }),
      { seed: 20261205 },
    );
  });
});
