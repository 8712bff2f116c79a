import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrg } from '../../bench/generate';
import type { LandingZoneModel } from '../../src/model/types';
import { buildApp } from '../../stacks/app';
import { tempDir, type TerraformJson } from '../helpers';
import { modelWithLock } from '../network-helpers';

/**
 * The limits of the layout with the cloud backend, on generated organizations (bench/generate.ts:
 * every account in an OU with a VPC template and Identity Center assignments), so every account
 * has its `account-`, `access-`, `network-` and `bootstrap-` stacks. Resources count data sources
 * too. At 100 and 1,000 accounts one account is added for real (two synths, the lock file of the
 * first kept); 5,000 accounts are synthesized once, and the organization-wide bootstrap and the
 * dedicated accounts' bootstraps are compared with the 1,000-account output.
 */
const CLOUD = '\ndeployment:\n  backend: cloud\n  cloud:\n    organization: acme\n';
const LIMIT_TOUCHED = 100;
const LIMIT_STACK = 2000;
const LIMIT_PROVIDERS = 3;
const DEDICATED_BOOTSTRAPS = ['bootstrap-log-archive', 'bootstrap-network', 'bootstrap-security-tooling', 'bootstrap-management'];

interface StackSummary {
  readonly resources: number;
  readonly providers: number;
  readonly digest: string;
}

/** Synthesizes like `lz synth` and keeps, per stack, only its size and a digest of its JSON. */
function summarize(model: LandingZoneModel): Map<string, StackSummary> {
  const dir = tempDir('lz-scale-');
  try {
    const outdir = join(dir, 'cdktf.out');
    buildApp(model, { outdir, projectDir: dir }).app.synth();
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

const byKey = new Map<number, { before: Map<string, StackSummary>; after: Map<string, StackSummary>; added: string }>();

function addOneAccount(size: number) {
  const before = modelWithLock(generateOrg(size).yaml + CLOUD);
  const grown = generateOrg(size + 1);
  const added = grown.spec.accounts[grown.spec.accounts.length - 1]!.key;
  const after = modelWithLock(grown.yaml + CLOUD, before.lock);
  return { before: summarize(before), after: summarize(after), added };
}

describe.each([100, 1000])('cloud backend, %i accounts plus one', (size) => {
  beforeAll(() => byKey.set(size, addOneAccount(size)), 300_000);

  test('adding one account adds exactly its four stacks and changes no other', () => {
    const { before, after, added } = byKey.get(size)!;
    const change = touched(before, after);
    expect(change.stacks.sort()).toEqual([`access-${added}`, `account-${added}`, `bootstrap-${added}`, `network-${added}`]);
    expect([...before.keys()].filter((name) => !after.has(name))).toEqual([]);
    expect(change.resources).toBeLessThanOrEqual(LIMIT_TOUCHED);
  });

  test(`no stack holds more than ${LIMIT_STACK} resources or has more than ${LIMIT_PROVIDERS} provider configurations`, () => {
    const big = largest(byKey.get(size)!.after);
    expect(big.resources).toBeLessThanOrEqual(LIMIT_STACK);
    expect(big.providers).toBeLessThanOrEqual(LIMIT_PROVIDERS);
  });
});

describe('cloud backend, 5,000 accounts (one synth)', () => {
  let summary: Map<string, StackSummary>;
  beforeAll(() => {
    summary = summarize(modelWithLock(generateOrg(5000).yaml + CLOUD));
  }, 600_000);

  test(`no stack holds more than ${LIMIT_STACK} resources or has more than ${LIMIT_PROVIDERS} provider configurations, bootstrap stacks included`, () => {
    const big = largest(summary);
    expect(big.resources).toBeLessThanOrEqual(LIMIT_STACK);
    expect(big.providers).toBeLessThanOrEqual(LIMIT_PROVIDERS);
    expect(summary.get('workspaces')!.providers).toBe(2);
    expect([...summary].filter(([name]) => name.startsWith('bootstrap-')).length).toBe(5000);
  });

  test('the organization-wide and dedicated accounts\' bootstraps are byte-identical to those of 1,000 accounts: they do not grow', () => {
    const thousand = byKey.get(1000)!.before;
    for (const name of ['workspaces', ...DEDICATED_BOOTSTRAPS]) expect([name, summary.get(name)!.digest]).toEqual([name, thousand.get(name)!.digest]);
  });

  test('one account\'s stacks hold as many resources as the account added at 1,000', () => {
    const { after, added } = byKey.get(1000)!;
    const own = (s: Map<string, StackSummary>, key: string) => ['account', 'access', 'network', 'bootstrap'].reduce((n, kind) => n + s.get(`${kind}-${key}`)!.resources, 0);
    const last = generateOrg(5000).spec.accounts.at(-1)!.key;
    expect(own(summary, last)).toBeLessThanOrEqual(LIMIT_TOUCHED);
    expect(touched(byKey.get(1000)!.before, after).resources).toBe(own(after, added));
  });
});
