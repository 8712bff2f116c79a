import { createRequire } from 'node:module';
import fc from 'fast-check';
import { stableJson } from '../../src/cli/stable-json';

// The stringifier cdktf writes every stack file and manifest.json with.
const cdktfStringify = createRequire(require.resolve('cdktf'))('json-stable-stringify') as (value: unknown, options: { space: number }) => string;
const cdktf = (value: unknown) => cdktfStringify(value, { space: 2 });

/** Values of every kind a stack may hold, and some it should not: keys that JSON.stringify would reorder, undefined, functions, toJSON. */
const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.constantFrom('${aws_iam_role.x.arn}', '', '\u2028', '"quoted"', 'ünïcode', '\\'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value')),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('10', '2', '-1', '01', '__proto__x', 'a', 'B', '//')), tie('value')),
    tie('value').map((inner) => ({ toJSON: () => inner })),
  ),
})).value;

describe('stableJson', () => {
  test('writes what json-stable-stringify writes with two spaces, for generated values', () => {
    fc.assert(fc.property(values, (value) => expect(stableJson(value)).toBe(cdktf(value))), { numRuns: 2000, seed: 20261203 });
  });

  test('sorts integer-like keys as text and opens empty containers on two lines, as cdktf does', () => {
    const value = { b: [], '10': {}, '2': [undefined, () => 0], a: { z: undefined, y: null } };
    // JSON.stringify would put "2" and "10" first, in numeric order, and write [] and {}
    expect(stableJson(value)).toBe('{\n  "10": {\n  },\n  "2": [\n    null,\n    null\n  ],\n  "a": {\n    "y": null\n  },\n  "b": [\n  ]\n}');
    expect(stableJson(value)).toBe(cdktf(value));
  });

  test('throws on a cycle, as cdktf does', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    expect(() => cdktf(cycle)).toThrow(TypeError);
    expect(() => stableJson(cycle)).toThrow('Converting circular structure to JSON');
  });

  test('a value met twice without a cycle is written twice', () => {
    const shared = { k: 'v' };
    const value = { one: shared, two: [shared, shared] };
    expect(stableJson(value)).toBe(cdktf(value));
  });
});
