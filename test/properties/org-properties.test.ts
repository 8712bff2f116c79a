import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadText } from '../../src/config/load';
import { validateLoaded } from '../../src/pipeline';
import { policyLimits } from '../../src/model/policy-limits';
import { modelOf, resources, synth, tempDir } from '../helpers';
import { orgDocument, permute, validateGenerated, type OrgDocument } from './org-arbitrary';
import { assignmentTargets, expectedVpcs } from './org-sections';

/** Fixed seeds: a failure replays the same way on every machine; the run counts are part of the report. */
const SEED = 20261122;
const RUNS = { validAndSynth: 15, permutation: 8, arbitraryValues: 300, arbitraryBytes: 300, mutatedDocuments: 200 } as const;

type Stacks = ReturnType<typeof synth>['stacks'];

/** Counts of the optional sections, each derived from the document alone and compared with what synth wrote. */
function expectSections(doc: OrgDocument, stacks: Stacks): void {
  const count = (type: string, prefix = '') => Object.entries(stacks)
    .filter(([name]) => name.startsWith(prefix))
    .reduce((sum, [, stack]) => sum + Object.keys(resources(stack, type)).length, 0);
  expect(stacks['log-archive'] !== undefined).toBe(doc.logging !== undefined);
  expect(stacks['security-tooling'] !== undefined).toBe(doc.security !== undefined);
  const ic = doc.identityCenter;
  expect(count('aws_ssoadmin_permission_set')).toBe(Object.keys(ic?.permissionSets ?? {}).length);
  const grants = (ic?.assignments ?? []).reduce((sum: number, a: Record<string, any>) => sum + assignmentTargets(doc, a).length * a.permissionSets.length, 0);
  expect(count('aws_ssoadmin_account_assignment')).toBe(grants);
  expect(count('aws_ec2_transit_gateway_route_table')).toBe(Object.keys(doc.network?.segments ?? {}).length);
  // VPCs, their attachments and the attachments' associations live in the accounts' network-<id> stacks, never in network-hub.
  expect(count('aws_vpc', 'network-hub')).toBe(0);
  expect(count('aws_vpc', 'network-')).toBe(expectedVpcs(doc).length);
  expect(count('aws_ec2_transit_gateway_vpc_attachment', 'network-')).toBe(expectedVpcs(doc).length);
  expect(count('aws_ec2_transit_gateway_route_table_association', 'network-')).toBe(expectedVpcs(doc).length);
}

describe('random valid org.yaml documents', () => {
  test(`validate, synthesize, and keep every SCP within its size limit (${RUNS.validAndSynth} runs)`, () => {
    fc.assert(
      fc.property(orgDocument, (doc) => {
        const validation = validateGenerated(doc);
        expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const model = modelOf(validation);
        const out = synth(model);
        const stack = out.stacks.organization!;
        const policies = Object.values(resources(stack, 'aws_organizations_policy'));
        // One resource per packed document; every document within its type's limit under the profile.
        expect(policies).toHaveLength(model.guardrails!.documents.length);
        for (const p of policies) expect(p.content.length).toBeLessThanOrEqual(policyLimits(p.type, model.guardrails!.profile).maxSize);
        // Each member account in its own account-<id> stack, none in the organization stack.
        const members = model.accounts.filter((a) => !a.isManagement);
        expect(resources(stack, 'aws_organizations_account')).toEqual({});
        for (const account of members)
          expect(Object.keys(resources(out.stacks[`account-${model.stackIds[account.key]}`]!, 'aws_organizations_account'))).toEqual(['account']);
        const accountStacks = Object.entries(out.stacks).filter(([name]) => name.startsWith('account-'));
        expect(accountStacks.reduce((n, [, s]) => n + Object.keys(resources(s, 'aws_organizations_account')).length, 0)).toBe(members.length);
        expect(Object.keys(resources(stack, 'aws_organizations_organizational_unit'))).toHaveLength(model.ous.length);
        expectSections(doc, out.stacks);
      }),
      { seed: SEED, numRuns: RUNS.validAndSynth },
    );
  });

  test(`give byte-identical output under any permutation of lists and mapping keys (${RUNS.permutation} runs)`, () => {
    fc.assert(
      fc.property(orgDocument, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (doc, seed) => {
        const baseline = synth(modelOf(validateGenerated(doc))).files;
        const shuffled = synth(modelOf(validateGenerated(permute(doc, seed)))).files;
        expect(shuffled).toEqual(baseline);
      }),
      { seed: SEED, numRuns: RUNS.permutation },
    );
  });
});

describe('the validator never throws', () => {
  const dir = tempDir('lz-anything-');
  const validateAnything = (input: string | Buffer) => {
    const result = validateLoaded(loadText(input, 'org.yaml', dir));
    // Either a model or at least one error: never a silent nothing.
    expect(result.model !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  };

  test(`on arbitrary YAML and JSON values (${RUNS.arbitraryValues} runs)`, () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false, withBigInt: false }), fc.boolean(), (value, asJson) => {
        let text: string;
        try {
          text = (asJson ? JSON.stringify(value) : stringify(value)) ?? '';
        } catch {
          text = String(value);
        }
        validateAnything(text);
      }),
      { seed: SEED, numRuns: RUNS.arbitraryValues },
    );
  });

  test(`on arbitrary bytes (${RUNS.arbitraryBytes} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => validateAnything(Buffer.from(bytes))),
      { seed: SEED, numRuns: RUNS.arbitraryBytes },
    );
  });

  test(`on valid documents with one value replaced by anything, at any depth (${RUNS.mutatedDocuments} runs)`, () => {
    const paths = (value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> => {
      if (value === null || typeof value !== 'object') return [prefix];
      const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as object);
      return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
    };
    fc.assert(
      fc.property(orgDocument, fc.nat(), fc.anything({ withBigInt: false, withNullPrototype: false }), (generated, which, replacement) => {
        // A copy: fast-check reuses generated values while shrinking.
        const doc = structuredClone(generated);
        const all = paths(doc).filter((p) => p.length > 0);
        const path = all[which % all.length]!;
        let parent: any = doc;
        for (const segment of path.slice(0, -1)) parent = parent[segment];
        parent[path[path.length - 1]!] = replacement;
        let text: string;
        try {
          text = stringify(doc);
        } catch {
          return;
        }
        validateAnything(text);
      }),
      { seed: SEED, numRuns: RUNS.mutatedDocuments },
    );
  });
});
