/**
 * The bucket and key policies of the log archive, as plain documents. Values may be cdktf tokens
 * (the organization id and account ids of accounts created by the organization stack); they end
 * up as interpolations inside the JSON string.
 */

export interface PolicyStatementJson {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal: '*' | { readonly AWS?: string; readonly Service?: string };
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | boolean>>>>;
}

export interface PolicyDocumentJson {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatementJson[];
}

export interface LogArchivePolicyProps {
  readonly partition: string;
  /** The organization id (o-...): a literal for an adopted organization, else a cross-stack reference. */
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly logArchiveAccountId: string;
  readonly bucketName: string;
  readonly trailArn: string;
  /** Let AWS Config recorders of the organization deliver into the bucket. */
  readonly allowAwsConfig: boolean;
  /** Let VPC flow logs of the organization's accounts deliver into the bucket. @default false */
  readonly allowFlowLogs?: boolean;
}

const CLOUDTRAIL = 'cloudtrail.amazonaws.com';
const CONFIG = 'config.amazonaws.com';
const LOG_DELIVERY = 'delivery.logs.amazonaws.com';

export function bucketArn(partition: string, bucketName: string): string {
  return `arn:${partition}:s3:::${bucketName}`;
}

/** Every request without TLS is refused, whoever makes it. */
export function denyInsecureTransport(arn: string): PolicyStatementJson {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [arn, `${arn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': false } },
  };
}

/**
 * CloudTrail may check the bucket ACL and write, only for this organization's trail (aws:SourceArn)
 * and only under `AWSLogs/<organization id>/` and `AWSLogs/<management account id>/`, handing the
 * objects to the bucket owner. Config recorders of the organization (aws:SourceOrgID) may write
 * under `AWSLogs/<account id>/Config/`, and VPC flow logs of the organization's accounts (log
 * delivery, aws:SourceOrgID) under `AWSLogs/<account id>/vpcflowlogs/` (or its Hive-compatible form
 * `AWSLogs/aws-account-id=<id>/aws-service=vpcflowlogs/`). Both conditions name the organization,
 * not each account, so the policy does not grow with the organization (S3 allows 20 KB).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
 * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-permissions.html
 */
export function logBucketPolicy(p: LogArchivePolicyProps): PolicyDocumentJson {
  const arn = bucketArn(p.partition, p.bucketName);
  const fromTrail = { 'aws:SourceArn': p.trailArn };
  const ownerGetsObjects = { 's3:x-amz-acl': 'bucket-owner-full-control' };
  const statements: PolicyStatementJson[] = [
    denyInsecureTransport(arn),
    { Sid: 'AllowCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: CLOUDTRAIL }, Action: 's3:GetBucketAcl', Resource: arn, Condition: { StringEquals: fromTrail } },
    {
      Sid: 'AllowCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: CLOUDTRAIL },
      Action: 's3:PutObject',
      Resource: [`${arn}/AWSLogs/${p.managementAccountId}/*`, `${arn}/AWSLogs/${p.organizationId}/*`],
      Condition: { StringEquals: { ...ownerGetsObjects, ...fromTrail } },
    },
  ];
  // AWS Config and VPC flow logs of the organization's accounts: a bucket check, and objects under
  // their own prefixes only, owned by the bucket owner; aws:SourceOrgID keeps the policy one size.
  const fromOrganization = { 'aws:SourceOrgID': p.organizationId };
  const delivery = (name: string, service: string, objects: string): PolicyStatementJson[] => [
    { Sid: `Allow${name}BucketCheck`, Effect: 'Allow', Principal: { Service: service }, Action: ['s3:GetBucketAcl', 's3:ListBucket'], Resource: arn, Condition: { StringEquals: fromOrganization } },
    {
      Sid: `Allow${name}Write`,
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 's3:PutObject',
      Resource: `${arn}/${objects}`,
      Condition: { StringEquals: { ...ownerGetsObjects, ...fromOrganization } },
    },
  ];
  if (p.allowAwsConfig) statements.push(...delivery('Config', CONFIG, 'AWSLogs/*/Config/*'));
  if (p.allowFlowLogs) statements.push(...delivery('FlowLogs', LOG_DELIVERY, 'AWSLogs/*vpcflowlogs/*'));
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * The log archive account administers the key; CloudTrail encrypts for this organization's trail
 * only (the encryption context names the trail); principals of the organization may decrypt.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
 */
export function logKeyPolicy(p: LogArchivePolicyProps): PolicyDocumentJson {
  const statements: PolicyStatementJson[] = [
    { Sid: 'AllowAccountAdministration', Effect: 'Allow', Principal: { AWS: `arn:${p.partition}:iam::${p.logArchiveAccountId}:root` }, Action: 'kms:*', Resource: '*' },
    {
      Sid: 'AllowCloudTrailEncrypt',
      Effect: 'Allow',
      Principal: { Service: CLOUDTRAIL },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': p.trailArn, 'kms:EncryptionContext:aws:cloudtrail:arn': p.trailArn } },
    },
    { Sid: 'AllowCloudTrailDescribeKey', Effect: 'Allow', Principal: { Service: CLOUDTRAIL }, Action: 'kms:DescribeKey', Resource: '*', Condition: { StringEquals: { 'aws:SourceArn': p.trailArn } } },
    {
      Sid: 'AllowOrganizationDecrypt',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': p.organizationId } },
    },
  ];
  if (p.allowAwsConfig)
    statements.push({
      Sid: 'AllowConfigEncrypt',
      Effect: 'Allow',
      Principal: { Service: CONFIG },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceOrgID': p.organizationId } },
    });
  // Flow logs into an SSE-KMS bucket: log delivery generates the data keys.
  // https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-cmk-policy.html
  if (p.allowFlowLogs)
    statements.push({
      Sid: 'AllowFlowLogsEncrypt',
      Effect: 'Allow',
      Principal: { Service: LOG_DELIVERY },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceOrgID': p.organizationId } },
    });
  return { Version: '2012-10-17', Statement: statements };
}

/** S3 server access logging writes as logging.s3.amazonaws.com, for the log bucket of this account only. */
export function accessLogsBucketPolicy(partition: string, accessLogsBucketName: string, logBucketName: string, accountId: string): PolicyDocumentJson {
  const arn = bucketArn(partition, accessLogsBucketName);
  return {
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(arn),
      {
        Sid: 'AllowServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${arn}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': accountId }, ArnLike: { 'aws:SourceArn': bucketArn(partition, logBucketName) } },
      },
    ],
  };
}
