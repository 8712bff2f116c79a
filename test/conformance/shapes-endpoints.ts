import type { ApiTarget } from './aws-api-models';

const ec2 = (operation: string, member: string): ApiTarget => ({ service: 'ec2', operation, member });
const route53 = (operation: string, member: string): ApiTarget => ({ service: 'route53', operation, member });
const recordSet = (member: string) => route53('ChangeResourceRecordSets', `ChangeBatch.Changes.member.ResourceRecordSet.${member}`);
const ingress = (member: string) => ec2('AuthorizeSecurityGroupIngress', `IpPermissions.member.${member}`);

/** VPC endpoints, their security groups, and the private hosted zones of the central endpoints. */
export const ENDPOINT_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_vpc_endpoint.vpc_id': ec2('CreateVpcEndpoint', 'VpcId'),
  'aws_vpc_endpoint.service_name': ec2('CreateVpcEndpoint', 'ServiceName'),
  'aws_vpc_endpoint.vpc_endpoint_type': ec2('CreateVpcEndpoint', 'VpcEndpointType'),
  'aws_vpc_endpoint.policy': ec2('CreateVpcEndpoint', 'PolicyDocument'),
  'aws_vpc_endpoint.subnet_ids': ec2('CreateVpcEndpoint', 'SubnetIds'),
  'aws_vpc_endpoint.security_group_ids': ec2('CreateVpcEndpoint', 'SecurityGroupIds'),
  'aws_vpc_endpoint.private_dns_enabled': ec2('CreateVpcEndpoint', 'PrivateDnsEnabled'),
  'aws_vpc_endpoint.tags': ec2('CreateVpcEndpoint', 'TagSpecifications.Tags'),
  'aws_vpc_endpoint_route_table_association.vpc_endpoint_id': ec2('ModifyVpcEndpoint', 'VpcEndpointId'),
  'aws_vpc_endpoint_route_table_association.route_table_id': ec2('ModifyVpcEndpoint', 'AddRouteTableIds.member'),

  'aws_security_group.vpc_id': ec2('CreateSecurityGroup', 'VpcId'),
  'aws_security_group.name': ec2('CreateSecurityGroup', 'GroupName'),
  'aws_security_group.description': ec2('CreateSecurityGroup', 'Description'),
  'aws_security_group.tags': ec2('CreateSecurityGroup', 'TagSpecifications.Tags'),
  'aws_vpc_security_group_ingress_rule.security_group_id': ec2('AuthorizeSecurityGroupIngress', 'GroupId'),
  'aws_vpc_security_group_ingress_rule.cidr_ipv4': ingress('IpRanges.member.CidrIp'),
  'aws_vpc_security_group_ingress_rule.ip_protocol': ingress('IpProtocol'),
  'aws_vpc_security_group_ingress_rule.from_port': ingress('FromPort'),
  'aws_vpc_security_group_ingress_rule.to_port': ingress('ToPort'),
  'aws_vpc_security_group_ingress_rule.description': ingress('IpRanges.member.Description'),

  'aws_route53_zone.name': route53('CreateHostedZone', 'Name'),
  'aws_route53_zone.comment': route53('CreateHostedZone', 'HostedZoneConfig.Comment'),
  'aws_route53_zone.vpc.vpc_id': route53('CreateHostedZone', 'VPC.VPCId'),
  'aws_route53_zone.tags': route53('ChangeTagsForResource', 'AddTags'),
  'aws_route53_record.zone_id': route53('ChangeResourceRecordSets', 'HostedZoneId'),
  'aws_route53_record.name': recordSet('Name'),
  'aws_route53_record.type': recordSet('Type'),
  'aws_route53_record.alias.name': recordSet('AliasTarget.DNSName'),
  'aws_route53_record.alias.zone_id': recordSet('AliasTarget.HostedZoneId'),
  'aws_route53_record.alias.evaluate_target_health': recordSet('AliasTarget.EvaluateTargetHealth'),
  'aws_route53_vpc_association_authorization.zone_id': route53('CreateVPCAssociationAuthorization', 'HostedZoneId'),
  'aws_route53_vpc_association_authorization.vpc_id': route53('CreateVPCAssociationAuthorization', 'VPC.VPCId'),
  'aws_route53_zone_association.zone_id': route53('AssociateVPCWithHostedZone', 'HostedZoneId'),
  'aws_route53_zone_association.vpc_id': route53('AssociateVPCWithHostedZone', 'VPC.VPCId'),
};
