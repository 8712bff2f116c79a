import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOrg } from '../../bench/generate';
import { synthesize } from '../../src/cli/synth';
import { stableJson } from '../../src/cli/stable-json';
import { mergeShares, ShareMismatchError } from '../../src/cli/synth-merge';
import { StackClaimedTwiceError } from '../../src/cli/stack-writer';
import { accountShares, synthesizeShare } from '../../src/cli/synth-share';
import { ACCOUNTS_PER_SHARE, declaredAccounts, IN_PROCESS_BELOW_ACCOUNTS, parseWorkerCount, shareCount, StartedWorkers, workerCount, type WorkerEntry } from '../../src/cli/synth-workers';
import { validateFile } from '../../src/pipeline';
import { DEFAULT_ORG, defaultModel, modelOf, PROJECT_DIR, readTree, tempDir } from '../helpers';

/** Workers forked from a test run the TypeScript sources. */
const TS_WORKER: WorkerEntry = { script: join(PROJECT_DIR, 'src', 'cli', 'synth-worker.ts'), execArgv: ['--require', join(__dirname, 'register-ts.js')] };

function project(yaml: string): string {
  const dir = tempDir('lz-workers-');
  writeFileSync(join(dir, 'org.yaml'), yaml);
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return dir;
}

/** Synthesizes org.yaml of `dir` into `<dir>/<out>` with `workers` processes and reads every file back. */
async function synthWith(dir: string, out: string, workers: number, lock?: string, accountsPerShare?: number): Promise<Record<string, string>> {
  if (lock !== undefined) writeFileSync(join(dir, 'lz.lock.json'), lock);
  const model = modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));
  const summary = await synthesize(model, join(dir, out), dir, { workers, workerEntry: TS_WORKER, ...(accountsPerShare ? { accountsPerShare } : {}) });
  expect(summary.workers).toBe(workers);
  return readTree(join(dir, out));
}

describe('lz synth with worker processes', () => {
  // Given a generated organization with every concern (guardrails, Identity Center, logging,
  // security, a VPC in most accounts) and the default org.yaml.
  // Every row names its accounts per share (undefined: the default): jest hands a test function that
  // declares more parameters than its row has a `done` callback, and waits for it.
  test.each<[string, number, () => string, number | undefined]>([
    ['a generated 16-account organization', 2, () => generateOrg(16).yaml, undefined],
    // Each worker synthesizes its accounts in shares, one App after the other: here 6 shares of about 3 accounts.
    ['a generated 16-account organization in shares of 3 accounts', 2, () => generateOrg(16).yaml, 3],
    ['a generated 16-account organization on Terraform Cloud in shares of 3 accounts', 2, () => generateOrg(16, 42, 'cloud').yaml, 3],
    // With Terraform Cloud, account stacks hold the run-role policies of their account's other
    // stacks, and the network account's stack is read by every spoke's run-role policy, so it is
    // built in every worker but complete only in its own.
    ['a generated 16-account organization on Terraform Cloud', 2, () => generateOrg(16, 42, 'cloud').yaml, undefined],
    ['the default org.yaml', 3, () => readFileSync(DEFAULT_ORG, 'utf8'), undefined],
  ])('%s: %i workers write byte for byte what one process writes', async (_, workers, yaml, accountsPerShare) => {
    const dir = project(yaml());
    const alone = await synthWith(dir, 'out-1', 1);
    const lock = readFileSync(join(dir, 'lz.lock.json'), 'utf8');
    const parallel = await synthWith(dir, 'out-n', workers, lock, accountsPerShare);
    expect(readFileSync(join(dir, 'lz.lock.json'), 'utf8')).toBe(lock);
    expect(Object.keys(alone).filter((f) => f.startsWith('stacks/')).length).toBeGreaterThan(10);
    expect(Object.keys(parallel)).toEqual(Object.keys(alone));
    for (const file of Object.keys(alone)) expect([file, parallel[file]]).toEqual([file, alone[file]]);
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);

  test('workers started before the model is built are taken over; one not needed is stopped', async () => {
    const dir = project(generateOrg(16, 42, 'cloud').yaml);
    const alone = await synthWith(dir, 'out-1', 1);
    const model = modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));
    const started = new StartedWorkers(3, TS_WORKER);
    const summary = await synthesize(model, join(dir, 'out-2'), dir, { workers: 2, started });
    expect(summary.workers).toBe(2);
    expect(started.take(3)).toEqual([]);
    const parallel = readTree(join(dir, 'out-2'));
    expect(Object.keys(parallel)).toEqual(Object.keys(alone));
    for (const file of Object.keys(alone)) expect([file, parallel[file]]).toEqual([file, alone[file]]);
  }, 240_000);

  test('a worker started early that died before its request fails synth with its exit', async () => {
    const dir = project(generateOrg(12).yaml);
    const model = modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));
    writeFileSync(join(dir, 'dying-worker.js'), 'process.exit(4);\n');
    const started = new StartedWorkers(2, { script: join(dir, 'dying-worker.js') });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await expect(synthesize(model, join(dir, 'out'), dir, { workers: 2, started })).rejects.toThrow(/^synth worker [01] of 2 exited \(code 4\) before it finished$/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 120_000);

  test('a failing worker fails synth, names the worker and leaves the previous output as it was', async () => {
    const dir = project(generateOrg(12).yaml);
    await synthWith(dir, 'out', 1);
    const before = readTree(join(dir, 'out'));
    const model = modelOf(validateFile(join(dir, 'org.yaml'), 'org.yaml'));
    writeFileSync(join(dir, 'dying-worker.js'), 'process.exit(3);\n');
    const dying: WorkerEntry = { script: join(dir, 'dying-worker.js') };
    await expect(synthesize(model, join(dir, 'out'), dir, { workers: 2, workerEntry: dying })).rejects.toThrow(/^synth worker [01] of 2 exited \(code 3\) before it finished$/);
    expect(readTree(join(dir, 'out'))).toEqual(before);
  }, 120_000);
});

describe('a share writes the stacks the merge takes from it straight into the merged output', () => {
  test.each([0, 1])('share %i of 2: the stacks it counts go to the output, the copies for the merge to its own directory; a second claim stops synth', (index) => {
    const model = defaultModel();
    const root = tempDir('lz-direct-');
    const merged = join(root, 'merged');
    mkdirSync(join(merged, 'stacks'), { recursive: true });
    const dirs = (name: string) => ({ outdir: join(root, name), finalOutdir: join(root, 'none'), projectDir: root, mergedOutdir: merged });
    const result = synthesizeShare(model, { index, count: 2 }, dirs('a'), () => {});
    const other = synthesizeShare(model, { index: 1 - index, count: 2 }, { outdir: join(root, 'other'), finalOutdir: join(root, 'none'), projectDir: root }, () => {});
    const orgWide = ['identity-center', 'log-archive', 'organization'];
    // Share 0 is where the merge takes the organization-wide stacks from (every stack that no other
    // share owns); every other share writes them, for the comparison, into its own directory.
    expect(result.direct).toEqual(result.stacks.filter((name) => result.perAccount.includes(name) || (index === 0 && !other.perAccount.includes(name))));
    expect(result.direct).toEqual(index === 0 ? expect.arrayContaining(orgWide) : result.perAccount);
    const copies = result.stacks.filter((name) => !result.direct!.includes(name));
    if (index === 1) expect(copies).toEqual(expect.arrayContaining(orgWide));
    const stacksIn = (base: string) => (existsSync(join(base, 'stacks')) ? [...new Set(Object.keys(readTree(join(base, 'stacks'))).map((file) => file.split('/')[0]!))].sort() : []);
    expect(stacksIn(merged)).toEqual(result.direct);
    expect(stacksIn(join(root, 'a'))).toEqual(copies);
    // Every protected resource of the stacks it wrote, by stack, as the files declare them.
    expect(result.protected['organization']).toContain('organization:aws_organizations_organization.organization');
    for (const [name, kept] of Object.entries(result.protected)) {
      const json = JSON.parse(readFileSync(join(result.direct!.includes(name) ? merged : join(root, 'a'), 'stacks', name, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, { lifecycle?: { prevent_destroy?: boolean } }>> };
      const declared = Object.entries(json.resource).flatMap(([type, byName]) => Object.entries(byName).filter(([, block]) => block.lifecycle?.prevent_destroy).map(([n]) => `${name}:${type}.${n}`));
      expect([...kept].sort()).toEqual(declared.sort());
    }
    expect(() => synthesizeShare(model, { index, count: 2 }, dirs('b'), () => {})).toThrow(StackClaimedTwiceError);
  }, 120_000);
});

describe('the partition of the accounts', () => {
  test('round-robin over the sorted account keys, released accounts included', () => {
    const model = modelOf(validateFile(DEFAULT_ORG, 'org.yaml'));
    const keys = model.accounts.map((a) => a.key).sort();
    const shareOf = accountShares(model, 2);
    expect(keys.map(shareOf)).toEqual(keys.map((_, i) => i % 2));
    expect(() => shareOf('no-such-account')).toThrow('a per-account stack names the account key "no-such-account", which is not in the model');
  });

  test('share count: a multiple of the workers, about ACCOUNTS_PER_SHARE accounts each', () => {
    expect(shareCount(2, 100)).toBe(2);
    expect(shareCount(2, 500)).toBe(2);
    expect(shareCount(2, 501)).toBe(4);
    expect(shareCount(2, 5000)).toBe(20);
    expect(shareCount(3, 16, 3)).toBe(6);
    expect(ACCOUNTS_PER_SHARE).toBe(250);
  });

  test('the accounts a loaded org.yaml declares, before validation, decide which workers start early', () => {
    expect(declaredAccounts({ accounts: [{ key: 'a' }, { key: 'b' }] })).toBe(2);
    expect(declaredAccounts({ accounts: { a: {}, b: {}, c: {} } })).toBe(3);
    for (const data of [{}, { accounts: null }, { accounts: 'x' }, null, 'text']) expect(declaredAccounts(data)).toBe(0);
  });

  test('worker count: explicit counts are obeyed up to one per account; the default depends on the size', () => {
    expect(workerCount(undefined, IN_PROCESS_BELOW_ACCOUNTS - 1, 8)).toBe(1);
    expect(workerCount(undefined, IN_PROCESS_BELOW_ACCOUNTS, 8)).toBe(2);
    expect(workerCount(undefined, 5000, 1)).toBe(1);
    expect(workerCount(3, 10, 2)).toBe(3);
    expect(workerCount(8, 5, 2)).toBe(5);
    expect(parseWorkerCount(' 4 ', '--workers')).toBe(4);
    expect(() => parseWorkerCount('two', '--workers')).toThrow('--workers must be a whole number from 1 to 64, not "two"');
    expect(() => parseWorkerCount('0', 'LZ_SYNTH_WORKERS')).toThrow('LZ_SYNTH_WORKERS must be a whole number from 1 to 64, not "0"');
  });
});

describe('merging the shares', () => {
  const manifestOf = (names: string[]) => ({ version: '0.21.0', stacks: Object.fromEntries(names.map((n) => [n, { name: n, annotations: [], dependencies: n === 'organization' ? [] : ['organization'] }])) });
  type TestShare = { dir: string; result: { stacks: string[]; perAccount: string[]; direct?: string[]; protected: Record<string, string[]> } };
  /** Share i wrote `stacks` into its own directory, and `direct` straight into the output `root`. */
  function share(root: string, i: number, stacks: Record<string, string>, owned?: string[], direct: Record<string, string> = {}, kept: Record<string, string[]> = {}): TestShare {
    const dir = join(root, `.share-${i}`);
    const write = (base: string, name: string, text: string) => {
      mkdirSync(join(base, 'stacks', name), { recursive: true });
      writeFileSync(join(base, 'stacks', name, 'cdk.tf.json'), text);
    };
    for (const [name, text] of Object.entries(stacks)) write(dir, name, text);
    for (const [name, text] of Object.entries(direct)) write(root, name, text);
    mkdirSync(dir, { recursive: true });
    const all = [...Object.keys(stacks), ...Object.keys(direct)].sort();
    writeFileSync(join(dir, 'manifest.json'), stableJson(manifestOf(all)));
    return {
      dir,
      result: { stacks: all, perAccount: owned ?? all.filter((n) => n !== 'organization'), ...(Object.keys(direct).length > 0 ? { direct: Object.keys(direct).sort() } : {}), protected: kept },
    };
  }

  test('organization-wide stacks from worker 0, per-account stacks from their worker, one sorted manifest', () => {
    const root = tempDir('lz-merge-');
    const shares = [share(root, 0, { organization: '{"o":1}\n', 'account-b': '{"b":1}\n' }), share(root, 1, { organization: '{"o":1}\n', 'account-a': '{"a":1}\n' })];
    expect(mergeShares(root, shares).stacks).toEqual(['account-a', 'account-b', 'organization']);
    expect(readTree(root)).toEqual({
      'manifest.json': stableJson(manifestOf(['account-a', 'account-b', 'organization'])),
      'stacks/account-a/cdk.tf.json': '{"a":1}\n',
      'stacks/account-b/cdk.tf.json': '{"b":1}\n',
      'stacks/organization/cdk.tf.json': '{"o":1}\n',
    });
    expect(existsSync(shares[1]!.dir)).toBe(false);
  });

  test('stacks a share wrote straight into the output stay there; the protected addresses come from the share each stack is taken from', () => {
    // Given share 0 wrote the organization stack and its account's stack into the output itself,
    // share 1 its account's stack; the copies in the share directories serve the comparison.
    const root = tempDir('lz-merge-');
    const shares = [
      share(root, 0, { 'account-n': '{"n":0}\n' }, ['account-a'], { organization: '{"o":1}\n', 'account-a': '{"a":1}\n' }, { organization: ['organization:aws_kms_key.k'], 'account-n': ['account-n:aws_s3_bucket.copy'] }),
      share(root, 1, { organization: '{"o":1}\n' }, ['account-n'], { 'account-n': '{"n":1}\n' }, { 'account-n': ['account-n:aws_s3_bucket.b'], organization: ['organization:aws_kms_key.k'] }),
    ];
    expect(mergeShares(root, shares)).toEqual({ stacks: ['account-a', 'account-n', 'organization'], protected: ['account-n:aws_s3_bucket.b', 'organization:aws_kms_key.k'] });
    expect(readTree(root)).toEqual({
      'manifest.json': stableJson(manifestOf(['account-a', 'account-n', 'organization'])),
      'stacks/account-a/cdk.tf.json': '{"a":1}\n',
      'stacks/account-n/cdk.tf.json': '{"n":1}\n',
      'stacks/organization/cdk.tf.json': '{"o":1}\n',
    });
  });

  test('the guard: a stack written into the output by a share it is not taken from fails the merge', () => {
    const root = tempDir('lz-merge-');
    const shares = [share(root, 0, { organization: '{}\n' }, [], { 'account-b': '{}\n' }), share(root, 1, { organization: '{}\n', 'account-b': '{}\n' }, ['account-b'])];
    expect(() => mergeShares(root, shares)).toThrow('share 0 wrote the stack `account-b` into the output, but the merge takes it from share 1');
  });

  test('the guard: an organization-wide stack that differs between workers fails the merge', () => {
    // Given worker 1's organization stack carries an output worker 0's does not (a consumer created it).
    const root = tempDir('lz-merge-');
    const shares = [
      share(root, 0, { organization: '{\n  "output": {}\n}\n', 'account-b': '{}\n' }),
      share(root, 1, { organization: '{\n  "output": {"cross-stack-output-x": {}}\n}\n', 'account-a': '{}\n' }),
    ];
    expect(() => mergeShares(root, shares)).toThrow(ShareMismatchError);
    expect(() => mergeShares(root, shares)).toThrow(
      'the organization-wide stack `organization` came out differently in share 1 than in share 0 (cdk.tf.json line 2: "\\"output\\": {}" against "\\"output\\": {\\"cross-stack-output-x\\": {}}"). ' +
        'Its content depends on which per-account stacks were built beside it, which is a bug in lz; `lz synth --workers 1` synthesizes in one process meanwhile.',
    );
    expect(existsSync(join(root, 'manifest.json'))).toBe(false);
  });

  test('a stack written by some workers but not all, and owned by none, fails the merge', () => {
    const root = tempDir('lz-merge-');
    const shares = [share(root, 0, { organization: '{}\n', 'account-a': '{}\n' }, []), share(root, 1, { organization: '{}\n', 'account-a': '{}\n' }, []), share(root, 2, { organization: '{}\n' })];
    expect(() => mergeShares(root, shares)).toThrow(
      'the stack `account-a` was written by shares 0, 1 of 3: a stack is organization-wide (every share) or per-account (one, with copies where it is read)',
    );
  });

  test('a per-account stack that another worker built for its readers comes from its own worker', () => {
    // Given worker 1 owns account-n, whose copy there also holds a run-role policy of its account's
    // other stack; worker 0 built a copy because one of its stacks reads the account id.
    const root = tempDir('lz-merge-');
    const output = '"output": {"cross-stack-output-id": {"value": "${aws_organizations_account.account.id}"}}';
    const shares = [
      share(root, 0, { organization: '{}\n', 'account-a': '{}\n', 'account-n': `{${output}}\n` }, ['account-a']),
      share(root, 1, { organization: '{}\n', 'account-n': `{${output}, "resource": {"aws_iam_role_policy": {"run_role_network-n": {}}}}\n` }, ['account-n']),
    ];
    expect(mergeShares(root, shares).stacks).toEqual(['account-a', 'account-n', 'organization']);
    expect(readFileSync(join(root, 'stacks', 'account-n', 'cdk.tf.json'), 'utf8')).toContain('run_role_network-n');
  });

  test('the guard: a reader worker\'s copy that declares an output the owner\'s copy lacks fails the merge', () => {
    const root = tempDir('lz-merge-');
    const shares = [
      share(root, 0, { organization: '{}\n', 'account-n': '{"output": {"cross-stack-output-id": {"value": "x"}}}\n' }, []),
      share(root, 1, { organization: '{}\n', 'account-n': '{"output": {}}\n' }, ['account-n']),
    ];
    expect(() => mergeShares(root, shares)).toThrow(
      'the stack `account-n` declares the output `cross-stack-output-id` only in share 0, where a stack reads it, and not in share 1, whose account it belongs to.',
    );
    expect(existsSync(join(root, 'manifest.json'))).toBe(false);
  });

  test('a per-account stack claimed by two workers fails the merge', () => {
    const root = tempDir('lz-merge-');
    const shares = [share(root, 0, { organization: '{}\n', 'account-a': '{}\n' }), share(root, 1, { organization: '{}\n', 'account-a': '{}\n' })];
    expect(() => mergeShares(root, shares)).toThrow('the per-account stack `account-a` belongs to shares 0 and 1');
  });
});
