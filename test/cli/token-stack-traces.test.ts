import { withoutTokenStackTraces } from '../../src/cli/token-stack-traces';

const frames = () => (new Error('probe').stack ?? '').split('\n').length - 1;

describe('withoutTokenStackTraces', () => {
  test('captures no frames while the function runs, even when code raises the limit, and restores it after', () => {
    const before = Error.stackTraceLimit;
    const inside = withoutTokenStackTraces(() => {
      Error.stackTraceLimit = Number.MAX_SAFE_INTEGER; // what cdktf does before capturing
      return frames();
    }, {});
    expect(inside).toBe(0);
    expect(Error.stackTraceLimit).toBe(before);
    expect(frames()).toBeGreaterThan(0);
  });

  test("cdktf's capture returns the empty trace while the function runs, and a trace again after", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const traces = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: () => string[] };
    expect(withoutTokenStackTraces(() => traces.captureStackTrace(), {})).toEqual([]);
    expect(traces.captureStackTrace().length).toBeGreaterThan(0);
    expect(withoutTokenStackTraces(() => traces.captureStackTrace(), { LZ_STACK_TRACES: '1' }).length).toBeGreaterThan(0);
  });

  test('restores the limit when the function throws', () => {
    const before = Error.stackTraceLimit;
    expect(() => withoutTokenStackTraces(() => { throw new Error('boom'); }, {})).toThrow('boom');
    expect(Error.stackTraceLimit).toBe(before);
  });

  test('LZ_STACK_TRACES=1 keeps stack traces for debugging', () => {
    expect(withoutTokenStackTraces(frames, { LZ_STACK_TRACES: '1' })).toBeGreaterThan(0);
  });
});
