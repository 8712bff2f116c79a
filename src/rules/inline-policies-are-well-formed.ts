import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { INLINE_POLICY_CODE } from '../config/identity-center-files';
import { renderPolicyDocument } from '../model/policy-document';
import { sortedEntries, type Rule } from './rule';

/**
 * IAM Identity Center writes the inline policy into the role it creates in each account, where IAM
 * counts at most 10,240 non-whitespace characters.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
 */
export const INLINE_POLICY_LIMIT = 10240;

/**
 * A permission set has at most one inline policy, from one source, shaped as an identity policy:
 * no Principal, an Action and a Resource in every statement, unique Sids. IAM grammar beyond
 * this (action names, condition keys) is checked by the policy grammar rules.
 */
export const inlinePoliciesAreWellFormed: Rule = {
  code: INLINE_POLICY_CODE,
  name: 'inline-policies-are-well-formed',
  check({ config, inlinePolicyOf }) {
    const findings: Finding[] = [];
    for (const [key, ps] of sortedEntries(config.identityCenter?.permissionSets)) {
      const inline = ps.inlinePolicy;
      if (inline === undefined) continue;
      const base = ['identityCenter', 'permissionSets', key, 'inlinePolicy'];
      if (inline.statements !== undefined && inline.file !== undefined) {
        findings.push(error(this.code, base, `The permission set \`${key}\` has both inline statements and an inline policy file; a permission set has at most one inline policy.`,
          'Keep one: `statements:` or `file:` (merge the statements of both into it).', true));
        continue;
      }
      if (inline.statements === undefined && inline.file === undefined) {
        findings.push(error(this.code, base, `The inline policy of \`${key}\` has no content.`, 'Add `statements:` with IAM statements, or `file:` naming a JSON policy document; or remove inlinePolicy.', true));
        continue;
      }
      const statements = inlinePolicyOf(key);
      if (statements === undefined) continue;
      const where = (i: number): YamlPath => (inline.statements ? [...base, 'statements', i] : [...base, 'file']);
      const sids = new Set<string>();
      statements.forEach((s, i) => {
        const name = s.Sid ?? `#${i}`;
        if (s.Principal !== undefined || s.NotPrincipal !== undefined)
          findings.push(error(this.code, where(i), `Statement ${name} of the inline policy of \`${key}\` has a Principal; an identity policy applies to the role's own principal.`,
            'Remove Principal (and NotPrincipal).'));
        if ((s.Action === undefined) === (s.NotAction === undefined))
          findings.push(error(this.code, where(i), `Statement ${name} of the inline policy of \`${key}\` needs exactly one of Action and NotAction.`, 'Give Action (or NotAction), not both.'));
        if ((s.Resource === undefined) === (s.NotResource === undefined))
          findings.push(error(this.code, where(i), `Statement ${name} of the inline policy of \`${key}\` needs exactly one of Resource and NotResource.`, 'Give Resource (use "*" for every resource), not both.'));
        if (s.Sid !== undefined) {
          if (sids.has(s.Sid)) findings.push(error(this.code, where(i), `The Sid "${s.Sid}" appears twice in the inline policy of \`${key}\`.`, 'Give each statement its own Sid.'));
          sids.add(s.Sid);
        }
      });
      const size = renderPolicyDocument(statements).replace(/\s/g, '').length;
      if (size > INLINE_POLICY_LIMIT)
        findings.push(error(this.code, base, `The inline policy of \`${key}\` has ${size} non-whitespace characters; IAM allows ${INLINE_POLICY_LIMIT} in the role it becomes.`,
          `Move ${size - INLINE_POLICY_LIMIT} or more characters of it into customer managed policies (customerManagedPolicies), or merge actions with wildcards.`, true));
    }
    return findings;
  },
};
