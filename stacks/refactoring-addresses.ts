import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import type { RefactoringBlocksProps } from '../src/constructs/refactoring-blocks';
import { renameChainEnd, type ManagedChangesModel } from '../src/model/managed-changes';
import type { PackedDocument } from '../src/model/policy-packing';
import { attachmentTarget, type ReleasableTarget } from '../src/model/released-attachments';
import { ids } from './ids';

type Document = Pick<PackedDocument, 'policyKey' | 'part' | 'targets'>;

/**
 * The policy keys a released target may still have attached in AWS: those of every current
 * document, and those the record lists as attached to it when it was released (a deleted policy
 * included), so that letting go of the target never detaches a guardrail.
 */
export function releasedPolicyParts(changes: ManagedChangesModel, documents: readonly Document[], target: ReleasableTarget): Array<{ policyKey: string; part: number }> {
  const name = attachmentTarget(target);
  const recorded = [...(changes.releasedAttachments[name] ?? []), ...(changes.detachedAttachments[name] ?? [])].map((policyKey) => ({ policyKey, part: 1 }));
  const unique = new Map([...documents, ...recorded].map((d) => [`${d.policyKey}#${d.part}`, { policyKey: d.policyKey, part: d.part }]));
  return [...unique.values()];
}

/**
 * The organization stack's `moved` and `removed` addresses. A renamed OU moves with the policy
 * attachments it has today (along the whole chain of its renames); a released one leaves the
 * state with every attachment it may have (releasedPolicyParts). Accounts need nothing here: each
 * lives in its own stack, under addresses without its key.
 */
export function refactoringAddresses(changes: ManagedChangesModel, documents: readonly Document[]): RefactoringBlocksProps {
  const type = OrganizationsOrganizationalUnit.tfResourceType;
  const attachment = (d: { policyKey: string; part: number }, path: string) =>
    `${OrganizationsPolicyAttachment.tfResourceType}.${ids.policyDocumentAttachment(d.policyKey, d.part, { kind: 'ou', path })}`;

  const endOf = renameChainEnd(changes.renamedOus);
  const moved = changes.renamedOus.flatMap((r) => [
    { from: `${type}.${ids.ou(r.from)}`, to: `${type}.${ids.ou(r.to)}` },
    ...documents
      .filter((d) => d.targets.some((t) => t.kind === 'ou' && t.path === endOf(r.to)))
      .map((d) => ({ from: attachment(d, r.from), to: attachment(d, r.to) })),
  ]);
  const removed = changes.removedOus.flatMap((r) => [
    `${type}.${ids.ou(r.path)}`,
    ...releasedPolicyParts(changes, documents, { kind: 'ou', path: r.path }).map((d) => attachment(d, r.path)),
  ]);
  return { moved, removed };
}
