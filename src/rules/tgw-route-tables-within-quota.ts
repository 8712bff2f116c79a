import { warning } from '../config/diagnostics';
import type { Rule } from './rule';

/** AWS quota "Transit gateway route tables per transit gateway": 20 by default (adjustable). */
export const tgwRouteTablesWithinQuota: Rule = {
  code: 'LZ0508',
  name: 'tgw-route-tables-within-quota',
  check({ config }) {
    const count = Object.keys(config.network?.segments ?? {}).length;
    if (count <= 20) return [];
    return [warning(this.code, ['network', 'segments'], `${count} segments need ${count} Transit Gateway route tables; the default quota is 20 per Transit Gateway.`,
      'Request a quota increase (Service Quotas: "Transit gateway route tables per transit gateway") before applying, or merge segments.', true)];
  },
};
