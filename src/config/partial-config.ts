import type { z } from 'zod';
import type { Finding, YamlPath } from './diagnostics';
import { closest, knownKeys, schemaAt } from './parse';
import { OrgConfigSchema, type OrgConfig } from './schema';

/** Top-level sections that nothing else requires: one that does not parse can be set aside whole. */
const SEPARABLE_SECTIONS = new Set(['deployment', 'logging', 'security', 'identityCenter', 'network']);

export interface PartialConfig {
  /** The document with unknown keys and the entries that did not parse set aside; it parses. */
  readonly config: OrgConfig;
  /** YAML paths of the entries set aside. */
  readonly setAside: readonly YamlPath[];
}

/**
 * The part of a document that parses, so the semantic rules can still judge it while the schema
 * errors are reported: a typo'd key is read as the key it is closest to (or dropped), and an entry of a keyed map (an account, an OU,
 * a policy, ...) or an optional section that does not parse is set aside. Undefined when an error
 * sits where nothing can be set aside (e.g. `organization.homeRegion`).
 */
export function partialConfig(data: unknown, issues: readonly z.core.$ZodIssue[]): PartialConfig | undefined {
  let current: unknown = structuredClone(data);
  const setAside: YamlPath[] = [];
  let pending = issues;
  for (let round = 0; round < 5; round++) {
    for (const issue of pending) {
      const path = issue.path as YamlPath;
      if (issue.code === 'unrecognized_keys') {
        const parent = valueAt(current, path) as Record<string, unknown> | null;
        if (parent === null || typeof parent !== 'object') continue;
        for (const key of issue.keys) {
          // A typo of a key that is absent is read as that key, so what it holds is judged too
          // and nothing downstream reports the key as missing.
          const meant = closest(key, knownKeys(path));
          if (meant !== undefined && !(meant in parent)) parent[meant] = parent[key];
          delete parent[key];
        }
        continue;
      }
      const entry = separableEntry(path);
      if (entry === undefined) return undefined;
      if (!setAside.some((p) => isPrefix(p, entry))) setAside.push(entry);
      const parent = valueAt(current, entry.slice(0, -1));
      if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[String(entry[entry.length - 1])];
    }
    const result = OrgConfigSchema.safeParse(current);
    if (result.success) return { config: result.data, setAside };
    pending = result.error.issues;
  }
  return undefined;
}

/** The deepest entry of a keyed map on the path, else a separable top-level section. */
function separableEntry(path: YamlPath): YamlPath | undefined {
  for (let i = path.length - 1; i >= 1; i--) if (schemaAt(path.slice(0, i))?.type === 'record') return path.slice(0, i + 1);
  return path.length > 0 && SEPARABLE_SECTIONS.has(String(path[0])) ? [path[0]!] : undefined;
}

function isPrefix(prefix: YamlPath, path: YamlPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Drops the findings that only follow from setting entries aside: those inside a set-aside entry,
 * and those that name one (an account key, an OU path or one of its descendants, a policy key).
 */
export function withoutFollowOns(findings: readonly Finding[], setAside: readonly YamlPath[]): Finding[] {
  const names = setAside.flatMap((p) => {
    const key = String(p[p.length - 1]);
    if (p[0] !== 'organizationalUnits') return p.length > 1 ? [key] : [];
    return [p.filter((_, i) => i % 2 === 1).map(String).join('/')];
  });
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const mentions = escaped.length === 0 ? undefined : new RegExp(`[\`"](?:${escaped.join('|')})(?:/[^\`"]*)?[\`"]`);
  return findings.filter((f) => !setAside.some((p) => isPrefix(p, f.path)) && !(mentions?.test(`${f.message} ${f.fix}`) ?? false));
}
