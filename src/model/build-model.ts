import { EMPTY_LOCK, type LockFile } from '../config/lock-file';
import type { PolicyFileStatements } from '../config/policy-files';
import type { OrgConfig } from '../config/schema';
import { buildNetworkModel } from './network/build-network';
import { flattenOus, ROOT } from './org-tree';
import { renderPolicyDocument } from './policy-document';
import type { AccountModel, DelegatedAdministratorModel, LandingZoneModel, PolicyModel, PolicyTarget } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Resolves a config that passed every rule into the landing-zone model. It trusts the rules:
 * references resolve and required values are present.
 */
export function buildModel(config: OrgConfig, files: PolicyFileStatements, previousLock: LockFile = EMPTY_LOCK): LandingZoneModel {
  const ous = flattenOus(config.organizationalUnits);
  const managementKey = config.organization.managementAccount;

  const accounts: AccountModel[] = Object.keys(config.accounts)
    .sort(byString)
    .map((key) => {
      const a = config.accounts[key]!;
      return {
        key,
        name: a.name,
        email: a.email,
        ouPath: a.ou,
        ...(a.id !== undefined ? { id: a.id } : {}),
        isManagement: key === managementKey,
        iamUserAccessToBilling: a.iamUserAccessToBilling,
        tags: a.tags ?? {},
      };
    });

  const targetsByPolicy = new Map<string, PolicyTarget[]>();
  const attach = (policy: string, target: PolicyTarget) => {
    const list = targetsByPolicy.get(policy) ?? [];
    list.push(target);
    targetsByPolicy.set(policy, list);
  };
  for (const p of new Set(config.organization.policies)) attach(p, { kind: 'root' });
  for (const ou of ous) for (const p of new Set(ou.policies)) attach(p, { kind: 'ou', path: ou.path });
  for (const a of Object.keys(config.accounts).sort(byString))
    for (const p of new Set(config.accounts[a]!.policies ?? [])) attach(p, { kind: 'account', key: a });

  const policies: PolicyModel[] = Object.keys(config.policies)
    .sort(byString)
    .map((key) => {
      const p = config.policies[key]!;
      const statements = p.statements ?? files.get(key) ?? [];
      return {
        key,
        type: p.type,
        description: p.description ?? '',
        content: renderPolicyDocument(statements),
        tags: p.tags ?? {},
        targets: sortTargets(targetsByPolicy.get(key) ?? []),
      };
    });

  const delegatedAdministrators: DelegatedAdministratorModel[] = Object.keys(config.delegatedAdministrators)
    .sort(byString)
    .map((servicePrincipal) => ({ servicePrincipal, accountKey: config.delegatedAdministrators[servicePrincipal]! }));

  const serviceAccessPrincipals = new Set<string>(config.organization.serviceAccessPrincipals);
  for (const d of delegatedAdministrators) serviceAccessPrincipals.add(d.servicePrincipal);

  const enabledPolicyTypes = new Set(policies.map((p) => p.type));
  const home = config.organization.homeRegion;
  const { network, lockSections } = buildNetworkModel(config, previousLock);

  return {
    organization: {
      name: config.organization.name,
      ...(config.organization.id !== undefined ? { id: config.organization.id } : {}),
      partition: config.organization.partition,
      homeRegion: home,
      allowedRegions: [home, ...[...new Set(config.organization.allowedRegions)].filter((r) => r !== home).sort(byString)],
      managementAccountKey: managementKey,
      managementAccountId: config.accounts[managementKey]!.id!,
      accessRoleName: config.organization.accessRoleName,
      serviceAccessPrincipals: [...serviceAccessPrincipals].sort(byString),
      enabledPolicyTypes: [...enabledPolicyTypes].sort(byString),
    },
    ous,
    accounts,
    policies,
    delegatedAdministrators,
    ...(network ? { network } : {}),
    // Sections are added by the capabilities that own them; unknown sections are carried over.
    lock: { ...previousLock, ...lockSections, version: 1 },
  };
}

function targetRank(t: PolicyTarget): string {
  if (t.kind === 'root') return `0:${ROOT}`;
  if (t.kind === 'ou') return `1:${t.path}`;
  return `2:${t.key}`;
}

function sortTargets(targets: PolicyTarget[]): PolicyTarget[] {
  return [...targets].sort((a, b) => byString(targetRank(a), targetRank(b)));
}
