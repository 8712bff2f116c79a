import type { PolicyStatement } from '../config/schema/common';
import { arnMatch, conditionsMatch, wildcardMatch, type RequestContext } from './iam-conditions';

/** A policy as evaluated: its name (as AWS shows it) and its statements. */
export interface EvaluatedPolicy {
  readonly name: string;
  readonly statements: readonly PolicyStatement[];
}

/** One level of an account's path (Root, each OU, the account) with the SCPs attached there. */
export interface PolicyLevel {
  readonly level: string;
  readonly policies: readonly EvaluatedPolicy[];
}

export interface AuthorizationRequest {
  /** `service:Action`, e.g. ec2:RunInstances. */
  readonly action: string;
  /** The resource ARN. @default "*" */
  readonly resource?: string;
  /** Condition keys of the request (aws:RequestedRegion, aws:PrincipalArn, ...). */
  readonly context: RequestContext;
}

export interface StatementRef {
  readonly policy: string;
  readonly sid: string;
}

export interface LevelDecision {
  readonly level: string;
  /** Statements that allow the request at this level. */
  readonly allowedBy: readonly StatementRef[];
  /** Statements that deny it. */
  readonly deniedBy: readonly StatementRef[];
}

export interface ScpDecision {
  readonly allowed: boolean;
  /** `explicit-deny` wins over `no-allow`; `allowed` when every level allows and nothing denies. */
  readonly reason: 'allowed' | 'explicit-deny' | 'no-allow';
  readonly levels: readonly LevelDecision[];
}

const list = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

/** Whether a statement applies to the request: action, resource and conditions all match. */
export function statementMatches(s: PolicyStatement, request: AuthorizationRequest): boolean {
  const actionHit = (patterns: readonly string[]) => patterns.some((p) => wildcardMatch(p, request.action, true));
  if (s.Action !== undefined ? !actionHit(list(s.Action)) : s.NotAction !== undefined ? actionHit(list(s.NotAction)) : true) return false;
  const resource = request.resource ?? '*';
  const resourceHit = (patterns: readonly string[]) => patterns.some((p) => p === '*' || (resource !== '*' && arnMatch(p, resource)));
  if (s.Resource !== undefined && !resourceHit(list(s.Resource))) return false;
  if (s.NotResource !== undefined && resourceHit(list(s.NotResource))) return false;
  return conditionsMatch(s.Condition, request.context);
}

/**
 * Evaluates SCPs with AWS semantics: at every level at least one attached policy must allow the
 * request, and an explicit Deny at any level wins. Pure, so users can pin their intent in tests.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
export function evaluateScps(levels: readonly PolicyLevel[], request: AuthorizationRequest): ScpDecision {
  const decisions = levels.map((l): LevelDecision => {
    const allowedBy: StatementRef[] = [];
    const deniedBy: StatementRef[] = [];
    for (const p of l.policies)
      p.statements.forEach((s, i) => {
        if (!statementMatches(s, request)) return;
        (s.Effect === 'Deny' ? deniedBy : allowedBy).push({ policy: p.name, sid: s.Sid ?? `Statement[${i}]` });
      });
    return { level: l.level, allowedBy, deniedBy };
  });
  const denied = decisions.some((d) => d.deniedBy.length > 0);
  const unallowed = decisions.some((d) => d.allowedBy.length === 0);
  return { allowed: !denied && !unallowed, reason: denied ? 'explicit-deny' : unallowed ? 'no-allow' : 'allowed', levels: decisions };
}

/** A few lines a person can read: the answer, then the level and policy responsible. */
export function explainScpDecision(decision: ScpDecision, request: AuthorizationRequest, kind: 'SCP' | 'RCP' = 'SCP'): string {
  const what = `${request.action} on ${request.resource ?? '*'}`;
  if (decision.allowed) {
    const path = decision.levels.map((l) => `${l.level} (${[...new Set(l.allowedBy.map((a) => a.policy))].join(', ')})`).join(' > ');
    return `ALLOWED: ${what} is allowed by the ${kind}s at every level: ${path}.`;
  }
  const lines = [`DENIED: ${what}`];
  for (const l of decision.levels) {
    for (const d of l.deniedBy) lines.push(`  explicit Deny at ${l.level}: policy ${d.policy}, statement ${d.sid}`);
    if (l.allowedBy.length === 0) lines.push(`  no Allow at ${l.level}: no ${kind} attached there allows the action`);
  }
  return lines.join('\n');
}
