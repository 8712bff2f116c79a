import { error, warning, type Finding } from '../config/diagnostics';
import { vpcRegionOf } from '../model/network/regions';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * Availability zones a new account can use, by region (AWS "Regions and Zones" pages, 2025).
 * Some regions have more zones than new accounts are offered (us-west-1, ap-northeast-1): the
 * number here is what a newly created account can place subnets in.
 */
export const AZ_COUNT_BY_REGION: Readonly<Record<string, number>> = {
  'us-east-1': 6, 'us-east-2': 3, 'us-west-1': 2, 'us-west-2': 4,
  'ca-central-1': 3, 'ca-west-1': 3, 'mx-central-1': 3, 'sa-east-1': 3,
  'eu-west-1': 3, 'eu-west-2': 3, 'eu-west-3': 3, 'eu-central-1': 3, 'eu-central-2': 3,
  'eu-north-1': 3, 'eu-south-1': 3, 'eu-south-2': 3,
  'ap-east-1': 3, 'ap-south-1': 3, 'ap-south-2': 3, 'ap-northeast-1': 3, 'ap-northeast-2': 4, 'ap-northeast-3': 3,
  'ap-southeast-1': 3, 'ap-southeast-2': 3, 'ap-southeast-3': 3, 'ap-southeast-4': 3, 'ap-southeast-5': 3, 'ap-southeast-7': 3,
  'me-south-1': 3, 'me-central-1': 3, 'il-central-1': 3, 'af-south-1': 3,
  'us-gov-west-1': 3, 'us-gov-east-1': 3, 'cn-north-1': 3, 'cn-northwest-1': 3,
};

/** A VPC spans no more availability zones than its region has. */
export const availabilityZonesExist: Rule = {
  code: 'LZ0507',
  name: 'availability-zones-exist',
  check(context) {
    const network = context.config.network;
    if (!network) return [];
    const region = network.region ?? context.config.organization.homeRegion;
    const available = AZ_COUNT_BY_REGION[region];
    const definitions = networkAllocation(context).definitions;
    if (available === undefined)
      return definitions.length === 0 ? [] : [warning(this.code, network.region !== undefined ? ['network', 'region'] : ['organization', 'homeRegion'],
        `lz does not know how many availability zones ${region} has, so the azCount of its VPCs is not checked.`,
        'Check the azCount of each VPC against the region yourself, or report the region to lz so it can be added.')];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of definitions) {
      const azCount = d.fields.azCount ?? 2;
      const at = d.yamlPath.join('.');
      // A VPC placed in a further region (network.regions) is held to that region's zones.
      const vpcRegion = vpcRegionOf(context.config, d.fields);
      const zones = AZ_COUNT_BY_REGION[vpcRegion] ?? azCount;
      if (azCount <= zones || seen.has(at)) continue;
      seen.add(at);
      findings.push(error(this.code, [...d.yamlPath, 'azCount'], `${d.id} asks for ${azCount} availability zones; ${vpcRegion} offers ${zones} to a new account.`,
        `Use an azCount of at most ${zones}.`));
    }
    return findings;
  },
};
