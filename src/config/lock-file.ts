import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error, type Finding } from './diagnostics';

/** The record file's name; it sits next to org.yaml and is committed with it. */
export const LOCK_FILE_NAME = 'lz.lock.json';

/**
 * What lz has decided before and must keep deciding the same way: a small JSON record, committed
 * next to org.yaml, read by every `lz validate`/`lz synth` and rewritten by `lz synth`. Each
 * capability owns one top-level section; unknown sections are kept as they are.
 */
export interface LockFile {
  readonly version: 1;
  readonly [section: string]: unknown;
}

export const EMPTY_LOCK: LockFile = { version: 1 };

/** Reads the record next to org.yaml; a missing file is an empty record, a broken one an error. */
export function readLockFile(dir: string): { lock: LockFile; findings: Finding[] } {
  const path = join(dir, LOCK_FILE_NAME);
  if (!existsSync(path)) return { lock: EMPTY_LOCK, findings: [] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return {
      lock: EMPTY_LOCK,
      findings: [error('LZ0020', [], `${LOCK_FILE_NAME} is not valid JSON: ${(e as Error).message}.`,
        `Restore ${LOCK_FILE_NAME} from version control; lz writes it, it is not meant to be edited by hand.`)],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as { version?: unknown }).version !== 1) {
    return {
      lock: EMPTY_LOCK,
      findings: [error('LZ0020', [], `${LOCK_FILE_NAME} is not a version 1 lz record.`,
        `Restore ${LOCK_FILE_NAME} from version control, or delete it if this organization has never been synthesized.`)],
    };
  }
  return { lock: data as LockFile, findings: [] };
}

/** Stable text: keys sorted at every level, two-space indentation, a final newline. */
export function renderLockFile(lock: LockFile): string {
  return `${JSON.stringify(sortKeys(lock), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  return value;
}
