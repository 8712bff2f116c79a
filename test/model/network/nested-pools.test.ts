import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { LandingZoneModel } from '../../../src/model/types';
import { DEFAULT_ORG, validateYaml } from '../../helpers';
import { modelWithLock } from '../../network-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const cidrs = (model: LandingZoneModel) => Object.fromEntries(model.network!.vpcs.map((v) => [v.id, v.cidr]));

/** The default org.yaml with the sandbox pool carved out of the start of the prod pool. */
function nestedDoc(sandbox: unknown): Doc {
  const doc = parse(readFileSync(DEFAULT_ORG, 'utf8'));
  doc.network.pools.sandbox = sandbox;
  return doc;
}

describe('a pool declared within another', () => {
  test('takes its range out of the outer pool: the outer pool allocates around it', () => {
    // Given prod 10.0.0.0/12 with sandbox 10.0.0.0/16 declared within it
    const doc = nestedDoc({ cidr: '10.0.0.0/16', within: 'prod' });
    expect(doc.network.pools.prod).toBe('10.0.0.0/12');

    // When the VPCs are allocated
    const got = cidrs(modelWithLock(stringify(doc)));

    // Then the sandbox VPC comes from the inner range and the prod VPCs skip it
    expect(got['sandbox-alice/main']).toBe('10.0.0.0/22');
    expect(got['analytics-prod/main']).toBe('10.1.0.0/20');
    expect(got['payments-prod/main']).toBe('10.1.16.0/20');
  });

  test('written as a plain CIDR inside the other, it is refused with the nesting to declare', () => {
    const result = validateYaml(stringify(nestedDoc('10.0.0.0/16')));
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.code === 'LZ0517').map((d) => `${d.message}\n${d.fix}`)).toEqual([
      'The pools `prod` (10.0.0.0/12) and `sandbox` (10.0.0.0/16) overlap, so both could hand out the same addresses.\n'
        + 'If `sandbox` is carved out of `prod`, declare it so: `sandbox: { cidr: 10.0.0.0/16, within: prod }`; otherwise give it a range of its own.',
    ]);
  });

  test('nesting is transitive: the outermost pool skips a pool nested two levels down', () => {
    const doc = nestedDoc({ cidr: '10.0.0.0/16', within: 'lab' });
    doc.network.pools.lab = { cidr: '10.0.0.0/14', within: 'prod' };
    const got = cidrs(modelWithLock(stringify(doc)));
    expect(got['sandbox-alice/main']).toBe('10.0.0.0/22');
    expect(got['analytics-prod/main']).toBe('10.4.0.0/20');
  });
});
