/**
 * Preloaded into every measured process (`node --require`; forked synth workers inherit it): at
 * exit it appends the process's peak resident set size in kB to the file named by BENCH_RSS_FILE,
 * after `main` or `child` (a process with an IPC channel to its parent), so the harness measures
 * whole processes without an external `time` binary.
 */
import { appendFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    appendFileSync(target, `${process.send ? 'child' : 'main'} ${process.resourceUsage().maxRSS}\n`);
  });
}
