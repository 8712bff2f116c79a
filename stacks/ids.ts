/**
 * Terraform addresses derive from org.yaml keys and OU paths, never from list positions. Keys
 * admit only letters, digits and hyphens, so "_" and "__" separate parts unambiguously.
 * These functions are part of the contract: changing one is a breaking change that needs
 * `moved` blocks.
 */
export const ids = {
  organization: 'organization',
  ou: (path: string) => `ou_${path.split('/').join('_')}`,
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
  /**
   * In the account's own `access-<id>` stack: only the principal and permission set, so renaming the
   * account changes no address.
   */
  accountAssignment: (principal: { type: 'GROUP' | 'USER'; key: string }, setKey: string) =>
    `assignment_${principal.type === 'GROUP' ? 'group' : 'user'}_${principal.key}__${setKey}`,
  networkHubStack: 'network-hub',
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
  /** The IPv6 default route (`::/0`) of a tier's table. */
  ipv6DefaultRoute: (vpcKey: string, tier: string, azIndex?: number) => `route_${vpcKey}__${tier}${azIndex === undefined ? '' : `__az${azIndex}`}__ipv6_default`,
  egressOnlyInternetGateway: (vpcKey: string) => `egress_only_internet_gateway_${vpcKey}`,
  networkAcl: (vpcKey: string, tier: string) => `network_acl_${vpcKey}__${tier}`,
  /** A rule of a tier's network ACL, by direction and rule number (unique per direction). */
  networkAclRule: (vpcKey: string, tier: string, direction: 'ingress' | 'egress', rule: number) => `network_acl_${vpcKey}__${tier}__${direction}_${rule}`,
  defaultNetworkAcl: (vpcKey: string) => `default_network_acl_${vpcKey}`,
  natEip: (vpcKey: string, azIndex: number) => `nat_eip_${vpcKey}__az${azIndex}`,
  natGateway: (vpcKey: string, azIndex: number) => `nat_gateway_${vpcKey}__az${azIndex}`,
  tgwAttachment: (vpcKey: string) => `tgw_attachment_${vpcKey}`,
  tgwAttachmentAccepter: (vpcKey: string) => `tgw_accept_${vpcKey}`,
  tgwAssociation: (vpcKey: string) => `tgw_association_${vpcKey}`,
  tgwPropagation: (vpcKey: string, segment: string) => `tgw_propagation_${vpcKey}__into_${segment}`,
  tgwStaticRoute: (segment: string, routeKey: string) => `tgw_route_${segment}__${routeKey}`,
  firewall: 'network_firewall',
  firewallPolicy: 'network_firewall_policy',
  firewallRuleGroup: (groupKey: string) => `network_firewall_rule_group_${groupKey}`,
  ramSharingWithOrganization: 'ram_sharing_with_organization',
  /** The `ipam` stack (network account): the IPAM, its pools and their RAM share. */
  ipamStack: 'ipam',
  ipam: 'ipam',
  ipamTopLevelPool: 'ipam_pool__top_level',
  ipamTopLevelCidr: (cidr: string) => `ipam_pool__top_level__cidr_${cidrId(cidr)}`,
  ipamPool: (pool: string) => `ipam_pool_${pool}`,
  ipamPoolCidr: (pool: string) => `ipam_pool_${pool}__cidr`,
  ipamReservation: (pool: string, reserved: string) => `ipam_pool_${pool}__reserved_${reserved}`,
  ipamHeldVpc: (pool: string, vpcId: string) => `ipam_pool_${pool}__vpc_${vpcId.split('/').join('__')}`,
  ipamShare: 'ipam_share',
  ipamShareResource: (pool: string) => `ipam_share__pool_${pool}`,
  ipamShareOrganization: 'ipam_share__organization',
  /** In delegated-administrators. */
  ipamAdministrator: 'ipam_delegated_administrator',
  /** In a `network-<id>` stack, per shared VPC; an account participant is named by its stack id, which a rename keeps. */
  subnetShare: (vpcKey: string) => `subnet_share_${vpcKey}`,
  subnetShareResource: (vpcKey: string, tier: string, azIndex: number) => `subnet_share_${vpcKey}__${tier}__az${azIndex}`,
  subnetSharePrincipal: (vpcKey: string, principal: { kind: 'organization' } | { kind: 'ou'; path: string } | { kind: 'account'; stackId: string }) =>
    `subnet_share_${vpcKey}__${principal.kind === 'organization' ? 'organization' : principal.kind === 'ou' ? `ou_${principal.path.split('/').join('_')}` : `account_${principal.stackId}`}`,
  delegatedAdministratorsStack: 'delegated-administrators',
  /**
   * GuardDuty's regional stacks, per region group of lz.lock.json `baselineRegionGroups`: group 1
   * keeps the names `delegated-administrators` and `security-tooling` (and their organization-wide
   * work), group n is `delegated-administrators<n>` / `security-tooling<n>`.
   */
  delegatedAdministratorsStackOf: (group: number) => (group === 1 ? 'delegated-administrators' : `delegated-administrators${group}`),
  securityToolingStackOf: (group: number) => (group === 1 ? 'security-tooling' : `security-tooling${group}`),
  /** A resource made once per region: `<id>__<region>`, so a region never moves between addresses. */
  inRegion: (id: string, region: string) => `${id}__${region}`,
  /** Security Hub central configuration, in the security account's home region. */
  securityHubFindingAggregator: 'securityhub_finding_aggregator',
  securityHubConfigurationPolicy: (key: string) => `securityhub_policy_${key}`,
  /** The association of a target with its one configuration policy: by target only, so moving a target to another policy updates it in place. */
  securityHubPolicyAssociation: (target: { kind: 'root' } | { kind: 'ou'; path: string } | { kind: 'account'; key: string }) =>
    target.kind === 'root'
      ? 'securityhub_policy_association__root'
      : target.kind === 'ou'
        ? `securityhub_policy_association__ou_${target.path.split('/').join('_')}`
        : `securityhub_policy_association__account_${target.key}`,
  /** In `baseline-<id>` stacks (one account each, so no key): account-wide settings, made with the home region's provider. */
  configServiceLinkedRole: 'config_service_linked_role',
  passwordPolicy: 'password_policy',
  s3AccountPublicAccessBlock: 's3_account_public_access_block',
  alternateContact: (type: 'SECURITY' | 'OPERATIONS' | 'BILLING') => `alternate_contact_${type.toLowerCase()}`,
  /** A regional baseline setting in the `baseline-<id>` stack of the region's group: `<setting>__<region>`. */
  baselineRegional: (setting: BaselineRegionalSetting, region: string) => `${setting}__${region}`,
  /** In a `network-<id>` stack, per VPC. */
  flowLog: (vpcKey: string) => `flow_log_${vpcKey}`,
  defaultSecurityGroup: (vpcKey: string) => `default_security_group_${vpcKey}`,
  /** In a `network-<id>` stack, per VPC and endpoint service (`ecr.dkr` is `ecr_dkr`). */
  gatewayEndpoint: (vpcKey: string, service: string) => `gateway_endpoint_${vpcKey}__${serviceId(service)}`,
  gatewayEndpointRoute: (vpcKey: string, service: string, tier: string, azIndex?: number) =>
    `gateway_endpoint_${vpcKey}__${serviceId(service)}__${tier}${azIndex === undefined ? '' : `__az${azIndex}`}`,
  interfaceEndpoint: (vpcKey: string, service: string) => `interface_endpoint_${vpcKey}__${serviceId(service)}`,
  endpointSecurityGroup: (vpcKey: string) => `endpoint_security_group_${vpcKey}`,
  endpointIngress: (vpcKey: string, cidr: string) => `endpoint_ingress_${vpcKey}__${cidrId(cidr)}`,
  /** In the endpoints VPC's `network-<id>` stack: one per central service. */
  centralEndpoint: (service: string) => `central_endpoint_${serviceId(service)}`,
  centralEndpointSecurityGroup: 'central_endpoint_security_group',
  centralEndpointZone: (service: string) => `central_endpoint_zone_${serviceId(service)}`,
  centralEndpointRecord: (service: string, wildcard: boolean) => `central_endpoint_zone_${serviceId(service)}__${wildcard ? 'wildcard' : 'apex'}`,
  /** In a consuming VPC's `network-<id>` stack, per VPC (and service, or CIDR). */
  centralEndpointIngress: (vpcKey: string, cidr: string) => `central_endpoint_ingress_${vpcKey}__${cidrId(cidr)}`,
  centralZoneAuthorization: (vpcKey: string, service: string) => `central_endpoint_zone_authorization_${vpcKey}__${serviceId(service)}`,
  centralZoneAssociation: (vpcKey: string, service: string) => `central_endpoint_zone_association_${vpcKey}__${serviceId(service)}`,
  /** The AWS account in its `account-<id>` stack: one per stack, so the address needs no key. */
  memberAccount: 'account',
  /** A packed document's attachment to the account of an `account-<id>` stack. */
  accountPolicyAttachment: (policyKey: string, part: number) => (part === 1 ? `attach_${policyKey}` : `attach_${policyKey}__part${part}`),
} as const;

/**
 * Stack names are contract: a new name is a new, empty state. Per-account stacks are named by the
 * account's stack id, which lz.lock.json pins (src/model/stack-ids.ts), never by its current key.
 */
export const stackNames = {
  /** Management account: the AWS account, its own policy attachments. */
  account: (stackId: string) => `account-${stackId}`,
  /** Identity Center account (management or delegated administrator): the account's assignments. */
  access: (stackId: string) => `access-${stackId}`,
  /** The account itself (VPCs, attachments) and, through a second provider, its Transit Gateway routing in the network account. */
  network: (stackId: string) => `network-${stackId}`,
  /**
   * The account baseline, in the regions of group `group` of lz.lock.json `baselineRegionGroups`:
   * `baseline-<id>` for the first (which also holds the account-wide settings), `baseline<n>-<id>`
   * from the second on. The number sits before the dash, so no stack id can make one group's name
   * another account's (`baseline-<id>-r2` would be account `<id>-r2`'s first group).
   */
  baseline: (stackId: string, group = 1) => (group === 1 ? `baseline-${stackId}` : `baseline${group}-${stackId}`),
  /** Cloud backend only: the workspaces of the account's stacks and their run roles. */
  bootstrap: (stackId: string) => `bootstrap-${stackId}`,
} as const;


/** Addresses of the cloud bootstrap stacks (`workspaces`, `bootstrap-<id>`) and of their policies in `account-<id>`, by stack name. */
export const deploymentIds = {
  project: 'project',
  projectSettings: 'project_settings',
  /** The project, looked up by name in a `bootstrap-<id>` stack. */
  projectLookup: 'project',
  oidcProvider: 'oidc_provider',
  workspace: (stack: string) => `workspace_${stack}`,
  workspaceSettings: (stack: string) => `settings_${stack}`,
  runTrigger: (stack: string, source: string) => `trigger_${stack}__${source}`,
  providerAuthVariable: (stack: string) => `aws_auth_${stack}`,
  runRoleVariable: (stack: string) => `aws_role_${stack}`,
  workspaceRole: (stack: string) => `role_${stack}`,
  /** In the `account-<id>` stack that holds it: what the role of `stack`'s workspace may assume. */
  runRolePolicy: (stack: string) => `run_role_${stack}`,
} as const;

export type BaselineRegionalSetting =
  | 'config_recorder'
  | 'config_delivery_channel'
  | 'config_recorder_status'
  | 'ebs_encryption_by_default'
  | 'ebs_default_kms_key'
  | 'instance_metadata_defaults'
  | 'serial_console_access'
  | 'snapshot_block_public_access'
  | 'image_block_public_access'
  | 'access_analyzer';

/** Endpoint service names have dots (`ecr.dkr`), which Terraform names do not allow. */
function serviceId(service: string): string {
  return service.split('.').join('_');
}

/** `10.0.0.0/8` -> `10-0-0-0_8`: a CIDR in an address. */
function cidrId(cidr: string): string {
  return cidr.replace('/', '_').split('.').join('-');
}
