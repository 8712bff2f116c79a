import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME, renderLockFile, type LockFile } from '../config/lock-file';
import type { LandingZoneModel } from '../model/types';
import { SynthProgress } from './progress';
import { checkProtectedResources, PROTECTED_SECTION, protectedAddresses, readStacks, writeReleases } from './protected-resources';
import type { ShareDirs } from './synth-share';
import { synthesizeInWorkers, workerCount, type WorkerEntry } from './synth-workers';

export interface SynthSummary {
  readonly outdir: string;
  readonly stacks: readonly string[];
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
}

/** The synthesized output would destroy a protected resource; nothing was written. */
export class ProtectedResourcesError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => f.message).join('\n'));
  }
}

/**
 * Synthesizes every stack into a fresh directory beside `outdir`, then swaps it into place, so a
 * failure at any point leaves the previous output as it was. cdktf is loaded here, not at start-up:
 * `lz validate` never pays for it; with worker processes this process never loads it.
 */
export async function synthesize(model: LandingZoneModel, outdir: string, projectDir: string, options: SynthOptions = {}): Promise<SynthSummary> {
  const releases = options.releases ?? [];
  const progress = options.progress ?? SynthProgress.silent();
  const target = resolve(outdir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(target)}.staging-${stamp}`);
  const previous = join(parent, `.${basename(target)}.previous-${stamp}`);
  try {
    const workers = workerCount(options.workers, model.accounts.length);
    const dirs: ShareDirs = { outdir: staging, finalOutdir: target, projectDir: resolve(projectDir) };
    progress.phase('build');
    const { stacks, peakRssKb } = workers === 1 ? { ...synthesizeHere(model, dirs, progress), peakRssKb: [] } : await synthesizeInWorkers(model, workers, dirs, progress, options.workerEntry, options.accountsPerShare);
    const recorded = (model.lock[PROTECTED_SECTION] as string[] | undefined) ?? [];
    const written = readStacks(staging, recorded);
    const check = checkProtectedResources(recorded, written, releases);
    if (check.findings.length > 0) throw new ProtectedResourcesError(check.findings);
    writeReleases(staging, check.releases);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    if (existsSync(previous)) carryOverWorkingFiles(previous, target);
    rmSync(previous, { recursive: true, force: true });
    writeLock({ ...model.lock, [PROTECTED_SECTION]: protectedAddresses(written) }, projectDir);
    return { outdir: target, stacks, workers, workerPeakRssKb: peakRssKb };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(previous)) renameSync(previous, target);
    throw e;
  }
}

/** What `terraform init` writes into a stack directory: providers and modules, and the provider lock file users commit. */
const TERRAFORM_WORKING_FILES = ['.terraform', '.terraform.lock.hcl'];

/**
 * Moves Terraform's working files of every stack that is still synthesized from the replaced
 * output into the new one, so a stack needs `terraform init` once, not after every synth. A stack
 * that is no longer synthesized takes its files with it.
 */
function carryOverWorkingFiles(from: string, to: string): void {
  const stacks = join(from, 'stacks');
  if (!existsSync(stacks)) return;
  for (const stack of readdirSync(stacks)) {
    if (!existsSync(join(to, 'stacks', stack))) continue;
    for (const name of TERRAFORM_WORKING_FILES)
      if (existsSync(join(stacks, stack, name))) renameSync(join(stacks, stack, name), join(to, 'stacks', stack, name));
  }
}

/** All stacks in this process, as one share. */
function synthesizeHere(model: LandingZoneModel, dirs: ShareDirs, progress: SynthProgress): { stacks: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthesizeShare } = require('./synth-share') as typeof import('./synth-share');
  let total = 0;
  let written = 0;
  const { stacks } = synthesizeShare(model, { index: 0, count: 1 }, dirs, (event) => {
    if (event.kind === 'built') {
      total = event.counted;
      progress.phase('synth');
    } else progress.stacksWritten(++written, total);
  });
  progress.phase('write');
  return { stacks };
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
