import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import type { Construct } from 'constructs';
import { MemberAccountProvider } from '../src/constructs/aws-provider';
import { accessLogsBucketPolicy, logBucketPolicy, logKeyPolicy, type LogArchivePolicyProps } from '../src/constructs/log-archive-policies';
import { createLogBucket, type LogBucket } from '../src/constructs/log-bucket';
import type { LoggingModel } from '../src/model/logging';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import type { OrganizationStack } from './organization-stack';

export interface LogArchiveStackProps {
  readonly model: LandingZoneModel;
  readonly logging: LoggingModel;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
}

/**
 * Wave 2, log archive account: the bucket the organization trail (and AWS Config and VPC flow logs) deliver into,
 * its customer-managed KMS key, and optionally a bucket for S3 server access logs.
 */
export class LogArchiveStack extends LandingZoneStack {
  readonly bucket: LogBucket;
  readonly key: KmsKey;
  readonly bucketName: string;

  constructor(scope: Construct, id: string, props: LogArchiveStackProps) {
    super(scope, id);
    const { model, logging, organization, accounts } = props;
    const org = model.organization;
    const accountId = accounts.accountId(logging.accountKey);
    new MemberAccountProvider(this, 'aws', {
      accountId,
      region: org.homeRegion,
      partition: org.partition,
      roleName: org.accessRoleName,
      sessionName: 'lz-log-archive',
    });
    // The account must exist (and trusted access for CloudTrail be enabled) even when its id is a literal.
    this.addDependency(organization);

    this.bucketName = logging.bucketName ?? `${logging.bucketNamePrefix}-${accountId}`;
    const policyProps: LogArchivePolicyProps = {
      partition: org.partition,
      organizationId: organization.organizationId,
      managementAccountId: org.managementAccountId,
      logArchiveAccountId: accountId,
      bucketName: this.bucketName,
      trailArn: logging.trailArn,
      allowAwsConfig: logging.allowAwsConfig,
      allowFlowLogs: logging.allowFlowLogs,
    };

    this.key = new KmsKey(this, 'log_key', {
      description: `Encrypts the organization trail and AWS Config logs in ${this.bucketName}.`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify(logKeyPolicy(policyProps)),
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'log_key_alias', { name: `alias/${logging.bucketNamePrefix}`, targetKeyId: this.key.keyId });

    const lifecycle = {
      transitionDays: logging.retention.transitionDays,
      transitionStorageClass: logging.retention.transitionStorageClass,
      expirationDays: logging.retention.expirationDays,
      noncurrentExpirationDays: logging.retention.noncurrentExpirationDays,
    };
    this.bucket = createLogBucket(this, 'log_bucket', {
      bucketName: this.bucketName,
      kmsKeyArn: this.key.arn,
      objectLock: logging.objectLock,
      lifecycle,
      policy: logBucketPolicy(policyProps),
    });

    if (logging.accessLogging) {
      const accessLogsName = logging.accessLogsBucketName ?? `${logging.accessLogsBucketNamePrefix}-${accountId}`;
      const accessLogs = createLogBucket(this, 'access_logs_bucket', {
        bucketName: accessLogsName,
        lifecycle: { expirationDays: lifecycle.expirationDays, noncurrentExpirationDays: lifecycle.noncurrentExpirationDays },
        policy: accessLogsBucketPolicy(org.partition, accessLogsName, this.bucketName, accountId),
      });
      new S3BucketLoggingA(this, 'log_bucket_access_logging', {
        bucket: this.bucket.bucket.id,
        targetBucket: accessLogs.bucket.id,
        targetPrefix: `${this.bucketName}/`,
        dependsOn: [accessLogs.policy],
      });
    }
  }
}
