/**
 * Differential test: our SCP evaluator against @cloud-copilot/iam-simulate (AGPL, devDependency,
 * used only here as an independent oracle) on generated policies and requests.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import type { PolicyStatement } from '../../src/config/schema/common';
import { evaluateScps, type PolicyLevel } from '../../src/model/scp-evaluation';

const ACCOUNT = '111122223333';
const REQUESTS: ReadonlyArray<{ action: string; resource: string }> = [
  { action: 'ec2:RunInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc` },
  { action: 'ec2:DescribeRegions', resource: '*' },
  { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::logs-archive' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::data-bucket/key.txt' },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { action: 'organizations:LeaveOrganization', resource: '*' },
  { action: 'kms:ListKeys', resource: '*' },
  { action: 'cloudtrail:StopLogging', resource: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org` },
];
// Lowercase and uppercase patterns too: IAM matches action names case-insensitively.
const ACTION_PATTERNS = ['*', 'ec2:*', 'ec2:runinstances', 'S3:DELETE*', 'ec2:Run*', 'ec2:Describe*', 's3:Delete*', 's3:*', 'iam:*', 'iam:Create?ser', 'organizations:LeaveOrganization', 'kms:*', 'cloudtrail:StopLogging'];
const RESOURCE_PATTERNS = ['*', 'arn:aws:s3:::logs*', 'arn:aws:s3:::*/*', 'arn:aws:ec2:*:*:instance/*', 'arn:aws:iam::*:user/*', `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const PRINCIPALS = [`arn:aws:iam::${ACCOUNT}:role/BreakGlass`, `arn:aws:iam::${ACCOUNT}:role/Developer`, `arn:aws:iam::${ACCOUNT}:role/ops/Pipeline`];

const conditionBlock = fc.constantFrom<Record<string, Record<string, string[]>>>(
  { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
  { StringEquals: { 'aws:RequestedRegion': ['ap-southeast-2'] } },
  { StringLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/ops/*'] } },
  { StringNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/Dev*'] } },
  { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/BreakGlass'] } },
  { ArnLike: { 'aws:PrincipalArn': [`arn:aws:iam::${ACCOUNT}:role/*`] } },
  { StringEquals: { 'aws:PrincipalAccount': [ACCOUNT] } },
  { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ['o-aaaaaaaaaa'] } },
  { StringEqualsIfExists: { 'aws:SourceVpc': ['vpc-123'] } },
  { Null: { 'aws:PrincipalOrgID': ['true'] } },
  { Null: { 'aws:SourceVpc': ['false'] } },
  { StringEquals: { 'aws:ResourceAccount': [ACCOUNT] } },
  { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-aaaaaaaaaa/r-ab12/ou-ab12-workload/*'] } },
  { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgPaths': ['o-aaaaaaaaaa/r-ab12/'] } },
  { StringEqualsIgnoreCase: { 'aws:PrincipalTag/department': ['finance'] } },
  { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/department': ['FINANCE', 'security'] } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.7/32'] } },
  { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } },
  { NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600'] } },
  { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': ['7200'] } },
  { NumericNotEqualsIfExists: { 'aws:MultiFactorAuthAge': ['300'] } },
  { DateGreaterThan: { 'aws:CurrentTime': ['2026-01-01T00:00:00Z'] } },
  { DateLessThanEquals: { 'aws:CurrentTime': ['2025-06-01T00:00:00Z'] } },
  { DateNotEquals: { 'aws:CurrentTime': ['2027-01-01T00:00:00Z'] } },
  { Bool: { 'aws:SecureTransport': ['false'] } },
  { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } },
  { BoolIfExists: { 'aws:SecureTransport': ['true'] } },
);

/** The operators whose branches the generator must reach, each in a good share of the cases. */
const BRANCHES = ['StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'IpAddress', 'NotIpAddress', 'NumericLessThan', 'NumericGreaterThanEquals',
  'NumericNotEqualsIfExists', 'DateGreaterThan', 'DateLessThanEquals', 'DateNotEquals', 'Bool', 'BoolIfExists'];

const statement: fc.Arbitrary<PolicyStatement> = fc
  .record({
    effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny'),
    notAction: fc.boolean(),
    actions: fc.uniqueArray(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
    notResource: fc.boolean(),
    resources: fc.uniqueArray(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 2 }),
    conditions: fc.array(conditionBlock, { maxLength: 2 }),
  })
  .map(({ effect, notAction, actions, notResource, resources, conditions }) => {
    const condition: Record<string, Record<string, string[]>> = {};
    for (const c of conditions) for (const [op, block] of Object.entries(c)) condition[op] = { ...condition[op], ...block };
    return {
      Effect: effect,
      ...(notAction ? { NotAction: actions } : { Action: actions }),
      ...(notResource && !resources.includes('*') ? { NotResource: resources } : { Resource: resources }),
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
  });

const FULL = { Effect: 'Allow' as const, Action: '*', Resource: '*' };
const level = fc.record({ fullAccess: fc.boolean(), policies: fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { maxLength: 2 }) });

const testCase = fc.record({
  levels: fc.array(level, { minLength: 2, maxLength: 4 }),
  request: fc.constantFrom(...REQUESTS),
  region: fc.constantFrom(...REGIONS),
  principal: fc.constantFrom(...PRINCIPALS),
  inOrg: fc.boolean(),
  orgPaths: fc.constantFrom<string[] | undefined>(undefined, ['o-aaaaaaaaaa/r-ab12/'], ['o-aaaaaaaaaa/r-ab12/ou-ab12-workload/ou-ab12-prod/']),
  department: fc.constantFrom<string | undefined>(undefined, 'Finance', 'FINANCE', 'engineering'),
  sourceIp: fc.constantFrom<string | undefined>(undefined, '10.1.2.3', '203.0.113.7', '192.0.2.10', '198.51.100.1'),
  mfaAge: fc.constantFrom<string | undefined>(undefined, '300', '3599', '3600', '7200'),
  currentTime: fc.constantFrom('2025-06-01T00:00:00Z', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
  secureTransport: fc.constantFrom<string | undefined>(undefined, 'true', 'false'),
  mfaPresent: fc.constantFrom<string | undefined>(undefined, 'true', 'false'),
});

const RUNS = 1000;

describe('SCP evaluation agrees with iam-simulate', () => {
  test(`on ${RUNS} generated (levels, action, region, principal) cases`, async () => {
    const outcomes: Record<string, number> = {};
    const reached: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(testCase, async (c) => {
        const levels: PolicyLevel[] = c.levels.map((l, i) => ({
          level: `L${i}`,
          policies: [...(l.fullAccess ? [{ name: 'FullAWSAccess', statements: [FULL] }] : []), ...l.policies.map((statements, j) => ({ name: `p${i}-${j}`, statements }))],
        }));
        const context: Record<string, string | string[]> = {
          'aws:RequestedRegion': c.region,
          'aws:PrincipalArn': c.principal,
          'aws:PrincipalAccount': ACCOUNT,
          'aws:ResourceAccount': ACCOUNT,
          ...(c.inOrg ? { 'aws:PrincipalOrgID': 'o-aaaaaaaaaa' } : {}),
          ...(c.orgPaths ? { 'aws:PrincipalOrgPaths': c.orgPaths } : {}),
          ...(c.department !== undefined ? { 'aws:PrincipalTag/department': c.department } : {}),
          ...(c.sourceIp !== undefined ? { 'aws:SourceIp': c.sourceIp } : {}),
          ...(c.mfaAge !== undefined ? { 'aws:MultiFactorAuthAge': c.mfaAge } : {}),
          'aws:CurrentTime': c.currentTime,
          ...(c.secureTransport !== undefined ? { 'aws:SecureTransport': c.secureTransport } : {}),
          ...(c.mfaPresent !== undefined ? { 'aws:MultiFactorAuthPresent': c.mfaPresent } : {}),
        };
        const operators = new Set(levels.flatMap((l) => l.policies.flatMap((p) => p.statements.flatMap((st) => Object.keys(st.Condition ?? {})))));
        for (const op of operators) reached[op] = (reached[op] ?? 0) + 1;
        const ours = evaluateScps(levels, { action: c.request.action, resource: c.request.resource, context });
        const oracle = await runSimulation({
          request: { principal: c.principal, action: c.request.action, resource: { resource: c.request.resource, accountId: ACCOUNT }, contextVariables: context },
          identityPolicies: [{ name: 'admin', policy: { Version: '2012-10-17', Statement: [FULL] } }],
          serviceControlPolicies: levels.map((l) => ({
            orgIdentifier: l.level,
            policies: l.policies.map((p) => ({ name: p.name, policy: { Version: '2012-10-17', Statement: p.statements } })),
          })),
          resourceControlPolicies: [],
        }, { simulationMode: 'Strict' });
        if (oracle.resultType === 'error') throw new Error(`oracle rejected the case: ${JSON.stringify(oracle.errors)}`);
        const expected = oracle.resultType === 'single' ? oracle.result.analysis.scpAnalysis?.result : oracle.overallResult;
        const got = ours.reason === 'allowed' ? 'Allowed' : ours.reason === 'explicit-deny' ? 'ExplicitlyDenied' : 'ImplicitlyDenied';
        outcomes[got] = (outcomes[got] ?? 0) + 1;
        expect(got).toBe(expected);
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    // Every case was compared, and the generator reaches all three outcomes often enough to matter.
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(RUNS);
    for (const outcome of ['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied']) expect(outcomes[outcome] ?? 0).toBeGreaterThan(RUNS / 20);
    for (const operator of BRANCHES) expect(reached[operator] ?? 0).toBeGreaterThan(RUNS / 40);
  }, 120_000);
});
