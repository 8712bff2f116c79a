import { z } from 'zod';
import { AccountKey, OuPath, PolicyName } from './common';

/** Security Hub standards by a key that is safe in Terraform addresses; the ARN is derived per partition and region. */
export const SecurityHubStandard = z.enum([
  'aws-foundational-security-best-practices-v1-0-0',
  'cis-aws-foundations-benchmark-v1-2-0',
  'cis-aws-foundations-benchmark-v1-4-0',
  'cis-aws-foundations-benchmark-v3-0-0',
  'nist-800-53-v5-0-0',
  'pci-dss-v3-2-1',
]);

const Protection = (what: string) => z.boolean().optional()
  .meta({ description: `${what}: true enables it organization-wide (as guardDuty.autoEnable says) and in the security account, false turns it off; left out, lz does not manage it.` });

/**
 * GuardDuty protection plans, each selectable; a plan left out is not managed.
 * @see https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html
 */
export const GuardDutyProtectionPlans = z
  .strictObject({
    s3DataEvents: Protection('S3 Protection (S3_DATA_EVENTS)'),
    eksAuditLogs: Protection('EKS Protection of audit logs (EKS_AUDIT_LOGS)'),
    ebsMalwareProtection: Protection('Malware Protection for EC2, scans of EBS volumes (EBS_MALWARE_PROTECTION)'),
    rdsLoginEvents: Protection('RDS Protection of login events (RDS_LOGIN_EVENTS)'),
    lambdaNetworkLogs: Protection('Lambda Protection of network activity (LAMBDA_NETWORK_LOGS)'),
    runtimeMonitoring: z
      .strictObject({
        agentManagement: z.array(z.enum(['EKS', 'ECS_FARGATE', 'EC2'])).default([])
          .meta({ description: 'Where GuardDuty installs and updates the security agent itself (EKS add-on, ECS Fargate sidecar, EC2 through SSM). @default none' }),
      })
      .optional()
      .meta({ description: 'Runtime Monitoring of EKS, ECS Fargate and EC2 (RUNTIME_MONITORING); it replaces eksRuntimeMonitoring.' }),
    eksRuntimeMonitoring: z
      .strictObject({ agentManagement: z.boolean().default(true).meta({ description: 'GuardDuty manages the EKS add-on. @default true' }) })
      .optional()
      .meta({ description: 'The older EKS-only Runtime Monitoring (EKS_RUNTIME_MONITORING); cannot be set with runtimeMonitoring.' }),
  })
  .meta({ description: 'GuardDuty protection plans, organization-wide.' });

/**
 * A Security Hub central configuration policy. Standards are checked by a rule (LZ0407) rather than
 * an enum, so that a mistyped key gets the closest known one as its fix; control ids by LZ0408.
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/configuration-policies-overview.html
 */
export const SecurityHubConfigurationPolicy = z
  .strictObject({
    description: z.string().optional().meta({ description: 'Description of the policy in Security Hub. @default - "Managed by lz: <key>"' }),
    standards: z.array(z.string()).default([])
      .meta({ description: `Standards enabled in the accounts the policy governs, by key: ${SecurityHubStandard.options.join(', ')}.` }),
    disabledControls: z.array(z.string()).default([])
      .meta({ description: 'Security control ids turned off (e.g. IAM.6); every other control stays enabled, controls AWS adds later included. @default none' }),
    ous: z.array(OuPath).default([])
      .meta({ description: 'OU paths (Workloads/Prod, or Root for the whole organization) the policy is associated with; OUs and accounts below inherit it unless they have a policy of their own. @default none' }),
    accounts: z.array(AccountKey).default([]).meta({ description: 'Account keys the policy is associated with. @default none' }),
  })
  .meta({ description: 'A Security Hub configuration policy: Security Hub on, its standards and disabled controls.' });

const AutoEnable = z.boolean().default(true).meta({ description: 'Enable the service automatically in accounts that join the organization. @default true' });

export const SecurityServices = z
  .strictObject({
    guardDuty: z
      .strictObject({
        autoEnable: z.enum(['ALL', 'NEW', 'NONE']).default('ALL').meta({ description: 'ALL: every account, existing ones included; NEW: accounts that join from now on. @default ALL' }),
        protectionPlans: GuardDutyProtectionPlans.default({}),
      })
      .optional()
      .meta({ description: 'Amazon GuardDuty, administered from the security account.' }),
    securityHub: z
      .strictObject({
        autoEnable: z.boolean().default(true)
          .meta({ description: 'Local configuration only: enable Security Hub automatically in accounts that join the organization. With configurationPolicies the policies decide. @default true' }),
        standards: z.array(SecurityHubStandard).default([])
          .meta({ description: 'Local configuration only: standards the security account subscribes to. With configurationPolicies each policy lists its standards.' }),
        configurationPolicies: z.record(PolicyName, SecurityHubConfigurationPolicy).optional()
          .meta({ description: 'Central configuration: policies by key, each associated with OUs (Root included) or accounts; they take effect in every allowed region. Left out, Security Hub keeps local configuration.' }),
      })
      .optional()
      .meta({ description: 'AWS Security Hub, administered from the security account.' }),
    configAggregator: z.strictObject({}).optional().meta({ description: 'An AWS Config aggregator over every account and region of the organization.' }),
    accessAnalyzer: z.strictObject({}).optional().meta({ description: 'An IAM Access Analyzer with the organization as its zone of trust.' }),
    inspector: z
      .strictObject({
        resourceTypes: z.array(z.enum(['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'])).default(['EC2', 'ECR', 'LAMBDA']).meta({
          description: 'Scan types enabled automatically in new accounts. @default EC2, ECR, LAMBDA',
        }),
      })
      .optional()
      .meta({ description: 'Amazon Inspector, administered from the security account.' }),
    macie: z.strictObject({ autoEnable: AutoEnable }).optional().meta({ description: 'Amazon Macie, administered from the security account.' }),
    detective: z
      .strictObject({ autoEnable: AutoEnable })
      .optional()
      .meta({ description: 'Amazon Detective: a behavior graph in the security account, which administers it for the organization.' }),
  })
  .meta({ description: 'The organization-wide security services; a service is enabled when its key is present (`{}` takes the defaults).' });

export const SecuritySection = z
  .strictObject({
    account: AccountKey.meta({ description: 'Key of the security tooling account: the delegated administrator of every enabled service.' }),
    services: SecurityServices.default({}),
  })
  .meta({ description: 'Security tooling: delegated administration and organization-wide configuration of the security services.' });

export type SecuritySection = z.infer<typeof SecuritySection>;
export type SecurityHubStandard = z.infer<typeof SecurityHubStandard>;
export type SecurityHubConfigurationPolicy = z.infer<typeof SecurityHubConfigurationPolicy>;
export type GuardDutyProtectionPlans = z.infer<typeof GuardDutyProtectionPlans>;
