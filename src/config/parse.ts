import type { z } from 'zod';
import { error, show, type Finding, type YamlPath } from './diagnostics';
import { OrgConfigSchema, type OrgConfig } from './schema';

export type ParseResult = {
  readonly config?: OrgConfig;
  readonly findings: Finding[];
  /** When the document does not parse: the issues, from which the part that parses can be recovered. */
  readonly issues?: readonly z.core.$ZodIssue[];
};

/** Runs the strict schema over the loaded data and turns every zod issue into a finding. */
export function parseConfig(data: unknown): ParseResult {
  const result = OrgConfigSchema.safeParse(data);
  if (result.success) return { config: result.data, findings: [] };
  const findings = result.error.issues.flatMap((issue) => issueToFindings(issue, data));
  return { findings, issues: result.error.issues };
}

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: YamlPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${show(value)}`;
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  record: 'a mapping',
};

function issueToFindings(issue: Issue, data: unknown): Finding[] {
  const path = issue.path as YamlPath;
  const received = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (received === undefined) {
        const key = path[path.length - 1];
        return [error('LZ0012', path, `The required key \`${String(key)}\` is missing.`, `Add \`${String(key)}:\` with ${expected}.`)];
      }
      if (issue.expected === 'string' && (typeof received === 'number' || typeof received === 'boolean')) {
        const note = typeof received === 'number' ? ' (an unquoted number loses leading zeros: quote account ids)' : ' (YAML reads yes/no/on/off/true/false unquoted as booleans)';
        return [error('LZ0010', path, `Expected a string, received ${typeName(received)}${note}.`, 'Put the value in double quotes, e.g. "012345678901".')];
      }
      return [error('LZ0010', path, `Expected ${expected}, received ${typeName(received)}.`, `Write ${expected} here.`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(path);
        const suggestion = closest(key, known);
        const fix = suggestion
          ? `Did you mean \`${suggestion}\`? Rename the key, or remove it.`
          : `Remove it; the keys allowed here are: ${known.join(', ') || '(none)'}.`;
        return error('LZ0011', [...path, key], `Unknown key \`${key}\`.`, fix, true);
      });
    case 'invalid_value':
      return [error('LZ0013', path, `${show(received)} is not allowed here.`, `Use one of: ${issue.values.map((v) => String(v)).join(', ')}.`)];
    case 'invalid_key': {
      const key = path[path.length - 1];
      const why = issue.issues.map((i) => i.message).join('; ');
      return [error('LZ0014', path, `The key ${show(key)} is not valid: ${why}.`, 'Rename the key to match that pattern.', true)];
    }
    case 'too_small':
      return [error('LZ0013', path, `${show(received)} is too short or too small: ${issue.message}.`, 'Give at least the minimum required here.')];
    case 'too_big':
      return [error('LZ0013', path, `${show(received)} is too long or too large: ${issue.message}.`, 'Stay within the maximum allowed here.')];
    case 'invalid_format':
      return [error('LZ0013', path, `${show(received)} is not valid: ${issue.message}.`, 'Change the value to match the expected format.')];
    case 'invalid_union': {
      // Prefer the branch whose errors went deepest: it is the one the user was writing.
      const branches = issue.errors.filter((b) => b.length > 0);
      const deepest = branches.sort((a, b) => depth(b) - depth(a))[0];
      if (deepest && depth(deepest) > path.length) return deepest.flatMap((i) => issueToFindings(i, data));
      return [error('LZ0010', path, `${typeName(received)} does not fit here: ${issue.message}.`, 'Check the reference of this key in docs/reference/org-yaml.md.')];
    }
    default:
      return [error('LZ0013', path, `${show(received)} is not valid: ${issue.message}.`, 'Check the reference of this key in docs/reference/org-yaml.md.')];
  }
}

function depth(issues: readonly Issue[]): number {
  return Math.max(...issues.map((i) => i.path.length));
}

type SchemaDef = Record<string, unknown> & { type: string };
const defOf = (s: unknown): SchemaDef => (s as { _zod: { def: SchemaDef } })._zod.def;

function unwrap(s: unknown): unknown {
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType;
    else if (def.type === 'lazy') s = (def.getter as () => unknown)();
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
  return s;
}

/** The schema of the value at `path` (wrappers removed), or undefined where the path leaves the schema. */
export function schemaAt(path: YamlPath): SchemaDef | undefined {
  let schema: unknown = OrgConfigSchema;
  for (const segment of path) {
    const def = defOf(unwrap(schema));
    if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[String(segment)];
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return undefined;
    if (schema === undefined) return undefined;
  }
  return defOf(unwrap(schema));
}

/** The keys a strict object at `path` accepts, found by walking the schema. */
export function knownKeys(path: YamlPath): string[] {
  const def = schemaAt(path);
  return def?.type === 'object' ? Object.keys(def.shape as object).sort() : [];
}

/** The known key closest to a typo, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
