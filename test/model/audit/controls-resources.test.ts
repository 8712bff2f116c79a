import { auditOf, control, provider, unitLines } from './audit-helpers';

const home = { aws: [provider('us-east-1')] };
const trail = (overrides: object = {}) => ({
  'org-trail': { provider: home, resource: { aws_cloudtrail: { org: { name: 'org', is_organization_trail: true, is_multi_region_trail: true, enable_log_file_validation: true, kms_key_id: 'arn:aws:kms:us-east-1:1:key/k', s3_bucket_name: '${data.terraform_remote_state.cross-stack-reference-input-log-archive.outputs.bucket}', ...overrides } } } },
  'log-archive': {
    provider: home,
    output: { bucket: { value: '${aws_s3_bucket.logs.bucket}' } },
    resource: {
      aws_s3_bucket: { logs: { bucket: 'org-logs' } },
      aws_s3_bucket_public_access_block: { logs: { bucket: '${aws_s3_bucket.logs.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } },
      aws_s3_bucket_policy: { logs: { bucket: '${aws_s3_bucket.logs.id}', policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::org-logs/*'], Condition: { Bool: { 'aws:SecureTransport': false } } }] }) } },
    },
  },
});

describe('CloudTrail', () => {
  it('an organization trail covers every account', () => {
    const report = auditOf(trail());
    for (const id of ['CloudTrail.1', 'CloudTrail.2', 'CloudTrail.4']) expect(unitLines(control(report, id))).toEqual(['satisfied: management', 'satisfied: app']);
    expect(control(report, 'CloudTrail.1').units[1]!.evidence).toEqual([{ stack: 'org-trail', address: 'aws_cloudtrail.org' }]);
    expect(control(report, 'CloudTrail.5').units[0]!.reason).toBe('org-trail: aws_cloudtrail.org does not deliver to CloudWatch Logs');
  });

  it.each([
    ['CloudTrail.1', { is_multi_region_trail: false }],
    ['CloudTrail.1', { event_selector: [{ read_write_type: 'WriteOnly', include_management_events: true }] }],
    ['CloudTrail.1', { event_selector: [{ read_write_type: 'All', exclude_management_event_sources: ['kms.amazonaws.com'] }] }],
    ['CloudTrail.2', { kms_key_id: undefined }],
    ['CloudTrail.4', { enable_log_file_validation: false }],
  ])('%s is not satisfied with %j', (id, overrides) => {
    expect(control(auditOf(trail(overrides)), id).status).toBe('not-satisfied');
  });

  it('CloudTrail.1 accepts an advanced selector on all management events', () => {
    const selector = { advanced_event_selector: [{ name: 'mgmt', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }] };
    expect(control(auditOf(trail(selector)), 'CloudTrail.1').status).toBe('satisfied');
    const readOnly = { advanced_event_selector: [{ field_selector: [{ field: 'eventCategory', equals: ['Management'] }, { field: 'readOnly', equals: ['true'] }] }] };
    expect(control(auditOf(trail(readOnly)), 'CloudTrail.1').status).toBe('not-satisfied');
  });

  it('CloudTrail.5 is satisfied by CloudWatch Logs delivery', () => {
    const report = auditOf(trail({ cloud_watch_logs_group_arn: '${aws_cloudwatch_log_group.trail.arn}:*', cloud_watch_logs_role_arn: '${aws_iam_role.trail.arn}' }));
    expect(control(report, 'CloudTrail.5').status).toBe('satisfied');
  });

  it('CloudTrail.6 and .7 follow the trail to its bucket across stacks', () => {
    const report = auditOf(trail());
    expect(control(report, 'CloudTrail.6').units[0]!.reason).toBe('its bucket log-archive: aws_s3_bucket.logs blocks all public access');
    expect(control(report, 'CloudTrail.7').units[0]!.reason).toBe('its bucket log-archive: aws_s3_bucket.logs has no server access logging');
    const stacks = trail();
    (stacks['log-archive'].resource as Record<string, unknown>).aws_s3_bucket_logging = { logs: { bucket: '${aws_s3_bucket.logs.id}', target_bucket: 'access-logs' } };
    expect(control(auditOf(stacks), 'CloudTrail.7').status).toBe('satisfied');
  });

  it('no trail: every account fails', () => {
    expect(control(auditOf({}), 'CloudTrail.1').units[0]!.reason).toBe('no trail the landing zone builds records this account');
  });
});

describe('S3 and KMS', () => {
  it('S3.5 and S3.8 judge each bucket', () => {
    const report = auditOf(trail());
    expect(unitLines(control(report, 'S3.5'))).toEqual(['satisfied: log-archive: aws_s3_bucket.logs']);
    expect(control(report, 'S3.8').status).toBe('satisfied');
    const stacks = trail();
    const resource = stacks['log-archive'].resource as Record<string, Record<string, Record<string, unknown>>>;
    resource.aws_s3_bucket_policy!.logs!.policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: '*' }] });
    resource.aws_s3_bucket_public_access_block!.logs!.restrict_public_buckets = false;
    const failing = auditOf(stacks);
    expect(control(failing, 'S3.5').units[0]!.reason).toBe('its bucket policy does not deny requests without TLS');
    expect(control(failing, 'S3.8').units[0]!.reason).toBe('log-archive: aws_s3_bucket_public_access_block.logs lacks restrict_public_buckets');
  });

  it('S3.1 needs the account-level block in each account', () => {
    const block = { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true };
    const report = auditOf({ 'baseline-app': { provider: home, resource: { aws_s3_account_public_access_block: { account: block } } } });
    expect(unitLines(control(report, 'S3.1'))).toEqual(['not-satisfied: management', 'satisfied: app']);
  });

  it('KMS.4 needs rotation on symmetric keys and skips asymmetric ones', () => {
    const report = auditOf({ 'log-archive': { provider: home, resource: { aws_kms_key: { on: { enable_key_rotation: true }, off: {}, signing: { customer_master_key_spec: 'ECC_NIST_P256' } } } } });
    expect(unitLines(control(report, 'KMS.4'))).toEqual(['satisfied: log-archive: aws_kms_key.on', 'not-satisfied: log-archive: aws_kms_key.off', 'not-applicable: log-archive: aws_kms_key.signing']);
  });
});

describe('IAM password policy and Account.1', () => {
  const policy = (body: object) => ({ 'baseline-app': { provider: home, resource: { aws_iam_account_password_policy: { strict: body } } } });
  const strict = { minimum_password_length: 14, require_uppercase_characters: true, require_lowercase_characters: true, require_numbers: true, require_symbols: true, password_reuse_prevention: 24, max_password_age: 90 };

  it('a CIS-strength policy satisfies IAM.7 and IAM.11 to IAM.17', () => {
    const report = auditOf(policy(strict));
    for (const id of ['IAM.7', 'IAM.11', 'IAM.12', 'IAM.13', 'IAM.14', 'IAM.15', 'IAM.16', 'IAM.17']) expect(unitLines(control(report, id))).toEqual(['not-satisfied: management', 'satisfied: app']);
  });

  it.each([
    ['IAM.15', { minimum_password_length: 12 }],
    ['IAM.16', { password_reuse_prevention: 5 }],
    ['IAM.17', { max_password_age: 0 }],
    ['IAM.7', { require_symbols: false }],
  ])('%s fails with %j', (id, overrides) => {
    expect(control(auditOf(policy({ ...strict, ...overrides })), id).units[1]!.status).toBe('not-satisfied');
  });

  it('Account.1 accepts a SECURITY contact in the account or from the management account by reference', () => {
    const own = auditOf({ 'baseline-app': { provider: home, resource: { aws_account_alternate_contact: { security: { alternate_contact_type: 'SECURITY' } } } } });
    expect(unitLines(control(own, 'Account.1'))).toEqual(['not-satisfied: management', 'satisfied: app']);
    const delegated = auditOf({
      'account-app': { provider: home, resource: { aws_organizations_account: { account: { name: 'app' } } } },
      organization: { provider: home, resource: { aws_account_alternate_contact: { app: { alternate_contact_type: 'SECURITY', account_id: '${data.terraform_remote_state.cross-stack-reference-input-account-app.outputs.id}' } } } },
    });
    expect(control(delegated, 'Account.1').units[1]!.status).toBe('not-satisfied');
    const withOutput = auditOf({
      'account-app': { provider: home, output: { id: { value: '${aws_organizations_account.account.id}' } }, resource: { aws_organizations_account: { account: { name: 'app' } } } },
      organization: { provider: home, resource: { aws_account_alternate_contact: { app: { alternate_contact_type: 'SECURITY', account_id: '${data.terraform_remote_state.cross-stack-reference-input-account-app.outputs.id}' } } } },
    });
    expect(unitLines(control(withOutput, 'Account.1'))).toEqual(['not-satisfied: management', 'satisfied: app']);
  });
});
