import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { join } from 'node:path';
import { logKeyPolicy } from '../../src/constructs/log-archive-policies';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf, resources, synth } from '../helpers';

/**
 * The synthesized bucket and key policies of the adopted GovCloud fixture (literal ids throughout),
 * evaluated by an independent IAM policy simulator: the policies do what their Sids say.
 */
const out = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'adopted-logging-security.yaml'))));
const stack = out.stacks['log-archive']!;
const bucketPolicy = JSON.parse(resources(stack, 'aws_s3_bucket_policy').log_bucket_policy!.policy);
const keyPolicy = JSON.parse(resources(stack, 'aws_kms_key').log_key!.policy);
const BUCKET = 'arn:aws-us-gov:s3:::gov-example-organization-logs';
const TRAIL = 'arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/gov-cloud-example-organization-trail';
const LOG_ACCOUNT = '222233334444';

/** `identityAllows`: the principal's own account grants the action too, as a cross-account request needs. */
async function decide(policy: unknown, principal: string, action: string, resource: string, context: Record<string, string>, identityAllows = false): Promise<string> {
  const simulation: Simulation = {
    identityPolicies: identityAllows ? [{ name: 'own-account', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] } }] : [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: policy as Simulation['resourcePolicy'],
    request: { principal, action, resource: { resource, accountId: LOG_ACCOUNT }, contextVariables: context },
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
  return response.overallResult;
}

const trailWrite = { 'aws:SecureTransport': 'true', 'aws:SourceArn': TRAIL, 's3:x-amz-acl': 'bucket-owner-full-control' };

describe('the log bucket policy, simulated', () => {
  test('CloudTrail of this trail may write under the organization prefix over TLS', async () => {
    expect(await decide(bucketPolicy, 'cloudtrail.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/o-abcdef1234/123/x.json.gz`, trailWrite)).toBe('Allowed');
    expect(await decide(bucketPolicy, 'cloudtrail.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/111122223333/x.json.gz`, trailWrite)).toBe('Allowed');
  });

  test('another trail, another prefix, or another ACL is not allowed', async () => {
    const otherTrail = { ...trailWrite, 'aws:SourceArn': 'arn:aws-us-gov:cloudtrail:us-gov-west-1:999999999999:trail/other' };
    expect(await decide(bucketPolicy, 'cloudtrail.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/o-abcdef1234/x`, otherTrail)).toBe('ImplicitlyDenied');
    expect(await decide(bucketPolicy, 'cloudtrail.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/o-other00000/x`, trailWrite)).toBe('ImplicitlyDenied');
    expect(await decide(bucketPolicy, 'cloudtrail.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/o-abcdef1234/x`, { ...trailWrite, 's3:x-amz-acl': 'private' })).toBe('ImplicitlyDenied');
  });

  test('a request without TLS is refused explicitly, even for CloudTrail', async () => {
    expect(await decide(bucketPolicy, 'cloudtrail.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/o-abcdef1234/x`, { ...trailWrite, 'aws:SecureTransport': 'false' })).toBe('ExplicitlyDenied');
  });

  test('AWS Config recorders of the organization may deliver; those of another organization may not', async () => {
    const configWrite = { 'aws:SecureTransport': 'true', 'aws:SourceOrgID': 'o-abcdef1234', 's3:x-amz-acl': 'bucket-owner-full-control' };
    expect(await decide(bucketPolicy, 'config.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/444455556666/Config/us-gov-west-1/x`, configWrite)).toBe('Allowed');
    expect(await decide(bucketPolicy, 'config.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/444455556666/Config/x`, { ...configWrite, 'aws:SourceOrgID': 'o-zzzzzzzzzz' })).toBe('ImplicitlyDenied');
  });
});

describe('the log key policy, simulated', () => {
  const KEY = `arn:aws-us-gov:kms:us-gov-west-1:${LOG_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  // The simulator ignores kms:EncryptionContext:<key> context keys, so CloudTrail's statement is
  // pinned on the synthesized JSON (log-archive-stack.test.ts) rather than here.

  test('principals of the organization may decrypt log files; others may not', async () => {
    const auditor = 'arn:aws-us-gov:iam::444455556666:role/auditor';
    expect(await decide(keyPolicy, auditor, 'kms:Decrypt', KEY, { 'aws:PrincipalOrgID': 'o-abcdef1234' }, true)).toBe('Allowed');
    expect(await decide(keyPolicy, auditor, 'kms:Decrypt', KEY, { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' }, true)).toBe('ImplicitlyDenied');
    expect(await decide(keyPolicy, auditor, 'kms:ScheduleKeyDeletion', KEY, { 'aws:PrincipalOrgID': 'o-abcdef1234' }, true)).toBe('ImplicitlyDenied');
  });

  test('AWS Config of the organization may encrypt and decrypt its deliveries; Config of another organization may not', async () => {
    const config = 'config.amazonaws.com';
    expect(keyPolicy.Statement.find((st: { Sid: string }) => st.Sid === 'AllowConfigEncrypt')).toEqual({
      Sid: 'AllowConfigEncrypt', Effect: 'Allow', Principal: { Service: config }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*',
      Condition: { StringEquals: { 'aws:SourceOrgID': 'o-abcdef1234' } },
    });
    expect(await decide(keyPolicy, config, 'kms:GenerateDataKey', KEY, { 'aws:SourceOrgID': 'o-abcdef1234' })).toBe('Allowed');
    expect(await decide(keyPolicy, config, 'kms:Decrypt', KEY, { 'aws:SourceOrgID': 'o-abcdef1234' })).toBe('Allowed');
    expect(await decide(keyPolicy, config, 'kms:GenerateDataKey', KEY, { 'aws:SourceOrgID': 'o-zzzzzzzzzz' })).toBe('ImplicitlyDenied');
    expect(await decide(keyPolicy, config, 'kms:GenerateDataKey', KEY, {})).toBe('ImplicitlyDenied');
    expect(await decide(keyPolicy, config, 'kms:ScheduleKeyDeletion', KEY, { 'aws:SourceOrgID': 'o-abcdef1234' })).toBe('ImplicitlyDenied');
  });

  test('without the Config aggregator, the key policy grants Config nothing', async () => {
    const withoutConfig = logKeyPolicy({
      partition: 'aws-us-gov', organizationId: 'o-abcdef1234', managementAccountId: '111122223333', logArchiveAccountId: LOG_ACCOUNT,
      bucketName: 'gov-example-organization-logs', trailArn: TRAIL, allowAwsConfig: false,
    });
    expect(withoutConfig.Statement.map((st) => st.Sid)).toEqual(['AllowAccountAdministration', 'AllowCloudTrailEncrypt', 'AllowCloudTrailDescribeKey', 'AllowOrganizationDecrypt']);
    expect(await decide(withoutConfig, 'config.amazonaws.com', 'kms:GenerateDataKey', KEY, { 'aws:SourceOrgID': 'o-abcdef1234' })).toBe('ImplicitlyDenied');
  });
});
