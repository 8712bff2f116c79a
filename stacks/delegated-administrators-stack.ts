import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { GuarddutyOrganizationAdminAccount } from '@cdktf/provider-aws/lib/guardduty-organization-admin-account';
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import { VpcIpamOrganizationAdminAccount } from '@cdktf/provider-aws/lib/vpc-ipam-organization-admin-account';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { ids } from './ids';
import type { OrganizationStack } from './organization-stack';
import { regionalProviders } from './regional-providers';
import { designateServiceAdministrator } from './service-administrators';

export interface DelegatedAdministratorsStackProps {
  readonly model: LandingZoneModel;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
  /**
   * The regions of this stack's group (security.guardDuty.regionGroups), home region first in the
   * first group; GuardDuty's administrator is designated in each.
   * @default - the home region only
   */
  readonly regions?: readonly string[];
  /** Whether this is group 1, which also holds the organization-wide designations. */
  readonly first: boolean;
}

/**
 * Management account, after the organization and the administrator accounts: delegated
 * administrators registered with Organizations, and the security services' administrators
 * designated through their own APIs. Organization-wide, and it names only the few dedicated
 * accounts, so no workload account's change touches it. It cannot live in the organization stack:
 * accounts are created in their own stacks, after the organization.
 *
 * GuardDuty is regional: its administrator is designated in every allowed region, one provider per
 * region of the stack's region group (`delegated-administrators` for group 1,
 * `delegated-administrators<n>` for group n, which holds GuardDuty's designations only). Each
 * address ends in its region; the home region's designation moved there from
 * `service_admin_guardduty`.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html
 */
export class DelegatedAdministratorsStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: DelegatedAdministratorsStackProps) {
    super(scope, id);
    const { model, organization, accounts, first } = props;
    const org = model.organization;
    const regions = props.regions ?? [org.homeRegion];
    const providers = regionalProviders(regions, (pid, region, alias) => new ManagementProvider(this, pid, { accountId: org.managementAccountId, region, ...alias }));
    // Trusted access for each service is enabled by the organization stack.
    this.addDependency(organization);

    const guardDuty = model.security?.guardDuty ? model.security.serviceAdministrators.find((d) => d.adminApi === 'guardduty') : undefined;
    if (guardDuty) {
      const id = ids.serviceAdministrator(guardDuty.servicePrincipal);
      for (const region of regions)
        new GuarddutyOrganizationAdminAccount(this, ids.inRegion(id, region), { adminAccountId: accounts.accountId(guardDuty.accountKey), provider: providers.get(region)! });
      if (first) new RefactoringBlocks(this, 'refactoring', { moved: [{ from: `${GuarddutyOrganizationAdminAccount.tfResourceType}.${id}`, to: `${GuarddutyOrganizationAdminAccount.tfResourceType}.${ids.inRegion(id, org.homeRegion)}` }], removed: [] });
    }
    if (!first) return;

    for (const delegated of model.delegatedAdministrators)
      new OrganizationsDelegatedAdministrator(this, ids.delegatedAdministrator(delegated.servicePrincipal), {
        accountId: accounts.accountId(delegated.accountKey),
        servicePrincipal: delegated.servicePrincipal,
      });
    for (const delegation of model.security?.serviceAdministrators ?? [])
      if (delegation.adminApi !== 'guardduty') designateServiceAdministrator(this, delegation, accounts.accountId(delegation.accountKey));
    // IPAM's own API registers the network account and enables the service for the organization.
    // @see https://docs.aws.amazon.com/vpc/latest/ipam/enable-integ-ipam.html
    if (model.network?.ipam?.delegatedAdministrator)
      new VpcIpamOrganizationAdminAccount(this, ids.ipamAdministrator, { delegatedAdminAccountId: accounts.accountId(model.network.accountKey) });
  }
}

/** Whether the model has anything for the stack to hold. */
export function hasDelegatedAdministrators(model: LandingZoneModel): boolean {
  return model.delegatedAdministrators.length > 0 || (model.security?.serviceAdministrators.length ?? 0) > 0 || model.network?.ipam?.delegatedAdministrator === true;
}
