import { closest } from '../config/parse';
import type { OrgConfig } from '../config/schema';

export type Partition = OrgConfig['organization']['partition'];

/**
 * The regions of each partition that lz knows (AWS "Regions and Zones", 2026). A region launched
 * after this list was written is refused until it is added here: a misspelt region would
 * otherwise reach a provider block or an SCP condition and fail, or silently never match.
 * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const REGIONS_BY_PARTITION: Readonly<Record<Partition, readonly string[]>> = {
  aws: [
    'af-south-1',
    'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
    'ca-central-1', 'ca-west-1',
    'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
    'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1',
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-east-1', 'us-gov-west-1'],
};

/** The regions the organization works in: the home region first, then the other allowed regions, sorted. */
export function allowedRegionsOf(config: OrgConfig): string[] {
  const home = config.organization.homeRegion;
  return [home, ...[...new Set(config.organization.allowedRegions)].filter((r) => r !== home).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}

/** The partition a known region belongs to, or undefined for a name lz does not know. */
export function partitionOfRegion(region: string): Partition | undefined {
  for (const [partition, regions] of Object.entries(REGIONS_BY_PARTITION)) if (regions.includes(region)) return partition as Partition;
  return undefined;
}

export type RegionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'unknown'; readonly suggestion?: string }
  | { readonly ok: false; readonly reason: 'other-partition'; readonly partition: Partition };

/**
 * Whether `region` is a region of `partition`. For an unknown name, the closest region of the
 * partition by edit distance is suggested when it is close enough to be a typo.
 */
export function checkRegion(region: string, partition: Partition): RegionCheck {
  if (REGIONS_BY_PARTITION[partition].includes(region)) return { ok: true };
  const other = partitionOfRegion(region);
  if (other !== undefined) return { ok: false, reason: 'other-partition', partition: other };
  const suggestion = closest(region.toLowerCase(), REGIONS_BY_PARTITION[partition]);
  return suggestion !== undefined ? { ok: false, reason: 'unknown', suggestion } : { ok: false, reason: 'unknown' };
}

/**
 * Regions that an account can use only after it opts in (every region launched after March 2019);
 * the others are enabled by default. "Regions and Zones", 2026.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
 */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
]);
