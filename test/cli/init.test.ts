import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { validateFile } from '../../src/pipeline';
import { readTree, tempDir } from '../helpers';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

const FLAGS = ['--management-account-id', '444455556666', '--email-domain', 'acme.example.org'];

describe('lz init', () => {
  test('scaffolds a landing-zone repository whose org.yaml validates with the given id and domain', async () => {
    const cwd = tempDir('lz-init-');
    const r = await run(['init', 'acme-landing-zone', ...FLAGS], cwd);

    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = join(cwd, 'acme-landing-zone');
    expect(Object.keys(readTree(dir)).sort()).toEqual([
      '.github/workflows/landing-zone.yml', '.gitignore', '.terraformignore', 'README.md', 'cdktf.json', 'org.yaml', 'package.json',
      'policies/sandbox-guardrails.json', 'scripts/plan-touched-stacks.js', 'test/intent.test.js',
    ]);
    expect(r.stdout).toBe(`Wrote 10 files into acme-landing-zone:\n${Object.keys(readTree(dir)).sort().map((f) => `  ${f}`).join('\n')}\n` +
      'Next: cd acme-landing-zone && npm install && npx lz validate && npm test && npx lz synth\n');
    const validation = validateFile(join(dir, 'org.yaml'), 'org.yaml');
    expect(validation.diagnostics).toEqual([]);
    const model = validation.model!;
    expect(model.organization.name).toBe('acme-landing-zone');
    expect(model.organization.managementAccountId).toBe('444455556666');
    expect(model.accounts.map((a) => a.email.split('@')[1])).toEqual(model.accounts.map(() => 'acme.example.org'));
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/landing-zone-compiler/org.schema.json');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const version = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(pkg).toMatchObject({ name: 'acme-landing-zone', private: true, scripts: { test: 'node --test' }, dependencies: { 'landing-zone-compiler': `^${version}` }, devDependencies: { 'cdktf-cli': '0.21.0' } });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('cdktf.out/\n');
    expect(readFileSync(join(dir, '.terraformignore'), 'utf8')).toContain('node_modules/\n');
    const workflow = readFileSync(join(dir, '.github/workflows/landing-zone.yml'), 'utf8');
    expect(workflow).toContain('run: npx lz validate --format github');
    expect(workflow).toContain('run: node scripts/plan-touched-stacks.js "$RUNNER_TEMP/base.out"');
  });

  test('writes nothing into a directory that has one of its files', async () => {
    const dir = tempDir('lz-init-');
    writeFileSync(join(dir, 'org.yaml'), 'mine\n');
    const r = await run(['init', '.', ...FLAGS], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lz: ${dir} already has org.yaml; nothing was written. Run lz init in a new or empty directory.\n`);
    expect(Object.keys(readTree(dir))).toEqual(['org.yaml']);
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe('mine\n');
  });

  test.each([
    [['--management-account-id', '12345', '--email-domain', 'acme.com'], 'lz: --management-account-id must be the 12 digits of the management account, not "12345".\n'],
    [['--management-account-id', '444455556666', '--email-domain', 'acme'], 'lz: --email-domain must be a domain such as example.com (the accounts\' root emails become aws+<account>@<domain>), not "acme".\n'],
    [['--email-domain', 'acme.com'], 'lz: give --management-account-id: lz init asks for it only on a terminal.\n'],
  ])('refuses %j, writing nothing', async (flags, message) => {
    const dir = tempDir('lz-init-');
    const r = await run(['init', 'new', ...flags], dir);
    expect([r.code, r.stderr]).toEqual([2, message]);
    expect(Object.keys(readTree(dir))).toEqual([]);
  });
});
