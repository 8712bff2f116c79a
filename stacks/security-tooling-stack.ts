import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { ConfigConfigurationAggregator } from '@cdktf/provider-aws/lib/config-configuration-aggregator';
import { DetectiveGraph } from '@cdktf/provider-aws/lib/detective-graph';
import { Inspector2Enabler } from '@cdktf/provider-aws/lib/inspector2-enabler';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Inspector2OrganizationConfiguration } from '@cdktf/provider-aws/lib/inspector2-organization-configuration';
import { Macie2Account } from '@cdktf/provider-aws/lib/macie2-account';
import { Macie2OrganizationConfiguration } from '@cdktf/provider-aws/lib/macie2-organization-configuration';
import { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
import { SecurityhubOrganizationConfiguration } from '@cdktf/provider-aws/lib/securityhub-organization-configuration';
import { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
import type { Construct } from 'constructs';
import { MemberAccountProvider } from '../src/constructs/aws-provider';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import { inspectorResourceTypes, type SecurityModel } from '../src/model/security';
import type { LandingZoneModel } from '../src/model/types';
import { ids } from './ids';
import type { AccountDirectory } from './account-directory';
import { configureGuardDutyOrganization, guardDutyHomeRegionMoves } from './guardduty-organization';
import type { OrganizationStack } from './organization-stack';
import { regionalProviders } from './regional-providers';
import { configureSecurityHubCentrally, localStandardsReleased } from './security-hub-central';

export interface SecurityToolingStackProps {
  readonly model: LandingZoneModel;
  readonly security: SecurityModel;
  readonly accounts: AccountDirectory;
  /** Where Security Hub's configuration policies are associated: the root and OU ids. */
  readonly organization: OrganizationStack;
  /** The organization (trusted access) and the delegated-administrators stack of the same region group (the designations) must be applied first. */
  readonly after: readonly LandingZoneStack[];
  /**
   * The regions of this stack's GuardDuty region group, home region first in the first group.
   * @default - the home region only
   */
  readonly regions?: readonly string[];
  /** Whether this is group 1 (`security-tooling`), which holds every service; group n holds GuardDuty's regions only. */
  readonly first: boolean;
}

/**
 * Wave 2, security tooling account: the organization-wide configuration of every enabled service,
 * in the home region, and GuardDuty's in every region of the stack's region group (one provider
 * each; `security-tooling<n>` for group n). The delegated-administrators stack of the group has
 * made this account the services' delegated administrator, which is why this stack depends on it.
 * Detective is the exception: its behavior graph is created here, before its designation (see
 * SecurityModel.detective).
 */
export class SecurityToolingStack extends LandingZoneStack {
  /** The organization's behavior graph, when Detective is enabled; detective-configuration reads its ARN. */
  readonly detectiveGraph?: DetectiveGraph;

  constructor(scope: Construct, id: string, props: SecurityToolingStackProps) {
    super(scope, id);
    const { model, security, accounts, first } = props;
    const org = model.organization;
    const accountId = accounts.accountId(security.accountKey);
    const regions = props.regions ?? [org.homeRegion];
    const providers = regionalProviders(regions, (pid, region, alias) => new MemberAccountProvider(this, pid, {
      accountId,
      region,
      partition: org.partition,
      roleName: org.accessRoleName,
      sessionName: 'lz-security-tooling',
      ...alias,
    }));
    for (const stack of props.after) this.addDependency(stack);

    const moved = first && security.guardDuty ? guardDutyHomeRegionMoves(security.guardDuty, org.homeRegion) : [];
    const removed = first && security.securityHub?.central ? localStandardsReleased() : [];
    if (moved.length + removed.length > 0) new RefactoringBlocks(this, 'refactoring', { moved, removed });
    if (security.guardDuty) for (const region of regions) configureGuardDutyOrganization(this, security.guardDuty, region, providers.get(region)!);
    if (!first) return;

    if (security.securityHub) {
      // Designating the administrator enabled Security Hub here, so the account is imported, not
      // enabled again; standards come from the subscriptions below (local configuration) or the
      // configuration policies (central configuration).
      const hub = new SecurityhubAccount(this, 'securityhub', {
        enableDefaultStandards: false,
        controlFindingGenerator: 'SECURITY_CONTROL',
        autoEnableControls: true,
        // Destroying the account resource disables Security Hub and drops its findings: never as a
        // side effect of a plan. enable_default_standards is not read back and forces replacement.
        lifecycle: { preventDestroy: true, ignoreChanges: ['enable_default_standards'] },
      });
      hub.importFrom(accountId);
      const central = security.securityHub.central;
      if (central) configureSecurityHubCentrally(this, { central, hub, organization: props.organization, accounts });
      else {
        new SecurityhubOrganizationConfiguration(this, 'securityhub_organization', {
          autoEnable: security.securityHub.autoEnable,
          autoEnableStandards: 'NONE',
          organizationConfiguration: { configurationType: 'LOCAL' },
          dependsOn: [hub],
        });
        for (const standard of security.securityHub.standards)
          new SecurityhubStandardsSubscription(this, ids.securityHubStandard(standard.key), { standardsArn: standard.arn, dependsOn: [hub] });
      }
    }

    if (security.configAggregator) {
      const role = new IamRole(this, 'config_aggregator_role', {
        name: security.configAggregator.roleName,
        description: 'Lets AWS Config read the organization to aggregate every account.',
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      });
      const attachment = new IamRolePolicyAttachment(this, 'config_aggregator_role_policy', {
        role: role.name,
        policyArn: `arn:${org.partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations`,
      });
      new ConfigConfigurationAggregator(this, 'config_aggregator', {
        name: security.configAggregator.name,
        organizationAggregationSource: { allRegions: true, roleArn: role.arn },
        dependsOn: [attachment],
      });
    }

    if (security.accessAnalyzer)
      new AccessanalyzerAnalyzer(this, 'access_analyzer', { analyzerName: security.accessAnalyzer.name, type: 'ORGANIZATION' });

    if (security.inspector) {
      // Designation makes this account the administrator, but its own scans are enabled here, with
      // the same scan types the members get; destroying the enabler would disable Inspector in it.
      const enabler = new Inspector2Enabler(this, 'inspector', {
        accountIds: [accountId],
        resourceTypes: inspectorResourceTypes(security.inspector),
        lifecycle: { preventDestroy: true },
      });
      new Inspector2OrganizationConfiguration(this, 'inspector_organization', { autoEnable: { ...security.inspector }, dependsOn: [enabler] });
    }

    if (security.macie) {
      // Destroying it disables Macie and deletes its findings and jobs.
      const macie = new Macie2Account(this, 'macie', { status: 'ENABLED', lifecycle: { preventDestroy: true } });
      new Macie2OrganizationConfiguration(this, 'macie_organization', { autoEnable: security.macie.autoEnable, dependsOn: [macie] });
    }

    // Deleting the graph disables Detective for the whole organization and drops its data.
    if (security.detective)
      this.detectiveGraph = new DetectiveGraph(this, 'detective', { tags: { Name: security.detective.graphName }, lifecycle: { preventDestroy: true } });
  }
}
