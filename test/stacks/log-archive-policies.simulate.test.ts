import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { logKeyPolicy } from '../../src/constructs/log-archive-policies';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf, resources, synth, validateYaml } from '../helpers';

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
const ORG = 'o-abcdef1234';

/** The same fixture with the account baseline on (its defaults: Config in every account, flow logs of every VPC lz creates). */
function withBaselineBucketPolicy(): { Statement: Array<{ Sid: string }> } {
  const file = join(FIXTURES, 'valid', 'adopted-logging-security.yaml');
  const doc = parse(readFileSync(file, 'utf8'));
  doc.baseline = {};
  const stackOut = synth(modelOf(validateYaml(stringify(doc), join(FIXTURES, 'valid'))));
  return JSON.parse(resources(stackOut.stacks['log-archive']!, 'aws_s3_bucket_policy').log_bucket_policy!.policy);
}
const baselinePolicy = withBaselineBucketPolicy();

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

describe('the log bucket policy with the account baseline, simulated', () => {
  const MEMBER = '444455556666';
  const delivery = { 'aws:SecureTransport': 'true', 'aws:SourceOrgID': ORG, 's3:x-amz-acl': 'bucket-owner-full-control' };
  const outsider = { ...delivery, 'aws:SourceOrgID': 'o-zzzzzzzzzz' };
  const { 'aws:SourceOrgID': _org, ...withoutOrg } = delivery;

  test('the baseline adds the Config and flow log statements; without it there are none for flow logs', () => {
    expect(baselinePolicy.Statement.map((st) => st.Sid)).toEqual(expect.arrayContaining(['AllowConfigBucketCheck', 'AllowConfigWrite', 'AllowFlowLogsBucketCheck', 'AllowFlowLogsWrite']));
    expect(bucketPolicy.Statement.map((st: { Sid: string }) => st.Sid)).not.toContain('AllowFlowLogsWrite');
  });

  test('Config of an organization account may check the bucket, list it and deliver under AWSLogs/<account>/Config/', async () => {
    const config = 'config.amazonaws.com';
    const object = `${BUCKET}/AWSLogs/${MEMBER}/Config/us-gov-west-1/2026/12/2/ConfigHistory/x.json.gz`;
    expect(await decide(baselinePolicy, config, 's3:PutObject', object, delivery)).toBe('Allowed');
    expect(await decide(baselinePolicy, config, 's3:GetBucketAcl', BUCKET, delivery)).toBe('Allowed');
    expect(await decide(baselinePolicy, config, 's3:ListBucket', BUCKET, delivery)).toBe('Allowed');
    for (const context of [outsider, withoutOrg]) {
      expect(await decide(baselinePolicy, config, 's3:PutObject', object, context)).toBe('ImplicitlyDenied');
      expect(await decide(baselinePolicy, config, 's3:GetBucketAcl', BUCKET, context)).toBe('ImplicitlyDenied');
      expect(await decide(baselinePolicy, config, 's3:ListBucket', BUCKET, context)).toBe('ImplicitlyDenied');
    }
    // Outside its prefix, or keeping the objects to itself, Config writes nothing.
    expect(await decide(baselinePolicy, config, 's3:PutObject', `${BUCKET}/AWSLogs/${MEMBER}/vpcflowlogs/x`, delivery)).toBe('ImplicitlyDenied');
    expect(await decide(baselinePolicy, config, 's3:PutObject', object, { ...delivery, 's3:x-amz-acl': 'private' })).toBe('ImplicitlyDenied');
  });

  test('log delivery of an organization account\'s VPC flow logs may write under AWSLogs/<account>/vpcflowlogs/, Hive-compatible prefix included', async () => {
    const logs = 'delivery.logs.amazonaws.com';
    const object = `${BUCKET}/AWSLogs/${MEMBER}/vpcflowlogs/us-gov-west-1/2026/12/02/${MEMBER}_vpcflowlogs_us-gov-west-1_fl-1234_20261202T0000Z_abcd.log.gz`;
    const hive = `${BUCKET}/AWSLogs/aws-account-id=${MEMBER}/aws-service=vpcflowlogs/aws-region=us-gov-west-1/year=2026/x.parquet`;
    expect(await decide(baselinePolicy, logs, 's3:PutObject', object, delivery)).toBe('Allowed');
    expect(await decide(baselinePolicy, logs, 's3:PutObject', hive, delivery)).toBe('Allowed');
    expect(await decide(baselinePolicy, logs, 's3:GetBucketAcl', BUCKET, delivery)).toBe('Allowed');
    for (const context of [outsider, withoutOrg]) {
      expect(await decide(baselinePolicy, logs, 's3:PutObject', object, context)).toBe('ImplicitlyDenied');
      expect(await decide(baselinePolicy, logs, 's3:GetBucketAcl', BUCKET, context)).toBe('ImplicitlyDenied');
    }
    expect(await decide(baselinePolicy, logs, 's3:PutObject', object, { ...delivery, 's3:x-amz-acl': 'private' })).toBe('ImplicitlyDenied');
    expect(await decide(baselinePolicy, logs, 's3:PutObject', `${BUCKET}/AWSLogs/${MEMBER}/Config/x`, delivery)).toBe('ImplicitlyDenied');
  });

  test('without TLS, neither delivery is accepted', async () => {
    const insecure = { ...delivery, 'aws:SecureTransport': 'false' };
    expect(await decide(baselinePolicy, 'delivery.logs.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/${MEMBER}/vpcflowlogs/x`, insecure)).toBe('ExplicitlyDenied');
    expect(await decide(baselinePolicy, 'config.amazonaws.com', 's3:PutObject', `${BUCKET}/AWSLogs/${MEMBER}/Config/x`, insecure)).toBe('ExplicitlyDenied');
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
