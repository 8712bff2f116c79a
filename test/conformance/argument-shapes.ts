import type { ApiTarget } from './aws-api-models';
import { resolveShape, violations } from './aws-api-models';
import type { TerraformJson } from '../helpers';

const orgs = (operation: string, member: string): ApiTarget => ({ service: 'organizations', operation, member });

/**
 * Terraform `<resource type>.<argument>` to where the provider sends the value in the AWS API.
 * One line per argument: a capability that adds a resource type adds its lines here (for example
 * `'aws_ssoadmin_permission_set.name': { service: 'sso-admin', operation: 'CreatePermissionSet', member: 'Name' }`),
 * and the conformance test refuses output with an argument that is neither here nor in TERRAFORM_ONLY.
 * `<type>.<import id>` maps the id of an `import` block.
 */
export const ARGUMENT_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_organizations_organization.feature_set': orgs('CreateOrganization', 'FeatureSet'),
  'aws_organizations_organization.aws_service_access_principals': orgs('EnableAWSServiceAccess', 'ServicePrincipal'),
  'aws_organizations_organization.enabled_policy_types': orgs('EnablePolicyType', 'PolicyType'),
  'aws_organizations_organization.<import id>': { service: 'organizations', shape: 'OrganizationId' },
  'aws_organizations_organizational_unit.name': orgs('CreateOrganizationalUnit', 'Name'),
  'aws_organizations_organizational_unit.parent_id': orgs('CreateOrganizationalUnit', 'ParentId'),
  'aws_organizations_organizational_unit.tags': orgs('TagResource', 'Tags'),
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

/** Arguments with no API counterpart: Terraform meta-arguments and provider-side behaviour, each with its reason. */
export const TERRAFORM_ONLY: Readonly<Record<string, string>> = {
  '*.//': 'cdktf metadata',
  '*.lifecycle': 'Terraform meta-argument',
  '*.depends_on': 'Terraform meta-argument',
  '*.provider': 'Terraform meta-argument',
  'aws_organizations_account.close_on_deletion': 'provider behaviour on destroy (CloseAccount or RemoveAccountFromOrganization)',
  'provider.aws.region': 'endpoint selection, checked by the region rule',
  'provider.aws.default_tags': 'merged into each resource\'s tags by the provider',
  'provider.aws.assume_role': 'credentials of the provider, not an API argument',
  'provider.aws.alias': 'Terraform meta-argument',
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

/** Checks every literal argument of every stack against the AWS API model. */
export function checkConformance(stacks: Readonly<Record<string, TerraformJson>>): ConformanceReport {
  const report: ConformanceReport = { violations: [], unmapped: [], checked: {} };
  const check = (key: string, value: unknown, where: string) => {
    if (TERRAFORM_ONLY[key] !== undefined || TERRAFORM_ONLY[`*.${key.split('.').pop()}`] !== undefined) return;
    const target = ARGUMENT_SHAPES[key];
    if (!target) {
      if (!report.unmapped.includes(key)) report.unmapped.push(key);
      return;
    }
    const literal = literalsOf(value);
    if (literal === undefined) return;
    const { model, shapeName } = resolveShape(target);
    report.violations.push(...violations(model, shapeName, literal, where));
    report.checked[key] = (report.checked[key] ?? 0) + 1;
  };
  for (const [stackName, stack] of Object.entries(stacks)) {
    for (const [type, byName] of Object.entries((stack.resource ?? {}) as Record<string, Record<string, TerraformJson>>))
      for (const [name, args] of Object.entries(byName))
        for (const [arg, value] of Object.entries(args)) check(`${type}.${arg}`, value, `${stackName}: ${type}.${name}.${arg}`);
    for (const block of (stack.import ?? []) as Array<{ to: string; id: string }>)
      check(`${block.to.split('.')[0]}.<import id>`, block.id, `${stackName}: import ${block.to}`);
    for (const [providerName, configs] of Object.entries((stack.provider ?? {}) as Record<string, TerraformJson[]>))
      for (const config of configs)
        for (const [arg, value] of Object.entries(config)) check(`provider.${providerName}.${arg}`, value, `${stackName}: provider ${providerName}.${arg}`);
  }
  return report;
}
