import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrg } from '../../bench/generate';
import { renderLockFile, type LockFile } from '../../src/config/lock-file';
import { validateText } from '../../src/pipeline';
import { buildApp } from '../../stacks/app';
import { asLzSynth, modelOf, tempDir, type TerraformJson } from '../helpers';

/**
 * The state layout's limits (DESIGN.md, "A stack is sized by the change, not by the organization"),
 * on the synthesized JSON of generated organizations: adding one account touches at most 100
 * resources in all, no stack holds more than 2,000 resources, no stack has more than 3 provider
 * configurations, and a policy edit at Root touches only the stack that holds the policy.
 */
const MAX_TOUCHED_RESOURCES = 100;
const MAX_STACK_RESOURCES = 2000;
const MAX_PROVIDERS = 3;

interface Synthesized {
  readonly stacks: Map<string, string>;
  readonly lock: LockFile;
}

function synthGenerated(yaml: string, lock?: LockFile): Synthesized {
  const dir = tempDir('lz-scale-');
  try {
    if (lock) writeFileSync(join(dir, 'lz.lock.json'), renderLockFile(lock));
    const model = modelOf(validateText(yaml, 'org.yaml', dir));
    const outdir = join(dir, 'cdktf.out');
    asLzSynth(() => buildApp(model, { outdir, projectDir: dir }).app.synth());
    const stacks = new Map<string, string>();
    for (const name of readdirSync(join(outdir, 'stacks'))) stacks.set(name, readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    return { stacks, lock: model.lock };
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

describe.each([100, 1000])('a generated organization of %i accounts', (accounts) => {
  let before: Synthesized;
  let added: Synthesized;
  beforeAll(() => {
    before = synthGenerated(generateOrg(accounts).yaml);
    added = synthGenerated(generateOrg(accounts + 1).yaml, before.lock);
  }, 600_000);

  test('adding one account adds its own stacks, holding at most 100 resources, and changes no other stack', () => {
    const changed = touched(before, added);
    const names = Object.keys(changed);
    expect(names.every((n) => !before.stacks.has(n))).toBe(true);
    expect(names.map((n) => n.replace(/-[a-z0-9-]+$/, '')).sort()).toEqual(['access', 'account', 'network']);
    const total = Object.values(changed).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(MAX_TOUCHED_RESOURCES);
    expect([...before.stacks.keys()].filter((n) => !added.stacks.has(n))).toEqual([]);
  });

  test('no stack holds more than 2,000 resources or has more than 3 provider configurations', () => {
    for (const [name, text] of added.stacks) {
      const json = JSON.parse(text) as TerraformJson;
      expect([name, resourceCount(json) <= MAX_STACK_RESOURCES, providerCount(json) <= MAX_PROVIDERS]).toEqual([name, true, true]);
    }
  });

  test('a policy edit at Root touches only the organization stack', () => {
    const edited = synthGenerated(generateOrg(accounts).yaml.replace('deny-root-user: {}', 'deny-root-user: {}\n      deny-region-opt-in-changes: {}'), before.lock);
    expect(Object.keys(touched(before, edited))).toEqual(['organization']);
  }, 600_000);
});
