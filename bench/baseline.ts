/**
 * The bare cdktf baseline: a minimal cdktf program that creates the same providers, backends,
 * resources, data sources and outputs that `lz synth` wrote, read back from its output directory
 * and declared directly with cdktf's generic constructs. No org.yaml, no validation, no model and no
 * provider binding classes: a floor under what any cdktf program producing this output costs. The
 * tool's own overhead is its synth time divided by this program's.
 *
 * Usage: node dist/bench/baseline.js <lz output dir> <outdir>
 */
import { App, LocalBackend, TerraformDataSource, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

/** A provider block as written: cdktf has no generic provider class, so a minimal one. */
class RawProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, type: string, private readonly attributes: Json) {
    super(scope, id, { terraformResourceType: type, terraformProviderSource: type === 'aws' ? 'aws' : type });
  }

  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
}

function withoutMetadata(block: Json): Json {
  const { ['//']: _metadata, ...rest } = block;
  return rest;
}

function buildStack(app: App, name: string, json: Json): void {
  const stack = new TerraformStack(app, name);
  const backend = ((json.terraform as Json | undefined)?.backend as Json | undefined)?.local as { path: string } | undefined;
  if (backend) new LocalBackend(stack, { path: backend.path });
  for (const [type, blocks] of Object.entries((json.provider ?? {}) as Record<string, Json[]>))
    blocks.forEach((attributes, i) => new RawProvider(stack, `${type}_${i}`, type, attributes));
  for (const [type, byName] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [id, block] of Object.entries(byName)) {
      const resource = new TerraformResource(stack, id, { terraformResourceType: type });
      for (const [key, value] of Object.entries(withoutMetadata(block))) resource.addOverride(key, value);
    }
  }
  for (const [type, byName] of Object.entries((json.data ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [id, block] of Object.entries(byName)) {
      const data = new TerraformDataSource(stack, id, { terraformResourceType: type });
      for (const [key, value] of Object.entries(withoutMetadata(block))) data.addOverride(key, value);
    }
  }
  for (const [id, output] of Object.entries((json.output ?? {}) as Record<string, { value: unknown; description?: string }>))
    new TerraformOutput(stack, id, { value: output.value, ...(output.description ? { description: output.description } : {}) });
}

function main(lzOut: string, outdir: string): void {
  // Read everything first, so the measured work is the cdktf program, not the JSON parsing.
  const stacks = readdirSync(join(lzOut, 'stacks'))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(lzOut, 'stacks', name, 'cdk.tf.json'), 'utf8')) as Json] as const);
  const app = new App({ outdir, stackTraces: false });
  for (const [name, json] of stacks) buildStack(app, name, json);
  app.synth();
}

main(process.argv[2]!, process.argv[3]!);
