import { GUARDRAILS, guardrailStatements, type GuardrailFacts } from '../../src/model/guardrails';
import { GLOBAL_SERVICE_ACTIONS } from '../../src/model/guardrails/regions';
import { renderPolicyDocument } from '../../src/model/policy-document';
import { validatePolicyStatements } from '../../src/model/policy-validation';

const FACTS: GuardrailFacts = { partition: 'aws', homeRegion: 'eu-west-1', allowedRegions: ['eu-west-1', 'us-east-1'], accessRoleName: 'OrganizationAccountAccessRole' };

/** Parameters that exercise every option a guardrail has; the minimal set for the others. */
const EXERCISED: Record<string, Record<string, unknown>> = {
  'protect-log-archive-bucket': { bucketNames: ['org-logs', 'org-access-logs'], exemptRoles: ['BreakGlass', 'ops/Pipeline*'] },
  'protect-security-services': { services: ['guardduty', 'cloudtrail'], exemptRoles: ['BreakGlass'], exemptAccessRole: false },
  'deny-unapproved-regions': { additionalRegions: ['ap-southeast-2'], exemptRoles: ['BreakGlass'] },
  'protect-access-roles': { roles: ['lz-pipeline'], exemptRoles: ['BreakGlass'] },
  quarantine: { exemptRoles: ['BreakGlass'] },
};
const MINIMAL: Record<string, Record<string, unknown>> = { 'protect-log-archive-bucket': { bucketNames: ['org-logs'] } };

describe('the guardrail catalog', () => {
  test('has every guardrail the issue lists', () => {
    expect([...GUARDRAILS.keys()]).toEqual([
      'deny-leave-organization', 'deny-root-user', 'protect-security-services', 'deny-unapproved-regions', 'deny-region-opt-in-changes',
      'protect-access-roles', 'deny-iam-users', 'require-imdsv2', 'deny-ebs-encryption-disable', 'deny-ram-external-sharing', 'deny-default-vpc',
      'protect-log-archive-bucket', 'deny-all', 'quarantine',
    ]);
  });

  test.each([...GUARDRAILS.keys()].flatMap((name) => (['aws', 'aws-us-gov', 'aws-cn'] as const).map((partition) => [name, partition] as const)))(
    '%s in %s passes SCP validation with minimal and exercised parameters, within one document',
    (name, partition) => {
      for (const parameters of [MINIMAL[name] ?? {}, EXERCISED[name] ?? MINIMAL[name] ?? {}]) {
        const statements = guardrailStatements(name, parameters, { ...FACTS, partition });
        expect(statements.length).toBeGreaterThan(0);
        expect(validatePolicyStatements(statements, 'service-control-policy')).toEqual([]);
        expect(renderPolicyDocument(statements).length).toBeLessThan(2500);
        for (const s of statements) expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
        const text = JSON.stringify(statements);
        for (const arn of text.match(/arn:[a-z-]+:/g) ?? []) expect(arn).toBe(`arn:${partition}:`);
      }
    },
  );

  test('every guardrail cites the AWS page it follows', () => {
    for (const g of GUARDRAILS.values()) expect(g.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/[^\s]+$/);
  });

  test('break-glass and pipeline exemptions are ArnNotLike aws:PrincipalArn in the partition', () => {
    const [s] = guardrailStatements('deny-iam-users', { exemptRoles: ['BreakGlass', 'ops/Pipeline'] }, { ...FACTS, partition: 'aws-us-gov' });
    expect(s!.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': ['arn:aws-us-gov:iam::*:role/BreakGlass', 'arn:aws-us-gov:iam::*:role/ops/Pipeline'] } });
  });

  test('guardrails the tool deploys through exempt the access role unless told not to', () => {
    const exempt = (params: Record<string, unknown>) =>
      JSON.stringify(guardrailStatements('protect-security-services', params, FACTS)).includes('role/OrganizationAccountAccessRole');
    expect(exempt({})).toBe(true);
    expect(exempt({ exemptAccessRole: false })).toBe(false);
  });

  test('the region guardrail allows the home region, organization.allowedRegions and additionalRegions, and exempts global services', () => {
    const [s] = guardrailStatements('deny-unapproved-regions', { additionalRegions: ['ap-southeast-2'] }, FACTS);
    expect(s!.Condition!.StringNotEquals).toEqual({ 'aws:RequestedRegion': ['eu-west-1', 'us-east-1', 'ap-southeast-2'] });
    expect(s!.NotAction).toEqual([...GLOBAL_SERVICE_ACTIONS]);
    expect(s!.Action).toBeUndefined();
    const [custom] = guardrailStatements('deny-unapproved-regions', { globalServiceActions: ['iam:*', 'sts:*'] }, FACTS);
    expect(custom!.NotAction).toEqual(['iam:*', 'sts:*']);
  });

  test('parameters are strict: an unknown parameter is rejected', () => {
    expect(() => guardrailStatements('deny-default-vpc', { exemptRole: ['X'] }, FACTS)).toThrow(/exemptRole/);
    expect(() => guardrailStatements('no-such-guardrail', {}, FACTS)).toThrow(/unknown guardrail/);
  });
});
