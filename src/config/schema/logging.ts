import { z } from 'zod';
import { AccountKey } from './common';

const Days = z.number().int().positive();

/** Storage classes a lifecycle transition may move log objects to. */
export const LogStorageClass = z.enum(['STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE']);

export const LogRetention = z
  .strictObject({
    transitionDays: Days.default(90).meta({ description: 'Days after creation when log objects move to `transitionStorageClass`. @default 90' }),
    transitionStorageClass: LogStorageClass.default('GLACIER').meta({ description: 'Storage class of the transition. @default GLACIER' }),
    expirationDays: Days.default(2557).meta({ description: 'Days after creation when log objects expire (must be after the transition and the object-lock period). @default 2557 (seven years)' }),
    noncurrentExpirationDays: Days.default(90).meta({ description: 'Days after which a noncurrent (overwritten or deleted) version is removed. @default 90' }),
  })
  .meta({ description: 'Lifecycle of the log objects.' });

export const ObjectLock = z
  .strictObject({
    mode: z.enum(['GOVERNANCE', 'COMPLIANCE']).default('GOVERNANCE').meta({
      description: 'GOVERNANCE: principals with s3:BypassGovernanceRetention may delete early; COMPLIANCE: nobody can, not even root. @default GOVERNANCE',
    }),
    days: Days.default(365).meta({ description: 'Default retention of every new log object, in days (at most 36500). @default 365' }),
  })
  .meta({ description: 'Default object-lock retention of the log bucket (object lock is always enabled at creation).' });

/**
 * Retention periods CloudWatch Logs accepts (PutRetentionPolicy).
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const LOG_GROUP_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const TrailCloudWatchLogs = z
  .strictObject({
    retentionDays: z.literal(LOG_GROUP_RETENTION_DAYS).default(365)
      .meta({ description: `Days CloudWatch Logs keeps the trail's events (one of ${LOG_GROUP_RETENTION_DAYS.join(', ')}); the S3 archive keeps them for \`retention.expirationDays\`. @default 365` }),
  })
  .meta({ description: 'Also deliver the organization trail to a CloudWatch Logs group in the management account (KMS-encrypted), for metric filters and alarms (CIS 3.x, Security Hub CloudTrail.5).' });

export const LoggingSection = z
  .strictObject({
    account: AccountKey.meta({ description: 'Key of the log archive account in `accounts`: holds the log bucket and its KMS key.' }),
    bucketName: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, { error: 'a bucket name is 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit' })
      .optional()
      .meta({ description: 'Name of the log bucket. @default <organization name>-log-archive-<account id>' }),
    retention: LogRetention.default({ transitionDays: 90, transitionStorageClass: 'GLACIER', expirationDays: 2557, noncurrentExpirationDays: 90 }),
    objectLock: ObjectLock.default({ mode: 'GOVERNANCE', days: 365 }),
    accessLogging: z.boolean().default(false).meta({ description: 'Write S3 server access logs of the log bucket into a second bucket (<bucket>-access-logs). @default false' }),
    cloudWatchLogs: TrailCloudWatchLogs.optional()
      .meta({ description: 'Deliver the organization trail to CloudWatch Logs as well as to the bucket. @default not delivered' }),
  })
  .meta({ description: 'The log archive: the bucket the organization trail (and AWS Config) deliver into.' });

export type LoggingSection = z.infer<typeof LoggingSection>;
