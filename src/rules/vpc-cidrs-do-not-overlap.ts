import { error, type Finding } from '../config/diagnostics';
import { block, overlaps } from '../model/network/cidr';
import { vpcBlocks } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * All VPCs share one Transit Gateway, so two overlapping CIDRs make routes ambiguous: traffic
 * for the overlap goes to whichever attachment the route table prefers. Reserved ranges
 * (on-premises) must not be used at all.
 */
export const vpcCidrsDoNotOverlap: Rule = {
  code: 'LZ0502',
  name: 'vpc-cidrs-do-not-overlap',
  check(context) {
    const network = context.config.network;
    if (!network) return [];
    // Sorted by first address, a block can only overlap the blocks that start before it ends.
    const blocks = vpcBlocks(context).sort((x, y) => (x.block.first < y.block.first ? -1 : x.block.first > y.block.first ? 1 : x.vpcId < y.vpcId ? -1 : 1));
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (let i = 0; i < blocks.length; i += 1)
      for (let j = i + 1; j < blocks.length && blocks[j]!.block.first <= blocks[i]!.block.last; j += 1) {
        const [a, b] = blocks[i]!.vpcId < blocks[j]!.vpcId ? [blocks[i]!, blocks[j]!] : [blocks[j]!, blocks[i]!];
        if (a.vpcId === b.vpcId) continue;
        const at = b.explicit ? b : a;
        const key = `${at.yamlPath.join('.')}|${a.block.cidr}|${b.block.cidr}`;
        if (reported.has(key)) continue;
        reported.add(key);
        findings.push(error(this.code, at.yamlPath, `${a.vpcId} (${a.block.cidr}) and ${b.vpcId} (${b.block.cidr}) overlap; both attach to the same Transit Gateway, so routes to the overlap are ambiguous.`,
          'Give one of them a CIDR outside the other, or remove the explicit CIDR so it is allocated from its pool.'));
      }
    for (const [name, cidr] of sortedEntries(network.reserved))
      for (const b of blocks)
        if (overlaps(block(cidr), b.block))
          findings.push(error(this.code, b.yamlPath, `${b.vpcId} uses ${b.block.cidr}, which overlaps the reserved range ${name} (${cidr}).`,
            `Move the VPC out of ${cidr}, or shrink network.reserved.${name} if the range is no longer in use elsewhere.`));
    return findings;
  },
};
