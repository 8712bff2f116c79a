import { error, warning, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { policyAttachmentRefs } from './policy-attachments';
import { sortedEntries, type Rule } from './rule';

export const policyReferencesResolve: Rule = {
  code: 'LZ0201',
  name: 'policy-references-resolve',
  check({ config, ous }) {
    const known = Object.keys(config.policies);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const ref of policyAttachmentRefs(config, ous)) {
      if (!config.policies[ref.policy]) {
        const suggestion = closest(ref.policy, known);
        findings.push(error(this.code, ref.path, `The policy \`${ref.policy}\` is not defined under policies.`,
          suggestion ? `Did you mean \`${suggestion}\`?` : 'Define it under policies, or remove it from this list.'));
        continue;
      }
      const id = `${ref.targetKind}:${ref.target}:${ref.policy}`;
      if (seen.has(id))
        findings.push(error(this.code, ref.path, `The policy \`${ref.policy}\` is attached to ${ref.target} twice.`, 'Remove the duplicate entry.'));
      seen.add(id);
    }
    return findings;
  },
};

/** A defined policy that nothing attaches is probably a forgotten guardrail. */
export const policiesAreAttached: Rule = {
  code: 'LZ0208',
  name: 'policies-are-attached',
  check({ config, ous }) {
    const used = new Set(policyAttachmentRefs(config, ous).map((r) => r.policy));
    // The quarantine policy is in use while it waits for the next new account.
    if (config.guardrails.quarantinePolicy !== undefined) used.add(config.guardrails.quarantinePolicy);
    return sortedEntries(config.policies)
      .filter(([key]) => !used.has(key))
      .map(([key]) => warning(this.code, ['policies', key], `The policy \`${key}\` is defined but attached to nothing, so it has no effect.`,
        'Attach it from organization.policies, an OU or an account, or remove it.', true));
  },
};
