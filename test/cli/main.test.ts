import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { DEFAULT_ORG, FIXTURES, PROJECT_DIR, readTree, tempDir } from '../helpers';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

function project(): string {
  const dir = tempDir('lz-cli-');
  copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
  cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
  return dir;
}

describe('lz validate', () => {
  test('exits 0 on the default org.yaml', async () => {
    const r = await run(['validate'], project());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('org.yaml: valid (10 accounts, 7 OUs, 9 policies)\n');
  });

  test('exits 1 and prints every problem with file:line:col', async () => {
    const dir = project();
    copyFileSync(join(FIXTURES, 'invalid', 'LZ0103-unknown-ou.yaml'), join(dir, 'broken.yaml'));
    const r = await run(['validate', 'broken.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchInlineSnapshot(`
"broken.yaml:26:9  error  LZ0103  accounts.app-prod.ou
  The OU path "Workload/Prod" does not exist in organizationalUnits.
  Did you mean "Workloads/Prod"? OU paths are keys from the root joined by "/".

1 error, 0 warnings
"
`);
    expect(r.stderr).toBe('');
  });

  test('--format github prints workflow annotations', async () => {
    const dir = project();
    copyFileSync(join(FIXTURES, 'invalid', 'LZ0107-email-without-dot.yaml'), join(dir, 'org.yaml'));
    const r = await run(['validate', '--format', 'github'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error file=org.yaml,line=25,col=12,title=LZ0107::"app-prod@example" is not a valid account email');
  });

  test('exits 2 for a missing file and for a usage error, without a stack trace', async () => {
    const missing = await run(['validate', 'nope.yaml'], project());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('lz: cannot read nope.yaml: ENOENT\n');
    const usage = await run(['frobnicate'], project());
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('lz synth', () => {
  test('writes the stacks and reports them', async () => {
    const dir = project();
    const r = await run(['synth'], dir);
    expect(r.code).toBe(0);
    const stacks = readdirSync(join(dir, 'cdktf.out', 'stacks')).sort();
    expect(stacks).toHaveLength(45);
    expect(stacks).toEqual(expect.arrayContaining(['organization', 'account-network', 'access-network', 'network-network', 'network-hub']));
    // Up to 20 names, then a count: a 5,000-account organization does not print 15,000 names.
    expect(r.stdout).toBe(`Synthesized 45 stacks into cdktf.out: ${stacks.slice(0, 20).join(', ')} and 25 more\nWritten: 45 changed or new; 0 unchanged; 0 removed\n`);
    for (const name of stacks) expect(existsSync(join(dir, 'cdktf.out', 'stacks', name, 'cdk.tf.json'))).toBe(true);
    expect(existsSync(join(dir, 'cdktf.out', 'manifest.json'))).toBe(true);
  });

  test('on a config error exits 1 and leaves the previous output untouched', async () => {
    const dir = project();
    expect((await run(['synth', '--out', 'out'], dir)).code).toBe(0);
    const before = readTree(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'marker.txt'), 'previous run');
    copyFileSync(join(FIXTURES, 'invalid', 'LZ0102-duplicate-email.yaml'), join(dir, 'org.yaml'));

    const r = await run(['synth', '--out', 'out'], dir);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('LZ0102');
    expect(readTree(join(dir, 'out'))).toEqual({ ...before, 'marker.txt': 'previous run' });
  });

  test('a second synth replaces the output as a whole', async () => {
    const dir = project();
    await run(['synth', '--out', 'out'], dir);
    writeFileSync(join(dir, 'out', 'stale.txt'), 'stale');
    expect((await run(['synth', '--out', 'out'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'out', 'stale.txt'))).toBe(false);
  });

  test('honours CDKTF_OUTDIR, as `cdktf synth` sets it', async () => {
    const dir = project();
    mkdirSync(join(dir, 'custom'));
    let stdout = '';
    const code = await main(['synth'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, cwd: dir, env: { CDKTF_OUTDIR: join(dir, 'custom', 'out') } });
    expect(code).toBe(0);
    expect(stdout).toContain('custom/out');
    expect(JSON.parse(readFileSync(join(dir, 'custom', 'out', 'manifest.json'), 'utf8')).stacks.organization).toBeDefined();
  });
});

describe('lz synth on a machine without terraform', () => {
  test('synthesizing import blocks runs no external command (no terraform binary is needed)', async () => {
    const dir = project();
    const adopted = readFileSync(join(dir, 'org.yaml'), 'utf8').replace(
      '    email: aws+network@example.com\n',
      '    email: aws+network@example.com\n    id: "210987654321"\n',
    );
    writeFileSync(join(dir, 'org.yaml'), adopted);
    // The module object itself (an ES namespace import would be a copy the spy cannot reach).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const execSync = jest.spyOn(require('node:child_process') as typeof import('node:child_process'), 'execSync').mockImplementation(() => {
      throw new Error('/bin/sh: 1: terraform: not found');
    });
    try {
      const r = await run(['synth', '--out', 'out'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(execSync).not.toHaveBeenCalled();
    } finally {
      execSync.mockRestore();
    }
    const account = JSON.parse(readFileSync(join(dir, 'out', 'stacks', 'account-network', 'cdk.tf.json'), 'utf8'));
    expect(account.import).toEqual([{ to: 'aws_organizations_account.account', id: '210987654321' }]);
  });
});
