import { notSatisfied, satisfied, where, type Control } from './control';
import { asList, blocks, evidenceOf, parseDocument, type Inventory, type Json, type PlacedResource } from './inventory';
import { denyingStatements, policiesApplyingTo } from './policy-coverage';

const CIS = 'CIS AWS Foundations Benchmark';
const DEFAULT_VPC_LIMIT =
  'Default VPCs, which AWS creates in every region of a new account, are not built by the landing zone and are not judged; delete them (the deny-default-vpc guardrail only stops them coming back).';

const vpcs = (inventory: Inventory) => inventory.all('aws_vpc');
const forVpc = (inventory: Inventory, type: string, vpc: PlacedResource, attribute = 'vpc_id') =>
  inventory.all(type).filter((r) => inventory.refersTo(r.stack, r.body[attribute], vpc));

/**
 * Rules of a security group written as resources of their own. On a default security group they
 * add rules that its aws_default_security_group does not list, so they count as its rules.
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group
 */
const separateRules = (inventory: Inventory, sg: PlacedResource) =>
  ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_security_group_rule']
    .flatMap((type) => inventory.all(type))
    .filter((r) => inventory.refersTo(r.stack, r.body.security_group_id, sg));

const ADMIN_PORTS = [22, 3389];
/** An allow rule from `cidr` that reaches port 22 or 3389 (all protocols reach every port). */
function opensAdminPorts(rule: Json, cidrs: readonly unknown[], open: string): boolean {
  if (!cidrs.includes(open)) return false;
  const protocol = String(rule.protocol ?? rule.ip_protocol ?? '');
  if (protocol === '-1' || protocol === 'all') return true;
  if (!['tcp', 'udp', '6', '17'].includes(protocol)) return false;
  const from = Number(rule.from_port ?? 0);
  const to = Number(rule.to_port ?? 65535);
  return ADMIN_PORTS.some((p) => from <= p && p <= to);
}

/** Ingress rules of a security group, inline or as separate rule resources, that open 22/3389 to `open`. */
function openingRules(inventory: Inventory, sg: PlacedResource, open: '0.0.0.0/0' | '::/0'): string[] {
  const v6 = open === '::/0';
  const inline = blocks(sg.body, 'ingress').filter((r) => opensAdminPorts(r, asList(v6 ? r.ipv6_cidr_blocks : r.cidr_blocks), open)).map(() => `${where(sg)} ingress`);
  const separate = [
    ...inventory.all('aws_vpc_security_group_ingress_rule').filter((r) => inventory.refersTo(r.stack, r.body.security_group_id, sg) && opensAdminPorts(r.body, [v6 ? r.body.cidr_ipv6 : r.body.cidr_ipv4], open)),
    ...inventory.all('aws_security_group_rule').filter((r) => r.body.type === 'ingress' && inventory.refersTo(r.stack, r.body.security_group_id, sg) && opensAdminPorts(r.body, asList(v6 ? r.body.ipv6_cidr_blocks : r.body.cidr_blocks), open)),
  ].map(where);
  return [...inline, ...separate];
}

function securityGroupControl(id: string, open: '0.0.0.0/0' | '::/0', cis: string): Control {
  return {
    id,
    title: `EC2 security groups should not allow ingress from ${open} to remote server administration ports`,
    standards: [`${CIS} v3.0.0 ${cis}`],
    severity: 'High',
    scope: 'resource',
    requires: `no security group the landing zone builds (aws_security_group, aws_default_security_group, their rule resources) allows ${open} to port 22 or 3389`,
    limits: 'Security groups that workloads create later are theirs to keep closed.',
    resources: (inventory) => [...inventory.all('aws_security_group'), ...inventory.all('aws_default_security_group')],
    check: (inventory, { resource: sg }) => {
      const rules = openingRules(inventory, sg!, open);
      return rules.length === 0 ? satisfied(`no ingress from ${open} to 22 or 3389`, [evidenceOf(sg!)]) : notSatisfied(`${rules.join(', ')} opens 22 or 3389 to ${open}`, [evidenceOf(sg!)]);
    },
  };
}

/** An SCP that denies launching an instance without IMDSv2 (`ec2:MetadataHttpTokens` must be `required`). */
function requiresImdsv2(policy: PlacedResource): boolean {
  return denyingStatements(policy, 'ec2:RunInstances').some((s) => {
    const notEquals = (s.Condition as Json | undefined)?.StringNotEquals as Json | undefined;
    return asList(notEquals?.['ec2:MetadataHttpTokens']).includes('required');
  });
}

/**
 * An EC2 declarative policy that sets IMDSv2 as the default and enforces it.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
function declaresImdsv2(policy: PlacedResource): boolean {
  if (policy.body.type !== 'DECLARATIVE_POLICY_EC2') return false;
  const imds = ((parseDocument(policy.body.content)?.ec2_attributes as Json | undefined)?.instance_metadata_defaults ?? {}) as Json;
  const assigned = (key: string) => (imds[key] as Json | undefined)?.['@@assign'];
  return assigned('http_tokens') === 'required' && assigned('http_tokens_enforced') === 'enabled';
}

export const EC2_CONTROLS: readonly Control[] = [
  {
    id: 'EC2.2',
    title: 'VPC default security groups should not allow inbound or outbound traffic',
    standards: ['FSBP', `${CIS} v1.2.0 4.3`, `${CIS} v1.4.0 5.3`, `${CIS} v3.0.0 5.4`],
    severity: 'High',
    scope: 'resource',
    requires: 'every aws_vpc the landing zone builds has an aws_default_security_group with no ingress and no egress rules, inline or as rule resources of their own',
    limits: DEFAULT_VPC_LIMIT,
    resources: vpcs,
    check: (inventory, { resource: vpc }) => {
      const sg = forVpc(inventory, 'aws_default_security_group', vpc!)[0];
      if (!sg) return notSatisfied('its default security group is not managed: AWS creates it allowing all outbound traffic and inbound from itself', [evidenceOf(vpc!)]);
      const separate = separateRules(inventory, sg);
      const count = blocks(sg.body, 'ingress').length + blocks(sg.body, 'egress').length + separate.length;
      return count === 0 ? satisfied('its default security group has no rules', [evidenceOf(sg)]) : notSatisfied(`its default security group keeps ${count} rules`, [sg, ...separate].map(evidenceOf));
    },
  },
  {
    id: 'EC2.6',
    title: 'VPC flow logging should be enabled in all VPCs',
    standards: ['FSBP', `${CIS} v1.2.0 2.9`, `${CIS} v1.4.0 3.9`, `${CIS} v3.0.0 3.7`],
    severity: 'Medium',
    scope: 'resource',
    requires: 'every aws_vpc the landing zone builds has an aws_flow_log (traffic_type ALL or REJECT)',
    limits: DEFAULT_VPC_LIMIT,
    resources: vpcs,
    check: (inventory, { resource: vpc }) => {
      const logs = forVpc(inventory, 'aws_flow_log', vpc!).filter((f) => f.body.traffic_type === 'ALL' || f.body.traffic_type === 'REJECT');
      return logs.length > 0 ? satisfied(`flow log of ${String(logs[0]!.body.traffic_type)} traffic`, logs.map(evidenceOf)) : notSatisfied('no flow log records its rejected traffic', [evidenceOf(vpc!)]);
    },
  },
  {
    id: 'EC2.7',
    title: 'EBS default encryption should be enabled',
    standards: ['FSBP', `${CIS} v1.4.0 2.2.1`, `${CIS} v3.0.0 2.2.1`],
    severity: 'Medium',
    scope: 'account-region',
    requires: 'an aws_ebs_encryption_by_default (enabled) in the account and region',
    check: (inventory, { account, region }) => {
      const setting = inventory.in('aws_ebs_encryption_by_default', account!, region)[0];
      if (!setting) return notSatisfied('EBS encryption by default is not set in this account and region');
      return setting.body.enabled === false ? notSatisfied('EBS encryption by default is turned off', [evidenceOf(setting)]) : satisfied('EBS encryption by default is on', [evidenceOf(setting)]);
    },
  },
  {
    id: 'EC2.8',
    title: 'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
    standards: ['FSBP', `${CIS} v3.0.0 5.6`],
    severity: 'High',
    scope: 'account-region',
    requires: 'the account\'s instance metadata defaults require IMDSv2 (aws_ec2_instance_metadata_defaults http_tokens = required) and an organization policy applying to the account forbids anything else: an SCP denying ec2:RunInstances unless ec2:MetadataHttpTokens is required, or an EC2 declarative policy with http_tokens required and http_tokens_enforced enabled',
    limits: 'The control judges instances. This proves that instances launched from now on use IMDSv2; instances that ran before the policy, and principals an SCP exempts, are not covered.',
    check: (inventory, { account, region }) => {
      const defaults = inventory.in('aws_ec2_instance_metadata_defaults', account!, region).find((d) => d.body.http_tokens === 'required');
      const policies = policiesApplyingTo(inventory, account!).filter((p) => requiresImdsv2(p) || declaresImdsv2(p));
      const policyText = policies.length > 0 ? `IMDSv2 enforced by ${policies.map(where).join(', ')}` : 'no organization policy applying to the account enforces IMDSv2';
      if (!defaults) return notSatisfied(`the account's instance metadata defaults do not require IMDSv2; ${policyText}`, policies.map(evidenceOf));
      if (policies.length === 0) return notSatisfied(`IMDSv2 is the account default, but ${policyText}`, [evidenceOf(defaults)]);
      return satisfied(`IMDSv2 is the account default and ${policyText}`, [defaults, ...policies].map(evidenceOf));
    },
  },
  {
    id: 'EC2.21',
    title: 'Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389',
    standards: ['FSBP', `${CIS} v1.4.0 5.1`, `${CIS} v3.0.0 5.1`],
    severity: 'Medium',
    scope: 'resource',
    requires: 'every aws_vpc the landing zone builds manages its default network ACL (aws_default_network_acl) and every aws_network_acl, and none allows 0.0.0.0/0 or ::/0 to port 22 or 3389 (all-protocol rules included)',
    limits: 'AWS\'s rule (nacl-no-unrestricted-ssh-rdp) speaks of TCP and UDP entries; this check counts the all-protocols entry of an unmanaged default ACL as open, as CIS 5.1 does. ' + DEFAULT_VPC_LIMIT,
    resources: vpcs,
    check: (inventory, { resource: vpc }) => {
      const defaultAcl = forVpc(inventory, 'aws_default_network_acl', vpc!, 'default_network_acl_id');
      if (defaultAcl.length === 0) return notSatisfied('its default network ACL is not managed: AWS creates it allowing all inbound traffic from 0.0.0.0/0', [evidenceOf(vpc!)]);
      const acls = [...defaultAcl, ...forVpc(inventory, 'aws_network_acl', vpc!)];
      const open = acls.filter((acl) =>
        [...blocks(acl.body, 'ingress'), ...inventory.all('aws_network_acl_rule').filter((r) => r.body.egress !== true && inventory.refersTo(r.stack, r.body.network_acl_id, acl)).map((r) => r.body)]
          .some((rule) => String(rule.action ?? rule.rule_action) === 'allow' && (opensAdminPorts(rule, [rule.cidr_block], '0.0.0.0/0') || opensAdminPorts(rule, [rule.ipv6_cidr_block], '::/0'))));
      return open.length === 0 ? satisfied('its network ACLs keep 22 and 3389 closed to the internet', acls.map(evidenceOf)) : notSatisfied(`${open.map(where).join(', ')} allows 22 or 3389 from anywhere`, open.map(evidenceOf));
    },
  },
  securityGroupControl('EC2.53', '0.0.0.0/0', '5.2'),
  securityGroupControl('EC2.54', '::/0', '5.3'),
];
