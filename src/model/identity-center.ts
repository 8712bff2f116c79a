import type { PolicyStatement } from '../config/schema/common';
import type { OrgConfig } from '../config/schema';
import type { AssignmentConfig, IdentityCenterConfig } from '../config/schema/identity-center';
import { renderPolicyDocument } from './policy-document';
import { accountsUnder } from './queries';
import type { Partition } from './types';

/** The service principal of IAM Identity Center (trusted access, delegated administration). */
export const SSO_SERVICE_PRINCIPAL = 'sso.amazonaws.com';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ManagedPolicyRef {
  /** `arn:<partition>:iam::aws:policy/<path><name>`. */
  readonly arn: string;
  /** Address part derived from the policy's path and name (`job-function_ViewOnlyAccess`). */
  readonly slug: string;
}

export interface CustomerManagedPolicyRef {
  readonly name: string;
  readonly path: string;
  /** Address part derived from the policy's path and name (`platform_deny-billing`). */
  readonly slug: string;
}

export type PermissionsBoundaryModel =
  | { readonly kind: 'managed'; readonly policy: ManagedPolicyRef }
  | { readonly kind: 'customer'; readonly policy: CustomerManagedPolicyRef };

export interface PermissionSetModel {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  /** Canonical ISO 8601 duration (PT1H30M); absent when org.yaml leaves AWS's default (PT1H). */
  readonly sessionDuration?: string;
  readonly relayState?: string;
  /** Sorted by ARN. */
  readonly managedPolicies: readonly ManagedPolicyRef[];
  /** Sorted by path and name. */
  readonly customerManagedPolicies: readonly CustomerManagedPolicyRef[];
  /** Minified canonical policy document. */
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: PermissionsBoundaryModel;
  readonly tags: Readonly<Record<string, string>>;
}

export type PrincipalType = 'GROUP' | 'USER';

export interface IdentityStoreGroupModel {
  readonly key: string;
  readonly displayName: string;
  /** Created in the identity store; otherwise looked up by display name. */
  readonly create: boolean;
  readonly description?: string;
}

export interface IdentityStoreUserModel {
  readonly key: string;
  readonly userName: string;
  readonly create: boolean;
  readonly displayName?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  readonly email?: string;
}

/** One (principal, permission set, account) triple: one aws_ssoadmin_account_assignment. */
export interface AccountAssignmentModel {
  readonly principalType: PrincipalType;
  readonly principalKey: string;
  readonly permissionSetKey: string;
  readonly accountKey: string;
}

export interface IdentityCenterModel {
  readonly region: string;
  /** The account the identity-center stack deploys into, when it is not the management account. */
  readonly delegatedAdministratorKey?: string;
  readonly permissionSets: readonly PermissionSetModel[];
  readonly groups: readonly IdentityStoreGroupModel[];
  readonly users: readonly IdentityStoreUserModel[];
  /** Sorted by principal type, principal key, permission set key, account key. */
  readonly assignments: readonly AccountAssignmentModel[];
}

/** Inline policy statements read from JSON files, by permission set key. */
export type InlinePolicyFiles = ReadonlyMap<string, readonly PolicyStatement[]>;

/** An AWS managed policy ARN: `arn:<partition>:iam::aws:policy/<path/><name>`. */
export const AWS_MANAGED_POLICY_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::aws:policy\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128})$/;
/** An AWS managed policy by name, optionally under its path: `ReadOnlyAccess`, `job-function/ViewOnlyAccess`. */
export const AWS_MANAGED_POLICY_NAME = /^\/?((?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128})$/;

const slugOf = (text: string) => text.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9-]/g, '_');

/** Resolves a managed policy written by name, path or ARN; undefined when it is none of these. */
export function managedPolicyRef(value: string, partition: Partition): ManagedPolicyRef | undefined {
  const byArn = AWS_MANAGED_POLICY_ARN.exec(value);
  const pathAndName = byArn ? byArn[2]! : value.startsWith('arn:') ? undefined : AWS_MANAGED_POLICY_NAME.exec(value)?.[1];
  if (pathAndName === undefined) return undefined;
  return { arn: `arn:${partition}:iam::aws:policy/${pathAndName}`, slug: slugOf(pathAndName) };
}

export function customerManagedPolicyRef(name: string, path: string): CustomerManagedPolicyRef {
  return { name, path, slug: slugOf(`${path}${name}`) };
}

const DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;

/** Seconds of an ISO 8601 time duration (PT4H, PT90M, PT1H30M); undefined for any other form. */
export function sessionDurationSeconds(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The one spelling of a duration: PT90M and PT1H30M both become PT1H30M. */
export function canonicalSessionDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

export interface AccountPlacement {
  readonly key: string;
  readonly ouPath: string;
}

/**
 * The accounts an assignment targets, sorted by key: its accounts and every account in its OUs
 * (nested OUs included), minus the excluded accounts and OUs. Unknown references add nothing; the
 * rules report them.
 */
export function expandAssignmentTargets(assignment: AssignmentConfig, accounts: readonly AccountPlacement[]): string[] {
  const known = new Set(accounts.map((a) => a.key));
  const included = new Set<string>(assignment.accounts.filter((k) => known.has(k)));
  for (const ou of assignment.ous) for (const a of accountsUnder({ accounts }, ou)) included.add(a.key);
  const excluded = new Set<string>(assignment.excludeAccounts);
  for (const ou of assignment.excludeOus) for (const a of accountsUnder({ accounts }, ou)) excluded.add(a.key);
  return [...included].filter((k) => !excluded.has(k)).sort(byString);
}

/** Where each account sits, from the config: what the target expansion needs. */
export function accountPlacements(config: OrgConfig): AccountPlacement[] {
  return Object.keys(config.accounts)
    .sort(byString)
    .map((key) => ({ key, ouPath: config.accounts[key]!.ou }));
}

export function principalOf(assignment: AssignmentConfig): { type: PrincipalType; key: string } | undefined {
  if (assignment.group !== undefined && assignment.user === undefined) return { type: 'GROUP', key: assignment.group };
  if (assignment.user !== undefined && assignment.group === undefined) return { type: 'USER', key: assignment.user };
  return undefined;
}

/** The delegated administrator registration the section asks for, to merge into the organization's. */
export function identityCenterDelegation(config: OrgConfig): Record<string, string> {
  const key = config.identityCenter?.delegatedAdministrator;
  return key === undefined ? {} : { [SSO_SERVICE_PRINCIPAL]: key };
}

/** Trusted access the section needs: Identity Center cannot see the organization's accounts without it. */
export function identityCenterServicePrincipals(config: OrgConfig): string[] {
  return config.identityCenter ? [SSO_SERVICE_PRINCIPAL] : [];
}

/** Resolves the identityCenter section of a config that passed every rule. */
export function buildIdentityCenterModel(config: OrgConfig, partition: Partition, inlineFiles: InlinePolicyFiles): IdentityCenterModel {
  const section: IdentityCenterConfig = config.identityCenter!;
  const placements = accountPlacements(config);

  const permissionSets = Object.keys(section.permissionSets)
    .sort(byString)
    .map((key): PermissionSetModel => {
      const ps = section.permissionSets[key]!;
      const seconds = ps.sessionDuration === undefined ? undefined : sessionDurationSeconds(ps.sessionDuration);
      const statements = ps.inlinePolicy?.statements ?? inlineFiles.get(key);
      const boundary = ps.permissionsBoundary;
      return {
        key,
        name: ps.name ?? key,
        ...(ps.description !== undefined ? { description: ps.description } : {}),
        ...(seconds !== undefined ? { sessionDuration: canonicalSessionDuration(seconds) } : {}),
        ...(ps.relayState !== undefined ? { relayState: ps.relayState } : {}),
        managedPolicies: uniqueBy(ps.managedPolicies.map((p) => managedPolicyRef(p, partition)!), (p) => p.arn),
        customerManagedPolicies: uniqueBy(ps.customerManagedPolicies.map((p) => customerManagedPolicyRef(p.name, p.path)), (p) => `${p.path}${p.name}`),
        ...(statements !== undefined ? { inlinePolicy: renderPolicyDocument(statements) } : {}),
        ...(boundary?.managedPolicy !== undefined
          ? { permissionsBoundary: { kind: 'managed' as const, policy: managedPolicyRef(boundary.managedPolicy, partition)! } }
          : boundary?.customerManagedPolicy !== undefined
            ? { permissionsBoundary: { kind: 'customer' as const, policy: customerManagedPolicyRef(boundary.customerManagedPolicy.name, boundary.customerManagedPolicy.path) } }
            : {}),
        tags: ps.tags ?? {},
      };
    });

  const groups = Object.keys(section.groups)
    .sort(byString)
    .map((key): IdentityStoreGroupModel => {
      const g = section.groups[key]!;
      return { key, displayName: g.displayName ?? key, create: g.create, ...(g.description !== undefined ? { description: g.description } : {}) };
    });

  const users = Object.keys(section.users)
    .sort(byString)
    .map((key): IdentityStoreUserModel => {
      const u = section.users[key]!;
      return {
        key,
        userName: u.userName,
        create: u.create,
        ...(u.displayName !== undefined ? { displayName: u.displayName } : {}),
        ...(u.givenName !== undefined ? { givenName: u.givenName } : {}),
        ...(u.familyName !== undefined ? { familyName: u.familyName } : {}),
        ...(u.email !== undefined ? { email: u.email } : {}),
      };
    });

  const triples = new Map<string, AccountAssignmentModel>();
  for (const assignment of section.assignments) {
    const principal = principalOf(assignment)!;
    const accounts = expandAssignmentTargets(assignment, placements);
    for (const permissionSetKey of assignment.permissionSets)
      for (const accountKey of accounts) {
        const triple = { principalType: principal.type, principalKey: principal.key, permissionSetKey, accountKey };
        triples.set(assignmentSortKey(triple), triple);
      }
  }
  const assignments = [...triples.keys()].sort(byString).map((k) => triples.get(k)!);

  return {
    region: section.region ?? config.organization.homeRegion,
    ...(section.delegatedAdministrator !== undefined ? { delegatedAdministratorKey: section.delegatedAdministrator } : {}),
    permissionSets,
    groups,
    users,
    assignments,
  };
}

function assignmentSortKey(a: AccountAssignmentModel): string {
  return [a.principalType, a.principalKey, a.permissionSetKey, a.accountKey].join('\u0000');
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return [...map.keys()].sort(byString).map((k) => map.get(k)!);
}
