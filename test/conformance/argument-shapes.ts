import type { ApiTarget } from './aws-api-models';
import { resolveShape, violations } from './aws-api-models';
import type { TerraformJson } from '../helpers';
import { BASELINE_MODEL_GAPS, BASELINE_SHAPES, BASELINE_TERRAFORM_ONLY } from './shapes-baseline';
import { IDENTITY_CENTER_SHAPES } from './shapes-identity-center';
import { INSPECTION_SHAPES } from './shapes-inspection';
import { LOGGING_SECURITY_MODEL_GAPS, LOGGING_SECURITY_SHAPES } from './shapes-logging-security';
import { ENDPOINT_SHAPES } from './shapes-endpoints';
import { NETWORK_SHAPES } from './shapes-network';
import { NETWORK_SUBNETS_SHAPES, NETWORK_SUBNETS_TERRAFORM_ONLY } from './shapes-network-subnets';

const orgs = (operation: string, member: string): ApiTarget => ({ service: 'organizations', operation, member });

/**
 * Terraform `<resource type>.<argument>` to where the provider sends the value in the AWS API.
 * One line per argument: a capability that adds a resource type adds its lines here (for example
 * `'aws_ssoadmin_permission_set.name': { service: 'sso-admin', operation: 'CreatePermissionSet', member: 'Name' }`),
 * and the conformance test refuses output with an argument that is neither here nor in TERRAFORM_ONLY.
 * `<type>.<import id>` maps the id of an `import` block; `data.<type>.<argument>` an argument of a
 * data source; `<type>.<block>.<attribute>` an attribute of a nested block (the block itself is walked).
 */
const ORGANIZATIONS_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_organizations_organization.feature_set': orgs('CreateOrganization', 'FeatureSet'),
  'aws_organizations_organization.aws_service_access_principals': orgs('EnableAWSServiceAccess', 'ServicePrincipal'),
  'aws_organizations_organization.enabled_policy_types': orgs('EnablePolicyType', 'PolicyType'),
  'aws_organizations_organization.<import id>': { service: 'organizations', shape: 'OrganizationId' },
  'aws_organizations_organizational_unit.name': orgs('CreateOrganizationalUnit', 'Name'),
  'aws_organizations_organizational_unit.parent_id': orgs('CreateOrganizationalUnit', 'ParentId'),
  'aws_organizations_organizational_unit.tags': orgs('TagResource', 'Tags'),
  'aws_organizations_organizational_unit.<import id>': orgs('DescribeOrganizationalUnit', 'OrganizationalUnitId'),
  'aws_organizations_account.name': orgs('CreateAccount', 'AccountName'),
  'aws_organizations_account.email': orgs('CreateAccount', 'Email'),
  'aws_organizations_account.role_name': orgs('CreateAccount', 'RoleName'),
  'aws_organizations_account.iam_user_access_to_billing': orgs('CreateAccount', 'IamUserAccessToBilling'),
  'aws_organizations_account.parent_id': orgs('MoveAccount', 'DestinationParentId'),
  'aws_organizations_account.tags': orgs('TagResource', 'Tags'),
  'aws_organizations_account.<import id>': orgs('DescribeAccount', 'AccountId'),
  'aws_organizations_policy.name': orgs('CreatePolicy', 'Name'),
  'aws_organizations_policy.description': orgs('CreatePolicy', 'Description'),
  'aws_organizations_policy.type': orgs('CreatePolicy', 'Type'),
  'aws_organizations_policy.content': orgs('CreatePolicy', 'Content'),
  'aws_organizations_policy.tags': orgs('TagResource', 'Tags'),
  'aws_organizations_policy_attachment.policy_id': orgs('AttachPolicy', 'PolicyId'),
  'aws_organizations_policy_attachment.target_id': orgs('AttachPolicy', 'TargetId'),
  'aws_organizations_delegated_administrator.account_id': orgs('RegisterDelegatedAdministrator', 'AccountId'),
  'aws_organizations_delegated_administrator.service_principal': orgs('RegisterDelegatedAdministrator', 'ServicePrincipal'),
  'provider.aws.allowed_account_ids': { service: 'organizations', shape: 'AccountId' },
};

export const ARGUMENT_SHAPES: Readonly<Record<string, ApiTarget>> = {
  ...ORGANIZATIONS_SHAPES,
  ...IDENTITY_CENTER_SHAPES,
  ...LOGGING_SECURITY_SHAPES,
  ...NETWORK_SHAPES,
  ...NETWORK_SUBNETS_SHAPES,
  ...ENDPOINT_SHAPES,
  ...INSPECTION_SHAPES,
  ...BASELINE_SHAPES,
};

/**
 * Arguments whose API member is newer than the models aws-api-constraints.json was extracted from
 * (botocore 1.29, late 2022):
 * not checked, but named with the member they will map to. api-conformance.test.ts fails once the
 * models gain the member, so the line moves to ARGUMENT_SHAPES instead of staying unchecked.
 */
export const MODEL_GAPS: Readonly<Record<string, { readonly target: ApiTarget; readonly reason: string }>> = {
  'aws_guardduty_organization_configuration.auto_enable_organization_members': {
    target: { service: 'guardduty', operation: 'UpdateOrganizationConfiguration', member: 'AutoEnableOrganizationMembers' },
    reason: 'AutoEnableOrganizationMembers (NEW/ALL/NONE) replaced the AutoEnable boolean in 2023',
  },
  'aws_securityhub_account.control_finding_generator': {
    target: { service: 'securityhub', operation: 'EnableSecurityHub', member: 'ControlFindingGenerator' },
    reason: 'consolidated control findings (ControlFindingGenerator) were added in 2023',
  },
  'aws_securityhub_organization_configuration.organization_configuration.configuration_type': {
    target: { service: 'securityhub', operation: 'UpdateOrganizationConfiguration', member: 'OrganizationConfiguration.ConfigurationType' },
    reason: 'central configuration (OrganizationConfiguration) was added in November 2023',
  },
  'aws_guardduty_organization_configuration_feature.name': {
    target: { service: 'guardduty', operation: 'UpdateOrganizationConfiguration', member: 'Features.member.Name' },
    reason: 'organization features (Features, replacing DataSources) were added in 2023',
  },
  'aws_guardduty_organization_configuration_feature.auto_enable': {
    target: { service: 'guardduty', operation: 'UpdateOrganizationConfiguration', member: 'Features.member.AutoEnable' },
    reason: 'organization features (Features, replacing DataSources) were added in 2023',
  },
  'aws_guardduty_organization_configuration_feature.additional_configuration.name': {
    target: { service: 'guardduty', operation: 'UpdateOrganizationConfiguration', member: 'Features.member.AdditionalConfiguration.member.Name' },
    reason: 'the additional configuration of features (Runtime Monitoring agents) was added in 2023',
  },
  'aws_guardduty_organization_configuration_feature.additional_configuration.auto_enable': {
    target: { service: 'guardduty', operation: 'UpdateOrganizationConfiguration', member: 'Features.member.AdditionalConfiguration.member.AutoEnable' },
    reason: 'the additional configuration of features (Runtime Monitoring agents) was added in 2023',
  },
  'aws_guardduty_detector_feature.name': {
    target: { service: 'guardduty', operation: 'UpdateDetector', member: 'Features.member.Name' },
    reason: 'detector features (Features, replacing DataSources) were added in 2023',
  },
  'aws_guardduty_detector_feature.status': {
    target: { service: 'guardduty', operation: 'UpdateDetector', member: 'Features.member.Status' },
    reason: 'detector features (Features, replacing DataSources) were added in 2023',
  },
  'aws_guardduty_detector_feature.additional_configuration.name': {
    target: { service: 'guardduty', operation: 'UpdateDetector', member: 'Features.member.AdditionalConfiguration.member.Name' },
    reason: 'the additional configuration of features (Runtime Monitoring agents) was added in 2023',
  },
  'aws_guardduty_detector_feature.additional_configuration.status': {
    target: { service: 'guardduty', operation: 'UpdateDetector', member: 'Features.member.AdditionalConfiguration.member.Status' },
    reason: 'the additional configuration of features (Runtime Monitoring agents) was added in 2023',
  },
  'aws_inspector2_organization_configuration.auto_enable.lambda_code': {
    target: { service: 'inspector2', operation: 'UpdateOrganizationConfiguration', member: 'autoEnable.lambdaCode' },
    reason: 'Lambda code scanning (lambdaCode) was added in 2023',
  },
  ...BASELINE_MODEL_GAPS,
  ...LOGGING_SECURITY_MODEL_GAPS,
};

/** Arguments with no API counterpart: Terraform meta-arguments and provider-side behaviour, each with its reason. */
export const TERRAFORM_ONLY: Readonly<Record<string, string>> = {
  '*.//': 'cdktf metadata',
  '*.lifecycle': 'Terraform meta-argument',
  '*.depends_on': 'Terraform meta-argument',
  '*.provider': 'Terraform meta-argument',
  'aws_organizations_account.close_on_deletion': 'provider behaviour on destroy (CloseAccount or RemoveAccountFromOrganization)',
  'aws_s3_bucket.force_destroy': 'provider behaviour on destroy (empties the bucket first)',
  'aws_kms_key.enable_key_rotation': 'selects the operation (EnableKeyRotation or DisableKeyRotation), which carries no value',
  'aws_cloudtrail.enable_logging': 'selects the operation (StartLogging or StopLogging), which carries no value',
  'aws_ec2_transit_gateway_vpc_attachment.transit_gateway_default_route_table_association':
    'provider behaviour: associates with or disassociates from the default route table by separate calls',
  'aws_ec2_transit_gateway_vpc_attachment.transit_gateway_default_route_table_propagation':
    'provider behaviour: enables or disables propagation to the default route table by separate calls',
  'aws_ec2_transit_gateway_vpc_attachment_accepter.transit_gateway_default_route_table_association':
    'provider behaviour: associates with or disassociates from the default route table by separate calls',
  'aws_ec2_transit_gateway_vpc_attachment_accepter.transit_gateway_default_route_table_propagation':
    'provider behaviour: enables or disables propagation to the default route table by separate calls',
  'data.aws_availability_zones.state': 'sent as a DescribeAvailabilityZones filter named "state"; the model has no member of its own for it',
  'aws_ec2_transit_gateway_route_table_association.replace_existing_association': 'provider behaviour: disassociates the current route table first',
  'data.terraform_remote_state.*': 'Terraform reads another stack\'s state; no AWS API',
  'tfe_project.*': 'HCP Terraform (tfe provider), not an AWS API',
  'tfe_project_settings.*': 'HCP Terraform (tfe provider), not an AWS API',
  'tfe_workspace.*': 'HCP Terraform (tfe provider), not an AWS API',
  'tfe_workspace_settings.*': 'HCP Terraform (tfe provider), not an AWS API',
  'tfe_variable.*': 'HCP Terraform (tfe provider), not an AWS API',
  'provider.tfe.*': 'HCP Terraform (tfe provider), not an AWS API',
  'provider.aws.region': 'endpoint selection, checked by the region rule',
  'provider.aws.default_tags': 'merged into each resource\'s tags by the provider',
  'provider.aws.assume_role': 'credentials of the provider, not an API argument',
  'provider.aws.alias': 'Terraform meta-argument',
  ...BASELINE_TERRAFORM_ONLY,
  ...NETWORK_SUBNETS_TERRAFORM_ONLY,
};

export interface ConformanceReport {
  readonly violations: string[];
  /** Arguments written that are neither mapped nor Terraform-only. */
  readonly unmapped: string[];
  /** How many literal values were checked, by mapping key. */
  readonly checked: Record<string, number>;
}

const isToken = (v: unknown) => typeof v === 'string' && v.includes('${');

function literalsOf(value: unknown): unknown {
  if (isToken(value)) return undefined;
  if (Array.isArray(value)) {
    const kept = value.filter((v) => !isToken(v));
    return kept.length > 0 ? kept : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const kept = Object.entries(value).filter(([, v]) => !isToken(v));
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  }
  return value;
}

/** Checks every literal argument of every stack (resources, data sources, imports, providers) against the AWS API model. */
export function checkConformance(stacks: Readonly<Record<string, TerraformJson>>): ConformanceReport {
  const report: ConformanceReport = { violations: [], unmapped: [], checked: {} };
  const nestedKeys = [...Object.keys(ARGUMENT_SHAPES), ...Object.keys(MODEL_GAPS)];
  // `type` is the block type (`aws_x`, `data.aws_x`, `provider.aws`); `path` the argument, then nested attributes.
  const check = (type: string, path: readonly string[], value: unknown, where: string) => {
    const key = [type, ...path].join('.');
    if (TERRAFORM_ONLY[key] !== undefined || TERRAFORM_ONLY[`${type}.*`] !== undefined || MODEL_GAPS[key] !== undefined) return;
    if (path.length === 1 && TERRAFORM_ONLY[`*.${path[0]}`] !== undefined) return;
    const target = ARGUMENT_SHAPES[key];
    if (target) {
      const literal = literalsOf(value);
      if (literal === undefined) return;
      const { model, shapeName } = resolveShape(target);
      report.violations.push(...violations(model, shapeName, literal, where));
      report.checked[key] = (report.checked[key] ?? 0) + 1;
      return;
    }
    // A nested block whose attributes are mapped one by one (a block is an object, or a list of them).
    const blocks = Array.isArray(value) ? value : [value];
    const isBlock = blocks.length > 0 && blocks.every((b) => b !== null && typeof b === 'object' && !Array.isArray(b));
    if (isBlock && nestedKeys.some((k) => k.startsWith(`${key}.`))) {
      blocks.forEach((block, i) => {
        for (const [attribute, v] of Object.entries(block as object))
          check(type, [...path, attribute], v, `${where}${Array.isArray(value) ? `[${i}]` : ''}.${attribute}`);
      });
      return;
    }
    if (!report.unmapped.includes(key)) report.unmapped.push(key);
  };
  for (const [stackName, stack] of Object.entries(stacks)) {
    for (const [kind, prefix] of [['resource', ''], ['data', 'data.']] as const)
      for (const [type, byName] of Object.entries((stack[kind] ?? {}) as Record<string, Record<string, TerraformJson>>))
        for (const [name, args] of Object.entries(byName))
          for (const [arg, value] of Object.entries(args)) check(`${prefix}${type}`, [arg], value, `${stackName}: ${prefix}${type}.${name}.${arg}`);
    for (const block of (stack.import ?? []) as Array<{ to: string; id: string }>)
      check(block.to.split('.')[0]!, ['<import id>'], block.id, `${stackName}: import ${block.to}`);
    for (const [providerName, configs] of Object.entries((stack.provider ?? {}) as Record<string, TerraformJson[]>))
      for (const config of configs)
        for (const [arg, value] of Object.entries(config)) check(`provider.${providerName}`, [arg], value, `${stackName}: provider ${providerName}.${arg}`);
  }
  return report;
}
