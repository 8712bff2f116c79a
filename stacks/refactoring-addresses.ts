import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import type { RefactoringBlocksProps } from '../src/constructs/refactoring-blocks';
import { renameChainEnd, type ManagedChangesModel } from '../src/model/managed-changes';
import type { PolicyModel } from '../src/model/types';
import { ids } from './ids';

/**
 * The organization stack's `moved` and `removed` addresses. A renamed OU moves with the policy
 * attachments it has today (along the whole chain of its renames); a released one leaves the
 * state with the attachments any current policy could have on it, so nothing is detached.
 * Accounts need nothing here: each lives in its own stack, under an address without its key.
 */
export function refactoringAddresses(changes: ManagedChangesModel, policies: readonly PolicyModel[]): RefactoringBlocksProps {
  const type = OrganizationsOrganizationalUnit.tfResourceType;
  const attachment = (policy: string, path: string) => `${OrganizationsPolicyAttachment.tfResourceType}.${ids.policyAttachment(policy, { kind: 'ou', path })}`;

  const endOf = renameChainEnd(changes.renamedOus);
  const moved = changes.renamedOus.flatMap((r) => [
    { from: `${type}.${ids.ou(r.from)}`, to: `${type}.${ids.ou(r.to)}` },
    ...policies
      .filter((p) => p.targets.some((t) => t.kind === 'ou' && t.path === endOf(r.to)))
      .map((p) => ({ from: attachment(p.key, r.from), to: attachment(p.key, r.to) })),
  ]);
  const removed = changes.removedOus.flatMap((r) => [`${type}.${ids.ou(r.path)}`, ...policies.map((p) => attachment(p.key, r.path))]);
  return { moved, removed };
}
