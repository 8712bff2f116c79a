import { cpSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrg } from '../../bench/generate';
import { synthesize } from '../../src/cli/synth';
import type { WorkerEntry } from '../../src/cli/synth-workers';
import { withoutTokenStackTraces } from '../../src/cli/token-stack-traces';
import { validateFile } from '../../src/pipeline';
import { buildApp } from '../../stacks/app';
import { DEFAULT_ORG, modelOf, PROJECT_DIR, readTree, tempDir } from '../helpers';

const TS_WORKER: WorkerEntry = { script: join(PROJECT_DIR, 'src', 'cli', 'synth-worker.ts'), execArgv: ['--require', join(__dirname, 'register-ts.js')] };
const OLD = new Date('2020-01-01T00:00:00Z');

function project(yaml: string): string {
  const dir = tempDir('lz-incremental-');
  writeFileSync(join(dir, 'org.yaml'), yaml);
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return dir;
}

const modelIn = (dir: string) => modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));

/** Sets every stack file's modification time to OLD, so that a rewrite shows. */
function ageStackFiles(out: string, stacks: readonly string[]): void {
  for (const name of stacks) utimesSync(join(out, 'stacks', name, 'cdk.tf.json'), OLD, OLD);
}

const rewritten = (out: string, stacks: readonly string[]) => stacks.filter((name) => statSync(join(out, 'stacks', name, 'cdk.tf.json')).mtimeMs !== OLD.getTime());

describe('lz synth writes only the stacks that changed', () => {
  test('its files are byte for byte those of cdktf\'s own synthesizer', async () => {
    // Given the default org.yaml synthesized by lz, and by cdktf's App.synth with cdktf's StackSynthesizer
    const dir = project(readFileSync(DEFAULT_ORG, 'utf8'));
    const model = modelIn(dir);
    const summary = await synthesize(model, join(dir, 'out'), dir, { workers: 1 });
    withoutTokenStackTraces(() => buildApp(model, { outdir: join(dir, 'cdktf'), finalOutdir: join(dir, 'out'), projectDir: dir }).app.synth());
    // Then both trees hold the same files with the same bytes
    expect(summary.changed).toEqual(summary.stacks);
    expect(summary.stacks.length).toBeGreaterThan(40);
    expect(readTree(join(dir, 'out'))).toEqual(readTree(join(dir, 'cdktf')));
  }, 120_000);

  test('a re-synth of the same org.yaml writes nothing; an edit rewrites the stacks it changes, and only those', async () => {
    const dir = project(readFileSync(DEFAULT_ORG, 'utf8'));
    const out = join(dir, 'out');
    const first = await synthesize(modelIn(dir), out, dir, { workers: 1 });
    const before = readTree(out);
    ageStackFiles(out, first.stacks);

    // When nothing changed
    const again = await synthesize(modelIn(dir), out, dir, { workers: 1 });
    // Then no stack file is written, and the output is what it was
    expect([again.changed, again.removed]).toEqual([[], []]);
    expect(rewritten(out, first.stacks)).toEqual([]);
    expect(readTree(out)).toEqual(before);

    // When a permission set's session duration changes
    const yaml = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect(yaml).toContain('sessionDuration: PT1H');
    writeFileSync(join(dir, 'org.yaml'), yaml.replace('sessionDuration: PT1H', 'sessionDuration: PT2H'));
    const edited = await synthesize(modelIn(dir), out, dir, { workers: 1 });
    // Then the stacks that changed are reported, they alone are rewritten, and they hold the change
    expect(edited.changed.length).toBeGreaterThan(0);
    expect(edited.changed.length).toBeLessThan(first.stacks.length / 4);
    expect(rewritten(out, first.stacks)).toEqual(edited.changed);
    expect(edited.changed.some((name) => readFileSync(join(out, 'stacks', name, 'cdk.tf.json'), 'utf8').includes('PT2H'))).toBe(true);
    // And the output equals a fresh synth of the edited org.yaml
    await synthesize(modelIn(dir), join(dir, 'fresh'), dir, { workers: 1 });
    expect(readTree(out)).toEqual(readTree(join(dir, 'fresh')));
  }, 180_000);

  test('a stack directory that is no longer synthesized is removed and reported, and stray top-level files go', async () => {
    const dir = project(readFileSync(DEFAULT_ORG, 'utf8'));
    const out = join(dir, 'out');
    await synthesize(modelIn(dir), out, dir, { workers: 1 });
    const before = readTree(out);
    mkdirSync(join(out, 'stacks', 'account-retired', '.terraform'), { recursive: true });
    writeFileSync(join(out, 'stacks', 'account-retired', 'cdk.tf.json'), '{}');
    writeFileSync(join(out, 'stray.txt'), 'not lz output');
    const again = await synthesize(modelIn(dir), out, dir, { workers: 1 });
    expect(again.removed).toEqual(['account-retired']);
    expect(readTree(out)).toEqual(before);
  }, 120_000);

  test('with worker processes too: a re-synth writes nothing, and one more account writes its own stacks and what reads them', async () => {
    // Given a generated organization synthesized by two workers in shares of 3 accounts
    const org = generateOrg(12);
    const dir = project(org.yaml);
    const out = join(dir, 'out');
    const first = await synthesize(modelIn(dir), out, dir, { workers: 2, workerEntry: TS_WORKER, accountsPerShare: 3 });
    ageStackFiles(out, first.stacks);
    const again = await synthesize(modelIn(dir), out, dir, { workers: 2, workerEntry: TS_WORKER, accountsPerShare: 3 });
    expect([again.changed, again.removed]).toEqual([[], []]);
    expect(rewritten(out, first.stacks)).toEqual([]);

    // When an account is added to the organization
    const { withOneMoreAccount } = await import('../../bench/generate');
    writeFileSync(join(dir, 'org.yaml'), withOneMoreAccount(org));
    const added = await synthesize(modelIn(dir), out, dir, { workers: 2, workerEntry: TS_WORKER, accountsPerShare: 3 });
    // Then its new stacks are written, and of the stacks that were there, exactly those reported as changed
    const fresh = added.stacks.filter((name) => !first.stacks.includes(name));
    expect(fresh.length).toBeGreaterThan(0);
    expect(added.changed).toEqual(expect.arrayContaining(fresh));
    expect(rewritten(out, first.stacks)).toEqual(added.changed.filter((name) => first.stacks.includes(name)));
    await synthesize(modelIn(dir), join(dir, 'fresh'), dir, { workers: 1 });
    expect(readTree(out)).toEqual(readTree(join(dir, 'fresh')));
  }, 240_000);
});
