import { evaluateScps, statementApplies, type AuthorizationRequest, type PolicyLevel } from '../../src/model/scp-evaluation';

const FULL = { name: 'FullAWSAccess', statements: [{ Effect: 'Allow' as const, Action: '*', Resource: '*' }] };
const denyUnlessRequired = { Sid: 'RequireImdsv2', Effect: 'Deny' as const, Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:instance/*',
  Condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass' } } };
const levels: PolicyLevel[] = [{ level: 'Root', policies: [FULL, { name: 'guard', statements: [denyUnlessRequired] }] }];
const role = (name: string) => ({ 'aws:PrincipalArn': `arn:aws:iam::111122223333:role/${name}` });
const instance = 'arn:aws:ec2:us-east-1:111122223333:instance/i-1';

describe('partial requests: what the question does not give is unknown, not absent', () => {
  test('given a missing condition key, the Deny is left out of the decision and named with the key', () => {
    const request: AuthorizationRequest = { action: 'ec2:RunInstances', resource: instance, context: role('Dev'), partial: true };
    const decision = evaluateScps(levels, request);
    expect(decision.reason).toBe('allowed');
    expect(decision.levels[0]!.unevaluated).toEqual([{ policy: 'guard', sid: 'RequireImdsv2', effect: 'Deny', needsResource: false, missingKeys: ['ec2:MetadataHttpTokens'] }]);
  });

  test('the same request as recorded (IAM semantics): a missing key fails StringNotEquals positively, so the Deny applies', () => {
    const decision = evaluateScps(levels, { action: 'ec2:RunInstances', resource: instance, context: role('Dev') });
    expect(decision.reason).toBe('explicit-deny');
    expect(decision.levels[0]!.unevaluated).toEqual([]);
  });

  test('a given key that rules the statement out wins over a missing one: nothing is reported as unevaluated', () => {
    const decision = evaluateScps(levels, { action: 'ec2:RunInstances', context: role('BreakGlass'), partial: true });
    expect(decision.reason).toBe('allowed');
    expect(decision.levels[0]!.unevaluated).toEqual([]);
  });

  test('no resource given: a statement on specific resources needs one; a statement on * does not', () => {
    const request: AuthorizationRequest = { action: 'ec2:RunInstances', context: { ...role('Dev'), 'ec2:MetadataHttpTokens': 'optional' }, partial: true };
    expect(statementApplies(denyUnlessRequired, request)).toEqual({ applies: 'unknown', needsResource: true, missingKeys: [] });
    expect(statementApplies({ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }, request)).toEqual({ applies: true });
    expect(statementApplies({ Effect: 'Deny', Action: 'ec2:*', NotResource: 'arn:aws:ec2:*:*:volume/*' }, request)).toEqual({ applies: 'unknown', needsResource: true, missingKeys: [] });
    expect(statementApplies({ Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::x' }, request)).toEqual({ applies: false });
  });

  test('condition keys are looked up case-insensitively and multivalued keys compare as sets', () => {
    const onlyTeamTags = { Effect: 'Deny' as const, Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team', 'cost-center'] } } };
    const ask = (tags: string[]) => statementApplies(onlyTeamTags, { action: 'ec2:createtags', context: { 'AWS:TAGKEYS': tags }, partial: true });
    expect(ask(['team', 'cost-center'])).toEqual({ applies: false });
    expect(ask(['team', 'owner'])).toEqual({ applies: true });
  });
});
