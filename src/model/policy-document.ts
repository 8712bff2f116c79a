import type { PolicyStatement } from '../config/schema/common';

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

const LIST_KEYS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

/**
 * Rewrites a statement into one canonical form: object keys sorted, and the order-insensitive
 * lists (actions, resources, condition values) sorted and de-duplicated. Two statements that
 * mean the same thing print the same, so reordering YAML lists never changes the output.
 */
export function canonicalStatement(statement: PolicyStatement): PolicyStatement {
  return canonicalValue(statement, '') as PolicyStatement;
}

function canonicalValue(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonicalValue(v, ''));
    if (LIST_KEYS.has(key) || items.every((v) => typeof v !== 'object')) {
      const unique = [...new Set(items.map((v) => JSON.stringify(v)))].sort();
      const parsed = unique.map((s) => JSON.parse(s) as unknown);
      return LIST_KEYS.has(key) && parsed.length === 1 ? parsed[0] : parsed;
    }
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = canonicalValue((value as Record<string, unknown>)[k], k);
    return out;
  }
  return value;
}

/** Statements in a stable order: by Sid when present, then by their canonical text. */
export function sortStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  return statements
    .map(canonicalStatement)
    .map((s) => ({ s, text: JSON.stringify(s) }))
    // Code-unit order, not localeCompare: the output must not depend on the locale of the machine.
    .sort((a, b) => byCodeUnit(a.s.Sid ?? '', b.s.Sid ?? '') || byCodeUnit(a.text, b.text))
    .map(({ s }) => s);
}

/** The minified JSON that is written into the policy's `content`; its length is what AWS limits. */
export function renderPolicyDocument(statements: readonly PolicyStatement[]): string {
  const document: PolicyDocument = { Version: '2012-10-17', Statement: sortStatements(statements) };
  return JSON.stringify(document);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
