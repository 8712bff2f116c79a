/**
 * The evidence side of `lz audit`: synthesized Terraform JSON read as data, independent of the
 * stacks that wrote it. Each resource is placed in an account (by the stack naming contract and
 * the model's stack ids, never by resolving account ids, which are cross-stack references for
 * accounts the tool creates) and a region (its provider's `region`).
 */
import type { AuditScope } from './scope';

export type Json = Readonly<Record<string, unknown>>;

/** One synthesized stack: the `cdk.tf.json` of `cdktf.out/stacks/<name>`. */
export interface StackJson {
  readonly provider?: { readonly aws?: readonly Json[] };
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Json>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, Json>>>>;
  readonly output?: Readonly<Record<string, { readonly value?: unknown }>>;
}

/** A resource where it is deployed: the account key and region, when the audit can tell them. */
export interface PlacedResource {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>`, the Terraform address inside its stack. */
  readonly address: string;
  readonly body: Json;
  readonly account?: string;
  readonly region?: string;
}

/** A resource a reference points at, after following a cross-stack output to its source. */
export interface ResolvedRef {
  readonly stack: string;
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

/** Where an audit finding looks: `<stack>: <address>`. */
export interface Evidence {
  readonly stack: string;
  readonly address: string;
}

export const evidenceOf = (r: PlacedResource): Evidence => ({ stack: r.stack, address: r.address });

const LOCAL_REF = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.[\]]+)\}$/;
const CROSS_STACK_REF = /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([A-Za-z0-9-]+)\.outputs\.([A-Za-z0-9_-]+)\}$/;

/**
 * The synthesized stacks, indexed: resources by type, placed in accounts and regions. Stacks that
 * hold no per-account work of the landing zone (account-*, access-*, bootstrap-*) are still
 * indexed: organization-wide checks read their resources.
 */
export class Inventory {
  private readonly byType = new Map<string, PlacedResource[]>();

  constructor(readonly stacks: Readonly<Record<string, StackJson>>, readonly scope: AuditScope) {
    for (const stack of Object.keys(stacks).sort()) {
      const json = stacks[stack]!;
      for (const [type, byName] of Object.entries(json.resource ?? {})) {
        for (const [name, body] of Object.entries(byName)) {
          const placement = this.placementOf(stack, json, body);
          const placed: PlacedResource = { stack, type, name, address: `${type}.${name}`, body, ...placement };
          const list = this.byType.get(type) ?? [];
          list.push(placed);
          this.byType.set(type, list);
        }
      }
    }
  }

  /** Every resource of a type, in stack then address order. */
  all(type: string): readonly PlacedResource[] {
    return this.byType.get(type) ?? [];
  }

  /** Resources of a type deployed in one account (and region, when given). */
  in(type: string, account: string, region?: string): readonly PlacedResource[] {
    return this.all(type).filter((r) => r.account === account && (region === undefined || r.region === region));
  }

  /** The resource a `${type.name.attr}` or cross-stack reference in `stack` points at. */
  resolve(stack: string, value: unknown): ResolvedRef | undefined {
    if (typeof value !== 'string') return undefined;
    const cross = CROSS_STACK_REF.exec(value);
    if (cross) {
      const source = this.stacks[cross[1]!];
      const output = source?.output?.[cross[2]!]?.value;
      return output === undefined ? undefined : this.resolve(cross[1]!, output);
    }
    const local = LOCAL_REF.exec(value);
    if (!local || local[1] === 'data' || local[1] === 'var') return undefined;
    return { stack, type: local[1]!, name: local[2]!, attribute: local[3]! };
  }

  /** The placed resource a reference points at. */
  target(stack: string, value: unknown): PlacedResource | undefined {
    const ref = this.resolve(stack, value);
    return ref && this.all(ref.type).find((r) => r.stack === ref.stack && r.name === ref.name);
  }

  /** Whether `value` in `stack` refers to `resource` (any attribute), directly or through a cross-stack output. */
  refersTo(stack: string, value: unknown, resource: PlacedResource): boolean {
    const ref = this.resolve(stack, value);
    return ref !== undefined && ref.stack === resource.stack && ref.type === resource.type && ref.name === resource.name;
  }

  private placementOf(stack: string, json: StackJson, body: Json): { account?: string; region?: string } {
    // `aws` names the default provider; `aws.<alias>` an aliased one.
    const alias = typeof body.provider === 'string' && body.provider !== 'aws' ? body.provider.replace(/^aws\./, '') : undefined;
    const provider = (json.provider?.aws ?? []).find((p) => (p.alias as string | undefined) === alias);
    const region = typeof provider?.region === 'string' && !provider.region.includes('${') ? provider.region : undefined;
    const account = accountOfStack(stack, alias, this.scope);
    return { ...(account !== undefined ? { account } : {}), ...(region !== undefined ? { region } : {}) };
  }
}

/**
 * Whose credentials a stack's provider carries, by the stack naming contract (stacks/ids.ts,
 * stacks/app.ts): `baseline-<id>` and `baseline<n>-<id>` (one provider per region), and the
 * default provider of `network-<id>`, are the account's own; the `network` alias of `network-<id>`,
 * `network-hub` and `ipam` are the network account's; `log-archive` the log archive's; `security-tooling`
 * (and `security-tooling<n>`) and `detective-configuration` the security account's; the other organization-wide stacks and
 * `account-<id>`/`access-<id>` run as the management account.
 */
export function accountOfStack(stack: string, alias: string | undefined, scope: AuditScope): string | undefined {
  const byStackId = (id: string) => scope.accounts.find((a) => a.stackId === id)?.key;
  const baseline = /^baseline(\d+)?-(.+)$/.exec(stack);
  if (baseline) return byStackId(baseline[2]!);
  // `network-<id>_<region>` is the account's stack of a further region; `network-hub_<region>` and `network-peering_<a>_<b>` the network account's.
  const network = /^network-([^_]+)(?:_[a-z0-9_-]+)?$/.exec(stack);
  if (network && (network[1] === 'hub' || network[1] === 'peering') && stack !== 'network-hub') return scope.network;
  if (network && stack !== 'network-hub') return alias === 'network' ? scope.network : byStackId(network[1]!);
  // GuardDuty's regional stacks of region group n: `security-tooling<n>`, `delegated-administrators<n>`.
  const group = /^(security-tooling|delegated-administrators)\d+$/.exec(stack);
  if (group) return group[1] === 'security-tooling' ? scope.security : scope.management;
  switch (stack) {
    case 'network-hub':
    case 'ipam':
      return scope.network;
    case 'log-archive':
      return scope.logging;
    case 'security-tooling':
    case 'detective-configuration':
      return scope.security;
    case 'organization':
    case 'org-trail':
    case 'delegated-administrators':
    case 'detective-administration':
    case 'identity-center':
      return scope.management;
    default:
      return /^(account|access)-/.test(stack) ? scope.management : undefined;
  }
}

/** A nested block: cdktf writes a single block as an object, several as a list. */
export function blocks(body: Json, key: string): readonly Json[] {
  const value = body[key];
  if (Array.isArray(value)) return value as Json[];
  return value !== null && typeof value === 'object' ? [value as Json] : [];
}

/** A JSON document attribute (a policy), parsed; undefined when it is not literal JSON. */
export function parseDocument(value: unknown): Json | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

export const asList = (value: unknown): readonly unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
