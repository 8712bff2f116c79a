import { z } from 'zod';
import { denyUnlessExempt, ExemptAccessRole, ExemptRoles, exemptRoleArns, guardrail } from './guardrail';

/**
 * Member accounts cannot leave the organization and so escape every other guardrail.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-leave-org
 * Control Tower: AWS-GR_DISALLOW_LEAVE_ORGANIZATION (preventive, mandatory).
 */
export const denyLeaveOrganization = guardrail({
  name: 'deny-leave-organization',
  summary: 'Member accounts cannot leave the organization.',
  source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
  parameters: z.strictObject({}),
  statements: () => [denyUnlessExempt('DenyLeaveOrganization', ['organizations:LeaveOrganization'], ['*'], [])],
});

/**
 * Opting a region in or out changes which regions exist for the account; only the platform decides.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 * (AWS-GR_REGION_DENY complements it; the account API actions are account:EnableRegion/DisableRegion.)
 */
export const denyRegionOptInChanges = guardrail({
  name: 'deny-region-opt-in-changes',
  summary: 'Nobody but the exempt roles can enable or disable opt-in regions.',
  source: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html',
  parameters: z.strictObject({ exemptRoles: ExemptRoles }),
  statements: (p, facts) => [
    denyUnlessExempt('DenyRegionOptInChanges', ['account:DisableRegion', 'account:EnableRegion'], ['*'], exemptRoleArns(facts, p.exemptRoles, false)),
  ],
});

/**
 * Suspended accounts can do nothing. With FullAWSAccess still attached an explicit Deny is what
 * stops every action.
 * @see https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/suspended-ou.html
 */
export const denyAll = guardrail({
  name: 'deny-all',
  summary: 'Every action is denied (the Suspended OU).',
  source: 'https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/suspended-ou.html',
  parameters: z.strictObject({}),
  statements: () => [denyUnlessExempt('DenyAll', ['*'], ['*'], [])],
});

/**
 * A newly created account is held until its owner says it is ready: only the access role (so the
 * pipeline can finish setting it up) and the exempt roles may act.
 * @see https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/transitional-ou.html
 */
export const quarantine = guardrail({
  name: 'quarantine',
  summary: 'Everything is denied except to the access role and the exempt roles (new accounts).',
  source: 'https://docs.aws.amazon.com/whitepapers/latest/organizing-your-aws-environment/transitional-ou.html',
  parameters: z.strictObject({ exemptRoles: ExemptRoles, exemptAccessRole: ExemptAccessRole }),
  statements: (p, facts) => [denyUnlessExempt('Quarantine', ['*'], ['*'], exemptRoleArns(facts, p.exemptRoles, p.exemptAccessRole))],
});
