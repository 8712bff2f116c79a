/**
 * Differential test on the default org.yaml: `canAccount` (our evaluator over the deployed
 * documents) against @cloud-copilot/iam-simulate (AGPL, devDependency, test-only oracle) for
 * generated (account, action, region, principal) cases.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import { canAccount, scpLevelsOf } from '../../src/model/account-access';
import { defaultModel } from '../helpers';

const model = defaultModel();
const ACCOUNT_ID = '000000000000';
const accounts = model.accounts.filter((a) => !a.isManagement).map((a) => a.key);
const REQUESTS: ReadonlyArray<{ action: string; resource?: string; context?: Record<string, string> }> = [
  { action: 'organizations:LeaveOrganization' },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT_ID}:user/alice` },
  { action: 'iam:UpdateAssumeRolePolicy', resource: `arn:aws:iam::${ACCOUNT_ID}:role/OrganizationAccountAccessRole` },
  { action: 'ec2:RunInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT_ID}:instance/*`, context: { 'ec2:MetadataHttpTokens': 'optional' } },
  { action: 'ec2:RunInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT_ID}:instance/*`, context: { 'ec2:MetadataHttpTokens': 'required' } },
  { action: 'ec2:CreateDefaultVpc' },
  { action: 'ec2:DescribeRegions' },
  { action: 'guardduty:DeleteDetector', resource: `arn:aws:guardduty:us-east-1:${ACCOUNT_ID}:detector/abc` },
  { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::example-org-log-archive' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::example-org-log-archive/AWSLogs/x.json' },
  { action: 'account:EnableRegion' },
  { action: 'ram:CreateResourceShare', context: { 'ram:RequestedAllowsExternalPrincipals': 'true' } },
  { action: 'cloudtrail:StopLogging', resource: `arn:aws:cloudtrail:us-east-1:${ACCOUNT_ID}:trail/org` },
  { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:eu-west-1:${ACCOUNT_ID}:function:f` },
];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const PRINCIPALS = ['root', 'role/BreakGlass', 'role/OrganizationAccountAccessRole', 'role/Developer', 'role/ops/Pipeline'].map((p) => `arn:aws:iam::${ACCOUNT_ID}:${p}`);
const RUNS = 500;

describe('canAccount on the default org.yaml agrees with iam-simulate', () => {
  test(`on ${RUNS} generated (account, action, region, principal) cases`, async () => {
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...accounts), fc.constantFrom(...REQUESTS), fc.constantFrom(...REGIONS), fc.constantFrom(...PRINCIPALS), async (account, req, region, principal) => {
        const ours = canAccount(model, account, req.action, { region, principalArn: principal, ...(req.resource ? { resource: req.resource } : {}), ...(req.context ? { context: req.context } : {}) });
        const oracle = await runSimulation({
          request: {
            principal,
            action: req.action,
            resource: { resource: req.resource ?? '*', accountId: ACCOUNT_ID },
            contextVariables: { ...ours.request.context } as Record<string, string>,
          },
          identityPolicies: [{ name: 'admin', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
          serviceControlPolicies: scpLevelsOf(model, account).map((l) => ({
            orgIdentifier: l.level,
            policies: l.policies.map((p) => ({ name: p.name, policy: { Version: '2012-10-17', Statement: p.statements } })),
          })),
          resourceControlPolicies: [],
        }, { simulationMode: 'Strict' });
        if (oracle.resultType === 'error') throw new Error(`oracle rejected the case: ${JSON.stringify(oracle.errors)}`);
        const results = oracle.resultType === 'single' ? [oracle.result] : oracle.results;
        expect(results.length).toBeGreaterThan(0);
        const got = ours.reason === 'allowed' ? 'Allowed' : ours.reason === 'explicit-deny' ? 'ExplicitlyDenied' : 'ImplicitlyDenied';
        for (const r of results) expect([account, req.action, region, principal, got]).toEqual([account, req.action, region, principal, r.analysis.scpAnalysis?.result]);
        outcomes[got] = (outcomes[got] ?? 0) + 1;
      }),
      { numRuns: RUNS, seed: 424242 },
    );
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(RUNS);
    expect(outcomes['Allowed'] ?? 0).toBeGreaterThan(RUNS / 10);
    expect(outcomes['ExplicitlyDenied'] ?? 0).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});
