import { error, type Finding } from '../config/diagnostics';
import { validatePolicyStatements } from '../model/policy-validation';
import { sortedEntries, type Rule } from './rule';

/**
 * The actions, resources and condition keys of a permission set's inline policy exist in the IAM
 * service reference: a typo'd action grants nothing, silently. The statement shape (Principal,
 * Action/Resource, Sids, size) is LZ0304's.
 */
export const permissionSetInlinePoliciesNameKnownActions: Rule = {
  code: 'LZ0312',
  name: 'permission-set-inline-policies-name-known-actions',
  check({ config, inlinePolicyOf }) {
    const findings: Finding[] = [];
    for (const [key, ps] of sortedEntries(config.identityCenter?.permissionSets)) {
      const statements = ps.inlinePolicy ? inlinePolicyOf(key) : undefined;
      if (!statements) continue;
      const base = ['identityCenter', 'permissionSets', key, 'inlinePolicy'];
      for (const issue of validatePolicyStatements(statements, 'identity-policy')) {
        if (issue.kind !== 'action' && issue.kind !== 'resource' && issue.kind !== 'condition') continue;
        const [index, ...rest] = issue.path;
        const inDocument = `Statement[${index}]${rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;
        findings.push(ps.inlinePolicy!.statements
          ? error(this.code, [...base, 'statements', ...issue.path], issue.message, issue.fix)
          : error(this.code, [...base, 'file'], `${inDocument} of the inline policy of \`${key}\`: ${issue.message}`, issue.fix));
      }
    }
    return findings;
  },
};
