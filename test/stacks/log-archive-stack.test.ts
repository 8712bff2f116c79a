import { join } from 'node:path';
import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth, type TerraformJson } from '../helpers';

const ORG_ID_REF = '${data.terraform_remote_state.cross-stack-reference-input-organization.outputs.cross-stack-output-aws_organizations_organizationorganizationid}';
const LOG_ACCOUNT_REF = '${data.terraform_remote_state.cross-stack-reference-input-account-log-archive.outputs.cross-stack-output-aws_organizations_accountaccountid}';
const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/example-organization-trail';

function policyOf(resource: TerraformJson): { Statement: TerraformJson[] } {
  return JSON.parse(resource.policy as string);
}

function statement(policy: { Statement: TerraformJson[] }, sid: string): TerraformJson {
  const found = policy.Statement.filter((s) => s.Sid === sid);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('log-archive stack of the default org.yaml (a log archive account created by its account stack)', () => {
  const out = synth(defaultModel());
  const stack = out.stacks['log-archive']!;
  // The default org.yaml names its bucket, so the protect-log-archive-bucket guardrail can name it too.
  const bucketName = 'example-org-log-archive';
  const bucketArn = `arn:aws:s3:::${bucketName}`;

  test('the provider assumes the access role in the new account, whose id comes from the account stack', () => {
    expect(stack.provider.aws).toHaveLength(1);
    const provider = stack.provider.aws[0];
    expect(provider.assume_role).toEqual([{ role_arn: `arn:aws:iam::${LOG_ACCOUNT_REF}:role/OrganizationAccountAccessRole`, session_name: 'lz-log-archive' }]);
    expect(provider.allowed_account_ids).toEqual([LOG_ACCOUNT_REF]);
    expect(provider.region).toBe('us-east-1');
    expect(stack.data.terraform_remote_state['cross-stack-reference-input-organization'].config).toEqual({ path: '../../../terraform.organization.tfstate' });
    expect(stack.data.terraform_remote_state['cross-stack-reference-input-account-log-archive'].config).toEqual({ path: '../../../terraform.account-log-archive.tfstate' });
    expect(out.stacks['account-log-archive']!.output['cross-stack-output-aws_organizations_accountaccountid'].value).toBe('${aws_organizations_account.account.id}');
    const orgOutputs = out.stacks.organization!.output;
    expect(orgOutputs['cross-stack-output-aws_organizations_organizationorganizationid'].value).toBe('${aws_organizations_organization.organization.id}');
  });

  test('the stack comes after the organization stack and the log archive account\'s stack', () => {
    expect(out.manifest.stacks['log-archive']!.dependencies).toEqual(['organization', 'account-log-archive']);
  });

  test('the bucket cannot be destroyed, has object lock from creation and no public access', () => {
    const bucket = resources(stack, 'aws_s3_bucket').log_bucket!;
    expect(bucket).toMatchObject({ bucket: bucketName, object_lock_enabled: true, force_destroy: false, lifecycle: { prevent_destroy: true } });
    expect(resources(stack, 'aws_s3_bucket_public_access_block').log_bucket_public_access).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(resources(stack, 'aws_s3_bucket_ownership_controls').log_bucket_ownership!.rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    expect(resources(stack, 'aws_s3_bucket_versioning').log_bucket_versioning!.versioning_configuration).toEqual({ status: 'Enabled' });
    expect(resources(stack, 'aws_s3_bucket_object_lock_configuration').log_bucket_object_lock).toMatchObject({
      rule: { default_retention: { mode: 'GOVERNANCE', days: 365 } },
      depends_on: ['aws_s3_bucket_versioning.log_bucket_versioning'],
    });
  });

  test('objects are encrypted with the customer-managed key, which rotates and cannot be destroyed', () => {
    expect(resources(stack, 'aws_s3_bucket_server_side_encryption_configuration').log_bucket_encryption!.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.log_key.arn}' }, bucket_key_enabled: true },
    ]);
    const key = resources(stack, 'aws_kms_key').log_key!;
    expect(key.enable_key_rotation).toBe(true);
    expect(key.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('lifecycle rules come from org.yaml', () => {
    const [rule] = resources(stack, 'aws_s3_bucket_lifecycle_configuration').log_bucket_lifecycle!.rule;
    expect(rule).toMatchObject({
      status: 'Enabled',
      transition: [{ days: 90, storage_class: 'GLACIER' }],
      expiration: [{ days: 2557 }],
      noncurrent_version_expiration: [{ noncurrent_days: 90 }],
    });
  });

  test('the bucket policy refuses requests without TLS, to the bucket and every object', () => {
    const policy = policyOf(resources(stack, 'aws_s3_bucket_policy').log_bucket_policy!);
    expect(statement(policy, 'DenyInsecureTransport')).toEqual({
      Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': false } },
    });
    expect(resources(stack, 'aws_s3_bucket_policy').log_bucket_policy!.depends_on).toEqual(['aws_s3_bucket_public_access_block.log_bucket_public_access']);
  });

  test('CloudTrail writes only for this organization trail, under the organization and management prefixes', () => {
    const policy = policyOf(resources(stack, 'aws_s3_bucket_policy').log_bucket_policy!);
    expect(statement(policy, 'AllowCloudTrailAclCheck')).toMatchObject({
      Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: bucketArn,
      Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
    });
    expect(statement(policy, 'AllowCloudTrailWrite')).toEqual({
      Sid: 'AllowCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject',
      Resource: [`${bucketArn}/AWSLogs/123456789012/*`, `${bucketArn}/AWSLogs/${ORG_ID_REF}/*`],
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': TRAIL_ARN } },
    });
    const allows = policy.Statement.filter((s) => s.Effect === 'Allow');
    for (const s of allows) expect(s.Condition).toBeDefined();
  });

  test('AWS Config of the organization may deliver, because the Config aggregator is enabled', () => {
    const policy = policyOf(resources(stack, 'aws_s3_bucket_policy').log_bucket_policy!);
    expect(statement(policy, 'AllowConfigWrite')).toMatchObject({
      Principal: { Service: 'config.amazonaws.com' }, Resource: `${bucketArn}/AWSLogs/*/Config/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceOrgID': ORG_ID_REF } },
    });
  });

  test('the key policy: the account administers, CloudTrail of this trail encrypts, the organization decrypts', () => {
    const policy = policyOf(resources(stack, 'aws_kms_key').log_key!);
    expect(statement(policy, 'AllowAccountAdministration')).toMatchObject({ Principal: { AWS: `arn:aws:iam::${LOG_ACCOUNT_REF}:root` }, Action: 'kms:*' });
    expect(statement(policy, 'AllowCloudTrailEncrypt')).toEqual({
      Sid: 'AllowCloudTrailEncrypt', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:GenerateDataKey*', Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN, 'kms:EncryptionContext:aws:cloudtrail:arn': TRAIL_ARN } },
    });
    expect(statement(policy, 'AllowOrganizationDecrypt')).toEqual({
      Sid: 'AllowOrganizationDecrypt', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID_REF } },
    });
  });

  test('the access-log bucket the default org.yaml asks for (logging.accessLogging), which the log bucket logs into', () => {
    expect(Object.keys(resources(stack, 'aws_s3_bucket')).sort()).toEqual(['access_logs_bucket', 'log_bucket']);
    expect(resources(stack, 'aws_s3_bucket').access_logs_bucket).toMatchObject({ bucket: 'example-org-log-archive-access-logs' });
    expect(Object.values(resources(stack, 'aws_s3_bucket_logging')).map((l) => [l.bucket, l.target_bucket])).toEqual([['${aws_s3_bucket.log_bucket.id}', '${aws_s3_bucket.access_logs_bucket.id}']]);
  });

  test('the trail reads the bucket name and key ARN through outputs of this stack', () => {
    expect(stack.output['cross-stack-output-aws_s3_bucketlog_bucketbucket'].value).toBe('${aws_s3_bucket.log_bucket.bucket}');
    expect(stack.output['cross-stack-output-aws_kms_keylog_keyarn'].value).toBe('${aws_kms_key.log_key.arn}');
  });
});

describe('log-archive stack of an adopted GovCloud organization', () => {
  const out = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'adopted-logging-security.yaml'))));
  const stack = out.stacks['log-archive']!;
  const trailArn = 'arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/gov-cloud-example-organization-trail';

  test('the provider assumes the configured role in the adopted account by its literal id, with the partition of org.yaml', () => {
    expect(stack.provider.aws[0].assume_role).toEqual([{ role_arn: 'arn:aws-us-gov:iam::222233334444:role/LandingZoneAdmin', session_name: 'lz-log-archive' }]);
    expect(stack.provider.aws[0].allowed_account_ids).toEqual(['222233334444']);
    expect(stack.data?.terraform_remote_state).toBeUndefined();
    expect(out.manifest.stacks['log-archive']!.dependencies).toEqual(['organization']);
  });

  test('policies use the literal organization id and the GovCloud partition', () => {
    const bucketPolicy = policyOf(resources(stack, 'aws_s3_bucket_policy').log_bucket_policy!);
    expect(statement(bucketPolicy, 'AllowCloudTrailWrite').Resource).toEqual([
      'arn:aws-us-gov:s3:::gov-example-organization-logs/AWSLogs/111122223333/*',
      'arn:aws-us-gov:s3:::gov-example-organization-logs/AWSLogs/o-abcdef1234/*',
    ]);
    const keyPolicy = policyOf(resources(stack, 'aws_kms_key').log_key!);
    expect(statement(keyPolicy, 'AllowCloudTrailEncrypt').Condition.StringEquals['kms:EncryptionContext:aws:cloudtrail:arn']).toBe(trailArn);
    expect(statement(keyPolicy, 'AllowOrganizationDecrypt').Condition.StringEquals['aws:PrincipalOrgID']).toBe('o-abcdef1234');
    expect(statement(keyPolicy, 'AllowAccountAdministration').Principal.AWS).toBe('arn:aws-us-gov:iam::222233334444:root');
  });

  test('COMPLIANCE object lock and the infrequent-access transition come from org.yaml', () => {
    expect(resources(stack, 'aws_s3_bucket_object_lock_configuration').log_bucket_object_lock!.rule).toEqual({ default_retention: { mode: 'COMPLIANCE', days: 730 } });
    expect(resources(stack, 'aws_s3_bucket_lifecycle_configuration').log_bucket_lifecycle!.rule[0].transition).toEqual([{ days: 30, storage_class: 'STANDARD_IA' }]);
  });

  test('server access logs go to a second protected bucket, written only by S3 logging for the log bucket', () => {
    const buckets = resources(stack, 'aws_s3_bucket');
    expect(Object.keys(buckets).sort()).toEqual(['access_logs_bucket', 'log_bucket']);
    expect(buckets.access_logs_bucket).toMatchObject({ bucket: 'gov-example-organization-logs-access-logs', object_lock_enabled: false, lifecycle: { prevent_destroy: true } });
    expect(resources(stack, 'aws_s3_bucket_server_side_encryption_configuration').access_logs_bucket_encryption!.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
    ]);
    expect(resources(stack, 'aws_s3_bucket_object_lock_configuration').access_logs_bucket_object_lock).toBeUndefined();
    const policy = policyOf(resources(stack, 'aws_s3_bucket_policy').access_logs_bucket_policy!);
    expect(statement(policy, 'AllowServerAccessLogs')).toMatchObject({
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Resource: 'arn:aws-us-gov:s3:::gov-example-organization-logs-access-logs/*',
      Condition: { StringEquals: { 'aws:SourceAccount': '222233334444' }, ArnLike: { 'aws:SourceArn': 'arn:aws-us-gov:s3:::gov-example-organization-logs' } },
    });
    expect(statement(policy, 'DenyInsecureTransport').Effect).toBe('Deny');
    expect(resources(stack, 'aws_s3_bucket_logging').log_bucket_access_logging).toMatchObject({
      bucket: '${aws_s3_bucket.log_bucket.id}',
      target_bucket: '${aws_s3_bucket.access_logs_bucket.id}',
      target_prefix: 'gov-example-organization-logs/',
    });
  });
});
