import { EMPTY_LOCK, type LockFile } from '../config/lock-file';
import type { PolicyFileStatements } from '../config/policy-files';
import type { OrgConfig } from '../config/schema';
import { flattenOus } from './org-tree';
import { renderPolicyDocument } from './policy-document';
import { buildGuardrailsModel, canonicalJson, policyTargets } from './policy-packing';
import { policyStatements, STATEMENT_POLICY_TYPES } from './policy-sources';
import type { AccountModel, DelegatedAdministratorModel, LandingZoneModel, PolicyModel } from './types';

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

  // Attachments written in org.yaml plus the automatic quarantine of new accounts, sorted.
  const targetsByPolicy = policyTargets(config);

  const policies: PolicyModel[] = Object.keys(config.policies)
    .sort(byString)
    .map((key) => {
      const p = config.policies[key]!;
      return {
        key,
        type: p.type,
        description: p.description ?? '',
        content: STATEMENT_POLICY_TYPES.has(p.type) ? renderPolicyDocument(policyStatements(config, files, key) ?? []) : canonicalJson(p.content ?? {}),
        tags: p.tags ?? {},
        targets: targetsByPolicy.get(key) ?? [],
      };
    });

  const delegatedAdministrators: DelegatedAdministratorModel[] = Object.keys(config.delegatedAdministrators)
    .sort(byString)
    .map((servicePrincipal) => ({ servicePrincipal, accountKey: config.delegatedAdministrators[servicePrincipal]! }));

  const serviceAccessPrincipals = new Set<string>(config.organization.serviceAccessPrincipals);
  for (const d of delegatedAdministrators) serviceAccessPrincipals.add(d.servicePrincipal);

  const enabledPolicyTypes = new Set(policies.map((p) => p.type));
  const home = config.organization.homeRegion;

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
    guardrails: buildGuardrailsModel(config, files),
    // Sections are added by the capabilities that own them; unknown sections are carried over.
    lock: { ...previousLock, version: 1 },
  };
}
