import { join } from 'node:path';
import { validateFile } from '../../src/pipeline';
import { FIXTURES, modelOf, resources, synth } from '../helpers';
import { auditOfModel } from '../model/audit/audit-helpers';

const FIXTURE = join(FIXTURES, 'valid', 'security-central.yaml');

describe('GuardDuty in four allowed regions and Security Hub policies at the root, an OU and an account', () => {
  const model = modelOf(validateFile(FIXTURE));
  const out = synth(model);
  const regionsOf = (stack: string) => out.stacks[stack]!.provider.aws.map((p: { region: string; alias?: string }) => `${p.alias ?? 'aws'} ${p.region}`);

  test('the pinned region groups give a second delegated-administrators and security-tooling stack, each within 3 providers', () => {
    expect(model.security!.guardDuty!.regionGroups).toEqual([['eu-west-1', 'ap-southeast-2', 'eu-central-1'], ['us-east-1']]);
    expect(regionsOf('delegated-administrators')).toEqual(['aws eu-west-1', 'ap-southeast-2 ap-southeast-2', 'eu-central-1 eu-central-1']);
    expect(regionsOf('delegated-administrators2')).toEqual(['aws us-east-1']);
    expect(regionsOf('security-tooling')).toEqual(['aws eu-west-1', 'ap-southeast-2 ap-southeast-2', 'eu-central-1 eu-central-1']);
    expect(regionsOf('security-tooling2')).toEqual(['aws us-east-1']);
    expect(out.manifest.stacks['security-tooling2']!.dependencies).toEqual(['organization', 'delegated-administrators2', 'account-security-tooling']);
  });

  test('group 2 holds GuardDuty only, under addresses that end in the region; the organization-wide work stays in group 1', () => {
    const delegated2 = out.stacks['delegated-administrators2']!;
    expect(Object.keys(delegated2.resource)).toEqual(['aws_guardduty_organization_admin_account']);
    expect(Object.keys(resources(delegated2, 'aws_guardduty_organization_admin_account'))).toEqual(['service_admin_guardduty__us-east-1']);
    expect(delegated2.moved).toBeUndefined();
    const tooling2 = out.stacks['security-tooling2']!;
    expect(Object.keys(tooling2.resource).sort()).toEqual(['aws_guardduty_detector_feature', 'aws_guardduty_organization_configuration', 'aws_guardduty_organization_configuration_feature']);
    expect(Object.keys(resources(tooling2, 'aws_guardduty_organization_configuration'))).toEqual(['guardduty_organization__us-east-1']);
    expect(Object.keys(resources(out.stacks['delegated-administrators']!, 'aws_securityhub_organization_admin_account'))).toEqual(['service_admin_securityhub']);
  });

  test('each target has its own association with its policy; standards by home-region ARN, disabled controls sorted', () => {
    const stack = out.stacks['security-tooling']!;
    const associations = resources(stack, 'aws_securityhub_configuration_policy_association');
    expect(Object.fromEntries(Object.entries(associations).map(([k, v]) => [k, `${v.policy_id} ${v.target_id}`]))).toEqual({
      securityhub_policy_association__root: expect.stringMatching(/securityhub_policy_organization\.id\} .*organizationroots0id\}$/),
      securityhub_policy_association__ou_Workloads_Prod: expect.stringMatching(/securityhub_policy_prod\.id\} .*ou_Workloads_Prod.*id\}$/),
      'securityhub_policy_association__account_app-nonprod': expect.stringMatching(/securityhub_policy_prod\.id\} .*account-app-nonprod.*accountid\}$/),
    });
    expect(resources(stack, 'aws_securityhub_configuration_policy').securityhub_policy_prod).toMatchObject({
      name: 'central-fixture-prod',
      description: 'Prod runs NIST 800-53 as well.',
      configuration_policy: {
        enabled_standard_arns: [
          'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0',
          'arn:aws:securityhub:eu-west-1::standards/nist-800-53/v/5.0.0',
        ],
        security_controls_configuration: { disabled_control_identifiers: ['EC2.10', 'IAM.6'] },
      },
    });
    expect(resources(stack, 'aws_securityhub_finding_aggregator').securityhub_finding_aggregator).toMatchObject({
      linking_mode: 'SPECIFIED_REGIONS', specified_regions: ['ap-southeast-2', 'eu-central-1', 'us-east-1'],
    });
  });

  test('lz audit finds GuardDuty and Security Hub in every account and region (4 accounts x 4 regions)', () => {
    const report = auditOfModel(model);
    const count = (id: string) => {
      const units = report.controls.find((c) => c.id === id)!.units;
      return `${units.filter((u) => u.status === 'satisfied').length}/${units.length}`;
    };
    expect(count('GuardDuty.1')).toBe('16/16');
    expect(count('SecurityHub.1')).toBe('16/16');
  });
});

describe('Security Hub with one allowed region', () => {
  test('central configuration keeps a home region without linked regions', () => {
    const model = modelOf(validateFile(FIXTURE));
    const single = { ...model, organization: { ...model.organization, allowedRegions: ['eu-west-1'] },
      security: { ...model.security!, securityHub: { ...model.security!.securityHub!, central: { ...model.security!.securityHub!.central!, linkedRegions: [] } } } };
    const aggregator = resources(synth(single).stacks['security-tooling']!, 'aws_securityhub_finding_aggregator').securityhub_finding_aggregator!;
    expect(aggregator.linking_mode).toBe('NO_REGIONS');
    expect(aggregator.specified_regions).toBeUndefined();
  });
});
