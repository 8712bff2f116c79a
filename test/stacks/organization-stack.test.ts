import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth, validateYaml } from '../helpers';
import { join } from 'node:path';

const ORGANIZATION_OUTPUT = 'data.terraform_remote_state.cross-stack-reference-input-organization.outputs';

describe('organization stack of the default org.yaml', () => {
  const out = synth(defaultModel());
  const stack = out.stacks.organization!;

  test('deploys into the management account only', () => {
    expect(stack.provider.aws).toEqual([
      { allowed_account_ids: ['123456789012'], default_tags: [{ tags: { 'managed-by': 'landing-zone-compiler' } }], region: 'us-east-1' },
    ]);
  });

  test('keeps local state next to org.yaml with a relative path', () => {
    expect(stack.terraform.backend).toEqual({ local: { path: '../../../terraform.organization.tfstate' } });
  });

  test('the organization enables exactly the policy types in use and cannot be destroyed', () => {
    const org = resources(stack, 'aws_organizations_organization').organization!;
    expect(org.feature_set).toBe('ALL');
    expect(org.enabled_policy_types).toEqual(['DECLARATIVE_POLICY_EC2', 'SERVICE_CONTROL_POLICY']);
    expect(org.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('OUs are addressed by path and nested under their parents', () => {
    const ous = resources(stack, 'aws_organizations_organizational_unit');
    expect(Object.keys(ous).sort()).toEqual([
      'ou_Infrastructure', 'ou_Sandbox', 'ou_Security', 'ou_Suspended', 'ou_Workloads', 'ou_Workloads_NonProd', 'ou_Workloads_Prod',
    ]);
    expect(ous.ou_Workloads!.parent_id).toBe('${aws_organizations_organization.organization.roots[0].id}');
    expect(ous.ou_Workloads_Prod!.parent_id).toBe('${aws_organizations_organizational_unit.ou_Workloads.id}');
    expect(ous.ou_Workloads_Prod!.name).toBe('Prod');
    expect(ous.ou_Workloads_Prod!.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('member accounts live one per account-<key> stack, protected from deletion and closure', () => {
    expect(resources(stack, 'aws_organizations_account')).toEqual({});
    const accountStacks = Object.keys(out.stacks).filter((name) => name.startsWith('account-')).sort();
    expect(accountStacks).toEqual([
      'account-analytics-nonprod', 'account-analytics-prod', 'account-log-archive', 'account-network', 'account-payments-nonprod',
      'account-payments-prod', 'account-sandbox-alice', 'account-security-tooling', 'account-shared-services',
    ]);
    for (const name of accountStacks) {
      const accounts = resources(out.stacks[name]!, 'aws_organizations_account');
      expect(Object.keys(accounts)).toEqual(['account']);
      const account = accounts.account!;
      expect(account.close_on_deletion).toBe(false);
      expect(account.role_name).toBe('OrganizationAccountAccessRole');
      expect(account.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['role_name', 'iam_user_access_to_billing'] });
      expect(out.stacks[name]!.provider.aws).toEqual(stack.provider.aws);
      expect(out.manifest.stacks[name]!.dependencies).toEqual(['organization']);
    }
    expect(resources(out.stacks['account-payments-prod']!, 'aws_organizations_account').account).toMatchObject({
      name: 'Example Payments Prod',
      email: 'aws+payments-prod@example.com',
      parent_id: `\${${ORGANIZATION_OUTPUT}.cross-stack-output-aws_organizations_organizational_unitou_Workloads_Prodid}`,
      iam_user_access_to_billing: 'ALLOW',
      tags: { domain: 'payments' },
    });
  });

  test('policies are minified canonical documents attached by key', () => {
    const policies = resources(stack, 'aws_organizations_policy');
    expect(Object.keys(policies).sort()).toEqual([
      'policy_baseline', 'policy_deny-all', 'policy_deny-unapproved-regions', 'policy_ec2-account-defaults', 'policy_ec2-workload-baseline',
      'policy_infrastructure-guardrails', 'policy_sandbox-guardrails', 'policy_security-guardrails', 'policy_workload-guardrails',
    ]);
    expect(policies['policy_deny-all']!.content).toBe('{"Version":"2012-10-17","Statement":[{"Action":"*","Effect":"Deny","Resource":"*","Sid":"DenyAll"}]}');
    expect(policies['policy_baseline']!.content).toContain('"aws:PrincipalArn":["arn:aws:iam::*:root"]');
    expect(policies['policy_baseline']!.content).toContain('{"Action":"organizations:LeaveOrganization","Effect":"Deny","Resource":"*","Sid":"DenyLeaveOrganization"}');
    for (const [key, p] of Object.entries(policies)) {
      expect([key, p.type]).toEqual([key, key.startsWith('policy_ec2-') ? 'DECLARATIVE_POLICY_EC2' : 'SERVICE_CONTROL_POLICY']);
      expect(p.content.length).toBeLessThanOrEqual(p.type === 'SERVICE_CONTROL_POLICY' ? 5120 : 10000);
      expect(p.depends_on).toEqual(['aws_organizations_organization.organization']);
    }
    const attachments = resources(stack, 'aws_organizations_policy_attachment');
    expect(Object.keys(attachments).sort()).toEqual([
      'attach_baseline__root', 'attach_deny-all__ou_Suspended', 'attach_deny-unapproved-regions__root',
      'attach_ec2-account-defaults__ou_Infrastructure', 'attach_ec2-account-defaults__ou_Security', 'attach_ec2-workload-baseline__ou_Sandbox',
      'attach_ec2-workload-baseline__ou_Workloads', 'attach_infrastructure-guardrails__ou_Infrastructure', 'attach_sandbox-guardrails__ou_Sandbox',
      'attach_security-guardrails__ou_Security', 'attach_workload-guardrails__ou_Sandbox', 'attach_workload-guardrails__ou_Workloads',
    ]);
    expect(attachments['attach_deny-all__ou_Suspended']).toMatchObject({
      policy_id: '${aws_organizations_policy.policy_deny-all.id}',
      target_id: '${aws_organizations_organizational_unit.ou_Suspended.id}',
    });
  });

  test('exports every OU id, the root id, the organization id and every policy id from the start', () => {
    const output = (expression: string) => ({ sensitive: true, value: `\${${expression}}` });
    expect(stack.output).toEqual({
      ...Object.fromEntries(
        ['Infrastructure', 'Sandbox', 'Security', 'Suspended', 'Workloads', 'Workloads_NonProd', 'Workloads_Prod'].map((ou) => [
          `cross-stack-output-aws_organizations_organizational_unitou_${ou}id`,
          output(`aws_organizations_organizational_unit.ou_${ou}.id`),
        ]),
      ),
      'cross-stack-output-aws_organizations_organizationorganizationid': output('aws_organizations_organization.organization.id'),
      'cross-stack-output-aws_organizations_organizationorganizationroots0id': output('aws_organizations_organization.organization.roots[0].id'),
      ...Object.fromEntries(
        ['baseline', 'deny-all', 'deny-unapproved-regions', 'ec2-account-defaults', 'ec2-workload-baseline', 'infrastructure-guardrails', 'sandbox-guardrails', 'security-guardrails', 'workload-guardrails'].map((policy) => [
          `cross-stack-output-aws_organizations_policypolicy_${policy}id`,
          output(`aws_organizations_policy.policy_${policy}.id`),
        ]),
      ),
    });
  });

  test('each account stack exports its account id, which other stacks read; the management account id is a literal', () => {
    expect(out.stacks['account-network']!.output).toEqual({
      'cross-stack-output-aws_organizations_accountaccountid': { sensitive: true, value: '${aws_organizations_account.account.id}' },
    });
    const networkId = '${data.terraform_remote_state.cross-stack-reference-input-account-network.outputs.cross-stack-output-aws_organizations_accountaccountid}';
    expect(out.stacks['network-hub']!.provider.aws[0].allowed_account_ids).toEqual([networkId]);
    expect(out.manifest.stacks['network-hub']!.dependencies).toContain('account-network');
    expect(out.stacks['account-management']).toBeUndefined();
    for (const assignment of Object.values(resources(out.stacks['access-management']!, 'aws_ssoadmin_account_assignment')))
      expect(assignment.target_id).toBe('123456789012');
  });
});

describe('adoption and delegation', () => {
  const yaml = `
organization:
  name: adopt
  id: o-abcdef1234
  homeRegion: eu-central-1
  managementAccount: root-account
  serviceAccessPrincipals: [sso.amazonaws.com]
organizationalUnits:
  Security: {}
accounts:
  root-account: { name: Root, email: root@example.com, ou: Root, id: "111111111111" }
  audit: { name: Audit, email: audit@example.com, ou: Security, id: "222222222222", policies: [no-leave] }
  fresh: { name: Fresh, email: fresh@example.com, ou: Security }
policies:
  no-leave:
    statements: [{ Effect: Deny, Action: organizations:LeaveOrganization, Resource: "*" }]
delegatedAdministrators:
  guardduty.amazonaws.com: audit
  securityhub.amazonaws.com: fresh
`;
  const out = synth(modelOf(validateYaml(yaml)));
  const stack = out.stacks.organization!;

  test('existing organization and accounts are imported, not created', () => {
    expect(stack.import).toEqual([{ to: 'aws_organizations_organization.organization', id: 'o-abcdef1234' }]);
    expect(out.stacks['account-audit']!.import).toEqual([{ to: 'aws_organizations_account.account', id: '222222222222' }]);
    expect(out.stacks['account-fresh']!.import).toBeUndefined();
    expect(out.stacks['account-root-account']).toBeUndefined();
  });

  test('service access covers delegated services and explicit principals, sorted', () => {
    const org = resources(stack, 'aws_organizations_organization').organization!;
    expect(org.aws_service_access_principals).toEqual(['guardduty.amazonaws.com', 'securityhub.amazonaws.com', 'sso.amazonaws.com']);
  });

  test('delegated administrators use literal ids for adopted accounts and references otherwise', () => {
    expect(resources(stack, 'aws_organizations_delegated_administrator')).toEqual({});
    const delegatedStack = out.stacks['delegated-administrators']!;
    expect(delegatedStack.provider.aws).toEqual([
      { allowed_account_ids: ['111111111111'], default_tags: [{ tags: { 'managed-by': 'landing-zone-compiler' } }], region: 'eu-central-1' },
    ]);
    const delegated = resources(delegatedStack, 'aws_organizations_delegated_administrator');
    expect(Object.keys(delegated).sort()).toEqual(['delegated_admin_guardduty', 'delegated_admin_securityhub']);
    expect(delegated.delegated_admin_guardduty).toMatchObject({ account_id: '222222222222', service_principal: 'guardduty.amazonaws.com' });
    expect(delegated.delegated_admin_securityhub!.account_id).toBe(
      '${data.terraform_remote_state.cross-stack-reference-input-account-fresh.outputs.cross-stack-output-aws_organizations_accountaccountid}',
    );
    // Trusted access is enabled by the organization stack, which therefore applies first.
    expect(out.manifest.stacks['delegated-administrators']!.dependencies.sort()).toEqual(['account-fresh', 'organization']);
  });

  test('an attachment to an adopted account targets its literal id', () => {
    expect(Object.keys(resources(stack, 'aws_organizations_policy_attachment'))).toEqual([]);
    const attachments = resources(out.stacks['account-audit']!, 'aws_organizations_policy_attachment');
    expect(Object.keys(attachments)).toEqual(['attach_no-leave']);
    expect(attachments['attach_no-leave']).toMatchObject({
      target_id: '222222222222',
      policy_id: `\${${ORGANIZATION_OUTPUT}.cross-stack-output-aws_organizations_policypolicy_no-leaveid}`,
    });
    expect(stack.output['cross-stack-output-aws_organizations_policypolicy_no-leaveid']).toEqual({
      sensitive: true,
      value: '${aws_organizations_policy.policy_no-leave.id}',
    });
  });
});

describe('the minimal fixture', () => {
  test('synthesizes an organization with no OUs, accounts or policies to create', () => {
    const out = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'minimal.yaml'))));
    const stack = out.stacks.organization!;
    expect(resources(stack, 'aws_organizations_organization').organization!.enabled_policy_types).toEqual([]);
    expect(resources(stack, 'aws_organizations_account')).toEqual({});
    expect(Object.keys(out.stacks)).toEqual(['organization']);
  });
});
