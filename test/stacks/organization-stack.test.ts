import { validateFile } from '../../src/pipeline';
import { defaultModel, FIXTURES, modelOf, resources, synth, validateYaml } from '../helpers';
import { join } from 'node:path';

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
    expect(org.enabled_policy_types).toEqual(['SERVICE_CONTROL_POLICY']);
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

  test('member accounts are protected from deletion and closure', () => {
    const accounts = resources(stack, 'aws_organizations_account');
    expect(Object.keys(accounts)).toHaveLength(9);
    expect(accounts.account_management).toBeUndefined();
    for (const account of Object.values(accounts)) {
      expect(account.close_on_deletion).toBe(false);
      expect(account.role_name).toBe('OrganizationAccountAccessRole');
      expect(account.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['role_name', 'iam_user_access_to_billing'] });
    }
    expect(accounts['account_payments-prod']).toMatchObject({
      name: 'Example Payments Prod',
      email: 'aws+payments-prod@example.com',
      parent_id: '${aws_organizations_organizational_unit.ou_Workloads_Prod.id}',
      iam_user_access_to_billing: 'ALLOW',
      tags: { domain: 'payments' },
    });
  });

  test('policies are minified canonical documents attached by key', () => {
    const policies = resources(stack, 'aws_organizations_policy');
    expect(Object.keys(policies).sort()).toEqual([
      'policy_baseline', 'policy_deny-all', 'policy_deny-unapproved-regions', 'policy_sandbox-guardrails', 'policy_security-guardrails', 'policy_workload-guardrails',
    ]);
    expect(policies['policy_deny-all']!.content).toBe('{"Version":"2012-10-17","Statement":[{"Action":"*","Effect":"Deny","Resource":"*","Sid":"DenyAll"}]}');
    expect(policies['policy_baseline']!.content).toContain('"aws:PrincipalArn":["arn:aws:iam::*:root"]');
    expect(policies['policy_baseline']!.content).toContain('{"Action":"organizations:LeaveOrganization","Effect":"Deny","Resource":"*","Sid":"DenyLeaveOrganization"}');
    for (const p of Object.values(policies)) {
      expect(p.type).toBe('SERVICE_CONTROL_POLICY');
      expect(p.content.length).toBeLessThanOrEqual(5120);
      expect(p.depends_on).toEqual(['aws_organizations_organization.organization']);
    }
    const attachments = resources(stack, 'aws_organizations_policy_attachment');
    expect(Object.keys(attachments).sort()).toEqual([
      'attach_baseline__root', 'attach_deny-all__ou_Suspended', 'attach_deny-unapproved-regions__root', 'attach_sandbox-guardrails__ou_Sandbox',
      'attach_security-guardrails__ou_Security', 'attach_workload-guardrails__ou_Sandbox', 'attach_workload-guardrails__ou_Workloads',
    ]);
    expect(attachments['attach_deny-all__ou_Suspended']).toMatchObject({
      policy_id: '${aws_organizations_policy.policy_deny-all.id}',
      target_id: '${aws_organizations_organizational_unit.ou_Suspended.id}',
    });
  });

  test('exports account ids by key', () => {
    expect(stack.output.account_ids.value.management).toBe('123456789012');
    expect(stack.output.account_ids.value['network']).toBe('${aws_organizations_account.account_network.id}');
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
  const stack = synth(modelOf(validateYaml(yaml))).stacks.organization!;

  test('existing organization and accounts are imported, not created', () => {
    expect(stack.import).toEqual(
      expect.arrayContaining([
        { to: 'aws_organizations_organization.organization', id: 'o-abcdef1234' },
        { to: 'aws_organizations_account.account_audit', id: '222222222222' },
      ]),
    );
    expect(stack.import).toHaveLength(2);
  });

  test('service access covers delegated services and explicit principals, sorted', () => {
    const org = resources(stack, 'aws_organizations_organization').organization!;
    expect(org.aws_service_access_principals).toEqual(['guardduty.amazonaws.com', 'securityhub.amazonaws.com', 'sso.amazonaws.com']);
  });

  test('delegated administrators use literal ids for adopted accounts and references otherwise', () => {
    const delegated = resources(stack, 'aws_organizations_delegated_administrator');
    expect(delegated.delegated_admin_guardduty).toMatchObject({ account_id: '222222222222', service_principal: 'guardduty.amazonaws.com' });
    expect(delegated.delegated_admin_securityhub!.account_id).toBe('${aws_organizations_account.account_fresh.id}');
    expect(delegated.delegated_admin_guardduty!.depends_on).toEqual(['aws_organizations_organization.organization']);
  });

  test('an attachment to an adopted account targets its literal id', () => {
    expect(resources(stack, 'aws_organizations_policy_attachment')['attach_no-leave__account_audit']!.target_id).toBe('222222222222');
  });
});

describe('the minimal fixture', () => {
  test('synthesizes an organization with no OUs, accounts or policies to create', () => {
    const stack = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'minimal.yaml')))).stacks.organization!;
    expect(resources(stack, 'aws_organizations_organization').organization!.enabled_policy_types).toEqual([]);
    expect(resources(stack, 'aws_organizations_account')).toEqual({});
  });
});
