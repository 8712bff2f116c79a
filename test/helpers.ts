import { AssertionError } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { withFastResolve } from '../src/cli/fast-resolve';
import { withoutTokenStackTraces } from '../src/cli/token-stack-traces';
import { validateFile, validateText, type Validation } from '../src/pipeline';
import type { LandingZoneModel } from '../src/model/types';
import { buildApp } from '../stacks/app';

export const PROJECT_DIR = resolve(__dirname, '..');
export const DEFAULT_ORG = join(PROJECT_DIR, 'org.yaml');
export const FIXTURES = join(__dirname, 'fixtures');

export function tempDir(prefix = 'lz-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let projectCopy: string | undefined;

/**
 * A directory like the project's, with its policies/ but without its lz.lock.json: the record a
 * local `lz synth` leaves in the project must not change what tests see.
 */
export function projectLikeDir(): string {
  if (projectCopy === undefined) {
    projectCopy = tempDir('lz-project-');
    cpSync(join(PROJECT_DIR, 'policies'), join(projectCopy, 'policies'), { recursive: true });
  }
  return projectCopy;
}

/** Validates text as if it were an org.yaml in the project directory (so policies/ resolve). */
export function validateYaml(text: string, dir = projectLikeDir()): Validation {
  return validateText(text, 'org.yaml', dir);
}

export function modelOf(validation: Validation): LandingZoneModel {
  if (!validation.model) throw new Error(`expected a valid config, got:\n${validation.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`);
  return validation.model;
}

export function defaultModel(): LandingZoneModel {
  return modelOf(validateFile(DEFAULT_ORG, 'org.yaml'));
}

export interface SynthOutput {
  /** Synthesized Terraform JSON by stack name. */
  readonly stacks: Record<string, TerraformJson>;
  readonly manifest: { stacks: Record<string, { dependencies: string[] }> };
  /** Every file written, relative path to content. */
  readonly files: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TerraformJson = Record<string, any>;

/**
 * The accounts whose per-account stacks the scale tests synthesize at 1,000 accounts and more
 * (test/scale/layout-limits.test.ts says why a sample is sound): the first three and the last key,
 * the dedicated accounts, and the account the one-account add brings.
 */
export function sampledAccounts(keys: readonly string[], added: string): Set<string> {
  const sorted = [...keys].sort();
  return new Set([...sorted.slice(0, 3), sorted.at(-1)!, 'network', 'log-archive', 'security-tooling', added]);
}

/** Runs `fn` (building and synthesizing an App) as `lz synth` runs it: no token stack traces, resolving through fastResolve. */
export function asLzSynth<T>(fn: () => T): T {
  return withoutTokenStackTraces(() => withFastResolve(fn));
}

/** Synthesizes a model the way `lz synth` does, into a temporary directory, and reads everything back. */
export function synth(model: LandingZoneModel): SynthOutput {
  const dir = tempDir();
  try {
    const outdir = join(dir, 'cdktf.out');
    asLzSynth(() => buildApp(model, { outdir, projectDir: dir }).app.synth());
    const files = readTree(outdir);
    const stacks: Record<string, TerraformJson> = {};
    for (const [path, content] of Object.entries(files)) {
      const m = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(path);
      if (m) stacks[m[1]!] = JSON.parse(content) as TerraformJson;
    }
    return { stacks, manifest: JSON.parse(files['manifest.json']!), files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** Resources of one type in a synthesized stack, by address name. */
export function resources(stack: TerraformJson, type: string): Record<string, TerraformJson> {
  return (stack.resource?.[type] ?? {}) as Record<string, TerraformJson>;
}

/** `# expect: LZ0103 accounts.app-prod.ou` header lines of a fixture. */
export function expectations(text: string): Array<{ code: string; path: string }> {
  return text
    .split('\n')
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => {
      const [code, ...rest] = l.slice('# expect: '.length).trim().split(' ');
      return { code: code!, path: rest.join(' ') };
    });
}

/** The message of the AssertionError `fn` throws (and that it is one: jest and node:test both report it). */
export function assertionFailure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AssertionError);
    return (e as Error).message;
  }
  throw new Error('expected the assertion to fail');
}
