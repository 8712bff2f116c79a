import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { ids } from './ids';
import type { OrganizationStack } from './organization-stack';
import { designateServiceAdministrator } from './service-administrators';

export interface DelegatedAdministratorsStackProps {
  readonly model: LandingZoneModel;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
}

/**
 * Management account, after the organization and the administrator accounts: delegated
 * administrators registered with Organizations, and the security services' administrators
 * designated through their own APIs. Organization-wide, and it names only the few dedicated
 * accounts, so no workload account's change touches it. It cannot live in the organization stack:
 * accounts are created in their own stacks, after the organization.
 */
export class DelegatedAdministratorsStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: DelegatedAdministratorsStackProps) {
    super(scope, id);
    const { model, organization, accounts } = props;
    const org = model.organization;
    new ManagementProvider(this, 'aws', { accountId: org.managementAccountId, region: org.homeRegion });
    // Trusted access for each service is enabled by the organization stack.
    this.addDependency(organization);

    for (const delegated of model.delegatedAdministrators)
      new OrganizationsDelegatedAdministrator(this, ids.delegatedAdministrator(delegated.servicePrincipal), {
        accountId: accounts.accountId(delegated.accountKey),
        servicePrincipal: delegated.servicePrincipal,
      });
    for (const delegation of model.security?.serviceAdministrators ?? [])
      designateServiceAdministrator(this, delegation, accounts.accountId(delegation.accountKey));
  }
}

/** Whether the model has anything for the stack to hold. */
export function hasDelegatedAdministrators(model: LandingZoneModel): boolean {
  return model.delegatedAdministrators.length > 0 || (model.security?.serviceAdministrators.length ?? 0) > 0;
}
