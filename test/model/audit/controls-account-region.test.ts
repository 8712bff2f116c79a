import { accountOfStack } from '../../../src/model/audit/inventory';
import type { ControlReport } from '../../../src/model/audit/run-audit';
import { auditOf, control, provider, SCOPE, unitLines } from './audit-helpers';

const SLR = 'arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig';

/** A baseline stack of `app` with one provider per region, and `resources(alias)` under each. */
function baseline(resources: (alias: string) => Record<string, Record<string, object>>) {
  const regions = SCOPE.regions.map((r, i) => ({ region: r, alias: i === 0 ? undefined : r.replace(/-/g, '_') }));
  const resource: Record<string, Record<string, object>> = {};
  for (const { alias } of regions)
    for (const [type, byName] of Object.entries(resources(alias ?? 'home')))
      for (const [name, body] of Object.entries(byName)) (resource[type] ??= {})[`${name}_${alias ?? 'home'}`] = { ...body, ...(alias ? { provider: `aws.${alias}` } : {}) };
  return { provider: { aws: regions.map((r) => provider(r.region, r.alias)) }, resource };
}

const appHome = (c: ControlReport) => c.units.find((u) => u.account === 'app' && u.region === 'us-east-1')?.reason;

describe('the stack -> account contract', () => {
  it('places baseline region groups, the network alias and organization-wide stacks', () => {
    expect(accountOfStack('baseline-app', undefined, SCOPE)).toBe('app');
    expect(accountOfStack('baseline2-app', 'eu_west_1', SCOPE)).toBe('app');
    expect(accountOfStack('network-management', undefined, SCOPE)).toBe('management');
    expect(accountOfStack('network-management', 'network', SCOPE)).toBe('app');
    expect(accountOfStack('org-trail', undefined, SCOPE)).toBe('management');
    expect(accountOfStack('security-tooling', undefined, SCOPE)).toBe('app');
    expect(accountOfStack('somebody-elses', undefined, SCOPE)).toBeUndefined();
  });
});

describe('Config.1', () => {
  const recorder = (overrides: object = {}) => (alias: string) => ({
    aws_iam_service_linked_role: { config: { aws_service_name: 'config.amazonaws.com' } },
    aws_config_configuration_recorder: { recorder: { name: 'lz', role_arn: `\${aws_iam_service_linked_role.config_${alias}.arn}`, recording_group: { all_supported: true, include_global_resource_types: alias === 'home' }, ...overrides } },
    aws_config_configuration_recorder_status: { status: { name: `\${aws_config_configuration_recorder.recorder_${alias}.name}`, is_enabled: true } },
    aws_config_delivery_channel: { channel: { s3_bucket_name: 'logs' } },
  });

  it('is satisfied in every region with the recorder on, all types, the service-linked role and a channel', () => {
    const c = control(auditOf({ 'baseline-app': baseline(recorder()) }), 'Config.1');
    expect(unitLines(c)).toEqual(['not-satisfied: management/us-east-1', 'not-satisfied: management/eu-west-1', 'satisfied: app/us-east-1', 'satisfied: app/eu-west-1']);
    expect(c.units[2]!.evidence.map((e) => e.address)).toEqual(['aws_config_configuration_recorder.recorder_home', 'aws_config_configuration_recorder_status.status_home', 'aws_config_delivery_channel.channel_home', 'aws_iam_service_linked_role.config_home']);
    expect(c.units.find((u) => u.account === 'management')?.reason).toBe('no AWS Config recorder in this account and region');
  });

  it('accepts the service-linked role by ARN', () => {
    const c = control(auditOf({ 'baseline-app': baseline(recorder({ role_arn: SLR })) }), 'Config.1');
    expect(c.units.filter((u) => u.account === 'app').map((u) => u.status)).toEqual(['satisfied', 'satisfied']);
  });

  it.each([
    [{ role_arn: 'arn:aws:iam::111111111111:role/my-config-role' }, 'the recorder does not use the AWSServiceRoleForConfig service-linked role'],
    [{ recording_group: { all_supported: false, include_global_resource_types: true } }, 'the recorder does not record all supported resource types'],
    [{ recording_group: { all_supported: true } }, 'the home-region recorder does not record global resource types (IAM)'],
  ])('is not satisfied with %j', (overrides, reason) => {
    const c = control(auditOf({ 'baseline-app': baseline(recorder(overrides)) }), 'Config.1');
    expect(c.units.find((u) => u.account === 'app' && u.region === 'us-east-1')?.reason).toBe(reason);
  });

  it('is not satisfied when the recorder is off or has no channel', () => {
    const off = baseline((alias) => ({ ...recorder()(alias), aws_config_configuration_recorder_status: { status: { name: 'lz', is_enabled: false } } }));
    expect(appHome(control(auditOf({ 'baseline-app': off }), 'Config.1'))).toMatch(/^the recorder is not turned on/);
    const noChannel = baseline((alias) => ({ ...recorder()(alias), aws_config_delivery_channel: {} }));
    expect(appHome(control(auditOf({ 'baseline-app': noChannel }), 'Config.1'))).toBe('no delivery channel: the recorder cannot start');
  });
});

describe('EC2.7, IAM.28, GuardDuty.1, SecurityHub.1', () => {
  it('EC2.7 needs encryption by default in each region', () => {
    const on = control(auditOf({ 'baseline-app': baseline(() => ({ aws_ebs_encryption_by_default: { ebs: { enabled: true } } })) }), 'EC2.7');
    expect(on.units.filter((u) => u.account === 'app').map((u) => u.status)).toEqual(['satisfied', 'satisfied']);
    const off = control(auditOf({ 'baseline-app': baseline(() => ({ aws_ebs_encryption_by_default: { ebs: { enabled: false } } })) }), 'EC2.7');
    expect(appHome(off)).toBe('EBS encryption by default is turned off');
  });

  it('IAM.28 needs an analyzer in the account and region', () => {
    const c = control(auditOf({ 'baseline-app': baseline(() => ({ aws_accessanalyzer_analyzer: { aa: { analyzer_name: 'lz', type: 'ACCOUNT' } } })) }), 'IAM.28');
    expect(c.units.filter((u) => u.status === 'satisfied').map((u) => `${u.account}/${u.region}`)).toEqual(['app/us-east-1', 'app/eu-west-1']);
  });

  it('GuardDuty.1: an organization configuration with ALL covers every account of its region only', () => {
    const stacks = {
      'delegated-administrators': { provider: { aws: [provider('us-east-1')] }, resource: { aws_guardduty_organization_admin_account: { gd: { admin_account_id: '222222222222' } } } },
      'security-tooling': { provider: { aws: [provider('us-east-1')] }, resource: { aws_guardduty_organization_configuration: { gd: { auto_enable_organization_members: 'ALL', detector_id: 'x' } } } },
    };
    const c = control(auditOf(stacks), 'GuardDuty.1');
    expect(unitLines(c)).toEqual(['satisfied: management/us-east-1', 'not-satisfied: management/eu-west-1', 'satisfied: app/us-east-1', 'not-satisfied: app/eu-west-1']);
    expect(c.units[1]!.reason).toBe('GuardDuty is configured for the organization in us-east-1 only');
    const onlyNew = { ...stacks, 'security-tooling': { ...stacks['security-tooling'], resource: { aws_guardduty_organization_configuration: { gd: { auto_enable_organization_members: 'NEW' } } } } };
    expect(control(auditOf(onlyNew), 'GuardDuty.1').units[0]!.reason).toBe('the organization configuration auto-enables NEW accounts, not all existing ones');
  });

  it('SecurityHub.1: central configuration at the root with an all-regions aggregator covers everything; LOCAL auto_enable does not', () => {
    const central = {
      'security-tooling': {
        provider: { aws: [provider('us-east-1')] },
        resource: {
          aws_securityhub_organization_configuration: { org: { auto_enable: false, organization_configuration: { configuration_type: 'CENTRAL' } } },
          aws_securityhub_finding_aggregator: { agg: { linking_mode: 'ALL_REGIONS' } },
          aws_securityhub_configuration_policy: { policy: { name: 'lz', configuration_policy: { service_enabled: true } } },
          aws_securityhub_configuration_policy_association: { root: { policy_id: '${aws_securityhub_configuration_policy.policy.id}', target_id: 'r-ab12' } },
        },
      },
    };
    expect(control(auditOf(central), 'SecurityHub.1').units.map((u) => u.status)).toEqual(['satisfied', 'satisfied', 'satisfied', 'satisfied']);
    const noAggregator = { 'security-tooling': { ...central['security-tooling'], resource: { ...central['security-tooling'].resource, aws_securityhub_finding_aggregator: {} } } };
    expect(unitLines(control(auditOf(noAggregator), 'SecurityHub.1'))).toEqual(['satisfied: management/us-east-1', 'not-satisfied: management/eu-west-1', 'satisfied: app/us-east-1', 'not-satisfied: app/eu-west-1']);
    const local = { 'security-tooling': { provider: { aws: [provider('us-east-1')] }, resource: { aws_securityhub_account: { hub: {} }, aws_securityhub_organization_configuration: { org: { auto_enable: true, organization_configuration: { configuration_type: 'LOCAL' } } } } } };
    const c = control(auditOf(local), 'SecurityHub.1');
    expect(unitLines(c)).toEqual(['not-satisfied: management/us-east-1', 'not-satisfied: management/eu-west-1', 'satisfied: app/us-east-1', 'not-satisfied: app/eu-west-1']);
    expect(c.units[0]!.reason).toBe('auto_enable (LOCAL configuration) enables only accounts that join later, not this existing account');
  });
});
