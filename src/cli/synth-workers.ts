import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../config/load';
import type { LandingZoneModel } from '../model/types';
import type { SynthProgress } from './progress';
import { mergeShares, type ShareOutput } from './synth-merge';
import type { ShareDirs } from './synth-share';
import type { WorkerMessage, WorkerRequest } from './synth-worker';

/**
 * Below this many accounts `lz synth` stays in one process unless told otherwise. Each worker
 * loads cdktf and the provider bindings and builds every organization-wide stack again, so two
 * workers spend about 1.5x the CPU of one process; measured with bench/workers.ts (README,
 * Performance), two workers on two free cores already finish first at 50 accounts (estimate 0.90
 * of the single process), but save under a second there, which a busy two-core CI runner loses
 * again. From 100 accounts on the saving is a quarter or more.
 */
export const IN_PROCESS_BELOW_ACCOUNTS = 100;

/** At most this many workers: each holds a copy of cdktf and its share of the constructs. */
export const MAX_WORKERS = 64;

/** The script a worker runs, and the node flags it runs with (tests load the TypeScript sources). */
export interface WorkerEntry {
  readonly script: string;
  readonly execArgv?: readonly string[];
}

export const DEFAULT_WORKER_ENTRY: WorkerEntry = { script: join(__dirname, 'synth-worker.js') };

/** `--workers` or LZ_SYNTH_WORKERS: a whole number from 1 to MAX_WORKERS. */
export function parseWorkerCount(text: string, source: string): number {
  const n = /^[0-9]+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new InputError(`${source} must be a whole number from 1 to ${MAX_WORKERS}, not "${text}"`);
  return n;
}

/**
 * How many processes synthesize: an explicit count is obeyed (never more than one per account);
 * by default one process below IN_PROCESS_BELOW_ACCOUNTS accounts, else min(2, cores).
 */
export function workerCount(requested: number | undefined, accounts: number, cores = availableParallelism()): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, accounts));
  return accounts < IN_PROCESS_BELOW_ACCOUNTS ? 1 : Math.max(1, Math.min(2, cores));
}

export interface WorkersResult {
  readonly stacks: string[];
  /** Peak resident set size of each worker, in kB. */
  readonly peakRssKb: number[];
}

/**
 * Synthesizes the model with `count` worker processes into `dirs.outdir`. Each receives the
 * model (no worker parses org.yaml again) and builds an App of the organization-wide stacks plus
 * its share of the per-account stacks into `<outdir>/.share-<i>`; the shares are then merged. If any
 * worker fails, the others are stopped and the error names the worker.
 */
export async function synthesizeInWorkers(model: LandingZoneModel, count: number, dirs: ShareDirs, progress: SynthProgress, entry = DEFAULT_WORKER_ENTRY): Promise<WorkersResult> {
  const shareDirs = Array.from({ length: count }, (_, i) => join(dirs.outdir, `.share-${i}`));
  for (const dir of shareDirs) mkdirSync(dir, { recursive: true });
  const children: ChildProcess[] = [];
  const counted: number[] = [];
  let total = 0;
  let written = 0;
  const onBuilt = (i: number, stacks: number) => {
    counted[i] = stacks;
    if (counted.filter((n) => n !== undefined).length < count) return;
    total = counted.reduce((a, b) => a + b, 0);
    progress.phase('synth');
  };
  const run = (i: number) =>
    new Promise<ShareOutput & { peakRssKb: number }>((resolve, reject) => {
      const child = fork(entry.script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...(entry.execArgv ? { execArgv: [...entry.execArgv] } : {}) });
      children.push(child);
      let settled = false;
      child.on('message', (message: WorkerMessage) => {
        if (message.kind === 'built') onBuilt(i, message.counted);
        else if (message.kind === 'written') {
          if (message.counts) progress.stacksWritten(++written, total);
        } else if (message.kind === 'done') {
          settled = true;
          resolve({ dir: shareDirs[i]!, result: message.result, peakRssKb: message.peakRssKb });
        } else {
          settled = true;
          reject(new Error(`synth worker ${i} of ${count} failed: ${message.error}`));
        }
      });
      child.on('error', (e) => {
        settled = true;
        reject(new Error(`synth worker ${i} of ${count} could not run: ${e.message}`));
      });
      child.on('exit', (code, signal) => {
        if (!settled) reject(new Error(`synth worker ${i} of ${count} exited (${signal ? `signal ${signal}` : `code ${code}`}) before it finished`));
      });
      const request: WorkerRequest = { model, share: { index: i, count }, dirs: { ...dirs, outdir: shareDirs[i]! } };
      child.send(request);
    });
  let outputs: Array<ShareOutput & { peakRssKb: number }>;
  try {
    outputs = await Promise.all(shareDirs.map((_, i) => run(i)));
  } catch (e) {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
    throw e;
  }
  progress.phase('write');
  return { stacks: mergeShares(dirs.outdir, outputs), peakRssKb: outputs.map((o) => o.peakRssKb) };
}
