import { SynthProgress } from '../../src/cli/progress';
import { main } from '../../src/cli/main';
import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ORG, PROJECT_DIR, tempDir } from '../helpers';

/** A stream that records what is written; `isTTY` as a terminal's stderr has it. */
function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (text: string) => chunks.push(text) };
}

/** A clock that the test moves. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('synth progress on a terminal', () => {
  test('redraws one status line per phase and for the stacks written, then prints the timings', () => {
    // Given a TTY and a clock
    const tty = stream(true);
    const time = clock();
    const progress = SynthProgress.for(tty, false, time.now);
    // When synth runs through its phases
    progress.phase('load');
    time.advance(100);
    progress.phase('validate');
    time.advance(400);
    progress.phase('model');
    time.advance(250);
    progress.phase('build');
    time.advance(2000);
    progress.phase('synth');
    progress.stacksWritten(1, 3);
    time.advance(50);
    progress.stacksWritten(2, 3); // within 100 ms of the last redraw: skipped
    time.advance(10);
    progress.stacksWritten(3, 3); // the last stack is always drawn
    time.advance(1000);
    progress.phase('write');
    time.advance(240);
    const seconds = progress.finish('3 stacks, 1 process');
    // Then
    expect(tty.chunks).toEqual([
      '\r\x1b[Klz synth: load...',
      '\r\x1b[Klz synth: validate...',
      '\r\x1b[Klz synth: model...',
      '\r\x1b[Klz synth: build...',
      '\r\x1b[Klz synth: synth...',
      '\r\x1b[Klz synth: synth: stacks written 1/3',
      '\r\x1b[Klz synth: synth: stacks written 3/3',
      '\r\x1b[Klz synth: write...',
      '\r\x1b[K',
      'lz synth: load 0.10 s, validate 0.40 s, model 0.25 s, build 2.00 s, synth 1.06 s, write 0.24 s; total 4.05 s (3 stacks, 1 process)\n',
    ]);
    expect(seconds).toEqual({ load: 0.1, validate: 0.4, model: 0.25, build: 2, synth: 1.06, write: 0.24 });
  });

  test('a failed synth erases the status line and prints no summary', () => {
    const tty = stream(true);
    const progress = SynthProgress.for(tty, false, clock().now);
    progress.phase('load');
    progress.abandon();
    expect(tty.chunks).toEqual(['\r\x1b[Klz synth: load...', '\r\x1b[K']);
  });
});

describe('synth progress elsewhere', () => {
  test('without a TTY it is quiet unless asked', () => {
    const pipe = stream(false);
    const progress = SynthProgress.for(pipe, false, clock().now);
    progress.phase('synth');
    progress.stacksWritten(10, 10);
    progress.finish();
    expect(pipe.chunks).toEqual([]);
    expect(progress.active).toBe(false);
  });

  test('with --progress: a line per phase and per tenth of the stacks, then the timings', () => {
    const pipe = stream(false);
    const time = clock();
    const progress = SynthProgress.for(pipe, true, time.now);
    progress.phase('synth');
    for (let k = 1; k <= 25; k++) progress.stacksWritten(k, 25);
    time.advance(3000);
    progress.finish();
    expect(pipe.chunks).toEqual([
      'lz synth: synth\n',
      ...[3, 5, 8, 10, 13, 15, 18, 20, 23, 25].map((k) => `lz synth: stacks written ${k}/25\n`),
      'lz synth: synth 3.00 s; total 3.00 s\n',
    ]);
  });
});

describe('lz synth --progress', () => {
  function project(): string {
    const dir = tempDir('lz-progress-');
    copyFileSync(DEFAULT_ORG, join(dir, 'org.yaml'));
    cpSync(join(PROJECT_DIR, 'policies'), join(dir, 'policies'), { recursive: true });
    return dir;
  }

  async function run(args: string[], isTTY: boolean) {
    let stdout = '';
    const stderr = stream(isTTY);
    const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr, cwd: project(), env: {} });
    return { code, stdout, stderr: stderr.chunks.join('') };
  }

  test('prints the phases and the summary on stderr; stdout has only the result lines', async () => {
    const r = await run(['synth', '--out', 'out', '--progress'], false);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Synthesized \d+ stacks into out: [^\n]+\nWritten: \d+ changed or new; \d+ unchanged; \d+ removed\n$/);
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 6)).toEqual(['lz synth: load', 'lz synth: validate', 'lz synth: model', 'lz synth: build', 'lz synth: synth', expect.stringMatching(/^lz synth: stacks written \d+\/\d+$/)]);
    expect(lines.at(-2)).toMatch(/^lz synth: load \d+\.\d\d s, validate \d+\.\d\d s, model \d+\.\d\d s, build \d+\.\d\d s, synth \d+\.\d\d s, write \d+\.\d\d s; total \d+\.\d\d s \(\d+ stacks, 1 process\)$/);
    expect(lines.at(-1)).toBe('');
  });

  test('without --progress and without a TTY, stderr stays empty', async () => {
    const r = await run(['synth', '--out', 'out'], false);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('an invalid --workers is a usage error', async () => {
    const r = await run(['synth', '--out', 'out', '--workers', 'many'], false);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lz: --workers must be a whole number from 1 to 64, not "many"\n');
  });
});
