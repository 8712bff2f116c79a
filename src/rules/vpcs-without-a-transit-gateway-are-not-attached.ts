import { error, type Finding } from '../config/diagnostics';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * With `transitGateway.enabled: false` there is no gateway to attach to or route through: a segment,
 * an attachment tier or a route to the gateway would be a path org.yaml asks for and the network
 * cannot have, so each is an error rather than silently dropped.
 */
export const vpcsWithoutATransitGatewayAreNotAttached: Rule = {
  code: 'LZ0562',
  name: 'vpcs-without-a-transit-gateway-are-not-attached',
  check(context) {
    const network = context.config.network;
    if (!network || network.transitGateway.enabled) return [];
    const findings: Finding[] = [];
    const fix = 'Remove it, or set network.transitGateway.enabled: true to build the Transit Gateway.';
    for (const [key] of sortedEntries(network.segments))
      findings.push(error(this.code, ['network', 'segments', key], `The segment ${key} is a Transit Gateway route table, but network.transitGateway.enabled is false.`, fix, true));
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const at = d.yamlPath.join('.');
      if (seen.has(at)) continue;
      seen.add(at);
      for (const field of ['segment', 'attachmentTier'] as const)
        if (d.fields[field] !== undefined)
          findings.push(error(this.code, [...d.yamlPath, field], `${d.id} sets ${field} "${d.fields[field]}", but the network has no Transit Gateway to attach to (network.transitGateway.enabled: false).`, fix));
      for (const [tier, t] of sortedEntries(d.fields.subnets)) {
        if (t.defaultRoute === 'transit-gateway')
          findings.push(error(this.code, [...d.yamlPath, 'subnets', tier, 'defaultRoute'], `The tier ${tier} of ${d.id} sends its default route to a Transit Gateway the network does not have.`,
            'Use defaultRoute none, internet or nat, or set network.transitGateway.enabled: true.'));
        if (t.transitGatewayDestinations.length > 0)
          findings.push(error(this.code, [...d.yamlPath, 'subnets', tier, 'transitGatewayDestinations'], `The tier ${tier} of ${d.id} routes ${t.transitGatewayDestinations.join(', ')} to a Transit Gateway the network does not have.`, fix));
      }
    }
    return findings;
  },
};
