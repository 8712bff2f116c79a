import { PolicyStatement } from '../config/schema/common';
import { customerManagedPolicyRef, managedPolicyRef } from '../model/identity-center';
import { renderPolicyDocument } from '../model/policy-document';
import { canonicalJson } from '../model/policy-packing';
import type { Partition } from '../model/types';
import { ids, stackNames } from '../../stacks/ids';
import { importKey } from '../config/import-record';
import { assignKeys, IDENTITY_KEY } from './keys';
import { byString, jsonFile, type OrganizationKeys, type ReportEntry } from './mapped';
import type { IdentityCenterSnapshot, PermissionSetSnapshot } from './snapshot';

export interface MappedIdentityCenter {
  readonly section: Record<string, unknown>;
  readonly imports: Map<string, string>;
  readonly files: Map<string, string>;
  readonly report: ReportEntry[];
}

/**
 * The identityCenter section: permission sets with their policies, the groups and users that have
 * assignments (looked up by display name and user name, never created), and one assignment entry
 * per (principal, permission set) listing its accounts. Accounts are listed, not OUs: an OU would
 * also grant the set to every account added there later, which the organization does not say.
 */
export function mapIdentityCenter(ic: IdentityCenterSnapshot, keys: OrganizationKeys, partition: Partition, delegatedAdministratorId: string | undefined): MappedIdentityCenter {
  const report: ReportEntry[] = [];
  const imports = new Map<string, string>();
  const files = new Map<string, string>();
  const instance = ic.instanceArn;

  const setId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
  const setKeys = assignKeys(ic.permissionSets.map((s) => ({ id: setId(s.arn), name: s.name })), IDENTITY_KEY);
  const keyOfSet = (arn: string) => setKeys.get(setId(arn))!;
  const permissionSets: Record<string, unknown> = {};
  for (const set of [...ic.permissionSets].sort((a, b) => byString(keyOfSet(a.arn), keyOfSet(b.arn)))) {
    const key = keyOfSet(set.arn);
    permissionSets[key] = permissionSetEntry(set, key, partition, { imports, files, report, instance });
  }

  const groupKeys = assignKeys(ic.groups.map((g) => ({ id: g.id, name: g.displayName })), IDENTITY_KEY);
  const userKeys = assignKeys(ic.users.map((u) => ({ id: u.id, name: u.userName })), IDENTITY_KEY);
  const groups = Object.fromEntries(ic.groups.map((g) => [groupKeys.get(g.id)!, g.displayName === groupKeys.get(g.id) ? {} : { displayName: g.displayName }]).sort(([a], [b]) => byString(a as string, b as string)));
  const users = Object.fromEntries(ic.users.map((u) => [userKeys.get(u.id)!, { userName: u.userName }]).sort(([a], [b]) => byString(a as string, b as string)));

  const fromDelegated = delegatedAdministratorId !== undefined;
  const grouped = new Map<string, { principal: Record<string, string>; set: string; accounts: string[] }>();
  for (const a of ic.assignments) {
    const accountKey = keys.accountKeyById.get(a.accountId);
    const principalKey = a.principalType === 'GROUP' ? groupKeys.get(a.principalId) : userKeys.get(a.principalId);
    const subject = `assignment of ${a.principalType.toLowerCase()} ${a.principalId} to ${a.accountId} with ${a.permissionSetArn}`;
    if (accountKey === undefined || principalKey === undefined) {
      report.push({ kind: 'left-out', subject, reason: accountKey === undefined ? 'the account is not in the imported organization.' : 'the principal could not be read from the identity store.' });
      continue;
    }
    if (fromDelegated && accountKey === keys.managementAccountKey) {
      report.push({ kind: 'left-out', subject, reason: 'it is in the management account, which the delegated administrator of IAM Identity Center cannot manage; manage it from the management account.' });
      continue;
    }
    const setKey = keyOfSet(a.permissionSetArn);
    const principal: Record<string, string> = a.principalType === 'GROUP' ? { group: principalKey } : { user: principalKey };
    const id = `${a.principalType}:${principalKey}:${setKey}`;
    const entry = grouped.get(id) ?? { principal, set: setKey, accounts: [] as string[] };
    entry.accounts.push(accountKey);
    grouped.set(id, entry);
    // In the account's own access stack; on the first synth its stack id is its key.
    imports.set(importKey('aws_ssoadmin_account_assignment', ids.accountAssignment({ type: a.principalType, key: principalKey }, setKey), stackNames.access(accountKey)),
      `${a.principalId},${a.principalType},${a.accountId},AWS_ACCOUNT,${a.permissionSetArn},${instance}`);
  }
  const assignments = [...grouped.keys()].sort(byString).map((id) => {
    const e = grouped.get(id)!;
    return { ...e.principal, permissionSets: [e.set], accounts: [...new Set(e.accounts)].sort(byString) };
  });

  const delegatedKey = delegatedAdministratorId === undefined ? undefined : keys.accountKeyById.get(delegatedAdministratorId);
  return {
    section: {
      region: ic.region,
      ...(delegatedKey !== undefined ? { delegatedAdministrator: delegatedKey } : {}),
      permissionSets,
      ...(Object.keys(groups).length > 0 ? { groups } : {}),
      ...(Object.keys(users).length > 0 ? { users } : {}),
      ...(assignments.length > 0 ? { assignments } : {}),
    },
    imports,
    files,
    report,
  };
}

interface Sink {
  readonly imports: Map<string, string>;
  readonly files: Map<string, string>;
  readonly report: ReportEntry[];
  readonly instance: string;
}

function permissionSetEntry(set: PermissionSetSnapshot, key: string, partition: Partition, sink: Sink): Record<string, unknown> {
  const { imports, files, report, instance } = sink;
  const pair = `${set.arn},${instance}`;
  imports.set(`aws_ssoadmin_permission_set.${ids.permissionSet(key)}`, pair);
  const managed: string[] = [];
  for (const arn of set.managedPolicyArns) {
    const name = arn.replace(/^arn:[^:]+:iam::aws:policy\//, '');
    const ref = managedPolicyRef(name, partition);
    if (!ref) {
      report.push({ kind: 'left-out', subject: `managed policy ${arn} of permission set ${set.name}`, reason: 'it is not an AWS managed policy ARN of this partition.' });
      continue;
    }
    managed.push(name);
    imports.set(`aws_ssoadmin_managed_policy_attachment.${ids.managedPolicyAttachment(key, ref.slug)}`, `${arn},${pair}`);
  }
  const customer = set.customerManagedPolicies.map((c) => {
    const ref = customerManagedPolicyRef(c.name, c.path);
    imports.set(`aws_ssoadmin_customer_managed_policy_attachment.${ids.customerManagedPolicyAttachment(key, ref.slug)}`, `${c.name},${c.path},${pair}`);
    return c.path === '/' ? { name: c.name } : { name: c.name, path: c.path };
  });
  let inlinePolicy: Record<string, string> | undefined;
  if (set.inlinePolicy !== undefined) {
    const statements = parseStatements(set.inlinePolicy);
    if (statements === undefined)
      report.push({ kind: 'left-out', subject: `inline policy of permission set ${set.name}`, reason: 'it has a statement org.yaml cannot express; it stays as it is, unmanaged.' });
    else {
      const path = `policies/permission-sets/${key}.json`;
      files.set(path, jsonFile(JSON.parse(set.inlinePolicy)));
      inlinePolicy = { file: path };
      imports.set(`aws_ssoadmin_permission_set_inline_policy.${ids.inlinePolicy(key)}`, pair);
      if (canonicalJson(JSON.parse(renderPolicyDocument(statements))) !== canonicalJson(JSON.parse(set.inlinePolicy)))
        report.push({ kind: 'change', subject: `inline policy of permission set ${set.name}`, reason: 'lz writes documents in one canonical form; the first apply rewrites it with the same meaning.' });
    }
  }
  let boundary: Record<string, unknown> | undefined;
  if (set.permissionsBoundary?.managedPolicyArn !== undefined) boundary = { managedPolicy: set.permissionsBoundary.managedPolicyArn.replace(/^arn:[^:]+:iam::aws:policy\//, '') };
  else if (set.permissionsBoundary?.customerManagedPolicy !== undefined) boundary = { customerManagedPolicy: { ...set.permissionsBoundary.customerManagedPolicy } };
  if (boundary) imports.set(`aws_ssoadmin_permissions_boundary_attachment.${ids.permissionsBoundary(key)}`, pair);
  return {
    ...(set.name !== key ? { name: set.name } : {}),
    ...(set.description !== undefined ? { description: set.description } : {}),
    ...(set.sessionDuration !== undefined ? { sessionDuration: set.sessionDuration } : {}),
    ...(set.relayState !== undefined ? { relayState: set.relayState } : {}),
    ...(managed.length > 0 ? { managedPolicies: managed.sort(byString) } : {}),
    ...(customer.length > 0 ? { customerManagedPolicies: customer } : {}),
    ...(inlinePolicy ? { inlinePolicy } : {}),
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    ...(Object.keys(set.tags).length > 0 ? { tags: Object.fromEntries(Object.entries(set.tags).sort(([a], [b]) => byString(a, b))) } : {}),
  };
}

function parseStatements(text: string): PolicyStatement[] | undefined {
  try {
    const raw = (JSON.parse(text) as { Statement?: unknown }).Statement;
    const parsed = PolicyStatement.array().min(1).safeParse(Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
