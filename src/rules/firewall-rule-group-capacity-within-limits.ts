import { error, type Finding } from '../config/diagnostics';
import type { RuleGroupConfig } from '../config/schema/network-inspection';
import { sortedEntries, type Rule } from './rule';

/** Network Firewall quotas: a rule group's capacity, and what one firewall policy may reference of each kind. */
const MAX_GROUP_CAPACITY = 30_000;
const MAX_POLICY_CAPACITY = 30_000;

/**
 * What a rule group needs at least, as AWS counts it: a stateless rule costs the product of the
 * sizes of its match settings (an empty setting counts 1); a stateful group needs one unit per
 * rule (a Suricata line that is neither blank nor a comment, a 5-tuple rule, a domain).
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/nwfw-rule-group-capacity.html
 */
export function requiredCapacity(g: RuleGroupConfig): number {
  if (g.stateless)
    return Object.values(g.stateless).reduce((sum, r) => sum + [r.protocols, r.sources, r.destinations, r.destinationPorts].reduce((p, s) => p * Math.max(1, s.length), 1), 0);
  if (g.domains) return g.domains.targets.length;
  if (g.rules) return Object.keys(g.rules).length;
  return (g.suricata ?? '').split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#')).length;
}

/**
 * Capacity is fixed when a rule group is created (a change replaces it): it must hold the rules
 * it is given, stay within AWS's 30,000 per group, and the groups of each kind must fit the
 * firewall policy's 30,000.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/quotas.html
 */
export const firewallRuleGroupCapacityWithinLimits: Rule = {
  code: 'LZ0526',
  name: 'firewall-rule-group-capacity-within-limits',
  check(context) {
    const inspection = context.config.network?.inspection;
    if (!inspection) return [];
    const findings: Finding[] = [];
    const totals = { STATEFUL: 0, STATELESS: 0 };
    for (const [key, g] of sortedEntries(inspection.ruleGroups)) {
      const path = ['network', 'inspection', 'ruleGroups', key, 'capacity'];
      totals[g.stateless ? 'STATELESS' : 'STATEFUL'] += Math.max(0, g.capacity);
      if (g.capacity < 1 || g.capacity > MAX_GROUP_CAPACITY) {
        findings.push(error(this.code, path, `The rule group ${key} has capacity ${g.capacity}; AWS Network Firewall takes 1 to ${MAX_GROUP_CAPACITY}.`,
          `Set a capacity between 1 and ${MAX_GROUP_CAPACITY}, with room to grow (it cannot change without replacing the group).`));
        continue;
      }
      const needed = requiredCapacity(g);
      if (needed > g.capacity)
        findings.push(error(this.code, path, `The rule group ${key} has capacity ${g.capacity} but its rules need at least ${needed}.`,
          `Raise the capacity to ${needed} or more (a new capacity replaces the rule group), or split the rules into groups.`));
    }
    for (const kind of ['STATELESS', 'STATEFUL'] as const)
      if (totals[kind] > MAX_POLICY_CAPACITY)
        findings.push(error(this.code, ['network', 'inspection', 'ruleGroups'], `The ${kind.toLowerCase()} rule groups reserve ${totals[kind]} capacity units in all; one firewall policy holds at most ${MAX_POLICY_CAPACITY}.`,
          `Lower the capacities of the ${kind.toLowerCase()} groups so that they add up to ${MAX_POLICY_CAPACITY} or less.`, true));
    return findings;
  },
};
