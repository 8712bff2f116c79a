import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ADDED_ACCOUNT, generateOrg, withOneMoreAccount } from '../../bench/generate';
import type { LandingZoneModel } from '../../src/model/types';
import { buildApp } from '../../stacks/app';
import { asLzSynth, sampledAccounts, tempDir, type TerraformJson } from '../helpers';
import { modelWithLock } from '../network-helpers';

/**
 * The limits of the layout with the cloud backend, on generated organizations (bench/generate.ts:
 * every account in an OU with a VPC template and Identity Center assignments), so every account
 * has its `account-`, `access-`, `network-`, `baseline-` and `bootstrap-` stacks. Resources count data sources
 * too. One account is added for real at every size (two synths, the lock file of the first kept).
 * At 100 accounts every stack is synthesized; at 1,000 and 5,000 every organization-wide stack
 * (the `workspaces` bootstrap among them) and the stacks of a sample of accounts, as in
 * test/scale/layout-limits.test.ts, whose header says why that is sound.
 */
const CLOUD = '\ndeployment:\n  backend: cloud\n  cloud:\n    organization: acme\n';
const LIMIT_TOUCHED = 100;
const LIMIT_STACK = 2000;
const LIMIT_PROVIDERS = 3;


interface StackSummary {
  readonly resources: number;
  readonly providers: number;
  readonly digest: string;
}

/** Synthesizes like `lz synth` (of the sample's accounts only, when given) and keeps, per stack, only its size and a digest of its JSON. */
function summarize(model: LandingZoneModel, sample?: Set<string>): Map<string, StackSummary> {
  const dir = tempDir('lz-scale-');
  try {
    const outdir = join(dir, 'cdktf.out');
    const selectStacks = sample && ((_: string, key: string) => sample.has(key));
    asLzSynth(() => buildApp(model, { outdir, projectDir: dir, ...(selectStacks ? { selectStacks } : {}) }).app.synth());
    const out = new Map<string, StackSummary>();
    for (const name of readdirSync(join(outdir, 'stacks')).sort()) {
      const text = readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
      const json = JSON.parse(text) as TerraformJson;
      const count = (blocks: TerraformJson | undefined) => Object.values(blocks ?? {}).reduce((n: number, byName) => n + Object.keys(byName as object).length, 0);
      const providers = Object.values((json.provider ?? {}) as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);
      out.set(name, { resources: count(json.resource) + count(json.data), providers, digest: createHash('sha256').update(text).digest('hex') });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stacks added or changed from `before` to `after`, and the resources they hold. */
function touched(before: Map<string, StackSummary>, after: Map<string, StackSummary>): { stacks: string[]; resources: number } {
  const stacks = [...after].filter(([name, s]) => before.get(name)?.digest !== s.digest).map(([name]) => name);
  return { stacks, resources: stacks.reduce((n, name) => n + after.get(name)!.resources, 0) };
}

function largest(summary: Map<string, StackSummary>): { stack: string; resources: number; providers: number } {
  let best = { stack: '', resources: -1, providers: 0 };
  for (const [stack, s] of summary) if (s.resources > best.resources) best = { stack, resources: s.resources, providers: s.providers };
  return { ...best, providers: Math.max(...[...summary.values()].map((s) => s.providers)) };
}

const bySize = new Map<number, { before: Map<string, StackSummary>; after: Map<string, StackSummary>; addedId: string }>();
const measured: string[] = [];

// What the run measured, one line per size, for the README and for reviewers of a change.
afterAll(() => {
  if (measured.length > 0) console.log(`cloud backend, measured:\n${measured.join('\n')}`);
});

function addOneAccount(size: number) {
  const org = generateOrg(size);
  const sample = size > 100 ? sampledAccounts(org.spec.accounts.map((a) => a.key), ADDED_ACCOUNT) : undefined;
  const before = modelWithLock(org.yaml + CLOUD);
  const after = modelWithLock(withOneMoreAccount(org) + CLOUD, before.lock);
  expect(Object.keys(before.stackIds)).toHaveLength(size);
  return { before: summarize(before, sample), after: summarize(after, sample), addedId: after.stackIds[ADDED_ACCOUNT]! };
}

describe.each([100, 1000, 5000])('cloud backend, %i accounts plus one', (size) => {
  beforeAll(() => bySize.set(size, addOneAccount(size)), 600_000);

  test('adding one account adds exactly its five stacks, holding at most 100 resources, and changes no other', () => {
    const { before, after, addedId } = bySize.get(size)!;
    const change = touched(before, after);
    const big = largest(after);
    measured.push(`${size + 1} accounts: largest ${big.stack} ${big.resources}, workspaces ${after.get('workspaces')!.resources}, one-account add ${change.stacks.length} stacks ${change.resources} resources`);
    expect(change.stacks.sort()).toEqual([`access-${addedId}`, `account-${addedId}`, `baseline-${addedId}`, `bootstrap-${addedId}`, `network-${addedId}`]);
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual([]);
    expect(change.resources).toBeLessThanOrEqual(LIMIT_TOUCHED);
  });

  test(`no stack holds more than ${LIMIT_STACK} resources or has more than ${LIMIT_PROVIDERS} provider configurations, bootstrap stacks included`, () => {
    const big = largest(bySize.get(size)!.after);
    expect(big.resources).toBeLessThanOrEqual(LIMIT_STACK);
    expect(big.providers).toBeLessThanOrEqual(LIMIT_PROVIDERS);
  });
});

describe('the bootstrap does not grow with the organization', () => {
  test('the organization-wide `workspaces` stack holds as many resources at 5,000 accounts as at 100', () => {
    const at = (size: number) => bySize.get(size)!.after.get('workspaces')!;
    expect(at(5000).resources).toBe(at(100).resources);
    expect(at(1000).resources).toBe(at(100).resources);
    expect(at(5000).providers).toBe(2);
  });

  test('a workload account\'s bootstrap is the same size at every organization size', () => {
    const sizes = [100, 1000, 5000].map((size) => {
      const { after, addedId } = bySize.get(size)!;
      return after.get(`bootstrap-${addedId}`)!.resources;
    });
    expect(new Set(sizes).size).toBe(1);
  });
});
