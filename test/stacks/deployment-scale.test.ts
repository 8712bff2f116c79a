import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { generateOrg } from '../../bench/generate';
import type { LandingZoneModel } from '../../src/model/types';
import { buildApp } from '../../stacks/app';
import { asLzSynth, tempDir, type TerraformJson } from '../helpers';
import { modelWithLock } from '../network-helpers';

/**
 * The limits of the layout with the cloud backend, on generated organizations (bench/generate.ts:
 * every account in an OU with a VPC template and Identity Center assignments), so every account
 * has its `account-`, `access-`, `network-` and `bootstrap-` stacks. Resources count data sources
 * too. At 100 and 1,000 accounts one account is added for real (two synths, the lock file of the
 * first kept). 5,000 accounts are synthesized once, without Identity Center and without the VPC
 * templates (only the network account keeps its VPC): a third of the time, and still every
 * organization-wide stack's workspace, 5,000 `account-` and `bootstrap-` stacks, state shared with
 * the organization, triggers from organization-wide stacks and run-role policies in account stacks.
 * What an account's `access-` and `network-` stacks add to its bootstrap does not depend on the
 * organization's size, and is counted at 100 and 1,000.
 */
const CLOUD = '\ndeployment:\n  backend: cloud\n  cloud:\n    organization: acme\n';
const LIMIT_TOUCHED = 100;
const LIMIT_STACK = 2000;
const LIMIT_PROVIDERS = 3;
/** A bootstrap with the `account-` workspace only: workspace, settings, 2 variables, role, its AdministratorAccess, a trigger; project and `organization` looked up. */
const BOOTSTRAP_ACCOUNT_ONLY = 9;


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
    asLzSynth(() => buildApp(model, { outdir, projectDir: dir }).app.synth());
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
const measured: string[] = [];

// What the run measured, one line per size, for the README and for reviewers of a change.
afterAll(() => {
  if (measured.length > 0) console.log(`cloud backend, measured:\n${measured.join('\n')}`);
});

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
    const big = largest(after);
    measured.push(`${size + 1} accounts: ${after.size} stacks, largest ${big.stack} ${big.resources}, workspaces ${after.get('workspaces')!.resources}, one-account add ${change.stacks.length} stacks ${change.resources} resources`);
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

describe('cloud backend, 5,000 accounts without Identity Center or VPC templates (one synth)', () => {
  let summary: Map<string, StackSummary>;
  let last: string;
  beforeAll(() => {
    const org = generateOrg(5000);
    const doc = parse(org.yaml);
    delete doc.network.templates;
    delete doc.identityCenter;
    last = org.spec.accounts.at(-1)!.key;
    summary = summarize(modelWithLock(stringify(doc) + CLOUD));
  }, 1_800_000);

  test(`no stack holds more than ${LIMIT_STACK} resources or has more than ${LIMIT_PROVIDERS} provider configurations, bootstrap stacks included`, () => {
    const big = largest(summary);
    measured.push(`5000 accounts (no templates, no Identity Center): ${summary.size} stacks, largest ${big.stack} ${big.resources}, busiest ${big.providers} providers, workspaces ${summary.get('workspaces')!.resources}`);
    expect(big.resources).toBeLessThanOrEqual(LIMIT_STACK);
    expect(big.providers).toBeLessThanOrEqual(LIMIT_PROVIDERS);
    expect([...summary.keys()].filter((name) => name.startsWith('bootstrap-')).length).toBe(4999);
  });

  test('the organization-wide bootstrap holds as many resources as at 1,000 accounts (all but identity-center\'s workspace)', () => {
    const thousand = byKey.get(1000)!.after.get('workspaces')!;
    expect(summary.get('workspaces')!.providers).toBe(2);
    // identity-center's workspace: workspace, settings, 2 variables, role, AdministratorAccess, 2 triggers.
    expect(summary.get('workspaces')!.resources).toBe(thousand.resources - 8);
  });

  test('every workload account\'s bootstrap is the same size, and the account\'s stacks stay within the one-account limit', () => {
    const dedicated = ['bootstrap-log-archive', 'bootstrap-network', 'bootstrap-security-tooling'];
    const workload = [...summary.keys()].filter((n) => n.startsWith('bootstrap-') && !dedicated.includes(n));
    expect(workload).toHaveLength(4996);
    expect(new Set(workload.map((n) => summary.get(n)!.resources))).toEqual(new Set([BOOTSTRAP_ACCOUNT_ONLY]));
    expect(summary.get(`account-${last}`)!.resources + summary.get(`bootstrap-${last}`)!.resources).toBeLessThanOrEqual(LIMIT_TOUCHED);
  });
});
