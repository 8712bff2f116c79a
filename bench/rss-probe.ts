/**
 * Preloaded into every measured process (`node --require`; forked synth workers inherit it): at
 * exit it appends `main` or `child` (a process with an IPC channel to its parent), the process's
 * peak resident set size in kB and its CPU time (user + system) in microseconds to the file named
 * by BENCH_RSS_FILE, so the harness measures whole processes without an external `time` binary.
 */
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.BENCH_RSS_FILE;
// A worker thread (a synth worker's stack writer) shares its process's figures: only the main thread reports.
if (target && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(target, `${process.send ? 'child' : 'main'} ${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
