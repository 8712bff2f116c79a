import type { ApiTarget } from './aws-api-models';

const ec2 = (operation: string, member: string): ApiTarget => ({ service: 'ec2', operation, member });
const tagsOn = (operation: string) => ec2(operation, 'TagSpecifications.Tags');

/** Subnet control (issue #15 item 5): IPv6 subnets and routes, the egress-only gateway, network ACLs. */
export const NETWORK_SUBNETS_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_subnet.ipv6_cidr_block': ec2('CreateSubnet', 'Ipv6CidrBlock'),
  'aws_subnet.assign_ipv6_address_on_creation': ec2('ModifySubnetAttribute', 'AssignIpv6AddressOnCreation.Value'),
  'aws_route.destination_ipv6_cidr_block': ec2('CreateRoute', 'DestinationIpv6CidrBlock'),
  'aws_route.egress_only_gateway_id': ec2('CreateRoute', 'EgressOnlyInternetGatewayId'),

  'aws_egress_only_internet_gateway.vpc_id': ec2('CreateEgressOnlyInternetGateway', 'VpcId'),
  'aws_egress_only_internet_gateway.tags': tagsOn('CreateEgressOnlyInternetGateway'),

  'aws_network_acl.vpc_id': ec2('CreateNetworkAcl', 'VpcId'),
  'aws_network_acl.tags': tagsOn('CreateNetworkAcl'),
  'aws_network_acl_rule.network_acl_id': ec2('CreateNetworkAclEntry', 'NetworkAclId'),
  'aws_network_acl_rule.rule_number': ec2('CreateNetworkAclEntry', 'RuleNumber'),
  'aws_network_acl_rule.egress': ec2('CreateNetworkAclEntry', 'Egress'),
  'aws_network_acl_rule.protocol': ec2('CreateNetworkAclEntry', 'Protocol'),
  'aws_network_acl_rule.rule_action': ec2('CreateNetworkAclEntry', 'RuleAction'),
  'aws_network_acl_rule.cidr_block': ec2('CreateNetworkAclEntry', 'CidrBlock'),
  'aws_network_acl_rule.ipv6_cidr_block': ec2('CreateNetworkAclEntry', 'Ipv6CidrBlock'),
  'aws_network_acl_rule.from_port': ec2('CreateNetworkAclEntry', 'PortRange.From'),
  'aws_network_acl_rule.to_port': ec2('CreateNetworkAclEntry', 'PortRange.To'),
  'aws_network_acl_rule.icmp_type': ec2('CreateNetworkAclEntry', 'IcmpTypeCode.Type'),
  'aws_network_acl_rule.icmp_code': ec2('CreateNetworkAclEntry', 'IcmpTypeCode.Code'),

  // The default ACL is never created: the provider deletes its entries (DeleteNetworkAclEntry) and tags it.
  'aws_default_network_acl.default_network_acl_id': ec2('DeleteNetworkAclEntry', 'NetworkAclId'),
  'aws_default_network_acl.tags': ec2('CreateTags', 'Tags'),
};

export const NETWORK_SUBNETS_TERRAFORM_ONLY: Readonly<Record<string, string>> = {
  'aws_network_acl.subnet_ids':
    'provider behaviour: looks up each subnet\'s current ACL association and moves it with ReplaceNetworkAclAssociation, which takes an association id, not a subnet id',
};
