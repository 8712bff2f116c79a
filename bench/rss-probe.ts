/**
 * Preloaded into every measured process (`node --require`): at exit it appends the process's
 * peak resident set size to the file named by BENCH_RSS_FILE, so the harness measures whole
 * processes without an external `time` binary.
 */
import { appendFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    appendFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
