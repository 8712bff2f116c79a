import { error, type Finding } from '../config/diagnostics';
import { primaryRegion } from '../model/network/regions';
import type { Rule } from './rule';

/**
 * Three network features are built for a network of one region only, and a network with
 * `network.regions` is built by a different path that does not build them: the IPAM's pools have
 * the primary region as their only locale, the central endpoints' zones and security group name
 * the primary region, and the inspection routes and firewall exist in the primary region's tables
 * only, so a spoke of a further region would bypass inspection it was declared to get. Each is
 * refused rather than left silently unbuilt or half-built.
 */
export const singleRegionNetworkFeaturesHaveOneRegion: Rule = {
  code: 'LZ0558',
  name: 'single-region-network-features-have-one-region',
  check({ config }) {
    const network = config.network;
    if (!network?.regions || Object.keys(network.regions).length === 0) return [];
    const primary = primaryRegion(config);
    const further = Object.keys(network.regions).sort().join(', ');
    const findings: Finding[] = [];
    const features = [
      ['ipam', 'VPC IPAM'],
      ['centralEndpoints', 'central interface endpoints'],
      ['inspection', 'inspection by AWS Network Firewall'],
    ] as const;
    for (const [key, what] of features)
      if (network[key] !== undefined)
        findings.push(error(this.code, ['network', key], `network.${key} (${what}) is built for a network of one region, but network.regions adds ${further} to the primary region ${primary}.`,
          `Remove network.${key}, or remove network.regions and keep the network in ${primary}.`));
    return findings;
  },
};
