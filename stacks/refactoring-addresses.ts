import { OrganizationsAccount } from '@cdktf/provider-aws/lib/organizations-account';
import { OrganizationsOrganizationalUnit } from '@cdktf/provider-aws/lib/organizations-organizational-unit';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import type { RefactoringBlocksProps } from '../src/constructs/refactoring-blocks';
import { renameChainEnd, type ManagedChangesModel, type Rename } from '../src/model/managed-changes';
import type { PolicyModel, PolicyTarget } from '../src/model/types';
import { ids } from './ids';

const sameTarget = (a: PolicyTarget, b: PolicyTarget) =>
  a.kind === b.kind && (a.kind !== 'ou' || a.path === (b as { path: string }).path) && (a.kind !== 'account' || a.key === (b as { key: string }).key);

/**
 * The organization stack's `moved` and `removed` addresses. A renamed account or OU moves with the
 * policy attachments it has today (along the whole chain of its renames); a released one leaves
 * the state with the attachments any current policy could have on it, so nothing is detached.
 */
export function refactoringAddresses(changes: ManagedChangesModel, policies: readonly PolicyModel[]): RefactoringBlocksProps {
  const attachment = OrganizationsPolicyAttachment.tfResourceType;
  const attachmentAddress = (policy: string, target: PolicyTarget) => `${attachment}.${ids.policyAttachment(policy, target)}`;

  const moved: Array<{ from: string; to: string }> = [];
  const move = (renames: readonly Rename[], type: string, id: (k: string) => string, target: (k: string) => PolicyTarget) => {
    const endOf = renameChainEnd(renames);
    for (const r of renames) {
      moved.push({ from: `${type}.${id(r.from)}`, to: `${type}.${id(r.to)}` });
      const final = target(endOf(r.to));
      for (const policy of policies)
        if (policy.targets.some((t) => sameTarget(t, final)))
          moved.push({ from: attachmentAddress(policy.key, target(r.from)), to: attachmentAddress(policy.key, target(r.to)) });
    }
  };
  move(changes.renamedAccounts, OrganizationsAccount.tfResourceType, ids.account, (key) => ({ kind: 'account', key }));
  move(changes.renamedOus, OrganizationsOrganizationalUnit.tfResourceType, ids.ou, (path) => ({ kind: 'ou', path }));

  const removed = [
    ...changes.removedAccounts.flatMap((r) => [
      `${OrganizationsAccount.tfResourceType}.${ids.account(r.key)}`,
      ...policies.map((p) => attachmentAddress(p.key, { kind: 'account', key: r.key })),
    ]),
    ...changes.removedOus.flatMap((r) => [
      `${OrganizationsOrganizationalUnit.tfResourceType}.${ids.ou(r.path)}`,
      ...policies.map((p) => attachmentAddress(p.key, { kind: 'ou', path: r.path })),
    ]),
  ];
  return { moved, removed };
}
