import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import type { RefactoringBlocksProps } from '../src/constructs/refactoring-blocks';
import { renameChainEnd, type ManagedChangesModel, type Rename } from '../src/model/managed-changes';
import type { PackedDocument } from '../src/model/policy-packing';
import { attachmentTarget } from '../src/model/released-attachments';
import type { PolicyTarget } from '../src/model/types';
import { ids } from './ids';

const sameTarget = (a: PolicyTarget, b: PolicyTarget) =>
  a.kind === b.kind && (a.kind !== 'ou' || a.path === (b as { path: string }).path) && (a.kind !== 'account' || a.key === (b as { key: string }).key);

type Document = Pick<PackedDocument, 'policyKey' | 'part' | 'targets'>;

/**
 * The organization stack's `moved` and `removed` addresses. A renamed account or OU moves with the
 * policy attachments it has today (along the whole chain of its renames); a released one leaves
 * the state with the attachments any current policy document, or any policy the record lists as
 * attached to it, could have on it, so nothing is detached.
 */
export function refactoringAddresses(changes: ManagedChangesModel, documents: readonly Document[]): RefactoringBlocksProps {
  const attachment = OrganizationsPolicyAttachment.tfResourceType;
  const address = (d: { policyKey: string; part: number }, target: PolicyTarget) => `${attachment}.${ids.policyDocumentAttachment(d.policyKey, d.part, target)}`;
  const releasedFrom = (target: Extract<PolicyTarget, { kind: 'ou' | 'account' }>) => {
    const current = documents.map((d) => address(d, target));
    const name = attachmentTarget(target);
    const recorded = [...(changes.releasedAttachments[name] ?? []), ...(changes.detachedAttachments[name] ?? [])].map((policyKey) => address({ policyKey, part: 1 }, target));
    return [...new Set([...current, ...recorded])];
  };

  const moved: Array<{ from: string; to: string }> = [];
  const move = (renames: readonly Rename[], type: string, id: (k: string) => string, target: (k: string) => PolicyTarget) => {
    const endOf = renameChainEnd(renames);
    for (const r of renames) {
      moved.push({ from: `${type}.${id(r.from)}`, to: `${type}.${id(r.to)}` });
      const final = target(endOf(r.to));
      for (const d of documents)
        if (d.targets.some((t) => sameTarget(t, final))) moved.push({ from: address(d, target(r.from)), to: address(d, target(r.to)) });
    }
  };
  move(changes.renamedAccounts, OrganizationsAccount.tfResourceType, ids.account, (key) => ({ kind: 'account', key }));
  move(changes.renamedOus, OrganizationsOrganizationalUnit.tfResourceType, ids.ou, (path) => ({ kind: 'ou', path }));

  const removed = [
    ...changes.removedAccounts.flatMap((r) => [
      `${OrganizationsAccount.tfResourceType}.${ids.account(r.key)}`,
      ...releasedFrom({ kind: 'account', key: r.key }),
    ]),
    ...changes.removedOus.flatMap((r) => [
      `${OrganizationsOrganizationalUnit.tfResourceType}.${ids.ou(r.path)}`,
      ...releasedFrom({ kind: 'ou', path: r.path }),
    ]),
  ];
  return { moved, removed };
}
