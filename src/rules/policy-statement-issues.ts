import type { YamlPath } from '../config/diagnostics';
import type { OrgConfig } from '../config/schema';
import type { PolicyStatement } from '../config/schema/common';
import { validatePolicyStatements, type PolicyKind, type StatementIssue } from '../model/policy-validation';
import { sortedEntries } from './rule';

const KIND_BY_TYPE: Record<string, PolicyKind> = {
  SERVICE_CONTROL_POLICY: 'service-control-policy',
  RESOURCE_CONTROL_POLICY: 'resource-control-policy',
};

export interface LocatedIssue extends StatementIssue {
  readonly policy: string;
  /** Where to point in org.yaml: the statement element itself, or the `file`/`guardrail` line. */
  readonly location: YamlPath;
  /** `Statement[2].Action[0]` for issues inside a file or a guardrail; empty for inline statements. */
  readonly inDocument: string;
}

/** Validation issues of every SCP and RCP, located in org.yaml. */
export function policyStatementIssues(config: OrgConfig, statementsOf: (key: string) => readonly PolicyStatement[] | undefined): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const [key, policy] of sortedEntries(config.policies)) {
    const kind = KIND_BY_TYPE[policy.type];
    const statements = statementsOf(key);
    if (!kind || !statements) continue;
    for (const issue of validatePolicyStatements(statements, kind)) {
      const inline = policy.statements !== undefined;
      const [index, ...rest] = issue.path;
      out.push({
        ...issue,
        policy: key,
        location: inline ? ['policies', key, 'statements', ...issue.path] : ['policies', key, policy.file !== undefined ? 'file' : policy.guardrail !== undefined ? 'guardrail' : 'guardrails'],
        inDocument: inline ? '' : `Statement[${index}]${rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`,
      });
    }
  }
  return out;
}
