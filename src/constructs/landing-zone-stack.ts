import { TerraformElement, TerraformOutput, TerraformStack, Tokenization, type TerraformBackend } from 'cdktf';
import type { IConstruct } from 'constructs';

/** cdktf's resolve, looked up at each call: lz's synth swaps it for its fast path (src/cli/fast-resolve.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tokens = require('cdktf/lib/_tokens') as { resolve: (scope: IConstruct, obj: unknown, preparing?: boolean) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deepMerge } = require('cdktf/lib/util') as { deepMerge: (target: unknown, ...sources: unknown[]) => unknown };

/**
 * The base of every stack lz writes. cdktf looks up the producing stack's backend once for every
 * stack that reads one of its outputs, by walking the producer's whole construct tree; with one
 * spoke stack per account reading the organization stack, that walk made synth time grow with the
 * square of the number of accounts (node --cpu-prof at 3,000 accounts: ensureBackendExists 5.5 s of
 * 28 s). The backend, once found, is remembered. Whether the stack has been prepared is remembered
 * too, so that the cloud bootstrap, which needs every stack's cross-stack reads, prepares a stack
 * only when synth has not (a second preparing pass costs as much as the first).
 *
 * cdktf's preparing pass turns every element into its Terraform JSON and resolves it, only to find
 * the cross-stack references, and throws the result away; the synthesizer then does all of it
 * again. While `reusePreparedFragments` is set (lz's own synth, see withFastResolve), the prepared
 * fragment of each element is kept and handed to cdktf's synthesis in place of a second
 * `toTerraform()`. Elements added after the pass (cross-stack outputs and remote-state reads) are
 * rendered as usual. node --cpu-prof, 1,000 accounts in one process: the preparing pass was 5.6 s
 * of 13.4 s. test/cli/fast-resolve.test.ts checks that the output is byte for byte cdktf's own.
 */
export class LandingZoneStack extends TerraformStack {
  /** Keep each element's prepared fragment for the synthesis. Set only around a whole synth. */
  static reusePreparedFragments = false;

  private knownBackend?: TerraformBackend;
  /** Whether cdktf's preparing pass has run, which records the stack's cross-stack references. */
  private preparedOnce = false;
  private readonly preparedFragments = new Map<TerraformElement, unknown>();

  get prepared(): boolean {
    return this.preparedOnce;
  }

  override prepareStack(): void {
    if (!LandingZoneStack.reusePreparedFragments) super.prepareStack();
    else {
      this.ensureBackendExists();
      // What cdktf's prepareStack does, keeping the results.
      for (const element of elementsOf(this)) this.preparedFragments.set(element, tokens.resolve(this, element.toTerraform(), true));
    }
    this.preparedOnce = true;
  }

  /**
   * cdktf's TerraformStack.toTerraform, step for step, except that a prepared fragment is merged as
   * it is: it is resolved already, and cdktf would resolve it again, and then the whole merged stack
   * once more, each time building a copy of every value (node --cpu-prof, 5,000 accounts with
   * Terraform Cloud: 7.5 s of a worker's 51.7 s). What may still hold a token is resolved: the
   * fragments of elements added after the preparing pass, every element's metadata, the stack's
   * metadata block, and each top-level key that the stack's own overrides reach.
   */
  override toTerraform(): unknown {
    if (this.preparedFragments.size === 0) return super.toTerraform();
    const prepared = new Map(this.preparedFragments);
    this.preparedFragments.clear();
    const stack = this as unknown as { readonly rawOverrides: Record<string, unknown>; readonly cdktfVersion: string };
    const overrideKeys = Object.keys(stack.rawOverrides);
    const metadata: Record<string, unknown> = {
      version: stack.cdktfVersion,
      stackName: this.node.id,
      backend: 'local',
      cloud: undefined,
      ...(overrideKeys.length > 0 ? { overrides: { stack: overrideKeys } } : {}),
    };
    const elements = elementsOf(this);
    for (const element of elements) deepMerge(metadata, tokens.resolve(this, element.toMetadata()));
    const outputs: Record<string, unknown> = {};
    for (const element of elements) {
      if (!TerraformOutput.isTerraformOutput(element)) continue;
      deepMerge(outputs, element.node.path.split('/').reduceRight<Record<string, unknown>>((inner, part) => (Object.keys(inner).length === 0 ? { [part]: element.friendlyUniqueId } : { [part]: inner }), {}));
    }
    const tf: Record<string, unknown> = { '//': tokens.resolve(this, { metadata, outputs }) };
    for (const element of elements) mergeResolved(tf, (prepared.has(element) ? prepared.get(element) : tokens.resolve(this, element.toTerraform())) as Record<string, unknown>);
    deepMerge(tf, stack.rawOverrides);
    for (const key of overrideKeys) {
      const resolved = tokens.resolve(this, tf[key]);
      if (resolved === undefined) delete tf[key];
      else tf[key] = resolved;
    }
    return tf;
  }

  override ensureBackendExists(): TerraformBackend {
    this.knownBackend ??= super.ensureBackendExists();
    return this.knownBackend;
  }
}

/**
 * cdktf's deepMerge of a resolved fragment into the stack's JSON, with the same result, except that
 * an object the stack does not hold yet is taken as it is instead of copied key by key: a resolved
 * fragment is a fresh copy that nothing else holds (node --cpu-prof, 1,000 accounts with Terraform
 * Cloud: deepMerge was 5 % of a synth worker's CPU). Lists are concatenated and undefined deletes,
 * as in deepMerge.
 */
function mergeResolved(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    const held = target[key];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (typeof held !== 'object' || Tokenization.isResolvable(value)) target[key] = value;
      else mergeResolved(held as Record<string, unknown>, value as Record<string, unknown>);
    } else if (Array.isArray(value)) target[key] = Array.isArray(held) ? [...(held as unknown[]), ...value] : value;
    else if (value === undefined) delete target[key];
    else target[key] = value;
  }
}

/** The stack's Terraform elements in construct order, not descending into nested stacks (as cdktf walks them). */
function elementsOf(stack: TerraformStack): TerraformElement[] {
  const out: TerraformElement[] = [];
  const visit = (node: IConstruct) => {
    if (TerraformElement.isTerraformElement(node)) out.push(node);
    for (const child of node.node.children) if (!TerraformStack.isStack(child)) visit(child);
  };
  visit(stack);
  return out;
}
