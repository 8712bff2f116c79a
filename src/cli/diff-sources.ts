import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { InputError } from '../config/load';
import { LOCK_FILE_NAME } from '../config/lock-file';
import type { LandingZoneModel } from '../model/types';
import type { SynthesizedApp } from '../model/diff';
import { withoutTokenStackTraces } from './token-stack-traces';

/** One side of `lz diff`: a file on disk, or org.yaml at a git ref. */
export type VersionSpec = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'git'; readonly ref: string; readonly path: string };

/** A version copied where the pipeline can read it: org.yaml with its lock file and policy files. */
export interface MaterializedVersion {
  /** `origin/main:org.yaml` or the file's path, for headers and diagnostics. */
  readonly label: string;
  readonly file: string;
  /** Removed by `dispose`; undefined for a file on disk, which is read where it is. */
  readonly scratch?: string;
}

/**
 * `<ref>:<path>` names a file at a ref; an existing file is a file; anything else is a git ref and
 * org.yaml is read at it under the path of `--file`.
 */
export function parseVersionSpec(text: string, defaultFile: string, cwd: string): VersionSpec {
  const colon = text.lastIndexOf(':');
  if (colon > 0 && !existsSync(resolve(cwd, text))) return { kind: 'git', ref: text.slice(0, colon), path: text.slice(colon + 1) };
  if (existsSync(resolve(cwd, text)) && statSync(resolve(cwd, text)).isFile()) return { kind: 'file', path: text };
  return { kind: 'git', ref: text, path: defaultFile };
}

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** `origin/main` when the repository has it, else `HEAD`: what a pull request is compared with. */
export function defaultBaseRef(cwd: string): string {
  return git(cwd, ['rev-parse', '--verify', '--quiet', 'origin/main^{commit}']) !== undefined ? 'origin/main' : 'HEAD';
}

/** The files org.yaml reads next to itself: organization policy files and permission set inline policy files. */
function referencedFiles(text: string): string[] {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 200 });
  } catch {
    return [];
  }
  const files = new Set<string>();
  const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  for (const p of Object.values(record(record(data).policies))) if (typeof record(p).file === 'string') files.add(record(p).file as string);
  const sets = record(record(record(data).identityCenter).permissionSets);
  for (const s of Object.values(sets)) {
    const file = record(record(s).inlinePolicy).file;
    if (typeof file === 'string') files.add(file);
  }
  // Paths that leave the directory are not copied; validation reports them as it does for any file.
  return [...files].filter((f) => !isAbsolute(f) && !normalize(f).startsWith('..'));
}

/**
 * Copies org.yaml at a git ref (`git show <ref>:<path>`), the lz.lock.json beside it at that ref
 * when there is one, and the policy files it references, into a scratch directory.
 */
export function materialize(spec: VersionSpec, cwd: string): MaterializedVersion {
  if (spec.kind === 'file') {
    const file = resolve(cwd, spec.path);
    if (!existsSync(file)) throw new InputError(`${spec.path} does not exist`);
    return { label: spec.path, file };
  }
  if (spec.ref.startsWith('-')) throw new InputError(`"${spec.ref}" is not a git ref: refs do not start with "-"`);
  if (git(cwd, ['rev-parse', '--git-dir']) === undefined) throw new InputError(`"${spec.ref}" is neither a file nor a git ref: ${cwd} is not in a git repository`);
  if (git(cwd, ['rev-parse', '--verify', '--quiet', `${spec.ref}^{commit}`]) === undefined)
    throw new InputError(`"${spec.ref}" is not a git ref or commit of this repository (and no such file exists)`);
  const rel = relative(cwd, resolve(cwd, spec.path));
  const show = (path: string) => git(cwd, ['show', `${spec.ref}:./${path.split('\\').join('/')}`]);
  const text = show(rel);
  if (text === undefined) throw new InputError(`${spec.path} does not exist at ${spec.ref}`);
  const scratch = mkdtempSync(join(tmpdir(), 'lz-diff-'));
  const file = join(scratch, 'org.yaml');
  writeFileSync(file, text);
  const dir = dirname(rel);
  const lock = show(join(dir, LOCK_FILE_NAME));
  if (lock !== undefined) writeFileSync(join(scratch, LOCK_FILE_NAME), lock);
  for (const f of referencedFiles(text)) {
    const content = show(join(dir, f));
    if (content === undefined) continue;
    mkdirSync(dirname(join(scratch, f)), { recursive: true });
    writeFileSync(join(scratch, f), content);
  }
  return { label: `${spec.ref}:${spec.path}`, file, scratch };
}

export function dispose(version: MaterializedVersion): void {
  if (version.scratch) rmSync(version.scratch, { recursive: true, force: true });
}

interface Manifest {
  readonly stacks: Record<string, { readonly dependencies?: readonly string[]; readonly synthesizedStackPath: string }>;
}

/**
 * Synthesizes a model into a scratch directory and reads every stack back (its dependencies from
 * the manifest, its cdk.tf.json). Both versions use the same project and output directories, so
 * paths derived from them (local state files) do not show up as changes.
 */
export function synthesizeForDiff(model: LandingZoneModel, projectDir: string, finalOutdir: string): SynthesizedApp {
  const scratch = mkdtempSync(join(tmpdir(), 'lz-diff-synth-'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildApp } = require('../../stacks/app') as typeof import('../../stacks/app');
    withoutTokenStackTraces(() => buildApp(model, { outdir: scratch, finalOutdir, projectDir }).app.synth());
    const manifest = JSON.parse(readFileSync(join(scratch, 'manifest.json'), 'utf8')) as Manifest;
    const app: Record<string, SynthesizedApp[string]> = {};
    for (const [name, stack] of Object.entries(manifest.stacks))
      app[name] = { dependencies: [...(stack.dependencies ?? [])], config: JSON.parse(readFileSync(join(scratch, stack.synthesizedStackPath), 'utf8')) as Record<string, unknown> };
    return app;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

