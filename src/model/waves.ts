/** Stack name to the names of the stacks it depends on (cdktf's manifest `dependencies`). */
export type DependencyGraph = Readonly<Record<string, readonly string[]>>;

export class DependencyCycleError extends Error {
  constructor(readonly stacks: readonly string[]) {
    super(`the stack dependencies form a cycle among: ${stacks.join(', ')}`);
    this.name = 'DependencyCycleError';
  }
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Topological layering: wave 1 holds the stacks without dependencies, wave n+1 those whose
 * dependencies are all in earlier waves. Stacks of one wave can be planned and applied in
 * parallel. Each wave is sorted by name, so the result depends only on the graph. A dependency
 * on a stack that is not in the graph is an error (a manifest that does not add up), as is a cycle.
 */
export function dependencyWaves(graph: DependencyGraph): string[][] {
  const names = Object.keys(graph).sort(byString);
  for (const name of names)
    for (const dep of graph[name]!)
      if (!Object.prototype.hasOwnProperty.call(graph, dep)) throw new Error(`stack ${name} depends on ${dep}, which is not a stack of this app`);

  const waveOf = new Map<string, number>();
  const waves: string[][] = [];
  let remaining = names;
  while (remaining.length > 0) {
    const ready = remaining.filter((name) => graph[name]!.every((dep) => waveOf.has(dep)));
    if (ready.length === 0) throw new DependencyCycleError(remaining);
    for (const name of ready) waveOf.set(name, waves.length);
    waves.push(ready);
    remaining = remaining.filter((name) => !waveOf.has(name));
  }
  return waves;
}
