import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { error, type Finding } from '../config/diagnostics';

/** The lz.lock.json section that lists every resource lz declared with `prevent_destroy`. */
export const PROTECTED_SECTION = 'protected';

type Json = Record<string, unknown>;
type Block = { from?: string; lifecycle?: { prevent_destroy?: boolean } };

/** `<stack>:<type>.<name>` */
export type ProtectedAddress = string;

/** Every `<stack>:<type>.<name>` whose resource has lifecycle.prevent_destroy in a synthesized output, sorted. */
export function protectedAddresses(stacks: ReadonlyMap<string, Json>): ProtectedAddress[] {
  return [...stacks].flatMap(([stack, json]) => protectedIn(stack, json)).sort();
}

/** The `<stack>:<type>.<name>` of every resource with lifecycle.prevent_destroy in one stack's JSON, in the JSON's order. */
export function protectedIn(stack: string, json: Json): ProtectedAddress[] {
  const out: ProtectedAddress[] = [];
  for (const [type, byName] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Block>>))
    for (const [name, block] of Object.entries(byName)) if (block.lifecycle?.prevent_destroy === true) out.push(`${stack}:${type}.${name}`);
  return out;
}

export interface ProtectionCheck {
  readonly findings: Finding[];
  /** Confirmed releases, by stack: addresses to leave Terraform's state with destroy = false. */
  readonly releases: ReadonlyMap<string, string[]>;
}

/**
 * `prevent_destroy` protects a resource only while its block exists: an edit of org.yaml that drops
 * the block (turning off Detective, access logging or Security Hub, say) would plan its destruction.
 * A recorded protected resource whose stack is still synthesized must therefore still be declared,
 * moved or removed there, or be released explicitly with `--release <stack>:<address>`; a released
 * resource leaves Terraform's state through a `removed` block and stays in AWS. A stack that is no
 * longer synthesized at all is never applied again, so nothing in it is destroyed.
 *
 * `current` holds the protected addresses of the new output; `stackOf` gives a synthesized stack's
 * JSON, or undefined for a stack no longer synthesized. It is asked only for the stacks of recorded
 * addresses that `current` lacks, so a synth in which nothing protected goes away reads no stack.
 */
export function checkProtectedResources(previous: readonly string[], current: ReadonlySet<ProtectedAddress>, stackOf: (stack: string) => Json | undefined, releases: readonly string[]): ProtectionCheck {
  const findings: Finding[] = [];
  const confirmed = new Map<string, string[]>();
  const known = new Set(previous);
  for (const release of releases)
    if (!known.has(release))
      findings.push(error('LZ0810', [], `\`--release ${release}\` names no protected resource recorded in lz.lock.json.`,
        'Give the stack and the address exactly as the error that asked for it printed them, e.g. security-tooling:aws_detective_graph.detective.'));
  for (const entry of previous) {
    if (current.has(entry)) continue;
    const [stack, address] = splitAddress(entry);
    const json = stackOf(stack);
    if (!json || handledByRefactoring(json, address)) continue;
    if (releases.includes(entry)) {
      confirmed.set(stack, [...(confirmed.get(stack) ?? []), address]);
      continue;
    }
    findings.push(error('LZ0810', [], `The stack \`${stack}\` no longer declares ${address}, which lz created with prevent_destroy; applying it would destroy the resource.`,
      `Restore the org.yaml setting that declared it, or run lz synth --release ${entry} to stop managing it and leave it in AWS.`));
  }
  return { findings, releases: confirmed };
}

/** Adds `removed { lifecycle { destroy = false } }` blocks for confirmed releases to the written stacks. */
export function writeReleases(releases: ReadonlyMap<string, string[]>, fileOf: (stack: string) => string, stagingDir: string): void {
  for (const [stack, addresses] of releases) {
    const json = JSON.parse(readFileSync(fileOf(stack), 'utf8')) as Json;
    const removed = [...((json.removed ?? []) as Json[]), ...addresses.sort().map((from) => ({ from, lifecycle: { destroy: false } }))];
    mkdirSync(join(stagingDir, 'stacks', stack), { recursive: true });
    writeFileSync(join(stagingDir, 'stacks', stack, 'cdk.tf.json'), `${JSON.stringify({ ...json, removed }, null, 2)}\n`);
  }
}

function splitAddress(entry: string): [string, string] {
  const i = entry.indexOf(':');
  return [entry.slice(0, i), entry.slice(i + 1)];
}

function handledByRefactoring(json: Json, address: string): boolean {
  const blocks = [...((json.moved ?? []) as Block[]), ...((json.removed ?? []) as Block[])];
  return blocks.some((b) => b.from === address);
}
