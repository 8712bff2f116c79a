import { notSatisfied, satisfied, where, type Control, type Outcome } from './control';
import { blocks, evidenceOf, type Inventory, type Json, type PlacedResource } from './inventory';

const CIS = 'CIS AWS Foundations Benchmark';

/**
 * The trails that record an account's activity: organization trails (created in the
 * management account, they log every account of the organization) and the account's own.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 */
export function trailsRecording(inventory: Inventory, account: string): PlacedResource[] {
  return inventory
    .all('aws_cloudtrail')
    .filter((t) => t.body.enable_logging !== false)
    .filter((t) => (t.body.is_organization_trail === true && t.account === inventory.scope.management) || t.account === account);
}

/**
 * Read and write management events, from every source: no event selectors at all (the
 * default), a basic selector with management events, read/write `All` and no excluded sources,
 * or an advanced selector on the Management category without a readOnly filter.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
 */
export function recordsAllManagementEvents(trail: Json): boolean {
  const basic = blocks(trail, 'event_selector');
  const advanced = blocks(trail, 'advanced_event_selector');
  if (basic.length === 0 && advanced.length === 0) return true;
  const basicOk = basic.some((s) => s.include_management_events !== false && (s.read_write_type ?? 'All') === 'All' && [s.exclude_management_event_sources ?? []].flat().length === 0);
  const advancedOk = advanced.some((s) => {
    const fields = blocks(s, 'field_selector');
    const category = fields.find((f) => f.field === 'eventCategory');
    return category !== undefined && [category.equals].flat().includes('Management') && !fields.some((f) => f.field === 'readOnly' || f.field === 'eventSource');
  });
  return basicOk || advancedOk;
}

/** Every trail that records the account must pass `test`; none recording it fails. */
function eachRecordingTrail(inventory: Inventory, account: string, test: (trail: Json) => string | undefined, passed: string): Outcome {
  const trails = trailsRecording(inventory, account);
  if (trails.length === 0) return notSatisfied('no trail the landing zone builds records this account');
  const failures = trails.map((t) => ({ t, why: test(t.body) })).filter((f) => f.why !== undefined);
  if (failures.length > 0) return notSatisfied(failures.map((f) => `${where(f.t)} ${f.why}`).join('; '), failures.map((f) => evidenceOf(f.t)));
  return satisfied(`${trails.map((t) => t.body.is_organization_trail === true ? 'the organization trail' : 'its trail').join(' and ')} ${passed}`, trails.map(evidenceOf));
}

/** The bucket a trail delivers to, when the landing zone builds it. */
function trailBucket(inventory: Inventory, trail: PlacedResource): PlacedResource | undefined {
  const name = trail.body.s3_bucket_name;
  const target = inventory.target(trail.stack, name);
  if (target?.type === 'aws_s3_bucket') return target;
  return inventory.all('aws_s3_bucket').find((b) => typeof name === 'string' && b.body.bucket === name);
}

const ofBucket = (inventory: Inventory, type: string, bucket: PlacedResource) =>
  inventory.all(type).filter((r) => inventory.refersTo(r.stack, r.body.bucket, bucket));

const BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

/** The four block public access settings, all on; the names of those that are not. */
export function missingBlockFlags(body: Json): string[] {
  return BLOCK_FLAGS.filter((f) => body[f] !== true);
}

export const CLOUDTRAIL_CONTROLS: readonly Control[] = [
  {
    id: 'CloudTrail.1',
    title: 'CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events',
    standards: ['FSBP', `${CIS} v1.2.0 2.1`, `${CIS} v1.4.0 3.1`, `${CIS} v3.0.0 3.1`],
    severity: 'High',
    scope: 'account',
    requires: 'an aws_cloudtrail that records the account (an organization trail in the management account, or its own), logging, is_multi_region_trail, and management events read and write from every source',
    check: (inventory, { account }) => {
      const trails = trailsRecording(inventory, account!);
      const good = trails.filter((t) => t.body.is_multi_region_trail === true && recordsAllManagementEvents(t.body));
      if (good.length > 0) return satisfied(`${good[0]!.body.is_organization_trail === true ? 'the organization trail' : 'its trail'} is multi-Region and records read and write management events`, good.map(evidenceOf));
      if (trails.length === 0) return notSatisfied('no trail the landing zone builds records this account');
      return notSatisfied(`${trails.map(where).join(', ')}: not multi-Region, or not every read and write management event`, trails.map(evidenceOf));
    },
  },
  {
    id: 'CloudTrail.2',
    title: 'CloudTrail should have encryption at-rest enabled',
    standards: ['FSBP', `${CIS} v1.2.0 2.7`, `${CIS} v1.4.0 3.7`, `${CIS} v3.0.0 3.5`],
    severity: 'Medium',
    scope: 'account',
    requires: 'every aws_cloudtrail recording the account has kms_key_id (SSE-KMS)',
    check: (inventory, { account }) => eachRecordingTrail(inventory, account!, (t) => (t.kms_key_id ? undefined : 'has no kms_key_id'), 'encrypts its log files with a KMS key'),
  },
  {
    id: 'CloudTrail.4',
    title: 'CloudTrail log file validation should be enabled',
    standards: ['FSBP', `${CIS} v1.2.0 2.2`, `${CIS} v1.4.0 3.2`, `${CIS} v3.0.0 3.2`],
    severity: 'Low',
    scope: 'account',
    requires: 'every aws_cloudtrail recording the account has enable_log_file_validation = true',
    check: (inventory, { account }) => eachRecordingTrail(inventory, account!, (t) => (t.enable_log_file_validation === true ? undefined : 'does not validate log files'), 'validates its log files'),
  },
  {
    id: 'CloudTrail.5',
    title: 'CloudTrail trails should be integrated with Amazon CloudWatch Logs',
    standards: ['FSBP', `${CIS} v1.2.0 2.4`, `${CIS} v1.4.0 3.4`],
    severity: 'Low',
    scope: 'account',
    requires: 'every aws_cloudtrail recording the account has cloud_watch_logs_group_arn and cloud_watch_logs_role_arn',
    check: (inventory, { account }) =>
      eachRecordingTrail(inventory, account!, (t) => (t.cloud_watch_logs_group_arn && t.cloud_watch_logs_role_arn ? undefined : 'does not deliver to CloudWatch Logs'), 'delivers to CloudWatch Logs'),
  },
  {
    id: 'CloudTrail.6',
    title: 'Ensure the S3 bucket used to store CloudTrail logs is not publicly accessible',
    standards: [`${CIS} v1.2.0 2.3`, `${CIS} v1.4.0 3.3`],
    severity: 'Critical',
    scope: 'resource',
    requires: 'the bucket of each aws_cloudtrail has an aws_s3_bucket_public_access_block with all four settings on',
    limits: 'A trail that delivers to a bucket the landing zone does not build cannot be judged.',
    resources: (inventory) => inventory.all('aws_cloudtrail'),
    check: (inventory, { resource: trail }) => {
      const bucket = trailBucket(inventory, trail!);
      if (!bucket) return notSatisfied(`its bucket ${String(trail!.body.s3_bucket_name)} is not built by the landing zone`);
      const blocks = ofBucket(inventory, 'aws_s3_bucket_public_access_block', bucket);
      const missing = blocks.length === 0 ? ['the block'] : missingBlockFlags(blocks[0]!.body);
      return missing.length === 0
        ? satisfied(`its bucket ${where(bucket)} blocks all public access`, [evidenceOf(bucket), evidenceOf(blocks[0]!)])
        : notSatisfied(`its bucket ${where(bucket)} lacks public access ${missing.join(', ')}`, [evidenceOf(bucket)]);
    },
  },
  {
    id: 'CloudTrail.7',
    title: 'Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket',
    standards: [`${CIS} v1.2.0 2.6`, `${CIS} v1.4.0 3.6`, `${CIS} v3.0.0 3.4`],
    severity: 'Low',
    scope: 'resource',
    requires: 'the bucket of each aws_cloudtrail has an aws_s3_bucket_logging',
    resources: (inventory) => inventory.all('aws_cloudtrail'),
    check: (inventory, { resource: trail }) => {
      const bucket = trailBucket(inventory, trail!);
      if (!bucket) return notSatisfied(`its bucket ${String(trail!.body.s3_bucket_name)} is not built by the landing zone`);
      const logging = ofBucket(inventory, 'aws_s3_bucket_logging', bucket);
      return logging.length > 0
        ? satisfied(`its bucket ${where(bucket)} logs server access`, [evidenceOf(bucket), evidenceOf(logging[0]!)])
        : notSatisfied(`its bucket ${where(bucket)} has no server access logging`, [evidenceOf(bucket)]);
    },
  },
];
