/**
 * The bare cdktf baseline: a minimal cdktf program that declares the same providers, backends,
 * resources, data sources and outputs that `lz synth` wrote, read back from its output directory,
 * with cdktf's generic constructs: no org.yaml, no validation, no model, no provider binding
 * classes. References stay references: `${aws_vpc.vpc_main.id}` becomes the attribute token of
 * that resource, and a value another stack reads through `terraform_remote_state` becomes a token
 * of the producing stack's resource, so cdktf does the same cross-stack work (outputs, remote state
 * data sources, dependencies) as for lz's stacks. The tool's own overhead is its synth time divided
 * by this program's.
 *
 * Usage: node dist/bench/baseline.js <lz output dir> <outdir>
 */
import { App, LocalBackend, TerraformDataSource, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;
type Element = TerraformResource | TerraformDataSource;

const REMOTE_STATE = 'terraform_remote_state';
const CROSS_STACK_INPUT = 'cross-stack-reference-input-';
const CROSS_STACK_OUTPUT = 'cross-stack-output-';
/** `${type.name.attribute}` or `${data.type.name.attribute}`, with nothing else in the braces. */
const REFERENCE = /\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.([A-Za-z0-9_.[\]-]+)\}/g;

/** A provider block as written: cdktf has no generic provider class, so a minimal one. */
class RawProvider extends TerraformProvider {
  constructor(scope: Construct, id: string, type: string, version: string | undefined, private readonly attributes: Json) {
    super(scope, id, {
      terraformResourceType: type,
      terraformProviderSource: type,
      ...(version ? { terraformGeneratorMetadata: { providerName: type, providerVersion: version } } : {}),
    });
  }

  protected override synthesizeAttributes(): Json {
    return this.attributes;
  }
}

interface ParsedStack {
  readonly name: string;
  readonly json: Json;
  readonly stack: TerraformStack;
  /** `aws_vpc.vpc_main` or `data.aws_x.y` to its construct. */
  readonly elements: Map<string, Element>;
  /** Output id of a cross-stack output to the expression it exported. */
  readonly exported: Map<string, string>;
}

const blocks = (json: Json, key: string) => Object.entries((json[key] ?? {}) as Record<string, Record<string, Json>>);
const withoutMetadata = ({ ['//']: _metadata, ...rest }: Json): Json => rest;

function declare(app: App, name: string, json: Json): ParsedStack {
  const stack = new TerraformStack(app, name);
  const backend = ((json.terraform as Json | undefined)?.backend as Json | undefined)?.local as { path: string } | undefined;
  if (backend) new LocalBackend(stack, { path: backend.path });
  const elements = new Map<string, Element>();
  for (const [type, byName] of blocks(json, 'resource'))
    for (const id of Object.keys(byName)) elements.set(`${type}.${id}`, new TerraformResource(stack, id, { terraformResourceType: type }));
  for (const [type, byName] of blocks(json, 'data')) {
    if (type === REMOTE_STATE) continue; // cdktf creates these for the references below
    for (const id of Object.keys(byName)) elements.set(`data.${type}.${id}`, new TerraformDataSource(stack, id, { terraformResourceType: type }));
  }
  const exported = new Map<string, string>();
  for (const [id, output] of Object.entries((json.output ?? {}) as Record<string, { value: unknown }>))
    if (id.startsWith(CROSS_STACK_OUTPUT)) exported.set(id, output.value as string);
  return { name, json, stack, elements, exported };
}

/** Rewrites `${...}` references in a value into tokens of the constructs they name. */
function tokenize(value: unknown, here: ParsedStack, stacks: ReadonlyMap<string, ParsedStack>): unknown {
  if (Array.isArray(value)) return value.map((v) => tokenize(v, here, stacks));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tokenize(v, here, stacks)]));
  if (typeof value !== 'string' || !value.includes('${')) return value;
  const parts: unknown[] = [];
  let last = 0;
  for (const m of value.matchAll(REFERENCE)) {
    const token = referenceToken(m[1]!, m[2]!, here, stacks);
    if (token === undefined) continue;
    parts.push(value.slice(last, m.index), token);
    last = m.index! + m[0].length;
  }
  if (parts.length === 0) return value;
  parts.push(value.slice(last));
  const nonEmpty = parts.filter((p) => p !== '');
  return nonEmpty.length === 1 ? nonEmpty[0] : nonEmpty.map(String).join('');
}

function referenceToken(element: string, attribute: string, here: ParsedStack, stacks: ReadonlyMap<string, ParsedStack>): unknown {
  const remote = new RegExp(`^data\\.${REMOTE_STATE}\\.${CROSS_STACK_INPUT}(.+)$`).exec(element);
  if (remote) {
    const producer = stacks.get(remote[1]!);
    const expression = producer?.exported.get(attribute.replace(/^outputs\./, ''));
    const inner = expression === undefined ? undefined : new RegExp(REFERENCE.source).exec(expression);
    return inner && producer ? producer.elements.get(inner[1]!)?.interpolationForAttribute(inner[2]!) : undefined;
  }
  return here.elements.get(element)?.interpolationForAttribute(attribute);
}

function define(parsed: ParsedStack, stacks: ReadonlyMap<string, ParsedStack>): void {
  const { json, stack } = parsed;
  const required = ((json.terraform as Json | undefined)?.required_providers ?? {}) as Record<string, { version?: string }>;
  for (const [type, list] of Object.entries((json.provider ?? {}) as Record<string, Json[]>))
    list.forEach((attributes, i) => new RawProvider(stack, `${type}_${i}`, type, required[type]?.version, tokenize(attributes, parsed, stacks) as Json));
  for (const [key, element] of parsed.elements) {
    const [kind, type, id] = key.startsWith('data.') ? key.split('.') : ['resource', ...key.split('.')];
    const block = ((json[kind === 'data' ? 'data' : 'resource'] as Record<string, Record<string, Json>>)[type!]!)[id!]!;
    for (const [attribute, value] of Object.entries(withoutMetadata(block))) element.addOverride(attribute, tokenize(value, parsed, stacks));
  }
  // Stack-level blocks (import, moved, removed) as written.
  for (const [key, value] of Object.entries(json))
    if (!['//', 'terraform', 'provider', 'resource', 'data', 'output'].includes(key)) stack.addOverride(key, value);
  for (const [id, output] of Object.entries((json.output ?? {}) as Record<string, { value: unknown; description?: string }>)) {
    if (id.startsWith(CROSS_STACK_OUTPUT)) continue; // cdktf creates these for the references
    new TerraformOutput(stack, id, { value: tokenize(output.value, parsed, stacks), ...(output.description ? { description: output.description } : {}) });
  }
}

function main(lzOut: string, outdir: string): void {
  const inputs = readdirSync(join(lzOut, 'stacks'))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(lzOut, 'stacks', name, 'cdk.tf.json'), 'utf8')) as Json] as const);
  const app = new App({ outdir, stackTraces: false, skipValidation: true });
  const stacks = new Map(inputs.map(([name, json]) => [name, declare(app, name, json)]));
  for (const parsed of stacks.values()) define(parsed, stacks);
  app.synth();
}

main(process.argv[2]!, process.argv[3]!);
