import { readImportRecord } from '../config/import-record';
import { EMPTY_LOCK, type LockFile } from '../config/lock-file';
import { NO_CONFIRMATIONS, readManagedRecord, type ChangeConfirmations } from '../config/managed-record';
import type { PolicyFileStatements } from '../config/policy-files';
import type { OrgConfig } from '../config/schema';
import { baselineDelivers, buildBaselineModel, pinRegionGroups, REGION_GROUPS_LOCK_SECTION } from './baseline';
import { CONTROL_TOWER_SERVICE_PRINCIPALS, controlTowerEnabled } from './control-tower';
import { buildDeployment } from './deployment';
import { buildTerraformVersions } from './terraform-versions';
import { buildIdentityCenterModel, identityCenterDelegation, identityCenterServicePrincipals, type InlinePolicyFiles } from './identity-center';
import { buildLoggingModel, LOGGING_SERVICE_PRINCIPALS, resourceNamePrefix } from './logging';
import { buildManagedChanges, buildManagedRecord } from './managed-changes';
import { redeclarations } from './redeclarations';
import { allowedRegionsOf } from './regions';
import { assignStackIds, optionalStacksOf } from './stack-ids';
import { buildNetworkModel } from './network/build-network';
import { flattenOus } from './org-tree';
import { renderPolicyDocument } from './policy-document';
import { buildGuardrailsModel, canonicalJson, policyTargets } from './policy-packing';
import { policyContent, policyStatements, STATEMENT_POLICY_TYPES } from './policy-sources';
import { buildSecurityModel, securityDelegations } from './security';
import type { AccountModel, DelegatedAdministratorModel, LandingZoneModel, PolicyModel } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Resolves a config that passed every rule into the landing-zone model. It trusts the rules:
 * references resolve and required values are present.
 */
export function buildModel(
  config: OrgConfig,
  files: PolicyFileStatements,
  previousLock: LockFile = EMPTY_LOCK,
  inlinePolicyFiles: InlinePolicyFiles = new Map(),
  confirmations: ChangeConfirmations = NO_CONFIRMATIONS,
): LandingZoneModel {
  const managed = readManagedRecord(previousLock).record;
  const managedChanges = buildManagedChanges(config, managed, confirmations, redeclarations(config, managed));
  const stackIds = assignStackIds(config, managed, managedChanges.removedAccounts);
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
        content: STATEMENT_POLICY_TYPES.has(p.type) ? renderPolicyDocument(policyStatements(config, files, key) ?? []) : canonicalJson(policyContent(p)),
        tags: p.tags ?? {},
        targets: targetsByPolicy.get(key) ?? [],
      };
    });

  const allowedRegions = allowedRegionsOf(config);
  const { baseline, lockSections: baselineLock } = buildBaselineModel(config, allowedRegions, previousLock);
  const logging = buildLoggingModel(config, baselineDelivers(baseline));
  // GuardDuty's regional stacks share the baseline's pinned region groups (the same record).
  const regionGroups = baseline?.regionGroups ?? pinRegionGroups(allowedRegions, previousLock[REGION_GROUPS_LOCK_SECTION]);
  const security = buildSecurityModel(config, resourceNamePrefix(config.organization.name), allowedRegions, regionGroups);
  const regionGroupsLock = security?.guardDuty ? { [REGION_GROUPS_LOCK_SECTION]: regionGroups } : {};
  const delegations = securityDelegations(config);
  const explicit = { ...config.delegatedAdministrators, ...identityCenterDelegation(config) };

  // Rules guarantee a service is delegated once, so explicit and derived entries never collide.
  const delegatedAdministrators: DelegatedAdministratorModel[] = [
    ...Object.keys(explicit).map((servicePrincipal) => ({ servicePrincipal, accountKey: explicit[servicePrincipal]! })),
    ...delegations.filter((d) => d.adminApi === 'organizations').map(({ servicePrincipal, accountKey }) => ({ servicePrincipal, accountKey })),
  ].sort((a, b) => byString(a.servicePrincipal, b.servicePrincipal));

  const serviceAccessPrincipals = new Set<string>([...config.organization.serviceAccessPrincipals, ...identityCenterServicePrincipals(config)]);
  for (const d of delegatedAdministrators) serviceAccessPrincipals.add(d.servicePrincipal);
  for (const d of delegations) serviceAccessPrincipals.add(d.servicePrincipal);
  if (logging) for (const p of LOGGING_SERVICE_PRINCIPALS) serviceAccessPrincipals.add(p);
  // Enabling RAM sharing with the organization turns on RAM's trusted access; the organization
  // resource owns the whole list, so without this entry its next apply would turn sharing off.
  if (config.network) serviceAccessPrincipals.add('ram.amazonaws.com');

  if (controlTowerEnabled(config)) for (const p of CONTROL_TOWER_SERVICE_PRINCIPALS) serviceAccessPrincipals.add(p);
  // A type AWS has enabled stays enabled while org.yaml lists it, even with no declared policy of
  // the type; Control Tower's controls are SCPs, so that type is always kept under Control Tower.
  const enabledPolicyTypes = new Set<string>([...policies.map((p) => p.type), ...config.organization.enabledPolicyTypes]);
  if (controlTowerEnabled(config)) enabledPolicyTypes.add('SERVICE_CONTROL_POLICY');
  const { network, lockSections } = buildNetworkModel(config, previousLock);
  const identityCenter = config.identityCenter ? buildIdentityCenterModel(config, config.organization.partition, inlinePolicyFiles) : undefined;
  const optionalStacks = optionalStacksOf(config, managed, {
    access: new Set(identityCenter?.assignments.map((a) => a.accountKey) ?? []),
    network: new Set(network?.vpcs.map((v) => v.accountKey) ?? []),
    baseline: new Set(Object.keys(baseline?.accounts ?? {})),
  });

  return {
    organization: {
      name: config.organization.name,
      ...(config.organization.id !== undefined ? { id: config.organization.id } : {}),
      partition: config.organization.partition,
      homeRegion: config.organization.homeRegion,
      allowedRegions,
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
    ...(logging ? { logging } : {}),
    ...(security ? { security } : {}),
    ...(identityCenter ? { identityCenter } : {}),
    guardrails: buildGuardrailsModel(config, files),
    managedChanges,
    stackIds: Object.fromEntries([...stackIds].sort(([a], [b]) => byString(a, b))),
    optionalStacks: Object.fromEntries([...optionalStacks].filter(([, kinds]) => kinds.length > 0)),
    ...(network ? { network } : {}),
    ...(baseline ? { baseline } : {}),
    ...(config.audit ? { audit: { required: config.audit.required, exceptions: config.audit.exceptions } } : {}),
    recordedImports: readImportRecord(previousLock).record,
    // Sections are added by the capabilities that own them; unknown sections are carried over.
    lock: { ...previousLock, ...lockSections, ...regionGroupsLock, ...baselineLock, version: 1, managed: buildManagedRecord(config, managed, managedChanges, stackIds, optionalStacks) },
    deployment: buildDeployment(config),
    versions: buildTerraformVersions(config.deployment),
  };
}
