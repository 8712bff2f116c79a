import type { OrgConfig } from '../config/schema';
import type { LogStorageClass } from '../config/schema/logging';
import type { z } from 'zod';

export interface LoggingModel {
  /** Key of the log archive account. */
  readonly accountKey: string;
  /** The bucket name from org.yaml; without it the stack names the bucket `<bucketNamePrefix>-<account id>`. */
  readonly bucketName?: string;
  readonly bucketNamePrefix: string;
  /** The access-log bucket's name when `bucketName` is given; else `<accessLogsBucketNamePrefix>-<account id>`. */
  readonly accessLogsBucketName?: string;
  readonly accessLogsBucketNamePrefix: string;
  /** Name of the organization trail in the management account (home region). */
  readonly trailName: string;
  /** `arn:<partition>:cloudtrail:<home region>:<management id>:trail/<trailName>`: scopes the bucket and key policies. */
  readonly trailArn: string;
  readonly retention: {
    readonly transitionDays: number;
    readonly transitionStorageClass: z.infer<typeof LogStorageClass>;
    readonly expirationDays: number;
    readonly noncurrentExpirationDays: number;
  };
  readonly objectLock: { readonly mode: 'GOVERNANCE' | 'COMPLIANCE'; readonly days: number };
  readonly accessLogging: boolean;
  /**
   * The trail's CloudWatch Logs delivery, in the management account (CloudTrail delivers only to a
   * log group of the trail's own account): the group, its KMS key and the role CloudTrail assumes.
   */
  readonly cloudWatchLogs?: { readonly logGroupName: string; readonly retentionDays: number; readonly roleName: string; readonly keyAlias: string };
  /** AWS Config may deliver into the bucket: true when the security section enables the Config aggregator, or an account's baseline records with Config. */
  readonly allowAwsConfig: boolean;
  /** VPC flow logs (delivery.logs.amazonaws.com) may deliver into the bucket: an account's baseline has flow logs on. */
  readonly allowFlowLogs: boolean;
}

/** The service principals logging needs organization access for. */
export const LOGGING_SERVICE_PRINCIPALS = ['cloudtrail.amazonaws.com'] as const;

/**
 * Lowercase letters, digits and hyphens, at most 37 characters: `<name>-log-archive-<12 digits>`
 * then stays within the 63 characters of a bucket name.
 */
export function resourceNamePrefix(organizationName: string): string {
  const cleaned = organizationName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return (cleaned.slice(0, 37).replace(/-+$/, '') || 'lz');
}

export function buildLoggingModel(config: OrgConfig, baselineDelivers: { readonly config: boolean; readonly flowLogs: boolean } = { config: false, flowLogs: false }): LoggingModel | undefined {
  const logging = config.logging;
  if (!logging) return undefined;
  const org = config.organization;
  const prefix = resourceNamePrefix(org.name);
  const trailName = `${prefix}-organization-trail`;
  const managementId = config.accounts[org.managementAccount]!.id!;
  return {
    accountKey: logging.account,
    ...(logging.bucketName !== undefined ? { bucketName: logging.bucketName } : {}),
    bucketNamePrefix: `${prefix}-log-archive`,
    // "-access-logs" adds 12 characters; 51 more keep the name within S3's 63.
    ...(logging.bucketName !== undefined ? { accessLogsBucketName: `${logging.bucketName.slice(0, 51).replace(/-+$/, '')}-access-logs` } : {}),
    accessLogsBucketNamePrefix: `${prefix}-s3-access`,
    trailName,
    trailArn: `arn:${org.partition}:cloudtrail:${org.homeRegion}:${managementId}:trail/${trailName}`,
    retention: { ...logging.retention },
    objectLock: { ...logging.objectLock },
    accessLogging: logging.accessLogging,
    ...(logging.cloudWatchLogs
      ? { cloudWatchLogs: { logGroupName: `/aws/cloudtrail/${trailName}`, retentionDays: logging.cloudWatchLogs.retentionDays, roleName: `${prefix}-trail-cloudwatch-logs`, keyAlias: `alias/${prefix}-trail-logs` } }
      : {}),
    allowAwsConfig: config.security?.services.configAggregator !== undefined || baselineDelivers.config,
    allowFlowLogs: baselineDelivers.flowLogs,
  };
}
