import { join } from 'node:path';
import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth, type TerraformJson } from '../helpers';

/**
 * The account baseline as synthesized: `baseline-<id>` stacks of the default org.yaml (one region
 * group: us-east-1 home, eu-west-1, us-west-2), and of baseline-overrides.yaml (OU and account
 * overrides, two region groups).
 */
const out = synth(defaultModel());
const fixture = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'baseline-overrides.yaml'), 'org.yaml')));
const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'];
const MANAGEMENT_ID = '123456789012';
const memberId = (key: string) => `\${data.terraform_remote_state.cross-stack-reference-input-account-${key}.outputs.cross-stack-output-aws_organizations_accountaccountid}`;
const ACCOUNT_WIDE = ['aws_iam_account_password_policy', 'aws_s3_account_public_access_block', 'aws_account_alternate_contact', 'aws_iam_service_linked_role'];
/** Regional resource types and the setting each address starts with. */
const REGIONAL: Record<string, string> = {
  aws_config_configuration_recorder: 'config_recorder',
  aws_config_delivery_channel: 'config_delivery_channel',
  aws_config_configuration_recorder_status: 'config_recorder_status',
  aws_ebs_encryption_by_default: 'ebs_encryption_by_default',
  aws_ec2_instance_metadata_defaults: 'instance_metadata_defaults',
  aws_ec2_serial_console_access: 'serial_console_access',
  aws_ebs_snapshot_block_public_access: 'snapshot_block_public_access',
  aws_ec2_image_block_public_access: 'image_block_public_access',
};
/** The provider reference of `region` in a stack whose first (default) provider is `first`'s. */
const providerOf = (region: string, first: string) => (region === first ? 'aws' : `aws.${region}`);

function providerShape(stack: TerraformJson) {
  return (stack.provider.aws as TerraformJson[]).map((p) => ({
    region: p.region,
    alias: p.alias,
    allowed: p.allowed_account_ids,
    roleArn: p.assume_role?.[0]?.role_arn,
  }));
}

describe('baseline stacks of the default org.yaml', () => {
  const member = out.stacks['baseline-payments-prod']!;
  const management = out.stacks['baseline-management']!;

  test('every account has one baseline stack, the management account included, and no second group', () => {
    expect(Object.keys(out.stacks).filter((s) => /^baseline\d*-/.test(s)).sort()).toEqual(
      ['analytics-nonprod', 'analytics-prod', 'log-archive', 'management', 'network', 'payments-nonprod', 'payments-prod', 'sandbox-alice', 'security-tooling', 'shared-services'].map((k) => `baseline-${k}`),
    );
  });

  test('a member account\'s stack has one provider per region, home region first and unaliased, each assuming the access role of that account only', () => {
    const id = memberId('payments-prod');
    expect(providerShape(member)).toEqual(REGIONS.map((region, i) => ({
      region,
      alias: i === 0 ? undefined : region,
      allowed: [id],
      roleArn: `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`,
    })));
  });

  test('the management account\'s stack uses the tool\'s own credentials, guarded by the management account id', () => {
    expect(providerShape(management)).toEqual(REGIONS.map((region, i) => ({ region, alias: i === 0 ? undefined : region, allowed: [MANAGEMENT_ID], roleArn: undefined })));
    for (const p of management.provider.aws as TerraformJson[]) expect(p.assume_role).toBeUndefined();
  });

  test.each([['payments-prod'], ['management']])('%s: every regional setting once per allowed region, with that region\'s provider', (key) => {
    const stack = out.stacks[`baseline-${key}`]!;
    for (const [type, setting] of Object.entries(REGIONAL)) {
      const found = Object.entries(resources(stack, type)).map(([name, r]) => [name, r.provider]).sort();
      expect([type, found]).toEqual([type, REGIONS.map((region) => [`${setting}__${region}`, providerOf(region, 'us-east-1')]).sort()]);
    }
  });

  test('the account-wide settings are made once, with the home region\'s provider', () => {
    expect(Object.keys(resources(member, 'aws_iam_account_password_policy'))).toEqual(['password_policy']);
    expect(Object.keys(resources(member, 'aws_s3_account_public_access_block'))).toEqual(['s3_account_public_access_block']);
    expect(Object.keys(resources(member, 'aws_account_alternate_contact'))).toEqual(['alternate_contact_security']);
    expect(resources(member, 'aws_iam_service_linked_role').config_service_linked_role).toMatchObject({ aws_service_name: 'config.amazonaws.com' });
    for (const type of ACCOUNT_WIDE) for (const r of Object.values(resources(member, type))) expect(r.provider).toBeUndefined();
  });

  test('an adopted account (the management account) uses its existing Config role instead of creating one', () => {
    expect(resources(management, 'aws_iam_service_linked_role')).toEqual({});
    for (const r of Object.values(resources(management, 'aws_config_configuration_recorder')))
      expect(r.role_arn).toBe(`arn:aws:iam::${MANAGEMENT_ID}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`);
    for (const r of Object.values(resources(member, 'aws_config_configuration_recorder'))) expect(r.role_arn).toBe('${aws_iam_service_linked_role.config_service_linked_role.arn}');
  });

  test('recorders record every supported type, global ones only in the home region, and cannot be destroyed by a plan', () => {
    const recorders = resources(member, 'aws_config_configuration_recorder');
    for (const region of REGIONS)
      expect(recorders[`config_recorder__${region}`]).toMatchObject({
        name: 'default',
        recording_group: { all_supported: true, include_global_resource_types: region === 'us-east-1' },
        recording_mode: { recording_frequency: 'CONTINUOUS' },
        lifecycle: { prevent_destroy: true },
      });
  });

  test('every delivery channel delivers to the log archive bucket, after its recorder; the status waits for the channel', () => {
    const logBuckets = Object.values(resources(out.stacks['log-archive']!, 'aws_s3_bucket')).map((b) => b.bucket);
    expect(logBuckets).toContain('example-org-log-archive');
    for (const region of REGIONS) {
      expect(resources(member, 'aws_config_delivery_channel')[`config_delivery_channel__${region}`]).toMatchObject({
        name: 'default', s3_bucket_name: 'example-org-log-archive', depends_on: [`aws_config_configuration_recorder.config_recorder__${region}`],
      });
      expect(resources(member, 'aws_config_configuration_recorder_status')[`config_recorder_status__${region}`]).toMatchObject({
        is_enabled: true, depends_on: [`aws_config_delivery_channel.config_delivery_channel__${region}`],
      });
    }
    expect(out.manifest.stacks['baseline-payments-prod']!.dependencies).toContain('log-archive');
  });

  test('password policy: the CIS defaults (14 characters, 24 remembered, all character classes), no expiry', () => {
    const policy = resources(member, 'aws_iam_account_password_policy').password_policy!;
    expect(policy).toMatchObject({
      minimum_password_length: 14,
      password_reuse_prevention: 24,
      require_uppercase_characters: true,
      require_lowercase_characters: true,
      require_numbers: true,
      require_symbols: true,
      allow_users_to_change_password: true,
    });
    expect(policy.max_password_age).toBeUndefined();
  });

  test('S3 Block Public Access at the account level, all four settings', () => {
    expect(resources(member, 'aws_s3_account_public_access_block').s3_account_public_access_block).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
  });

  test('EC2 defaults in every region: IMDSv2 required with hop limit 2, serial console off, snapshots and AMIs blocked, EBS encrypted', () => {
    for (const region of REGIONS) {
      expect(resources(member, 'aws_ec2_instance_metadata_defaults')[`instance_metadata_defaults__${region}`]).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 2 });
      expect(resources(member, 'aws_ec2_serial_console_access')[`serial_console_access__${region}`]!.enabled).toBe(false);
      expect(resources(member, 'aws_ebs_snapshot_block_public_access')[`snapshot_block_public_access__${region}`]!.state).toBe('block-all-sharing');
      expect(resources(member, 'aws_ec2_image_block_public_access')[`image_block_public_access__${region}`]!.state).toBe('block-new-sharing');
      expect(resources(member, 'aws_ebs_encryption_by_default')[`ebs_encryption_by_default__${region}`]!.enabled).toBe(true);
    }
    expect(resources(member, 'aws_ebs_default_kms_key')).toEqual({});
    // The default org.yaml turns the account analyzers on: one per region, with that region's provider.
    expect(Object.fromEntries(Object.entries(resources(member, 'aws_accessanalyzer_analyzer')).map(([k, v]) => [k, [v.type, v.provider]]))).toEqual({
      'access_analyzer__us-east-1': ['ACCOUNT', 'aws'],
      'access_analyzer__eu-west-1': ['ACCOUNT', 'aws.eu-west-1'],
      'access_analyzer__us-west-2': ['ACCOUNT', 'aws.us-west-2'],
    });
  });
});

describe('baseline stacks of baseline-overrides.yaml', () => {
  const first = (key: string) => fixture.stacks[`baseline-${key}`]!;
  const second = (key: string) => fixture.stacks[`baseline2-${key}`]!;

  test('four regions make two groups: home and the next two sorted, then the fourth', () => {
    expect(providerShape(first('payments-prod')).map((p) => [p.region, p.alias])).toEqual([['eu-west-1', undefined], ['ap-southeast-2', 'ap-southeast-2'], ['eu-central-1', 'eu-central-1']]);
    expect(providerShape(second('payments-prod')).map((p) => [p.region, p.alias])).toEqual([['us-east-1', undefined]]);
    expect(fixture.manifest.stacks['baseline2-payments-prod']!.dependencies).toContain('baseline-payments-prod');
  });

  test('the second group holds regional settings only, with its own default provider, and uses the first group\'s Config role', () => {
    const stack = second('payments-prod');
    for (const type of ACCOUNT_WIDE) expect([type, resources(stack, type)]).toEqual([type, {}]);
    const recorder = resources(stack, 'aws_config_configuration_recorder')['config_recorder__us-east-1']!;
    expect(recorder).toMatchObject({ provider: 'aws', recording_group: { include_global_resource_types: false } });
    expect(recorder.role_arn).toMatch(/AWSServiceRoleForConfig$/);
    expect(resources(first('payments-prod'), 'aws_config_configuration_recorder')['config_recorder__eu-west-1']!.recording_group.include_global_resource_types).toBe(true);
  });

  test('OU overrides take effect: Workloads turns the account analyzer on, Workloads/Prod sets a password expiry and an operations contact', () => {
    const prod = first('payments-prod');
    expect(Object.keys(resources(prod, 'aws_accessanalyzer_analyzer')).sort()).toEqual(['access_analyzer__ap-southeast-2', 'access_analyzer__eu-central-1', 'access_analyzer__eu-west-1']);
    expect(resources(prod, 'aws_accessanalyzer_analyzer')['access_analyzer__eu-west-1']).toMatchObject({ type: 'ACCOUNT', provider: 'aws' });
    expect(resources(prod, 'aws_iam_account_password_policy').password_policy).toMatchObject({ max_password_age: 90, minimum_password_length: 14 });
    expect(Object.keys(resources(prod, 'aws_account_alternate_contact')).sort()).toEqual(['alternate_contact_operations', 'alternate_contact_security']);
    expect(resources(first('log-archive'), 'aws_accessanalyzer_analyzer')).toEqual({});
    expect(resources(first('log-archive'), 'aws_iam_account_password_policy').password_policy.max_password_age).toBeUndefined();
  });

  test('root settings apply below: a block-new-sharing snapshot state, the multi-region key\'s replica in each region', () => {
    const prod = first('payments-prod');
    expect(resources(prod, 'aws_ebs_snapshot_block_public_access')['snapshot_block_public_access__eu-central-1']!.state).toBe('block-new-sharing');
    expect(resources(prod, 'aws_ebs_default_kms_key')['ebs_default_kms_key__eu-central-1']!.key_arn).toBe('arn:aws:kms:eu-central-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab');
  });

  test('an account\'s `enabled: false` takes effect: legacy-prod has no Config and no security contact, and allows the serial console', () => {
    for (const stack of [first('legacy-prod'), second('legacy-prod')]) {
      for (const type of ['aws_config_configuration_recorder', 'aws_config_delivery_channel', 'aws_config_configuration_recorder_status']) expect([type, resources(stack, type)]).toEqual([type, {}]);
      for (const r of Object.values(resources(stack, 'aws_ec2_serial_console_access'))) expect(r.enabled).toBe(true);
    }
    expect(resources(first('legacy-prod'), 'aws_iam_service_linked_role')).toEqual({});
    expect(Object.keys(resources(first('legacy-prod'), 'aws_account_alternate_contact'))).toEqual(['alternate_contact_operations']);
    expect(Object.keys(resources(first('payments-prod'), 'aws_config_configuration_recorder'))).toHaveLength(3);
  });
});

describe('network stacks: flow logs and the locked default security group', () => {
  const vpcStacks = (stacks: Record<string, TerraformJson>) => Object.entries(stacks).filter(([, s]) => Object.keys(resources(s, 'aws_vpc')).length > 0);

  test.each([
    ['org.yaml', out, 'arn:aws:s3:::example-org-log-archive', 600, 'plain-text'],
    ['baseline-overrides.yaml', fixture, 'arn:aws:s3:::baseline-fixture-logs', 60, 'parquet'],
  ])('%s: one flow log per VPC to the log archive bucket, one default security group with no rules per VPC', (_name, synthesized, bucketArn, interval, fileFormat) => {
    const stacks = vpcStacks(synthesized.stacks);
    expect(stacks.length).toBeGreaterThan(0);
    for (const [stackName, stack] of stacks) {
      const vpcKeys = Object.keys(resources(stack, 'aws_vpc')).map((k) => k.replace(/^vpc_/, '')).sort();
      const flowLogs = resources(stack, 'aws_flow_log');
      const groups = resources(stack, 'aws_default_security_group');
      expect([stackName, Object.keys(flowLogs).sort()]).toEqual([stackName, vpcKeys.map((k) => `flow_log_${k}`)]);
      expect([stackName, Object.keys(groups).sort()]).toEqual([stackName, vpcKeys.map((k) => `default_security_group_${k}`)]);
      for (const k of vpcKeys) {
        expect(flowLogs[`flow_log_${k}`]).toMatchObject({
          vpc_id: `\${aws_vpc.vpc_${k}.id}`,
          log_destination: bucketArn,
          log_destination_type: 's3',
          traffic_type: 'ALL',
          max_aggregation_interval: interval,
          destination_options: { file_format: fileFormat },
        });
        expect(groups[`default_security_group_${k}`]).toMatchObject({ vpc_id: `\${aws_vpc.vpc_${k}.id}`, ingress: [], egress: [] });
      }
    }
  });
});
