import { error, type Finding } from '../config/diagnostics';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * A `nat` tier needs a public tier (defaultRoute internet) for its NAT gateways, a tier has one
 * default route, and the
 * attachment tier must not be public: the TGW's network interfaces would sit behind an internet route.
 */
export const subnetTierRoutesAreConsistent: Rule = {
  code: 'LZ0514',
  name: 'subnet-tier-routes-are-consistent',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const at = d.yamlPath.join('.');
      if (seen.has(at)) continue;
      seen.add(at);
      const tiers = Object.entries(d.fields.subnets ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
      const hasPublic = tiers.some(([, t]) => t.defaultRoute === 'internet');
      for (const [key, t] of tiers) {
        if (t.defaultRoute === 'nat' && !hasPublic)
          findings.push(error(this.code, [...d.yamlPath, 'subnets', key, 'defaultRoute'], `The tier ${key} of ${d.id} routes to a NAT gateway, but the VPC has no public tier (defaultRoute: internet) to hold one.`,
            'Add a public tier with defaultRoute: internet, or route this tier elsewhere.'));
        if (t.defaultRoute !== 'none' && t.transitGatewayDestinations.includes('0.0.0.0/0'))
          findings.push(error(this.code, [...d.yamlPath, 'subnets', key, 'transitGatewayDestinations'], `The tier ${key} of ${d.id} has defaultRoute: ${t.defaultRoute} and also sends 0.0.0.0/0 to the Transit Gateway.`,
            'Use defaultRoute: transit-gateway for a default route to the Transit Gateway, and list only narrower CIDRs here.'));
        if (key === d.fields.attachmentTier && t.defaultRoute === 'internet')
          findings.push(error(this.code, [...d.yamlPath, 'subnets', key, 'defaultRoute'], `The attachment tier ${key} of ${d.id} is public (defaultRoute: internet).`,
            'Use a small private tier (e.g. /28, defaultRoute: none) for the Transit Gateway attachment.'));
      }
    }
    return findings;
  },
};
