import { TerraformElement } from 'cdktf';
import type { Construct } from 'constructs';

export interface RemovedBlockProps {
  /** The Terraform address that leaves the state, e.g. `aws_organizations_account.account_old`. */
  readonly from: string;
}

/**
 * A Terraform `removed` block with `lifecycle { destroy = false }` (Terraform 1.7+): the object
 * leaves Terraform's state and stays, untouched, in AWS. cdktf 0.21 has no API for it, so this
 * element writes the block itself; the stack merges the `removed` lists of all its elements.
 *
 * @see https://developer.hashicorp.com/terraform/language/resources/syntax#removing-resources
 */
export class RemovedBlock extends TerraformElement {
  readonly from: string;

  constructor(scope: Construct, id: string, props: RemovedBlockProps) {
    super(scope, id);
    if (!/^[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(props.from)) throw new Error(`not a resource address: ${props.from}`);
    this.from = props.from;
  }

  override toTerraform(): Record<string, unknown> {
    return { removed: [{ from: this.from, lifecycle: { destroy: false } }] };
  }

  override toHclTerraform(): Record<string, unknown> {
    return this.toTerraform();
  }
}
