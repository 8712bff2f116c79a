import type { LandingZoneModel } from '../types';

/** An account the landing zone manages, with the stack id its per-account stacks are named after. */
export interface AuditedAccount {
  readonly key: string;
  readonly stackId: string;
}

/**
 * What the audit holds the landing zone to: every account of org.yaml (the management account
 * included) in every region of `organization.allowedRegions`, and the accounts that hold the
 * organization-wide work.
 */
export interface AuditScope {
  /** By key. */
  readonly accounts: readonly AuditedAccount[];
  /** Home region first. */
  readonly regions: readonly string[];
  readonly homeRegion: string;
  readonly management: string;
  readonly logging?: string;
  readonly security?: string;
  readonly network?: string;
}

export function auditScopeOf(model: LandingZoneModel): AuditScope {
  const org = model.organization;
  return {
    accounts: model.accounts.map((a) => ({ key: a.key, stackId: model.stackIds[a.key]! })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    regions: org.allowedRegions.includes(org.homeRegion) ? org.allowedRegions : [org.homeRegion, ...org.allowedRegions],
    homeRegion: org.homeRegion,
    management: org.managementAccountKey,
    ...(model.logging ? { logging: model.logging.accountKey } : {}),
    ...(model.security ? { security: model.security.accountKey } : {}),
    ...(model.network ? { network: model.network.accountKey } : {}),
  };
}
