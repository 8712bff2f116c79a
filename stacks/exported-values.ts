import { TerraformDataSource, type TerraformResource, type TerraformStack } from 'cdktf';

/**
 * Declares, in a producer stack, the output through which other stacks read `element.attribute`.
 * cdktf adds such an output only when a consumer first references the value, so an
 * organization-wide stack's outputs, and its JSON, would change each time an account's stack
 * started reading one of its OU ids or route tables. Declared up front for every value that
 * per-account stacks may read, they do not: adding an account leaves the producer untouched, and
 * workers that synthesize different shares of the accounts write the same producer. The output is
 * the one cdktf itself would create (same name, same expression), so consumers find it.
 */
export function exportAttribute(stack: TerraformStack, element: TerraformResource | TerraformDataSource, attribute: string): void {
  const base = `${element.terraformResourceType}.${element.friendlyUniqueId}.${attribute}`;
  stack.registerOutgoingCrossStackReference(element instanceof TerraformDataSource ? `data.${base}` : base);
}
