import { error, type Finding } from '../config/diagnostics';
import { networkAllocation } from './network-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * What the schema cannot say about a network ACL entry, checked as EC2 CreateNetworkAclEntry
 * does: a rule number once per direction; ports with tcp and udp only (and required there, from
 * <= to); ICMP type and code with icmp and icmpv6 only; exactly one CIDR, IPv6 for icmpv6.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html
 */
export const networkAclRulesAreValid: Rule = {
  code: 'LZ0543',
  name: 'network-acl-rules-are-valid',
  check(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const d of networkAllocation(context).definitions)
      for (const [tier, t] of sortedEntries(d.fields.subnets ?? {})) {
        if (t.networkAcl === undefined) continue;
        const base = [...d.yamlPath, 'subnets', tier, 'networkAcl'];
        if (seen.has(base.join('.'))) continue;
        seen.add(base.join('.'));
        for (const direction of ['ingress', 'egress'] as const) {
          const first = new Map<number, number>();
          t.networkAcl[direction].forEach((r, i) => {
            const path = [...base, direction, i];
            const where = `The ${direction} rule ${r.rule} of tier ${tier} of ${d.id}`;
            const bad = (field: string, message: string, fix: string) => findings.push(error(this.code, [...path, field], `${where} ${message}`, fix));
            const earlier = first.get(r.rule);
            if (earlier !== undefined) bad('rule', `is numbered like the ${direction} entry at index ${earlier}; a rule number names one entry per direction.`, 'Give every rule of the direction its own number (leaving gaps, e.g. 100, 110, 120, makes later inserts easy).');
            else first.set(r.rule, i);
            if ((r.cidr === undefined) === (r.ipv6Cidr === undefined)) bad(r.cidr === undefined ? 'rule' : 'ipv6Cidr', `gives ${r.cidr === undefined ? 'neither cidr nor ipv6Cidr' : 'both cidr and ipv6Cidr'}.`, 'Give exactly one of cidr (IPv4) or ipv6Cidr; write two rules to match both families.');
            if (r.protocol === 'icmpv6' && r.cidr !== undefined) bad('cidr', `matches icmpv6 from the IPv4 range ${r.cidr}.`, 'Use ipv6Cidr with icmpv6, or protocol icmp for IPv4.');
            const ports = r.protocol === 'tcp' || r.protocol === 'udp';
            if (ports && r.fromPort === undefined) bad('fromPort', `is ${r.protocol} without fromPort.`, 'Give fromPort (and toPort for a range), e.g. fromPort: 443.');
            if (!ports && (r.fromPort !== undefined || r.toPort !== undefined)) bad(r.fromPort !== undefined ? 'fromPort' : 'toPort', `gives ports for protocol ${r.protocol}, which has none.`, 'Remove fromPort and toPort, or use protocol tcp or udp.');
            if (ports && r.fromPort !== undefined && r.toPort !== undefined && r.toPort < r.fromPort) bad('toPort', `has toPort ${r.toPort} below fromPort ${r.fromPort}.`, 'Give the range low to high.');
            const icmp = r.protocol === 'icmp' || r.protocol === 'icmpv6';
            if (!icmp && (r.icmpType !== undefined || r.icmpCode !== undefined)) bad(r.icmpType !== undefined ? 'icmpType' : 'icmpCode', `gives an ICMP type or code for protocol ${r.protocol}.`, 'Remove icmpType and icmpCode, or use protocol icmp or icmpv6.');
          });
        }
      }
    return findings;
  },
};
