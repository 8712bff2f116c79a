import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { Partition } from '../model/types';

export interface TrailCloudWatchLogsProps {
  readonly partition: Partition;
  readonly region: string;
  /** The trail's own account: CloudTrail delivers only to a log group of that account. */
  readonly accountId: string;
  readonly trailArn: string;
  readonly logGroupName: string;
  readonly retentionDays: number;
  readonly roleName: string;
  readonly keyAlias: string;
}

/**
 * The CloudWatch Logs side of a trail: a log group encrypted with its own KMS key, and the role
 * CloudTrail assumes to write into it. The key policy lets CloudWatch Logs use the key for this
 * group only (encryption context aws:logs:arn); the role trusts CloudTrail for this trail only
 * (aws:SourceArn) and may create streams and put events in this group, nothing else.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export interface TrailCloudWatchLogs {
  /** The trail's cloud_watch_logs_group_arn: the group's ARN with `:*`, as CloudTrail expects. */
  readonly groupArnForTrail: string;
  readonly roleArn: string;
  /** CloudTrail checks the group and the role's permissions when the trail is created or updated. */
  readonly dependencies: ITerraformDependable[];
}

/** Resources are named `<id>_key`, `<id>_log_group`, `<id>_role`..., so their addresses stay flat and stable. */
export function createTrailCloudWatchLogs(scope: Construct, id: string, props: TrailCloudWatchLogsProps): TrailCloudWatchLogs {
  const { partition, region, accountId } = props;
  const groupArn = `arn:${partition}:logs:${region}:${accountId}:log-group:${props.logGroupName}`;
  const key = new KmsKey(scope, `${id}_key`, {
    description: `Encrypts the CloudWatch Logs group ${props.logGroupName} of the organization trail.`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'CloudWatchLogsEncryptsTheTrailGroup',
          Effect: 'Allow',
          Principal: { Service: `logs.${region}.amazonaws.com` },
          Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
          Resource: '*',
          Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': groupArn } },
        },
      ],
    }),
    lifecycle: { preventDestroy: true },
  });
  new KmsAlias(scope, `${id}_key_alias`, { name: props.keyAlias, targetKeyId: key.keyId });

  const logGroup = new CloudwatchLogGroup(scope, `${id}_log_group`, {
    name: props.logGroupName,
    retentionInDays: props.retentionDays,
    kmsKeyId: key.arn,
    // Deleting the group deletes the events it holds.
    lifecycle: { preventDestroy: true },
  });

  const role = new IamRole(scope, `${id}_role`, {
    name: props.roleName,
    description: 'Lets CloudTrail deliver the organization trail to its CloudWatch Logs group.',
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceArn': props.trailArn } },
      }],
    }),
  });
  const rolePolicy = new IamRolePolicy(scope, `${id}_role_policy`, {
    role: role.name,
    name: 'deliver-to-log-group',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'DeliverTrailEvents', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${groupArn}:log-stream:*` }],
    }),
  });
  return { groupArnForTrail: `${groupArn}:*`, roleArn: role.arn, dependencies: [logGroup, rolePolicy] };
}
