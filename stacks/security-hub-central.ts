import { SecurityhubConfigurationPolicy } from '@cdktf/provider-aws/lib/securityhub-configuration-policy';
import { SecurityhubConfigurationPolicyAssociation } from '@cdktf/provider-aws/lib/securityhub-configuration-policy-association';
import { SecurityhubFindingAggregator } from '@cdktf/provider-aws/lib/securityhub-finding-aggregator';
import { SecurityhubOrganizationConfiguration } from '@cdktf/provider-aws/lib/securityhub-organization-configuration';
import { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { SecurityHubStandard } from '../src/config/schema/security';
import { ROOT } from '../src/model/org-tree';
import type { SecurityHubCentralModel } from '../src/model/security-hub-central';
import type { AccountDirectory } from './account-directory';
import { ids } from './ids';
import type { OrganizationStack } from './organization-stack';

export interface SecurityHubCentralProps {
  readonly central: SecurityHubCentralModel;
  /** The security account's Security Hub, enabled by its designation and imported. */
  readonly hub: ITerraformDependable;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
}

/**
 * Security Hub central configuration, from the delegated administrator in the home region:
 * cross-Region aggregation in the home region first (central configuration requires it, and the
 * policies take effect in the home region and every linked region), then the CENTRAL organization
 * configuration (auto-enable off: the policies enable accounts, existing ones included), the
 * configuration policies and their associations. A policy names standards by their home-region
 * ARN. Associated with the root, a policy governs every account of the organization, now and later.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/aggregation-central-configuration.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/configuration-policies-overview.html
 */
export function configureSecurityHubCentrally(scope: Construct, props: SecurityHubCentralProps): void {
  const { central, hub, organization, accounts } = props;
  const linked = central.linkedRegions.length > 0;
  const aggregator = new SecurityhubFindingAggregator(scope, ids.securityHubFindingAggregator, {
    linkingMode: linked ? 'SPECIFIED_REGIONS' : 'NO_REGIONS',
    ...(linked ? { specifiedRegions: [...central.linkedRegions] } : {}),
    dependsOn: [hub],
  });
  const configuration = new SecurityhubOrganizationConfiguration(scope, 'securityhub_organization', {
    autoEnable: false,
    autoEnableStandards: 'NONE',
    organizationConfiguration: { configurationType: 'CENTRAL' },
    dependsOn: [hub, aggregator],
  });
  for (const policy of central.policies) {
    const resource = new SecurityhubConfigurationPolicy(scope, ids.securityHubConfigurationPolicy(policy.key), {
      name: policy.name,
      description: policy.description,
      configurationPolicy: {
        serviceEnabled: true,
        enabledStandardArns: [...policy.standardArns],
        securityControlsConfiguration: { disabledControlIdentifiers: [...policy.disabledControls] },
      },
      dependsOn: [configuration],
    });
    for (const target of policy.targets)
      new SecurityhubConfigurationPolicyAssociation(scope, ids.securityHubPolicyAssociation(target), {
        policyId: resource.id,
        targetId: target.kind === 'root' ? organization.ouId(ROOT) : target.kind === 'ou' ? organization.ouId(target.path) : accounts.accountId(target.key),
      });
  }
}

/**
 * The standards subscriptions of local configuration leave the state without being disabled when
 * central configuration takes over: from then on the policies decide the security account's
 * standards, and a destroy would disable them there first.
 */
export function localStandardsReleased(): string[] {
  return SecurityHubStandard.options.map((key) => `${SecurityhubStandardsSubscription.tfResourceType}.${ids.securityHubStandard(key)}`);
}
