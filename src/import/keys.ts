/**
 * Keys of an imported org.yaml, derived from AWS names. A key must be valid for its section
 * (see src/config/schema: letters, digits and hyphens, a section-specific case and length) and
 * unique there. The same organization always gives the same keys: where two names map to one
 * key, each of them is suffixed with its AWS id, so one entry's key never depends on the order
 * AWS listed the others in.
 */
export interface KeyRule {
  readonly lowercase: boolean;
  readonly maxLength: number;
}

export const ACCOUNT_KEY: KeyRule = { lowercase: true, maxLength: 50 };
export const OU_KEY: KeyRule = { lowercase: false, maxLength: 64 };
export const POLICY_KEY: KeyRule = { lowercase: false, maxLength: 128 };
export const IDENTITY_KEY: KeyRule = { lowercase: false, maxLength: 64 };

/** `Payments (Prod)` -> `Payments-Prod`; `dev@example.com` -> `dev-example-com`; empty -> `x`. */
export function keyFromName(name: string, rule: KeyRule, fallback = 'x'): string {
  const base = (rule.lowercase ? name.toLowerCase() : name).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return trim(base === '' ? fallback : base, rule.maxLength);
}

function trim(key: string, maxLength: number): string {
  return key.length <= maxLength ? key : key.slice(0, maxLength).replace(/-+$/, '');
}

/**
 * Keys for entries `{ id, name }` of one section: the name's key, or `<name key>-<id key>` for
 * every entry whose name key is shared with another. `taken` holds keys that are already used
 * (e.g. fixed names) and must not be produced again.
 */
export function assignKeys(entries: ReadonlyArray<{ readonly id: string; readonly name: string }>, rule: KeyRule, taken: ReadonlySet<string> = new Set()): Map<string, string> {
  const caseless = (k: string) => k.toLowerCase();
  const byKey = new Map<string, string[]>();
  for (const e of entries) {
    const k = caseless(keyFromName(e.name, rule));
    byKey.set(k, [...(byKey.get(k) ?? []), e.id]);
  }
  const out = new Map<string, string>();
  const used = new Set([...taken].map(caseless));
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const base = keyFromName(e.name, rule);
    const shared = byKey.get(caseless(base))!.length > 1 || used.has(caseless(base));
    const idPart = keyFromName(e.id, rule);
    let key = shared ? `${trim(base, rule.maxLength - idPart.length - 1)}-${idPart}` : base;
    for (let n = 2; used.has(caseless(key)); n++) key = `${trim(base, rule.maxLength - idPart.length - String(n).length - 2)}-${idPart}-${n}`;
    used.add(caseless(key));
    out.set(e.id, key);
  }
  return out;
}
