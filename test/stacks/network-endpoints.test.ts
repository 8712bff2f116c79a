import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FIXTURES, modelOf, resources, synth, validateYaml, type TerraformJson } from '../helpers';

const FIXTURE = join(FIXTURES, 'valid', 'network-endpoints.yaml');
const text = readFileSync(FIXTURE, 'utf8');
const out = synth(modelOf(validateYaml(text)));
const endpointsStack = out.stacks['network-shared-services']!;
const appStack = out.stacks['network-app-prod']!;
const dataStack = out.stacks['network-data-prod']!;

/** The cross-stack reference to an output of the endpoints VPC's stack, as cdktf writes it. */
const fromEndpointsStack = (element: string) =>
  `\${data.terraform_remote_state.cross-stack-reference-input-network-shared-services.outputs.cross-stack-output-${element}}`;

const CENTRAL = ['ec2messages', 'ecr_dkr', 'kms', 'ssm', 'ssmmessages'];

describe('gateway endpoints', () => {
  const endpoints = resources(appStack, 'aws_vpc_endpoint');
  const associations = resources(appStack, 'aws_vpc_endpoint_route_table_association');

  test('one per service and VPC, of type Gateway, with the service name of the region', () => {
    expect(endpoints.gateway_endpoint_main__s3).toMatchObject({ vpc_id: '${aws_vpc.vpc_main.id}', vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.eu-west-1.s3' });
    expect(endpoints.gateway_endpoint_main__dynamodb).toMatchObject({ vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.eu-west-1.dynamodb' });
  });

  test('the route tables of the tiers named, or of every tier by default', () => {
    const tablesOf = (service: string) =>
      Object.values(associations).filter((a) => a.vpc_endpoint_id === `\${aws_vpc_endpoint.gateway_endpoint_main__${service}.id}`).map((a) => a.route_table_id).sort();
    expect(tablesOf('s3')).toEqual(['${aws_route_table.route_table_main__app.id}']);
    expect(tablesOf('dynamodb')).toEqual(['attachment', 'app', 'data'].map((t) => `\${aws_route_table.route_table_main__${t}.id}`).sort());
  });

  test('the endpoint policy from org.yaml, or none (AWS full access) when org.yaml gives none', () => {
    expect(JSON.parse(endpoints.gateway_endpoint_main__s3!.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }],
    });
    expect(endpoints.gateway_endpoint_main__dynamodb!.policy).toBeUndefined();
  });
});

describe('interface endpoints of one VPC', () => {
  test('private DNS on, in the interface tier, behind a group open to the VPC\'s own CIDRs on 443 only', () => {
    const sts = resources(dataStack, 'aws_vpc_endpoint').interface_endpoint_main__sts!;
    expect(sts).toMatchObject({
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: true,
      service_name: 'com.amazonaws.eu-west-1.sts',
      subnet_ids: ['${aws_subnet.subnet_main__app__az0.id}', '${aws_subnet.subnet_main__app__az1.id}'],
      security_group_ids: ['${aws_security_group.endpoint_security_group_main.id}'],
    });
    const group = resources(dataStack, 'aws_security_group').endpoint_security_group_main!;
    expect(group.ingress).toBeUndefined();
    expect(group.egress).toBeUndefined();
    const rules = Object.values(resources(dataStack, 'aws_vpc_security_group_ingress_rule')).filter((r) => r.security_group_id === '${aws_security_group.endpoint_security_group_main.id}');
    expect(rules.map((r) => r.cidr_ipv4).sort()).toEqual(['10.0.4.0/22', '10.1.0.0/24']);
    for (const r of rules) expect(r).toMatchObject({ ip_protocol: 'tcp', from_port: 443, to_port: 443 });
  });

  test('a VPC without endpoints in org.yaml has none', () => {
    expect(resources(out.stacks['network-shared-services']!, 'aws_vpc_endpoint_route_table_association')).toEqual({});
  });
});

describe('central interface endpoints', () => {
  const endpoints = resources(endpointsStack, 'aws_vpc_endpoint');
  const zones = resources(endpointsStack, 'aws_route53_zone');
  const records = resources(endpointsStack, 'aws_route53_record');

  test('one endpoint per service in the endpoints tier, private DNS off', () => {
    expect(Object.keys(endpoints).sort()).toEqual(CENTRAL.map((s) => `central_endpoint_${s}`));
    for (const e of Object.values(endpoints))
      expect(e).toMatchObject({
        vpc_id: '${aws_vpc.vpc_endpoints.id}',
        vpc_endpoint_type: 'Interface',
        private_dns_enabled: false,
        subnet_ids: ['${aws_subnet.subnet_endpoints__endpoints__az0.id}', '${aws_subnet.subnet_endpoints__endpoints__az1.id}'],
        security_group_ids: ['${aws_security_group.central_endpoint_security_group.id}'],
      });
    expect(JSON.parse(endpoints.central_endpoint_kms!.policy).Statement[0].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } });
  });

  test('a private hosted zone per service, named as the service, created with the endpoints VPC and ignoring later associations', () => {
    expect(Object.fromEntries(Object.entries(zones).map(([k, z]) => [k, z.name]))).toEqual({
      central_endpoint_zone_ec2messages: 'ec2messages.eu-west-1.amazonaws.com',
      central_endpoint_zone_ecr_dkr: 'dkr.ecr.eu-west-1.amazonaws.com',
      central_endpoint_zone_kms: 'kms.eu-west-1.amazonaws.com',
      central_endpoint_zone_ssm: 'ssm.eu-west-1.amazonaws.com',
      central_endpoint_zone_ssmmessages: 'ssmmessages.eu-west-1.amazonaws.com',
    });
    for (const z of Object.values(zones)) {
      expect(z.vpc).toEqual([{ vpc_id: '${aws_vpc.vpc_endpoints.id}' }]);
      expect(z.lifecycle).toEqual({ ignore_changes: ['vpc'] });
    }
  });

  test('an alias A record to the endpoint\'s DNS name, and a wildcard where clients use sub-domains', () => {
    expect(records.central_endpoint_zone_ssm__apex).toMatchObject({
      zone_id: '${aws_route53_zone.central_endpoint_zone_ssm.zone_id}',
      name: 'ssm.eu-west-1.amazonaws.com',
      type: 'A',
      alias: { name: '${aws_vpc_endpoint.central_endpoint_ssm.dns_entry[0].dns_name}', zone_id: '${aws_vpc_endpoint.central_endpoint_ssm.dns_entry[0].hosted_zone_id}', evaluate_target_health: false },
    });
    expect(Object.keys(records).filter((k) => k.endsWith('__wildcard'))).toEqual(['central_endpoint_zone_ecr_dkr__wildcard']);
    expect(records.central_endpoint_zone_ecr_dkr__wildcard!.name).toBe('*.dkr.ecr.eu-west-1.amazonaws.com');
  });

  test('the endpoints\' security group admits the endpoints VPC itself; consumers add their own CIDRs', () => {
    const rules = resources(endpointsStack, 'aws_vpc_security_group_ingress_rule');
    expect(rules['endpoint_ingress_endpoints__10-100-0-0_20']).toMatchObject({ cidr_ipv4: '10.100.0.0/20', security_group_id: '${aws_security_group.central_endpoint_security_group.id}' });
  });

  test('a consumer in the endpoints account associates its VPC with no authorization and no second provider', () => {
    expect(resources(endpointsStack, 'aws_route53_vpc_association_authorization')).toEqual({});
    const associations = resources(endpointsStack, 'aws_route53_zone_association');
    expect(Object.keys(associations).sort()).toEqual(CENTRAL.map((s) => `central_endpoint_zone_association_tools__${s}`));
    for (const a of Object.values(associations)) {
      expect(a.zone_id).toMatch(/^\$\{aws_route53_zone\.central_endpoint_zone_[a-z0-9_]+\.zone_id\}$/);
      expect(a.vpc_id).toBe('${aws_vpc.vpc_tools.id}');
      expect(a.provider).toBeUndefined();
      expect(a.depends_on).toBeUndefined();
    }
    expect(resources(endpointsStack, 'aws_vpc_security_group_ingress_rule')['central_endpoint_ingress_tools__10-101-0-0_22']).toMatchObject({
      cidr_ipv4: '10.101.0.0/22', security_group_id: '${aws_security_group.central_endpoint_security_group.id}',
    });
    expect((endpointsStack.provider.aws as TerraformJson[]).map((p) => p.alias ?? 'default').sort()).toEqual(['default', 'network']);
  });
});

describe('a VPC that uses the central endpoints', () => {
  const authorizations = resources(appStack, 'aws_route53_vpc_association_authorization');
  const associations = resources(appStack, 'aws_route53_zone_association');

  test('authorizes each zone through the endpoints account\'s provider and associates it from its own account', () => {
    expect(Object.keys(authorizations).sort()).toEqual(CENTRAL.map((s) => `central_endpoint_zone_authorization_main__${s}`));
    for (const s of CENTRAL) {
      const zoneId = fromEndpointsStack(`aws_route53_zonecentral_endpoint_zone_${s}zone_id`);
      expect(authorizations[`central_endpoint_zone_authorization_main__${s}`]).toMatchObject({ provider: 'aws.endpoints', zone_id: zoneId, vpc_id: '${aws_vpc.vpc_main.id}' });
      const association = associations[`central_endpoint_zone_association_main__${s}`]!;
      expect(association).toMatchObject({ zone_id: zoneId, vpc_id: '${aws_vpc.vpc_main.id}', depends_on: [`aws_route53_vpc_association_authorization.central_endpoint_zone_authorization_main__${s}`] });
      expect(association.provider).toBeUndefined();
    }
  });

  test('opens 443 in the central security group to each of its CIDRs, from its own stack', () => {
    const rules = Object.values(resources(dataStack, 'aws_vpc_security_group_ingress_rule')).filter((r) => r.provider === 'aws.endpoints');
    expect(rules.map((r) => r.cidr_ipv4).sort()).toEqual(['10.0.4.0/22', '10.1.0.0/24']);
    for (const r of rules) expect(r).toMatchObject({ security_group_id: fromEndpointsStack('aws_security_groupcentral_endpoint_security_groupid'), from_port: 443, to_port: 443, ip_protocol: 'tcp' });
  });

  test('its stack has three providers at most: its account, the network account and the endpoints account', () => {
    const aliases = (stack: TerraformJson) => (stack.provider.aws as TerraformJson[]).map((p) => p.alias ?? 'default').sort();
    expect(aliases(appStack)).toEqual(['default', 'endpoints', 'network']);
    expect(appStack.provider.aws.find((p: TerraformJson) => p.alias === 'endpoints').assume_role[0].role_arn).toContain('account-shared-services');
    for (const stack of Object.values(out.stacks)) expect((stack.provider?.aws ?? []).length).toBeLessThanOrEqual(3);
  });
});

describe('adding an account and reordering org.yaml', () => {
  /** Reverses every list and the key order of every mapping, recursively. */
  const reverse = (value: unknown): unknown => {
    if (Array.isArray(value)) return [...value].reverse().map(reverse);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse().map(([k, v]) => [k, reverse(v)]));
    return value;
  };

  test('a new consuming account leaves the endpoints VPC\'s stack byte-identical and touches only its own stacks', () => {
    const doc = parse(text);
    doc.accounts['web-prod'] = { name: 'Web Prod', email: 'aws+web-prod@example.com', ou: 'Workloads/Prod' };
    const grown = synth(modelOf(validateYaml(stringify(doc))));
    const changed = Object.keys(grown.files).filter((f) => grown.files[f] !== out.files[f] && !f.endsWith('manifest.json')).sort();
    expect(changed).toEqual(['stacks/account-web-prod/cdk.tf.json', 'stacks/network-web-prod/cdk.tf.json']);
    expect(grown.files['stacks/network-shared-services/cdk.tf.json']).toBe(out.files['stacks/network-shared-services/cdk.tf.json']);
    const web = grown.stacks['network-web-prod']!;
    expect(Object.keys(resources(web, 'aws_route53_zone_association'))).toHaveLength(CENTRAL.length);
    const count = (stack: TerraformJson) => Object.values(stack.resource ?? {}).reduce((n: number, r) => n + Object.keys(r as object).length, 0);
    // The state layout's bound for adding one account (DESIGN.md): 100 resources in all.
    expect(count(web) + count(grown.stacks['account-web-prod']!)).toBeLessThanOrEqual(100);
  });

  test('reversed lists and mapping keys give byte-identical output', () => {
    const permuted = synth(modelOf(validateYaml(stringify(reverse(parse(text))))));
    expect(permuted.files).toEqual(out.files);
  });
});
