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

/**
 * A worker synthesizes its accounts in shares of about this many, one App after the other, so that
 * it holds the constructs of one share at a time (each share's tokens are released when it is done,
 * see token-map-release.ts). Every share builds the organization-wide stacks again, which at 5,000
 * accounts costs about 0.4 s. Measured at 5,000 accounts, two workers, after the release (README,
 * Performance): shares of 250 accounts took 23.7 to 28.1 s and 1,255 to 1,356 MB for all processes
 * together, shares of 500 took 28.6 to 32.0 s and about 1,460 MB, shares of 1,000 took 29.9 to
 * 31.9 s and 2,200 to 2,262 MB: the smaller heap is collected faster than the extra builds cost.
 */
export const ACCOUNTS_PER_SHARE = 250;

/**
 * V8 flags of every worker. A synth allocates mostly short-lived values (each element's JSON, each
 * resolved copy), and a larger young generation lets more of them die before they are copied:
 * measured at 5,000 accounts with the output on tmpfs, 32 MB semi-spaces took the local backend from
 * 27.9 to 26.2 s and the Terraform Cloud one from 38.8 to 35.3 s, for 50 to 140 MB more memory.
 */
export const WORKER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/** How many shares `workers` workers split `accounts` accounts into: a multiple of the worker count. */
export function shareCount(workers: number, accounts: number, perShare = ACCOUNTS_PER_SHARE): number {
  return workers * Math.max(1, Math.ceil(accounts / (workers * perShare)));
}

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

/**
 * How many accounts a loaded org.yaml declares (the entries of its `accounts` section, before any
 * validation; 0 when there is none), to start the workers a synth will need early (StartedWorkers).
 */
export function declaredAccounts(data: unknown): number {
  const accounts = data !== null && typeof data === 'object' ? (data as { accounts?: unknown }).accounts : undefined;
  if (Array.isArray(accounts)) return accounts.length;
  return accounts !== null && typeof accounts === 'object' ? Object.keys(accounts).length : 0;
}

/** Forks one synth worker; it loads cdktf and the stacks at once and then waits for its request. */
function forkWorker(entry: WorkerEntry): ChildProcess {
  const execArgv = [...(entry.execArgv ?? process.execArgv), ...WORKER_V8_FLAGS];
  return fork(entry.script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
}

/**
 * Workers forked before the model is built, so that they load cdktf and the provider bindings
 * (about a second each) while this process validates org.yaml. `lz synth` starts them once it
 * has read org.yaml and knows how many accounts it declares; synthesizeInWorkers takes them over,
 * forks more if the model needs more, and stops any it does not need.
 */
export class StartedWorkers {
  private readonly children: ChildProcess[];

  constructor(
    count: number,
    readonly entry: WorkerEntry = DEFAULT_WORKER_ENTRY,
  ) {
    this.children = Array.from({ length: count }, () => forkWorker(entry));
  }

  /** Hands over up to `count` workers (fewer if fewer were started) and stops the rest. */
  take(count: number): ChildProcess[] {
    const taken = this.children.splice(0, count);
    this.stop();
    return taken;
  }

  /** Stops every worker not handed over. */
  stop(): void {
    for (const child of this.children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

export interface WorkersResult {
  readonly stacks: string[];
  /** The protected addresses of the merged output, sorted (see ShareResult.protected). */
  readonly protected: string[];
  /** Peak resident set size of each worker, in kB. */
  readonly peakRssKb: number[];
}

/**
 * Synthesizes the model with `count` worker processes into `dirs.outdir`. Each receives the
 * model (no worker parses org.yaml again) and the shares it synthesizes (shares i, i + count, ...
 * of shareCount): an App of the organization-wide stacks plus the share's per-account stacks.
 * The stacks the merge takes from a share go straight into `<outdir>/stacks`, the rest (copies
 * for the merge's checks) and the share's manifest into `<outdir>/.share-<j>`; the shares are then merged. Until every share is built the total of
 * the progress line is an estimate (shares are round-robin, so alike in size), marked `~`. If any
 * worker fails, the others are stopped and the error names the worker.
 */
export async function synthesizeInWorkers(
  model: LandingZoneModel,
  count: number,
  dirs: ShareDirs,
  progress: SynthProgress,
  entry = DEFAULT_WORKER_ENTRY,
  accountsPerShare = ACCOUNTS_PER_SHARE,
  started?: StartedWorkers,
): Promise<WorkersResult> {
  const prestarted = started?.take(count) ?? [];
  const shares = shareCount(count, model.accounts.length + (model.managedChanges?.removedAccounts.length ?? 0), accountsPerShare);
  const shareDirs = Array.from({ length: shares }, (_, j) => join(dirs.outdir, `.share-${j}`));
  for (const dir of shareDirs) mkdirSync(dir, { recursive: true });
  // Each share writes the stacks the merge takes from it straight into the merged output.
  mkdirSync(join(dirs.outdir, 'stacks'), { recursive: true });
  const children: ChildProcess[] = [];
  const counted = new Map<number, number>();
  let written = 0;
  const total = () => {
    const known = [...counted.values()].reduce((a, b) => a + b, 0);
    if (counted.size === shares) return { total: known, estimated: false };
    // Share 0 also counts the organization-wide stacks; the others are alike.
    const others = [...counted].filter(([j]) => j !== 0).map(([, n]) => n);
    const typical = others.length > 0 ? others.reduce((a, b) => a + b, 0) / others.length : counted.get(0)!;
    return { total: Math.round(known + typical * (shares - counted.size)), estimated: true };
  };
  const onBuilt = (j: number, stacks: number) => {
    const first = counted.size === 0;
    counted.set(j, stacks);
    if (first) progress.phase('synth');
  };
  const run = (i: number) =>
    new Promise<{ outputs: ShareOutput[]; peakRssKb: number }>((resolve, reject) => {
      const mine = shareDirs.map((dir, j) => ({ dir, j })).filter(({ j }) => j % count === i);
      const child = prestarted[i] ?? forkWorker(started?.entry ?? entry);
      children.push(child);
      let settled = false;
      child.on('message', (message: WorkerMessage) => {
        if (message.kind === 'built') onBuilt(message.share, message.counted);
        else if (message.kind === 'written') {
          if (message.stacks > 0) {
            const t = total();
            written += message.stacks;
            progress.stacksWritten(written, Math.max(t.total, written), t.estimated);
          }
        } else if (message.kind === 'done') {
          settled = true;
          resolve({ outputs: message.results.map((result, k) => ({ dir: mine[k]!.dir, result })), peakRssKb: message.peakRssKb });
        } else {
          settled = true;
          reject(new Error(`synth worker ${i} of ${count} failed: ${message.error}`));
        }
      });
      child.on('error', (e) => {
        settled = true;
        reject(new Error(`synth worker ${i} of ${count} could not run: ${e.message}`));
      });
      // A worker started early may have died already, before anything listened.
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
        settled = true;
        reject(new Error(`synth worker ${i} of ${count} exited (${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`}) before it finished`));
        return;
      }
      child.on('exit', (code, signal) => {
        if (!settled) reject(new Error(`synth worker ${i} of ${count} exited (${signal ? `signal ${signal}` : `code ${code}`}) before it finished`));
      });
      const request: WorkerRequest = { model, shares: mine.map(({ dir, j }) => ({ share: { index: j, count: shares }, dirs: { ...dirs, outdir: dir, mergedOutdir: dirs.outdir } })) };
      child.send(request);
    });
  let results: Array<{ outputs: ShareOutput[]; peakRssKb: number }>;
  try {
    results = await Promise.all(Array.from({ length: count }, (_, i) => run(i)));
  } catch (e) {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
    throw e;
  }
  progress.phase('write');
  const outputs = shareDirs.map((dir) => results.flatMap((r) => r.outputs).find((o) => o.dir === dir)!);
  return { ...mergeShares(dirs.outdir, outputs, dirs.finalOutdir), peakRssKb: results.map((r) => r.peakRssKb) };
}
