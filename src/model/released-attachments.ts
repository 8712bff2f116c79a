import type { ChangeConfirmations, ManagedRecord } from '../config/managed-record';
import type { OrgConfig } from '../config/schema';
import { policyTargets } from './policy-packing';
import type { Redeclaration } from './redeclarations';
import type { PolicyTarget } from './types';

/**
 * Releasing an OU or account leaves it in AWS with its policies attached: their attachments leave
 * Terraform's state with it. The record keeps which policies those are, because AWS refuses to
 * delete a policy that is attached anywhere (PolicyInUseException), and a target declared again
 * has its attachments imported rather than attached a second time.
 */

/** `--allow-removal policies.<key>`: the policy was detached from the released targets outside lz. */
export const POLICY_CONFIRMATION_PREFIX = 'policies.';

export type ReleasableTarget = Extract<PolicyTarget, { kind: 'ou' | 'account' }>;

/** `ou:<path>` or `account:<key>`, the record's name of a target. */
export function attachmentTarget(target: ReleasableTarget): string {
  return target.kind === 'ou' ? `ou:${target.path}` : `account:${target.key}`;
}

/** `ou:Sandbox` -> "the OU `Sandbox`", for messages. */
export function describeTarget(name: string): string {
  const i = name.indexOf(':');
  return `the ${name.slice(0, i) === 'ou' ? 'OU' : 'account'} \`${name.slice(i + 1)}\``;
}

/** The policies lz attaches to each OU and account today, for the record. */
export function currentAttachments(config: OrgConfig): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [policyKey, targets] of [...policyTargets(config)].sort(([a], [b]) => (a < b ? -1 : 1)))
    for (const target of targets) if (target.kind !== 'root') (out[attachmentTarget(target)] ??= []).push(policyKey);
  return out;
}

/** Policy keys whose deletion was confirmed on the command line. */
export function confirmedPolicyDeletions(confirmations: ChangeConfirmations): Set<string> {
  return new Set(confirmations.allowRemovals.filter((n) => n.startsWith(POLICY_CONFIRMATION_PREFIX)).map((n) => n.slice(POLICY_CONFIRMATION_PREFIX.length)));
}

/**
 * The policies attached to each released target: `kept`, still attached in AWS after this run
 * (those recorded as released, plus those the record attached to a target released now), and
 * `detached`, those whose deletion was confirmed because they were detached outside lz.
 */
export function releasedAttachments(record: ManagedRecord | undefined, released: readonly ReleasableTarget[], confirmations: ChangeConfirmations) {
  const confirmed = confirmedPolicyDeletions(confirmations);
  const kept: Record<string, string[]> = {};
  const detached: Record<string, string[]> = {};
  for (const target of released) {
    const name = attachmentTarget(target);
    const keys = [...new Set([...(record?.released?.attachments?.[name] ?? []), ...(record?.attachments?.[name] ?? [])])].sort();
    for (const [into, list] of [[kept, keys.filter((k) => !confirmed.has(k))], [detached, keys.filter((k) => confirmed.has(k))]] as const)
      if (list.length > 0) into[name] = list;
  }
  return { kept, detached };
}

export interface ReadoptedAttachment {
  readonly policyKey: string;
  readonly target: ReleasableTarget;
}

/**
 * For the released targets org.yaml declares again: the attachments left in AWS that org.yaml
 * declares again too (to import), and those it no longer declares (they stay attached, unmanaged).
 */
export function readoptedAttachments(config: OrgConfig, record: ManagedRecord | undefined, redeclared: readonly Redeclaration[]) {
  const declared = policyTargets(config);
  const imported: ReadoptedAttachment[] = [];
  const unmanaged: Array<ReadoptedAttachment & { readonly redeclaration: Redeclaration }> = [];
  for (const r of redeclared) {
    const target: ReleasableTarget = r.kind === 'ou' ? { kind: 'ou', path: r.name } : { kind: 'account', key: r.name };
    const releasedAs: ReleasableTarget = r.kind === 'ou' ? { kind: 'ou', path: r.releasedAs } : { kind: 'account', key: r.releasedAs };
    for (const policyKey of record?.released?.attachments?.[attachmentTarget(releasedAs)] ?? []) {
      const again = (declared.get(policyKey) ?? []).some((t) => t.kind !== 'root' && attachmentTarget(t) === attachmentTarget(target));
      if (again) imported.push({ policyKey, target });
      else unmanaged.push({ policyKey, target, redeclaration: r });
    }
  }
  return { imported, unmanaged };
}
