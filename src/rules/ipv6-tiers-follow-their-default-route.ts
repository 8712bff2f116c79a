import { error, type Finding } from '../config/diagnostics';
import { azCountOf } from '../model/network/resolve';
import { IPV6_SUBNETS_PER_VPC } from '../model/network/subnets';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * IPv6 goes only where org.yaml sends IPv4: an IPv6 tier's `::/0` follows its defaultRoute
 * (internet gateway, egress-only gateway, or nothing). A transit-gateway tier cannot: its
 * attachment carries no IPv6 and the segments route IPv4 only, so IPv6 there would be a path no
 * TGW route table decides. A tier needs the VPC's /56 for its /64s, which holds 256 of them.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-migrate-ipv6.html
 */
export const ipv6TiersFollowTheirDefaultRoute: Rule = {
  code: 'LZ0544',
  name: 'ipv6-tiers-follow-their-default-route',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      if (seen.has(d.yamlPath.join('.'))) continue;
      seen.add(d.yamlPath.join('.'));
      const tiers = sortedEntries(d.fields.subnets ?? {});
      for (const [tier, t] of tiers) {
        const path = [...d.yamlPath, 'subnets', tier];
        if (t.ipv6 === true && d.fields.ipv6 !== true)
          findings.push(error(this.code, [...path, 'ipv6'], `The tier ${tier} of ${d.id} asks for IPv6, but the VPC has no IPv6 block.`, 'Set ipv6: true on the VPC, or remove ipv6 from the tier.'));
        if (t.ipv6 === true && t.defaultRoute === 'transit-gateway')
          findings.push(error(this.code, [...path, 'ipv6'], `The tier ${tier} of ${d.id} has IPv6 and defaultRoute: transit-gateway; the Transit Gateway attachment and segments here carry IPv4 only, so ::/0 has nowhere org.yaml decides to go.`,
            'Remove ipv6 from the tier, or give it defaultRoute internet, nat or none.'));
        if (t.assignIpv6AddressOnCreation === true && t.ipv6 !== true)
          findings.push(error(this.code, [...path, 'assignIpv6AddressOnCreation'], `The tier ${tier} of ${d.id} assigns IPv6 addresses on creation but has no IPv6 subnets.`, 'Set ipv6: true on the tier, or remove assignIpv6AddressOnCreation.'));
      }
      const subnets = tiers.filter(([, t]) => t.ipv6 === true).length * azCountOf(d.fields);
      if (d.fields.ipv6 === true && subnets > IPV6_SUBNETS_PER_VPC)
        findings.push(error(this.code, [...d.yamlPath, 'ipv6'], `${d.id} has ${subnets} IPv6 subnets; its /56 holds ${IPV6_SUBNETS_PER_VPC} /64s.`, 'Give IPv6 to fewer tiers.'));
    }
    return findings;
  },
};
