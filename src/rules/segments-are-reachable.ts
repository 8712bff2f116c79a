import { warning } from '../config/diagnostics';
import { segmentPeers } from '../model/network/build-network';
import { carriedByInspection } from './inspection-facts';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/** A segment holding VPCs that nothing may reach is almost always a missing `reaches` entry. */
export const segmentsAreReachable: Rule = {
  code: 'LZ0510',
  name: 'segments-are-reachable',
  check(context) {
    const network = context.config.network;
    if (!network) return [];
    const definitions = networkAllocation(context).definitions;
    const routedTo = new Set(Object.values(network.segments).flatMap((s) => Object.values(s.routes).map((r) => r.vpc)));
    return sortedEntries(network.segments).flatMap(([key]) => {
      const vpcs = definitions.filter((d) => d.fields.segment === key).map((d) => d.id);
      if (vpcs.length === 0 || segmentPeers(context.config, key).length > 0 || vpcs.some((v) => routedTo.has(v)) || carriedByInspection(context, key)) return [];
      return [warning(this.code, ['network', 'segments', key], `The segment ${key} holds ${vpcs.length} VPC(s) (${vpcs.slice(0, 3).join(', ')}${vpcs.length > 3 ? ', ...' : ''}) but no segment may reach it and it does not reach itself, so their attachments carry no traffic.`,
        `List the segments it may exchange traffic with in network.segments.${key}.reaches, or set intraSegment: true.`, true)];
    });
  },
};
