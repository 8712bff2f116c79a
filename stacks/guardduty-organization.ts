import { DataAwsGuarddutyDetector } from '@cdktf/provider-aws/lib/data-aws-guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { GuarddutyOrganizationConfiguration } from '@cdktf/provider-aws/lib/guardduty-organization-configuration';
import { GuarddutyOrganizationConfigurationFeature } from '@cdktf/provider-aws/lib/guardduty-organization-configuration-feature';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import type { MovedAddress } from '../src/constructs/refactoring-blocks';
import type { SecurityModel } from '../src/model/security';
import { ids } from './ids';

type GuardDuty = NonNullable<SecurityModel['guardDuty']>;

const featureId = (name: string) => `guardduty_organization_feature_${name.toLowerCase()}`;
const detectorFeatureId = (name: string) => `guardduty_feature_${name.toLowerCase()}`;

/**
 * GuardDuty's organization configuration in one region of the administrator (security) account:
 * auto-enable for the members, and the protection plans for the members (as the organization
 * setting says, or NONE when turned off) and for the administrator's own detector. Designating the
 * administrator in the region created that detector, so it is read, never created or destroyed
 * here: a second CreateDetector would fail, and a destroy would stop GuardDuty in the account.
 * Every address ends in the region.
 * @see https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_UpdateOrganizationConfiguration.html
 */
export function configureGuardDutyOrganization(scope: Construct, guardDuty: GuardDuty, region: string, provider: AwsProvider): void {
  const at = (id: string) => ids.inRegion(id, region);
  const detector = new DataAwsGuarddutyDetector(scope, at('guardduty'), { provider });
  const organization = new GuarddutyOrganizationConfiguration(scope, at('guardduty_organization'), {
    provider,
    detectorId: detector.id,
    autoEnableOrganizationMembers: guardDuty.autoEnable,
  });
  const auto = guardDuty.autoEnable;
  for (const feature of guardDuty.features) {
    new GuarddutyOrganizationConfigurationFeature(scope, at(featureId(feature.name)), {
      provider,
      detectorId: detector.id,
      name: feature.name,
      autoEnable: feature.enabled ? auto : 'NONE',
      ...(feature.additional.length > 0 ? { additionalConfiguration: feature.additional.map((a) => ({ name: a.name, autoEnable: feature.enabled && a.enabled ? auto : 'NONE' })) } : {}),
      dependsOn: [organization],
    });
    new GuarddutyDetectorFeature(scope, at(detectorFeatureId(feature.name)), {
      provider,
      detectorId: detector.id,
      name: feature.name,
      status: feature.enabled ? 'ENABLED' : 'DISABLED',
      ...(feature.additional.length > 0 ? { additionalConfiguration: feature.additional.map((a) => ({ name: a.name, status: feature.enabled && a.enabled ? 'ENABLED' : 'DISABLED' })) } : {}),
    });
  }
}

/** The home region's GuardDuty resources moved from the addresses they had before GuardDuty went regional. */
export function guardDutyHomeRegionMoves(guardDuty: GuardDuty, homeRegion: string): MovedAddress[] {
  const move = (type: string, id: string) => ({ from: `${type}.${id}`, to: `${type}.${ids.inRegion(id, homeRegion)}` });
  return [
    move(GuarddutyOrganizationConfiguration.tfResourceType, 'guardduty_organization'),
    ...guardDuty.features.flatMap((f) => [
      move(GuarddutyOrganizationConfigurationFeature.tfResourceType, featureId(f.name)),
      move(GuarddutyDetectorFeature.tfResourceType, detectorFeatureId(f.name)),
    ]),
  ];
}
