import { mkdirSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Where a synth puts a stack's file. A stack is one directory with one file, so a synth of 5,000
 * accounts with Terraform Cloud makes 25,004 directories and files. On this project's benchmark
 * machine (ext4) those system calls took from 40 ms to 1.4 s per 1,264 stacks, run to run, and a
 * whole synth with its output on ext4 took 48.8 s against 38.6 s on tmpfs: a worker waited on
 * the disk for about a fifth of its time. `threadWriter` does the writing on a thread of its own,
 * so that the worker synthesizes the next stack meanwhile.
 */
export interface StackWriter {
  /**
   * Makes `directory` (exclusively: a directory that exists already is an error, see
   * StackClaimedTwiceError) and writes `text` into `file` inside it. `stack` names the stack in errors.
   */
  write(stack: string, directory: string, exclusive: boolean, file: string, text: string): void;
  /** Resolves when every write is done; rejects with the first that failed. */
  close(): Promise<void>;
}

/** Two shares of one synth wrote the same stack into the merged output: a bug in lz, never a config mistake. */
export class StackClaimedTwiceError extends Error {
  constructor(stack: string, directory: string) {
    super(`the stack \`${stack}\` was written into ${directory} twice: two shares of the synth claim it, which is a bug in lz; \`lz synth --workers 1\` synthesizes in one process meanwhile`);
  }
}

interface WriteFailure {
  readonly stack: string;
  readonly directory: string;
  readonly exclusive: boolean;
  readonly code?: string;
  readonly message: string;
}

function failure(f: WriteFailure): Error {
  return f.exclusive && f.code === 'EEXIST' ? new StackClaimedTwiceError(f.stack, f.directory) : new Error(`writing the stack \`${f.stack}\` into ${f.directory} failed: ${f.message}`);
}

/** One stack's directory and file, now. */
function writeNow(stack: string, directory: string, exclusive: boolean, file: string, text: string): WriteFailure | undefined {
  try {
    mkdirSync(directory, { recursive: !exclusive });
    writeFileSync(file, text);
    return undefined;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    return { stack, directory, exclusive, ...(error.code !== undefined ? { code: error.code } : {}), message: error.message };
  }
}

/** Writes at once, in the calling thread; a failure throws from `write`. */
export function syncWriter(): StackWriter {
  return {
    write(stack, directory, exclusive, file, text) {
      const failed = writeNow(stack, directory, exclusive, file, text);
      if (failed) throw failure(failed);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * The writer thread's code: for each message, in order, what `writeNow` does, and the failures at
 * `close`. It is plain JavaScript so that the thread needs no module of lz (tests run lz from its
 * TypeScript sources); test/cli/stack-writer.test.ts runs the same cases through both writers.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const pending = new Int32Array(workerData.pending);
const failures = [];
parentPort.on('message', (m) => {
  if (m.kind === 'close') {
    parentPort.postMessage(failures);
    parentPort.close();
    return;
  }
  try {
    mkdirSync(m.directory, { recursive: !m.exclusive });
    writeFileSync(m.file, m.text);
  } catch (e) {
    failures.push({ stack: m.stack, directory: m.directory, exclusive: m.exclusive, ...(e.code !== undefined ? { code: e.code } : {}), message: e.message });
  }
  Atomics.sub(pending, 0, m.text.length);
  Atomics.notify(pending, 0);
});
`;

/** At most this many characters of stack text wait for the writer thread; `write` blocks beyond that. */
export const MAX_PENDING_CHARS = 32 * 1024 * 1024;

/** `write` gives up waiting when the thread has written nothing for this long (it would report why at `close`, which a blocked `write` never reaches). */
const STALLED_MS = 120_000;

/**
 * Writes on a thread of its own, in the order written. `write` returns at once, unless more than
 * `maxPending` characters wait for the disk: then it waits until the thread catches up, so a slow
 * disk does not let the queue grow to the whole output. Failures are reported by `close`.
 */
export function threadWriter(maxPending = MAX_PENDING_CHARS): StackWriter {
  const shared = new SharedArrayBuffer(4);
  const pending = new Int32Array(shared);
  // The thread needs none of the process's node flags or preloaded modules.
  const thread = new Worker(THREAD_SOURCE, { eval: true, execArgv: [], workerData: { pending: shared } });
  let closing: Promise<void> | undefined;
  let threadError: Error | undefined;
  thread.on('error', (e) => (threadError = e));
  return {
    write(stack, directory, exclusive, file, text) {
      if (closing) throw new Error('the stack writer is closed');
      if (threadError) throw threadError;
      Atomics.add(pending, 0, text.length);
      thread.postMessage({ kind: 'write', stack, directory, exclusive, file, text });
      let since = Date.now();
      for (let waiting = Atomics.load(pending, 0); waiting > maxPending; ) {
        Atomics.wait(pending, 0, waiting, 100);
        const now = Atomics.load(pending, 0);
        if (now !== waiting) since = Date.now();
        else if (Date.now() - since > STALLED_MS) throw new Error(`the stack writer thread wrote nothing for ${STALLED_MS / 1000} s`);
        waiting = now;
      }
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        thread.once('message', (failures: WriteFailure[]) => {
          void thread.terminate();
          if (failures.length > 0) reject(failure(failures[0]!));
          else resolve();
        });
        thread.once('error', reject);
        thread.once('exit', (code) => reject(threadError ?? new Error(`the stack writer thread exited (code ${code}) before it finished`)));
        thread.postMessage({ kind: 'close' });
      });
      return closing;
    },
  };
}
