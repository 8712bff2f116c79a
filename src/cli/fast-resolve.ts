import { TerraformStack, Token, Tokenization } from 'cdktf';
import type { IConstruct } from 'constructs';
import { LandingZoneStack } from '../constructs/landing-zone-stack';
import { withCachedSnakeCase } from './snake-case-cache';

/**
 * cdktf resolves every value of a stack through one generic function three times per synth (the
 * preparing pass that finds cross-stack references, each element's fragment, and the merged stack
 * once more), building a resolution context with closures at every string, number, array and
 * object. On a 1,000-account landing zone that was 19.4 s of 25 s of `lz synth --workers 1`
 * (node --cpu-prof: resolve.js 12.4 s under the synthesizer and 7.2 s under prepareStack), almost
 * all of it spent on values that hold no token at all.
 *
 * `fastResolve` walks the value itself and returns what cdktf's resolve returns for plain data (a
 * fresh copy, with undefined array elements and object values dropped), and hands every part
 * that is or may hold a token to cdktf's own resolve unchanged: a string with a token marker or
 * anything cdktf's number-token pattern matches, a number outside the range of ordinary values
 * (token numbers are encoded as doubles near 1e289), an array holding such a string or number, an
 * object with a `resolve` method, an object whose keys hold a marker, a construct, a function.
 * What cdktf does with those (and the errors it raises) is therefore unchanged; test/cli/fast-resolve.test.ts
 * checks, for every valid fixture and a generated organization with both backends, that the
 * synthesized files are byte for byte those of cdktf's resolve alone.
 */
type Resolve = (scope: IConstruct, obj: unknown, preparing?: boolean) => unknown;

/** cdktf's own pattern for number tokens inside strings (tokens/private/encoding.js). */
const NUMBER_TOKEN = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;
/** Every token marker (string `${`, list `#{`, map `&{`) carries this. */
const MARKER = 'TfToken[';
/** cdktf's resolve stops at this depth (a cycle); deeper values are left to it. */
const MAX_DEPTH = 200;

/** A string that is one string token and nothing else; group 1 is the token's key. */
const ONE_STRING_TOKEN = /^\$\{TfToken\[([a-zA-Z0-9:._-]+)\]\}$/;
/** The start of a list token, which cdktf resolves only as a whole list. */
const LIST_MARKER = '#{TfToken[';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tfExpression = require('cdktf/lib/tfExpression') as { ref(identifier: string): object };
/** cdktf's class of a plain reference (`aws_vpc.vpc.id`), which it does not export. */
const REFERENCE_CLASS = tfExpression.ref('fast-resolve').constructor;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TokenMap } = require('cdktf/lib/tokens/private/token-map') as { TokenMap: { instance(): { readonly stringTokenMap: Map<string, unknown> } } };

interface Reference {
  readonly identifier: string;
  readonly originStack?: TerraformStack;
  readonly crossStackIdentifier: Record<string, string>;
}

/**
 * What cdktf's resolve makes of a string that is exactly one token for a reference to an
 * element of the stack it is resolved in (most of the tokens of a stack, measured at 5,000
 * accounts: 16,862 of 26,536 values handed to cdktf in a share of 250 accounts): `${<identifier>}`.
 * Undefined for anything else, and whenever cdktf would do more: a reference from another stack
 * (cdktf registers the cross-stack output while preparing, and resolves to the remote state
 * afterwards), an identifier that holds a token or that cdktf's number-token pattern matches.
 */
function sameStackReference(value: string, stackOf: () => TerraformStack): string | undefined {
  const key = ONE_STRING_TOKEN.exec(value)?.[1];
  if (key === undefined) return undefined;
  const token = TokenMap.instance().stringTokenMap.get(key) as Reference | undefined;
  if (token === undefined || token.constructor !== REFERENCE_CLASS) return undefined;
  const stack = stackOf();
  if (token.originStack !== undefined && token.originStack !== stack) return undefined;
  if (token.crossStackIdentifier[stack.toString()] !== undefined) return undefined;
  const resolved = `\${${token.identifier}}`;
  return resolved.includes(MARKER) || NUMBER_TOKEN.test(resolved) ? undefined : resolved;
}

const stringNeedsCdktf = (s: string) => s.includes(MARKER) || s === Token.STRING_MAP_TOKEN_VALUE || s === Token.ANY_MAP_TOKEN_VALUE || NUMBER_TOKEN.test(s);
const numberNeedsCdktf = (n: number) => !Number.isFinite(n) || Math.abs(n) > 1e200 || n === Token.NUMBER_MAP_TOKEN_VALUE;
const isConstructLike = (x: object) => (x as { _children?: unknown })._children !== undefined && (x as { _metadata?: unknown })._metadata !== undefined;

export function fastResolve(cdktfResolve: Resolve, scope: IConstruct, value: unknown, preparing = false): unknown {
  let stack: TerraformStack | undefined;
  const stackOf = () => (stack ??= TerraformStack.of(scope));
  const walk = (x: unknown, depth: number): unknown => {
    switch (typeof x) {
      case 'undefined':
        return undefined;
      case 'string':
        return stringNeedsCdktf(x) ? (sameStackReference(x, stackOf) ?? cdktfResolve(scope, x, preparing)) : x;
      case 'number':
        return numberNeedsCdktf(x) ? cdktfResolve(scope, x, preparing) : x;
      case 'object':
        break;
      case 'function':
        return cdktfResolve(scope, x, preparing);
      default:
        return x;
    }
    if (x === null || x instanceof Date) return x;
    if (depth > MAX_DEPTH) return cdktfResolve(scope, x, preparing);
    if (Array.isArray(x)) {
      // cdktf resolves a list holding a list token or a token number as a whole; any other list
      // element by element, as this walk does.
      if (x.some((e) => (typeof e === 'string' && e.includes(LIST_MARKER)) || (typeof e === 'number' && numberNeedsCdktf(e)))) return cdktfResolve(scope, x, preparing);
      const out: unknown[] = [];
      for (const element of x) {
        const resolved = walk(element, depth + 1);
        if (resolved !== undefined) out.push(resolved);
      }
      return out;
    }
    const keys = Object.keys(x);
    if (Tokenization.isResolvable(x) || isConstructLike(x) || keys.some(stringNeedsCdktf)) return cdktfResolve(scope, x, preparing);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const resolved = walk((x as Record<string, unknown>)[key], depth + 1);
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  };
  return walk(value, 0);
}

/** The module through which every cdktf class resolves (its functions look `resolve` up there at each call). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tokensModule = require('cdktf/lib/_tokens') as { resolve: Resolve };

/**
 * Runs `fn` with cdktf resolving through `fastResolve`, and restores cdktf's resolve afterwards.
 * Attribute names are snake-cased through a cache meanwhile (snake-case-cache.ts). Set
 * LZ_CDKTF_RESOLVE=1 to synthesize with cdktf's resolve and cdktf's snake case alone.
 */
export function withFastResolve<T>(fn: () => T, env: Readonly<Record<string, string | undefined>> = process.env): T {
  if (env.LZ_CDKTF_RESOLVE === '1') return fn();
  const original = tokensModule.resolve;
  tokensModule.resolve = (scope, obj, preparing = false) => fastResolve(original, scope, obj, preparing);
  LandingZoneStack.reusePreparedFragments = true;
  try {
    return withCachedSnakeCase(fn, env);
  } finally {
    tokensModule.resolve = original;
    LandingZoneStack.reusePreparedFragments = false;
  }
}
