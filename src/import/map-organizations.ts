import { PolicyStatement } from '../config/schema/common';
import { CONTROL_TOWER_POLICY_PREFIX } from '../model/control-tower';
import { ROOT } from '../model/org-tree';
import { renderPolicyDocument } from '../model/policy-document';
import { canonicalJson } from '../model/policy-packing';
import { ids, stackNames } from '../../stacks/ids';
import { importKey } from '../config/import-record';
import { ACCOUNT_KEY, assignKeys, keyFromName, OU_KEY, POLICY_KEY } from './keys';
import { byString, jsonFile, type OrganizationKeys, type ReportEntry } from './mapped';
import type { OrganizationsSnapshot, PolicySnapshot, Tags } from './snapshot';

const STATEMENT_TYPES = new Set(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);
const CONTROL_TOWER_PRINCIPAL = 'controltower.amazonaws.com';
const SCP_LIMITS = { conservative: 5, raised: 10 } as const;

export interface OrganizationOptions {
  readonly name: string;
  readonly homeRegion: string;
  readonly partition: string;
  readonly accessRoleName: string;
}

export interface MappedOrganization {
  readonly sections: Record<string, unknown>;
  readonly keys: OrganizationKeys;
  readonly imports: Map<string, string>;
  readonly files: Map<string, string>;
  readonly report: ReportEntry[];
  /** Service principal to account id, for the parts that place a delegated administrator themselves. */
  readonly delegated: ReadonlyMap<string, string>;
}

type Target = { kind: 'root' } | { kind: 'ou'; path: string } | { kind: 'account'; key: string };

/**
 * The organization part of an imported org.yaml: OUs, accounts, the policies AWS does not manage
 * with their attachments, FullAWSAccess detachments, trusted access, delegated administrators and
 * Control Tower. Policies, attachments and delegated administrators are adopted through the
 * import record; the organization, OUs and accounts through their org.yaml ids.
 */
export function mapOrganizations(org: OrganizationsSnapshot, options: OrganizationOptions): MappedOrganization {
  const report: ReportEntry[] = [];
  const imports = new Map<string, string>();
  const files = new Map<string, string>();

  // OUs: keys per parent from names, paths from the root.
  const ouPathById = new Map<string, string>([[org.rootId, ROOT]]);
  const tree: Record<string, unknown> = {};
  const nodeById = new Map<string, Record<string, unknown>>();
  for (const parentId of [org.rootId, ...org.ous.map((o) => o.id)]) {
    const children = org.ous.filter((o) => o.parentId === parentId);
    if (children.length === 0) continue;
    const keys = assignKeys(children, OU_KEY);
    const siblings = parentId === org.rootId ? tree : ((nodeById.get(parentId)!.children ??= {}) as Record<string, unknown>);
    for (const child of [...children].sort((a, b) => byString(keys.get(a.id)!, keys.get(b.id)!))) {
      const key = keys.get(child.id)!;
      const parentPath = ouPathById.get(parentId)!;
      const path = parentPath === ROOT ? key : `${parentPath}/${key}`;
      ouPathById.set(child.id, path);
      const node: Record<string, unknown> = { id: child.id, ...(child.name !== key ? { name: child.name } : {}), ...tagsField(child.tags) };
      nodeById.set(child.id, node);
      siblings[key] = node;
    }
  }

  // Accounts: closing ones are left out; their key would otherwise be adopted and then vanish.
  const kept = org.accounts.filter((a) => {
    if (a.status !== 'PENDING_CLOSURE') return true;
    report.push({ kind: 'left-out', subject: `account ${a.name} (${a.id})`, reason: 'it is closing (PENDING_CLOSURE); a closed account leaves the organization within 90 days.' });
    return false;
  });
  const accountKeyById = assignKeys(kept, ACCOUNT_KEY);
  const managementAccountKey = accountKeyById.get(org.managementAccountId) ?? keyFromName('management', ACCOUNT_KEY);
  const accounts: Record<string, Record<string, unknown>> = {};
  for (const a of [...kept].sort((x, y) => byString(accountKeyById.get(x.id)!, accountKeyById.get(y.id)!))) {
    if (a.status === 'SUSPENDED')
      report.push({ kind: 'note', subject: `account ${a.name} (${a.id})`, reason: 'it is SUSPENDED; it is adopted like the others, and nothing lz plans can reopen it.' });
    accounts[accountKeyById.get(a.id)!] = { name: a.name, email: a.email, ou: ouPathById.get(a.parentId) ?? ROOT, id: a.id, ...tagsField(a.tags) };
  }

  const targetOf = (id: string): Target | undefined => {
    if (id === org.rootId) return { kind: 'root' };
    const path = ouPathById.get(id);
    if (path !== undefined) return { kind: 'ou', path };
    const key = accountKeyById.get(id);
    return key !== undefined ? { kind: 'account', key } : undefined;
  };
  const targetName = (t: Target) => (t.kind === 'root' ? ROOT : t.kind === 'ou' ? t.path : t.key);
  const attach = (t: Target, key: string) => {
    const holder = t.kind === 'root' ? undefined : t.kind === 'ou' ? nodeById.get([...ouPathById].find(([, p]) => p === t.path)![0])! : accounts[t.key]!;
    if (holder) holder.policies = [...((holder.policies as string[] | undefined) ?? []), key];
  };

  // Control Tower: its guardrail SCPs are counted per target, never declared.
  const guardrails = org.policies.filter((p) => !p.awsManaged && p.name.toLowerCase().startsWith(CONTROL_TOWER_POLICY_PREFIX));
  const ctAttachments = new Map<string, number>();
  for (const p of guardrails) for (const id of p.targetIds) { const t = targetOf(id); if (t) ctAttachments.set(targetName(t), (ctAttachments.get(targetName(t)) ?? 0) + 1); }
  const controlTower = org.serviceAccessPrincipals.includes(CONTROL_TOWER_PRINCIPAL) || guardrails.length > 0;

  // Customer managed policies, keyed from their names.
  const own = org.policies.filter((p) => !p.awsManaged && !guardrails.includes(p));
  const policyKeys = assignKeys(own, POLICY_KEY, new Set(guardrails.map((g) => keyFromName(g.name, POLICY_KEY))));
  const policies: Record<string, unknown> = {};
  const rootPolicies: string[] = [];
  const declaredTypes = new Set<string>();
  const scpCount = new Map<string, number>();
  for (const p of [...own].sort((a, b) => byString(policyKeys.get(a.id)!, policyKeys.get(b.id)!))) {
    const key = policyKeys.get(p.id)!;
    const entry = policyEntry(p, key, report);
    if (!entry) continue;
    if (entry.file !== undefined) files.set(entry.file.path, entry.file.text);
    policies[key] = entry.value;
    declaredTypes.add(p.type);
    imports.set(`aws_organizations_policy.${ids.policyDocument(key, 1)}`, p.id);
    for (const id of p.targetIds) {
      const t = targetOf(id);
      if (!t) {
        report.push({ kind: 'left-out', subject: `attachment of ${p.name} (${p.id}) to ${id}`, reason: 'the target is not in the imported organization (a closing account).' });
        continue;
      }
      if (t.kind === 'root') rootPolicies.push(key);
      else attach(t, key);
      // An attachment to an account lives in the account's own stack; on the first synth its stack id is its key.
      imports.set(
        t.kind === 'account'
          ? importKey('aws_organizations_policy_attachment', ids.accountPolicyAttachment(key, 1), stackNames.account(t.key))
          : importKey('aws_organizations_policy_attachment', ids.policyAttachment(key, t)),
        `${id}:${p.id}`,
      );
      if (p.type === 'SERVICE_CONTROL_POLICY') scpCount.set(targetName(t), (scpCount.get(targetName(t)) ?? 0) + 1);
    }
  }

  // FullAWSAccess: lz never attaches or detaches it, but records where it is missing, for `lz can` and the limits.
  const detachFullAWSAccess: string[] = [];
  if (org.enabledPolicyTypes.includes('SERVICE_CONTROL_POLICY')) {
    const full = org.policies.find((p) => p.awsManaged && p.name === 'FullAWSAccess');
    const attached = new Set(full?.targetIds ?? []);
    for (const id of [org.rootId, ...org.ous.map((o) => o.id), ...kept.map((a) => a.id)]) {
      const t = targetOf(id)!;
      if (attached.has(id)) scpCount.set(targetName(t), (scpCount.get(targetName(t)) ?? 0) + 1);
      else detachFullAWSAccess.push(targetName(t));
    }
  }
  for (const p of org.policies.filter((x) => x.awsManaged && x.name !== 'FullAWSAccess' && x.targetIds.length > 0))
    report.push({ kind: 'left-out', subject: `AWS managed policy ${p.name} (${p.id})`, reason: 'AWS manages its content; its attachments stay as they are.' });

  let highest = 0;
  for (const [target, n] of scpCount) highest = Math.max(highest, n + (ctAttachments.get(target) ?? 0));
  for (const [target, n] of ctAttachments) highest = Math.max(highest, n + (scpCount.get(target) ?? 0));
  const profile = highest > SCP_LIMITS.conservative ? 'raised' : 'conservative';
  if (profile === 'raised')
    report.push({ kind: 'note', subject: 'guardrails.profile', reason: `a target holds ${highest} SCPs, more than 5: the organization has the raised quota, so the raised profile (10) is written.` });

  if (org.featureSet !== 'ALL')
    report.push({ kind: 'change', subject: `organization ${org.id}`, reason: `its feature set is ${org.featureSet}; lz manages organizations with all features, so the first apply enables them (every member account must accept).` });

  const delegated = new Map<string, string>();
  const delegatedAdministrators: Record<string, string> = {};
  for (const d of [...org.delegatedAdministrators].sort((a, b) => byString(a.servicePrincipal, b.servicePrincipal) || byString(a.accountId, b.accountId))) {
    const key = accountKeyById.get(d.accountId);
    if (key === undefined || delegated.has(d.servicePrincipal)) {
      report.push({ kind: 'left-out', subject: `delegated administrator ${d.accountId} of ${d.servicePrincipal}`,
        reason: key === undefined ? 'the account is not in the imported organization.' : 'org.yaml names one delegated administrator per service; the first by account id is kept.' });
      continue;
    }
    delegated.set(d.servicePrincipal, d.accountId);
    delegatedAdministrators[d.servicePrincipal] = key;
    imports.set(`aws_organizations_delegated_administrator.${ids.delegatedAdministrator(d.servicePrincipal)}`, `${d.accountId}/${d.servicePrincipal}`);
  }

  const extraTypes = org.enabledPolicyTypes.filter((t) => !declaredTypes.has(t) && !(controlTower && t === 'SERVICE_CONTROL_POLICY'));
  const ctOus = [...ctAttachments.keys()].filter((t) => t !== ROOT && !accounts[t]).sort(byString);
  const organization: Record<string, unknown> = {
    name: options.name,
    id: org.id,
    partition: options.partition,
    homeRegion: options.homeRegion,
    managementAccount: managementAccountKey,
    accessRoleName: options.accessRoleName,
    serviceAccessPrincipals: [...org.serviceAccessPrincipals],
    ...(rootPolicies.length > 0 ? { policies: rootPolicies.sort(byString) } : {}),
    ...(extraTypes.length > 0 ? { enabledPolicyTypes: extraTypes } : {}),
    ...(controlTower
      ? { controlTower: { enabled: true, ous: ctOus, guardrailAttachments: Object.fromEntries([...ctAttachments].sort(([a], [b]) => byString(a, b))) } }
      : {}),
  };
  if (controlTower)
    report.push({ kind: 'note', subject: 'AWS Control Tower', reason: `detected (${guardrails.length} aws-guardrails-* SCPs${org.serviceAccessPrincipals.includes(CONTROL_TOWER_PRINCIPAL) ? ', trusted access of controltower.amazonaws.com' : ''}); its SCPs are counted per target, not managed.` });
  for (const list of nodeById.values()) if (Array.isArray(list.policies)) (list.policies as string[]).sort(byString);
  for (const a of Object.values(accounts)) if (Array.isArray(a.policies)) (a.policies as string[]).sort(byString);

  return {
    sections: {
      organization,
      organizationalUnits: tree,
      accounts,
      ...(Object.keys(policies).length > 0 ? { policies } : {}),
      ...(Object.keys(delegatedAdministrators).length > 0 ? { delegatedAdministrators } : {}),
      ...(profile !== 'conservative' || detachFullAWSAccess.length > 0
        ? { guardrails: { ...(profile !== 'conservative' ? { profile } : {}), ...(detachFullAWSAccess.length > 0 ? { detachFullAWSAccess } : {}) } }
        : {}),
    },
    keys: { accountKeyById, ouPathById, managementAccountKey },
    imports,
    files,
    report,
    delegated,
  };
}

function tagsField(tags: Tags): { tags?: Record<string, string> } {
  return Object.keys(tags).length > 0 ? { tags: Object.fromEntries(Object.entries(tags).sort(([a], [b]) => byString(a, b))) } : {};
}

/** The org.yaml entry of one policy, with its document file; undefined (and reported) when org.yaml cannot express it. */
function policyEntry(p: PolicySnapshot, key: string, report: ReportEntry[]): { value: Record<string, unknown>; file?: { path: string; text: string } } | undefined {
  const subject = `${p.type} ${p.name} (${p.id})`;
  let document: unknown;
  try {
    document = JSON.parse(p.content);
  } catch {
    report.push({ kind: 'left-out', subject, reason: 'its content is not JSON.' });
    return undefined;
  }
  const common = { ...(p.name !== key ? { name: p.name } : {}), ...(p.description !== '' ? { description: p.description } : {}), ...tagsField(p.tags) };
  if (!STATEMENT_TYPES.has(p.type)) {
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      report.push({ kind: 'left-out', subject, reason: 'its content is not a JSON object.' });
      return undefined;
    }
    return { value: { type: p.type, ...common, content: document } };
  }
  const raw = (document as { Statement?: unknown }).Statement;
  const parsed = PolicyStatement.array().min(1).safeParse(Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    report.push({ kind: 'left-out', subject, reason: `a statement org.yaml cannot express (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'no Statement'}).` });
    return undefined;
  }
  if (canonicalJson(JSON.parse(renderPolicyDocument(parsed.data))) !== canonicalJson(document))
    report.push({ kind: 'change', subject, reason: 'lz writes documents in one canonical form (statements by Sid, lists sorted and de-duplicated); the first apply rewrites the content with the same meaning.' });
  const path = `policies/${key}.json`;
  return { value: { ...(p.type !== 'SERVICE_CONTROL_POLICY' ? { type: p.type } : {}), ...common, file: path }, file: { path, text: jsonFile(document) } };
}
