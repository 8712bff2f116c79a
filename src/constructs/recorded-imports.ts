import { TerraformResource, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { importKey } from '../config/import-record';

/**
 * Gives every resource that `lz import` recorded an import block: by stack, resource type and
 * address for what lives in a per-account stack (whose addresses repeat from account to account),
 * else by resource type and address, in whichever stack holds it. The record holds only what org.yaml has no id for: the organization
 * and the accounts are adopted through their org.yaml ids.
 */
export function adoptRecordedImports(root: IConstruct, record: ReadonlyMap<string, string>): number {
  if (record.size === 0) return 0;
  let adopted = 0;
  for (const stack of root.node.children) {
    if (!(stack instanceof TerraformStack)) continue;
    for (const child of stack.node.findAll()) {
      if (!(child instanceof TerraformResource)) continue;
      const id = record.get(importKey(child.terraformResourceType, child.friendlyUniqueId, stack.node.id))
        ?? record.get(importKey(child.terraformResourceType, child.friendlyUniqueId));
      if (id === undefined) continue;
      child.importFrom(id);
      adopted++;
    }
  }
  return adopted;
}
