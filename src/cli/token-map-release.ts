/**
 * cdktf keeps every token it creates in one process-wide map (`TokenMap`, held on `global`), from
 * the token's string or number form to the token object, and a reference token holds the construct
 * it points at. Nothing is ever taken out, so in a synth worker, which builds one App per share
 * after the other, every finished share's whole construct tree stayed reachable from that map: at
 * 5,000 accounts (node --trace-gc, two workers of ten shares each) the live heap after each
 * mark-compact grew from 183 MB to 308 MB, and the collector kept walking the dead Apps. Releasing
 * them took that synth (output on tmpfs, two runs each) from 36.7 and 41.3 s to 28.6 and 32.0 s, and
 * the peak memory of all processes together from 2,037 and 2,044 MB to 1,455 and 1,464 MB.
 *
 * `withTokensReleased(fn)` runs `fn` and then forgets the tokens registered while it ran, and only
 * those: tokens created before (at module load, or by an App still in use) stay. Call it only
 * around work whose constructs are not used afterwards; a token string of that work that is
 * resolved later fails with cdktf's "unrecognized token key" error instead of resolving.
 */
interface TokenMapStorage {
  readonly stringTokenMap: Map<string, unknown>;
  readonly numberTokenMap: Map<number, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TokenMap } = require('cdktf/lib/tokens/private/token-map') as { TokenMap: { instance(): TokenMapStorage } };

export function withTokensReleased<T>(fn: () => T): T {
  const map = TokenMap.instance();
  const strings = new Set(map.stringTokenMap.keys());
  const numbers = new Set(map.numberTokenMap.keys());
  try {
    return fn();
  } finally {
    for (const key of [...map.stringTokenMap.keys()]) if (!strings.has(key)) map.stringTokenMap.delete(key);
    for (const key of [...map.numberTokenMap.keys()]) if (!numbers.has(key)) map.numberTokenMap.delete(key);
  }
}

/** How many tokens cdktf holds now (for tests). */
export function registeredTokenCount(): number {
  const map = TokenMap.instance();
  return map.stringTokenMap.size + map.numberTokenMap.size;
}
