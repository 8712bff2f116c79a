import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { FIXTURES, PROJECT_DIR, tempDir } from '../helpers';

/**
 * Typical pull requests, pinned: each case under test/fixtures/diff/<case>/head holds the files the
 * pull request changes; both sides start from test/fixtures/diff/base (the default org.yaml with the
 * lz.lock.json its synth wrote). expected.txt is the text output, exit code on its first line.
 */
const DIFF_FIXTURES = join(FIXTURES, 'diff');
const CASES = readdirSync(DIFF_FIXTURES).filter((c) => c !== 'base').sort();

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

function pullRequest(name: string): string {
  const dir = tempDir('lz-diff-');
  cpSync(join(DIFF_FIXTURES, 'base'), join(dir, 'base'), { recursive: true });
  cpSync(join(DIFF_FIXTURES, 'base'), join(dir, 'head'), { recursive: true });
  cpSync(join(DIFF_FIXTURES, name, 'head'), join(dir, 'head'), { recursive: true });
  return dir;
}

const expected = (name: string, file: string) => readFileSync(join(DIFF_FIXTURES, name, file), 'utf8');

describe('lz diff on typical pull requests', () => {
  test('the cases are the ones this suite promises', () => {
    expect(CASES).toEqual(['account-moved', 'account-released', 'assignment-change', 'guardrail-added', 'guardrail-removed', 'new-account', 'new-reach', 'no-change']);
  });

  test.each(CASES)('%s: the text output and the exit code are pinned', async (name) => {
    const r = await run(['diff', 'base/org.yaml', 'head/org.yaml'], pullRequest(name));
    expect(r.stderr).toBe('');
    expect(`exit ${r.code}\n${r.stdout}`).toBe(expected(name, 'expected.txt'));
  });

  test('markdown for a pull-request comment: flagged changes first, markdown characters escaped', async () => {
    const r = await run(['diff', 'base/org.yaml', 'head/org.yaml', '--format', 'markdown'], pullRequest('account-released'));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe(expected('account-released', 'expected.md'));
  });

  test('the documented example is the pinned output of the guardrail-removed case', () => {
    const readme = readFileSync(join(PROJECT_DIR, 'docs', 'guides', 'reviewing-a-change.md'), 'utf8');
    const block = /Removing `require-imdsv2` from the workload guardrails, for example, prints:\n\n```\n([\s\S]*?)```\n/.exec(readme)?.[1];
    const pinned = expected('guardrail-removed', 'expected.txt').split('\n').slice(1).join('\n').replace('base/org.yaml -> head/org.yaml', 'origin/main:org.yaml -> org.yaml');
    expect(block).toBe(pinned);
  });

  test('JSON carries every section as data', async () => {
    const r = await run(['diff', 'base/org.yaml', 'head/org.yaml', '--format', 'json'], pullRequest('guardrail-removed'));
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(expected('guardrail-removed', 'expected.json')));
  });
});

describe('lz diff against git refs', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=lz', '-c', 'user.email=lz@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

  function repository(): string {
    const dir = pullRequest('account-released');
    const repo = join(dir, 'repo');
    cpSync(join(dir, 'base'), repo, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    cpSync(join(dir, 'head'), repo, { recursive: true });
    return repo;
  }

  test('without arguments, the working tree is compared with HEAD (no origin/main), lock and policy files read at the ref', async () => {
    const repo = repository();
    const r = await run(['diff', '--no-deployment'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
    expect(r.stdout.split('\n')[0]).toBe('lz diff HEAD:org.yaml -> org.yaml');
    expect(r.stdout).toContain('  - account sandbox-alice (was in Sandbox) released: handed over to Alice\'s own organization\n');
    expect(r.stdout).toContain('  not synthesized (--no-deployment)\n');
  });

  test('two refs, the second commit as head, give the same sections as the two files', async () => {
    const repo = repository();
    git(repo, 'commit', '-q', '-am', 'release sandbox-alice');
    const r = await run(['diff', 'HEAD~1', 'HEAD'], repo);
    const files = expected('account-released', 'expected.txt').split('\n').slice(2).join('\n');
    expect(`exit ${r.code}\n${r.stdout.split('\n').slice(1).join('\n')}`).toBe(`exit 3\n${files}`);
  });

  test('an unknown ref is a usage error that names it', async () => {
    const repo = repository();
    const r = await run(['diff', 'no-such-branch'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lz: "no-such-branch" is not a git ref or commit of this repository (and no such file exists)\n');
  });

  test('a head that does not validate is reported with its diagnostics and exit 1', async () => {
    const repo = repository();
    writeFileSync(join(repo, 'org.yaml'), readFileSync(join(repo, 'org.yaml'), 'utf8').replace('ou: Workloads/Prod\n    tags: { domain: payments }', 'ou: Workloads/Staging\n    tags: { domain: payments }'));
    const r = await run(['diff', '--no-deployment'], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^org\.yaml:\d+:\d+ +error +LZ0103 +accounts\.payments-prod\.ou/);
  });

  test('an unknown format is a usage error', async () => {
    const r = await run(['diff', 'base/org.yaml', 'head/org.yaml', '--format', 'html'], pullRequest('no-change'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lz: --format must be text, markdown or json, not "html"\n');
  });
});
