import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { Construct } from 'constructs';
import type { PolicyDocumentJson } from './log-archive-policies';

export interface LogBucketProps {
  readonly bucketName: string;
  /** SSE-KMS with this key and an S3 bucket key; without it SSE-S3 (the only encryption S3 server access logs can write to). */
  readonly kmsKeyArn?: string;
  /** Object lock is enabled at creation (it cannot be turned on later) with this default retention. @default - no object lock */
  readonly objectLock?: { readonly mode: string; readonly days: number };
  readonly lifecycle: {
    readonly transitionDays?: number;
    readonly transitionStorageClass?: string;
    readonly expirationDays: number;
    readonly noncurrentExpirationDays: number;
  };
  readonly policy: PolicyDocumentJson;
}

export interface LogBucket {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
}

/**
 * A bucket that only receives logs: it cannot be destroyed by a plan, is versioned, encrypted,
 * closed to the public, owned by its account whatever the writer asks (BucketOwnerEnforced), and
 * its policy is applied only after public access is blocked. Resources are created directly in
 * `scope` with ids `<id>` and `<id>_<part>`, so their addresses carry no construct-path hash.
 */
export function createLogBucket(scope: Construct, id: string, props: LogBucketProps): LogBucket {
  const logBucket = new S3Bucket(scope, id, {
    bucket: props.bucketName,
    objectLockEnabled: props.objectLock !== undefined,
    forceDestroy: false,
    lifecycle: { preventDestroy: true },
  });
  const bucket = logBucket.id;
  new S3BucketOwnershipControls(scope, `${id}_ownership`, { bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  const publicAccess = new S3BucketPublicAccessBlock(scope, `${id}_public_access`, {
    bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  const versioning = new S3BucketVersioningA(scope, `${id}_versioning`, { bucket, versioningConfiguration: { status: 'Enabled' } });
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}_encryption`, {
    bucket,
    rule: [
      props.kmsKeyArn !== undefined
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
    ],
  });
  if (props.objectLock !== undefined)
    new S3BucketObjectLockConfigurationA(scope, `${id}_object_lock`, {
      bucket,
      rule: { defaultRetention: { mode: props.objectLock.mode, days: props.objectLock.days } },
      dependsOn: [versioning],
    });
  const l = props.lifecycle;
  new S3BucketLifecycleConfiguration(scope, `${id}_lifecycle`, {
    bucket,
    rule: [
      {
        id: 'log-retention',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        ...(l.transitionDays !== undefined && l.transitionStorageClass !== undefined
          ? { transition: [{ days: l.transitionDays, storageClass: l.transitionStorageClass }] }
          : {}),
        expiration: [{ days: l.expirationDays }],
        noncurrentVersionExpiration: [{ noncurrentDays: l.noncurrentExpirationDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      },
    ],
    // Rules on versions need versioning to be in place first.
    dependsOn: [versioning],
  });
  const policy = new S3BucketPolicy(scope, `${id}_policy`, { bucket, policy: JSON.stringify(props.policy), dependsOn: [publicAccess] });
  return { bucket: logBucket, policy };
}
