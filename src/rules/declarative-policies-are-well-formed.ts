import { error, type Finding } from '../config/diagnostics';
import { declarativePolicyIssues } from '../model/declarative-policy';
import { sortedEntries, type Rule } from './rule';

/**
 * A DECLARATIVE_POLICY_EC2 written as `content` follows the declarative policy syntax: only the
 * attributes EC2 supports, only their fields, values AWS accepts, and the inheritance operators.
 * AWS refuses anything else at CreatePolicy, after the other stacks of the wave have applied; the
 * structured `ec2:` form is checked by the schema and compiles to a valid document.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
export const declarativePoliciesAreWellFormed: Rule = {
  code: 'LZ0210',
  name: 'declarative-policies-are-well-formed',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.policies)) {
      if (policy.type !== 'DECLARATIVE_POLICY_EC2' || policy.content === undefined) continue;
      for (const issue of declarativePolicyIssues(policy.content))
        findings.push(error(this.code, ['policies', key, 'content', ...issue.path], `In the declarative policy \`${key}\`: ${issue.message}`, issue.fix, issue.atKey ?? false));
    }
    return findings;
  },
};
