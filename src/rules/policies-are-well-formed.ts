import { error, type Finding } from '../config/diagnostics';
import { canonicalJson, splitStatements } from '../model/policy-packing';
import { policyLimits } from '../model/policy-limits';
import { policyContent, STATEMENT_POLICY_TYPES } from '../model/policy-sources';
import { policyStatementIssues } from './policy-statement-issues';
import { sortedEntries, type Rule } from './rule';

const SOURCES = ['statements', 'file', 'guardrail', 'guardrails', 'content', 'ec2'] as const;

/**
 * A policy's content comes from exactly one place, of a kind its type accepts: SCPs and RCPs are
 * IAM statements (inline, a file, or a guardrail for SCPs); tag, backup and AI-services opt-out
 * policies are `content` in their own syntax; declarative policies are `content` or the structured `ec2:` form.
 */
export const policyHasOneSource: Rule = {
  code: 'LZ0202',
  name: 'policy-has-one-source',
  check({ config }) {
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.policies)) {
      const given = SOURCES.filter((s) => policy[s] !== undefined);
      const statementType = STATEMENT_POLICY_TYPES.has(policy.type);
      const allowed = statementType ? (policy.type === 'SERVICE_CONTROL_POLICY' ? ['statements', 'file', 'guardrail', 'guardrails'] : ['statements', 'file'])
        : policy.type === 'DECLARATIVE_POLICY_EC2' ? ['ec2', 'content'] : ['content'];
      if (given.length > 1)
        findings.push(error(this.code, ['policies', key], `The policy \`${key}\` has ${given.join(' and ')}.`, `Keep one of: ${allowed.join(', ')}.`, true));
      else if (given.length === 0)
        findings.push(error(this.code, ['policies', key], `The policy \`${key}\` has no content.`,
          statementType ? 'Add `statements:` with IAM statements, `file:` naming a JSON policy document, or `guardrail:` naming a catalog guardrail.'
            : policy.type === 'DECLARATIVE_POLICY_EC2' ? 'Add `ec2:` with the settings to enforce (e.g. `serialConsoleAccess: disabled`), or `content:` with the document in the declarative policy syntax.'
              : `Add \`content:\` with the ${policy.type} document.`, true));
      else if (!allowed.includes(given[0]!))
        findings.push(error(this.code, ['policies', key, given[0]!], `A ${policy.type} cannot be given as \`${given[0]}\`.`, `Use ${allowed.map((a) => `\`${a}\``).join(' or ')} for this policy type.`, true));
      if (policy.parameters !== undefined && policy.guardrail === undefined)
        findings.push(error(this.code, ['policies', key, 'parameters'], `The policy \`${key}\` has parameters but no guardrail.`, 'Add `guardrail:` naming the catalog guardrail, or remove `parameters:`.', true));
    }
    return findings;
  },
};

/**
 * Every deployed document must fit its type's size limit under the profile, or CreatePolicy fails
 * at apply. SCPs and RCPs are split into parts automatically, so only a single statement that is
 * too large by itself, or a too-large tag/backup/opt-out document, is an error.
 */
export const policyContentWithinLimit: Rule = {
  code: 'LZ0204',
  name: 'policy-content-within-limit',
  check({ config, statementsOf }) {
    const findings: Finding[] = [];
    for (const [key, policy] of sortedEntries(config.policies)) {
      const limit = policyLimits(policy.type, config.guardrails.profile).maxSize;
      if (!STATEMENT_POLICY_TYPES.has(policy.type)) {
        const size = canonicalJson(policyContent(policy)).length;
        if (size > limit)
          findings.push(error(this.code, ['policies', key], `The policy \`${key}\` is ${size} characters minified; ${policy.type} allows ${limit}.`,
            `Split it into two policies (it is ${size - limit} characters over) and attach both.`, true));
        continue;
      }
      const statements = statementsOf(key);
      if (!statements) continue;
      for (const document of splitStatements(statements, limit)) {
        if (document.length <= limit) continue;
        const sid = (JSON.parse(document) as { Statement: Array<{ Sid?: string }> }).Statement[0]!.Sid;
        findings.push(error(this.code, ['policies', key], `A statement of \`${key}\`${sid ? ` (${sid})` : ''} is ${document.length} characters minified by itself; ${policy.type} allows ${limit} (${config.guardrails.profile} profile).`,
          `Split the statement into several statements of fewer actions or resources (it is ${document.length - limit} characters over), or use wildcards.`, true));
      }
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

/** SCPs apply to the principals of the accounts they are attached to; AWS rejects Principal in them (RCPs need `"*"`). */
export const scpStatementsHaveNoPrincipal: Rule = {
  code: 'LZ0206',
  name: 'scp-statements-have-no-principal',
  check({ config, statementsOf }) {
    return policyStatementIssues(config, statementsOf)
      .filter((i) => i.kind === 'principal')
      .map((i) => error(this.code, i.location, `${i.inDocument ? `${i.inDocument} of \`${i.policy}\`: ` : ''}${i.message}`, i.fix));
  },
};
