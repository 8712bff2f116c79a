import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import type { Construct } from 'constructs';
import { ManagementProvider } from '../src/constructs/aws-provider';
import { createTrailCloudWatchLogs } from '../src/constructs/trail-cloudwatch-logs';
import type { LoggingModel } from '../src/model/logging';
import type { LandingZoneModel } from '../src/model/types';
import type { LogArchiveStack } from './log-archive-stack';
import type { OrganizationStack } from './organization-stack';

export interface OrgTrailStackProps {
  readonly model: LandingZoneModel;
  readonly logging: LoggingModel;
  readonly organization: OrganizationStack;
  readonly logArchive: LogArchiveStack;
}

/**
 * Wave 3, management account: the organization trail, multi-region with global service events and
 * log file validation, KMS-encrypted into the log archive bucket. CloudTrail checks the bucket
 * policy when the trail is created, so the whole log-archive stack (policy included) comes first.
 * With `logging.cloudWatchLogs`, the trail also delivers to a log group of this account.
 */
export class OrgTrailStack extends LandingZoneStack {
  readonly trail: Cloudtrail;

  constructor(scope: Construct, id: string, props: OrgTrailStackProps) {
    super(scope, id);
    const { model, logging, organization, logArchive } = props;
    new ManagementProvider(this, 'aws', { accountId: model.organization.managementAccountId, region: model.organization.homeRegion });
    this.addDependency(organization);
    this.addDependency(logArchive);

    const org = model.organization;
    const cloudWatch = logging.cloudWatchLogs
      ? createTrailCloudWatchLogs(this, 'trail_logs', {
          partition: org.partition,
          region: org.homeRegion,
          accountId: org.managementAccountId,
          trailArn: logging.trailArn,
          ...logging.cloudWatchLogs,
        })
      : undefined;

    this.trail = new Cloudtrail(this, 'organization_trail', {
      name: logging.trailName,
      s3BucketName: logArchive.bucket.bucket.bucket,
      kmsKeyId: logArchive.key.arn,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      ...(cloudWatch ? { cloudWatchLogsGroupArn: cloudWatch.groupArnForTrail, cloudWatchLogsRoleArn: cloudWatch.roleArn, dependsOn: cloudWatch.dependencies } : {}),
    });
  }
}
