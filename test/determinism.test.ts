import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { DEFAULT_ORG, modelOf, synth, validateYaml } from './helpers';

/** Reverses every list and the key order of every mapping, recursively. */
function reverseEverything(value: unknown): unknown {
  if (Array.isArray(value)) return [...value].reverse().map(reverseEverything);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, reverseEverything(v)]));
  }
  return value;
}

/** A fixed permutation that is not a reversal: rotate lists by one, sort keys descending by length. */
function rotateEverything(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 1 ? [...value.slice(1), value[0]].map(rotateEverything) : value.map(rotateEverything);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => b.length - a.length || (a < b ? 1 : -1));
    return Object.fromEntries(entries.map(([k, v]) => [k, rotateEverything(v)]));
  }
  return value;
}

describe('output does not depend on the order of org.yaml', () => {
  const original = readFileSync(DEFAULT_ORG, 'utf8');
  const baseline = synth(modelOf(validateYaml(original))).files;

  test.each([
    ['reversed', reverseEverything],
    ['rotated', rotateEverything],
  ])('%s lists and mapping keys give byte-identical output', (_name, permute) => {
    const permuted = stringify(permute(parse(original)));
    expect(permuted).not.toBe(original);
    const files = synth(modelOf(validateYaml(permuted))).files;
    expect(Object.keys(files)).toEqual(Object.keys(baseline));
    for (const [path, content] of Object.entries(baseline)) expect([path, files[path]]).toEqual([path, content]);
  });
});
