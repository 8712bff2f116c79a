import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} });
  return { code, stdout, stderr };
}

export interface SynthesizedResource {
  readonly stack: string;
  readonly address: string;
  readonly importId?: string;
}

/** Every managed resource of every synthesized stack, with the id of its import block; no stack is assumed to hold anything. */
export function synthesizedResources(outdir: string): SynthesizedResource[] {
  const out: SynthesizedResource[] = [];
  for (const stack of readdirSync(join(outdir, 'stacks')).sort()) {
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as {
      resource?: Record<string, Record<string, unknown>>;
      import?: Array<{ to: string; id: string }>;
    };
    const imports = new Map((json.import ?? []).map((i) => [i.to, i.id]));
    for (const [type, byName] of Object.entries(json.resource ?? {}))
      for (const name of Object.keys(byName)) {
        const address = `${type}.${name}`;
        const importId = imports.get(address);
        out.push({ stack, address, ...(importId !== undefined ? { importId } : {}) });
      }
  }
  return out;
}
