import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LandingZoneModel } from '../model/types';
import { dependencyWaves, type DependencyGraph } from '../model/waves';

interface Manifest {
  readonly stacks: Record<string, { readonly dependencies?: readonly string[] }>;
}

/** The stack dependencies cdktf writes into manifest.json: cross-stack references and declared ones. */
export function manifestGraph(manifest: Manifest): DependencyGraph {
  return Object.fromEntries(Object.entries(manifest.stacks).map(([name, stack]) => [name, [...(stack.dependencies ?? [])]]));
}

/**
 * Synthesizes into a scratch directory (the real output is left alone) and layers the stacks by
 * the dependencies in the synthesized manifest, so the order is exactly the one `cdktf deploy` uses.
 */
export function planOrder(model: LandingZoneModel, projectDir: string, outdir: string): string[][] {
  const scratch = mkdtempSync(join(tmpdir(), 'lz-plan-order-'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildApp } = require('../../stacks/app') as typeof import('../../stacks/app');
    buildApp(model, { outdir: scratch, finalOutdir: resolve(outdir), projectDir: resolve(projectDir) }).app.synth();
    const manifest = JSON.parse(readFileSync(join(scratch, 'manifest.json'), 'utf8')) as Manifest;
    return dependencyWaves(manifestGraph(manifest));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function renderWaves(waves: readonly (readonly string[])[], format: 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify({ waves }, null, 2)}\n`;
  return waves.map((stacks, i) => `wave ${i + 1}: ${stacks.join(' ')}\n`).join('');
}
