/**
 * `npm run bench`: measures `lz validate`, `lz synth`, a bare cdktf baseline and process start-up
 * as whole processes over several runs, on seeded synthetic organizations, and writes
 * bench/results/latest.json and bench/results/latest.md.
 *
 * Usage: node dist/bench/run.js [--sizes 100,1000,5000] [--runs 3] [--results bench/results]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateOrg, type SyntheticOrg } from './generate';

const ROOT = resolve(__dirname, '..', '..');
const LZ = join(ROOT, 'bin', 'lz.js');
const BASELINE = join(__dirname, 'baseline.js');
const PROBE = join(__dirname, 'rss-probe.js');

interface Sample { readonly seconds: number; readonly peakMb: number }
interface Stats { readonly median: number; readonly min: number; readonly max: number }

function run(args: string[], cwd: string): Sample {
  const rssFile = join(cwd, `.rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', PROBE, ...args], {
    cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  const peakKb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
  rmSync(rssFile, { force: true });
  return { seconds, peakMb: peakKb / 1024 };
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

function measure(runs: number, args: string[], cwd: string): { seconds: Stats; peakMb: Stats } {
  const samples = Array.from({ length: runs }, () => run(args, cwd));
  return { seconds: stats(samples.map((s) => s.seconds)), peakMb: stats(samples.map((s) => s.peakMb)) };
}

interface OutputShape {
  readonly stacks: number;
  readonly resources: number;
  readonly bytes: number;
  readonly largestStack: { name: string; resources: number };
  readonly medianStackResources: number;
  readonly files: Record<string, string>;
}

function shapeOf(outdir: string): OutputShape {
  const files: Record<string, string> = {};
  const perStack: Array<{ name: string; resources: number }> = [];
  let bytes = 0;
  for (const name of readdirSync(join(outdir, 'stacks')).sort()) {
    const file = join(outdir, 'stacks', name, 'cdk.tf.json');
    const text = readFileSync(file, 'utf8');
    bytes += statSync(file).size;
    files[name] = text;
    const json = JSON.parse(text) as { resource?: Record<string, Record<string, unknown>> };
    const count = Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    perStack.push({ name, resources: count });
  }
  const counts = perStack.map((s) => s.resources).sort((a, b) => a - b);
  const largest = [...perStack].sort((a, b) => b.resources - a.resources || a.name.localeCompare(b.name))[0]!;
  return {
    stacks: perStack.length,
    resources: counts.reduce((a, b) => a + b, 0),
    bytes,
    largestStack: largest,
    medianStackResources: counts[Math.floor(counts.length / 2)]!,
    files,
  };
}

/** Stacks whose Terraform differs between two outputs, ignoring cdktf's "//" metadata. */
function differingStacks(a: OutputShape, b: OutputShape): string[] {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '//').sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => [k, strip(v)]));
    return value;
  };
  const names = [...new Set([...Object.keys(a.files), ...Object.keys(b.files)])].sort();
  return names.filter((n) => a.files[n] === undefined || b.files[n] === undefined || JSON.stringify(strip(JSON.parse(a.files[n]!))) !== JSON.stringify(strip(JSON.parse(b.files[n]!))));
}

/** Adds one workload account and counts the stacks whose synthesized JSON changed or appeared. */
function oneAccountEdit(org: SyntheticOrg, dir: string, before: OutputShape): { changed: string[]; added: string[] } {
  const editDir = join(dir, 'edit');
  mkdirSync(editDir, { recursive: true });
  const prodOu = org.spec.ous.find((o) => o.endsWith('/Prod'))!;
  const extra = `  bench-added-account:\n    name: bench added account\n    email: aws+bench-added-account@example.com\n    ou: ${prodOu}\n`;
  writeFileSync(join(editDir, 'org.yaml'), org.yaml.replace(/^accounts:\n/m, `accounts:\n${extra}`));
  // The record the first synth wrote, as a committed lz.lock.json would carry it to the next run.
  copyFileSync(join(dir, 'lz.lock.json'), join(editDir, 'lz.lock.json'));
  run([LZ, 'synth', 'org.yaml', '--out', 'out'], editDir);
  const after = shapeOf(join(editDir, 'out'));
  const changed = Object.keys(before.files).filter((s) => after.files[s] !== undefined && after.files[s] !== before.files[s]);
  const added = Object.keys(after.files).filter((s) => before.files[s] === undefined);
  return { changed, added };
}

function main(): void {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1]! : fallback;
  };
  const sizes = option('--sizes', '100,1000,5000').split(',').map(Number);
  const runs = Number(option('--runs', '3'));
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
  const results: Record<string, unknown>[] = [];
  const work = mkdtempSync(join(tmpdir(), 'lz-bench-'));
  try {
    const startup = measure(runs, [LZ, '--help'], work);
    const defaultValidate = measure(runs, [LZ, 'validate', join(ROOT, 'org.yaml')], work);
    for (const size of sizes) {
      const dir = join(work, String(size));
      mkdirSync(dir, { recursive: true });
      const org = generateOrg(size);
      writeFileSync(join(dir, 'org.yaml'), org.yaml);
      const validate = measure(runs, [LZ, 'validate', 'org.yaml'], dir);
      const synth = measure(runs, [LZ, 'synth', 'org.yaml', '--out', 'out'], dir);
      const shape = shapeOf(join(dir, 'out'));
      const baseline = measure(runs, [BASELINE, 'out', 'baseline-out'], dir);
      const baselineShape = shapeOf(join(dir, 'baseline-out'));
      const baselineDiffers = differingStacks(shape, baselineShape);
      const edit = oneAccountEdit(org, dir, shape);
      results.push({
        accounts: size,
        validate,
        synth,
        baseline,
        overhead: synth.seconds.median / baseline.seconds.median,
        output: { stacks: shape.stacks, resources: shape.resources, bytes: shape.bytes, largestStack: shape.largestStack, medianStackResources: shape.medianStackResources },
        baselineResources: baselineShape.resources,
        // The baseline must write the same Terraform as lz (cdktf's construct-path metadata aside), or the ratio means nothing.
        baselineStacksDiffering: baselineDiffers,
        oneAccountEdit: { stacksChanged: edit.changed, stacksAdded: edit.added },
      });
      if (baselineDiffers.length > 0) process.stderr.write(`warning: the baseline's output differs from lz's in ${baselineDiffers.length} stacks (${baselineDiffers.slice(0, 3).join(', ')})\n`);
      process.stderr.write(`${size} accounts: validate ${validate.seconds.median.toFixed(2)} s, synth ${synth.seconds.median.toFixed(2)} s / ${synth.peakMb.max.toFixed(0)} MB, baseline ${baseline.seconds.median.toFixed(2)} s\n`);
    }
    const report = { date: new Date().toISOString(), machine, runs, startup, defaultValidate, results };
    const outDir = resolve(option('--results', join(ROOT, 'bench', 'results')));
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(outDir, 'latest.md'), renderMarkdown(report));
    process.stdout.write(renderMarkdown(report));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Report = { date: string; machine: Record<string, unknown>; runs: number; startup: ReturnType<typeof measure>; defaultValidate: ReturnType<typeof measure>; results: Record<string, unknown>[] };

function renderMarkdown(report: Report): string {
  const s = (x: { seconds: Stats }) => `${x.seconds.median.toFixed(2)} s (${x.seconds.min.toFixed(2)}-${x.seconds.max.toFixed(2)})`;
  const m = (x: { peakMb: Stats }) => `${x.peakMb.max.toFixed(0)} MB`;
  const lines = [
    'The bare cdktf baseline re-declares the Terraform that lz wrote with cdktf\'s generic constructs (references kept as tokens, so cdktf does the same cross-stack work); a run checks that its output equals lz\'s.',
    '',
    `Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GiB, Node ${report.machine.node}, ${report.machine.platform}; ${report.runs} runs each, median (min-max); ${report.date.slice(0, 10)}.`,
    '',
    `Start-up alone (\`lz --help\`): ${s(report.startup)}, ${m(report.startup)}. \`lz validate\` of the default org.yaml: ${s(report.defaultValidate)}.`,
    '',
    '| accounts | lz validate | peak | lz synth | peak | bare cdktf | synth / bare | stacks | resources | output | largest stack | median stack | stacks changed by adding one account |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of report.results as Array<Record<string, any>>) {
    const edit = r.oneAccountEdit as { stacksChanged: string[]; stacksAdded: string[] };
    lines.push(
      `| ${r.accounts} | ${s(r.validate)} | ${m(r.validate)} | ${s(r.synth)} | ${m(r.synth)} | ${s(r.baseline)} | ${(r.overhead as number).toFixed(2)}× | ${r.output.stacks} | ${r.output.resources} | ${(r.output.bytes / 1e6).toFixed(1)} MB | ${r.output.largestStack.name} (${r.output.largestStack.resources}) | ${r.output.medianStackResources} | ${edit.stacksChanged.length} changed (${edit.stacksChanged.length <= 6 ? edit.stacksChanged.join(', ') || 'none' : `${edit.stacksChanged.slice(0, 6).join(', ')}, ...`}), ${edit.stacksAdded.length} added |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

main();
