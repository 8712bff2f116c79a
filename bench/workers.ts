/**
 * Where worker processes start to pay: `node dist/bench/workers.js [--sizes 25,50,100,200,400,800] [--runs 1]`
 * runs `lz synth --workers 1` and `--workers 2` on generated organizations and prints the wall time
 * and the CPU time of every process. Wall time on a shared machine mostly measures the other
 * processes, so the break-even is taken from CPU time: with two free cores, the worker run takes
 * about the main process's CPU (validation, sending the model, merging) plus the slowest worker's,
 * and the single-process run its own CPU.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrg } from './generate';
import { LZ, run, type Sample } from './run';

function median(samples: Sample[], f: (s: Sample) => number): number {
  const values = samples.map(f).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

function main(): void {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
  const sizes = option('--sizes', '25,50,100,200,400,800').split(',').map(Number);
  const runs = Number(option('--runs', '1'));
  const work = mkdtempSync(join(tmpdir(), 'lz-bench-workers-'));
  const lines = ['| accounts | wall, 1 process | wall, 2 workers | CPU, 1 process | CPU, 2 workers: main + slowest worker (workers) | two-core estimate: 2 workers / 1 process |', '|---|---|---|---|---|---|'];
  try {
    for (const size of sizes) {
      const dir = join(work, String(size));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'org.yaml'), generateOrg(size).yaml);
      // Every run starts without an output: a re-synth would write only what changed.
      const fresh = (out: string, workers: string) => {
        rmSync(join(dir, out), { recursive: true, force: true });
        return run([LZ, 'synth', 'org.yaml', '--out', out, '--workers', workers], dir);
      };
      const one = Array.from({ length: runs }, () => fresh('out-1', '1'));
      const two = Array.from({ length: runs }, () => fresh('out-2', '2'));
      const cpuOne = median(one, (s) => s.cpuSeconds.main);
      const cpuTwo = median(two, (s) => s.cpuSeconds.main + Math.max(...s.cpuSeconds.children));
      const workers = two[0]!.cpuSeconds.children.map((c) => c.toFixed(2)).join(' + ');
      lines.push(`| ${size} | ${median(one, (s) => s.seconds).toFixed(2)} s | ${median(two, (s) => s.seconds).toFixed(2)} s | ${cpuOne.toFixed(2)} s | ${cpuTwo.toFixed(2)} s (${two[0]!.cpuSeconds.main.toFixed(2)} + max of ${workers}) | ${(cpuTwo / cpuOne).toFixed(2)} |`);
      process.stderr.write(`${lines[lines.length - 1]}\n`);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
