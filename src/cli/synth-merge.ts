import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stableJson } from './stable-json';
import type { ShareResult } from './synth-share';

/** One share's output directory (stacks/ and manifest.json, as cdktf wrote them) and what it holds. */
export interface ShareOutput {
  readonly dir: string;
  readonly result: ShareResult;
}

interface Manifest {
  readonly version: string;
  readonly stacks: Record<string, unknown>;
}

/**
 * Two shares wrote an organization-wide stack differently. Every share builds every
 * organization-wide stack, and these must not depend on which per-account stacks exist beside
 * them (a producer pre-registers every output a consumer may read); if one does, the output would
 * depend on the worker count, so synth stops.
 */
export class ShareMismatchError extends Error {}

/**
 * Merges the shares' outputs into `outdir`. A per-account stack is taken from the share its account
 * belongs to, and so is a stack that one share alone wrote (the bootstrap stack of
 * its accounts, with the cloud backend). A stack that every share wrote and none owns (an organization-wide stack) is taken
 * from share 0, after checking that every other share wrote it byte for byte the same. An
 * `account-<id>` stack that other shares also built, because one of their stacks reads its account
 * id, is taken from its own share: only there does it hold everything of its account (the run-role
 * policies of the account's other stacks, with the cloud backend); the other copies must declare
 * no output that the owner's copy lacks or declares differently, so that every reader finds what it
 * reads. Anything else is an error. A stack that its share left unchanged (ShareResult.unchanged:
 * `currentOutdir` holds the same file) is not moved, and is read from `currentOutdir` where needed.
 * A stack that its share wrote straight into `outdir` (ShareResult.direct) is already in place;
 * one written there by a share the merge does not take it from is an error.
 * One manifest.json is written in cdktf's format (keys sorted, two-space indent), and the share
 * directories are removed. Returns every stack name, sorted, and the protected addresses of the
 * merged stacks, sorted.
 */
export function mergeShares(outdir: string, shares: readonly ShareOutput[], currentOutdir?: string): { stacks: string[]; protected: string[] } {
  // Per share, the stacks it left as the current output holds them and wrote no file for.
  const unchanged = shares.map((share) => new Set(share.result.unchanged ?? []));
  // Per share, the stacks it wrote into `outdir` itself.
  const direct = shares.map((share) => new Set(share.result.direct ?? []));
  /** The directory that holds share i's copy of a stack. */
  const dirOf = (i: number, name: string) => (unchanged[i]!.has(name) ? currentOutdir : direct[i]!.has(name) ? outdir : shares[i]!.dir);
  const writers = new Map<string, number[]>();
  const owners = new Map<string, number>();
  shares.forEach((share, i) => {
    for (const name of share.result.stacks) writers.set(name, [...(writers.get(name) ?? []), i]);
    for (const name of share.result.perAccount) {
      if (owners.has(name)) throw new ShareMismatchError(`the per-account stack \`${name}\` belongs to shares ${owners.get(name)} and ${i}`);
      owners.set(name, i);
    }
  });
  const manifests = shares.map((share) => JSON.parse(readFileSync(join(share.dir, 'manifest.json'), 'utf8')) as Manifest);
  const names = [...writers.keys()].sort();
  const source = new Map<string, number>();
  for (const name of names) {
    const by = writers.get(name)!;
    const owner = owners.get(name);
    if (owner !== undefined) {
      if (!by.includes(owner)) throw new ShareMismatchError(`the per-account stack \`${name}\` was not written by share ${owner}, whose account it belongs to`);
      for (const i of by) if (i !== owner) assertReadable(name, owner, i, (share) => dirOf(share, name));
      source.set(name, owner);
    } else if (by.length === 1) source.set(name, by[0]!);
    else if (by.length === shares.length) {
      for (const i of by.slice(1)) assertSame(name, (share) => dirOf(share, name), manifests, i);
      source.set(name, 0);
    } else
      throw new ShareMismatchError(`the stack \`${name}\` was written by shares ${by.join(', ')} of ${shares.length}: a stack is organization-wide (every share) or per-account (one, with copies where it is read)`);
  }
  for (const name of names)
    direct.forEach((written, i) => {
      if (written.has(name) && source.get(name) !== i)
        throw new ShareMismatchError(`share ${i} wrote the stack \`${name}\` into the output, but the merge takes it from share ${source.get(name)}`);
    });
  mkdirSync(join(outdir, 'stacks'), { recursive: true });
  for (const name of names) {
    const i = source.get(name)!;
    if (!unchanged[i]!.has(name) && !direct[i]!.has(name)) renameSync(join(shares[i]!.dir, 'stacks', name), join(outdir, 'stacks', name));
  }
  const kept = names.flatMap((name) => shares[source.get(name)!]!.result.protected?.[name] ?? []).sort();
  const stacks = Object.fromEntries(names.map((name) => [name, manifests[source.get(name)!]!.stacks[name]]));
  writeFileSync(join(outdir, 'manifest.json'), stableJson({ version: manifests[0]!.version, stacks }));
  for (const share of shares) rmSync(share.dir, { recursive: true, force: true });
  return { stacks: names, protected: kept };
}

/** The copy of a per-account stack that share `i` built for its readers declares only outputs the owner's copy declares alike; `dirOf` names the directory that holds a share's copy. */
function assertReadable(name: string, owner: number, i: number, dirOf: (share: number) => string | undefined): void {
  const outputs = (share: number) => {
    const dir = dirOf(share);
    if (dir === undefined) throw new ShareMismatchError(`share ${share} left the stack \`${name}\` unchanged, but no current output was given to read it from`);
    const text = readFileSync(join(dir, 'stacks', name, 'cdk.tf.json'), 'utf8');
    return ((JSON.parse(text) as { output?: Record<string, unknown> }).output ?? {}) as Record<string, unknown>;
  };
  const owned = outputs(owner);
  for (const [output, value] of Object.entries(outputs(i)))
    if (!(output in owned) || stableJson(owned[output]) !== stableJson(value))
      throw new ShareMismatchError(
        `the stack \`${name}\` declares the output \`${output}\` ${output in owned ? 'differently' : 'only'} in share ${i}, where a stack reads it, ` +
          `and ${output in owned ? 'otherwise' : 'not'} in share ${owner}, whose account it belongs to. Its outputs depend on which stacks were built beside it, which is a bug in lz; ` +
          '`lz synth --workers 1` synthesizes in one process meanwhile.',
      );
}

function assertSame(name: string, dirOf: (share: number) => string | undefined, manifests: readonly Manifest[], i: number): void {
  const [first, other] = [dirOf(0), dirOf(i)];
  if (first === undefined || other === undefined) throw new ShareMismatchError(`a share left the organization-wide stack \`${name}\` unchanged, but no current output was given to read it from`);
  const difference = firstDifference(join(first, 'stacks', name), join(other, 'stacks', name));
  if (difference !== undefined)
    throw new ShareMismatchError(
      `the organization-wide stack \`${name}\` came out differently in share ${i} than in share 0 (${difference}). ` +
        'Its content depends on which per-account stacks were built beside it, which is a bug in lz; `lz synth --workers 1` synthesizes in one process meanwhile.',
    );
  if (stableJson(manifests[i]!.stacks[name]) !== stableJson(manifests[0]!.stacks[name]))
    throw new ShareMismatchError(`the manifest entry of the organization-wide stack \`${name}\` differs between share ${i} and share 0`);
}

/** Where two stack directories differ: a file only one has, or the first differing line; undefined when equal. */
function firstDifference(a: string, b: string): string | undefined {
  const filesA = listFiles(a);
  const filesB = listFiles(b);
  if (filesA.join('\n') !== filesB.join('\n')) return `files ${filesA.join(', ')} against ${filesB.join(', ')}`;
  for (const file of filesA) {
    const textA = readFileSync(join(a, file), 'utf8');
    const textB = readFileSync(join(b, file), 'utf8');
    if (textA === textB) continue;
    const linesA = textA.split('\n');
    const linesB = textB.split('\n');
    const line = linesA.findIndex((l, i) => l !== linesB[i]);
    const at = line === -1 ? linesA.length : line;
    return `${file} line ${at + 1}: ${JSON.stringify((linesA[at] ?? '').trim())} against ${JSON.stringify((linesB[at] ?? '').trim())}`;
  }
  return undefined;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full));
    }
  };
  walk(root);
  return out;
}
