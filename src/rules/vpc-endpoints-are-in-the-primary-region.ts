import { error, type Finding } from '../config/diagnostics';
import { primaryRegion, vpcRegionOf } from '../model/network/regions';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * VPC endpoints are built for the primary region only: their service names and the central
 * endpoints' private hosted zones name that region, so a VPC placed in a further region with
 * `endpoints` would get endpoints of services that do not exist where it is.
 */
export const vpcEndpointsAreInThePrimaryRegion: Rule = {
  code: 'LZ0557',
  name: 'vpc-endpoints-are-in-the-primary-region',
  check(context) {
    const { config } = context;
    if (!config.network?.regions) return [];
    const primary = primaryRegion(config);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const region = vpcRegionOf(config, d.fields);
      const at = d.yamlPath.join('.');
      if (d.fields.endpoints === undefined || region === primary || seen.has(at)) continue;
      seen.add(at);
      findings.push(error(this.code, [...d.yamlPath, 'endpoints'], `${d.id} is in ${region}, but lz builds VPC endpoints (and the central endpoints' zones) for the primary region ${primary} only.`,
        `Remove \`endpoints\` from ${d.id}, or place the VPC in ${primary}.`));
    }
    return findings;
  },
};
