/**
 * cdktf records a full stack trace (Error.stackTraceLimit raised to MAX_SAFE_INTEGER) at the
 * creation of every token: every attribute reference of every resource. The traces only improve
 * cdktf's own error messages, and on a 1,000-account landing zone capturing and formatting them was
 * about a sixth of `lz synth`'s CPU time (node --cpu-prof: captureStackTrace 1.0 s and
 * defaultPrepareStackTrace 1.2 s of 13.0 s). While `fn` runs, the stack trace limit is pinned to 0 so
 * those captures cost nothing; it is restored afterwards. cdktf's own capture function, which every
 * token calls through its module, is replaced by one that returns the empty trace at once: with the
 * limit at 0 it still cost 2 % of a synth worker's CPU (node --cpu-prof, 1,000 accounts with
 * Terraform Cloud), for the same empty trace. Set LZ_STACK_TRACES=1 to keep traces when debugging a
 * synth failure.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const traces = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (below?: unknown) => string[] };

export function withoutTokenStackTraces<T>(fn: () => T, env: Readonly<Record<string, string | undefined>> = process.env): T {
  if (env.LZ_STACK_TRACES === '1') return fn();
  const descriptor = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  Object.defineProperty(Error, 'stackTraceLimit', { configurable: true, get: () => 0, set: () => undefined });
  const capture = traces.captureStackTrace;
  traces.captureStackTrace = () => [];
  try {
    return fn();
  } finally {
    traces.captureStackTrace = capture;
    if (descriptor) Object.defineProperty(Error, 'stackTraceLimit', descriptor);
    else delete (Error as { stackTraceLimit?: number }).stackTraceLimit;
  }
}
