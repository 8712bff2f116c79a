import { join } from 'node:path';
import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth } from '../helpers';

const LOG_ARCHIVE_OUTPUT = '${data.terraform_remote_state.cross-stack-reference-input-log-archive.outputs';

describe('org-trail stack of the default org.yaml', () => {
  const out = synth(defaultModel());
  const stack = out.stacks['org-trail']!;

  test('deploys into the management account with its own credentials', () => {
    expect(stack.provider.aws).toEqual([
      { allowed_account_ids: ['123456789012'], default_tags: [{ tags: { 'managed-by': 'landing-zone-compiler' } }], region: 'us-east-1' },
    ]);
  });

  test('one organization trail, multi-region, with global events and log file validation', () => {
    const trails = resources(stack, 'aws_cloudtrail');
    expect(Object.keys(trails)).toEqual(['organization_trail']);
    expect(trails.organization_trail).toMatchObject({
      name: 'example-organization-trail',
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
    });
  });

  test('writes into the log archive bucket with its key, read from the log-archive stack', () => {
    const trail = resources(stack, 'aws_cloudtrail').organization_trail!;
    expect(trail.s3_bucket_name).toBe(`${LOG_ARCHIVE_OUTPUT}.cross-stack-output-aws_s3_bucketlog_bucketbucket}`);
    expect(trail.kms_key_id).toBe(`${LOG_ARCHIVE_OUTPUT}.cross-stack-output-aws_kms_keylog_keyarn}`);
  });

  test('runs after the log archive (and so after its bucket policy) and after the organization', () => {
    expect([...out.manifest.stacks['org-trail']!.dependencies].sort()).toEqual(['log-archive', 'organization']);
    expect(out.manifest.stacks['log-archive']!.dependencies).toEqual(['organization', 'account-log-archive']);
    expect(resources(out.stacks['log-archive']!, 'aws_s3_bucket_policy').log_bucket_policy).toBeDefined();
  });

  test('the trail name matches the trail ARN the bucket and key policies allow', () => {
    const model = defaultModel();
    expect(model.logging!.trailArn).toBe(`arn:aws:cloudtrail:us-east-1:123456789012:trail/${resources(stack, 'aws_cloudtrail').organization_trail!.name}`);
  });

  test('CloudTrail has organization access', () => {
    const org = resources(out.stacks.organization!, 'aws_organizations_organization').organization!;
    expect(org.aws_service_access_principals).toContain('cloudtrail.amazonaws.com');
  });
});

describe('stacks without logging and security sections', () => {
  test('the minimal fixture synthesizes only the organization stack', () => {
    const out = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'minimal.yaml'))));
    expect(Object.keys(out.stacks)).toEqual(['organization']);
    expect(resources(out.stacks.organization!, 'aws_organizations_organization').organization!.aws_service_access_principals).toEqual([]);
  });
});
