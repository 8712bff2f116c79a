import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/**
 * What Network Firewall orders or names rules by must be unique: the signature id of each
 * 5-tuple rule in its group (it names the rule in alert logs), the priority of each stateless
 * rule in its group, and the priority of each group in the policy among stateless groups (always
 * required) and stateful groups (required with STRICT_ORDER, where it is the evaluation order).
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/rule-group-managing.html
 */
export const firewallRuleIdsAreUnique: Rule = {
  code: 'LZ0528',
  name: 'firewall-rule-ids-are-unique',
  check(context) {
    const inspection = context.config.network?.inspection;
    if (!inspection) return [];
    const findings: Finding[] = [];
    const base = ['network', 'inspection', 'ruleGroups'];
    const duplicates = <T>(entries: Array<[string, T]>, value: (t: T) => number, report: (key: string, other: string, v: number) => void) => {
      const seen = new Map<number, string>();
      for (const [key, t] of entries) {
        const v = value(t);
        const other = seen.get(v);
        if (other !== undefined) report(key, other, v);
        else seen.set(v, key);
      }
    };
    const strict = inspection.policy.ruleOrder === 'STRICT_ORDER';
    const groups = sortedEntries(inspection.ruleGroups);
    for (const [key, g] of groups) {
      duplicates(sortedEntries(g.rules), (r) => r.sid, (rule, other, sid) =>
        findings.push(error(this.code, [...base, key, 'rules', rule, 'sid'], `The rules ${other} and ${rule} of rule group ${key} both have sid ${sid}.`, 'Give every rule of the group its own sid.')));
      duplicates(sortedEntries(g.stateless), (r) => r.priority, (rule, other, priority) =>
        findings.push(error(this.code, [...base, key, 'stateless', rule, 'priority'], `The stateless rules ${other} and ${rule} of rule group ${key} both have priority ${priority}.`, 'Give every stateless rule of the group its own priority.')));
      const needsPriority = g.stateless !== undefined || strict;
      if (needsPriority && g.priority === undefined)
        findings.push(error(this.code, [...base, key], `The rule group ${key} has no priority; ${g.stateless ? 'a stateless group' : 'a stateful group under ruleOrder: STRICT_ORDER'} needs one to take its place in the firewall policy.`,
          'Add priority: <1-65535> to the rule group (lower runs first).', true));
    }
    for (const stateless of [true, false]) {
      if (!stateless && !strict) continue;
      duplicates(groups.filter(([, g]) => (g.stateless !== undefined) === stateless && g.priority !== undefined), (g) => g.priority!, (key, other, priority) =>
        findings.push(error(this.code, [...base, key, 'priority'], `The ${stateless ? 'stateless' : 'stateful'} rule groups ${other} and ${key} both have priority ${priority} in the firewall policy.`, 'Give every group of the kind its own priority.')));
    }
    return findings;
  },
};
