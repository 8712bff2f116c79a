import type { ApiTarget } from './aws-api-models';

const ec2 = (operation: string, member: string): ApiTarget => ({ service: 'ec2', operation, member });
const ram = (operation: string, member: string): ApiTarget => ({ service: 'ram', operation, member });
// EC2 tags every resource on creation through TagSpecifications.
const tagsOn = (operation: string) => ec2(operation, 'TagSpecifications.Tags');

/**
 * EC2 Transit Gateway, VPC and RAM arguments a hub-and-spoke network uses. Mapped ahead of the
 * network stacks (proven against the models by api-conformance.test.ts), so their output is checked
 * the day they land.
 */
export const NETWORK_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_ec2_transit_gateway.description': ec2('CreateTransitGateway', 'Description'),
  'aws_ec2_transit_gateway.amazon_side_asn': ec2('CreateTransitGateway', 'Options.AmazonSideAsn'),
  'aws_ec2_transit_gateway.auto_accept_shared_attachments': ec2('CreateTransitGateway', 'Options.AutoAcceptSharedAttachments'),
  'aws_ec2_transit_gateway.default_route_table_association': ec2('CreateTransitGateway', 'Options.DefaultRouteTableAssociation'),
  'aws_ec2_transit_gateway.default_route_table_propagation': ec2('CreateTransitGateway', 'Options.DefaultRouteTablePropagation'),
  'aws_ec2_transit_gateway.dns_support': ec2('CreateTransitGateway', 'Options.DnsSupport'),
  'aws_ec2_transit_gateway.vpn_ecmp_support': ec2('CreateTransitGateway', 'Options.VpnEcmpSupport'),
  'aws_ec2_transit_gateway.multicast_support': ec2('CreateTransitGateway', 'Options.MulticastSupport'),
  'aws_ec2_transit_gateway.transit_gateway_cidr_blocks': ec2('CreateTransitGateway', 'Options.TransitGatewayCidrBlocks'),
  'aws_ec2_transit_gateway.tags': tagsOn('CreateTransitGateway'),

  'aws_ec2_transit_gateway_route_table.transit_gateway_id': ec2('CreateTransitGatewayRouteTable', 'TransitGatewayId'),
  'aws_ec2_transit_gateway_route_table.tags': tagsOn('CreateTransitGatewayRouteTable'),

  'aws_ec2_transit_gateway_vpc_attachment.transit_gateway_id': ec2('CreateTransitGatewayVpcAttachment', 'TransitGatewayId'),
  'aws_ec2_transit_gateway_vpc_attachment.vpc_id': ec2('CreateTransitGatewayVpcAttachment', 'VpcId'),
  'aws_ec2_transit_gateway_vpc_attachment.subnet_ids': ec2('CreateTransitGatewayVpcAttachment', 'SubnetIds'),
  'aws_ec2_transit_gateway_vpc_attachment.dns_support': ec2('CreateTransitGatewayVpcAttachment', 'Options.DnsSupport'),
  'aws_ec2_transit_gateway_vpc_attachment.ipv6_support': ec2('CreateTransitGatewayVpcAttachment', 'Options.Ipv6Support'),
  'aws_ec2_transit_gateway_vpc_attachment.appliance_mode_support': ec2('CreateTransitGatewayVpcAttachment', 'Options.ApplianceModeSupport'),
  'aws_ec2_transit_gateway_vpc_attachment.tags': tagsOn('CreateTransitGatewayVpcAttachment'),

  'aws_ec2_transit_gateway_route_table_association.transit_gateway_route_table_id': ec2('AssociateTransitGatewayRouteTable', 'TransitGatewayRouteTableId'),
  'aws_ec2_transit_gateway_route_table_association.transit_gateway_attachment_id': ec2('AssociateTransitGatewayRouteTable', 'TransitGatewayAttachmentId'),
  'aws_ec2_transit_gateway_route_table_propagation.transit_gateway_route_table_id': ec2('EnableTransitGatewayRouteTablePropagation', 'TransitGatewayRouteTableId'),
  'aws_ec2_transit_gateway_route_table_propagation.transit_gateway_attachment_id': ec2('EnableTransitGatewayRouteTablePropagation', 'TransitGatewayAttachmentId'),
  'aws_ec2_transit_gateway_route.transit_gateway_route_table_id': ec2('CreateTransitGatewayRoute', 'TransitGatewayRouteTableId'),
  'aws_ec2_transit_gateway_route.transit_gateway_attachment_id': ec2('CreateTransitGatewayRoute', 'TransitGatewayAttachmentId'),
  'aws_ec2_transit_gateway_route.destination_cidr_block': ec2('CreateTransitGatewayRoute', 'DestinationCidrBlock'),
  'aws_ec2_transit_gateway_route.blackhole': ec2('CreateTransitGatewayRoute', 'Blackhole'),

  'aws_vpc.cidr_block': ec2('CreateVpc', 'CidrBlock'),
  'aws_vpc.instance_tenancy': ec2('CreateVpc', 'InstanceTenancy'),
  'aws_vpc.ipv4_ipam_pool_id': ec2('CreateVpc', 'Ipv4IpamPoolId'),
  'aws_vpc.ipv4_netmask_length': ec2('CreateVpc', 'Ipv4NetmaskLength'),
  'aws_vpc.assign_generated_ipv6_cidr_block': ec2('CreateVpc', 'AmazonProvidedIpv6CidrBlock'),
  'aws_vpc.enable_dns_support': ec2('ModifyVpcAttribute', 'EnableDnsSupport.Value'),
  'aws_vpc.enable_dns_hostnames': ec2('ModifyVpcAttribute', 'EnableDnsHostnames.Value'),
  'aws_vpc.tags': tagsOn('CreateVpc'),

  'aws_subnet.vpc_id': ec2('CreateSubnet', 'VpcId'),
  'aws_subnet.cidr_block': ec2('CreateSubnet', 'CidrBlock'),
  'aws_subnet.availability_zone': ec2('CreateSubnet', 'AvailabilityZone'),
  'aws_subnet.availability_zone_id': ec2('CreateSubnet', 'AvailabilityZoneId'),
  'aws_subnet.map_public_ip_on_launch': ec2('ModifySubnetAttribute', 'MapPublicIpOnLaunch.Value'),
  'aws_subnet.tags': tagsOn('CreateSubnet'),

  'aws_route_table.vpc_id': ec2('CreateRouteTable', 'VpcId'),
  'aws_route_table.tags': tagsOn('CreateRouteTable'),
  'aws_route_table_association.route_table_id': ec2('AssociateRouteTable', 'RouteTableId'),
  'aws_route_table_association.subnet_id': ec2('AssociateRouteTable', 'SubnetId'),
  'aws_route_table_association.gateway_id': ec2('AssociateRouteTable', 'GatewayId'),
  'aws_route.route_table_id': ec2('CreateRoute', 'RouteTableId'),
  'aws_route.destination_cidr_block': ec2('CreateRoute', 'DestinationCidrBlock'),
  'aws_route.destination_prefix_list_id': ec2('CreateRoute', 'DestinationPrefixListId'),
  'aws_route.gateway_id': ec2('CreateRoute', 'GatewayId'),
  'aws_route.nat_gateway_id': ec2('CreateRoute', 'NatGatewayId'),
  'aws_route.transit_gateway_id': ec2('CreateRoute', 'TransitGatewayId'),
  'aws_route.vpc_endpoint_id': ec2('CreateRoute', 'VpcEndpointId'),

  'aws_internet_gateway.vpc_id': ec2('AttachInternetGateway', 'VpcId'),
  'aws_internet_gateway.tags': tagsOn('CreateInternetGateway'),
  'aws_nat_gateway.allocation_id': ec2('CreateNatGateway', 'AllocationId'),
  'aws_nat_gateway.subnet_id': ec2('CreateNatGateway', 'SubnetId'),
  'aws_nat_gateway.connectivity_type': ec2('CreateNatGateway', 'ConnectivityType'),
  'aws_nat_gateway.private_ip': ec2('CreateNatGateway', 'PrivateIpAddress'),
  'aws_nat_gateway.tags': tagsOn('CreateNatGateway'),
  'aws_eip.domain': ec2('AllocateAddress', 'Domain'),
  'aws_eip.public_ipv4_pool': ec2('AllocateAddress', 'PublicIpv4Pool'),
  'aws_eip.tags': tagsOn('AllocateAddress'),

  'aws_ram_resource_share.name': ram('CreateResourceShare', 'name'),
  'aws_ram_resource_share.allow_external_principals': ram('CreateResourceShare', 'allowExternalPrincipals'),
  'aws_ram_resource_share.permission_arns': ram('CreateResourceShare', 'permissionArns'),
  'aws_ram_resource_share.tags': ram('CreateResourceShare', 'tags'),
  'aws_ram_resource_association.resource_share_arn': ram('AssociateResourceShare', 'resourceShareArn'),
  'aws_ram_resource_association.resource_arn': ram('AssociateResourceShare', 'resourceArns.member'),
  'aws_ram_principal_association.resource_share_arn': ram('AssociateResourceShare', 'resourceShareArn'),
  'aws_ram_principal_association.principal': ram('AssociateResourceShare', 'principals.member'),

  'aws_ec2_transit_gateway_vpc_attachment_accepter.transit_gateway_attachment_id': ec2('AcceptTransitGatewayVpcAttachment', 'TransitGatewayAttachmentId'),
  // The accepter tags the attachment after accepting it.
  'aws_ec2_transit_gateway_vpc_attachment_accepter.tags': ec2('CreateTags', 'Tags'),
  // Inter-region peering (network.regions): requested from one region's gateway, accepted in the other's.
  'aws_ec2_transit_gateway_peering_attachment.transit_gateway_id': ec2('CreateTransitGatewayPeeringAttachment', 'TransitGatewayId'),
  'aws_ec2_transit_gateway_peering_attachment.peer_transit_gateway_id': ec2('CreateTransitGatewayPeeringAttachment', 'PeerTransitGatewayId'),
  'aws_ec2_transit_gateway_peering_attachment.peer_region': ec2('CreateTransitGatewayPeeringAttachment', 'PeerRegion'),
  'aws_ec2_transit_gateway_peering_attachment.peer_account_id': ec2('CreateTransitGatewayPeeringAttachment', 'PeerAccountId'),
  'aws_ec2_transit_gateway_peering_attachment.tags': tagsOn('CreateTransitGatewayPeeringAttachment'),
  'aws_ec2_transit_gateway_peering_attachment_accepter.transit_gateway_attachment_id': ec2('AcceptTransitGatewayPeeringAttachment', 'TransitGatewayAttachmentId'),
  // Like the VPC attachment's accepter, it tags the attachment after accepting it.
  'aws_ec2_transit_gateway_peering_attachment_accepter.tags': ec2('CreateTags', 'Tags'),
  'aws_vpc_ipv4_cidr_block_association.vpc_id': ec2('AssociateVpcCidrBlock', 'VpcId'),
  'aws_vpc_ipv4_cidr_block_association.cidr_block': ec2('AssociateVpcCidrBlock', 'CidrBlock'),
  'data.aws_availability_zones.filter.name': ec2('DescribeAvailabilityZones', 'Filters.member.Name'),
  'data.aws_availability_zones.filter.values': ec2('DescribeAvailabilityZones', 'Filters.member.Values'),

  // VPC IPAM (the ipam stack) and its delegation (delegated-administrators).
  'aws_vpc_ipam.description': ec2('CreateIpam', 'Description'),
  'aws_vpc_ipam.operating_regions.region_name': ec2('CreateIpam', 'OperatingRegions.member.RegionName'),
  'aws_vpc_ipam.tags': tagsOn('CreateIpam'),
  'aws_vpc_ipam_pool.address_family': ec2('CreateIpamPool', 'AddressFamily'),
  'aws_vpc_ipam_pool.ipam_scope_id': ec2('CreateIpamPool', 'IpamScopeId'),
  'aws_vpc_ipam_pool.locale': ec2('CreateIpamPool', 'Locale'),
  'aws_vpc_ipam_pool.source_ipam_pool_id': ec2('CreateIpamPool', 'SourceIpamPoolId'),
  'aws_vpc_ipam_pool.allocation_min_netmask_length': ec2('CreateIpamPool', 'AllocationMinNetmaskLength'),
  'aws_vpc_ipam_pool.allocation_max_netmask_length': ec2('CreateIpamPool', 'AllocationMaxNetmaskLength'),
  'aws_vpc_ipam_pool.description': ec2('CreateIpamPool', 'Description'),
  'aws_vpc_ipam_pool.tags': tagsOn('CreateIpamPool'),
  'aws_vpc_ipam_pool_cidr.ipam_pool_id': ec2('ProvisionIpamPoolCidr', 'IpamPoolId'),
  'aws_vpc_ipam_pool_cidr.cidr': ec2('ProvisionIpamPoolCidr', 'Cidr'),
  'aws_vpc_ipam_pool_cidr_allocation.ipam_pool_id': ec2('AllocateIpamPoolCidr', 'IpamPoolId'),
  'aws_vpc_ipam_pool_cidr_allocation.cidr': ec2('AllocateIpamPoolCidr', 'Cidr'),
  'aws_vpc_ipam_pool_cidr_allocation.description': ec2('AllocateIpamPoolCidr', 'Description'),
  'aws_vpc_ipam_organization_admin_account.delegated_admin_account_id': ec2('EnableIpamOrganizationAdminAccount', 'DelegatedAdminAccountId'),
};
