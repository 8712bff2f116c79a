import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { ConfigConfigurationAggregator } from '@cdktf/provider-aws/lib/config-configuration-aggregator';
import { DetectiveGraph } from '@cdktf/provider-aws/lib/detective-graph';
import { DataAwsGuarddutyDetector } from '@cdktf/provider-aws/lib/data-aws-guardduty-detector';
import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
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
import type { SecurityModel } from '../src/model/security';
import type { LandingZoneModel } from '../src/model/types';
import { ids } from './ids';
import type { AccountDirectory } from './account-directory';

export interface SecurityToolingStackProps {
  readonly model: LandingZoneModel;
  readonly security: SecurityModel;
  readonly accounts: AccountDirectory;
  /** The organization (trusted access) and delegated-administrators (the designations) must be applied first. */
  readonly after: readonly LandingZoneStack[];
}

/**
 * Wave 2, security tooling account (home region): the organization-wide configuration of every
 * enabled service. The delegated-administrators stack has made this account the services'
 * delegated administrator, which is why this stack depends on it. Detective is the exception: its behavior
 * graph is created here, before its designation (see SecurityModel.detective).
 */
export class SecurityToolingStack extends LandingZoneStack {
  /** The organization's behavior graph, when Detective is enabled; detective-configuration reads its ARN. */
  readonly detectiveGraph?: DetectiveGraph;

  constructor(scope: Construct, id: string, props: SecurityToolingStackProps) {
    super(scope, id);
    const { model, security, accounts } = props;
    const org = model.organization;
    const accountId = accounts.accountId(security.accountKey);
    new MemberAccountProvider(this, 'aws', {
      accountId,
      region: org.homeRegion,
      partition: org.partition,
      roleName: org.accessRoleName,
      sessionName: 'lz-security-tooling',
    });
    for (const stack of props.after) this.addDependency(stack);

    if (security.guardDuty) {
      // Designating the administrator created its detector; a second CreateDetector would fail.
      const detector = new DataAwsGuarddutyDetector(this, 'guardduty');
      new GuarddutyOrganizationConfiguration(this, 'guardduty_organization', {
        detectorId: detector.id,
        autoEnableOrganizationMembers: security.guardDuty.autoEnable,
      });
    }

    if (security.securityHub) {
      // Designating the administrator enabled Security Hub here, so the account is imported, not
      // enabled again; default standards are managed explicitly below.
      const hub = new SecurityhubAccount(this, 'securityhub', {
        enableDefaultStandards: false,
        controlFindingGenerator: 'SECURITY_CONTROL',
        autoEnableControls: true,
        // Destroying the account resource disables Security Hub and drops its findings: never as a
        // side effect of a plan. enable_default_standards is not read back and forces replacement.
        lifecycle: { preventDestroy: true, ignoreChanges: ['enable_default_standards'] },
      });
      hub.importFrom(accountId);
      new SecurityhubOrganizationConfiguration(this, 'securityhub_organization', {
        autoEnable: security.securityHub.autoEnable,
        autoEnableStandards: 'NONE',
        organizationConfiguration: { configurationType: 'LOCAL' },
        dependsOn: [hub],
      });
      for (const standard of security.securityHub.standards)
        new SecurityhubStandardsSubscription(this, ids.securityHubStandard(standard.key), { standardsArn: standard.arn, dependsOn: [hub] });
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

    if (security.inspector)
      new Inspector2OrganizationConfiguration(this, 'inspector_organization', { autoEnable: { ...security.inspector } });

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
