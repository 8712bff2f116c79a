import { z } from 'zod';
import { denyUnlessExempt, ExemptAccessRole, ExemptRoles, exemptRoleArns, guardrail } from './guardrail';

/** The actions that disable or reconfigure each security service, after the Control Tower controls. */
const SERVICE_ACTIONS = {
  cloudtrail: ['cloudtrail:DeleteTrail', 'cloudtrail:PutEventSelectors', 'cloudtrail:StopLogging', 'cloudtrail:UpdateTrail'],
  config: [
    'config:DeleteConfigurationRecorder', 'config:DeleteDeliveryChannel', 'config:DeleteRetentionConfiguration',
    'config:PutConfigurationRecorder', 'config:PutDeliveryChannel', 'config:PutRetentionConfiguration', 'config:StopConfigurationRecorder',
  ],
  guardduty: [
    'guardduty:DeleteDetector', 'guardduty:DeleteMembers', 'guardduty:DisassociateFromAdministratorAccount', 'guardduty:DisassociateFromMasterAccount',
    'guardduty:DisassociateMembers', 'guardduty:StopMonitoringMembers', 'guardduty:UpdateDetector',
  ],
  securityhub: [
    'securityhub:BatchDisableStandards', 'securityhub:DeleteMembers', 'securityhub:DisableSecurityHub',
    'securityhub:DisassociateFromAdministratorAccount', 'securityhub:DisassociateFromMasterAccount', 'securityhub:DisassociateMembers',
  ],
  'access-analyzer': ['access-analyzer:CreateArchiveRule', 'access-analyzer:DeleteAnalyzer', 'access-analyzer:UpdateArchiveRule'],
} as const;

const SecurityService = z.enum(['cloudtrail', 'config', 'guardduty', 'securityhub', 'access-analyzer']);

/**
 * CloudTrail, AWS Config, GuardDuty, Security Hub and IAM Access Analyzer cannot be disabled or
 * reconfigured in member accounts, except by the access role the tool deploys them with.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 * Control Tower: AWS-GR_CLOUDTRAIL_CHANGE_PROHIBITED, AWS-GR_CONFIG_CHANGE_PROHIBITED;
 * SRA: https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/security-tooling.html
 */
export const protectSecurityServices = guardrail({
  name: 'protect-security-services',
  summary: 'CloudTrail, Config, GuardDuty, Security Hub and Access Analyzer cannot be disabled or changed.',
  source: 'https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html',
  parameters: z.strictObject({
    services: z.array(SecurityService).min(1).default([...SecurityService.options])
      .meta({ description: 'Services to protect. @default all five' }),
    exemptRoles: ExemptRoles,
    exemptAccessRole: ExemptAccessRole,
  }),
  statements: (p, facts) => {
    const actions = [...new Set(p.services)].sort().flatMap((s) => SERVICE_ACTIONS[s]);
    return [denyUnlessExempt('ProtectSecurityServices', actions, ['*'], exemptRoleArns(facts, p.exemptRoles, p.exemptAccessRole))];
  },
});

const BucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'an S3 bucket name (3-63 lowercase letters, digits, dots and hyphens)' });

/**
 * The log archive bucket's policy, lifecycle, versioning, encryption and objects cannot be changed
 * or deleted, so logs stay immutable even for administrators of the log archive account.
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html
 * Control Tower: AWS-GR_AUDIT_BUCKET_POLICY_CHANGES_PROHIBITED, AWS-GR_AUDIT_BUCKET_LIFECYCLE_CONFIGURATION_CHANGES_PROHIBITED,
 * AWS-GR_AUDIT_BUCKET_DELETION_PROHIBITED.
 */
export const protectLogArchiveBucket = guardrail({
  name: 'protect-log-archive-bucket',
  summary: 'The log archive bucket and its objects cannot be deleted or reconfigured.',
  source: 'https://docs.aws.amazon.com/controltower/latest/controlreference/mandatory-controls.html',
  parameters: z.strictObject({
    bucketNames: z.array(BucketName).min(1).meta({ description: 'Names of the log archive buckets.' }),
    exemptRoles: ExemptRoles,
    exemptAccessRole: ExemptAccessRole,
  }),
  statements: (p, facts) => {
    const buckets = [...new Set(p.bucketNames)].sort();
    const resources = buckets.flatMap((b) => [`arn:${facts.partition}:s3:::${b}`, `arn:${facts.partition}:s3:::${b}/*`]);
    const actions = [
      's3:DeleteBucket', 's3:DeleteBucketPolicy', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutBucketAcl', 's3:PutBucketObjectLockConfiguration',
      's3:PutBucketPolicy', 's3:PutBucketPublicAccessBlock', 's3:PutBucketVersioning', 's3:PutEncryptionConfiguration', 's3:PutLifecycleConfiguration',
    ];
    return [denyUnlessExempt('ProtectLogArchiveBucket', actions, resources, exemptRoleArns(facts, p.exemptRoles, p.exemptAccessRole))];
  },
});
