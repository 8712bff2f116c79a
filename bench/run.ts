/**
 * `npm run bench`: on seeded synthetic organizations, for the local and the cloud backend, measures
 * `lz validate` and `lz synth` as whole processes (worker processes included), the shape of the
 * output (stacks, largest and median stack, provider configurations of the busiest), what adding one
 * account touches, and, where terraform and an AWS provider mirror exist, an offline plan of each
 * touched stack. Writes bench/results/latest.json and latest.md.
 *
 * Usage: node dist/bench/run.js [--sizes 100,1000,5000] [--runs 3] [--backends local,cloud]
 *        [--plan-sizes 1000,5000] [--baseline] [--results bench/results]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateOrg, withOneMoreAccount } from './generate';
import { findTerraform, planOffline, type PlanResult } from './offline-plan';
import { renderMarkdown, type Report, type SizeResult } from './report';
import { readStackFiles, shapeOf, touchedStacks } from './shape';

const ROOT = resolve(__dirname, '..', '..');
export const LZ = join(ROOT, 'bin', 'lz.js');
const BASELINE = join(__dirname, 'baseline.js');
const PROBE = join(__dirname, 'rss-probe.js');

export interface Sample {
  readonly seconds: number;
  /** Peak RSS of the lz process itself. */
  readonly peakMb: number;
  /** Sum of the peak RSS of every process of the run (lz and its synth workers): an upper bound of the footprint. */
  readonly totalPeakMb: number;
  readonly processes: number;
  /** CPU time (user + system) of the lz process and of each child, in seconds. */
  readonly cpuSeconds: { readonly main: number; readonly children: number[] };
}
export interface Stats { readonly median: number; readonly min: number; readonly max: number }
export interface Measurement {
  readonly seconds: Stats;
  readonly peakMb: Stats;
  readonly totalPeakMb: Stats;
  readonly processes: number;
  /** CPU time of the first run's processes. */
  readonly cpuSeconds: Sample['cpuSeconds'];
}

export function run(args: string[], cwd: string): Sample {
  const rssFile = join(cwd, `.rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  // Forked synth workers inherit --require, so each process appends its own peak to the file.
  const result = spawnSync(process.execPath, ['--require', PROBE, ...args], { cwd, env: { ...process.env, BENCH_RSS_FILE: rssFile }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`.slice(0, 2000));
  const lines = readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => l.split(' '));
  rmSync(rssFile, { force: true });
  const kb = (l: string[]) => Number(l[1]);
  const main = lines.filter((l) => l[0] === 'main').map(kb);
  if (main.length !== 1) throw new Error(`expected one main process in the RSS record of ${args.join(' ')}, got ${main.length}`);
  const cpu = (l: string[]) => Number(l[2]) / 1e6;
  const cpuSeconds = { main: cpu(lines.find((l) => l[0] === 'main')!), children: lines.filter((l) => l[0] === 'child').map(cpu) };
  return { seconds, peakMb: main[0]! / 1024, totalPeakMb: lines.map(kb).reduce((a, b) => a + b, 0) / 1024, processes: lines.length, cpuSeconds };
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/**
 * Waits until the disk has taken everything written or deleted so far. Deleting the previous
 * output (25,004 stack directories at 5,000 accounts) or copying a base output returns long before
 * the file system has written it back; the timed run that follows then shared the disk with that
 * write-back (cloud 5,000: first synth 40.1 s in a full bench run, 30.0 s with the same harness run
 * alone, 25 to 28 s by hand after `sync`). Where `sync` is missing (Windows) nothing is waited for.
 */
function settleDisk(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/** `runs` samples of `args`; `prepare` runs before each one, outside the time, and the disk is settled after it. */
function measure(runs: number, args: string[], cwd: string, prepare: () => void = () => undefined): Measurement {
  const samples = Array.from({ length: runs }, () => {
    prepare();
    settleDisk();
    return run(args, cwd);
  });
  return { seconds: stats(samples.map((s) => s.seconds)), peakMb: stats(samples.map((s) => s.peakMb)), totalPeakMb: stats(samples.map((s) => s.totalPeakMb)), processes: samples[0]!.processes, cpuSeconds: samples[0]!.cpuSeconds };
}

async function measureSize(size: number, backend: 'local' | 'cloud', work: string, options: { runs: number; plan: boolean; baseline: boolean }): Promise<SizeResult> {
  const dir = join(work, `${backend}-${size}`);
  mkdirSync(dir, { recursive: true });
  const org = generateOrg(size, 42, backend);
  writeFileSync(join(dir, 'org.yaml'), org.yaml);
  const result: { -readonly [K in keyof SizeResult]?: SizeResult[K] } = { accounts: size, backend };
  try {
    result.validate = measure(options.runs, [LZ, 'validate', 'org.yaml'], dir);
    // A first synth: every run starts without an output (a re-synth writes only what changed, below).
    result.synth = measure(options.runs, [LZ, 'synth', 'org.yaml', '--out', 'out'], dir, () => rmSync(join(dir, 'out'), { recursive: true, force: true }));
    if (backend === 'local')
      result.synthOneProcess = measure(options.runs, [LZ, 'synth', 'org.yaml', '--out', 'out-1', '--workers', '1'], dir, () => rmSync(join(dir, 'out-1'), { recursive: true, force: true }));
    rmSync(join(dir, 'out-1'), { recursive: true, force: true });
    const before = readStackFiles(join(dir, 'out'));
    result.shape = shapeOf(before);
    if (options.baseline && backend === 'local') result.baseline = measure(options.runs, [BASELINE, 'out', 'baseline-out'], dir);
    // The one-account add, with the record the first synth wrote carried over as a committed lz.lock.json would be.
    const editDir = join(dir, 'edit');
    mkdirSync(editDir, { recursive: true });
    writeFileSync(join(editDir, 'org.yaml'), withOneMoreAccount(org));
    // What a pull request waits for: the synth of the edited org.yaml over the output of the base.
    result.resynthAfterAdd = measure(options.runs, [LZ, 'synth', 'org.yaml', '--out', 'out'], editDir, () => {
      rmSync(join(editDir, 'out'), { recursive: true, force: true });
      cpSync(join(dir, 'out'), join(editDir, 'out'), { recursive: true });
      copyFileSync(join(dir, 'lz.lock.json'), join(editDir, 'lz.lock.json'));
    });
    const after = readStackFiles(join(editDir, 'out'));
    const touched = touchedStacks(before, after);
    result.oneAccountAdd = touched;
    if (options.plan) {
      const tools = findTerraform();
      if ('missing' in tools) result.plans = { missing: tools.missing };
      else {
        const plans: PlanResult[] = [];
        for (const stack of [...touched.changed, ...touched.added])
          plans.push(await planOffline(tools, stack.name, JSON.parse(after[stack.name]!), stack.resources, join(dir, 'plan', stack.name)));
        result.plans = { terraform: tools.terraform, awsVersion: tools.awsVersion, results: plans };
      }
    }
  } catch (e) {
    result.error = (e as Error).message.split('\n').slice(0, 6).join(' ').slice(0, 600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result as SizeResult;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1]! : fallback;
  };
  const list = (text: string) => text.split(',').filter(Boolean);
  const sizes = list(option('--sizes', '100,1000,5000')).map(Number);
  const planSizes = new Set(list(option('--plan-sizes', '1000,5000')).map(Number));
  const backends = list(option('--backends', 'local,cloud')) as Array<'local' | 'cloud'>;
  const runs = Number(option('--runs', '3'));
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const machine = {
    nproc: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeGb: Math.round(freemem() / 2 ** 30),
    free,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: spawnSync('uptime', [], { encoding: 'utf8' }).stdout?.trim() ?? '',
  };
  const work = mkdtempSync(join(tmpdir(), 'lz-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const backend of backends)
      for (const size of sizes) {
        const r = await measureSize(size, backend, work, { runs, plan: planSizes.has(size), baseline: argv.includes('--baseline') });
        results.push(r);
        process.stderr.write(r.error ? `${backend} ${size}: FAILED ${r.error}\n` : `${backend} ${size} accounts: synth ${r.synth!.seconds.median.toFixed(2)} s / ${r.synth!.totalPeakMb.max.toFixed(0)} MB, ${r.shape!.stacks} stacks, one-account add touches ${r.oneAccountAdd!.resources} resources\n`);
      }
    const report: Report = { date: new Date().toISOString(), machine: { ...machine, loadAtEnd: spawnSync('uptime', [], { encoding: 'utf8' }).stdout?.trim() ?? '' }, runs, results };
    const outDir = resolve(option('--results', join(ROOT, 'bench', 'results')));
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(outDir, 'latest.md'), renderMarkdown(report));
    process.stdout.write(renderMarkdown(report));
    if (results.some((r) => r.error)) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
