import type { PolicyFileStatements } from '../config/policy-files';
import type { OrgConfig } from '../config/schema';
import type { PolicyStatement } from '../config/schema/common';
import { flattenOus, ROOT } from './org-tree';
import { renderPolicyDocument, sortStatements } from './policy-document';
import { policyLimits } from './policy-limits';
import { policyContent, policyStatements, STATEMENT_POLICY_TYPES } from './policy-sources';
import type { PolicyTarget } from './types';

/** One organization policy as deployed: a whole policy, or one numbered part of a split one. */
export interface PackedDocument {
  readonly policyKey: string;
  /** 1 for the first (or only) document of the policy. */
  readonly part: number;
  /** The AWS policy name (`name`, or the key), with `-part<N>` from the second part on. */
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Minified document, within the type's size limit. */
  readonly content: string;
  /** Sorted: root, OUs by path, accounts by key. */
  readonly targets: readonly PolicyTarget[];
}

export interface GuardrailsModel {
  readonly profile: 'conservative' | 'raised';
  /** Sorted by policy key, then part. */
  readonly documents: readonly PackedDocument[];
  /** Targets whose FullAWSAccess SCP is detached. */
  readonly fullAwsAccessDetached: readonly PolicyTarget[];
}

/**
 * Splits statements into as few minified documents of at most `maxSize` characters as a greedy
 * pass in canonical order gives. Each policy is packed on its own, so changing one policy never
 * moves a statement of another; within a policy the canonical order keeps parts stable.
 * A single statement larger than `maxSize` is returned alone (the limit rule reports it).
 */
export function splitStatements(statements: readonly PolicyStatement[], maxSize: number): string[] {
  const documents: string[] = [];
  let current: PolicyStatement[] = [];
  for (const s of sortStatements(statements)) {
    if (current.length > 0 && renderPolicyDocument([...current, s]).length > maxSize) {
      documents.push(renderPolicyDocument(current));
      current = [];
    }
    current.push(s);
  }
  if (current.length > 0) documents.push(renderPolicyDocument(current));
  return documents;
}

/** Keys sorted recursively, so the same content always prints the same. */
export function canonicalJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys)
      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
        : v;
  return JSON.stringify(sortKeys(value));
}

/** The documents of one policy under the profile. */
export function policyDocuments(config: OrgConfig, files: PolicyFileStatements, key: string): string[] {
  const policy = config.policies[key]!;
  if (!STATEMENT_POLICY_TYPES.has(policy.type)) return [canonicalJson(policyContent(policy))];
  return splitStatements(policyStatements(config, files, key) ?? [], policyLimits(policy.type, config.guardrails.profile).maxSize);
}

/** Whether the quarantine policy applies to an account: new accounts until they opt out. */
export function isQuarantined(config: OrgConfig, accountKey: string): boolean {
  const account = config.accounts[accountKey]!;
  if (config.guardrails.quarantinePolicy === undefined || accountKey === config.organization.managementAccount) return false;
  return account.quarantine ?? account.id === undefined;
}

/** Every (policy, target) attachment: those written in org.yaml plus the automatic quarantine. */
export function policyTargets(config: OrgConfig): Map<string, PolicyTarget[]> {
  const out = new Map<string, PolicyTarget[]>();
  const add = (policy: string, target: PolicyTarget) => {
    const list = out.get(policy) ?? [];
    if (!list.some((t) => targetKey(t) === targetKey(target))) list.push(target);
    out.set(policy, list);
  };
  for (const p of config.organization.policies) add(p, { kind: 'root' });
  for (const ou of flattenOus(config.organizationalUnits)) for (const p of ou.policies) add(p, { kind: 'ou', path: ou.path });
  for (const key of Object.keys(config.accounts).sort()) {
    for (const p of config.accounts[key]!.policies ?? []) add(p, { kind: 'account', key });
    if (isQuarantined(config, key)) add(config.guardrails.quarantinePolicy!, { kind: 'account', key });
  }
  for (const list of out.values()) list.sort((a, b) => (targetKey(a) < targetKey(b) ? -1 : targetKey(a) > targetKey(b) ? 1 : 0));
  return out;
}

/** `0:Root`, `1:<ou path>`, `2:<account key>`: a sortable, unique name of a target. */
export function targetKey(t: PolicyTarget): string {
  if (t.kind === 'root') return `0:${ROOT}`;
  if (t.kind === 'ou') return `1:${t.path}`;
  return `2:${t.key}`;
}

/** Resolves a `detachFullAWSAccess` entry: Root, an OU path, or an account key (OU paths first). */
export function resolveTarget(config: OrgConfig, name: string): PolicyTarget | undefined {
  if (name === ROOT) return { kind: 'root' };
  if (flattenOus(config.organizationalUnits).some((ou) => ou.path === name)) return { kind: 'ou', path: name };
  if (config.accounts[name]) return { kind: 'account', key: name };
  return undefined;
}

/** Packs every policy into deployable documents and resolves their targets. */
export function buildGuardrailsModel(config: OrgConfig, files: PolicyFileStatements): GuardrailsModel {
  const targets = policyTargets(config);
  const documents: PackedDocument[] = [];
  for (const key of Object.keys(config.policies).sort()) {
    const policy = config.policies[key]!;
    policyDocuments(config, files, key).forEach((content, i) =>
      documents.push({
        policyKey: key,
        part: i + 1,
        name: i === 0 ? (policy.name ?? key) : `${policy.name ?? key}-part${i + 1}`,
        type: policy.type,
        description: policy.description ?? '',
        tags: policy.tags ?? {},
        content,
        targets: targets.get(key) ?? [],
      }));
  }
  const detached = config.guardrails.detachFullAWSAccess.map((n) => resolveTarget(config, n)).filter((t): t is PolicyTarget => t !== undefined);
  return {
    profile: config.guardrails.profile,
    documents,
    fullAwsAccessDetached: [...new Map(detached.map((t) => [targetKey(t), t])).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t),
  };
}
