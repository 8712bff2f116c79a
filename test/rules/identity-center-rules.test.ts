import { readFileSync } from 'node:fs';
import { formatPath } from '../../src/config/diagnostics';
import { DEFAULT_ORG, validateYaml } from '../helpers';
import { AWS_MANAGED_POLICIES } from '../../src/model/iam-reference';

const original = readFileSync(DEFAULT_ORG, 'utf8');
/** The default org.yaml with its PowerUser permission set's settings replaced. */
const withPowerUser = (lines: string) =>
  original.replace(/( {4}PowerUser:\n)(?: {6}.*\n)+/, `$1${lines.split('\n').map((l) => `      ${l}`).join('\n')}\n`);
const findings = (text: string) => validateYaml(text).diagnostics.map((d) => ({ code: d.code, severity: d.severity, path: formatPath(d.path), message: d.message }));

describe('identity center rules on passing configurations', () => {
  test('the helper really edits the permission set', () => {
    expect(withPowerUser('sessionDuration: PT2H\nmanagedPolicies: [PowerUserAccess]')).toContain('      sessionDuration: PT2H\n      managedPolicies: [PowerUserAccess]\n');
  });

  test.each([
    'sessionDuration: PT12H',
    'sessionDuration: PT1H30M',
    'sessionDuration: PT90M',
    'description: "Tabs\tand Latin-1 café are fine"',
    'relayState: "https://console.aws.amazon.com/ec2/home?region=us-east-1#Instances:"',
    'managedPolicies: [arn:aws:iam::aws:policy/job-function/ViewOnlyAccess]',
    'permissionsBoundary: { managedPolicy: PowerUserAccess }',
    'inlinePolicy: { file: policies/sandbox-guardrails.json }',
  ])('%s gives no finding', (settings) => {
    expect(findings(withPowerUser(settings))).toEqual([]);
  });

  test('eleven policies are a warning with the count, not an error', () => {
    // Eleven real AWS managed policies, so only the count is at issue.
    const policies = [...AWS_MANAGED_POLICIES.names].filter((n) => !n.includes('/')).slice(0, 11).join(', ');
    expect(findings(withPowerUser(`managedPolicies: [${policies}]`))).toEqual([
      expect.objectContaining({ code: 'LZ0305', severity: 'warning', path: 'identityCenter.permissionSets.PowerUser', message: expect.stringContaining('attaches 11 managed') }),
    ]);
  });

  test('an inline policy of exactly 10,240 non-whitespace characters passes, one more fails', () => {
    // {"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject","Effect":"Allow","Resource":"<r>"}]}
    const frame = '{"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject","Effect":"Allow","Resource":""}]}'.length;
    const resource = (n: number) => `arn:aws:s3:::${'b'.repeat(n - frame - 'arn:aws:s3:::'.length)}`;
    const inline = (n: number) => `inlinePolicy:\n  statements:\n    - { Effect: Allow, Action: s3:GetObject, Resource: "${resource(n)}" }`;
    expect(findings(withPowerUser(inline(10240)))).toEqual([]);
    expect(findings(withPowerUser(inline(10241)))).toEqual([
      expect.objectContaining({ code: 'LZ0304', message: expect.stringContaining('has 10241 non-whitespace characters') }),
    ]);
  });

  test('the quota warning names the account and the number', () => {
    const text = original.replace('identityCenter:\n', 'identityCenter:\n  permissionSetsPerAccountQuota: 2\n');
    const quota = findings(text).filter((f) => f.code === 'LZ0309');
    // NonProd: PowerUser, ReadOnly, SecurityAudit; Infrastructure and Security: PlatformAdmin, ReadOnly, SecurityAudit.
    expect(quota.map((f) => f.message)).toEqual(
      ['analytics-nonprod', 'log-archive', 'network', 'payments-nonprod', 'security-tooling', 'shared-services'].map(
        (k) => `The account \`${k}\` would have 3 permission sets provisioned; the quota is 2 per account.`,
      ),
    );
    expect(validateYaml(text).model).toBeDefined();
  });
});

describe('identity center schema errors', () => {
  test('a typo in the section names the closest key', () => {
    const result = validateYaml(original.replace('  permissionSets:\n', '  permisionSets:\n'));
    expect(result.diagnostics.map((d) => [d.code, formatPath(d.path), d.fix])).toContainEqual([
      'LZ0011', 'identityCenter.permisionSets', 'Did you mean `permissionSets`? Rename the key, or remove it.',
    ]);
  });

  test('a permission set key with an underscore is refused, since keys become addresses', () => {
    const result = validateYaml(original.replace('    PowerUser:\n', '    Power_User:\n').replace('permissionSets: [PowerUser]', 'permissionSets: [Power_User]'));
    expect(result.diagnostics.map((d) => [d.code, formatPath(d.path)])).toContainEqual(['LZ0014', 'identityCenter.permissionSets.Power_User']);
  });
});
