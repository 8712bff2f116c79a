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
  /**
   * A packed policy document: the policy key (its pack identity), plus `__part<N>` from the second
   * part of a policy split to fit the size limit. An unsplit policy keeps the address `policy_<key>`.
   */
  policyDocument: (policyKey: string, part: number) => (part === 1 ? `policy_${policyKey}` : `policy_${policyKey}__part${part}`),
  /** The attachment of a packed document to a target: `attach_<policy>[__part<N>]__<target>`. */
  policyDocumentAttachment: (policyKey: string, part: number, target: { kind: 'root' } | { kind: 'ou'; path: string } | { kind: 'account'; key: string }) =>
    part === 1 ? ids.policyAttachment(policyKey, target) : ids.policyAttachment(`${policyKey}__part${part}`, target),
  delegatedAdministrator: (servicePrincipal: string) =>
    `delegated_admin_${servicePrincipal.replace(/\.amazonaws\.com(\.cn)?$/, '').split('.').join('_')}`,
  /** A delegated administrator designated through the service's own API (GuardDuty, Security Hub, ...). */
  serviceAdministrator: (servicePrincipal: string) =>
    `service_admin_${servicePrincipal.replace(/\.amazonaws\.com(\.cn)?$/, '').split('.').join('_')}`,
  securityHubStandard: (key: string) => `securityhub_standard_${key}`,
  detectiveAdministrationStack: 'detective-administration',
  detectiveConfigurationStack: 'detective-configuration',
  detectiveOrganizationConfiguration: 'detective_organization',
  ssoadminInstances: 'ssoadmin_instances',
  permissionSet: (key: string) => `permission_set_${key}`,
  managedPolicyAttachment: (setKey: string, policySlug: string) => `permission_set_${setKey}__managed_${policySlug}`,
  customerManagedPolicyAttachment: (setKey: string, policySlug: string) => `permission_set_${setKey}__customer_${policySlug}`,
  inlinePolicy: (setKey: string) => `permission_set_${setKey}__inline`,
  permissionsBoundary: (setKey: string) => `permission_set_${setKey}__boundary`,
  identityStoreGroup: (key: string) => `group_${key}`,
  identityStoreUser: (key: string) => `user_${key}`,
  /** Only the principal, permission set and account: adding an account adds assignments and renames none. */
  accountAssignment: (principal: { type: 'GROUP' | 'USER'; key: string }, setKey: string, accountKey: string) =>
    `assignment_${principal.type === 'GROUP' ? 'group' : 'user'}_${principal.key}__${setKey}__${accountKey}`,
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

/** Addresses of the deployment stacks (`workspaces`, `workspace-roles`), by stack name and account key. */
export const deploymentIds = {
  project: 'project',
  workspace: (stack: string) => `workspace_${stack}`,
  workspaceSettings: (stack: string) => `settings_${stack}`,
  runTrigger: (stack: string, source: string) => `trigger_${stack}__${source}`,
  providerAuthVariable: (stack: string) => `aws_auth_${stack}`,
  runRoleVariable: (stack: string) => `aws_role_${stack}`,
  workspaceRole: (stack: string) => `role_${stack}`,
  oidcProvider: (accountKey: string) => `oidc_${accountKey}`,
  accountProvider: (accountKey: string) => `aws_${accountKey}`,
} as const;

/** `10.0.0.0/8` -> `10-0-0-0_8`: a CIDR in an address. */
function cidrId(cidr: string): string {
  return cidr.replace('/', '_').split('.').join('-');
}
