import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

/** A synthesized output: each stack's cdk.tf.json text, by stack name. */
export type StackFiles = Record<string, string>;

export interface StackSize {
  readonly name: string;
  readonly resources: number;
}

export interface OutputShape {
  readonly stacks: number;
  readonly resources: number;
  readonly bytes: number;
  readonly largestStack: StackSize;
  readonly medianStackResources: number;
  /** The stack with the most provider configurations (every `provider.<name>[]` entry, aliases included). */
  readonly busiestStack: { readonly name: string; readonly providers: number };
}

export function readStackFiles(outdir: string): StackFiles {
  const files: StackFiles = {};
  for (const name of readdirSync(join(outdir, 'stacks')).sort()) files[name] = readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
  return files;
}

/** Resource blocks of a stack (data sources, outputs and refactoring blocks are not resources). */
export function resourceCount(json: Json): number {
  return Object.values((json.resource ?? {}) as Record<string, Json>).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/** Provider configurations: each one is a provider process in a Terraform run. */
export function providerCount(json: Json): number {
  return Object.values((json.provider ?? {}) as Record<string, unknown[]>).reduce((n, list) => n + (Array.isArray(list) ? list.length : 1), 0);
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function shapeOf(files: StackFiles): OutputShape {
  const sizes: StackSize[] = [];
  let busiest = { name: '', providers: -1 };
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    bytes += Buffer.byteLength(text);
    const json = JSON.parse(text) as Json;
    sizes.push({ name, resources: resourceCount(json) });
    const providers = providerCount(json);
    if (providers > busiest.providers || (providers === busiest.providers && name < busiest.name)) busiest = { name, providers };
  }
  const counts = sizes.map((s) => s.resources).sort((a, b) => a - b);
  return {
    stacks: sizes.length,
    resources: counts.reduce((a, b) => a + b, 0),
    bytes,
    largestStack: [...sizes].sort((a, b) => b.resources - a.resources || byName(a, b))[0]!,
    medianStackResources: counts[Math.floor(counts.length / 2)]!,
    busiestStack: busiest,
  };
}

export interface TouchedStacks {
  /** Stacks in both outputs whose cdk.tf.json differs, with their resources after the change. */
  readonly changed: StackSize[];
  /** Stacks only in the second output. */
  readonly added: StackSize[];
  /** Stacks only in the first output. */
  readonly dropped: string[];
  /** Resources held by the changed and added stacks: what the plans of the change read. */
  readonly resources: number;
}

/**
 * The stacks a change touches, as a pull request's CI finds them: every stack whose cdk.tf.json
 * text differs between two outputs, or exists in only one.
 */
export function touchedStacks(before: StackFiles, after: StackFiles): TouchedStacks {
  const size = (name: string): StackSize => ({ name, resources: resourceCount(JSON.parse(after[name]!) as Json) });
  const changed = Object.keys(after).filter((n) => before[n] !== undefined && before[n] !== after[n]).sort().map(size);
  const added = Object.keys(after).filter((n) => before[n] === undefined).sort().map(size);
  const dropped = Object.keys(before).filter((n) => after[n] === undefined).sort();
  return { changed, added, dropped, resources: [...changed, ...added].reduce((n, s) => n + s.resources, 0) };
}
