import { parseConditionOperator } from './policy-validation';

/** Request context: condition key (any case) to one value or a list (multivalued keys). */
export type RequestContext = Readonly<Record<string, string | readonly string[]>>;

/** `*` and `?` matching, case-sensitive or not, without building a regular expression per call. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** ARN matching as IAM does it: the six colon-separated parts are matched one by one. */
export function arnMatch(pattern: string, arn: string): boolean {
  const split = (s: string) => {
    const parts = s.split(':');
    return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const a = split(arn);
  if (!p || !a) return pattern === '*' || wildcardMatch(pattern, arn);
  return p.every((part, i) => wildcardMatch(part, a[i]!));
}

function ipv4(value: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  return octets.some((o) => o > 255) ? undefined : octets.reduce((n, o) => n * 256 + o, 0);
}

function ipMatch(cidr: string, value: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const b = ipv4(base!);
  const v = ipv4(value);
  if (b === undefined || v === undefined || !(bits >= 0 && bits <= 32))
    throw new Error(`only IPv4 addresses and CIDRs are supported in IpAddress conditions (received ${cidr} and ${value})`);
  const size = 2 ** (32 - bits);
  return Math.floor(b / size) === Math.floor(v / size);
}

const date = (s: string) => (/^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s));

/** Whether one request value matches one policy value under a base (non-negated) operator. */
function baseMatch(base: string, policyValue: string, requestValue: string): boolean {
  switch (base) {
    case 'StringEquals': return policyValue === requestValue;
    case 'StringEqualsIgnoreCase': return policyValue.toLowerCase() === requestValue.toLowerCase();
    case 'StringLike': return wildcardMatch(policyValue, requestValue);
    case 'ArnEquals':
    case 'ArnLike': return arnMatch(policyValue, requestValue);
    case 'Bool': return policyValue.toLowerCase() === requestValue.toLowerCase();
    case 'NumericEquals': return Number(requestValue) === Number(policyValue);
    case 'NumericLessThan': return Number(requestValue) < Number(policyValue);
    case 'NumericLessThanEquals': return Number(requestValue) <= Number(policyValue);
    case 'NumericGreaterThan': return Number(requestValue) > Number(policyValue);
    case 'NumericGreaterThanEquals': return Number(requestValue) >= Number(policyValue);
    case 'DateEquals': return date(requestValue) === date(policyValue);
    case 'DateLessThan': return date(requestValue) < date(policyValue);
    case 'DateLessThanEquals': return date(requestValue) <= date(policyValue);
    case 'DateGreaterThan': return date(requestValue) > date(policyValue);
    case 'DateGreaterThanEquals': return date(requestValue) >= date(policyValue);
    case 'IpAddress': return ipMatch(policyValue, requestValue);
    default: throw new Error(`the condition operator ${base} is not supported by the evaluator`);
  }
}

/** Negated operators and the positive operator they negate. */
const NEGATED: Record<string, string> = {
  StringNotEquals: 'StringEquals', StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase', StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals', ArnNotLike: 'ArnLike', NumericNotEquals: 'NumericEquals', DateNotEquals: 'DateEquals', NotIpAddress: 'IpAddress',
};

/** Whether the request gives a value for the key (condition keys are case-insensitive). */
export function hasConditionKey(context: RequestContext, key: string): boolean {
  return lookup(context, key) !== undefined;
}

function lookup(context: RequestContext, key: string): readonly string[] | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === lower) return typeof v === 'string' ? [v] : v;
  return undefined;
}

/**
 * Evaluates one condition operator block with IAM semantics: keys are ANDed, policy values ORed;
 * a negated operator matches when no value matches; a missing key fails positive operators and
 * passes negated ones; `IfExists` passes a missing key; ForAnyValue/ForAllValues compare sets.
 */
export function conditionOperatorMatches(operator: string, block: Readonly<Record<string, unknown>>, context: RequestContext): boolean {
  const op = parseConditionOperator(operator);
  if (!op) throw new Error(`unknown condition operator ${operator}`);
  return Object.entries(block).every(([key, raw]) => {
    const policyValues = (Array.isArray(raw) ? raw : [raw]).map(String);
    const requestValues = lookup(context, key);
    if (op.base === 'Null') {
      const absent = requestValues === undefined || requestValues.length === 0;
      return policyValues.some((v) => (v.toLowerCase() === 'true') === absent);
    }
    const positive = NEGATED[op.base];
    const one = (rv: string) => {
      const hit = policyValues.some((pv) => baseMatch(positive ?? op.base, pv, rv));
      return positive ? !hit : hit;
    };
    if (op.set === 'ForAllValues') return (requestValues ?? []).every(one);
    if (op.set === 'ForAnyValue') return (requestValues ?? []).some(one);
    if (requestValues === undefined || requestValues.length === 0) return op.ifExists || positive !== undefined;
    return positive ? requestValues.every(one) : requestValues.some(one);
  });
}
