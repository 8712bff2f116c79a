import { TerraformElement } from 'cdktf';
import type { Construct } from 'constructs';

export interface MovedAddress {
  readonly from: string;
  readonly to: string;
}

export interface RefactoringBlocksProps {
  /** `moved` blocks: the object keeps its identity under a new address. Chains (a -> b -> c) are allowed. */
  readonly moved: readonly MovedAddress[];
  /** `removed` blocks with `lifecycle { destroy = false }`: the object leaves the state and stays in AWS. */
  readonly removed: readonly string[];
}

const ADDRESS = /^[a-z0-9_]+\.[A-Za-z0-9_-]+$/;

/**
 * Terraform's refactoring blocks for a stack. `removed` needs Terraform 1.7 or later and cdktf
 * 0.21 has no API for it; `moved` is written here too, because chained moves name intermediate
 * addresses that no resource of the stack has any more. The stack merges these lists with those
 * of its other elements.
 *
 * @see https://developer.hashicorp.com/terraform/language/modules/develop/refactoring
 */
export class RefactoringBlocks extends TerraformElement {
  private readonly moved: readonly MovedAddress[];
  private readonly removed: readonly string[];

  constructor(scope: Construct, id: string, props: RefactoringBlocksProps) {
    super(scope, id);
    for (const address of [...props.moved.flatMap((m) => [m.from, m.to]), ...props.removed])
      if (!ADDRESS.test(address)) throw new Error(`not a resource address: ${address}`);
    this.moved = props.moved;
    this.removed = props.removed;
  }

  override toTerraform(): Record<string, unknown> {
    return {
      ...(this.moved.length > 0 ? { moved: this.moved.map((m) => ({ from: m.from, to: m.to })) } : {}),
      ...(this.removed.length > 0 ? { removed: this.removed.map((from) => ({ from, lifecycle: { destroy: false } })) } : {}),
    };
  }

  override toHclTerraform(): Record<string, unknown> {
    return this.toTerraform();
  }
}
