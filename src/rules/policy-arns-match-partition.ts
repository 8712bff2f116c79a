import { error, type Finding, type YamlPath } from '../config/diagnostics';
import type { PolicyStatement } from '../config/schema/common';
import { STATEMENT_POLICY_TYPES } from '../model/policy-sources';
import { sortedEntries, type Rule } from './rule';

/** `arn:<partition>:`, where the partition is written out (not `*`, `?` or a `${...}` variable). */
const ARN = /^arn:([^:*?${}]*):/;

/**
 * An ARN of another partition never matches anything in this one: an SCP's Deny on it protects
 * nothing, an Allow grants nothing, a backup plan's role or vault does not exist. Every string of
 * every policy document lz deploys is checked: SCPs and RCPs (inline, from a file or a guardrail's
 * parameters), tag, backup and AI opt-out policy content, permission set inline policies.
 */
export const policyArnsMatchPartition: Rule = {
  code: 'LZ0209',
  name: 'policy-arns-match-partition',
  check({ config, statementsOf, inlinePolicyOf }) {
    const partition = config.organization.partition;
    const findings: Finding[] = [];
    const seen = new Set<string>();
    /** Walks a document; `descend` is false for statements read from a file or built by a guardrail, reported at the key naming the source. */
    const check = (value: unknown, path: YamlPath, where: string, descend: boolean) => {
      const below = (k: string | number) => (descend ? [...path, k] : path);
      if (typeof value === 'string') {
        const m = ARN.exec(value);
        const key = `${path.join('.')}\u0000${value}`;
        if (!m || m[1] === partition || seen.has(key)) return;
        seen.add(key);
        findings.push(error(this.code, path, `"${value}" in ${where} is an ARN of the ${m[1] || 'empty'} partition, but organization.partition is ${partition}: it matches nothing in this organization.`,
          `Write arn:${partition}:${value.slice(m[0].length)}.`));
      } else if (Array.isArray(value)) value.forEach((v, i) => check(v, below(i), where, descend));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) check(v, below(k), where, descend);
    };
    const statements = (list: readonly PolicyStatement[] | undefined, inYaml: boolean, base: YamlPath, where: string) => {
      if (inYaml) (list ?? []).forEach((s, i) => check(s, [...base, 'statements', i], where, true));
      else for (const s of list ?? []) check(s, base, where, false);
    };
    for (const [key, policy] of sortedEntries(config.policies)) {
      const where = `the policy \`${key}\``;
      if (!STATEMENT_POLICY_TYPES.has(policy.type)) check(policy.content ?? {}, ['policies', key, 'content'], where, true);
      else if (policy.statements) statements(policy.statements, true, ['policies', key], where);
      else statements(statementsOf(key), false, ['policies', key, policy.file !== undefined ? 'file' : policy.guardrail !== undefined ? 'guardrail' : 'guardrails'], where);
    }
    for (const [key, set] of sortedEntries(config.identityCenter?.permissionSets)) {
      const inline = set.inlinePolicy;
      if (inline === undefined) continue;
      const base = ['identityCenter', 'permissionSets', key, 'inlinePolicy'];
      const where = `the inline policy of \`${key}\``;
      if (inline.statements) statements(inline.statements, true, base, where);
      else statements(inlinePolicyOf(key), false, [...base, 'file'], where);
    }
    return findings;
  },
};
