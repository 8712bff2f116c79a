import type { PolicyFileStatements } from '../config/policy-files';
import type { OrgConfig } from '../config/schema';
import type { PolicyStatement } from '../config/schema/common';
import { GUARDRAILS, type GuardrailFacts } from './guardrails';

/** Policy types whose documents are IAM statements (the others have their own syntax). */
export const STATEMENT_POLICY_TYPES: ReadonlySet<string> = new Set(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);

/** The facts of org.yaml that guardrails may use, with the home region always allowed. */
export function guardrailFactsOf(config: OrgConfig): GuardrailFacts {
  const home = config.organization.homeRegion;
  return {
    partition: config.organization.partition,
    homeRegion: home,
    allowedRegions: [home, ...[...new Set(config.organization.allowedRegions)].filter((r) => r !== home).sort()],
    accessRoleName: config.organization.accessRoleName,
  };
}

/**
 * The statements of a policy from whichever source it uses: inline, a file, or a catalog
 * guardrail. Undefined when the source is missing or invalid (a rule reports why).
 */
export function policyStatements(config: OrgConfig, files: PolicyFileStatements, key: string): readonly PolicyStatement[] | undefined {
  const policy = config.policies[key];
  if (!policy) return undefined;
  if (policy.statements) return policy.statements;
  if (policy.file !== undefined) return files.get(key);
  if (policy.guardrail !== undefined) {
    const g = GUARDRAILS.get(policy.guardrail);
    const parsed = g?.parameters.safeParse(policy.parameters ?? {});
    return g && parsed?.success ? g.statements(parsed.data, guardrailFactsOf(config)) : undefined;
  }
  return undefined;
}
