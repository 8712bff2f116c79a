import { generateOrg } from '../../bench/generate';
import { validateYaml } from '../helpers';

describe('the benchmark generator', () => {
  test('the same seed gives the same organization, another seed another one', () => {
    expect(generateOrg(50, 7).yaml).toBe(generateOrg(50, 7).yaml);
    expect(generateOrg(50, 8).yaml).not.toBe(generateOrg(50, 7).yaml);
  });

  test('a generated organization is valid, with the requested number of accounts', () => {
    const v = validateYaml(generateOrg(300).yaml);
    expect(v.diagnostics).toEqual([]);
    expect(v.model!.accounts).toHaveLength(300);
    expect(v.model!.ous.filter((o) => o.depth === 3).length).toBeGreaterThan(0);
  });
});
