import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { dependencyWaves } from '../../src/model/waves';
import { manifestGraph } from '../../src/cli/plan-order';
import { workspaceRoleName } from '../../src/constructs/workload-identity';
import { DEFAULT_ORG, FIXTURES, modelOf, PROJECT_DIR, resources, synth, validateYaml, type TerraformJson } from '../helpers';
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

  test('given three stacks, when synthesized, then each keeps its state next to org.yaml with a relative path', () => {
    expect(Object.keys(out.stacks).sort()).toEqual(['log-archive', 'org-trail', 'organization']);
    for (const name of Object.keys(out.stacks))
      expect(out.stacks[name]!.terraform.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
  });

  test('a dependent stack reads its producer through a local remote state on the producer path', () => {
    const trail = remoteStates(out.stacks['org-trail']!);
    expect(Object.keys(trail)).toEqual(['cross-stack-reference-input-log-archive']);
    expect(trail['cross-stack-reference-input-log-archive']).toMatchObject({ backend: 'local', config: { path: '../../../terraform.log-archive.tfstate' } });
    expect(Object.keys(remoteStates(out.stacks['log-archive']!))).toEqual(['cross-stack-reference-input-organization']);
    expect(out.stacks.organization!.data).toBeUndefined();
  });

  test('member providers assume the access role from the management credentials', () => {
    expect(out.stacks['log-archive']!.provider.aws[0].assume_role[0].role_arn).toMatch(/^arn:aws:iam::\$\{data\.terraform_remote_state\.cross-stack-reference-input-organization\.outputs\.[^}]+\}:role\/OrganizationAccountAccessRole$/);
  });

  test('no bootstrap stack without Terraform Cloud, and no secret or machine path in the output', () => {
    expect(out.stacks.workspaces).toBeUndefined();
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
    expect(remoteStates(out.stacks['log-archive']!)['cross-stack-reference-input-organization'].config.key).toBe('lz/organization.tfstate');
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
  const bootstrap = out.stacks.workspaces!;
  const roles = out.stacks['workspace-roles']!;

  test('every stack, the bootstrap stacks included, runs in its own named workspace of the project', () => {
    expect(Object.keys(out.stacks).sort()).toEqual(['log-archive', 'org-trail', 'organization', 'workspace-roles', 'workspaces']);
    for (const name of Object.keys(out.stacks))
      expect(out.stacks[name]!.terraform.cloud).toEqual({ organization: 'acme', hostname: 'app.terraform.io', workspaces: { name: `lz-${name}`, project: 'landing-zone' } });
  });

  test('remote state is read through the remote backend by workspace name, without a token', () => {
    const state = remoteStates(out.stacks['org-trail']!)['cross-stack-reference-input-log-archive'];
    expect(state).toEqual(expect.objectContaining({ backend: 'remote', config: { organization: 'acme', hostname: 'app.terraform.io', workspaces: { name: 'lz-log-archive' } } }));
    expect(state.workspace).toBeUndefined();
    expect(Object.keys(remoteStates(roles))).toEqual(['cross-stack-reference-input-organization']);
  });

  test('member providers use the workspace credentials: no assume_role, still pinned to the account', () => {
    const provider = out.stacks['log-archive']!.provider.aws[0];
    expect(provider.assume_role).toBeUndefined();
    expect(provider.allowed_account_ids).toEqual([expect.stringMatching(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-organization\.outputs\./)]);
  });

  test('the bootstrap creates one protected workspace per stack, with its working directory', () => {
    const workspaces = resources(bootstrap, 'tfe_workspace');
    expect(Object.keys(workspaces).sort()).toEqual(['workspace_log-archive', 'workspace_org-trail', 'workspace_organization', 'workspace_workspace-roles']);
    expect(workspaces['workspace_log-archive']).toMatchObject({
      name: 'lz-log-archive',
      organization: 'acme',
      project_id: '${tfe_project.project.id}',
      working_directory: 'cdktf.out/stacks/log-archive',
      lifecycle: { prevent_destroy: true },
    });
    expect(resources(bootstrap, 'tfe_project').project).toMatchObject({ name: 'landing-zone', organization: 'acme', lifecycle: { prevent_destroy: true } });
  });

  test('remote state is shared only with the stacks that read it', () => {
    const settings = resources(bootstrap, 'tfe_workspace_settings');
    expect(Object.keys(settings)).toHaveLength(4);
    for (const s of Object.values(settings)) expect(s).toMatchObject({ execution_mode: 'remote', global_remote_state: false });
    expect(settings.settings_organization!.remote_state_consumer_ids.sort()).toEqual(['${tfe_workspace.workspace_log-archive.id}', '${tfe_workspace.workspace_workspace-roles.id}']);
    expect(settings['settings_log-archive']!.remote_state_consumer_ids).toEqual(['${tfe_workspace.workspace_org-trail.id}']);
    expect(settings['settings_org-trail']!.remote_state_consumer_ids).toEqual([]);
    expect(settings['settings_workspace-roles']!.remote_state_consumer_ids).toEqual([]);
  });

  test('run triggers follow the stack dependencies', () => {
    const triggers = resources(bootstrap, 'tfe_run_trigger');
    expect(Object.keys(triggers).sort()).toEqual(['trigger_log-archive__organization', 'trigger_log-archive__workspace-roles', 'trigger_org-trail__log-archive', 'trigger_workspace-roles__organization']);
    expect(triggers['trigger_org-trail__log-archive']).toMatchObject({ workspace_id: '${tfe_workspace.workspace_org-trail.id}', sourceable_id: '${tfe_workspace.workspace_log-archive.id}' });
  });

  test('every workspace uses AWS dynamic credentials; management-account workspaces get their role here', () => {
    const variables = Object.values(resources(bootstrap, 'tfe_variable'));
    const auth = variables.filter((v) => v.key === 'TFC_AWS_PROVIDER_AUTH');
    expect(auth).toHaveLength(4);
    for (const v of auth) expect(v).toMatchObject({ category: 'env', value: 'true' });
    const runRoles = variables.filter((v) => v.key === 'TFC_AWS_RUN_ROLE_ARN');
    expect(runRoles.map((v) => v.workspace_id).sort()).toEqual(['${tfe_workspace.workspace_org-trail.id}', '${tfe_workspace.workspace_organization.id}', '${tfe_workspace.workspace_workspace-roles.id}']);
    expect(resources(bootstrap, 'tfe_variable').aws_role_organization!.value).toBe('${aws_iam_role.role_organization.arn}');
  });

  test('the management OIDC provider trusts the HCP Terraform audience; each role trusts only its workspace', () => {
    expect(resources(bootstrap, 'aws_iam_openid_connect_provider').oidc_management).toEqual(expect.objectContaining({ url: 'https://app.terraform.io', client_id_list: ['aws.workload.identity'] }));
    const role = resources(bootstrap, 'aws_iam_role').role_organization!;
    expect(role.name).toBe('tfc-lz-organization');
    const trust = JSON.parse(role.assume_role_policy);
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Federated: '${aws_iam_openid_connect_provider.oidc_management.arn}' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'app.terraform.io:aud': 'aws.workload.identity' },
          StringLike: { 'app.terraform.io:sub': 'organization:acme:project:landing-zone:workspace:lz-organization:run_phase:*' },
        },
      },
    ]);
    expect(resources(bootstrap, 'aws_iam_role_policy_attachment').role_organization_administrator!.policy_arn).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
  });

  test('member-account roles live in their own account, created through an aliased provider', () => {
    const providers = roles.provider.aws as TerraformJson[];
    expect(providers).toHaveLength(2);
    const member = providers.find((p) => p.alias === 'log-archive')!;
    expect(member.assume_role[0].role_arn).toMatch(/:role\/OrganizationAccountAccessRole$/);
    const oidc = resources(roles, 'aws_iam_openid_connect_provider')['oidc_log-archive']!;
    expect(oidc.provider).toBe('aws.log-archive');
    const role = resources(roles, 'aws_iam_role')['role_log-archive']!;
    expect(role.provider).toBe('aws.log-archive');
    const trust = JSON.parse(role.assume_role_policy);
    expect(trust.Statement[0].Principal.Federated).toBe('${aws_iam_openid_connect_provider.oidc_log-archive.arn}');
    expect(trust.Statement[0].Condition.StringLike['app.terraform.io:sub']).toBe('organization:acme:project:landing-zone:workspace:lz-log-archive:run_phase:*');
    const variable = resources(roles, 'tfe_variable')['aws_role_log-archive']!;
    expect(variable).toMatchObject({ key: 'TFC_AWS_RUN_ROLE_ARN', category: 'env', value: '${aws_iam_role.role_log-archive.arn}', workspace_id: '${data.tfe_workspace.workspace_log-archive.id}' });
    expect(roles.data.tfe_workspace['workspace_log-archive']).toMatchObject({ name: 'lz-log-archive', organization: 'acme' });
  });

  test('the waves: workspaces, organization, member roles, then the member stack and its reader', () => {
    expect(dependencyWaves(manifestGraph(out.manifest))).toEqual([['workspaces'], ['organization'], ['workspace-roles'], ['log-archive'], ['org-trail']]);
  });

  test('no secret or machine path anywhere in the output', () => expectNoSecretsOrMachinePaths(out));

  test('preparing the stacks early adds each cross-stack output once, and synth is byte-stable', () => {
    const again = synthTestApp(modelWith(CLOUD));
    expect(again.files).toEqual(out.files);
    expect(Object.keys(out.stacks.organization!.output).sort()).toEqual(['account_ids', expect.stringMatching(/^cross-stack-output-aws_organizations_accountaccount_log-archive/)]);
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
  const bootstrap = out.stacks.workspaces!;
  const names = Object.keys(out.stacks);
  const managed = names.filter((n) => n !== 'workspaces');

  test('every stack, the bootstrap stack included, runs in its own named workspace of the project', () => {
    expect(managed.length).toBeGreaterThan(10);
    for (const name of names)
      expect([name, out.stacks[name]!.terraform.cloud]).toEqual([name, { organization: 'acme', hostname: 'tfe.example.com', workspaces: { name: `acme_${name}`, project: 'platform' } }]);
  });

  test('the bootstrap stack creates one protected workspace for every other stack, in the first wave', () => {
    const workspaces = resources(bootstrap, 'tfe_workspace');
    expect(Object.keys(workspaces).sort()).toEqual(managed.map((n) => `workspace_${n}`).sort());
    for (const name of managed)
      expect([name, workspaces[`workspace_${name}`]]).toEqual([name, expect.objectContaining({ name: `acme_${name}`, working_directory: `cdktf.out/stacks/${name}`, lifecycle: { prevent_destroy: true } })]);
    expect(dependencyWaves(manifestGraph(out.manifest))[0]).toEqual(['workspaces']);
  });

  test('every cross-stack read goes through the remote backend to a producer that shares its state with that consumer only', () => {
    const reads = remoteStateReads(out.stacks);
    expect(reads.length).toBeGreaterThan(managed.length);
    const settings = resources(bootstrap, 'tfe_workspace_settings');
    const consumers = new Map<string, string[]>();
    for (const [consumer, producer, state] of reads) {
      expect([consumer, state.backend, state.config]).toEqual([consumer, 'remote', { organization: 'acme', hostname: 'tfe.example.com', workspaces: { name: `acme_${producer}` } }]);
      consumers.set(producer, [...(consumers.get(producer) ?? []), `\${tfe_workspace.workspace_${consumer}.id}`]);
    }
    for (const name of managed) {
      const expected = [...new Set(consumers.get(name) ?? [])].sort();
      expect([name, [...settings[`settings_${name}`]!.remote_state_consumer_ids].sort()]).toEqual([name, expected]);
      expect([name, settings[`settings_${name}`]]).toEqual([name, expect.objectContaining({ execution_mode: 'agent', agent_pool_id: 'apool-abc123', global_remote_state: false })]);
    }
  });

  test('a run trigger follows every dependency between managed stacks', () => {
    const triggers = Object.keys(resources(bootstrap, 'tfe_run_trigger')).sort();
    const edges = managed.flatMap((n) => out.manifest.stacks[n]!.dependencies.filter((d) => d !== 'workspaces').map((d) => `trigger_${n}__${d}`)).sort();
    expect(edges.length).toBeGreaterThan(0);
    expect(triggers).toEqual(edges);
  });

  test('agent execution, the Terraform Enterprise host in the provider, the OIDC URL and the trust conditions', () => {
    expect(bootstrap.provider.tfe).toEqual([{ hostname: 'tfe.example.com', organization: 'acme' }]);
    expect(resources(bootstrap, 'aws_iam_openid_connect_provider').oidc_management!.url).toBe('https://tfe.example.com');
    const trust = JSON.parse(resources(bootstrap, 'aws_iam_role').role_organization!.assume_role_policy);
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: { 'tfe.example.com:aud': 'aws.workload.identity' },
      StringLike: { 'tfe.example.com:sub': 'organization:acme:project:platform:workspace:acme_organization:run_phase:*' },
    });
  });
});

describe('an organization without member-account stacks on Terraform Cloud', () => {
  const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
  const out = synth(modelOf(validateYaml(`${minimal}deployment:\n${CLOUD}`)));

  test('only the organization and its bootstrap stack, and no member-account roles', () => {
    expect(Object.keys(out.stacks).sort()).toEqual(['organization', 'workspaces']);
    expect(out.manifest.stacks.organization!.dependencies).toEqual(['workspaces']);
    expect(Object.keys(resources(out.stacks.workspaces!, 'tfe_workspace'))).toEqual(['workspace_organization']);
    expect(resources(out.stacks.workspaces!, 'tfe_run_trigger')).toEqual({});
  });
});
