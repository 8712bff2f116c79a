import type { LockFile } from '../config/lock-file';
import type { OrgConfig } from '../config/schema';
import type { BaselineSettings } from '../config/schema/baseline';
import type { OrganizationalUnitInput } from '../config/schema/organization';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The lz.lock.json section that pins which regions share a baseline stack (and GuardDuty's regional stacks). */
export const REGION_GROUPS_LOCK_SECTION = 'baselineRegionGroups';

/** A stack may have at most 3 provider configurations (DESIGN.md), one per region here. */
export const REGIONS_PER_GROUP = 3;

export type AlternateContactType = 'SECURITY' | 'OPERATIONS' | 'BILLING';

export interface AlternateContactModel {
  readonly type: AlternateContactType;
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
}

/** One account's effective baseline: root section < OUs from the top down < account, defaults applied. A setting that is off is absent. */
export interface AccountBaselineModel {
  readonly accountKey: string;
  readonly config?: { readonly serviceLinkedRole: 'create' | 'existing'; readonly recordingFrequency: 'CONTINUOUS' | 'DAILY' };
  readonly ebsEncryption?: { readonly kmsKeyArn?: string };
  readonly s3BlockPublicAccess: boolean;
  readonly instanceMetadata?: { readonly httpTokens: 'required' | 'optional'; readonly hopLimit: number };
  readonly serialConsole?: { readonly allowAccess: boolean };
  readonly snapshotPublicAccess?: { readonly state: 'block-all-sharing' | 'block-new-sharing' };
  readonly imagePublicAccess: boolean;
  readonly passwordPolicy?: {
    readonly minimumLength: number;
    readonly reusePrevention: number;
    readonly requireUppercase: boolean;
    readonly requireLowercase: boolean;
    readonly requireNumbers: boolean;
    readonly requireSymbols: boolean;
    readonly maxAge?: number;
    readonly allowUsersToChange: boolean;
  };
  readonly accessAnalyzer: boolean;
  readonly flowLogs?: {
    readonly trafficType: 'ALL' | 'ACCEPT' | 'REJECT';
    readonly maxAggregationInterval: 60 | 600;
    readonly logFormat?: string;
    readonly fileFormat: 'plain-text' | 'parquet';
    readonly hiveCompatiblePartitions: boolean;
    readonly perHourPartition: boolean;
  };
  /** Sorted by type. */
  readonly alternateContacts: readonly AlternateContactModel[];
}

export interface BaselineModel {
  /** Every member account's effective baseline, by key. */
  readonly accounts: Readonly<Record<string, AccountBaselineModel>>;
  /**
   * The allowed regions in groups of at most 3, pinned in lz.lock.json: group n is the stack
   * `baseline-<id>` (n = 1) or `baseline-<id>-r<n>`. A group emptied by a region no longer allowed
   * keeps its place, so no later group is renumbered.
   */
  readonly regionGroups: readonly (readonly string[])[];
}

type Layer = BaselineSettings | undefined;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep merge of baseline layers, later layers winning field by field. */
export function mergeBaselineLayers(layers: readonly Layer[]): BaselineSettings {
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a };
    for (const key of Object.keys(b)) {
      const value = b[key];
      if (value === undefined) continue;
      out[key] = isPlainObject(value) && isPlainObject(out[key]) ? merge(out[key] as Record<string, unknown>, value) : value;
    }
    return out;
  };
  return layers.reduce<Record<string, unknown>>((acc, layer) => (layer ? merge(acc, layer as Record<string, unknown>) : acc), {}) as BaselineSettings;
}

/** The baseline layers that apply to an account: the root section, its OUs from the top down, the account's own. */
export function baselineLayersOf(config: OrgConfig, accountKey: string): { layers: Layer[]; paths: (string | number)[][] } {
  const account = config.accounts[accountKey]!;
  const layers: Layer[] = [config.baseline];
  const paths: (string | number)[][] = [['baseline']];
  if (account.ou !== 'Root') {
    let children: Readonly<Record<string, OrganizationalUnitInput>> | undefined = config.organizationalUnits;
    const yamlPath: (string | number)[] = ['organizationalUnits'];
    for (const key of account.ou.split('/')) {
      const node: OrganizationalUnitInput | undefined = children?.[key];
      if (!node) break;
      yamlPath.push(key);
      layers.push(node.baseline as Layer);
      paths.push([...yamlPath, 'baseline']);
      children = node.children;
      yamlPath.push('children');
    }
  }
  layers.push(account.baseline);
  paths.push(['accounts', accountKey, 'baseline']);
  return { layers, paths };
}

/** The merged settings of one account, before defaults. */
export function mergedBaselineOf(config: OrgConfig, accountKey: string): BaselineSettings {
  return mergeBaselineLayers(baselineLayersOf(config, accountKey).layers);
}

const CONTACT_TYPES: ReadonlyArray<readonly [keyof NonNullable<BaselineSettings['alternateContacts']>, AlternateContactType]> = [
  ['billing', 'BILLING'],
  ['operations', 'OPERATIONS'],
  ['security', 'SECURITY'],
];

/**
 * Every account, the management account included: it is the account whose compromise costs the
 * most, and Security Hub judges it like any other (Config.1, IAM.7, Account.1). Member accounts are
 * reached through the access role, the management account with the tool's own credentials.
 */
export function baselineAccountKeys(config: OrgConfig): string[] {
  if (!config.baseline) return [];
  return Object.keys(config.accounts).sort(byString);
}

/** Resolves one account's effective baseline; the rules have checked that enabled contacts are complete. */
export function resolveAccountBaseline(config: OrgConfig, accountKey: string): AccountBaselineModel {
  const s = mergedBaselineOf(config, accountKey);
  const on = (setting: { enabled?: boolean } | undefined, byDefault = true) => setting?.enabled ?? byDefault;
  const adopted = config.accounts[accountKey]!.id !== undefined;
  const p = s.passwordPolicy;
  const f = s.flowLogs;
  return {
    accountKey,
    ...(on(s.config) ? { config: { serviceLinkedRole: s.config?.serviceLinkedRole ?? (adopted ? 'existing' : 'create'), recordingFrequency: s.config?.recordingFrequency ?? 'CONTINUOUS' } } : {}),
    ...(on(s.ebsEncryption) ? { ebsEncryption: s.ebsEncryption?.kmsKeyArn !== undefined ? { kmsKeyArn: s.ebsEncryption.kmsKeyArn } : {} } : {}),
    s3BlockPublicAccess: on(s.s3BlockPublicAccess),
    ...(on(s.instanceMetadata) ? { instanceMetadata: { httpTokens: s.instanceMetadata?.httpTokens ?? 'required', hopLimit: s.instanceMetadata?.hopLimit ?? 2 } } : {}),
    ...(on(s.serialConsole) ? { serialConsole: { allowAccess: s.serialConsole?.allowAccess ?? false } } : {}),
    ...(on(s.snapshotPublicAccess) ? { snapshotPublicAccess: { state: s.snapshotPublicAccess?.state ?? 'block-all-sharing' } } : {}),
    imagePublicAccess: on(s.imagePublicAccess),
    ...(on(p)
      ? {
          passwordPolicy: {
            minimumLength: p?.minimumLength ?? 14,
            reusePrevention: p?.reusePrevention ?? 24,
            requireUppercase: p?.requireUppercase ?? true,
            requireLowercase: p?.requireLowercase ?? true,
            requireNumbers: p?.requireNumbers ?? true,
            requireSymbols: p?.requireSymbols ?? true,
            ...(p?.maxAge !== undefined ? { maxAge: p.maxAge } : {}),
            allowUsersToChange: p?.allowUsersToChange ?? true,
          },
        }
      : {}),
    accessAnalyzer: on(s.accessAnalyzer, false),
    ...(on(f)
      ? {
          flowLogs: {
            trafficType: f?.trafficType ?? 'ALL',
            maxAggregationInterval: f?.maxAggregationInterval ?? 600,
            ...(f?.logFormat !== undefined ? { logFormat: f.logFormat } : {}),
            fileFormat: f?.fileFormat ?? 'plain-text',
            hiveCompatiblePartitions: f?.hiveCompatiblePartitions ?? false,
            perHourPartition: f?.perHourPartition ?? false,
          },
        }
      : {}),
    alternateContacts: CONTACT_TYPES.flatMap(([field, type]) => {
      const c = s.alternateContacts?.[field];
      if (!c || c.enabled === false) return [];
      return [{ type, name: c.name!, title: c.title!, email: c.email!, phone: c.phone! }];
    }),
  };
}

/**
 * Pins the allowed regions into groups of at most 3: the recorded groups keep their regions (less
 * those no longer allowed, whose slot is freed), and each newly allowed region joins the first
 * group with room, or starts a new one. The home region comes first in the first group of a new
 * record. Reordering allowedRegions changes nothing; adding a region moves no other.
 */
export function pinRegionGroups(allowedRegions: readonly string[], recorded: unknown): string[][] {
  const allowed = new Set(allowedRegions);
  const groups: string[][] = Array.isArray(recorded)
    ? recorded.map((g) => (Array.isArray(g) ? g.filter((r): r is string => typeof r === 'string' && allowed.has(r)) : []))
    : [];
  const placed = new Set(groups.flat());
  for (const region of allowedRegions) {
    if (placed.has(region)) continue;
    const room = groups.find((g) => g.length < REGIONS_PER_GROUP);
    if (room) room.push(region);
    else groups.push([region]);
    placed.add(region);
  }
  return groups;
}

/** The baseline of every member account and the pinned region groups, with the lock section to record; undefined without a `baseline` section. */
export function buildBaselineModel(
  config: OrgConfig,
  allowedRegions: readonly string[],
  previousLock: LockFile,
): { baseline?: BaselineModel; lockSections: Record<string, unknown> } {
  if (!config.baseline) return { lockSections: {} };
  const regionGroups = pinRegionGroups(allowedRegions, previousLock[REGION_GROUPS_LOCK_SECTION]);
  const accounts = Object.fromEntries(baselineAccountKeys(config).map((key) => [key, resolveAccountBaseline(config, key)]));
  return { baseline: { accounts, regionGroups }, lockSections: { [REGION_GROUPS_LOCK_SECTION]: regionGroups } };
}

/** Whether any account's baseline delivers to the log archive: Config, or flow logs of the VPCs lz creates. */
export function baselineDelivers(baseline: BaselineModel | undefined): { config: boolean; flowLogs: boolean } {
  const accounts = Object.values(baseline?.accounts ?? {});
  return { config: accounts.some((a) => a.config !== undefined), flowLogs: accounts.some((a) => a.flowLogs !== undefined) };
}

/** The name of the recorder and delivery channel in every region: AWS Config allows one of each per region. */
export const CONFIG_RECORDER_NAME = 'default';

/**
 * AWSServiceRoleForConfig, the recorder's role, whether lz creates it or it existed before.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html
 */
export function configServiceLinkedRoleArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
}

/** `arn:<partition>:kms:<region>:<account>:key/<id>`: the pattern the rules check a default EBS key against. */
export const KMS_KEY_ARN = /^arn:(aws|aws-us-gov|aws-cn):kms:([a-z0-9-]+):(\d{12}):key\/((?:mrk-)?[0-9a-f-]+)$/;

/**
 * The default EBS key in `region`: a multi-region key's replica there (same key id, the region's
 * ARN), else the key as given (rule LZ1004 allows a single-region key only in its own region).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html
 */
export function ebsKeyArnIn(keyArn: string, region: string): string {
  const m = KMS_KEY_ARN.exec(keyArn);
  if (!m || !m[4]!.startsWith('mrk-')) return keyArn;
  return `arn:${m[1]}:kms:${region}:${m[3]}:key/${m[4]}`;
}

/** The OU at `path` in the org.yaml tree (`Workloads/Prod`), if any. */
export function ouAt(tree: Readonly<Record<string, OrganizationalUnitInput>>, path: string): OrganizationalUnitInput | undefined {
  let node: OrganizationalUnitInput | undefined;
  let children: Readonly<Record<string, OrganizationalUnitInput>> | undefined = tree;
  for (const key of path.split('/')) {
    node = children?.[key];
    children = node?.children;
  }
  return node;
}
