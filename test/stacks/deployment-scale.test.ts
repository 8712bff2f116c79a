import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
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
 * first kept). 5,000 accounts are synthesized once, without the VPC templates (only the network
 * account keeps a VPC), which halves the time and keeps every bootstrap code path: the
 * organization-wide workspaces, per account `account-`, `access-` and `bootstrap-` stacks, state
 * shared with the organization, triggers from organization-wide stacks; a `network-<id>` stack's
 * workspace and policy are the same at every size, and are counted at 1,000.
 */
const CLOUD = '\ndeployment:\n  backend: cloud\n  cloud:\n    organization: acme\n';
const LIMIT_TOUCHED = 100;
const LIMIT_STACK = 2000;
const LIMIT_PROVIDERS = 3;
/**
 * A bootstrap with the `account-` and `access-` workspaces (Identity Center in the management account):
 * 2 x (workspace, settings, 2 variables, role, AdministratorAccess attachment), 3 triggers, and the
 * project, `organization` and `identity-center` looked up.
 */
const BOOTSTRAP_WITHOUT_VPC = 18;
const UNCHANGED_BOOTSTRAPS = ['workspaces', 'bootstrap-log-archive', 'bootstrap-security-tooling', 'bootstrap-management'];

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
  beforeAll(() => byKey.set(size, addOneAccount(size)), 1_200_000);

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

describe('cloud backend, 5,000 accounts without VPC templates (one synth)', () => {
  let summary: Map<string, StackSummary>;
  let last: string;
  beforeAll(() => {
    const org = generateOrg(5000);
    const doc = parse(org.yaml);
    delete doc.network.templates;
    last = org.spec.accounts.at(-1)!.key;
    summary = summarize(modelWithLock(stringify(doc) + CLOUD));
  }, 1_800_000);

  test(`no stack holds more than ${LIMIT_STACK} resources or has more than ${LIMIT_PROVIDERS} provider configurations, bootstrap stacks included`, () => {
    const big = largest(summary);
    expect(big.resources).toBeLessThanOrEqual(LIMIT_STACK);
    expect(big.providers).toBeLessThanOrEqual(LIMIT_PROVIDERS);
    expect(summary.get('workspaces')!.providers).toBe(2);
    expect([...summary.keys()].filter((name) => name.startsWith('bootstrap-')).length).toBe(5000);
  });

  test('the organization-wide bootstrap and those of the dedicated accounts are byte-identical to 1,000 accounts\': they do not grow', () => {
    const thousand = byKey.get(1000)!.before;
    for (const name of UNCHANGED_BOOTSTRAPS) expect([name, summary.get(name)!.digest]).toEqual([name, thousand.get(name)!.digest]);
  });

  test('every workload account\'s own stacks are the same size, within the one-account limit', () => {
    const workload = [...summary.keys()].filter((n) => n.startsWith('bootstrap-') && !UNCHANGED_BOOTSTRAPS.includes(n) && n !== 'bootstrap-network');
    expect(workload).toHaveLength(4996);
    expect(new Set(workload.map((n) => summary.get(n)!.resources))).toEqual(new Set([BOOTSTRAP_WITHOUT_VPC]));
    const own = ['account', 'access', 'bootstrap'].reduce((n, kind) => n + summary.get(`${kind}-${last}`)!.resources, 0);
    expect(own).toBeLessThanOrEqual(LIMIT_TOUCHED);
  });
});
