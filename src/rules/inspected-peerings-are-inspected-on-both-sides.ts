import { error, type Finding } from '../config/diagnostics';
import { segmentPeers } from '../model/network/build-network';
import { inspectionVpc } from './inspection-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * A stateful firewall must see both directions of a flow. When a segment inspects its east-west
 * traffic, the segments it reaches lose their propagated routes to it and must send their replies
 * through the firewall too, so each of them must inspect east-west as well. The inspection
 * segment is where the firewall hands traffic back: it reaches the inspected segments by
 * propagation and is no one's peer.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-tgw-centralized.html
 */
export const inspectedPeeringsAreInspectedOnBothSides: Rule = {
  code: 'LZ0524',
  name: 'inspected-peerings-are-inspected-on-both-sides',
  check(context) {
    const config = context.config;
    const network = config.network;
    if (!network?.inspection) return [];
    const inspectionSegment = inspectionVpc(context)?.fields.segment;
    const findings: Finding[] = [];
    for (const [key, segment] of sortedEntries(network.segments)) {
      if (key === inspectionSegment) {
        if (segment.reaches.length > 0 || segment.intraSegment)
          findings.push(error(this.code, ['network', 'segments', key, segment.reaches.length > 0 ? 'reaches' : 'intraSegment'], `The segment ${key} holds the inspection VPC, whose table the firewall's routing fills; it cannot also reach segments of its own.`,
            `Remove reaches and intraSegment from network.segments.${key}; the inspected segments are propagated into its table.`));
        continue;
      }
      const reachesInspection = segmentPeers(config, key).includes(inspectionSegment ?? '');
      if (reachesInspection)
        findings.push(error(this.code, ['network', 'segments', key], `The segment ${key} reaches the inspection segment ${inspectionSegment} directly, so its traffic to the firewall VPC would bypass the inspection routes.`,
          `Remove ${inspectionSegment} from the reaches of ${key} (and ${key} from ${inspectionSegment}'s); send the traffic through inspection instead.`, true));
      if (!segment.inspection?.eastWest) continue;
      for (const peer of segmentPeers(config, key)) {
        if (peer === key || peer === inspectionSegment || network.segments[peer]?.inspection?.eastWest) continue;
        findings.push(error(this.code, ['network', 'segments', key, 'inspection', 'eastWest'], `The segment ${key} inspects its east-west traffic, but the segment ${peer} it reaches does not: ${peer}'s replies would not go through the firewall, which would see half of each flow.`,
          `Set network.segments.${peer}.inspection.eastWest: true, or remove ${peer} from the reaches of ${key}.`));
      }
    }
    return findings;
  },
};
