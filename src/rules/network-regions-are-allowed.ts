import { error, type Finding } from '../config/diagnostics';
import { primaryRegion } from '../model/network/regions';
import { checkRegion } from '../model/regions';
import { sortedEntries, type Rule } from './rule';

/**
 * Every further region of the network exists in the organization's partition, is one the
 * organization allows (the same set LZ0501 holds `network.region` to), and is not the primary
 * region again: a Transit Gateway where workloads may not run, or one in a region the
 * deny-unapproved-regions guardrail blocks, fails at apply or is never used.
 */
export const networkRegionsAreAllowed: Rule = {
  code: 'LZ0550',
  name: 'network-regions-are-allowed',
  check({ config }) {
    const network = config.network;
    if (!network?.regions) return [];
    const { partition, homeRegion, allowedRegions } = config.organization;
    const allowed = [...new Set([homeRegion, ...allowedRegions])].sort();
    const primary = primaryRegion(config);
    const findings: Finding[] = [];
    // Further regions are Transit Gateways peered with the primary one: a network without one has none to peer.
    if (!network.transitGateway.enabled && Object.keys(network.regions).length > 0)
      findings.push(error(this.code, ['network', 'regions'], 'network.regions adds Transit Gateways peered with the primary one, but network.transitGateway.enabled is false.',
        'Remove network.regions, or enable the Transit Gateway.', true));
    for (const [region] of sortedEntries(network.regions)) {
      const path = ['network', 'regions', region];
      const found = checkRegion(region, partition);
      if (!found.ok)
        findings.push(error(this.code, path, found.reason === 'other-partition'
          ? `The region ${region} belongs to the ${found.partition} partition, but organization.partition is ${partition}.`
          : `"${region}" is not a region of the ${partition} partition.`,
          found.reason === 'unknown' && found.suggestion !== undefined ? `Did you mean \`${found.suggestion}\`?` : `Use a region of ${partition}.`, true));
      else if (region === primary)
        findings.push(error(this.code, path, `${region} is the primary region of the network (network.region), so it would get a second Transit Gateway peered with its own.`,
          `Remove ${region} from network.regions; the primary region's Transit Gateway is set by network.transitGateway.`, true));
      else if (!allowed.includes(region))
        findings.push(error(this.code, path, `The region ${region} is not one the organization allows (${allowed.join(', ')}), so its Transit Gateway would be built where workloads may not run.`,
          `Add ${region} to organization.allowedRegions, or remove it from network.regions.`, true));
    }
    return findings;
  },
};
