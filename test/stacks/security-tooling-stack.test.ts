import { join } from 'node:path';
import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth } from '../helpers';

const SECURITY_ACCOUNT_REF = '${data.terraform_remote_state.cross-stack-reference-input-account-security-tooling.outputs.cross-stack-output-aws_organizations_accountaccountid}';
/** Where the security services' administrators are designated, from the management account. */
const SERVICE_ADMIN_TYPES = [
  'aws_guardduty_organization_admin_account', 'aws_securityhub_organization_admin_account', 'aws_detective_organization_admin_account',
  'aws_inspector2_delegated_admin_account', 'aws_macie2_organization_admin_account', 'aws_organizations_delegated_administrator',
];

describe('security-tooling stack of the default org.yaml', () => {
  const out = synth(defaultModel());
  const stack = out.stacks['security-tooling']!;
  const organization = out.stacks.organization!;
  const delegatedAdministrators = out.stacks['delegated-administrators']!;

  test('the provider assumes the access role in the new security account, through the account stack output', () => {
    expect(stack.provider.aws[0].assume_role).toEqual([
      { role_arn: `arn:aws:iam::${SECURITY_ACCOUNT_REF}:role/OrganizationAccountAccessRole`, session_name: 'lz-security-tooling' },
    ]);
    expect(stack.provider.aws[0].allowed_account_ids).toEqual([SECURITY_ACCOUNT_REF]);
    expect(out.stacks['account-security-tooling']!.output['cross-stack-output-aws_organizations_accountaccountid'].value).toBe(
      '${aws_organizations_account.account.id}',
    );
    // After the administrator designations, which turn the services on in the security account.
    expect(out.manifest.stacks['security-tooling']!.dependencies).toEqual(['organization', 'delegated-administrators', 'account-security-tooling']);
  });

  test('GuardDuty auto-enables every account in every allowed region, through the detector its designation created there', () => {
    expect(stack.provider.aws.map((p: { region: string; alias?: string }) => `${p.alias ?? 'aws'} ${p.region}`)).toEqual(['aws us-east-1', 'eu-west-1 eu-west-1', 'us-west-2 us-west-2']);
    expect(Object.keys(stack.data.aws_guardduty_detector)).toEqual(['guardduty__eu-west-1', 'guardduty__us-east-1', 'guardduty__us-west-2']);
    expect(resources(stack, 'aws_guardduty_detector')).toEqual({});
    const organizations = resources(stack, 'aws_guardduty_organization_configuration');
    expect(organizations['guardduty_organization__us-east-1']).toMatchObject({ detector_id: '${data.aws_guardduty_detector.guardduty__us-east-1.id}', auto_enable_organization_members: 'ALL', provider: 'aws' });
    expect(organizations['guardduty_organization__eu-west-1']).toMatchObject({ detector_id: '${data.aws_guardduty_detector.guardduty__eu-west-1.id}', auto_enable_organization_members: 'ALL', provider: 'aws.eu-west-1' });
    expect(Object.keys(organizations)).toHaveLength(3);
  });

  test('the home region\'s GuardDuty resources move from their addresses before GuardDuty went regional; nothing is destroyed', () => {
    expect(stack.moved).toContainEqual({ from: 'aws_guardduty_organization_configuration.guardduty_organization', to: 'aws_guardduty_organization_configuration.guardduty_organization__us-east-1' });
    expect(stack.moved).toContainEqual({ from: 'aws_guardduty_detector_feature.guardduty_feature_s3_data_events', to: 'aws_guardduty_detector_feature.guardduty_feature_s3_data_events__us-east-1' });
    expect(stack.moved).toHaveLength(13);
    expect(delegatedAdministrators.moved).toEqual([
      { from: 'aws_guardduty_organization_admin_account.service_admin_guardduty', to: 'aws_guardduty_organization_admin_account.service_admin_guardduty__us-east-1' },
    ]);
  });

  test('Security Hub is imported, protected, and configured centrally: aggregation over the allowed regions, one policy at the root', () => {
    expect(stack.import).toEqual([{ to: 'aws_securityhub_account.securityhub', id: SECURITY_ACCOUNT_REF }]);
    expect(resources(stack, 'aws_securityhub_account').securityhub).toMatchObject({ enable_default_standards: false, lifecycle: { prevent_destroy: true, ignore_changes: ['enable_default_standards'] } });
    expect(resources(stack, 'aws_securityhub_finding_aggregator').securityhub_finding_aggregator).toMatchObject({
      linking_mode: 'SPECIFIED_REGIONS', specified_regions: ['eu-west-1', 'us-west-2'], depends_on: ['aws_securityhub_account.securityhub'],
    });
    expect(resources(stack, 'aws_securityhub_organization_configuration').securityhub_organization).toMatchObject({
      auto_enable: false,
      auto_enable_standards: 'NONE',
      organization_configuration: { configuration_type: 'CENTRAL' },
      depends_on: ['aws_securityhub_account.securityhub', 'aws_securityhub_finding_aggregator.securityhub_finding_aggregator'],
    });
    expect(resources(stack, 'aws_securityhub_configuration_policy').securityhub_policy_organization).toMatchObject({
      name: 'example-organization',
      configuration_policy: {
        service_enabled: true,
        enabled_standard_arns: [
          'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
          'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0',
        ],
        security_controls_configuration: { disabled_control_identifiers: [] },
      },
      depends_on: ['aws_securityhub_organization_configuration.securityhub_organization'],
    });
    expect(resources(stack, 'aws_securityhub_configuration_policy_association')).toEqual({
      securityhub_policy_association__root: expect.objectContaining({
        policy_id: '${aws_securityhub_configuration_policy.securityhub_policy_organization.id}',
        target_id: '${data.terraform_remote_state.cross-stack-reference-input-organization.outputs.cross-stack-output-aws_organizations_organizationorganizationroots0id}',
      }),
    });
  });

  test('the local standards subscriptions leave the state without disabling the standards; the policy decides from now on', () => {
    expect(resources(stack, 'aws_securityhub_standards_subscription')).toEqual({});
    expect(stack.removed).toContainEqual({ from: 'aws_securityhub_standards_subscription.securityhub_standard_cis-aws-foundations-benchmark-v3-0-0', lifecycle: { destroy: false } });
    expect(stack.removed).toHaveLength(6);
  });

  test('a Config aggregator over the organization, with a role Config can assume', () => {
    const role = resources(stack, 'aws_iam_role').config_aggregator_role!;
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    expect(resources(stack, 'aws_iam_role_policy_attachment').config_aggregator_role_policy!.policy_arn).toBe(
      'arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations',
    );
    expect(resources(stack, 'aws_config_configuration_aggregator').config_aggregator).toMatchObject({
      organization_aggregation_source: { all_regions: true, role_arn: '${aws_iam_role.config_aggregator_role.arn}' },
      depends_on: ['aws_iam_role_policy_attachment.config_aggregator_role_policy'],
    });
  });

  test('an organization Access Analyzer; Inspector and Macie stay off', () => {
    expect(resources(stack, 'aws_accessanalyzer_analyzer').access_analyzer).toMatchObject({ type: 'ORGANIZATION' });
    expect(resources(stack, 'aws_inspector2_organization_configuration')).toEqual({});
    expect(resources(stack, 'aws_macie2_organization_configuration')).toEqual({});
  });

  test('the delegated-administrators stack designates the security account once per service, by the API each service requires', () => {
    for (const type of SERVICE_ADMIN_TYPES) expect(resources(organization, type)).toEqual({});
    expect(delegatedAdministrators.provider.aws[0]).toEqual(organization.provider.aws[0]);
    // Trusted access, enabled by the organization stack, comes first.
    expect(out.manifest.stacks['delegated-administrators']!.dependencies).toEqual(['organization', 'account-security-tooling']);
    const securityAccount = SECURITY_ACCOUNT_REF;
    const guardDuty = resources(delegatedAdministrators, 'aws_guardduty_organization_admin_account');
    expect(Object.fromEntries(Object.entries(guardDuty).map(([k, v]) => [k, `${v.provider} ${v.admin_account_id}`]))).toEqual({
      'service_admin_guardduty__eu-west-1': `aws.eu-west-1 ${securityAccount}`,
      'service_admin_guardduty__us-east-1': `aws ${securityAccount}`,
      'service_admin_guardduty__us-west-2': `aws.us-west-2 ${securityAccount}`,
    });
    expect(delegatedAdministrators.provider.aws.map((p: { region: string }) => p.region)).toEqual(['us-east-1', 'eu-west-1', 'us-west-2']);
    expect(Object.keys(resources(delegatedAdministrators, 'aws_securityhub_organization_admin_account'))).toEqual(['service_admin_securityhub']);
    expect(resources(delegatedAdministrators, 'aws_securityhub_organization_admin_account').service_admin_securityhub!.admin_account_id).toBe(securityAccount);
    // Detective is designated by detective-administration, after its graph exists.
    expect(resources(delegatedAdministrators, 'aws_detective_organization_admin_account')).toEqual({});
    const delegated = resources(delegatedAdministrators, 'aws_organizations_delegated_administrator');
    expect(Object.fromEntries(Object.values(delegated).map((d) => [d.service_principal, d.account_id]))).toEqual({
      'access-analyzer.amazonaws.com': securityAccount,
      'config.amazonaws.com': securityAccount,
    });
    expect(resources(organization, 'aws_organizations_organization').organization!.aws_service_access_principals).toEqual([
      'access-analyzer.amazonaws.com', 'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'detective.amazonaws.com', 'guardduty.amazonaws.com',
      // RAM's trusted access, from the network section (Transit Gateway shared with the organization).
      'ram.amazonaws.com',
      'securityhub.amazonaws.com',
      // Identity Center's own trusted access, from the identityCenter section of the default org.yaml.
      'sso.amazonaws.com',
    ]);
  });
});

describe('security-tooling stack of an adopted GovCloud organization with every service', () => {
  const out = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'adopted-logging-security.yaml'))));
  const stack = out.stacks['security-tooling']!;
  const organization = out.stacks.organization!;
  const delegatedAdministrators = out.stacks['delegated-administrators']!;

  test('the provider assumes the configured role in the adopted account by its literal id', () => {
    expect(stack.provider.aws[0].assume_role).toEqual([{ role_arn: 'arn:aws-us-gov:iam::333344445555:role/LandingZoneAdmin', session_name: 'lz-security-tooling' }]);
    expect(stack.provider.aws[0].allowed_account_ids).toEqual(['333344445555']);
    expect(stack.import).toEqual([{ to: 'aws_securityhub_account.securityhub', id: '333344445555' }]);
  });

  test('options from org.yaml reach each service, with GovCloud ARNs', () => {
    expect(resources(stack, 'aws_guardduty_organization_configuration')['guardduty_organization__us-gov-west-1']!.auto_enable_organization_members).toBe('NEW');
    expect(resources(stack, 'aws_securityhub_organization_configuration').securityhub_organization!.auto_enable).toBe(false);
    expect(Object.values(resources(stack, 'aws_securityhub_standards_subscription')).map((s) => s.standards_arn)).toEqual([
      'arn:aws-us-gov:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
      'arn:aws-us-gov:securityhub:us-gov-west-1::standards/nist-800-53/v/5.0.0',
    ]);
    expect(resources(stack, 'aws_iam_role_policy_attachment').config_aggregator_role_policy!.policy_arn).toBe(
      'arn:aws-us-gov:iam::aws:policy/service-role/AWSConfigRoleForOrganizations',
    );
    expect(resources(stack, 'aws_inspector2_organization_configuration').inspector_organization!.auto_enable).toEqual({ ec2: false, ecr: true, lambda: true, lambda_code: true });
    expect(resources(stack, 'aws_inspector2_enabler').inspector).toMatchObject({ account_ids: ['333344445555'], resource_types: ['ECR', 'LAMBDA', 'LAMBDA_CODE'], lifecycle: { prevent_destroy: true } });
    expect(resources(stack, 'aws_macie2_account').macie).toMatchObject({ status: 'ENABLED', lifecycle: { prevent_destroy: true } });
    expect(resources(stack, 'aws_macie2_organization_configuration').macie_organization).toMatchObject({ auto_enable: false, depends_on: ['aws_macie2_account.macie'] });
  });

  test('Inspector and Macie administrators are designated through their own APIs, never also through Organizations', () => {
    for (const type of SERVICE_ADMIN_TYPES) expect(resources(organization, type)).toEqual({});
    expect(resources(delegatedAdministrators, 'aws_inspector2_delegated_admin_account').service_admin_inspector2!.account_id).toBe('333344445555');
    expect(resources(delegatedAdministrators, 'aws_macie2_organization_admin_account').service_admin_macie!.admin_account_id).toBe('333344445555');
    const principals = Object.values(resources(delegatedAdministrators, 'aws_organizations_delegated_administrator')).map((d) => d.service_principal).sort();
    expect(principals).toEqual(['access-analyzer.amazonaws.com', 'config.amazonaws.com', 'sso.amazonaws.com']);
  });
});

describe('GuardDuty protection plans and the trail\'s CloudWatch Logs delivery of the default org.yaml', () => {
  const out = synth(defaultModel());
  const stack = out.stacks['security-tooling']!;

  test('each selected plan is auto-enabled for the members and enabled on the administrator\'s detector, agents included', () => {
    const organization = resources(stack, 'aws_guardduty_organization_configuration_feature');
    expect(Object.values(organization).filter((f) => f.provider === 'aws').map((f) => `${f.name} ${f.auto_enable}`)).toEqual([
      'EBS_MALWARE_PROTECTION ALL', 'EKS_AUDIT_LOGS ALL', 'LAMBDA_NETWORK_LOGS ALL', 'RDS_LOGIN_EVENTS ALL', 'RUNTIME_MONITORING ALL', 'S3_DATA_EVENTS ALL',
    ]);
    expect(organization['guardduty_organization_feature_runtime_monitoring__us-east-1']!.additional_configuration).toEqual([
      { name: 'EC2_AGENT_MANAGEMENT', auto_enable: 'ALL' }, { name: 'ECS_FARGATE_AGENT_MANAGEMENT', auto_enable: 'ALL' }, { name: 'EKS_ADDON_MANAGEMENT', auto_enable: 'ALL' },
    ]);
    expect(organization['guardduty_organization_feature_s3_data_events__us-east-1']!.depends_on).toEqual(['aws_guardduty_organization_configuration.guardduty_organization__us-east-1']);
    const detector = resources(stack, 'aws_guardduty_detector_feature');
    expect(Object.entries(detector).every(([k, f]) => f.status === 'ENABLED' && f.detector_id === `\${data.aws_guardduty_detector.guardduty__${k.split('__')[1]}.id}`)).toBe(true);
    expect(Object.keys(detector)).toHaveLength(18);
  });

  test('the organization trail delivers to a KMS-encrypted log group through a role only that trail may assume', () => {
    const trailStack = out.stacks['org-trail']!;
    const group = resources(trailStack, 'aws_cloudwatch_log_group').trail_logs_log_group!;
    expect(group).toMatchObject({ name: '/aws/cloudtrail/example-organization-trail', retention_in_days: 365, kms_key_id: '${aws_kms_key.trail_logs_key.arn}', lifecycle: { prevent_destroy: true } });
    const keyPolicy = JSON.parse(resources(trailStack, 'aws_kms_key').trail_logs_key!.policy as string);
    expect(keyPolicy.Statement[1]).toMatchObject({ Principal: { Service: 'logs.us-east-1.amazonaws.com' },
      Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/example-organization-trail' } } });
    const role = resources(trailStack, 'aws_iam_role').trail_logs_role!;
    expect(JSON.parse(role.assume_role_policy as string).Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:123456789012:trail/example-organization-trail' } });
    expect(JSON.parse(resources(trailStack, 'aws_iam_role_policy').trail_logs_role_policy!.policy as string).Statement).toEqual([
      { Sid: 'DeliverTrailEvents', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/example-organization-trail:log-stream:*' },
    ]);
    expect(resources(trailStack, 'aws_cloudtrail').organization_trail).toMatchObject({
      cloud_watch_logs_group_arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/cloudtrail/example-organization-trail:*',
      cloud_watch_logs_role_arn: '${aws_iam_role.trail_logs_role.arn}',
      depends_on: ['aws_cloudwatch_log_group.trail_logs_log_group', 'aws_iam_role_policy.trail_logs_role_policy'],
    });
  });
});
