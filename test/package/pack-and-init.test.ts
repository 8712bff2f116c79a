import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_DIR, tempDir } from '../helpers';

/**
 * What a team gets from the registry: `npm pack` (which builds through `prepare`), `lz init` into a
 * new directory, `npm install` of the tarball there, then the scaffolded intent tests, `lz validate`,
 * `lz synth`, and a TypeScript file that uses the public API under `tsc --strict`. Dependencies come
 * from the npm cache the project's own install filled (`--prefer-offline`), or the registry. The
 * scaffold's development dependency (cdktf-cli) is left out (`--omit=dev`): it is not what is tested.
 */
const exec = promisify(execFile);
const TIMEOUT = 600_000;

const npm = (args: string[], cwd: string) =>
  exec('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 64 * 1024 * 1024 });

describe('the packed package, installed into a repository scaffolded by lz init', () => {
  const root = tempDir('lz-pack-');
  const team = join(root, 'acme-landing-zone');
  let tarball = '';
  const packed: string[] = [];

  beforeAll(async () => {
    const { stdout } = await npm(['pack', '--json', '--pack-destination', root], PROJECT_DIR);
    const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(root, info!.filename);
    packed.push(...info!.files.map((f) => f.path));
    await exec('node', [join(PROJECT_DIR, 'bin', 'lz.js'), 'init', team, '--management-account-id', '444455556666', '--email-domain', 'acme.example.org'], { cwd: root });
    await npm(['install', '--omit=dev', tarball, '@types/node@20'], team);
  }, TIMEOUT);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the tarball holds the build, its type declarations and source maps, and no tests or sources', () => {
    expect(packed).toEqual(expect.arrayContaining(['bin/lz.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/index.js.map', 'dist/src/testing/index.d.ts', 'org.yaml', 'org.schema.json', 'templates/init/test/intent.test.js']));
    expect(packed.filter((f) => /^(test|src|stacks|bench|dist\/bench|scripts)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(team, 'node_modules', 'landing-zone-compiler', 'package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.exports['./testing'].types).toBe('./dist/src/testing/index.d.ts');
  });

  test('npx lz validate and npx lz synth work from the scaffolded repository', async () => {
    const validate = await exec('npx', ['lz', 'validate'], { cwd: team });
    expect(validate.stdout).toBe('org.yaml: valid (10 accounts, 7 OUs, 9 policies)\n');
    const synth = await exec('npx', ['lz', 'synth'], { cwd: team, maxBuffer: 16 * 1024 * 1024 });
    expect(synth.stdout).toMatch(/^Synthesized \d+ stacks into cdktf\.out: /);
    const stacks = readdirSync(join(team, 'cdktf.out', 'stacks'));
    const accounts = stacks.flatMap((s) => Object.values(JSON.parse(readFileSync(join(team, 'cdktf.out', 'stacks', s, 'cdk.tf.json'), 'utf8')).resource?.aws_organizations_account ?? {}));
    expect(accounts.map((a) => (a as { email: string }).email.split('@')[1])).toEqual(accounts.map(() => 'acme.example.org'));
  }, TIMEOUT);

  test('the scaffolded intent tests pass under node:test', async () => {
    const { stdout } = await exec('npm', ['test'], { cwd: team });
    expect(stdout).toMatch(/^# pass 4$/m);
    expect(stdout).toMatch(/^# fail 0$/m);
  }, TIMEOUT);

  test('the public API and the test kit type-check under tsc --strict', async () => {
    writeFileSync(join(team, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', noEmit: true, types: ['node'] }, files: ['api.ts'] }));
    writeFileSync(join(team, 'api.ts'), `import { canAccount, canReach, hasErrors, renderDiagnostics, synthesize, validateFile, type AccountDecision, type Diagnostic, type LandingZoneModel } from 'landing-zone-compiler';
import { assertDenied, loadLandingZone, type LandingZone } from 'landing-zone-compiler/testing';

const validation = validateFile('org.yaml');
const diagnostics: Diagnostic[] = validation.diagnostics;
if (hasErrors(diagnostics)) throw new Error(renderDiagnostics(diagnostics));
const model: LandingZoneModel = validation.model!;
const decision: AccountDecision = canAccount(model, 'payments-prod', 'ec2:RunInstances', { region: 'ap-south-1' });
const reach: boolean = canReach(model.network!, 'sandbox-alice/main', 'payments-prod/main');
const lz: LandingZone = loadLandingZone('org.yaml');
assertDenied(lz, 'payments-prod', 'ec2:RunInstances', { region: 'ap-south-1' });
const out: Promise<{ outdir: string; stacks: readonly string[] }> = synthesize(model, 'cdktf.out', '.');
export { decision, reach, out };
`);
    const tsc = join(PROJECT_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await exec('node', [tsc, '-p', join(team, 'tsconfig.json')], { cwd: team }).catch((e: { stdout: string; code: number }) => e);
    expect(result.stdout).toBe('');
    // Deep imports are not part of the API: the exports map refuses them.
    writeFileSync(join(team, 'api.ts'), `import { validateFile } from 'landing-zone-compiler/dist/src/pipeline';\nexport { validateFile };\n`);
    const deep = await exec('node', [tsc, '-p', join(team, 'tsconfig.json')], { cwd: team }).catch((e: { stdout: string; code: number }) => e);
    expect(deep.stdout).toMatch(/api\.ts\(1,\d+\): error TS2307: Cannot find module 'landing-zone-compiler\/dist\/src\/pipeline'/);
  }, TIMEOUT);
});
