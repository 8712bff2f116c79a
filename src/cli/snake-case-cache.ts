import { Tokenization } from 'cdktf';

/**
 * cdktf turns every attribute name of every element into snake case at each synth, with three
 * regular expressions per name (cdktf/lib/util.js), also for the sixty-odd attributes of every AWS
 * provider block, most of them undefined. The names repeat: a landing zone of any size has a few
 * hundred. node --cpu-prof, 1,000 accounts with Terraform Cloud: keysToSnakeCase was 8 % of a synth
 * worker's CPU.
 *
 * While `fn` runs, cdktf's `snakeCase` and `keysToSnakeCase` (which every cdktf class calls
 * through the module, so the replacement is seen) are replaced by the same functions with each
 * name's snake case remembered. `keysToSnakeCase` is cdktf's own, line for line, so the result is
 * the same object, with the same quirks (it converts the elements of a nested list twice, and it
 * leaves `tags` and `environment` as they are). test/cli/fast-resolve.test.ts checks the
 * synthesized files against cdktf's own functions. LZ_CDKTF_RESOLVE=1 turns this off too.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const util = require('cdktf/lib/util') as { snakeCase: (str: string) => string; keysToSnakeCase: (object: unknown) => unknown };

export function withCachedSnakeCase<T>(fn: () => T, env: Readonly<Record<string, string | undefined>> = process.env): T {
  if (env.LZ_CDKTF_RESOLVE === '1') return fn();
  const original = { snakeCase: util.snakeCase, keysToSnakeCase: util.keysToSnakeCase };
  const known = new Map<string, string>();
  const snakeCase = (str: string): string => {
    if (typeof str !== 'string') return original.snakeCase(str);
    let snake = known.get(str);
    if (snake === undefined) known.set(str, (snake = original.snakeCase(str)));
    return snake;
  };
  const keysToSnakeCase = (object: unknown): unknown => {
    if (Tokenization.isResolvable(object)) return object;
    if (Array.isArray(object)) return object.map((e: unknown) => (typeof e === 'object' ? keysToSnakeCase(e) : e));
    const source = object as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      if (key === 'tags' || key === 'environment') {
        out[key] = source[key];
        continue;
      }
      let value = source[key];
      if (typeof value === 'object') value = keysToSnakeCase(value);
      if (Array.isArray(value)) value = value.map((e: unknown) => (typeof e === 'object' ? keysToSnakeCase(e) : e));
      out[snakeCase(key)] = value;
    }
    return out;
  };
  util.snakeCase = snakeCase;
  util.keysToSnakeCase = keysToSnakeCase;
  try {
    return fn();
  } finally {
    util.snakeCase = original.snakeCase;
    util.keysToSnakeCase = original.keysToSnakeCase;
  }
}
