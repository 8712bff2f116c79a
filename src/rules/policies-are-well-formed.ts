import { error, type Finding } from '../config/diagnostics';
import { renderPolicyDocument } from '../model/policy-document';
import { sortedEntries, type Rule } from './rule';

/** A policy's content comes from exactly one place: inline statements or a file. */
export const policyHasOneSource: Rule = {
  code: 'LZ0202',
  name: 'policy-has-one-source',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.policies)) {
      if (policy.statements && policy.file)
        findings.push(error(this.code, ['policies', key], `The policy \`${key}\` has both statements and a file.`, 'Keep one: inline statements or file.', true));
      else if (!policy.statements && !policy.file)
        findings.push(error(this.code, ['policies', key], `The policy \`${key}\` has no content.`, 'Add `statements:` with IAM statements, or `file:` naming a JSON policy document.', true));
    }
    return findings;
  },
};

/** Size limits for a policy's minified content, by policy type (characters). */
export const POLICY_CONTENT_LIMIT: Record<string, number> = { SERVICE_CONTROL_POLICY: 5120 };

/** The minified document must fit the policy type's limit, or CreatePolicy fails at apply. */
export const policyContentWithinLimit: Rule = {
  code: 'LZ0204',
  name: 'policy-content-within-limit',
  check({ config, statementsOf }) {
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.policies)) {
      const statements = statementsOf(key);
      if (!statements) continue;
      const size = renderPolicyDocument(statements).length;
      const limit = POLICY_CONTENT_LIMIT[policy.type]!;
      if (size > limit)
        findings.push(error(this.code, ['policies', key], `The policy \`${key}\` is ${size} characters minified; ${policy.type} allows ${limit}.`,
          `Split it into two policies of fewer statements (it is ${size - limit} characters over), or merge actions with wildcards.`, true));
    }
    return findings;
  },
};

/** CreatePolicy Description: at most 512 characters. */
export const policyDescriptionsWithinLimit: Rule = {
  code: 'LZ0205',
  name: 'policy-descriptions-within-limit',
  check({ config }) {
    return sortedEntries(config.policies)
      .filter(([, p]) => (p.description?.length ?? 0) > 512)
      .map(([key, p]) => error(this.code, ['policies', key, 'description'], `The description has ${p.description!.length} characters; AWS allows 512.`, 'Shorten the description.'));
  },
};

/** SCPs apply to the principals of the accounts they are attached to; AWS rejects Principal in them. */
export const scpStatementsHaveNoPrincipal: Rule = {
  code: 'LZ0206',
  name: 'scp-statements-have-no-principal',
  check({ config, statementsOf }) {
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.policies)) {
      if (policy.type !== 'SERVICE_CONTROL_POLICY') continue;
      (statementsOf(key) ?? []).forEach((s, i) => {
        if (s.Principal !== undefined || s.NotPrincipal !== undefined)
          findings.push(error(this.code, policy.statements ? ['policies', key, 'statements', i] : ['policies', key, 'file'],
            `Statement ${s.Sid ?? i} of \`${key}\` has a Principal; service control policies may not name principals.`,
            'Remove Principal and express the exemption with a Condition, e.g. ArnNotLike aws:PrincipalArn.'));
        if (s.Action === undefined && s.NotAction === undefined)
          findings.push(error(this.code, policy.statements ? ['policies', key, 'statements', i] : ['policies', key, 'file'],
            `Statement ${s.Sid ?? i} of \`${key}\` has neither Action nor NotAction.`, 'Add the actions the statement allows or denies.'));
      });
    }
    return findings;
  },
};
