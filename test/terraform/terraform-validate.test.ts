import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateFile } from '../../src/pipeline';
import { buildApp } from '../../stacks/app';
import { DEFAULT_ORG, FIXTURES, modelOf, tempDir } from '../helpers';

/**
 * `terraform validate` on every stack of every valid fixture and of the default org.yaml, where a
 * terraform binary and a filesystem mirror of hashicorp/aws exist (no machine here reaches the
 * registry). The mirror may hold another provider version than the bindings, so each stack is
 * validated in a copy whose AWS version constraint is the mirror's version. Where either is
 * missing, the one test that runs says so in its name: it never passes as if it had validated.
 *
 * Each validation loads the whole AWS provider schema (about 6 s of CPU per stack here), so by
 * default a deterministic cover is validated: stacks are taken in file and name order while they
 * add a resource type, data source type, block kind, provider or backend that no stack taken
 * before has, so every kind of block the tool writes is validated at least once.
 * LZ_TERRAFORM_VALIDATE=all (set by .ci/run) validates every stack.
 */
const run = promisify(execFile);

const FILES = [...readdirSync(join(FIXTURES, 'valid')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(FIXTURES, 'valid', f)), DEFAULT_ORG];
const name = (file: string) => (file === DEFAULT_ORG ? 'org.yaml' : `test/fixtures/valid/${file.split('/').pop()}`);

function findTerraform(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v terraform'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** A filesystem mirror (`<dir>/registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/terraform-provider-aws*`) and its version. */
function findAwsMirror(): { dir: string; version: string } | undefined {
  const roots = [process.env.LZ_TF_PLUGIN_MIRROR, '/opt', '/usr/local/share', '/usr/share', join(homedir(), '.terraform.d'), join(homedir(), '.local', 'share', 'terraform')]
    .filter((r): r is string => r !== undefined && existsSync(r));
  if (roots.length === 0) return undefined;
  const found = spawnSync('find', [...roots, '-path', '*registry.terraform.io/hashicorp/aws/*', '-name', 'terraform-provider-aws*'], { encoding: 'utf8' });
  const m = /^(.*)\/registry\.terraform\.io\/hashicorp\/aws\/([^/]+)\/[^/]+\/terraform-provider-aws[^/\n]*$/m.exec(found.stdout);
  return m ? { dir: m[1]!, version: m[2]! } : undefined;
}

const terraform = findTerraform();
const mirror = findAwsMirror();
const ALL = process.env.LZ_TERRAFORM_VALIDATE === 'all';
const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' };

/** The kinds of blocks a stack has, independent of its name and values. */
function featuresOf(config: Record<string, unknown>): string[] {
  const keys = (section: string) => Object.keys((config[section] ?? {}) as object).map((k) => `${section}.${k}`);
  const blocks = ['import', 'moved', 'removed', 'output'].filter((b) => config[b] !== undefined);
  return [...keys('resource'), ...keys('data'), ...keys('provider'), ...Object.keys((config.terraform as { backend?: object }).backend ?? {}).map((b) => `backend.${b}`), ...blocks];
}

/** Runs `work` over items, at most `limit` at a time (the machine has two cores). */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  }));
  return results;
}

if (terraform === undefined || mirror === undefined) {
  const missing = [terraform === undefined ? 'no terraform binary on PATH' : '', mirror === undefined ? 'no filesystem mirror of hashicorp/aws' : ''].filter(Boolean).join(' and ');
  test(`NOT RUN: terraform validate of every stack (${missing} on this machine)`, () => {
    process.stderr.write(`terraform validate did not run: ${missing}. Install terraform and a provider mirror to run it.\n`);
    expect([terraform, mirror].some((found) => found === undefined)).toBe(true);
  });
} else {
  describe(`terraform validate (${terraform}, hashicorp/aws ${mirror.version} from ${mirror.dir})`, () => {
    const root = tempDir('lz-validate-');
    const shared = join(root, 'providers');

    interface Planned {
      readonly label: string;
      readonly stacks: string[];
      readonly validate: string[];
      readonly needsOtherProviders: string[];
    }
    const plans = new Map<string, Planned>();
    const covered = new Set<string>();
    const seen = new Set<string>();

    beforeAll(async () => {
      // One `terraform init` for all stacks: each stack directory links its .terraform to this one.
      mkdirSync(shared);
      writeFileSync(join(shared, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { aws: { source: 'aws', version: mirror.version } } } }));
      await run(terraform, ['init', '-backend=false', `-plugin-dir=${mirror.dir}`, '-input=false', '-no-color'], { cwd: shared, env });
      for (const file of FILES) {
        const label = name(file);
        const dir = join(root, label.replace(/[^A-Za-z0-9.-]/g, '_'));
        buildApp(modelOf(validateFile(file, 'org.yaml')), { outdir: dir, projectDir: dir }).app.synth();
        const plan: Planned = { label, stacks: readdirSync(join(dir, 'stacks')).sort(), validate: [], needsOtherProviders: [] };
        for (const stack of plan.stacks) {
          const path = join(dir, 'stacks', stack, 'cdk.tf.json');
          const config = JSON.parse(readFileSync(path, 'utf8'));
          const providers = Object.keys(config.terraform?.required_providers ?? {});
          if (providers.some((p) => p !== 'aws')) {
            plan.needsOtherProviders.push(`${stack} (${providers.join(', ')})`);
            continue;
          }
          const features = featuresOf(config);
          for (const f of features) seen.add(f);
          if (!ALL && features.every((f) => covered.has(f))) continue;
          for (const f of features) covered.add(f);
          // The bindings' range (6.x) relaxed to the version the mirror holds.
          if (config.terraform.required_providers?.aws) config.terraform.required_providers.aws.version = mirror.version;
          writeFileSync(path, JSON.stringify(config));
          symlinkSync(join(shared, '.terraform'), join(dir, 'stacks', stack, '.terraform'));
          copyFileSync(join(shared, '.terraform.lock.hcl'), join(dir, 'stacks', stack, '.terraform.lock.hcl'));
          plan.validate.push(join(dir, 'stacks', stack));
        }
        plans.set(file, plan);
      }
    }, 300_000);

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    test.each(FILES.map((f) => [name(f), f]))(`${ALL ? 'every stack' : 'the stacks that cover a new kind of block'} of %s are valid`, async (label, file) => {
      const plan = plans.get(file)!;
      const results = await inParallel(plan.validate, 2, async (stackDir) => {
        const out = await run(terraform, ['validate', '-json', '-no-color'], { cwd: stackDir, env, maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
        const report = JSON.parse(out.stdout) as { valid: boolean; diagnostics: Array<{ severity: string; summary: string; detail?: string }> };
        return { stack: stackDir.split('/').pop(), valid: report.valid, errors: report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.summary}: ${d.detail ?? ''}`) };
      });

      expect(results.filter((r) => !r.valid || r.errors.length > 0)).toEqual([]);
      if (plan.needsOtherProviders.length > 0) process.stderr.write(`${label}: not validated, the mirror holds only hashicorp/aws: ${plan.needsOtherProviders.join(', ')}\n`);
      // Only the HCP Terraform bootstrap stack needs another provider (tfe); every other stack can be validated.
      expect(plan.needsOtherProviders.every((s) => / \((aws, )?tfe(, aws)?\)$/.test(s))).toBe(true);
      if (ALL) expect(results.length + plan.needsOtherProviders.length).toBe(plan.stacks.length);
      process.stderr.write(`${label}: terraform validate of ${results.length} of ${plan.stacks.length} stacks${ALL ? '' : ' (the others add no new kind of block; LZ_TERRAFORM_VALIDATE=all for every stack)'}\n`);
    }, 600_000);

    test('the stacks validated cover every kind of block written for the AWS provider', () => {
      expect([...seen].filter((f) => !covered.has(f))).toEqual([]);
      expect(covered.has('resource.aws_organizations_account')).toBe(true);
      expect(covered.has('import')).toBe(true);
    });
  });
}
