/**
 * Terraform addresses derive from org.yaml keys and OU paths, never from list positions. Keys
 * admit only letters, digits and hyphens, so "_" and "__" separate parts unambiguously.
 * These functions are part of the contract: changing one is a breaking change that needs
 * `moved` blocks.
 */
export const ids = {
  organization: 'organization',
  ou: (path: string) => `ou_${path.split('/').join('_')}`,
  account: (key: string) => `account_${key}`,
  policy: (key: string) => `policy_${key}`,
  policyAttachment: (policyKey: string, target: { kind: 'root' } | { kind: 'ou'; path: string } | { kind: 'account'; key: string }) =>
    target.kind === 'root'
      ? `attach_${policyKey}__root`
      : target.kind === 'ou'
        ? `attach_${policyKey}__ou_${target.path.split('/').join('_')}`
        : `attach_${policyKey}__account_${target.key}`,
  delegatedAdministrator: (servicePrincipal: string) =>
    `delegated_admin_${servicePrincipal.replace(/\.amazonaws\.com(\.cn)?$/, '').split('.').join('_')}`,
  networkHubStack: 'network-hub',
  networkSpokeStack: (accountKey: string) => `network-spoke-${accountKey}`,
  networkRoutingStack: 'network-routing',
  transitGateway: 'transit_gateway',
  tgwRouteTable: (segment: string) => `tgw_route_table_${segment}`,
  tgwShare: 'tgw_share',
  tgwShareResource: 'tgw_share__transit_gateway',
  tgwSharePrincipal: (principal: { kind: 'organization' } | { kind: 'ou'; path: string } | { kind: 'account'; key: string }) =>
    principal.kind === 'organization'
      ? 'tgw_share__organization'
      : principal.kind === 'ou'
        ? `tgw_share__ou_${principal.path.split('/').join('_')}`
        : `tgw_share__account_${principal.key}`,
  availabilityZones: 'availability_zones',
  vpc: (vpcKey: string) => `vpc_${vpcKey}`,
  vpcSecondaryCidr: (vpcKey: string, cidr: string) => `vpc_${vpcKey}__cidr_${cidrId(cidr)}`,
  subnet: (vpcKey: string, tier: string, azIndex: number) => `subnet_${vpcKey}__${tier}__az${azIndex}`,
  routeTable: (vpcKey: string, tier: string, azIndex?: number) => `route_table_${vpcKey}__${tier}${azIndex === undefined ? '' : `__az${azIndex}`}`,
  routeTableAssociation: (vpcKey: string, tier: string, azIndex: number) => `route_table_association_${vpcKey}__${tier}__az${azIndex}`,
  route: (vpcKey: string, tier: string, destination: string, azIndex?: number) =>
    `route_${vpcKey}__${tier}${azIndex === undefined ? '' : `__az${azIndex}`}__${cidrId(destination)}`,
  internetGateway: (vpcKey: string) => `internet_gateway_${vpcKey}`,
  natEip: (vpcKey: string, azIndex: number) => `nat_eip_${vpcKey}__az${azIndex}`,
  natGateway: (vpcKey: string, azIndex: number) => `nat_gateway_${vpcKey}__az${azIndex}`,
  tgwAttachment: (vpcKey: string) => `tgw_attachment_${vpcKey}`,
  tgwAttachmentAccepter: (accountKey: string, vpcKey: string) => `tgw_accept_${accountKey}__${vpcKey}`,
  tgwAssociation: (accountKey: string, vpcKey: string) => `tgw_association_${accountKey}__${vpcKey}`,
  tgwPropagation: (accountKey: string, vpcKey: string, segment: string) => `tgw_propagation_${accountKey}__${vpcKey}__into_${segment}`,
  tgwStaticRoute: (segment: string, routeKey: string) => `tgw_route_${segment}__${routeKey}`,
  ramSharingWithOrganization: 'ram_sharing_with_organization',
} as const;

/** `10.0.0.0/8` -> `10-0-0-0_8`: a CIDR in an address. */
function cidrId(cidr: string): string {
  return cidr.replace('/', '_').split('.').join('-');
}
