import type { Finding } from '../config/diagnostics';
import { accessRoleNameIsValid } from './access-role-name-is-valid';
import { accountEmailsAreUnique } from './account-emails-are-unique';
import { accountEmailsAreValid } from './account-emails-are-valid';
import { accountIdsAreValid } from './account-ids-are-valid';
import { accountNamesAreUnique } from './account-names-are-unique';
import { accountNamesMeetAwsConstraints } from './account-names-meet-aws-constraints';
import { accountOusResolve } from './account-ous-resolve';
import { delegatedAdministratorsResolve } from './delegated-administrators-resolve';
import { managementAccountIsValid } from './management-account-is-valid';
import { organizationIdIsValid } from './organization-id-is-valid';
import { ouDepthWithinLimit } from './ou-depth-within-limit';
import { ouNamesAreUniqueUnderParent } from './ou-names-are-unique-under-parent';
import { ouNamesMeetAwsConstraints } from './ou-names-meet-aws-constraints';
import { policiesAreAttached, policyReferencesResolve } from './policy-references-resolve';
import { policyContentWithinLimit, policyDescriptionsWithinLimit, policyHasOneSource, scpStatementsHaveNoPrincipal } from './policies-are-well-formed';
import { regionsMatchPartition } from './regions-match-partition';
import type { Rule, RuleContext } from './rule';
import { servicePrincipalsAreValid } from './service-principals-are-valid';
import { tagsMeetAwsConstraints } from './tags-meet-aws-constraints';
import { networkReferencesResolve } from './network-references-resolve';
import { vpcCidrsDoNotOverlap } from './vpc-cidrs-do-not-overlap';
import { vpcCidrsWithinPool } from './vpc-cidrs-within-pool';
import { cidrPrefixesWithinLimits } from './cidr-prefixes-within-limits';
import { vpcCidrCountWithinLimit } from './vpc-cidr-count-within-limit';
import { subnetsFitVpc } from './subnets-fit-vpc';
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
  policiesAreAttached,
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
  vpcAccountsReceiveTheShare,
  staticRoutesDoNotBypassIsolation,
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
