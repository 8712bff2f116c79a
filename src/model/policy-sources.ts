import type { PolicyFileStatements } from '../config/policy-files';
import type { OrgConfig } from '../config/schema';
import type { PolicyStatement } from '../config/schema/common';
import { compileEc2Declarative } from './declarative-policy';
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
  const chosen = policy.guardrail !== undefined ? [[policy.guardrail, policy.parameters]] as const : Object.entries(policy.guardrails ?? {});
  if (chosen.length === 0) return undefined;
  const facts = guardrailFactsOf(config);
  const out: PolicyStatement[] = [];
  for (const [name, parameters] of chosen) {
    const g = GUARDRAILS.get(name);
    const parsed = g?.parameters.safeParse(parameters ?? {});
    if (!g || !parsed?.success) return undefined;
    out.push(...g.statements(parsed.data, facts));
  }
  return out;
}

/** The catalog guardrails a policy uses, with their raw parameters and where they are written. */
export function guardrailUses(policy: OrgConfig['policies'][string]): Array<{ name: string; parameters: unknown; path: Array<string> }> {
  if (policy.guardrail !== undefined) return [{ name: policy.guardrail, parameters: policy.parameters, path: ['guardrail'] }];
  return Object.entries(policy.guardrails ?? {}).map(([name, parameters]) => ({ name, parameters, path: ['guardrails', name] }));
}

/**
 * The document of a policy type with its own syntax (tag, backup, AI opt-out, declarative): its
 * `content`, or for a declarative policy written in the structured `ec2:` form, that form compiled.
 */
export function policyContent(policy: OrgConfig['policies'][string]): unknown {
  return policy.ec2 !== undefined ? compileEc2Declarative(policy.ec2) : policy.content ?? {};
}
