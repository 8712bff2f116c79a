import type { Finding } from '../config/diagnostics';
import { alternateContactsAreValid } from './alternate-contacts-are-valid';
import { baselineDeliveryHasALogArchive } from './baseline-delivery-has-a-log-archive';
import { baselineOverridesHaveABaseline } from './baseline-overrides-have-a-baseline';
import { ebsDefaultKmsKeyIsUsable } from './ebs-default-kms-key-is-usable';
import { controlTowerAccountsAreVendedByAccountFactory } from './control-tower-accounts-are-vended-by-account-factory';
import { controlTowerExecutionRoleIsNotManaged } from './control-tower-execution-role-is-not-managed';
import { controlTowerPoliciesAreLeftToControlTower } from './control-tower-policies-are-left-to-control-tower';
import { controlTowerSettingsResolve } from './control-tower-settings-resolve';
import { importRecordIsReadable } from './import-record-is-readable';
import { formerKeysAreClaimedOnce } from './former-keys-are-claimed-once';
import { formerKeysAreNotInUse } from './former-keys-are-not-in-use';
import { managedAccountEmailsDoNotChange } from './managed-account-emails-do-not-change';
import { managedAccountsAreNotRemovedSilently } from './managed-accounts-are-not-removed-silently';
import { managedOusAreNotRemovedSilently } from './managed-ous-are-not-removed-silently';
import { managedRecordIsReadable } from './managed-record-is-readable';
import { policiesInUseByReleasedTargetsAreKept } from './policies-in-use-by-released-targets-are-kept';
import { redeclaredReleasesAreAdoptedById } from './redeclared-releases-are-adopted-by-id';
import { removalIdsMatchTheRecord } from './removal-ids-match-the-record';
import { removalsAreNotStillDeclared } from './removals-are-not-still-declared';
import { accessRoleNameIsValid } from './access-role-name-is-valid';
import { accountEmailsAreUnique } from './account-emails-are-unique';
import { accountEmailsAreValid } from './account-emails-are-valid';
import { accountIdsAreValid } from './account-ids-are-valid';
import { accountNamesAreUnique } from './account-names-are-unique';
import { accountNamesMeetAwsConstraints } from './account-names-meet-aws-constraints';
import { accountOusResolve } from './account-ous-resolve';
import { backendSettingsAreComplete } from './backend-settings-are-complete';
import { dedicatedAccountsAreMembers } from './dedicated-accounts-are-members';
import { dedicatedAccountsDoNotShareOuWithWorkloads } from './dedicated-accounts-do-not-share-ou-with-workloads';
import { delegatedAdministratorsResolve } from './delegated-administrators-resolve';
import { logRetentionIsValid } from './log-retention-is-valid';
import { managementAccountIsValid } from './management-account-is-valid';
import { organizationIdIsValid } from './organization-id-is-valid';
import { ouDepthWithinLimit } from './ou-depth-within-limit';
import { ouIdsAreValid } from './ou-ids-are-valid';
import { govCloudAccountsAreAdopted } from './govcloud-accounts-are-adopted';
import { ouNamesAreUniqueUnderParent } from './ou-names-are-unique-under-parent';
import { ouNamesMeetAwsConstraints } from './ou-names-meet-aws-constraints';
import { policiesAreAttached, policyReferencesResolve } from './policy-references-resolve';
import { declarativePoliciesAreWellFormed } from './declarative-policies-are-well-formed';
import { vpcBlockPublicAccessSparesInternetVpcs } from './vpc-block-public-access-spares-internet-vpcs';
import { policyContentWithinLimit, policyDescriptionsWithinLimit, policyHasOneSource, scpStatementsHaveNoPrincipal } from './policies-are-well-formed';
import { regionsMatchPartition } from './regions-match-partition';
import { permissionSetNamesMeetAwsConstraints } from './permission-set-names-meet-aws-constraints';
import { permissionSetAttributesMeetAwsConstraints } from './permission-set-attributes-meet-aws-constraints';
import { sessionDurationsAreValid } from './session-durations-are-valid';
import { inlinePoliciesAreWellFormed } from './inline-policies-are-well-formed';
import { permissionSetPolicyCountWithinLimit } from './permission-set-policy-count-within-limit';
import { permissionSetPolicyReferencesAreValid } from './permission-set-policy-references-are-valid';
import { identityCenterReferencesResolve } from './identity-center-references-resolve';
import { identityCenterAssignmentsAreUnique } from './identity-center-assignments-are-unique';
import { provisionedPermissionSetsWithinQuota } from './provisioned-permission-sets-within-quota';
import { managementAccountNotAssignedFromDelegatedAdministrator } from './management-account-not-assigned-from-delegated-administrator';
import { identityStorePrincipalsAreValid } from './identity-store-principals-are-valid';
import type { Rule, RuleContext } from './rule';
import { securityServicesAreDelegatedOnce } from './security-services-are-delegated-once';
import { guardDutyRuntimeMonitoringIsChosenOnce } from './guardduty-runtime-monitoring-is-chosen-once';
import { inspectorCodeScanningHasLambdaScanning } from './inspector-code-scanning-has-lambda-scanning';
import { securityHubControlIdsAreWellFormed } from './security-hub-control-ids-are-well-formed';
import { securityHubStandardsAreKnown } from './security-hub-standards-are-known';
import { securityHubStandardsAreSetInOnePlace } from './security-hub-standards-are-set-in-one-place';
import { securityHubTargetsHaveOnePolicy } from './security-hub-targets-have-one-policy';
import { securityHubTargetsResolve } from './security-hub-targets-resolve';
import { servicePrincipalsAreValid } from './service-principals-are-valid';
import { tagsMeetAwsConstraints } from './tags-meet-aws-constraints';
import { workspaceNamesAreValidAndUnique } from './workspace-names-are-valid-and-unique';
import { versionConstraintsAreValid } from './version-constraints-are-valid';
import { guardrailReferencesResolve } from './guardrail-references-resolve';
import { permissionSetInlinePoliciesNameKnownActions } from './permission-set-inline-policies-name-known-actions';
import { policyAttachmentsWithinLimit } from './policy-attachments-within-limit';
import { policyStatementsAreValid } from './policy-statements-are-valid';
import { policyArnsMatchPartition } from './policy-arns-match-partition';
import { fullAwsAccessDetachIsSafe } from './full-aws-access-detach-is-safe';
import { quarantinePolicyIsValid } from './quarantine-policy-is-valid';
import { networkReferencesResolve } from './network-references-resolve';
import { centralEndpointRulesWithinQuota } from './central-endpoint-rules-within-quota';
import { centralEndpointServicesWithinBudget } from './central-endpoint-services-within-budget';
import { centralEndpointsAreNotAlsoLocal } from './central-endpoints-are-not-also-local';
import { centralEndpointsAreReachable } from './central-endpoints-are-reachable';
import { centralEndpointsAreRouted } from './central-endpoints-are-routed';
import { endpointPoliciesAreValid } from './endpoint-policies-are-valid';
import { endpointReferencesResolve } from './endpoint-references-resolve';
import { endpointServicesExistInTheRegion } from './endpoint-services-exist-in-the-region';
import { gatewayEndpointsAreS3OrDynamodb } from './gateway-endpoints-are-s3-or-dynamodb';
import { vpcCidrsDoNotOverlap } from './vpc-cidrs-do-not-overlap';
import { vpcCidrsWithinPool } from './vpc-cidrs-within-pool';
import { cidrPrefixesWithinLimits } from './cidr-prefixes-within-limits';
import { vpcCidrCountWithinLimit } from './vpc-cidr-count-within-limit';
import { subnetsFitVpc } from './subnets-fit-vpc';
import { explicitSubnetsCoverEveryZone } from './explicit-subnets-cover-every-zone';
import { explicitSubnetsDoNotOverlap } from './explicit-subnets-do-not-overlap';
import { explicitSubnetsFitVpc } from './explicit-subnets-fit-vpc';
import { ipv6TiersFollowTheirDefaultRoute } from './ipv6-tiers-follow-their-default-route';
import { networkAclRulesAreValid } from './network-acl-rules-are-valid';
import { availabilityZonesExist } from './availability-zones-exist';
import { tgwRouteTablesWithinQuota } from './tgw-route-tables-within-quota';
import { tgwAsnIsPrivate } from './tgw-asn-is-private';
import { segmentsAreReachable } from './segments-are-reachable';
import { cidrPoolsHaveRoom } from './cidr-pools-have-room';
import { templateVpcsDoNotCollide } from './template-vpcs-do-not-collide';
import { vpcDefinitionsAreComplete } from './vpc-definitions-are-complete';
import { subnetTierRoutesAreConsistent } from './subnet-tier-routes-are-consistent';
import { vpcAccountsReceiveTheShare } from './vpc-accounts-receive-the-share';
import { staticRoutesDoNotBypassIsolation } from './static-routes-do-not-bypass-isolation';
import { cidrPoolsDoNotOverlap } from './cidr-pools-do-not-overlap';
import { tgwIsNotSharedWithItsOwnAccount } from './tgw-is-not-shared-with-its-own-account';
import { auditReferencesResolve } from './audit-references-resolve';
import { sharedSubnetParticipantsAreInTheOrganization } from './shared-subnet-participants-are-in-the-organization';
import { sharedSubnetTiersExist } from './shared-subnet-tiers-exist';
import { vpcsWithoutATransitGatewayAreNotAttached } from './vpcs-without-a-transit-gateway-are-not-attached';
import { ipamPoolsLieInTheTopLevelPool } from './ipam-pools-lie-in-the-top-level-pool';
import { ipamNetmasksWithinPoolRange } from './ipam-netmasks-within-pool-range';
import { ipamVpcCidrsComeFromAPool } from './ipam-vpc-cidrs-come-from-a-pool';
import { ipamAdministratorIsAMemberAccount } from './ipam-administrator-is-a-member-account';
import { inspectionReferencesResolve } from './inspection-references-resolve';
import { inspectionVpcHasFirewallTiers } from './inspection-vpc-has-firewall-tiers';
import { inspectionAttachmentUsesApplianceMode } from './inspection-attachment-uses-appliance-mode';
import { inspectionOpensNoUnrequestedPath } from './inspection-opens-no-unrequested-path';
import { inspectedPeeringsAreInspectedOnBothSides } from './inspected-peerings-are-inspected-on-both-sides';
import { firewallRuleGroupCapacityWithinLimits } from './firewall-rule-group-capacity-within-limits';
import { firewallRuleIdsAreUnique } from './firewall-rule-ids-are-unique';
import { inspectionRoutesDoNotCollide } from './inspection-routes-do-not-collide';
import { networkRegionsAreAllowed } from './network-regions-are-allowed';
import { networkOptInRegionsAreEnabled } from './network-opt-in-regions-are-enabled';
import { transitGatewayAsnsAreDistinct } from './transit-gateway-asns-are-distinct';
import { networkRegionReferencesResolve } from './network-region-references-resolve';
import { vpcPoolsAreInTheVpcRegion } from './vpc-pools-are-in-the-vpc-region';
import { regionalPoolsDoNotOverlap } from './regional-pools-do-not-overlap';
import { peeringRoutesDoNotOverlap } from './peering-routes-do-not-overlap';
import { vpcEndpointsAreInThePrimaryRegion } from './vpc-endpoints-are-in-the-primary-region';
import { singleRegionNetworkFeaturesHaveOneRegion } from './single-region-network-features-have-one-region';

/** Every semantic rule, in code order. A rule added here runs on every `lz validate`. */
export const RULES: readonly Rule[] = [
  accountNamesAreUnique,
  accountEmailsAreUnique,
  accountOusResolve,
  ouDepthWithinLimit,
  ouNamesAreUniqueUnderParent,
  accountNamesMeetAwsConstraints,
  accountEmailsAreValid,
  accountIdsAreValid,
  ouNamesMeetAwsConstraints,
  ouIdsAreValid,
  govCloudAccountsAreAdopted,
  managementAccountIsValid,
  organizationIdIsValid,
  regionsMatchPartition,
  tagsMeetAwsConstraints,
  accessRoleNameIsValid,
  servicePrincipalsAreValid,
  delegatedAdministratorsResolve,
  policyReferencesResolve,
  policyHasOneSource,
  policyContentWithinLimit,
  policyDescriptionsWithinLimit,
  scpStatementsHaveNoPrincipal,
  declarativePoliciesAreWellFormed,
  vpcBlockPublicAccessSparesInternetVpcs,
  policiesAreAttached,
  backendSettingsAreComplete,
  workspaceNamesAreValidAndUnique,
  versionConstraintsAreValid,
  dedicatedAccountsAreMembers,
  dedicatedAccountsDoNotShareOuWithWorkloads,
  logRetentionIsValid,
  securityServicesAreDelegatedOnce,
  guardDutyRuntimeMonitoringIsChosenOnce,
  inspectorCodeScanningHasLambdaScanning,
  securityHubStandardsAreKnown,
  securityHubControlIdsAreWellFormed,
  securityHubTargetsResolve,
  securityHubTargetsHaveOnePolicy,
  securityHubStandardsAreSetInOnePlace,
  permissionSetNamesMeetAwsConstraints,
  permissionSetAttributesMeetAwsConstraints,
  sessionDurationsAreValid,
  inlinePoliciesAreWellFormed,
  permissionSetPolicyCountWithinLimit,
  permissionSetPolicyReferencesAreValid,
  identityCenterReferencesResolve,
  identityCenterAssignmentsAreUnique,
  provisionedPermissionSetsWithinQuota,
  managementAccountNotAssignedFromDelegatedAdministrator,
  identityStorePrincipalsAreValid,
  guardrailReferencesResolve,
  policyAttachmentsWithinLimit,
  policyStatementsAreValid,
  policyArnsMatchPartition,
  fullAwsAccessDetachIsSafe,
  quarantinePolicyIsValid,
  permissionSetInlinePoliciesNameKnownActions,
  managedAccountsAreNotRemovedSilently,
  managedOusAreNotRemovedSilently,
  managedAccountEmailsDoNotChange,
  formerKeysAreNotInUse,
  formerKeysAreClaimedOnce,
  removalsAreNotStillDeclared,
  removalIdsMatchTheRecord,
  redeclaredReleasesAreAdoptedById,
  policiesInUseByReleasedTargetsAreKept,
  managedRecordIsReadable,
  networkReferencesResolve,
  vpcCidrsDoNotOverlap,
  vpcCidrsWithinPool,
  cidrPrefixesWithinLimits,
  vpcCidrCountWithinLimit,
  subnetsFitVpc,
  availabilityZonesExist,
  tgwRouteTablesWithinQuota,
  tgwAsnIsPrivate,
  segmentsAreReachable,
  cidrPoolsHaveRoom,
  templateVpcsDoNotCollide,
  vpcDefinitionsAreComplete,
  subnetTierRoutesAreConsistent,
  explicitSubnetsFitVpc,
  explicitSubnetsDoNotOverlap,
  explicitSubnetsCoverEveryZone,
  networkAclRulesAreValid,
  ipv6TiersFollowTheirDefaultRoute,
  vpcAccountsReceiveTheShare,
  staticRoutesDoNotBypassIsolation,
  cidrPoolsDoNotOverlap,
  tgwIsNotSharedWithItsOwnAccount,
  endpointServicesExistInTheRegion,
  gatewayEndpointsAreS3OrDynamodb,
  endpointReferencesResolve,
  centralEndpointsAreReachable,
  endpointPoliciesAreValid,
  centralEndpointsAreNotAlsoLocal,
  centralEndpointRulesWithinQuota,
  centralEndpointsAreRouted,
  centralEndpointServicesWithinBudget,
  sharedSubnetParticipantsAreInTheOrganization,
  sharedSubnetTiersExist,
  vpcsWithoutATransitGatewayAreNotAttached,
  ipamPoolsLieInTheTopLevelPool,
  ipamNetmasksWithinPoolRange,
  ipamVpcCidrsComeFromAPool,
  ipamAdministratorIsAMemberAccount,
  inspectionReferencesResolve,
  inspectionVpcHasFirewallTiers,
  inspectionAttachmentUsesApplianceMode,
  inspectionOpensNoUnrequestedPath,
  inspectedPeeringsAreInspectedOnBothSides,
  firewallRuleGroupCapacityWithinLimits,
  inspectionRoutesDoNotCollide,
  firewallRuleIdsAreUnique,
  networkRegionsAreAllowed,
  networkOptInRegionsAreEnabled,
  transitGatewayAsnsAreDistinct,
  networkRegionReferencesResolve,
  vpcPoolsAreInTheVpcRegion,
  regionalPoolsDoNotOverlap,
  peeringRoutesDoNotOverlap,
  vpcEndpointsAreInThePrimaryRegion,
  singleRegionNetworkFeaturesHaveOneRegion,
  importRecordIsReadable,
  controlTowerSettingsResolve,
  controlTowerPoliciesAreLeftToControlTower,
  controlTowerAccountsAreVendedByAccountFactory,
  controlTowerExecutionRoleIsNotManaged,
  baselineOverridesHaveABaseline,
  baselineDeliveryHasALogArchive,
  alternateContactsAreValid,
  ebsDefaultKmsKeyIsUsable,
  auditReferencesResolve,
];

/** Runs every rule; a rule that throws is a bug in the tool, reported as such rather than hidden. */
export function runRules(context: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => {
    try {
      return rule.check(context);
    } catch (e) {
      throw new Error(`rule ${rule.code} ${rule.name} failed: ${(e as Error).stack ?? String(e)}`);
    }
  });
}
