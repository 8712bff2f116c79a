import type { PolicyStatement } from '../config/schema/common';
import { arnMatch, conditionOperatorMatches, hasConditionKey, wildcardMatch, type RequestContext } from './iam-conditions';

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
  /**
   * The request is a question rather than a recorded request: a key missing from `context`, or a
   * resource that was not given, is unknown rather than absent. A statement that needs one is
   * left out of the decision and reported as not evaluated. @default false (IAM semantics: a key
   * missing from the context is absent)
   */
  readonly partial?: boolean;
}

export interface StatementRef {
  readonly policy: string;
  readonly sid: string;
}

/** A statement of a partial request that could not be judged, and what it needs. */
export interface UnevaluatedStatement extends StatementRef {
  readonly effect: 'Allow' | 'Deny';
  /** The statement names specific resources and the request gave none. */
  readonly needsResource: boolean;
  /** Condition keys the statement tests that the request did not give, as written in the policy. */
  readonly missingKeys: readonly string[];
}

export interface LevelDecision {
  readonly level: string;
  /** Statements that allow the request at this level. */
  readonly allowedBy: readonly StatementRef[];
  /** Statements that deny it. */
  readonly deniedBy: readonly StatementRef[];
  /** Statements left out of the decision (partial requests only). */
  readonly unevaluated: readonly UnevaluatedStatement[];
}

export interface ScpDecision {
  readonly allowed: boolean;
  /** `explicit-deny` wins over `no-allow`; `allowed` when every level allows and nothing denies. */
  readonly reason: 'allowed' | 'explicit-deny' | 'no-allow';
  readonly levels: readonly LevelDecision[];
}

const list = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

export type Applicability =
  | { readonly applies: boolean }
  | { readonly applies: 'unknown'; readonly needsResource: boolean; readonly missingKeys: readonly string[] };

/**
 * Whether a statement applies to the request: action, resource and conditions all match. For a
 * partial request, a statement that no given value rules out but that needs a resource or a
 * condition key the request does not give is `unknown`.
 */
export function statementApplies(s: PolicyStatement, request: AuthorizationRequest): Applicability {
  const actionHit = (patterns: readonly string[]) => patterns.some((p) => wildcardMatch(p, request.action, true));
  if (s.Action !== undefined ? !actionHit(list(s.Action)) : s.NotAction !== undefined ? actionHit(list(s.NotAction)) : true) return { applies: false };
  const missingKeys: string[] = [];
  for (const [operator, block] of Object.entries(s.Condition ?? {}))
    for (const [key, value] of Object.entries(block)) {
      if (request.partial && !hasConditionKey(request.context, key)) missingKeys.push(key);
      else if (!conditionOperatorMatches(operator, { [key]: value }, request.context)) return { applies: false };
    }
  const resource = request.resource;
  if (resource === undefined && request.partial) {
    const specific = (s.Resource !== undefined && !list(s.Resource).includes('*')) || s.NotResource !== undefined;
    if (specific || missingKeys.length > 0) return { applies: 'unknown', needsResource: specific, missingKeys };
    return { applies: true };
  }
  const target = resource ?? '*';
  const resourceHit = (patterns: readonly string[]) => patterns.some((p) => p === '*' || (target !== '*' && arnMatch(p, target)));
  if (s.Resource !== undefined && !resourceHit(list(s.Resource))) return { applies: false };
  if (s.NotResource !== undefined && resourceHit(list(s.NotResource))) return { applies: false };
  return missingKeys.length > 0 ? { applies: 'unknown', needsResource: false, missingKeys } : { applies: true };
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
    const unevaluated: UnevaluatedStatement[] = [];
    for (const p of l.policies)
      p.statements.forEach((s, i) => {
        const ref = { policy: p.name, sid: s.Sid ?? `Statement[${i}]` };
        const verdict = statementApplies(s, request);
        if (verdict.applies === 'unknown') unevaluated.push({ ...ref, effect: s.Effect, needsResource: verdict.needsResource, missingKeys: verdict.missingKeys });
        else if (verdict.applies) (s.Effect === 'Deny' ? deniedBy : allowedBy).push(ref);
      });
    return { level: l.level, allowedBy, deniedBy, unevaluated };
  });
  const denied = decisions.some((d) => d.deniedBy.length > 0);
  const unallowed = decisions.some((d) => d.allowedBy.length === 0);
  return { allowed: !denied && !unallowed, reason: denied ? 'explicit-deny' : unallowed ? 'no-allow' : 'allowed', levels: decisions };
}

/**
 * A few lines a person can read: the answer, then the level and policy responsible, then the
 * statements that were left out because the request did not give what they test.
 */
export function explainScpDecision(decision: ScpDecision, request: AuthorizationRequest, kind: 'SCP' | 'RCP' = 'SCP'): string {
  const what = `${request.action} on ${request.resource ?? '*'}`;
  const lines: string[] = [];
  if (decision.allowed) {
    const path = decision.levels.map((l) => `${l.level} (${[...new Set(l.allowedBy.map((a) => a.policy))].join(', ')})`).join(' > ');
    lines.push(`ALLOWED: ${what} is allowed by the ${kind}s at every level: ${path}.`);
  } else {
    lines.push(`DENIED: ${what}`);
    for (const l of decision.levels) {
      for (const d of l.deniedBy) lines.push(`  explicit Deny at ${l.level}: policy ${d.policy}, statement ${d.sid}`);
      if (l.allowedBy.length === 0) lines.push(`  no Allow at ${l.level}: no ${kind} attached there allows the action`);
    }
  }
  const unevaluated = decision.levels.flatMap((l) => l.unevaluated.map((u) => ({ level: l.level, ...u })));
  if (unevaluated.length === 0) return lines.join('\n');
  lines.push('Not evaluated: the request did not give what these statements test, and the answer above leaves them out:');
  for (const u of unevaluated) {
    const needs = [...(u.needsResource ? ['a resource (--resource <arn>)'] : []), ...u.missingKeys.map((k) => `${k} (--context ${k}=<value>)`)];
    lines.push(`  ${u.effect} at ${u.level}: policy ${u.policy}, statement ${u.sid} needs ${needs.join(', ')}`);
  }
  return lines.join('\n');
}
