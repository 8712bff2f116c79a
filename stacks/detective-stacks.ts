import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { DetectiveOrganizationConfiguration } from '@cdktf/provider-aws/lib/detective-organization-configuration';
import type { Construct } from 'constructs';
import { ManagementProvider, MemberAccountProvider } from '../src/constructs/aws-provider';
import type { SecurityModel } from '../src/model/security';
import type { LandingZoneModel } from '../src/model/types';
import { ids } from './ids';
import type { AccountDirectory } from './account-directory';
import type { OrganizationStack } from './organization-stack';
import type { SecurityToolingStack } from './security-tooling-stack';
import { designateServiceAdministrator } from './service-administrators';

type Detective = NonNullable<SecurityModel['detective']>;

export interface DetectiveAdministrationStackProps {
  readonly model: LandingZoneModel;
  readonly detective: Detective;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
  readonly securityTooling: SecurityToolingStack;
}

/**
 * Wave 3, management account: makes the security account Detective's administrator. It runs after
 * security-tooling, whose behavior graph the designation then adopts (EnableOrganizationAdminAccount
 * creates a graph only in an account that has none).
 */
export class DetectiveAdministrationStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: DetectiveAdministrationStackProps) {
    super(scope, id);
    const { model, detective, organization, accounts, securityTooling } = props;
    new ManagementProvider(this, 'aws', { accountId: model.organization.managementAccountId, region: model.organization.homeRegion });
    this.addDependency(organization);
    this.addDependency(securityTooling);
    const { administrator } = detective;
    designateServiceAdministrator(this, administrator, accounts.accountId(administrator.accountKey));
  }
}

export interface DetectiveConfigurationStackProps {
  readonly model: LandingZoneModel;
  readonly detective: Detective;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
  readonly securityTooling: SecurityToolingStack;
  readonly administration: DetectiveAdministrationStack;
}

/**
 * Wave 4, security account (home region): the organization configuration of the behavior graph,
 * which only the designated administrator may set, hence after detective-administration. The
 * graph's ARN is read from security-tooling's state (a cross-stack reference).
 */
export class DetectiveConfigurationStack extends LandingZoneStack {
  constructor(scope: Construct, id: string, props: DetectiveConfigurationStackProps) {
    super(scope, id);
    const { model, detective, organization, accounts, securityTooling, administration } = props;
    const org = model.organization;
    new MemberAccountProvider(this, 'aws', {
      accountId: accounts.accountId(detective.administrator.accountKey),
      region: org.homeRegion,
      partition: org.partition,
      roleName: org.accessRoleName,
      sessionName: 'lz-detective-configuration',
    });
    this.addDependency(organization);
    this.addDependency(administration);
    const graph = securityTooling.detectiveGraph;
    if (graph === undefined) throw new Error('detective-configuration needs the behavior graph of the security-tooling stack');
    new DetectiveOrganizationConfiguration(this, ids.detectiveOrganizationConfiguration, { graphArn: graph.graphArn, autoEnable: detective.autoEnable });
  }
}
