import { error, show, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { GUARDRAILS } from '../model/guardrails';
import { guardrailUses } from '../model/policy-sources';
import { sortedEntries, type Rule } from './rule';

/** A policy's `guardrail:` (or each key of `guardrails:`) names a catalog entry, and its `parameters:` match that entry's strict schema. */
export const guardrailReferencesResolve: Rule = {
  code: 'LZ0701',
  name: 'guardrail-references-resolve',
  check({ config }) {
    const findings: Finding[] = [];
    const known = [...GUARDRAILS.keys()];
    for (const [key, policy] of sortedEntries(config.policies)) {
      for (const use of guardrailUses(policy)) {
        const g = GUARDRAILS.get(use.name);
        if (!g) {
          const suggestion = closest(use.name, known);
          findings.push(error(this.code, ['policies', key, ...use.path], `"${use.name}" is not a guardrail of the catalog.`,
            suggestion ? `Did you mean \`${suggestion}\`?` : `Use one of: ${known.join(', ')}.`, use.path[0] === 'guardrails'));
          continue;
        }
        const parsed = g.parameters.safeParse(use.parameters ?? {});
        if (parsed.success) continue;
        const where = use.path[0] === 'guardrail' ? ['policies', key, 'parameters'] : ['policies', key, ...use.path];
        for (const issue of parsed.error.issues) {
          const base = [...where, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
          if (issue.code === 'unrecognized_keys') {
            const allowed = Object.keys((g.parameters as unknown as { shape?: Record<string, unknown> }).shape ?? {});
            for (const k of issue.keys) {
              const suggestion = closest(k, allowed);
              findings.push(error(this.code, [...base, k], `\`${g.name}\` has no parameter \`${k}\`.`,
                suggestion ? `Did you mean \`${suggestion}\`?` : allowed.length ? `Its parameters are: ${allowed.join(', ')}.` : `\`${g.name}\` takes no parameters; remove \`parameters:\`.`, true));
            }
          } else if (issue.code === 'invalid_type' && issue.input === undefined) {
            findings.push(error(this.code, where, `\`${g.name}\` requires the parameter \`${issue.path.join('.')}\`.`, 'Add it under `parameters:`; see the guardrail catalog in the README.', true));
          } else {
            const received = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], use.parameters);
            findings.push(error(this.code, base, `${show(received)} is not valid for \`${String(issue.path[0])}\` of \`${g.name}\`: expected ${issue.message}.`,
              'Correct the value; the README guardrail catalog lists every parameter.'));
          }
        }
      }
    }
    return findings;
  },
};
