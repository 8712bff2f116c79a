import { error, type Finding } from '../config/diagnostics';
import { block, contains } from '../model/network/cidr';
import { inspectedSegments, inspectionVpc } from './inspection-facts';
import type { Rule } from './rule';

/**
 * The inspection VPC needs two private tiers: the attachment tier, whose routes the firewall
 * sets (everything to the endpoint of its zone, so it must declare no route of its own), and a
 * separate firewall tier for the endpoints (a subnet of at least /28 each), whose default route
 * goes back to the Transit Gateway or, for north-south traffic, to the NAT gateways. A firewall
 * tier that leaves through NAT must send the internal ranges back to the Transit Gateway, or
 * replies to the spokes would go out to the internet.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/vpc-config-subnets.html
 */
export const inspectionVpcHasFirewallTiers: Rule = {
  code: 'LZ0521',
  name: 'inspection-vpc-has-firewall-tiers',
  check(context) {
    const inspection = context.config.network?.inspection;
    const vpc = inspectionVpc(context);
    if (!inspection || !vpc) return [];
    const findings: Finding[] = [];
    const tiers = vpc.fields.subnets ?? {};
    const at = vpc.yamlPath;
    const firewall = tiers[inspection.firewallTier];
    if (!firewall) {
      const known = Object.keys(tiers).sort();
      findings.push(error(this.code, ['network', 'inspection', 'firewallTier'], `The firewall tier "${inspection.firewallTier}" is not a subnet tier of the inspection VPC ${vpc.id} (its tiers: ${known.join(', ') || 'none'}).`,
        `Add a tier for the firewall endpoints (e.g. firewall: { prefixLength: 28, defaultRoute: transit-gateway }) to ${at.join('.')}.subnets, or name an existing one.`));
      return findings;
    }
    if (inspection.firewallTier === vpc.fields.attachmentTier) {
      findings.push(error(this.code, ['network', 'inspection', 'firewallTier'], `The firewall tier ${inspection.firewallTier} of ${vpc.id} is also its attachment tier: the attachment subnets must route to the firewall endpoints, which need subnets of their own.`,
        'Give the firewall endpoints a separate tier (e.g. firewall: { prefixLength: 28 }), next to the attachment tier.'));
      return findings;
    }
    const attachment = vpc.fields.attachmentTier !== undefined ? tiers[vpc.fields.attachmentTier] : undefined;
    if (attachment && (attachment.defaultRoute !== 'none' || attachment.transitGatewayDestinations.length > 0))
      findings.push(error(this.code, [...at, 'subnets', vpc.fields.attachmentTier!], `The attachment tier ${vpc.fields.attachmentTier} of the inspection VPC ${vpc.id} declares routes (defaultRoute: ${attachment.defaultRoute}${attachment.transitGatewayDestinations.length > 0 ? `, transitGatewayDestinations: ${attachment.transitGatewayDestinations.join(', ')}` : ''}); its traffic must go to the firewall endpoint of its zone.`,
        'Leave the attachment tier without defaultRoute and transitGatewayDestinations: the tool routes it to the firewall.'));
    // The tier's size is its prefixLength, or the sizes of its explicit subnet CIDRs.
    const sizes = firewall.prefixLength !== undefined ? [firewall.prefixLength] : Object.values(firewall.cidrs ?? {}).map((c) => block(c).prefixLength);
    const smallest = Math.max(0, ...sizes);
    if (smallest > 28)
      findings.push(error(this.code, [...at, 'subnets', inspection.firewallTier, firewall.prefixLength !== undefined ? 'prefixLength' : 'cidrs'], `The firewall tier ${inspection.firewallTier} of ${vpc.id} has /${smallest} subnets; a firewall endpoint needs a subnet of at least /28.`,
        'Use /28 subnets (or larger, with a smaller prefix length).'));
    if (firewall.defaultRoute !== 'transit-gateway' && firewall.defaultRoute !== 'nat')
      findings.push(error(this.code, [...at, 'subnets', inspection.firewallTier, 'defaultRoute'], `The firewall tier ${inspection.firewallTier} of ${vpc.id} has defaultRoute: ${firewall.defaultRoute}; inspected traffic leaves the firewall to the Transit Gateway (east-west) or to the NAT gateways (north-south).`,
        'Use defaultRoute: transit-gateway, or nat with a public tier when segments send internet traffic through inspection.'));
    if (firewall.defaultRoute === 'nat') {
      const back = firewall.transitGatewayDestinations.map(block);
      const missing = inspection.internalRanges.filter((r) => !back.some((b) => contains(b, block(r))));
      if (missing.length > 0)
        findings.push(error(this.code, [...at, 'subnets', inspection.firewallTier, 'transitGatewayDestinations'], `The firewall tier ${inspection.firewallTier} of ${vpc.id} sends 0.0.0.0/0 to NAT but does not send the internal range(s) ${missing.join(', ')} back to the Transit Gateway, so inspected traffic to the spokes would leave for the internet.`,
          `Add ${missing.join(', ')} to the firewall tier's transitGatewayDestinations.`));
    }
    if (firewall.defaultRoute === 'transit-gateway' && inspectedSegments(context).some((s) => context.config.network!.segments[s]!.inspection?.northSouth))
      findings.push(error(this.code, [...at, 'subnets', inspection.firewallTier, 'defaultRoute'], `Segments send internet traffic through inspection, but the firewall tier ${inspection.firewallTier} of ${vpc.id} routes 0.0.0.0/0 back to the Transit Gateway: north-south traffic would loop and be dropped.`,
        'Use defaultRoute: nat for the firewall tier, with a public tier (defaultRoute: internet) for the NAT gateways.'));
    return findings;
  },
};
