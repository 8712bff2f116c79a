import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { validateFile } from '../../src/pipeline';
import { DEFAULT_ORG, FIXTURES, modelOf, resources, synth, validateYaml, type SynthOutput, type TerraformJson } from '../helpers';

const INSTANCE_ARN = '${one(data.aws_ssoadmin_instances.ssoadmin_instances.arns)}';
const IDENTITY_STORE_ID = '${one(data.aws_ssoadmin_instances.ssoadmin_instances.identity_store_ids)}';
/** The instance ARN as an access stack reads it, from the identity-center stack's output. */
const ACCESS_INSTANCE_ARN = '${one(data.terraform_remote_state.cross-stack-reference-input-identity-center.outputs.cross-stack-output-dataaws_ssoadmin_instancesssoadmin_instancesarns)}';
const accountRef = (key: string) =>
  `\${data.terraform_remote_state.cross-stack-reference-input-account-${key}.outputs.cross-stack-output-aws_organizations_accountaccountid}`;

/** The access stacks of a synthesis, by name. */
function accessStacks(out: SynthOutput): Array<[string, TerraformJson]> {
  return Object.entries(out.stacks).filter(([name]) => name.startsWith('access-'));
}

/** What the identity-center output that an access stack reads (`${...identity-center.outputs.X}`) holds. */
function fromIdentityCenter(out: SynthOutput, expression: string): string {
  const name = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-identity-center\.outputs\.([^}]+)\}$/.exec(expression)?.[1];
  expect([expression, name]).toEqual([expression, expect.any(String)]);
  const output = out.stacks['identity-center']!.output[name!];
  expect([name, output]).toEqual([name, expect.objectContaining({ sensitive: true })]);
  return output.value as string;
}

/** (group, permission set, account) triples granted by every access stack of a synthesis, sorted. */
function grants(out: SynthOutput): string[] {
  return accessStacks(out)
    .flatMap(([, stack]) => Object.values(resources(stack, 'aws_ssoadmin_account_assignment')))
    .map((a) => {
      const group = /group_([^.]+)\.group_id/.exec(fromIdentityCenter(out, a.principal_id))![1];
      const set = /permission_set_([^.]+)\.arn/.exec(fromIdentityCenter(out, a.permission_set_arn))![1];
      return `${group} ${set} ${a.target_id}`;
    })
    .sort();
}

describe('identity-center stack of the default org.yaml', () => {
  const out = synth(modelOf(validateFile(DEFAULT_ORG, 'org.yaml')));
  const stack = out.stacks['identity-center']!;

  test('deploys into the management account, after the organization and delegated-administrators stacks; so do the access stacks', () => {
    expect(stack.provider.aws).toEqual([
      { allowed_account_ids: ['123456789012'], default_tags: [{ tags: { 'managed-by': 'landing-zone-compiler' } }], region: 'us-east-1' },
    ]);
    expect(out.manifest.stacks['identity-center']!.dependencies).toEqual(['organization', 'delegated-administrators']);
    expect(accessStacks(out).map(([name]) => name)).toEqual([
      'access-analytics-nonprod', 'access-analytics-prod', 'access-log-archive', 'access-management', 'access-network',
      'access-payments-nonprod', 'access-payments-prod', 'access-sandbox-alice', 'access-security-tooling', 'access-shared-services',
    ]);
    for (const [, access] of accessStacks(out)) expect(access.provider).toEqual(stack.provider);
  });

  test('exports the instance ARNs, every permission set ARN and every principal id from the start', () => {
    const output = (expression: string) => ({ sensitive: true, value: `\${${expression}}` });
    expect(stack.output).toEqual({
      ...Object.fromEntries(['PlatformAdmin', 'PowerUser', 'ReadOnly', 'SecurityAudit'].map((set) => [
        `cross-stack-output-aws_ssoadmin_permission_setpermission_set_${set}arn`, output(`aws_ssoadmin_permission_set.permission_set_${set}.arn`),
      ])),
      ...Object.fromEntries(['auditors', 'developers', 'platform-admins'].map((group) => [
        `cross-stack-output-dataaws_identitystore_groupgroup_${group}group_id`, output(`data.aws_identitystore_group.group_${group}.group_id`),
      ])),
      'cross-stack-output-dataaws_ssoadmin_instancesssoadmin_instancesarns': output('data.aws_ssoadmin_instances.ssoadmin_instances.arns'),
    });
    expect(resources(stack, 'aws_ssoadmin_account_assignment')).toEqual({});
  });

  test('the organization trusts sso.amazonaws.com', () => {
    const org = resources(out.stacks.organization!, 'aws_organizations_organization').organization!;
    expect(org.aws_service_access_principals).toContain('sso.amazonaws.com');
  });

  test('the instance comes from the ssoadmin instances data source, which must find exactly one', () => {
    const instances = stack.data.aws_ssoadmin_instances.ssoadmin_instances;
    expect(instances.lifecycle.postcondition).toEqual([
      { condition: '${length(self.arns) == 1}', error_message: expect.stringContaining('IAM Identity Center must be enabled') },
    ]);
  });

  test('groups are looked up by display name, none is created', () => {
    expect(stack.resource.aws_identitystore_group).toBeUndefined();
    const groups = stack.data.aws_identitystore_group;
    expect(Object.keys(groups).sort()).toEqual(['group_auditors', 'group_developers', 'group_platform-admins']);
    expect(groups['group_platform-admins']).toMatchObject({
      identity_store_id: IDENTITY_STORE_ID,
      alternate_identifier: { unique_attribute: { attribute_path: 'DisplayName', attribute_value: 'Platform Admins' } },
    });
  });

  test('permission sets carry name, description and session duration', () => {
    const sets = resources(stack, 'aws_ssoadmin_permission_set');
    expect(Object.keys(sets).sort()).toEqual([
      'permission_set_PlatformAdmin', 'permission_set_PowerUser', 'permission_set_ReadOnly', 'permission_set_SecurityAudit',
    ]);
    expect(sets.permission_set_PlatformAdmin).toMatchObject({
      instance_arn: INSTANCE_ARN, name: 'PlatformAdmin', session_duration: 'PT1H', description: 'Full administrator access for the platform team.',
    });
    expect(sets.permission_set_PowerUser!.session_duration).toBe('PT4H');
  });

  test('each managed policy attachment names its ARN and depends on its permission set', () => {
    const attachments = resources(stack, 'aws_ssoadmin_managed_policy_attachment');
    expect(Object.fromEntries(Object.entries(attachments).map(([k, v]) => [k, v.managed_policy_arn]))).toEqual({
      permission_set_PlatformAdmin__managed_AdministratorAccess: 'arn:aws:iam::aws:policy/AdministratorAccess',
      permission_set_PowerUser__managed_PowerUserAccess: 'arn:aws:iam::aws:policy/PowerUserAccess',
      permission_set_ReadOnly__managed_ReadOnlyAccess: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      permission_set_SecurityAudit__managed_SecurityAudit: 'arn:aws:iam::aws:policy/SecurityAudit',
    });
    for (const [address, attachment] of Object.entries(attachments)) {
      const set = address.split('__')[0]!;
      expect(attachment.depends_on).toEqual([`aws_ssoadmin_permission_set.${set}`]);
      expect(attachment.permission_set_arn).toBe(`\${aws_ssoadmin_permission_set.${set}.arn}`);
      expect(attachment.instance_arn).toBe(INSTANCE_ARN);
    }
  });

  test('grants exactly what org.yaml says, and administrator access only to platform admins in Infrastructure and Security', () => {
    expect(grants(out)).toEqual([
      'auditors ReadOnly 123456789012',
      ...['analytics-nonprod', 'analytics-prod', 'log-archive', 'network', 'payments-nonprod', 'payments-prod', 'sandbox-alice', 'security-tooling', 'shared-services']
        .map((k) => `auditors ReadOnly ${accountRef(k)}`),
      'auditors SecurityAudit 123456789012',
      ...['analytics-nonprod', 'analytics-prod', 'log-archive', 'network', 'payments-nonprod', 'payments-prod', 'sandbox-alice', 'security-tooling', 'shared-services']
        .map((k) => `auditors SecurityAudit ${accountRef(k)}`),
      ...['analytics-nonprod', 'payments-nonprod'].map((k) => `developers PowerUser ${accountRef(k)}`),
      ...['analytics-prod', 'payments-prod'].map((k) => `developers ReadOnly ${accountRef(k)}`),
      ...['log-archive', 'network', 'security-tooling', 'shared-services'].map((k) => `platform-admins PlatformAdmin ${accountRef(k)}`),
    ].sort());
    const adminSets = Object.entries(resources(stack, 'aws_ssoadmin_managed_policy_attachment'))
      .filter(([, a]) => a.managed_policy_arn.endsWith(':policy/AdministratorAccess'))
      .map(([address]) => address);
    expect(adminSets).toEqual(['permission_set_PlatformAdmin__managed_AdministratorAccess']);
  });

  test('assignments are addressed by principal and permission set in their account\'s access stack, which waits for the policies of every set', () => {
    const access = out.stacks['access-payments-prod']!;
    expect(Object.keys(resources(access, 'aws_ssoadmin_account_assignment')).sort()).toEqual([
      'assignment_group_auditors__ReadOnly', 'assignment_group_auditors__SecurityAudit', 'assignment_group_developers__ReadOnly',
    ]);
    const assignment = resources(access, 'aws_ssoadmin_account_assignment').assignment_group_developers__ReadOnly!;
    expect(assignment).toMatchObject({
      instance_arn: ACCESS_INSTANCE_ARN,
      principal_type: 'GROUP',
      target_type: 'AWS_ACCOUNT',
      target_id: accountRef('payments-prod'),
    });
    expect(fromIdentityCenter(out, assignment.permission_set_arn)).toBe('${aws_ssoadmin_permission_set.permission_set_ReadOnly.arn}');
    expect(fromIdentityCenter(out, assignment.principal_id)).toBe('${data.aws_identitystore_group.group_developers.group_id}');
    // The set's policies are in identity-center, which applies before any access stack.
    expect(resources(stack, 'aws_ssoadmin_managed_policy_attachment').permission_set_ReadOnly__managed_ReadOnlyAccess).toBeDefined();
    expect(out.manifest.stacks['access-payments-prod']!.dependencies).toEqual(['identity-center', 'account-payments-prod']);
    expect(out.manifest.stacks['access-management']!.dependencies).toEqual(['identity-center']);
    // Each access stack grants access to its own account only.
    for (const [name, access] of accessStacks(out)) {
      const key = name.slice('access-'.length);
      for (const a of Object.values(resources(access, 'aws_ssoadmin_account_assignment')))
        expect([name, a.target_id]).toEqual([name, key === 'management' ? '123456789012' : accountRef(key)]);
    }
    expect(resources(out.stacks['access-management']!, 'aws_ssoadmin_account_assignment').assignment_group_auditors__SecurityAudit!.target_id).toBe('123456789012');
  });
});

describe('a new account under Workloads/Prod', () => {
  const original = readFileSync(DEFAULT_ORG, 'utf8');
  const withAccount = original.replace(
    /\naccounts:\n/,
    '\naccounts:\n  ledger-prod:\n    name: Example Ledger Prod\n    email: aws+ledger-prod@example.com\n    ou: Workloads/Prod\n',
  );
  const before = synth(modelOf(validateYaml(original)));
  const after = synth(modelOf(validateYaml(withAccount)));

  test('adds exactly that account\'s assignments, in its own access stack, and changes no other Identity Center stack', () => {
    expect(withAccount).not.toBe(original);
    const identityStacks = (out: SynthOutput) => Object.keys(out.stacks).filter((name) => name === 'identity-center' || name.startsWith('access-'));
    expect(identityStacks(after)).toEqual([...identityStacks(before), 'access-ledger-prod'].sort());
    for (const name of identityStacks(before)) {
      const file = `stacks/${name}/cdk.tf.json`;
      expect([file, after.files[file]]).toEqual([file, before.files[file]]);
    }
    const added = after.stacks['access-ledger-prod']!;
    expect(Object.keys(added.resource)).toEqual(['aws_ssoadmin_account_assignment']);
    expect(Object.keys(resources(added, 'aws_ssoadmin_account_assignment')).sort()).toEqual([
      'assignment_group_auditors__ReadOnly',
      'assignment_group_auditors__SecurityAudit',
      'assignment_group_developers__ReadOnly',
    ]);
    for (const a of Object.values(resources(added, 'aws_ssoadmin_account_assignment'))) expect(a.target_id).toBe(accountRef('ledger-prod'));
    expect(added.provider).toEqual(before.stacks['access-payments-prod']!.provider);
  });
});

describe('identity center from a delegated administrator (test/fixtures/valid/identity-center.yaml)', () => {
  const file = join(FIXTURES, 'valid', 'identity-center.yaml');
  const out = synth(modelOf(validateFile(file, 'org.yaml')));
  const stack = out.stacks['identity-center']!;

  test('deploys into the delegated administrator through the member role, in the Identity Center region', () => {
    expect(stack.provider.aws).toEqual([
      {
        allowed_account_ids: ['444455556666'],
        assume_role: [{ role_arn: 'arn:aws-us-gov:iam::444455556666:role/OrganizationAccountAccessRole', session_name: 'lz-identity-center' }],
        default_tags: [{ tags: { 'managed-by': 'landing-zone-compiler' } }],
        region: 'us-gov-east-1',
      },
    ]);
    for (const [, access] of accessStacks(out)) expect(access.provider).toEqual(stack.provider);
    expect(resources(out.stacks.organization!, 'aws_organizations_delegated_administrator')).toEqual({});
    expect(resources(out.stacks['delegated-administrators']!, 'aws_organizations_delegated_administrator').delegated_admin_sso).toMatchObject({
      account_id: '444455556666', service_principal: 'sso.amazonaws.com',
    });
    expect(out.manifest.stacks['identity-center']!.dependencies).toEqual(['organization', 'delegated-administrators']);
  });

  test('nested OUs are expanded and excluded OUs and accounts are left out', () => {
    const assigned = accessStacks(out).flatMap(([name, access]) => Object.keys(resources(access, 'aws_ssoadmin_account_assignment')).map((a) => `${name} ${a}`));
    expect(assigned.sort()).toEqual([
      'access-app-prod assignment_group_finance__Billing',
      'access-app-prod assignment_group_operators__Operator',
      'access-card-prod assignment_group_finance__Billing',
      'access-card-prod assignment_user_alice__Operator',
      'access-identity assignment_user_bob__Billing',
      'access-ledger-prod assignment_group_finance__Billing',
    ]);
  });

  test('principals are created or looked up as org.yaml says', () => {
    expect(resources(stack, 'aws_identitystore_group').group_finance).toMatchObject({ display_name: 'Finance Team', description: 'Reads the bills.' });
    expect(resources(stack, 'aws_identitystore_user').user_bob).toMatchObject({
      user_name: 'bob@example.com', display_name: 'Bob Builder', name: { given_name: 'Bob', family_name: 'Builder' },
    });
    expect(stack.data.aws_identitystore_user.user_alice.alternate_identifier).toEqual({
      unique_attribute: { attribute_path: 'UserName', attribute_value: 'alice@example.com' },
    });
    const alice = resources(out.stacks['access-card-prod']!, 'aws_ssoadmin_account_assignment').assignment_user_alice__Operator!;
    expect(alice).toMatchObject({ principal_type: 'USER', target_id: '555566667778' });
    expect(fromIdentityCenter(out, alice.principal_id)).toBe('${data.aws_identitystore_user.user_alice.user_id}');
    const bob = resources(out.stacks['access-identity']!, 'aws_ssoadmin_account_assignment').assignment_user_bob__Billing!;
    expect(bob).toMatchObject({ principal_type: 'USER', target_id: '444455556666' });
    expect(fromIdentityCenter(out, bob.principal_id)).toBe('${aws_identitystore_user.user_bob.user_id}');
  });

  test('every kind of permission set policy is attached, in the organization\'s partition', () => {
    expect(resources(stack, 'aws_ssoadmin_permission_set').permission_set_Operator).toMatchObject({
      name: 'Operator', session_duration: 'PT1H30M', relay_state: 'https://console.amazonaws-us-gov.com/cloudwatch/home', tags: { owner: 'platform' },
    });
    expect(resources(stack, 'aws_ssoadmin_permission_set').permission_set_Billing!.name).toBe('BillingReader');
    expect(Object.values(resources(stack, 'aws_ssoadmin_managed_policy_attachment')).map((a) => a.managed_policy_arn).sort()).toEqual([
      'arn:aws-us-gov:iam::aws:policy/AmazonEC2FullAccess', 'arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess',
    ]);
    expect(resources(stack, 'aws_ssoadmin_customer_managed_policy_attachment')['permission_set_Operator__customer_platform_team-operations']).toMatchObject({
      customer_managed_policy_reference: { name: 'team-operations', path: '/platform/' },
      depends_on: ['aws_ssoadmin_permission_set.permission_set_Operator'],
    });
    const inline = resources(stack, 'aws_ssoadmin_permission_set_inline_policy');
    expect(JSON.parse(inline.permission_set_Billing__inline!.inline_policy)).toEqual({
      Version: '2012-10-17', Statement: [{ Sid: 'ReadBilling', Effect: 'Allow', Action: ['aws-portal:ViewBilling', 'ce:GetCostAndUsage'], Resource: '*' }],
    });
    expect(inline.permission_set_Operator__inline!.depends_on).toEqual(['aws_ssoadmin_permission_set.permission_set_Operator']);
    const boundaries = resources(stack, 'aws_ssoadmin_permissions_boundary_attachment');
    expect(boundaries.permission_set_Billing__boundary!.permissions_boundary).toEqual({ managed_policy_arn: 'arn:aws-us-gov:iam::aws:policy/job-function/Billing' });
    expect(boundaries.permission_set_Operator__boundary!.permissions_boundary).toEqual({ customer_managed_policy_reference: { name: 'team-boundary', path: '/platform/' } });
    // The assignment of Billing waits for its inline policy and boundary: identity-center applies first.
    const bob = resources(out.stacks['access-identity']!, 'aws_ssoadmin_account_assignment').assignment_user_bob__Billing!;
    expect(fromIdentityCenter(out, bob.permission_set_arn)).toBe('${aws_ssoadmin_permission_set.permission_set_Billing.arn}');
    expect(out.manifest.stacks['access-identity']!.dependencies).toEqual(['identity-center']);
  });

  test('reversing the assignments, their lists and the policy lists gives byte-identical output', () => {
    const doc = parse(readFileSync(file, 'utf8'));
    const ic = doc.identityCenter;
    ic.assignments = [...ic.assignments].reverse().map((a: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(a).reverse().map(([k, v]) => [k, Array.isArray(v) ? [...v].reverse() : v])));
    ic.permissionSets.Operator.managedPolicies.reverse();
    ic.permissionSets = Object.fromEntries(Object.entries(ic.permissionSets).reverse());
    const permuted = synth(modelOf(validateYaml(stringify(doc), join(FIXTURES, 'valid'))));
    const identityFiles = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([path]) => /^stacks\/(identity-center|access-[^/]+)\/cdk\.tf\.json$/.test(path)));
    expect(Object.keys(identityFiles(out.files))).toHaveLength(5);
    expect(identityFiles(permuted.files)).toEqual(identityFiles(out.files));
  });
});

describe('without an identityCenter section', () => {
  test('there is no identity-center stack and no sso trusted access', () => {
    const out = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'minimal.yaml'), 'org.yaml')));
    expect(Object.keys(out.stacks)).toEqual(['organization']);
    expect(resources(out.stacks.organization!, 'aws_organizations_organization').organization!.aws_service_access_principals).toEqual([]);
  });
});
