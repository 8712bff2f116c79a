import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/** The Amazon side ASN of a Transit Gateway must be a private ASN (RFC 6996). */
export const tgwAsnIsPrivate: Rule = {
  code: 'LZ0509',
  name: 'tgw-asn-is-private',
  check({ config }) {
    const asn = config.network?.transitGateway.asn;
    if (asn === undefined || (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294)) return [];
    return [error(this.code, ['network', 'transitGateway', 'asn'], `The ASN ${asn} is not a private ASN; a Transit Gateway accepts 64512-65534 or 4200000000-4294967294.`,
      'Use a private ASN not used by your on-premises routers, e.g. 64512.')];
  },
};
