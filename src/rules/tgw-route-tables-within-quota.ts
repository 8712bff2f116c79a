import { warning } from '../config/diagnostics';
import { isMultiRegion } from '../model/network/regions';
import type { Rule } from './rule';

/** AWS quota "Transit gateway route tables per transit gateway": 20 by default (adjustable). */
export const tgwRouteTablesWithinQuota: Rule = {
  code: 'LZ0508',
  name: 'tgw-route-tables-within-quota',
  check({ config }) {
    const segments = Object.keys(config.network?.segments ?? {}).length;
    // A network of more than one region has a peering table in each region besides the segments'.
    const count = segments + (isMultiRegion(config) ? 1 : 0);
    if (count <= 20) return [];
    return [warning(this.code, ['network', 'segments'], `${segments} segments${count > segments ? ' and the peering table' : ''} need ${count} Transit Gateway route tables; the default quota is 20 per Transit Gateway.`,
      'Request a quota increase (Service Quotas: "Transit gateway route tables per transit gateway") before applying, or merge segments.', true)];
  },
};
