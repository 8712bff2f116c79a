import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
 * Merges the shares' outputs into `outdir`: the organization-wide stacks from share 0 (after
 * checking that every other share wrote them byte for byte the same), each per-account stack from
 * the one share that built it, and one manifest.json in cdktf's format (keys sorted, two-space
 * indent). The share directories are removed. Returns every stack name, sorted.
 */
export function mergeShares(outdir: string, shares: readonly ShareOutput[]): string[] {
  const owner = new Map<string, number>();
  shares.forEach((share, i) => {
    for (const name of share.result.perAccount) {
      if (owner.has(name)) throw new ShareMismatchError(`the per-account stack \`${name}\` was built by workers ${owner.get(name)} and ${i}; each belongs to one`);
      owner.set(name, i);
    }
  });
  const organizationWide = (share: ShareOutput) => share.result.stacks.filter((name) => !share.result.perAccount.includes(name));
  const shared = organizationWide(shares[0]!);
  const manifests = shares.map((share) => JSON.parse(readFileSync(join(share.dir, 'manifest.json'), 'utf8')) as Manifest);
  shares.forEach((share, i) => {
    if (i === 0) return;
    const mine = organizationWide(share);
    if (mine.join('\n') !== shared.join('\n'))
      throw new ShareMismatchError(`worker ${i} built the organization-wide stacks ${mine.join(', ')}, worker 0 built ${shared.join(', ')}`);
    for (const name of shared) {
      const difference = firstDifference(join(shares[0]!.dir, 'stacks', name), join(share.dir, 'stacks', name));
      if (difference !== undefined)
        throw new ShareMismatchError(
          `the organization-wide stack \`${name}\` came out differently in worker ${i} than in worker 0 (${difference}). ` +
            'Its content depends on which per-account stacks were built beside it, which is a bug in lz; `lz synth --workers 1` synthesizes in one process meanwhile.',
        );
      if (stableJson(manifests[i]!.stacks[name]) !== stableJson(manifests[0]!.stacks[name]))
        throw new ShareMismatchError(`the manifest entry of the organization-wide stack \`${name}\` differs between worker ${i} and worker 0`);
    }
  });
  mkdirSync(join(outdir, 'stacks'), { recursive: true });
  const from = (name: string) => shares[owner.get(name) ?? 0]!;
  const names = [...shared, ...owner.keys()].sort();
  for (const name of names) renameSync(join(from(name).dir, 'stacks', name), join(outdir, 'stacks', name));
  const stacks = Object.fromEntries(names.map((name) => [name, manifests[owner.get(name) ?? 0]!.stacks[name]]));
  writeFileSync(join(outdir, 'manifest.json'), stableJson({ version: manifests[0]!.version, stacks }));
  for (const share of shares) rmSync(share.dir, { recursive: true, force: true });
  return names;
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

/**
 * JSON with every object's keys sorted and a two-space indent, as cdktf writes manifest.json. The
 * text is built here rather than by JSON.stringify of a re-sorted object, which would still put
 * integer-like keys first.
 */
export function stableJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return value.length === 0 ? '[]' : `[\n${value.map((v) => `${inner}${stableJson(v ?? null, inner)}`).join(',\n')}\n${indent}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? '{}' : `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stableJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
