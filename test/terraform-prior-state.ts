import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineStack } from '../bench/offline-plan';
import { tempDir, type TerraformJson } from './helpers';
import { PLUGIN_DIR, TERRAFORM_ENV } from './terraform';

/**
 * Offline plans of a stack after a change, over the state that applying the stack before the
 * change would have left, with no AWS call anywhere (terraform and a filesystem mirror of
 * hashicorp/aws must exist: see test/terraform.ts, testWithTerraform).
 *
 * The state is made from Terraform's own plan of the stack before the change: every resource with
 * the values Terraform planned for it. Values only known after apply get a stand-in: the value of
 * the attribute that the argument references, when it is one reference (`vpc_id =
 * aws_vpc.main.id` gets the VPC's stand-in id), else a stable string from the address. The plan
 * of the changed stack over that state then shows what the change does to existing objects: a
 * `moved` block that is missing shows as a create and a destroy, an argument that forces a new
 * object as a replace. Remote-state reads and availability-zone lookups are replaced by the same
 * literal stand-ins in both plans (bench/offline-plan.ts).
 */
const ENV = { ...TERRAFORM_ENV, AWS_EC2_METADATA_DISABLED: 'true' };

export interface ChangePlan {
  /** Counts of the plan's changes by action (create, update, delete, replace, ...), moves apart. */
  readonly actions: Record<string, string[]>;
  /** Addresses moved by `moved` blocks, as `from -> to`. */
  readonly moves: string[];
  readonly errors: string[];
}

function initCopy(stack: TerraformJson): string {
  const dir = join(tempDir('lz-prior-'), 'stack');
  mkdirSync(dir);
  const copy = offlineStack(stack, '>= 5.0');
  if (copy.blockers.length > 0) throw new Error(`cannot plan offline: ${copy.blockers.join(', ')} read AWS`);
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(copy.json));
  execFileSync('terraform', ['init', `-plugin-dir=${PLUGIN_DIR}`, '-backend=false', '-input=false', '-no-color'], { cwd: dir, env: ENV, stdio: 'pipe' });
  return dir;
}

type Json = TerraformJson;

interface SchemaBlock {
  readonly attributes?: Record<string, { readonly type?: unknown }>;
  readonly block_types?: Record<string, { readonly block: SchemaBlock }>;
}

let schemas: Record<string, { block: SchemaBlock }> | undefined;

/** The AWS provider's resource schemas (`terraform providers schema -json`, read once per process). */
function resourceSchema(stackDir: string, type: string): SchemaBlock {
  schemas ??= (
    JSON.parse(execFileSync('terraform', ['providers', 'schema', '-json'], { cwd: stackDir, env: ENV, encoding: 'utf8', maxBuffer: 1 << 28 })) as Json
  ).provider_schemas['registry.terraform.io/hashicorp/aws'].resource_schemas as Record<string, { block: SchemaBlock }>;
  return schemas[type]?.block ?? {};
}

/** A stand-in shaped as AWS shapes the value, where the provider checks the shape of what refers to it. */
function shapedStandIn(address: string, path: string, h: string): string {
  const type = address.split('.')[0];
  const field = path.split('/').filter((p) => !/^\d+$/.test(p)).join('/');
  if (field === 'id' && type === 'aws_organizations_organizational_unit') return `ou-${h.slice(0, 4)}-${h.slice(4, 12)}`;
  if (field === 'id' && type === 'aws_organizations_policy') return `p-${h.slice(0, 8)}`;
  if (field === 'id' && type === 'aws_organizations_account') return BigInt(`0x${h.slice(0, 15)}`).toString().padStart(12, '0').slice(-12);
  if (field === 'roots/id') return `r-${h.slice(0, 4)}`;
  // Amazon gives a VPC a /56; subnets take /64s of it with cidrsubnet, which needs a real block.
  if (field === 'ipv6_cidr_block' && type === 'aws_vpc') return `2600:1f18:${h.slice(0, 4)}:${h.slice(4, 6)}00::/56`;
  return `lz-prior-${h.slice(0, 12)}`;
}

/**
 * A stand-in of an attribute's type: `text` for a string (an ARN-shaped one for an `arn`), false,
 * 0, an empty map, and a list or set of one stand-in element, so that `roots[0].id` still finds one.
 */
function emptyOf(type: unknown, standIn: (path: string) => string, path: string): unknown {
  if (type === 'bool') return false;
  if (type === 'number') return 0;
  if (Array.isArray(type)) {
    if (type[0] === 'map') return {};
    if (type[0] === 'object') return Object.fromEntries(Object.entries(type[1] as Record<string, unknown>).map(([k, t]) => [k, emptyOf(t, standIn, `${path}/${k}`)]));
    return [emptyOf(type[1], standIn, `${path}/0`)];
  }
  const name = path.split('/').filter((p) => !/^\d+$/.test(p)).at(-1) ?? '';
  return /(^|_)arns?$/.test(name) ? `arn:aws:lz-prior:us-east-1:123456789012:stand-in/${standIn(path)}` : standIn(path);
}

/** The state an apply of `stack` would leave, from Terraform's plan of it over an empty state. */
export function priorState(stack: TerraformJson): Json {
  const dir = initCopy(stack);
  execFileSync('terraform', ['plan', '-refresh=false', '-input=false', '-no-color', '-out=prior.tfplan'], { cwd: dir, env: ENV, stdio: 'pipe' });
  const plan = JSON.parse(execFileSync('terraform', ['show', '-json', 'prior.tfplan'], { cwd: dir, env: ENV, encoding: 'utf8', maxBuffer: 1 << 28 })) as Json;
  const planned = ((plan.planned_values?.root_module?.resources ?? []) as Json[]).filter((r) => r.mode === 'managed');
  const unknown = new Map(((plan.resource_changes ?? []) as Json[]).map((c) => [c.address as string, (c.change?.after_unknown ?? {}) as Json]));
  const config = new Map(((plan.configuration?.root_module?.resources ?? []) as Json[]).map((r) => [r.address as string, r]));
  const values = new Map<string, Json>();
  const filling = new Set<string>();
  const standIn = (address: string, path: string) => shapedStandIn(address, path, createHash('sha256').update(`${address}/${path}`).digest('hex'));
  const fill = (address: string): Json => {
    const done = values.get(address);
    if (done) return done;
    const resource = planned.find((r) => r.address === address)!;
    const out = JSON.parse(JSON.stringify(resource.values ?? {})) as Json;
    filling.add(address);
    const expressions = (config.get(address)?.expressions ?? {}) as Json;
    const schema = resourceSchema(dir, resource.type as string);
    for (const [attribute, isUnknown] of Object.entries(unknown.get(address) ?? {})) {
      const type = schema.attributes?.[attribute]?.type;
      if (isUnknown === true) out[attribute] = (type === 'string' ? referenced(expressions[attribute]) : undefined) ?? emptyOf(type, (p) => standIn(address, p), attribute);
      else if (isUnknown !== false) out[attribute] = fillNested(out[attribute], isUnknown, `${address}/${attribute}`, schema.block_types?.[attribute]?.block, type);
    }
    filling.delete(address);
    values.set(address, out);
    return out;
  };
  /** The value an argument that is exactly one reference into a resource of this stack (`aws_vpc.main.id`, `aws_x.y.roots[0].id`) reads. */
  const referenced = (expression: Json | undefined): unknown => {
    const first = (expression?.references as string[] | undefined)?.[0];
    const m = first === undefined ? null : /^([a-z0-9_]+\.[A-Za-z0-9_-]+)\.([a-z0-9_]+(?:\[\d+\])?(?:\.[a-z0-9_]+(?:\[\d+\])?)*)$/.exec(first);
    if (!m || filling.has(m[1]!) || !planned.some((r) => r.address === m[1])) return undefined;
    let value: unknown = fill(m[1]!);
    for (const step of m[2]!.split(/[.[\]]+/).filter(Boolean)) value = (value as Json | undefined)?.[/^\d+$/.test(step) ? Number(step) : step];
    return typeof value === 'string' ? value : undefined;
  };
  /** Unknown parts of a nested block (`block`) or of a structured attribute (`type`). */
  const fillNested = (value: unknown, unknownShape: unknown, path: string, block: SchemaBlock | undefined, type: unknown): unknown => {
    if (unknownShape === true) {
      const [address, ...rest] = path.split('/');
      return emptyOf(type, (p) => standIn(address!, p), rest.join('/'));
    }
    const elementType = Array.isArray(type) && (type[0] === 'list' || type[0] === 'set') ? type[1] : undefined;
    if (Array.isArray(unknownShape)) return unknownShape.map((u, i) => fillNested(Array.isArray(value) ? value[i] : undefined, u, `${path}/${i}`, block, elementType));
    if (unknownShape !== null && typeof unknownShape === 'object') {
      const out = { ...((value ?? {}) as Json) };
      const fields = Array.isArray(type) && type[0] === 'object' ? (type[1] as Record<string, unknown>) : undefined;
      for (const [k, u] of Object.entries(unknownShape))
        if (u !== false) out[k] = fillNested(out[k], u, `${path}/${k}`, block?.block_types?.[k]?.block, block?.attributes?.[k]?.type ?? fields?.[k]);
      return out;
    }
    return value;
  };
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: 'lz-prior-state',
    outputs: {},
    resources: planned.map((r) => {
      const key = (config.get(r.address)?.provider_config_key as string | undefined) ?? 'aws';
      const [, alias] = key.split('.');
      return {
        mode: 'managed',
        type: r.type,
        name: r.name,
        provider: `provider["${r.provider_name}"]${alias ? `.${alias}` : ''}`,
        instances: [{ schema_version: r.schema_version ?? 0, attributes: fill(r.address), sensitive_attributes: [] }],
      };
    }),
  };
}

/** An offline plan of `after` over `state` (from priorState of the stack before the change). */
export function planOverState(after: TerraformJson, state: Json): ChangePlan {
  const dir = initCopy(after);
  writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(state));
  const run = spawnSync('terraform', ['plan', '-refresh=false', '-input=false', '-no-color', '-json'], { cwd: dir, env: ENV, encoding: 'utf8', maxBuffer: 1 << 28 });
  const result: { actions: Record<string, string[]>; moves: string[]; errors: string[] } = { actions: {}, moves: [], errors: [] };
  for (const line of run.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const m = JSON.parse(line) as { type: string; '@message': string; change?: { action: string; resource: { addr: string }; previous_resource?: { addr: string } } };
    if (m.type === 'planned_change' && m.change) {
      if (m.change.previous_resource) result.moves.push(`${m.change.previous_resource.addr} -> ${m.change.resource.addr}`);
      if (m.change.action !== 'move') (result.actions[m.change.action] ??= []).push(m.change.resource.addr);
    }
    if (m.type === 'diagnostic' && m['@message'].startsWith('Error')) result.errors.push(m['@message']);
  }
  if (run.status !== 0 && result.errors.length === 0) result.errors.push(`terraform plan exited ${run.status}: ${run.stderr.slice(0, 300)}`);
  for (const list of [...Object.values(result.actions), result.moves]) list.sort();
  return result;
}
