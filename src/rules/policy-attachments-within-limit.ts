import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { controlTowerAttachments } from '../model/control-tower';
import { flattenOus, ROOT } from '../model/org-tree';
import { policyLimits } from '../model/policy-limits';
import { policyDocuments, policyTargets, resolveTarget, targetKey } from '../model/policy-packing';
import type { PolicyTarget } from '../model/types';
import type { Rule } from './rule';

function describeTarget(t: PolicyTarget): string {
  return t.kind === 'root' ? 'The root' : t.kind === 'ou' ? `The OU ${t.path}` : `The account ${t.key}`;
}

/**
 * Each root, OU and account holds at most the profile's number of policies of each type, the
 * AWS-managed FullAWSAccess / RCPFullAWSAccess and Control Tower's aws-guardrails-* SCPs included;
 * one more fails AttachPolicy at apply.
 */
export const policyAttachmentsWithinLimit: Rule = {
  code: 'LZ0702',
  name: 'policy-attachments-within-limit',
  check({ config, files }) {
    const ous = flattenOus(config.organizationalUnits);
    const detached = new Set(config.guardrails.detachFullAWSAccess.map((n) => resolveTarget(config, n)).filter((t) => t !== undefined).map(targetKey));
    const perTarget = new Map<string, { target: PolicyTarget; type: string; entries: Array<{ key: string; parts: number; size: number }> }>();
    for (const [policy, targets] of policyTargets(config)) {
      const p = config.policies[policy];
      if (!p) continue;
      const documents = policyDocuments(config, files, policy);
      for (const target of targets) {
        const id = `${p.type}|${targetKey(target)}`;
        const entry = perTarget.get(id) ?? { target, type: p.type, entries: [] };
        entry.entries.push({ key: policy, parts: documents.length, size: documents.reduce((n, d) => n + d.length, 0) });
        perTarget.set(id, entry);
      }
    }
    const findings: Finding[] = [];
    for (const id of [...perTarget.keys()].sort()) {
      const { target, type } = perTarget.get(id)!;
      const entries = [...perTarget.get(id)!.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const limits = policyLimits(type, config.guardrails.profile);
      const managed = limits.managedPolicy !== undefined && !(type === 'SERVICE_CONTROL_POLICY' && detached.has(targetKey(target)));
      const controlTower = type === 'SERVICE_CONTROL_POLICY' ? controlTowerAttachments(config, targetName(target)) : 0;
      const count = entries.reduce((n, e) => n + e.parts, 0) + (managed ? 1 : 0) + controlTower;
      if (count <= limits.maxPerTarget) continue;
      const listed = [...(managed ? [limits.managedPolicy!] : []), ...(controlTower > 0 ? [`${controlTower} of Control Tower`] : []), ...entries.map((e) => (e.parts > 1 ? `${e.key} (${e.parts} parts)` : e.key))];
      const smallest = [...entries].filter((e) => e.parts === 1).sort((a, b) => a.size - b.size || (a.key < b.key ? -1 : 1)).slice(0, 2);
      const merge = smallest.length === 2 && smallest[0]!.size + smallest[1]!.size <= limits.maxSize
        ? `merge the smallest, \`${smallest[0]!.key}\` (${smallest[0]!.size} characters) and \`${smallest[1]!.key}\` (${smallest[1]!.size}), into one policy`
        : 'merge policies into fewer ones';
      const raise = type === 'SERVICE_CONTROL_POLICY' && config.guardrails.profile === 'conservative' ? ', or set `guardrails.profile: raised` once the quota increase is granted' : '';
      findings.push(error(this.code, locate(config, ous, target),
        `${describeTarget(target)} would have ${count} ${type} attachments (${listed.join(', ')}); the ${config.guardrails.profile} profile allows ${limits.maxPerTarget}.`,
        `Remove ${count - limits.maxPerTarget}: ${merge}, attach shared policies to a parent OU instead of each child${raise}.`));
    }
    return findings;
  },
};

function targetName(t: PolicyTarget): string {
  return t.kind === 'root' ? ROOT : t.kind === 'ou' ? t.path : t.key;
}

function locate(config: { accounts: Record<string, { policies?: string[] | undefined }> }, ous: ReturnType<typeof flattenOus>, t: PolicyTarget): YamlPath {
  if (t.kind === 'root') return ['organization', 'policies'];
  if (t.kind === 'ou') return [...ous.find((o) => o.path === t.path)!.yamlPath, 'policies'];
  return config.accounts[t.key]!.policies ? ['accounts', t.key, 'policies'] : ['accounts', t.key];
}
