import type { YamlPath } from '../config/diagnostics';
import type { OrgConfig } from '../config/schema';
import { ROOT, type OuNode } from '../model/org-tree';
import { sortedEntries } from './rule';

/** One line of a `policies:` list on the root, an OU or an account. */
export interface PolicyAttachmentRef {
  readonly policy: string;
  /** `Root`, an OU path, or an account key. */
  readonly target: string;
  readonly targetKind: 'root' | 'ou' | 'account';
  readonly path: YamlPath;
}

/** Every attachment written in org.yaml, with where it is written. */
export function policyAttachmentRefs(config: OrgConfig, ous: readonly OuNode[]): PolicyAttachmentRef[] {
  const refs: PolicyAttachmentRef[] = [];
  config.organization.policies.forEach((policy, i) =>
    refs.push({ policy, target: ROOT, targetKind: 'root', path: ['organization', 'policies', i] }));
  for (const ou of ous)
    ou.policies.forEach((policy, i) => refs.push({ policy, target: ou.path, targetKind: 'ou', path: [...ou.yamlPath, 'policies', i] }));
  for (const [key, account] of sortedEntries(config.accounts))
    (account.policies ?? []).forEach((policy, i) => refs.push({ policy, target: key, targetKind: 'account', path: ['accounts', key, 'policies', i] }));
  return refs;
}
