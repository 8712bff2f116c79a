import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_ORG, FIXTURES, synth } from '../helpers';
import { modelWithLock } from '../network-helpers';

/**
 * Region groups at synth level: the order of organization.allowedRegions is not an input, and a
 * newly allowed region lands in a new `baseline<n>-<id>` stack without touching the existing ones
 * (the record of the first run is kept, as lz keeps lz.lock.json).
 */
const withRegions = (text: string, regions: string[]) => {
  const doc = parse(text);
  doc.organization.allowedRegions = regions;
  return stringify(doc);
};
const baselineStacks = (stacks: Record<string, unknown>, pattern: RegExp) => Object.keys(stacks).filter((s) => pattern.test(s)).sort();

describe('reordering organization.allowedRegions', () => {
  test.each([
    ['org.yaml', DEFAULT_ORG],
    ['baseline-overrides.yaml (four regions, two groups)', join(FIXTURES, 'valid', 'baseline-overrides.yaml')],
  ])('%s: gives byte-identical output, with and without a record', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const regions = parse(text).organization.allowedRegions as string[];
    const reversed = withRegions(text, [...regions].reverse());
    const a = modelWithLock(text);
    const b = modelWithLock(reversed);
    expect(b.lock).toEqual(a.lock);
    const outA = synth(a);
    expect(synth(b).files).toEqual(outA.files);
    expect(synth(modelWithLock(reversed, a.lock)).files).toEqual(outA.files);
    expect(Object.keys(outA.stacks).some((s) => s.startsWith('baseline-'))).toBe(true);
  });
});

describe('allowing a fourth region', () => {
  const original = readFileSync(DEFAULT_ORG, 'utf8');
  const before = modelWithLock(original);
  // Sorted first, so that without the record it would take a place in the first group.
  const after = modelWithLock(withRegions(original, ['ap-east-1', ...(parse(original).organization.allowedRegions as string[])]), before.lock);
  const a = synth(before);
  const b = synth(after);
  const accountKeys = Object.keys(before.baseline!.accounts).sort();

  test('the record pins the three regions where they were and puts the new one in a second group', () => {
    expect(before.baseline!.regionGroups).toEqual([['us-east-1', 'eu-west-1', 'us-west-2']]);
    expect(after.baseline!.regionGroups).toEqual([['us-east-1', 'eu-west-1', 'us-west-2'], ['ap-east-1']]);
  });

  test('adds one baseline2-<id> stack per account, in the new region only, after the account\'s first group', () => {
    expect(baselineStacks(a.stacks, /^baseline\d+-/)).toEqual([]);
    expect(baselineStacks(b.stacks, /^baseline\d+-/)).toEqual(accountKeys.map((k) => `baseline2-${k}`));
    for (const key of accountKeys) {
      const providers = b.stacks[`baseline2-${key}`]!.provider.aws as Array<{ region: string; alias?: string }>;
      expect(providers.length).toBeLessThanOrEqual(3);
      expect(providers.map((p) => [p.region, p.alias])).toEqual([['ap-east-1', undefined]]);
      expect(b.manifest.stacks[`baseline2-${key}`]!.dependencies).toContain(`baseline-${key}`);
    }
  });

  test('leaves every existing baseline-<id> stack identical', () => {
    const existing = baselineStacks(a.stacks, /^baseline-/);
    expect(existing).toEqual(accountKeys.map((k) => `baseline-${k}`));
    for (const name of existing) expect([name, JSON.stringify(b.stacks[name])]).toEqual([name, JSON.stringify(a.stacks[name])]);
  });

  test('no stack of the output has more than 3 provider configurations', () => {
    for (const [name, stack] of Object.entries(b.stacks)) {
      const count = Object.values((stack.provider ?? {}) as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
      expect([name, count <= 3]).toEqual([name, true]);
    }
  });
});
