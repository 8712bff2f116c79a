import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding } from '../config/diagnostics';
import { InputError } from '../config/load';
import { LOCK_FILE_NAME, renderLockFile, type LockFile } from '../config/lock-file';
import type { LandingZoneModel } from '../model/types';
import { SynthProgress } from './progress';
import { checkProtectedResources, PROTECTED_SECTION, writeReleases } from './protected-resources';
import type { ShareDirs } from './synth-share';
import { synthesizeInWorkers, workerCount, type StartedWorkers, type WorkerEntry } from './synth-workers';

export interface SynthSummary {
  readonly outdir: string;
  readonly stacks: readonly string[];
  /** The stacks whose files were written (changed or new), sorted; the others kept the file they had. */
  readonly changed: readonly string[];
  /** The stacks the output held before and no longer holds, sorted. */
  readonly removed: readonly string[];
  /** Processes that synthesized: 1 is this process alone. */
  readonly workers: number;
  /** Peak resident set size of each worker process, in kB (empty without workers). */
  readonly workerPeakRssKb: readonly number[];
}

export interface SynthOptions {
  /** `--release <stack:address>` confirmations. */
  readonly releases?: readonly string[];
  /** Requested worker processes (`--workers`, LZ_SYNTH_WORKERS). @default see workerCount */
  readonly workers?: number;
  /** Receives the phases build, synth and write, and the stacks written. @default silent */
  readonly progress?: SynthProgress;
  /** The worker script. @default the compiled synth-worker.js beside this file */
  readonly workerEntry?: WorkerEntry;
  /** With workers, about how many accounts one App holds. @default ACCOUNTS_PER_SHARE */
  readonly accountsPerShare?: number;
  /** Workers started before the model was built (see StartedWorkers); those not needed are stopped. */
  readonly started?: StartedWorkers;
}

/** The synthesized output would destroy a protected resource; nothing was written. */
export class ProtectedResourcesError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join('\n'));
  }
}

/**
 * Synthesizes every stack into a staging directory beside `outdir` and then brings `outdir` up to
 * date, so a failure before that last step (a synth error, a protected resource) leaves the
 * current output as it was.
 *
 * A stack whose text equals the file `outdir` already holds is not written at all (see
 * ChangedOnlySynthesizer), so on a re-synth staging holds only the stacks that changed. The update
 * then replaces the file of each changed stack (a rename, which replaces a file atomically), moves
 * new stacks in, deletes the stacks no longer synthesized, and replaces manifest.json last. A stack
 * directory that stays keeps everything else in it, such as Terraform's `.terraform` and
 * `.terraform.lock.hcl`, and an unchanged stack keeps its file and its modification time. Without a
 * current output, staging is renamed into place whole.
 *
 * cdktf is loaded here, not at start-up: `lz validate` never pays for it; with worker processes
 * this process never loads it.
 */
export async function synthesize(model: LandingZoneModel, outdir: string, projectDir: string, options: SynthOptions = {}): Promise<SynthSummary> {
  refuseHclOutput(process.env);
  const releases = options.releases ?? [];
  const progress = options.progress ?? SynthProgress.silent();
  const target = resolve(outdir);
  const parent = dirname(target);
  try {
    refuseFileAsOutdir(target);
  } catch (e) {
    options.started?.stop();
    throw e;
  }
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.staging-${process.pid}-${Date.now()}`);
  try {
    const workers = workerCount(options.workers, model.accounts.length);
    const dirs: ShareDirs = { outdir: staging, finalOutdir: target, projectDir: resolve(projectDir) };
    progress.phase('build');
    if (workers === 1) options.started?.stop();
    const { stacks, protected: current, peakRssKb } =
      workers === 1
        ? { ...synthesizeHere(model, dirs, progress), peakRssKb: [] }
        : await synthesizeInWorkers(model, workers, dirs, progress, options.workerEntry, options.accountsPerShare, options.started);
    const fileOf = (stack: string) => {
      const staged = join(staging, 'stacks', stack, STACK_FILE);
      return existsSync(staged) ? staged : join(target, 'stacks', stack, STACK_FILE);
    };
    const recorded = (model.lock[PROTECTED_SECTION] as string[] | undefined) ?? [];
    const synthesized = new Set(stacks);
    const stackOf = (stack: string) => (synthesized.has(stack) ? (JSON.parse(readFileSync(fileOf(stack), 'utf8')) as Record<string, unknown>) : undefined);
    const check = checkProtectedResources(recorded, new Set(current), stackOf, releases);
    if (check.findings.length > 0) throw new ProtectedResourcesError(check.findings);
    writeReleases(check.releases, fileOf, staging);
    let changes: { changed: string[]; removed: string[] };
    if (existsSync(target)) changes = updateInPlace(staging, target, stacks);
    else {
      renameSync(staging, target);
      changes = { changed: [...stacks], removed: [] };
    }
    writeLock({ ...model.lock, [PROTECTED_SECTION]: current }, projectDir);
    return { outdir: target, stacks, ...changes, workers, workerPeakRssKb: peakRssKb };
  } finally {
    options.started?.stop();
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Refuses an output directory that is a file, or that has a file among its parents: the staging
 * directory beside it could not be made, and the user would see Node's ENOTDIR or EEXIST after the
 * whole synth. `display` shows a path as the user gave it.
 */
export function refuseFileAsOutdir(target: string, display: (path: string) => string = (path) => path): void {
  for (let path = target; ; path = dirname(path)) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      if (dirname(path) === path) return;
      continue;
    }
    if (stat.isDirectory()) return;
    const what = path === target ? `the output directory ${display(target)} is a file` : `${display(path)} is a file, so the output directory ${display(target)} cannot be made inside it`;
    throw new InputError(`${what}. Name a directory with --out or CDKTF_OUTDIR (lz creates it if it is missing) and run again; nothing was written.`);
  }
}

/** The file cdktf writes into every stack directory. */
const STACK_FILE = 'cdk.tf.json';

/**
 * Brings the output `target` up to `staging`, which holds the changed and new stacks and the new
 * manifest.json, for the set of stacks `stacks`. Returns the stacks changed or added, and the
 * stacks removed, sorted.
 */
function updateInPlace(staging: string, target: string, stacks: readonly string[]): { changed: string[]; removed: string[] } {
  const stagedStacks = join(staging, 'stacks');
  const targetStacks = join(target, 'stacks');
  mkdirSync(targetStacks, { recursive: true });
  const changed: string[] = [];
  for (const name of existsSync(stagedStacks) ? readdirSync(stagedStacks).sort() : []) {
    const from = join(stagedStacks, name);
    const to = join(targetStacks, name);
    if (!existsSync(to)) {
      renameSync(from, to);
      changed.push(name);
      continue;
    }
    let differs = false;
    for (const entry of readdirSync(from)) {
      if (sameFile(join(from, entry), join(to, entry))) continue;
      // A file is replaced by the rename itself; anything else in the way is removed first.
      if (existsSync(join(to, entry)) && !(statSync(join(from, entry)).isFile() && statSync(join(to, entry)).isFile())) rmSync(join(to, entry), { recursive: true, force: true });
      renameSync(join(from, entry), join(to, entry));
      differs = true;
    }
    if (differs) changed.push(name);
  }
  const keep = new Set(stacks);
  const removed = readdirSync(targetStacks).filter((name) => !keep.has(name)).sort();
  for (const name of removed) rmSync(join(targetStacks, name), { recursive: true, force: true });
  // Whatever else the old output held at its top level goes, as when the output was replaced whole.
  for (const entry of readdirSync(target)) if (entry !== 'stacks' && !existsSync(join(staging, entry))) rmSync(join(target, entry), { recursive: true, force: true });
  for (const entry of readdirSync(staging)) if (entry !== 'stacks') renameSync(join(staging, entry), join(target, entry));
  return { changed, removed };
}

/** Whether two paths are files with the same bytes (sizes first, so most changed files are not read). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(b)) return false;
  const [sa, sb] = [statSync(a), statSync(b)];
  if (!sa.isFile() || !sb.isFile() || sa.size !== sb.size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

/**
 * cdktf's SYNTH_HCL_OUTPUT writes HCL into each stack's cdk.tf.json, which lz's protection check,
 * `lz audit`, `lz plan-order` and the test kit read as JSON: with it, the record of protected
 * resources came out empty, so nothing would stop a later synth from dropping one. lz refuses it.
 */
export function refuseHclOutput(env: Readonly<Record<string, string | undefined>>): void {
  const value = env.SYNTH_HCL_OUTPUT;
  if (value === 'true' || value === '1')
    throw new InputError(`SYNTH_HCL_OUTPUT is set to "${value}": lz writes every stack as Terraform JSON (cdk.tf.json), which its protection check, audit and tests read. Unset SYNTH_HCL_OUTPUT and run again.`);
}

/** All stacks in this process, as one share. */
function synthesizeHere(model: LandingZoneModel, dirs: ShareDirs, progress: SynthProgress): { stacks: string[]; protected: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthesizeShare } = require('./synth-share') as typeof import('./synth-share');
  let total = 0;
  let written = 0;
  const result = synthesizeShare(model, { index: 0, count: 1 }, dirs, (event) => {
    if (event.kind === 'built') {
      total = event.counted;
      progress.phase('synth');
    } else progress.stacksWritten(++written, total);
  });
  progress.phase('write');
  return { stacks: result.stacks, protected: Object.values(result.protected).flat().sort() };
}

/** Rewrites lz.lock.json only when its content changes, through a rename so it is never half-written. */
function writeLock(lock: LockFile, projectDir: string): void {
  const path = join(projectDir, LOCK_FILE_NAME);
  const text = renderLockFile(lock);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  const staging = `${path}.staging-${process.pid}`;
  writeFileSync(staging, text);
  renameSync(staging, path);
}
