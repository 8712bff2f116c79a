import { error } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

const isPrivate = (asn: number) => (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294);

/** The Amazon side ASN of every Transit Gateway (the primary and each of `network.regions`) must be a private ASN (RFC 6996). */
export const tgwAsnIsPrivate: Rule = {
  code: 'LZ0509',
  name: 'tgw-asn-is-private',
  check({ config }) {
    const network = config.network;
    if (!network) return [];
    const asns: Array<[number, string[]]> = [
      [network.transitGateway.asn, ['network', 'transitGateway', 'asn']],
      ...sortedEntries(network.regions).map(([region, r]): [number, string[]] => [r.asn, ['network', 'regions', region, 'asn']]),
    ];
    return asns.filter(([asn]) => !isPrivate(asn)).map(([asn, path]) => error(this.code, path, `The ASN ${asn} is not a private ASN; a Transit Gateway accepts 64512-65534 or 4200000000-4294967294.`,
      'Use a private ASN not used by your on-premises routers, e.g. 64512.'));
  },
};
