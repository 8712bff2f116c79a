import { canonicalJson } from '../policy-packing';
import { dependencyWaves } from '../waves';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One synthesized stack: its dependencies (from the manifest) and its Terraform JSON (cdk.tf.json). */
export interface SynthesizedStack {
  readonly dependencies: readonly string[];
  readonly config: Readonly<Record<string, unknown>>;
}

/** Every stack of a synthesized app by name. */
export type SynthesizedApp = Readonly<Record<string, SynthesizedStack>>;

export interface StackChange {
  readonly stack: string;
  readonly status: 'added' | 'dropped' | 'changed';
  /** Resources in the stack: the head's count, or the base's for a dropped stack. */
  readonly resources: number;
  readonly resourcesAdded: number;
  readonly resourcesChanged: number;
  /** Resources that leave the configuration: `moved` and `removed` blocks account for some of them. */
  readonly resourcesRemoved: number;
  /** Removed resources no `moved` or `removed` block accounts for: the plan destroys them. */
  readonly destroyed: readonly string[];
  readonly importsAdded: number;
  readonly movedAdded: number;
  readonly removedAdded: number;
  /** Providers, backend, data sources, outputs or variables changed. */
  readonly otherChanged: boolean;
}

export interface DeploymentDiff {
  /** Sorted by name. */
  readonly stacks: readonly StackChange[];
  readonly unchanged: number;
  /** The changed and added stacks in the head's dependency waves (empty waves left out), in apply order. */
  readonly waves: readonly (readonly string[])[];
}

/** Without cdktf's `//` metadata (construct paths), which is not part of what Terraform plans. */
function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '//').map(([k, v]) => [k, withoutMetadata(v)]));
  return value;
}

function resourcesOf(config: Readonly<Record<string, unknown>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, byName] of Object.entries((config.resource ?? {}) as Record<string, Record<string, unknown>>))
    for (const [name, body] of Object.entries(byName)) out.set(`${type}.${name}`, canonicalJson(withoutMetadata(body)));
  return out;
}

function blocks(config: Readonly<Record<string, unknown>>, kind: 'import' | 'moved' | 'removed'): string[] {
  const list = config[kind];
  return Array.isArray(list) ? list.map((b) => canonicalJson(withoutMetadata(b))) : [];
}

function otherSections(config: Readonly<Record<string, unknown>>): string {
  const rest = Object.fromEntries(Object.entries(config).filter(([k]) => !['//', 'resource', 'import', 'moved', 'removed'].includes(k)));
  return canonicalJson(withoutMetadata(rest));
}

function compareStack(stack: string, base: SynthesizedStack | undefined, head: SynthesizedStack | undefined): StackChange | undefined {
  const empty: Readonly<Record<string, unknown>> = {};
  const a = resourcesOf(base?.config ?? empty);
  const b = resourcesOf(head?.config ?? empty);
  const added = [...b.keys()].filter((k) => !a.has(k));
  const removed = [...a.keys()].filter((k) => !b.has(k)).sort(byString);
  const changed = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k));
  const newBlocks = (kind: 'import' | 'moved' | 'removed') => {
    const was = new Set(blocks(base?.config ?? empty, kind));
    return blocks(head?.config ?? empty, kind).filter((x) => !was.has(x)).length;
  };
  const accountedFor = new Set([...(head?.config.moved as { from: string }[] | undefined ?? []), ...(head?.config.removed as { from: string }[] | undefined ?? [])].map((m) => m.from));
  const otherChanged = base !== undefined && head !== undefined && otherSections(base.config) !== otherSections(head.config);
  const status = !base ? 'added' : !head ? 'dropped' : 'changed';
  const counts = { importsAdded: newBlocks('import'), movedAdded: newBlocks('moved'), removedAdded: newBlocks('removed') };
  if (status === 'changed' && added.length + removed.length + changed.length + counts.importsAdded + counts.movedAdded + counts.removedAdded === 0 && !otherChanged) return undefined;
  return {
    stack,
    status,
    resources: (head ? b : a).size,
    resourcesAdded: added.length,
    resourcesChanged: changed.length,
    resourcesRemoved: removed.length,
    // A dropped stack is no longer planned, so nothing in it is destroyed by lz.
    destroyed: head ? removed.filter((k) => !accountedFor.has(k)) : [],
    ...counts,
    otherChanged,
  };
}

/**
 * Compares two synthesized apps stack by stack, generically (no stack is known by name): resources
 * added, changed and removed by Terraform address, refactoring blocks, other configuration; and the
 * order to apply the changed stacks in, from the head's dependency waves.
 */
export function diffDeployment(base: SynthesizedApp, head: SynthesizedApp): DeploymentDiff {
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(byString);
  const stacks = names.map((n) => compareStack(n, base[n], head[n])).filter((c): c is StackChange => c !== undefined);
  const touched = new Set(stacks.filter((s) => s.status !== 'dropped').map((s) => s.stack));
  const graph = Object.fromEntries(Object.entries(head).map(([n, s]) => [n, [...s.dependencies]]));
  const waves = dependencyWaves(graph).map((w) => w.filter((n) => touched.has(n))).filter((w) => w.length > 0);
  return { stacks, unchanged: names.length - stacks.length, waves };
}
