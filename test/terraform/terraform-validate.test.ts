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
 * Two passes. Every stack of a fixture is validated as a module of one root module: one terraform
 * process for the fixture (the default org.yaml's 45 stacks: about 27 s of CPU, against about 6 s
 * of CPU for each stack validated on its own). A child module cannot hold a backend, a `cloud` block
 * or `import` blocks, so the copies lack them; the second pass validates, each in its own directory
 * as the root it is, the stacks taken in file and name order while they add a kind of backend, a
 * `cloud` block or `import` blocks that no stack taken before has.
 * LZ_TERRAFORM_VALIDATE=all validates every stack in that second way too (minutes per fixture; not in CI).
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

/** What of a stack only a root module may hold (and the module copies lack): its backend, its `cloud` block, `import` blocks. */
function rootOnlyFeaturesOf(config: Record<string, unknown>): string[] {
  const terraform = config.terraform as { backend?: object; cloud?: object };
  return [...Object.keys(terraform.backend ?? {}).map((b) => `backend.${b}`), ...(terraform.cloud !== undefined ? ['cloud'] : []), ...(config.import !== undefined ? ['import'] : [])];
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

/**
 * A stack as the module `m/<stack>` of a root: the AWS provider pinned to the mirror's version, and
 * without what only a root module may hold (the backend, the `cloud` block, `import` blocks).
 * Its provider blocks stay: Terraform validates a module's own provider configurations.
 */
function writeModule(root: string, stack: string, config: Record<string, unknown>, version: string): void {
  const copy = { ...config, terraform: { ...(config.terraform as Record<string, unknown>) } } as Record<string, unknown> & { terraform: Record<string, unknown> };
  delete copy.terraform.backend;
  delete copy.terraform.cloud;
  delete copy.import;
  const required = copy.terraform.required_providers as Record<string, { version?: string }> | undefined;
  if (required?.aws) copy.terraform.required_providers = { ...required, aws: { ...required.aws, version } };
  mkdirSync(join(root, 'm', stack), { recursive: true });
  writeFileSync(join(root, 'm', stack, 'cdk.tf.json'), JSON.stringify(copy));
}

/** The root that calls each stack's module (a stack name is a valid module name: letters, digits, - and _). */
function writeRootOfModules(root: string, stacks: readonly string[], version: string): void {
  mkdirSync(root, { recursive: true });
  const module = Object.fromEntries(stacks.map((stack) => [stack, { source: `./m/${stack}` }]));
  writeFileSync(join(root, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version } } }, ...(stacks.length > 0 ? { module } : {}) }));
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
      /** A root module that holds every stack validated with the AWS provider alone as a module, and their names. */
      readonly modules: { readonly dir: string; readonly stacks: string[] };
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
        const plan: Planned = { label, stacks: readdirSync(join(dir, 'stacks')).sort(), validate: [], needsOtherProviders: [], modules: { dir: `${dir}.modules`, stacks: [] } };
        for (const stack of plan.stacks) {
          const path = join(dir, 'stacks', stack, 'cdk.tf.json');
          const config = JSON.parse(readFileSync(path, 'utf8'));
          const providers = Object.keys(config.terraform?.required_providers ?? {});
          if (providers.some((p) => p !== 'aws')) {
            plan.needsOtherProviders.push(`${stack} (${providers.join(', ')})`);
            continue;
          }
          writeModule(plan.modules.dir, stack, config, mirror.version);
          plan.modules.stacks.push(stack);
          const features = rootOnlyFeaturesOf(config);
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
        writeRootOfModules(plan.modules.dir, plan.modules.stacks, mirror.version);
        plans.set(file, plan);
      }
    }, 300_000);

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    test.each(FILES.map((f) => [name(f), f]))('every stack of %s is valid as a module of one root (backend, cloud and import blocks aside)', async (label, file) => {
      const { dir, stacks } = plans.get(file)!.modules;
      await run(terraform, ['init', '-backend=false', `-plugin-dir=${mirror.dir}`, '-input=false', '-no-color'], { cwd: dir, env });
      const out = await run(terraform, ['validate', '-json', '-no-color'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
      const report = JSON.parse(out.stdout) as { valid: boolean; diagnostics: Array<{ severity: string; summary: string; detail?: string; range?: { filename: string } }> };
      const errors = report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.range?.filename ?? '(root)'}: ${d.summary}: ${d.detail ?? ''}`);

      expect(errors).toEqual([]);
      expect(report.valid).toBe(true);
      // Every stack but the HCP Terraform bootstrap ones (tfe: no mirror here) is a module of the root.
      expect(stacks.length + plans.get(file)!.needsOtherProviders.length).toBe(plans.get(file)!.stacks.length);
      expect(readdirSync(join(dir, 'm')).sort()).toEqual(stacks);
      process.stderr.write(`${label}: terraform validate of ${stacks.length} of ${plans.get(file)!.stacks.length} stacks as modules of one root\n`);
    }, 600_000);

    test.each(FILES.map((f) => [name(f), f]))(`${ALL ? 'every stack' : 'the stacks that bring a backend kind or import blocks first'} of %s are valid in their own directory`, async (label, file) => {
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
      process.stderr.write(`${label}: terraform validate of ${results.length} of ${plan.stacks.length} stacks${ALL ? '' : ' in their own directory (the others bring no new backend kind or import blocks; LZ_TERRAFORM_VALIDATE=all for every stack)'}\n`);
    }, 600_000);

    test('what the module copies lack is validated in a stack\'s own directory: every backend kind and import blocks', () => {
      expect([...seen].filter((f) => !covered.has(f))).toEqual([]);
      expect([...covered]).toEqual(expect.arrayContaining(['backend.local', 'backend.s3', 'import']));
    });
  });
}
