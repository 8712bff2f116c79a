import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dependencyWaves } from '../../src/model/waves';
import { manifestGraph } from '../../src/cli/plan-order';
import { workspaceRoleName } from '../../src/constructs/workload-identity';
import { DEFAULT_ORG, modelOf, PROJECT_DIR, resources, synth, validateYaml, type TerraformJson } from '../helpers';
import { synthTestApp, withDeployment, type AppOutput } from './deployment-app';

const ORG = readFileSync(DEFAULT_ORG, 'utf8');
const modelWith = (section: string) => modelOf(validateYaml(withDeployment(ORG, section)));
const remoteStates = (stack: TerraformJson): Record<string, TerraformJson> => stack.data?.terraform_remote_state ?? {};

const CLOUD = '  backend: cloud\n  cloud:\n    organization: acme\n';
const S3 = '  backend: s3\n  s3:\n    bucket: acme-tfstate\n    region: eu-west-1\n    keyPrefix: lz/\n    kmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\n';

/** Secrets and machine paths must never reach the output, whatever the backend. */
function expectNoSecretsOrMachinePaths(out: AppOutput): void {
  for (const [path, content] of Object.entries(out.files)) {
    expect([path, /"(token|password|secret_key|access_key|secret|client_secret|session_token)"\s*:/i.test(content)]).toEqual([path, false]);
    expect([path, /\b(AKIA|ASIA)[A-Z0-9]{16}\b/.test(content)]).toEqual([path, false]);
    expect([path, content.includes(out.projectDir), content.includes(PROJECT_DIR), content.includes(homedir())]).toEqual([path, false, false, false]);
    expect([path, /"(\/(tmp|home|Users|var|private)\/|[A-Za-z]:\\\\)/.test(content)]).toEqual([path, false]);
  }
}

describe('local backend (the default)', () => {
  const out = synthTestApp(modelWith('  backend: local\n'));

  test('given four stacks, when synthesized, then each keeps its state next to org.yaml with a relative path', () => {
    expect(Object.keys(out.stacks).sort()).toEqual(['account-log-archive', 'log-archive', 'org-trail', 'organization']);
    for (const name of Object.keys(out.stacks))
      expect(out.stacks[name]!.terraform.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
  });

  test('a dependent stack reads its producer through a local remote state on the producer path', () => {
    const trail = remoteStates(out.stacks['org-trail']!);
    expect(Object.keys(trail)).toEqual(['cross-stack-reference-input-log-archive']);
    expect(trail['cross-stack-reference-input-log-archive']).toMatchObject({ backend: 'local', config: { path: '../../../terraform.log-archive.tfstate' } });
    expect(Object.keys(remoteStates(out.stacks['log-archive']!))).toEqual(['cross-stack-reference-input-account-log-archive']);
    expect(Object.keys(remoteStates(out.stacks['account-log-archive']!))).toEqual(['cross-stack-reference-input-organization']);
    expect(out.stacks.organization!.data).toBeUndefined();
  });

  test('member providers assume the access role from the management credentials', () => {
    expect(out.stacks['log-archive']!.provider.aws[0].assume_role[0].role_arn).toMatch(/^arn:aws:iam::\$\{data\.terraform_remote_state\.cross-stack-reference-input-account-log-archive\.outputs\.[^}]+\}:role\/OrganizationAccountAccessRole$/);
  });

  test('no bootstrap stack and no run-role policy without Terraform Cloud, and no secret or machine path in the output', () => {
    expect(out.stacks.workspaces).toBeUndefined();
    expect(resources(out.stacks['account-log-archive']!, 'aws_iam_role_policy')).toEqual({});
    expectNoSecretsOrMachinePaths(out);
  });
});

describe('s3 backend', () => {
  const out = synthTestApp(modelWith(S3));

  test('every stack has its own key under the prefix, encrypted and locked with a lock file', () => {
    for (const name of Object.keys(out.stacks))
      expect(out.stacks[name]!.terraform.backend).toEqual({
        s3: {
          bucket: 'acme-tfstate',
          key: `lz/${name}.tfstate`,
          region: 'eu-west-1',
          encrypt: true,
          kms_key_id: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          use_lockfile: true,
        },
      });
  });

  test('dependent stacks read the producer key from the same bucket', () => {
    expect(remoteStates(out.stacks['org-trail']!)['cross-stack-reference-input-log-archive']).toMatchObject({
      backend: 's3',
      config: { bucket: 'acme-tfstate', key: 'lz/log-archive.tfstate', region: 'eu-west-1' },
    });
    expect(remoteStates(out.stacks['log-archive']!)['cross-stack-reference-input-account-log-archive'].config.key).toBe('lz/account-log-archive.tfstate');
  });

  test('an empty key prefix puts the state files at the root of the bucket', () => {
    const model = modelWith('  backend: s3\n  s3: { bucket: b, region: us-east-1, keyPrefix: "/" }\n');
    expect(synth(model).stacks.organization!.terraform.backend.s3.key).toBe('organization.tfstate');
  });

  test('a DynamoDB lock table replaces the lock file when asked', () => {
    const locked = synthTestApp(modelWith('  backend: s3\n  s3: { bucket: b, region: us-east-1, dynamodbTable: tf-locks, useLockfile: false }\n'));
    expect(locked.stacks.organization!.terraform.backend.s3).toEqual({ bucket: 'b', key: 'landing-zone/organization.tfstate', region: 'us-east-1', encrypt: true, dynamodb_table: 'tf-locks' });
    expectNoSecretsOrMachinePaths(locked);
  });

  test('no secret or machine path in the output', () => expectNoSecretsOrMachinePaths(out));
});

describe('cloud backend', () => {
  const out = synthTestApp(modelWith(CLOUD));
  const root = out.stacks.workspaces!;
  const bootstrap = out.stacks['bootstrap-log-archive']!;
  const account = out.stacks['account-log-archive']!;

  test('every stack, the bootstrap stacks included, runs in its own named workspace; the project holds all but the first', () => {
    expect(Object.keys(out.stacks).sort()).toEqual(['account-log-archive', 'bootstrap-log-archive', 'log-archive', 'org-trail', 'organization', 'workspaces']);
    for (const name of Object.keys(out.stacks).filter((n) => n !== 'workspaces'))
      expect(out.stacks[name]!.terraform.cloud).toEqual({ organization: 'acme', hostname: 'app.terraform.io', workspaces: { name: `lz-${name}`, project: 'landing-zone' } });
    expect(root.terraform.cloud).toEqual({ organization: 'acme', hostname: 'app.terraform.io', workspaces: { name: 'lz-workspaces' } });
  });

  test('remote state is read through the remote backend by workspace name, without a token', () => {
    const state = remoteStates(out.stacks['org-trail']!)['cross-stack-reference-input-log-archive'];
    expect(state).toEqual(expect.objectContaining({ backend: 'remote', config: { organization: 'acme', hostname: 'app.terraform.io', workspaces: { name: 'lz-log-archive' } } }));
    expect(state.workspace).toBeUndefined();
    expect(remoteStates(root)).toEqual({});
    expect(remoteStates(bootstrap)).toEqual({});
  });

  test('member providers assume the access role, as under every backend, still pinned to the account', () => {
    const provider = out.stacks['log-archive']!.provider.aws[0];
    expect(provider.assume_role[0].role_arn).toMatch(/^arn:aws:iam::\$\{data\.terraform_remote_state\.cross-stack-reference-input-account-log-archive\.outputs\.[^}]+\}:role\/OrganizationAccountAccessRole$/);
    expect(provider.allowed_account_ids).toEqual([expect.stringMatching(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-account-log-archive\.outputs\./)]);
  });

  test('organization-wide stacks get their protected workspace from `workspaces`, the account\'s stacks from its bootstrap', () => {
    expect(Object.keys(resources(root, 'tfe_workspace')).sort()).toEqual(['workspace_log-archive', 'workspace_org-trail', 'workspace_organization']);
    expect(resources(root, 'tfe_workspace')['workspace_log-archive']).toMatchObject({
      name: 'lz-log-archive',
      organization: 'acme',
      project_id: '${tfe_project.project.id}',
      working_directory: 'cdktf.out/stacks/log-archive',
      lifecycle: { prevent_destroy: true },
    });
    expect(resources(root, 'tfe_project').project).toMatchObject({ name: 'landing-zone', organization: 'acme', lifecycle: { prevent_destroy: true } });
    expect(resources(root, 'tfe_project_settings').project_settings).toMatchObject({ project_id: '${tfe_project.project.id}', default_execution_mode: 'local' });
    expect(Object.keys(resources(bootstrap, 'tfe_workspace'))).toEqual(['workspace_account-log-archive']);
    expect(resources(bootstrap, 'tfe_workspace')['workspace_account-log-archive']).toMatchObject({ name: 'lz-account-log-archive', project_id: '${data.tfe_project.project.id}', lifecycle: { prevent_destroy: true } });
    expect(bootstrap.data.tfe_project.project).toMatchObject({ name: 'landing-zone', organization: 'acme' });
  });

  test('each bootstrap stack has exactly two providers: the management account and HCP Terraform', () => {
    for (const stack of [root, bootstrap]) {
      expect(stack.provider.aws).toEqual([expect.objectContaining({ allowed_account_ids: ['123456789012'] })]);
      expect(stack.provider.aws[0].assume_role).toBeUndefined();
      expect(stack.provider.tfe).toEqual([{ hostname: 'app.terraform.io', organization: 'acme' }]);
    }
  });

  test('remote state is shared with exactly the readers, or with the organization when another account\'s stacks read it', () => {
    const settings = resources(root, 'tfe_workspace_settings');
    expect(Object.keys(settings).sort()).toEqual(['settings_log-archive', 'settings_org-trail', 'settings_organization']);
    for (const s of Object.values(settings)) expect(s).toMatchObject({ execution_mode: 'remote' });
    expect(settings.settings_organization).toEqual(expect.objectContaining({ global_remote_state: true }));
    expect(settings.settings_organization!.remote_state_consumer_ids).toBeUndefined();
    expect(settings['settings_log-archive']).toMatchObject({ global_remote_state: false, remote_state_consumer_ids: ['${tfe_workspace.workspace_org-trail.id}'] });
    expect(settings['settings_org-trail']).toMatchObject({ global_remote_state: false, remote_state_consumer_ids: [] });
    expect(resources(bootstrap, 'tfe_workspace_settings')['settings_account-log-archive']).toMatchObject({
      global_remote_state: false,
      remote_state_consumer_ids: ['${data.tfe_workspace.workspace_log-archive.id}'],
    });
    expect(bootstrap.data.tfe_workspace['workspace_log-archive']).toMatchObject({ name: 'lz-log-archive', organization: 'acme' });
  });

  test('run triggers follow the stack dependencies, each in the bootstrap stack that can name both workspaces', () => {
    expect(Object.keys(resources(root, 'tfe_run_trigger'))).toEqual(['trigger_org-trail__log-archive']);
    expect(resources(root, 'tfe_run_trigger')['trigger_org-trail__log-archive']).toMatchObject({ workspace_id: '${tfe_workspace.workspace_org-trail.id}', sourceable_id: '${tfe_workspace.workspace_log-archive.id}' });
    const triggers = resources(bootstrap, 'tfe_run_trigger');
    expect(Object.keys(triggers).sort()).toEqual(['trigger_account-log-archive__organization', 'trigger_log-archive__account-log-archive']);
    expect(triggers['trigger_account-log-archive__organization']).toMatchObject({ workspace_id: '${tfe_workspace.workspace_account-log-archive.id}', sourceable_id: '${data.tfe_workspace.workspace_organization.id}' });
    expect(triggers['trigger_log-archive__account-log-archive']).toMatchObject({ workspace_id: '${data.tfe_workspace.workspace_log-archive.id}', sourceable_id: '${tfe_workspace.workspace_account-log-archive.id}' });
  });

  test('every workspace uses AWS dynamic credentials with its own role in the management account', () => {
    const variables = [...Object.values(resources(root, 'tfe_variable')), ...Object.values(resources(bootstrap, 'tfe_variable'))];
    const auth = variables.filter((v) => v.key === 'TFC_AWS_PROVIDER_AUTH');
    expect(auth).toHaveLength(4);
    for (const v of auth) expect(v).toMatchObject({ category: 'env', value: 'true' });
    expect(variables.filter((v) => v.key === 'TFC_AWS_RUN_ROLE_ARN')).toHaveLength(4);
    expect(resources(root, 'tfe_variable')['aws_role_log-archive']!.value).toBe('${aws_iam_role.role_log-archive.arn}');
    expect(resources(bootstrap, 'tfe_variable')['aws_role_account-log-archive']!.value).toBe('${aws_iam_role.role_account-log-archive.arn}');
  });

  test('one OIDC provider, in the management account; each role trusts only its own workspace', () => {
    expect(resources(root, 'aws_iam_openid_connect_provider')).toEqual({ oidc_provider: expect.objectContaining({ url: 'https://app.terraform.io', client_id_list: ['aws.workload.identity'] }) });
    expect(resources(bootstrap, 'aws_iam_openid_connect_provider')).toEqual({});
    const trust = (stack: TerraformJson, name: string) => JSON.parse(resources(stack, 'aws_iam_role')[name]!.assume_role_policy);
    expect(trust(root, 'role_organization').Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Federated: '${aws_iam_openid_connect_provider.oidc_provider.arn}' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' },
          StringLike: { 'app.terraform.io:sub': 'organization:acme:project:landing-zone:workspace:lz-organization:run_phase:*' },
        },
      },
    ]);
    expect(trust(bootstrap, 'role_account-log-archive').Statement[0]).toMatchObject({
      Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/app.terraform.io' },
      Condition: { StringLike: { 'app.terraform.io:sub': 'organization:acme:project:landing-zone:workspace:lz-account-log-archive:run_phase:*' } },
    });
  });

  test('management-account stacks\' roles administer it; a member stack\'s role may only assume that account\'s access role', () => {
    const admin = { ...resources(root, 'aws_iam_role_policy_attachment'), ...resources(bootstrap, 'aws_iam_role_policy_attachment') };
    expect(Object.keys(admin).sort()).toEqual(['role_account-log-archive_administrator', 'role_org-trail_administrator', 'role_organization_administrator']);
    for (const a of Object.values(admin)) expect(a.policy_arn).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(resources(root, 'aws_iam_role')['role_log-archive']).toMatchObject({ name: 'tfc-lz-log-archive' });
    expect(resources(root, 'aws_iam_role_policy')).toEqual({});
    const policy = resources(account, 'aws_iam_role_policy')['run_role_log-archive']!;
    expect(policy).toMatchObject({ name: 'assume-access-roles', role: 'tfc-lz-log-archive' });
    expect(JSON.parse(policy.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ['arn:aws:iam::${aws_organizations_account.account.id}:role/OrganizationAccountAccessRole'] }],
    });
    expect(account.provider.aws).toHaveLength(1);
  });

  test('the waves: workspaces; the bootstrap and organization; the account (and its grant); its stack; the reader', () => {
    expect(dependencyWaves(manifestGraph(out.manifest))).toEqual([
      ['workspaces'],
      ['bootstrap-log-archive', 'organization'],
      ['account-log-archive'],
      ['log-archive'],
      ['org-trail'],
    ]);
    expect(out.manifest.stacks['account-log-archive']!.dependencies.sort()).toEqual(['bootstrap-log-archive', 'organization', 'workspaces']);
    expect(out.manifest.stacks['log-archive']!.dependencies.sort()).toEqual(['account-log-archive', 'workspaces']);
  });

  test('no secret or machine path anywhere in the output', () => expectNoSecretsOrMachinePaths(out));

  test('preparing the stacks early adds each cross-stack output once, and synth is byte-stable', () => {
    const again = synthTestApp(modelWith(CLOUD));
    expect(again.files).toEqual(out.files);
    expect(Object.keys(account.output).sort()).toEqual([expect.stringMatching(/^cross-stack-output-aws_organizations_accountaccountid/)]);
  });
});

describe('workspace role names', () => {
  test('fit the 64-character limit of IAM, with a stable hash when shortened', () => {
    expect(workspaceRoleName('lz-organization')).toBe('tfc-lz-organization');
    const long = workspaceRoleName(`lz-network-spoke-${'a'.repeat(50)}`);
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^tfc-lz-network-spoke-a+-[0-9a-f]{8}$/);
    expect(workspaceRoleName(`lz-network-spoke-${'a'.repeat(50)}`)).toBe(long);
    expect(workspaceRoleName(`lz-network-spoke-${'a'.repeat(49)}b`)).not.toBe(long);
  });
});

/** Every remote state read in the output, as [consumer stack, producer stack, the data source]. */
function remoteStateReads(stacks: Record<string, TerraformJson>): Array<[string, string, TerraformJson]> {
  return Object.entries(stacks).flatMap(([consumer, stack]) =>
    Object.entries(remoteStates(stack)).map(([name, state]): [string, string, TerraformJson] => {
      const producer = /^cross-stack-reference-input-(.+)$/.exec(name)?.[1];
      if (producer === undefined) throw new Error(`unexpected remote state ${name} in ${consumer}`);
      return [consumer, producer, state];
    }));
}

/** The real default org.yaml with each backend: every stack it synthesizes, whatever their names. */
describe('the default org.yaml with the local backend', () => {
  const out = synth(modelWith('  backend: local\n'));
  const names = Object.keys(out.stacks);

  test('every stack keeps its own state file next to org.yaml', () => {
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect([name, out.stacks[name]!.terraform.backend]).toEqual([name, { local: { path: `../../../terraform.${name}.tfstate` } }]);
  });

  test('every cross-stack read names a synthesized producer by its state path', () => {
    const reads = remoteStateReads(out.stacks);
    expect(reads.length).toBeGreaterThan(names.length);
    for (const [consumer, producer, state] of reads) {
      expect([consumer, names.includes(producer)]).toEqual([consumer, true]);
      expect([consumer, state.backend, state.config]).toEqual([consumer, 'local', { path: `../../../terraform.${producer}.tfstate` }]);
      expect([consumer, out.manifest.stacks[consumer]!.dependencies.includes(producer)]).toEqual([consumer, true]);
    }
  });
});

describe('the default org.yaml with the s3 backend', () => {
  const out = synth(modelWith(S3));
  const names = Object.keys(out.stacks);

  test('every stack has its own key under the prefix, encrypted and locked', () => {
    expect(names.length).toBeGreaterThan(10);
    for (const name of names)
      expect([name, out.stacks[name]!.terraform.backend]).toEqual([name, { s3: {
        bucket: 'acme-tfstate', key: `lz/${name}.tfstate`, region: 'eu-west-1', encrypt: true,
        kms_key_id: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', use_lockfile: true,
      } }]);
  });

  test('every cross-stack read names its producer\'s key in the same bucket', () => {
    const reads = remoteStateReads(out.stacks);
    expect(reads.length).toBeGreaterThan(names.length);
    for (const [consumer, producer, state] of reads) {
      expect([consumer, names.includes(producer)]).toEqual([consumer, true]);
      expect([consumer, state.backend]).toEqual([consumer, 's3']);
      expect([consumer, state.config]).toMatchObject([consumer, { bucket: 'acme-tfstate', key: `lz/${producer}.tfstate`, region: 'eu-west-1' }]);
    }
  });
});

describe('the default org.yaml switched to Terraform Cloud', () => {
  const out = synth(modelWith('  backend: cloud\n  cloud:\n    organization: acme\n    hostname: tfe.example.com\n    project: platform\n    workspaceName: acme_{stack}\n    executionMode: agent\n    agentPoolId: apool-abc123\n'));
  const names = Object.keys(out.stacks).sort();
  const managed = names.filter((n) => n !== 'workspaces' && !n.startsWith('bootstrap-'));
  const all = (type: string) => Object.assign({}, ...Object.values(out.stacks).map((s) => resources(s, type))) as Record<string, TerraformJson>;
  const bootstrapOf = (stack: string) => (/^(account|access|network|baseline\d*)-/.test(stack) && stack !== 'network-hub' ? `bootstrap-${stack.replace(/^[a-z]+\d*-/, '')}` : 'workspaces');

  test('every stack but the bootstrap stacks gets one workspace, from `workspaces` or its account\'s bootstrap', () => {
    expect(names.filter((n) => n.startsWith('bootstrap-'))).toEqual([
      'bootstrap-analytics-nonprod', 'bootstrap-analytics-prod', 'bootstrap-log-archive', 'bootstrap-management', 'bootstrap-network',
      'bootstrap-payments-nonprod', 'bootstrap-payments-prod', 'bootstrap-sandbox-alice', 'bootstrap-security-tooling', 'bootstrap-shared-services',
    ]);
    for (const stack of managed) {
      const holder = out.stacks[bootstrapOf(stack)]!;
      expect([stack, resources(holder, 'tfe_workspace')[`workspace_${stack}`]?.name]).toEqual([stack, `acme_${stack}`]);
      expect(out.manifest.stacks[stack]!.dependencies).toContain(bootstrapOf(stack));
    }
    expect(Object.keys(all('tfe_workspace')).sort()).toEqual(managed.map((s) => `workspace_${s}`));
    expect(Object.keys(resources(out.stacks.workspaces!, 'tfe_workspace'))).toEqual(managed.filter((s) => bootstrapOf(s) === 'workspaces').map((s) => `workspace_${s}`));
  });

  test('no stack has more than 3 provider configurations; the bootstrap stacks have the management account and HCP Terraform', () => {
    for (const name of names) {
      const count = Object.values(out.stacks[name]!.provider as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
      expect([name, count <= 3]).toEqual([name, true]);
    }
    for (const name of names.filter((n) => n === 'workspaces' || n.startsWith('bootstrap-'))) {
      expect(out.stacks[name]!.provider.tfe).toEqual([{ hostname: 'tfe.example.com', organization: 'acme' }]);
      expect(out.stacks[name]!.provider.aws).toEqual([expect.objectContaining({ allowed_account_ids: ['123456789012'] })]);
    }
  });

  test('no stack creates an identity provider or a workspace role outside the management account', () => {
    for (const name of names) {
      const roles = Object.values(resources(out.stacks[name]!, 'aws_iam_role')).filter((r) => r.name.startsWith('tfc-'));
      const oidc = resources(out.stacks[name]!, 'aws_iam_openid_connect_provider');
      if (Object.keys(roles).length + Object.keys(oidc).length === 0) continue;
      expect([name, out.stacks[name]!.provider.aws]).toEqual([name, [expect.objectContaining({ allowed_account_ids: ['123456789012'] })]]);
    }
    expect(Object.keys(all('aws_iam_openid_connect_provider'))).toEqual(['oidc_provider']);
    expect(Object.keys(all('aws_iam_role')).filter((k) => k.startsWith('role_')).sort()).toEqual(managed.map((s) => `role_${s}`));
  });

  test('a role administers the management account exactly when its stack deploys there; every other role gets one assume-role policy', () => {
    const deploysIntoManagement = (stack: string) => (out.stacks[stack]!.provider.aws as TerraformJson[]).some((p) => p.assume_role === undefined);
    const admins = Object.keys(all('aws_iam_role_policy_attachment')).filter((k) => k.startsWith('role_')).sort();
    expect(admins).toEqual(managed.filter(deploysIntoManagement).map((s) => `role_${s}_administrator`));
    const policies = all('aws_iam_role_policy');
    expect(Object.keys(policies).filter((k) => k.startsWith('run_role_')).sort()).toEqual(managed.filter((s) => !deploysIntoManagement(s)).map((s) => `run_role_${s}`));
    expect(admins).toContain('role_organization_administrator');
    expect(admins).toContain('role_access-payments-prod_administrator');
  });

  test('a network stack\'s role may assume the access roles of its account and of the network account, nothing else', () => {
    const policy = resources(out.stacks['account-payments-prod']!, 'aws_iam_role_policy')['run_role_network-payments-prod']!;
    expect(policy.role).toBe('tfc-acme_network-payments-prod');
    expect(JSON.parse(policy.policy).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: [
          'arn:aws:iam::${aws_organizations_account.account.id}:role/OrganizationAccountAccessRole',
          expect.stringMatching(/^arn:aws:iam::\$\{data\.terraform_remote_state\.cross-stack-reference-input-account-network\.outputs\.[^}]+\}:role\/OrganizationAccountAccessRole$/),
        ],
      },
    ]);
    expect(out.manifest.stacks['network-payments-prod']!.dependencies.sort()).toEqual(['account-network', 'account-payments-prod', 'bootstrap-payments-prod', 'log-archive', 'network-hub']);
    expect(out.manifest.stacks['account-payments-prod']!.dependencies.sort()).toEqual(['account-network', 'bootstrap-payments-prod', 'organization']);
    const hub = resources(out.stacks['account-network']!, 'aws_iam_role_policy');
    expect(Object.keys(hub).sort()).toEqual(['run_role_baseline-network', 'run_role_network-hub', 'run_role_network-network']);
  });

  test('an account\'s bootstrap: its workspaces, triggers from the organization-wide stacks it waits for, agent execution', () => {
    const b = out.stacks['bootstrap-payments-prod']!;
    expect(Object.keys(resources(b, 'tfe_workspace')).sort()).toEqual(['workspace_access-payments-prod', 'workspace_account-payments-prod', 'workspace_baseline-payments-prod', 'workspace_network-payments-prod']);
    expect(Object.keys(resources(b, 'tfe_run_trigger')).sort()).toEqual([
      'trigger_access-payments-prod__account-payments-prod',
      'trigger_access-payments-prod__identity-center',
      'trigger_account-payments-prod__organization',
      'trigger_baseline-payments-prod__account-payments-prod',
      'trigger_baseline-payments-prod__log-archive',
      'trigger_network-payments-prod__account-payments-prod',
      'trigger_network-payments-prod__log-archive',
      'trigger_network-payments-prod__network-hub',
    ]);
    expect(Object.keys(b.data.tfe_workspace).sort()).toEqual(['workspace_identity-center', 'workspace_log-archive', 'workspace_network-hub', 'workspace_organization']);
    expect(b.data.tfe_workspace['workspace_network-hub']).toMatchObject({ name: 'acme_network-hub', organization: 'acme' });
    expect(resources(b, 'tfe_workspace_settings')['settings_account-payments-prod']).toMatchObject({
      execution_mode: 'agent',
      agent_pool_id: 'apool-abc123',
      global_remote_state: false,
      remote_state_consumer_ids: ['${tfe_workspace.workspace_access-payments-prod.id}', '${tfe_workspace.workspace_baseline-payments-prod.id}', '${tfe_workspace.workspace_network-payments-prod.id}'],
    });
    expect(b.terraform.cloud.workspaces).toEqual({ name: 'acme_bootstrap-payments-prod', project: 'platform' });
    expect(out.stacks.workspaces!.terraform.cloud.workspaces).toEqual({ name: 'acme_workspaces' });
  });

  test('producers read by other accounts\' stacks share their state with the organization; the others list their readers', () => {
    const settings = all('tfe_workspace_settings');
    const global = Object.keys(settings).filter((k) => settings[k]!.global_remote_state === true).sort();
    expect(global).toEqual(['settings_account-network', 'settings_identity-center', 'settings_network-hub', 'settings_organization']);
    expect(settings['settings_log-archive']!.remote_state_consumer_ids).toEqual(['${tfe_workspace.workspace_org-trail.id}']);
  });

  test('the Terraform Enterprise host in the OIDC provider and in every trust condition', () => {
    expect(resources(out.stacks.workspaces!, 'aws_iam_openid_connect_provider').oidc_provider!.url).toBe('https://tfe.example.com');
    const trust = JSON.parse(resources(out.stacks['bootstrap-payments-prod']!, 'aws_iam_role')['role_network-payments-prod']!.assume_role_policy);
    expect(trust.Statement[0].Principal).toEqual({ Federated: 'arn:aws:iam::123456789012:oidc-provider/tfe.example.com' });
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: { 'tfe.example.com:aud': 'aws.workload.identity' },
      StringLike: { 'tfe.example.com:sub': 'organization:acme:project:platform:workspace:acme_network-payments-prod:run_phase:*' },
    });
  });

  test('plan-order puts workspaces first, then the bootstraps with organization, and orders every stack after its bootstrap', () => {
    const waves = dependencyWaves(manifestGraph(out.manifest));
    expect(waves[0]).toEqual(['workspaces']);
    expect(waves[1]).toEqual([...names.filter((n) => n.startsWith('bootstrap-')), 'organization']);
    expect(waves.flat().sort()).toEqual(names);
  });
});

describe('Identity Center delegated to an account with a VPC, while the network account has assignments', () => {
  // The delegated administrator cannot assign access to the management account: the auditors lose Root.
  const text = ORG.replace('identityCenter:\n', 'identityCenter:\n  delegatedAdministrator: shared-services\n').replace('permissionSets: [ReadOnly, SecurityAudit]\n      ous: [Root]', 'permissionSets: [ReadOnly, SecurityAudit]\n      ous: [Infrastructure, Security, Workloads, Sandbox]');
  const delegated = withDeployment(text, CLOUD);
  const out = synth(modelOf(validateYaml(delegated)));
  const policy = (account: string, stack: string) => JSON.parse(resources(out.stacks[`account-${account}`]!, 'aws_iam_role_policy')[`run_role_${stack}`]!.policy).Statement[0].Resource;

  test('the network account\'s access stack gets its policy from the Identity Center account\'s stack, so no two account stacks wait for each other', () => {
    expect(out.manifest.stacks['access-network']!.dependencies.sort()).toEqual(['account-network', 'account-shared-services', 'bootstrap-network', 'identity-center']);
    expect(policy('shared-services', 'access-network')).toEqual(['arn:aws:iam::${aws_organizations_account.account.id}:role/OrganizationAccountAccessRole']);
    expect(out.manifest.stacks['account-network']!.dependencies.sort()).toEqual(['bootstrap-network', 'organization', 'workspaces']);
    expect(out.manifest.stacks['account-shared-services']!.dependencies.sort()).toEqual(['account-network', 'bootstrap-network', 'bootstrap-shared-services', 'organization', 'workspaces']);
  });

  test('every other access stack\'s role may assume the Identity Center account\'s access role, granted by its own account\'s stack', () => {
    expect(policy('payments-prod', 'access-payments-prod')).toEqual([
      expect.stringMatching(/^arn:aws:iam::\$\{data\.terraform_remote_state\.cross-stack-reference-input-account-shared-services\.outputs\.[^}]+\}:role\/OrganizationAccountAccessRole$/),
    ]);
    expect(resources(out.stacks['bootstrap-payments-prod']!, 'aws_iam_role_policy_attachment')).not.toHaveProperty(['role_access-payments-prod_administrator']);
  });

  test('the waves exist (no cycle) and hold every stack', () => {
    const waves = dependencyWaves(manifestGraph(out.manifest));
    expect(waves.flat().sort()).toEqual(Object.keys(out.stacks).sort());
  });
});
