import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/**
 * Peered Transit Gateways need distinct Amazon side ASNs: AWS refuses a peering between gateways
 * with the same ASN, and routes exchanged with on-premises would loop.
 * @see https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html
 */
export const transitGatewayAsnsAreDistinct: Rule = {
  code: 'LZ0552',
  name: 'transit-gateway-asns-are-distinct',
  check({ config }) {
    const network = config.network;
    if (!network?.regions) return [];
    const first = new Map<number, string>([[network.transitGateway.asn, 'the primary region (network.transitGateway.asn)']]);
    const findings: Finding[] = [];
    for (const [region, r] of sortedEntries(network.regions)) {
      const holder = first.get(r.asn);
      if (holder !== undefined)
        findings.push(error(this.code, ['network', 'regions', region, 'asn'], `${region}'s Transit Gateway has the ASN ${r.asn}, which ${holder} already uses; peered Transit Gateways need distinct ASNs.`,
          'Give each region its own private ASN, e.g. 64512 for the primary, 64513, 64514 for the others.'));
      else first.set(r.asn, region);
    }
    return findings;
  },
};
