import { auditOf, control, provider, unitLines } from './audit-helpers';

const home = { aws: [provider('us-east-1'), provider('us-east-1', 'network')] };
const vpcStack = (resources: Record<string, Record<string, object>>) => ({ 'network-app': { provider: home, resource: { aws_vpc: { main: { cidr_block: '10.0.0.0/16' } }, ...resources } } });
const closedSg = { aws_default_security_group: { main: { vpc_id: '${aws_vpc.main.id}' } } };

describe('EC2.2 and EC2.6: per VPC the landing zone builds', () => {
  it('EC2.2 needs the default security group managed with no rules', () => {
    expect(unitLines(control(auditOf(vpcStack(closedSg)), 'EC2.2'))).toEqual(['satisfied: network-app: aws_vpc.main']);
    expect(control(auditOf(vpcStack({})), 'EC2.2').units[0]!.reason).toMatch(/^its default security group is not managed/);
    const open = { aws_default_security_group: { main: { vpc_id: '${aws_vpc.main.id}', egress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }] } } };
    expect(control(auditOf(vpcStack(open)), 'EC2.2').units[0]!.reason).toBe('its default security group keeps 1 rules');
  });

  it('EC2.6 needs a flow log of ALL or REJECT traffic', () => {
    const log = (traffic_type: string) => ({ aws_flow_log: { main: { vpc_id: '${aws_vpc.main.id}', traffic_type } } });
    expect(control(auditOf(vpcStack(log('ALL'))), 'EC2.6').status).toBe('satisfied');
    expect(control(auditOf(vpcStack(log('ACCEPT'))), 'EC2.6').status).toBe('not-satisfied');
  });

  it('places the VPC in its account, not in the network account of the second provider', () => {
    expect(control(auditOf(vpcStack(closedSg)), 'EC2.2').units[0]).toMatchObject({ account: 'app', region: 'us-east-1' });
  });
});

describe('EC2.21: network ACLs', () => {
  const acl = (ingress: object[]) => ({ aws_default_network_acl: { main: { default_network_acl_id: '${aws_vpc.main.default_network_acl_id}', ingress } } });

  it('an unmanaged default ACL counts as open', () => {
    expect(control(auditOf(vpcStack({})), 'EC2.21').units[0]!.reason).toBe('its default network ACL is not managed: AWS creates it allowing all inbound traffic from 0.0.0.0/0');
  });

  it('a managed ACL passes unless it allows 22 or 3389 from anywhere', () => {
    expect(control(auditOf(vpcStack(acl([{ action: 'allow', protocol: 'tcp', from_port: 443, to_port: 443, cidr_block: '0.0.0.0/0', rule_no: 100 }]))), 'EC2.21').status).toBe('satisfied');
    expect(control(auditOf(vpcStack(acl([{ action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0', rule_no: 100 }]))), 'EC2.21').status).toBe('not-satisfied');
    expect(control(auditOf(vpcStack(acl([{ action: 'allow', protocol: 'tcp', from_port: 1024, to_port: 3389, ipv6_cidr_block: '::/0', rule_no: 100 }]))), 'EC2.21').status).toBe('not-satisfied');
    expect(control(auditOf(vpcStack(acl([{ action: 'deny', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0', rule_no: 100 }]))), 'EC2.21').status).toBe('satisfied');
  });
});

describe('EC2.53 and EC2.54: security groups', () => {
  const sg = (rule: object) => vpcStack({ aws_security_group: { bastion: { vpc_id: '${aws_vpc.main.id}' } }, aws_vpc_security_group_ingress_rule: { ssh: { security_group_id: '${aws_security_group.bastion.id}', ip_protocol: 'tcp', from_port: 22, to_port: 22, ...rule } } });

  it('judges separate ingress rules per address family', () => {
    const v4 = auditOf(sg({ cidr_ipv4: '0.0.0.0/0' }));
    expect(control(v4, 'EC2.53').units.find((u) => u.resource === 'network-app: aws_security_group.bastion')?.status).toBe('not-satisfied');
    expect(control(v4, 'EC2.54').units.find((u) => u.resource === 'network-app: aws_security_group.bastion')?.status).toBe('satisfied');
    const v6 = auditOf(sg({ cidr_ipv6: '::/0' }));
    expect(control(v6, 'EC2.54').units.find((u) => u.resource === 'network-app: aws_security_group.bastion')?.reason).toBe('network-app: aws_vpc_security_group_ingress_rule.ssh opens 22 or 3389 to ::/0');
    expect(control(auditOf(sg({ cidr_ipv4: '10.0.0.0/8' })), 'EC2.53').status).toBe('satisfied');
  });

  it('is not applicable when the landing zone builds no security group', () => {
    expect(control(auditOf({}), 'EC2.53').status).toBe('not-applicable');
  });
});

describe('EC2.8: IMDSv2', () => {
  const organization = (type: string, content: object, target = '${aws_organizations_organization.organization.roots[0].id}') => ({
    organization: {
      provider: home,
      resource: {
        aws_organizations_organization: { organization: {} },
        aws_organizations_policy: { imds: { type, content: JSON.stringify(content) } },
        aws_organizations_policy_attachment: { imds: { policy_id: '${aws_organizations_policy.imds.id}', target_id: target } },
      },
    },
  });
  const scp = { Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' } } }] };
  const declarative = { ec2_attributes: { instance_metadata_defaults: { http_tokens: { '@@assign': 'required' }, http_tokens_enforced: { '@@assign': 'enabled' } } } };
  const defaults = { 'baseline-app': { provider: { aws: [provider('us-east-1'), provider('eu-west-1', 'eu_west_1')] }, resource: { aws_ec2_instance_metadata_defaults: { home: { http_tokens: 'required' }, eu: { http_tokens: 'required', provider: 'aws.eu_west_1' } } } } };

  it('needs the account default and an organization policy that enforces it', () => {
    for (const policy of [organization('SERVICE_CONTROL_POLICY', scp), organization('DECLARATIVE_POLICY_EC2', declarative)]) {
      const c = control(auditOf({ ...defaults, ...policy }), 'EC2.8');
      expect(unitLines(c)).toEqual(['not-satisfied: management/us-east-1', 'not-satisfied: management/eu-west-1', 'satisfied: app/us-east-1', 'satisfied: app/eu-west-1']);
    }
  });

  it('is not satisfied by the account default alone, nor by a declarative default that is not enforced', () => {
    expect(control(auditOf(defaults), 'EC2.8').units[2]!.reason).toBe('IMDSv2 is the account default, but no organization policy applying to the account enforces IMDSv2');
    const unenforced = { ec2_attributes: { instance_metadata_defaults: { http_tokens: { '@@assign': 'required' } } } };
    expect(control(auditOf({ ...defaults, ...organization('DECLARATIVE_POLICY_EC2', unenforced) }), 'EC2.8').units[2]!.status).toBe('not-satisfied');
  });

  it('follows the account\'s parent OUs to find the policy', () => {
    const stacks = organization('SERVICE_CONTROL_POLICY', scp, '${aws_organizations_organizational_unit.ou_Workloads.id}');
    const org = stacks.organization.resource as Record<string, Record<string, object>>;
    org.aws_organizations_organizational_unit = { ou_Workloads: { name: 'Workloads' }, ou_Workloads_Prod: { name: 'Prod', parent_id: '${aws_organizations_organizational_unit.ou_Workloads.id}' } };
    (stacks.organization as Record<string, unknown>).output = { prod: { value: '${aws_organizations_organizational_unit.ou_Workloads_Prod.id}' } };
    const account = { 'account-app': { provider: home, resource: { aws_organizations_account: { account: { parent_id: '${data.terraform_remote_state.cross-stack-reference-input-organization.outputs.prod}' } } } } };
    expect(control(auditOf({ ...defaults, ...stacks, ...account }), 'EC2.8').units[2]!.status).toBe('satisfied');
  });
});
