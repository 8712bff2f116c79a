import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planOrder, manifestGraph } from '../../src/cli/plan-order';
import { dependencyWaves } from '../../src/model/waves';
import { validateFile } from '../../src/pipeline';
import { DEFAULT_ORG, defaultModel, FIXTURES, modelOf, resources, synth, tempDir, validateYaml } from '../helpers';

const SECURITY_ACCOUNT_REF = '${data.terraform_remote_state.cross-stack-reference-input-account-security-tooling.outputs.cross-stack-output-aws_organizations_accountaccountid}';
const GRAPH_OUTPUT = 'cross-stack-output-aws_detective_graphdetectivegraph_arn';
const GRAPH_ARN_REF = `\${data.terraform_remote_state.cross-stack-reference-input-security-tooling.outputs.${GRAPH_OUTPUT}}`;

const waveOf = (waves: string[][], stack: string) => waves.findIndex((wave) => wave.includes(stack)) + 1;

describe('Detective in the default org.yaml', () => {
  const model = defaultModel();
  const out = synth(model);
  const securityTooling = out.stacks['security-tooling']!;
  const administration = out.stacks['detective-administration']!;
  const configuration = out.stacks['detective-configuration']!;

  test('the model designates the security account for Detective apart from the services the delegated-administrators stack designates', () => {
    expect(model.security!.detective).toEqual({
      autoEnable: true,
      graphName: 'example-organization',
      administrator: { service: 'detective', servicePrincipal: 'detective.amazonaws.com', accountKey: 'security-tooling', adminApi: 'detective' },
    });
    expect(model.security!.serviceAdministrators.map((d) => d.service)).toEqual(['guardDuty', 'securityHub']);
  });

  test('the security account holds the behavior graph, which a plan cannot destroy', () => {
    const graphs = resources(securityTooling, 'aws_detective_graph');
    expect(Object.keys(graphs)).toEqual(['detective']);
    expect(graphs.detective).toMatchObject({ tags: { Name: 'example-organization' }, lifecycle: { prevent_destroy: true } });
    expect(securityTooling.output[GRAPH_OUTPUT].value).toBe('${aws_detective_graph.detective.graph_arn}');
  });

  test('detective-administration designates the security account from the management account, through the management provider', () => {
    expect(administration.provider.aws).toHaveLength(1);
    expect(administration.provider.aws[0].allowed_account_ids).toEqual(['123456789012']);
    expect(administration.provider.aws[0].assume_role).toBeUndefined();
    const designations = resources(administration, 'aws_detective_organization_admin_account');
    expect(Object.keys(designations)).toEqual(['service_admin_detective']);
    expect(designations.service_admin_detective!.account_id).toBe(SECURITY_ACCOUNT_REF);
    expect(Object.keys(administration.resource)).toEqual(['aws_detective_organization_admin_account']);
  });

  test('the organization stack gives Detective trusted access; neither it nor delegated-administrators designates it', () => {
    const organization = out.stacks.organization!;
    expect(resources(organization, 'aws_organizations_organization').organization!.aws_service_access_principals).toContain('detective.amazonaws.com');
    for (const name of ['organization', 'delegated-administrators']) {
      const stack = out.stacks[name]!;
      expect(resources(stack, 'aws_detective_organization_admin_account')).toEqual({});
      const registered = Object.values(resources(stack, 'aws_organizations_delegated_administrator')).map((d) => d.service_principal);
      expect(registered).not.toContain('detective.amazonaws.com');
    }
    expect(Object.keys(resources(out.stacks['delegated-administrators']!, 'aws_organizations_delegated_administrator')).sort()).toEqual([
      'delegated_admin_access-analyzer', 'delegated_admin_config',
    ]);
  });

  test('detective-configuration auto-enables members of the graph security-tooling created, from the security account', () => {
    expect(configuration.provider.aws).toHaveLength(1);
    expect(configuration.provider.aws[0].assume_role).toEqual([
      { role_arn: `arn:aws:iam::${SECURITY_ACCOUNT_REF}:role/OrganizationAccountAccessRole`, session_name: 'lz-detective-configuration' },
    ]);
    expect(configuration.provider.aws[0].allowed_account_ids).toEqual([SECURITY_ACCOUNT_REF]);
    expect(resources(configuration, 'aws_detective_organization_configuration')).toEqual({
      detective_organization: expect.objectContaining({ auto_enable: true, graph_arn: GRAPH_ARN_REF }),
    });
    expect(Object.keys(configuration.resource)).toEqual(['aws_detective_organization_configuration']);
  });

  test('the manifest orders graph, designation, configuration', () => {
    expect([...out.manifest.stacks['detective-administration']!.dependencies].sort()).toEqual(['account-security-tooling', 'organization', 'security-tooling']);
    expect([...out.manifest.stacks['detective-configuration']!.dependencies].sort()).toEqual([
      'account-security-tooling', 'detective-administration', 'organization', 'security-tooling',
    ]);
    const waves = dependencyWaves(manifestGraph(out.manifest));
    const order = ['organization', 'account-security-tooling', 'delegated-administrators', 'security-tooling', 'detective-administration', 'detective-configuration'];
    expect(order.map((s) => waveOf(waves, s))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('lz plan-order gives the same waves from its own synthesis', () => {
    const waves = planOrder(model, tempDir('lz-detective-'), join(tempDir('lz-detective-out-'), 'cdktf.out'));
    expect(['security-tooling', 'detective-administration', 'detective-configuration'].map((s) => waveOf(waves, s))).toEqual([4, 5, 6]);
  });
});

describe('Detective in an adopted GovCloud organization', () => {
  const out = synth(modelOf(validateFile(join(FIXTURES, 'valid', 'adopted-logging-security.yaml'))));

  test('the designation names the adopted security account by its literal id', () => {
    expect(out.stacks['detective-administration']!.provider.aws[0].allowed_account_ids).toEqual(['111122223333']);
    expect(resources(out.stacks['detective-administration']!, 'aws_detective_organization_admin_account').service_admin_detective!.account_id).toBe('333344445555');
  });

  test('the configuration runs in that account through the configured role, with auto-enable off as org.yaml asks', () => {
    const configuration = out.stacks['detective-configuration']!;
    expect(configuration.provider.aws[0].assume_role).toEqual([
      { role_arn: 'arn:aws-us-gov:iam::333344445555:role/LandingZoneAdmin', session_name: 'lz-detective-configuration' },
    ]);
    expect(configuration.provider.aws[0].allowed_account_ids).toEqual(['333344445555']);
    expect(resources(configuration, 'aws_detective_organization_configuration').detective_organization).toMatchObject({ auto_enable: false, graph_arn: GRAPH_ARN_REF });
  });
});

describe('without security.services.detective', () => {
  const text = readFileSync(DEFAULT_ORG, 'utf8').replace(/\n {4}detective:\n {6}autoEnable: true\n/, '\n');
  const model = modelOf(validateYaml(text));
  const out = synth(model);

  test('no Detective stack, graph, designation or trusted access', () => {
    expect(model.security?.detective).toBeUndefined();
    expect(Object.keys(out.stacks).filter((name) => name.startsWith('detective'))).toEqual([]);
    expect(resources(out.stacks['security-tooling']!, 'aws_detective_graph')).toEqual({});
    expect(model.organization.serviceAccessPrincipals).not.toContain('detective.amazonaws.com');
  });
});

describe('Detective named under delegatedAdministrators as well', () => {
  test('is refused: the designation already registers the security account (LZ0404)', () => {
    const text = readFileSync(DEFAULT_ORG, 'utf8').replace(/\ndelegatedAdministrators: \{\}\n/, '\ndelegatedAdministrators:\n  detective.amazonaws.com: security-tooling\n');
    const diagnostics = validateYaml(text).diagnostics.filter((d) => d.code === 'LZ0404');
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('security.services.detective')]);
  });
});
