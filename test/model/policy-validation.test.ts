import { parseConditionOperator, validatePolicyStatements } from '../../src/model/policy-validation';

describe('validatePolicyStatements', () => {
  test('accepts wildcards that match real actions, global and service condition keys', () => {
    expect(validatePolicyStatements([
      { Sid: 'A', Effect: 'Deny', Action: ['s3:Delete*', 'ec2:Run?nstances', 'iam:*'], Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1'] }, 'ForAnyValue:StringLike': { 'aws:PrincipalTag/team': ['a*'] },
          StringEquals: { 'ec2:MetadataHttpTokens': 'required', 's3:ResourceAccount': '111122223333' }, Null: { 'aws:PrincipalOrgID': 'true' } } },
    ], 'service-control-policy')).toEqual([]);
  });

  test('locates every problem at statements[i].Element[j]', () => {
    const issues = validatePolicyStatements([
      { Sid: 'Bad-Sid', Effect: 'Deny', Action: ['s3:GetObject', 's3:GetObjekt', 'nosuchservice:Get*', 'not an action'], Resource: ['*', 'bucket'] },
      { Effect: 'Allow', Principal: '*', Action: 'iam:CreateUser', NotAction: 'iam:DeleteUser', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'yes' }, StringEquals: { 'aws:RequestedRegoin': 'x' } } },
    ], 'service-control-policy');
    expect(issues.map((i) => [i.kind, i.path.join('.')])).toEqual([
      ['grammar', '0.Sid'],
      ['action', '0.Action.1'],
      ['action', '0.Action.2'],
      ['action', '0.Action.3'],
      ['resource', '0.Resource.1'],
      ['grammar', '1'],
      ['principal', '1.Principal'],
      ['condition', '1.Condition.Bool.aws:SecureTransport'],
      ['condition', '1.Condition.StringEquals.aws:RequestedRegoin'],
    ]);
    expect(issues[1]!.message).toBe('"s3:GetObjekt" matches no action of s3.');
  });

  test('identity policies (permission set inline policies) need a Resource and no Principal', () => {
    const issues = validatePolicyStatements([{ Effect: 'Allow', Action: 's3:GetObject' }, { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }], 'identity-policy');
    expect(issues.map((i) => [i.kind, i.path.join('.')])).toEqual([['grammar', '0'], ['principal', '1.Principal']]);
  });

  test('resource control policies deny, with Principal "*", for services RCPs support', () => {
    expect(validatePolicyStatements([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } }], 'resource-control-policy')).toEqual([]);
    const issues = validatePolicyStatements([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }], 'resource-control-policy');
    expect(issues.map((i) => i.kind).sort()).toEqual(['action', 'grammar', 'principal']);
  });

  test('condition operators: set prefixes and IfExists parse, Null takes neither, typos do not', () => {
    expect(parseConditionOperator('ForAllValues:StringNotLikeIfExists')).toEqual({ set: 'ForAllValues', base: 'StringNotLike', ifExists: true });
    expect(parseConditionOperator('Null')).toEqual({ base: 'Null', ifExists: false });
    expect(parseConditionOperator('NullIfExists')).toBeUndefined();
    expect(parseConditionOperator('StringEqualz')).toBeUndefined();
  });
});
