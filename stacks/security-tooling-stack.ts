import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { ConfigConfigurationAggregator } from '@cdktf/provider-aws/lib/config-configuration-aggregator';
import { DetectiveGraph } from '@cdktf/provider-aws/lib/detective-graph';
import { DataAwsGuarddutyDetector } from '@cdktf/provider-aws/lib/data-aws-guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
import { GuarddutyOrganizationConfigurationFeature } from '@cdktf/provider-aws/lib/guardduty-organization-configuration-feature';
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
import { inspectorResourceTypes, type SecurityModel } from '../src/model/security';
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
      const organization = new GuarddutyOrganizationConfiguration(this, 'guardduty_organization', {
        detectorId: detector.id,
        autoEnableOrganizationMembers: security.guardDuty.autoEnable,
      });
      // Protection plans: for the members (auto-enable as the organization setting says, or NONE
      // when turned off) and for this administrator account's own detector.
      const auto = security.guardDuty.autoEnable;
      for (const feature of security.guardDuty.features) {
        const id = feature.name.toLowerCase();
        new GuarddutyOrganizationConfigurationFeature(this, `guardduty_organization_feature_${id}`, {
          detectorId: detector.id,
          name: feature.name,
          autoEnable: feature.enabled ? auto : 'NONE',
          ...(feature.additional.length > 0 ? { additionalConfiguration: feature.additional.map((a) => ({ name: a.name, autoEnable: feature.enabled && a.enabled ? auto : 'NONE' })) } : {}),
          dependsOn: [organization],
        });
        new GuarddutyDetectorFeature(this, `guardduty_feature_${id}`, {
          detectorId: detector.id,
          name: feature.name,
          status: feature.enabled ? 'ENABLED' : 'DISABLED',
          ...(feature.additional.length > 0 ? { additionalConfiguration: feature.additional.map((a) => ({ name: a.name, status: feature.enabled && a.enabled ? 'ENABLED' : 'DISABLED' })) } : {}),
        });
      }
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
