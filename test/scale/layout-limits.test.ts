import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADDED_ACCOUNT, generateOrg, withOneMoreAccount, type SyntheticOrg } from '../../bench/generate';
import { renderLockFile, type LockFile } from '../../src/config/lock-file';
import { validateText } from '../../src/pipeline';
import { buildApp } from '../../stacks/app';
import { asLzSynth, modelOf, sampledAccounts, tempDir, type TerraformJson } from '../helpers';

/**
 * The state layout's limits (DESIGN.md, "A stack is sized by the change, not by the organization"),
 * on the synthesized JSON of generated organizations: adding one account touches at most 100
 * resources in all, no stack holds more than 2,000 resources, no stack has more than 3 provider
 * configurations, and a policy edit at Root touches only the stack that holds the policy.
 *
 * At 100 accounts every stack is synthesized. At 1,000 and 5,000 every organization-wide stack is
 * (they are what grows with the organization), and of the per-account stacks those of a sample
 * of accounts: the first and last keys, the dedicated accounts and the added one. A per-account
 * stack is built from its own account alone, whichever stacks are built beside it: that is what
 * lets `lz synth` split the accounts between worker processes, and the merge of their shares
 * checks it on every run (test/cli/synth-workers.test.ts). Which stacks exist at all is read from
 * the model (stack ids and optional stacks in lz.lock.json), for every account.
 */
const MAX_TOUCHED_RESOURCES = 100;
const MAX_STACK_RESOURCES = 2000;
const MAX_PROVIDERS = 3;

interface Synthesized {
  readonly stacks: Map<string, string>;
  readonly lock: LockFile;
  /** What names every per-account stack, synthesized or not: stack id and optional stacks by account key. */
  readonly stackIds: Readonly<Record<string, string>>;
  readonly optionalStacks: Readonly<Record<string, readonly string[]>>;
}

function synthGenerated(yaml: string, sample: Set<string> | undefined, lock?: LockFile): Synthesized {
  const dir = tempDir('lz-scale-');
  try {
    if (lock) writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(lock));
    const model = modelOf(validateText(yaml, 'org.yaml', dir));
    const outdir = join(dir, 'cdktf.out');
    const selectStacks = sample && ((_: string, key: string) => sample.has(key));
    asLzSynth(() => buildApp(model, { outdir, projectDir: dir, ...(selectStacks ? { selectStacks } : {}) }).app.synth());
    const stacks = new Map<string, string>();
    for (const name of readdirSync(join(outdir, 'stacks'))) stacks.set(name, readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    return { stacks, lock: model.lock, stackIds: model.stackIds, optionalStacks: model.optionalStacks };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const resourceCount = (json: TerraformJson) => Object.values((json.resource ?? {}) as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
const providerCount = (json: TerraformJson) => Object.values((json.provider ?? {}) as Record<string, unknown[]>).reduce((n, list) => n + list.length, 0);

/** Stacks of `after` that are new or differ from `before`, with their resource counts. */
function touched(before: Synthesized, after: Synthesized): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, text] of after.stacks) if (before.stacks.get(name) !== text) out[name] = resourceCount(JSON.parse(text));
  return out;
}

describe.each([100, 1000, 5000])('a generated organization of %i accounts', (accounts) => {
  let before: Synthesized;
  let added: Synthesized;
  let sample: Set<string> | undefined;
  let org: SyntheticOrg;
  beforeAll(() => {
    org = generateOrg(accounts);
    sample = accounts > 100 ? sampledAccounts(org.spec.accounts.map((a) => a.key), ADDED_ACCOUNT) : undefined;
    before = synthGenerated(org.yaml, sample);
    added = synthGenerated(withOneMoreAccount(org), sample, before.lock);
  }, 600_000);

  test('adding one account adds its own stacks, holding at most 100 resources, and changes no other stack', () => {
    const changed = touched(before, added);
    const names = Object.keys(changed);
    expect(names.every((n) => !before.stacks.has(n))).toBe(true);
    const id = added.stackIds[ADDED_ACCOUNT]!;
    expect(names.sort()).toEqual([`access-${id}`, `account-${id}`, `baseline-${id}`, `network-${id}`]);
    const total = Object.values(changed).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(MAX_TOUCHED_RESOURCES);
    expect([...before.stacks.keys()].filter((n) => !added.stacks.has(n))).toEqual([]);
    // Every account's stacks keep their names: same stack id, same optional stacks.
    const { [ADDED_ACCOUNT]: _, ...others } = added.stackIds;
    expect(others).toEqual(before.stackIds);
    const { [ADDED_ACCOUNT]: __, ...otherOptional } = added.optionalStacks;
    expect(otherOptional).toEqual(before.optionalStacks);
    expect(Object.keys(before.stackIds)).toHaveLength(accounts);
  });

  test('no stack holds more than 2,000 resources or has more than 3 provider configurations', () => {
    const organizationWide = [...added.stacks.keys()].filter((n) => !/^(account|access|network|baseline\d*)-/.test(n) || n === 'network-hub');
    expect(organizationWide.length).toBeGreaterThanOrEqual(5);
    for (const [name, text] of added.stacks) {
      const json = JSON.parse(text) as TerraformJson;
      expect([name, resourceCount(json) <= MAX_STACK_RESOURCES, providerCount(json) <= MAX_PROVIDERS]).toEqual([name, true, true]);
    }
  });

  test('a policy edit at Root touches only the organization stack', () => {
    const edited = synthGenerated(org.yaml.replace('deny-root-user: {}', 'deny-root-user: {}\n      deny-region-opt-in-changes: {}'), sample, before.lock);
    expect(Object.keys(touched(before, edited))).toEqual(['organization']);
  }, 600_000);
});
