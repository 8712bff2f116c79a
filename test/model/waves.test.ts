import fc from 'fast-check';
import { DependencyCycleError, dependencyWaves } from '../../src/model/waves';

describe('dependencyWaves', () => {
  test('given the DESIGN stacks, when layered, then each wave only depends on earlier ones', () => {
    const waves = dependencyWaves({
      'access-payments-prod': ['account-payments-prod', 'identity-center'],
      'account-payments-prod': ['organization'],
      'org-trail': ['log-archive', 'organization'],
      'network-payments-prod': ['account-payments-prod', 'network-hub'],
      'network-hub': ['organization'],
      'log-archive': ['organization'],
      'identity-center': ['organization'],
      organization: [],
    });
    expect(waves).toEqual([
      ['organization'],
      ['account-payments-prod', 'identity-center', 'log-archive', 'network-hub'],
      ['access-payments-prod', 'network-payments-prod', 'org-trail'],
    ]);
  });

  test('an empty app has no waves', () => {
    expect(dependencyWaves({})).toEqual([]);
  });

  test('a cycle is an error naming the stacks that cannot be ordered', () => {
    expect(() => dependencyWaves({ a: ['b'], b: ['c'], c: ['b'], d: [] })).toThrow(new DependencyCycleError(['a', 'b', 'c']));
    expect(() => dependencyWaves({ a: ['a'] })).toThrow('the stack dependencies form a cycle among: a');
  });

  test('a dependency on an unknown stack is an error', () => {
    expect(() => dependencyWaves({ a: ['ghost'] })).toThrow('stack a depends on ghost, which is not a stack of this app');
  });

  /** Random DAGs: stack i may only depend on stacks with a smaller index, so there is never a cycle. */
  const dags = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => `s${j}`)))).map((deps) =>
      Object.fromEntries(deps.map((d, i) => [`s${i}`, d])),
    ),
  );

  test('property: every stack appears once, after all its dependencies, in the earliest possible wave', () => {
    fc.assert(
      fc.property(dags, (graph) => {
        const waves = dependencyWaves(graph);
        const waveOf = new Map(waves.flatMap((w, i) => w.map((s) => [s, i] as const)));
        expect([...waveOf.keys()].sort()).toEqual(Object.keys(graph).sort());
        expect(waves.flat()).toHaveLength(Object.keys(graph).length);
        for (const [stack, deps] of Object.entries(graph)) {
          for (const dep of deps) expect(waveOf.get(dep)!).toBeLessThan(waveOf.get(stack)!);
          const earliest = deps.length === 0 ? 0 : Math.max(...deps.map((d) => waveOf.get(d)!)) + 1;
          expect(waveOf.get(stack)).toBe(earliest);
        }
        for (const wave of waves) expect(wave).toEqual([...wave].sort());
      }),
    );
  });

  test('property: the result does not depend on the order of the graph', () => {
    fc.assert(
      fc.property(dags, (graph) => {
        const reversed = Object.fromEntries(Object.entries(graph).reverse().map(([k, v]) => [k, [...v].reverse()]));
        expect(dependencyWaves(reversed)).toEqual(dependencyWaves(graph));
      }),
    );
  });
});
