import { z } from 'zod';

/**
 * The account baseline: settings applied in every member account, and in every allowed region for
 * the regional ones. One shape at three levels: the top-level `baseline` section, an OU's
 * `baseline` and an account's `baseline`, deep-merged in that order (nested OUs from the top
 * down). Every field is optional here; the model applies the documented defaults after merging.
 * Every setting has `enabled`, which turns it off at a lower level.
 */
const Enabled = (what: string, byDefault: boolean) =>
  z.boolean().optional().meta({ description: `Whether lz applies ${what}; \`false\` at an OU or account turns it off there. @default ${byDefault}` });

export const ConfigBaseline = z
  .strictObject({
    enabled: Enabled('the AWS Config recorder and delivery channel', true),
    serviceLinkedRole: z.enum(['create', 'existing']).optional().meta({
      description: 'create: lz creates AWSServiceRoleForConfig; existing: the account already has it (Control Tower, an earlier setup), and creating it again would fail. @default create for accounts lz creates, existing for accounts adopted by `id`',
    }),
    recordingFrequency: z.enum(['CONTINUOUS', 'DAILY']).optional().meta({ description: 'How often the recorder records changes. @default CONTINUOUS' }),
  })
  .meta({ description: 'AWS Config in every allowed region: a recorder of all supported resource types (global ones in the home region only), delivering to the log archive bucket.' });

export const EbsEncryptionBaseline = z
  .strictObject({
    enabled: Enabled('EBS encryption by default', true),
    kmsKeyArn: z.string().optional().meta({
      description: 'The default KMS key of new volumes. With more than one allowed region, a multi-region key (mrk-...): lz uses its replica in each region. @default the AWS managed key aws/ebs',
    }),
  })
  .meta({ description: 'EBS encryption by default in every allowed region (Security Hub EC2.7).' });

export const S3BlockPublicAccessBaseline = z
  .strictObject({ enabled: Enabled('S3 Block Public Access at account level (all four settings on)', true) })
  .meta({ description: 'S3 account-level Block Public Access (Security Hub S3.1).' });

export const InstanceMetadataBaseline = z
  .strictObject({
    enabled: Enabled('EC2 instance metadata defaults', true),
    httpTokens: z.enum(['required', 'optional']).optional().meta({ description: 'required: IMDSv2 only for new instances. @default required' }),
    hopLimit: z.number().int().min(1).max(64).optional().meta({ description: 'The PUT response hop limit; 2 lets containers on an instance reach IMDSv2. @default 2' }),
  })
  .meta({ description: 'Account defaults of the instance metadata options of new EC2 instances, per region.' });

export const SerialConsoleBaseline = z
  .strictObject({
    enabled: Enabled('the EC2 serial console setting', true),
    allowAccess: z.boolean().optional().meta({ description: 'Whether EC2 serial console access is allowed in the account. @default false' }),
  })
  .meta({ description: 'EC2 serial console access, per region.' });

export const SnapshotPublicAccessBaseline = z
  .strictObject({
    enabled: Enabled('block public access for EBS snapshots', true),
    state: z.enum(['block-all-sharing', 'block-new-sharing']).optional().meta({
      description: 'block-all-sharing also hides snapshots shared publicly before; block-new-sharing only refuses new public sharing. @default block-all-sharing',
    }),
  })
  .meta({ description: 'Block public access for EBS snapshots, per region.' });

export const ImagePublicAccessBaseline = z
  .strictObject({ enabled: Enabled('block public access for AMIs (new public sharing refused)', true) })
  .meta({ description: 'Block public access for AMIs, per region.' });

export const PasswordPolicyBaseline = z
  .strictObject({
    enabled: Enabled('the IAM account password policy', true),
    minimumLength: z.number().int().min(6).max(128).optional().meta({ description: 'Minimum password length (CIS 1.8). @default 14' }),
    reusePrevention: z.number().int().min(1).max(24).optional().meta({ description: 'How many earlier passwords may not be reused (CIS 1.9). @default 24' }),
    requireUppercase: z.boolean().optional().meta({ description: '@default true' }),
    requireLowercase: z.boolean().optional().meta({ description: '@default true' }),
    requireNumbers: z.boolean().optional().meta({ description: '@default true' }),
    requireSymbols: z.boolean().optional().meta({ description: '@default true' }),
    maxAge: z.number().int().min(1).max(1095).optional().meta({
      description: 'Days before a password expires. CIS v3 sets no expiry; 90 satisfies CIS v1.2 (Security Hub IAM.17). @default no expiry',
    }),
    allowUsersToChange: z.boolean().optional().meta({ description: 'Whether IAM users may change their own password. @default true' }),
  })
  .meta({ description: 'The IAM account password policy, CIS AWS Foundations v3 values by default.' });

export const AccessAnalyzerBaseline = z
  .strictObject({ enabled: Enabled('an IAM Access Analyzer with the account as its zone of trust, in every allowed region', false) })
  .meta({ description: 'A per-account IAM Access Analyzer (the organization analyzer lives in the security account: security.services.accessAnalyzer).' });

export const FlowLogsBaseline = z
  .strictObject({
    enabled: Enabled('flow logs for the VPCs lz creates in the account', true),
    trafficType: z.enum(['ALL', 'ACCEPT', 'REJECT']).optional().meta({ description: '@default ALL' }),
    maxAggregationInterval: z.union([z.literal(60), z.literal(600)]).optional().meta({ description: 'Seconds over which a flow is aggregated into one record. @default 600' }),
    logFormat: z.string().min(1).optional().meta({ description: 'A custom record format (`${version} ${account-id} ...`). @default the AWS default format' }),
    fileFormat: z.enum(['plain-text', 'parquet']).optional().meta({ description: '@default plain-text' }),
    hiveCompatiblePartitions: z.boolean().optional().meta({ description: 'Hive-compatible S3 prefixes. @default false' }),
    perHourPartition: z.boolean().optional().meta({ description: 'Partition per hour instead of per day. @default false' }),
  })
  .meta({ description: 'VPC flow logs of every VPC lz creates, delivered to the log archive bucket (S3).' });

export const AlternateContact = z
  .strictObject({
    enabled: Enabled('this alternate contact', true),
    name: z.string().optional().meta({ description: 'Name of the contact (1-64 characters).' }),
    title: z.string().optional().meta({ description: 'Title of the contact (1-50 characters).' }),
    email: z.string().optional().meta({ description: 'Email address of the contact.' }),
    phone: z.string().optional().meta({ description: 'Phone number of the contact (digits, spaces, +, -, parentheses; at most 25 characters).' }),
  })
  .meta({ description: 'An alternate contact; name, title, email and phone are all required once merged.' });

export const AlternateContactsBaseline = z
  .strictObject({
    security: AlternateContact.optional(),
    operations: AlternateContact.optional(),
    billing: AlternateContact.optional(),
  })
  .meta({ description: 'Alternate contacts of the account (Account Management API), none by default. Security Hub Account.1 checks the security contact.' });

export const BaselineSettings = z
  .strictObject({
    config: ConfigBaseline.optional(),
    ebsEncryption: EbsEncryptionBaseline.optional(),
    s3BlockPublicAccess: S3BlockPublicAccessBaseline.optional(),
    instanceMetadata: InstanceMetadataBaseline.optional(),
    serialConsole: SerialConsoleBaseline.optional(),
    snapshotPublicAccess: SnapshotPublicAccessBaseline.optional(),
    imagePublicAccess: ImagePublicAccessBaseline.optional(),
    passwordPolicy: PasswordPolicyBaseline.optional(),
    accessAnalyzer: AccessAnalyzerBaseline.optional(),
    flowLogs: FlowLogsBaseline.optional(),
    alternateContacts: AlternateContactsBaseline.optional(),
  })
  .meta({
    id: 'BaselineSettings',
    description: 'Account baseline settings. At the top level, the defaults of every member account; under an OU or account, overrides deep-merged over them (root < OUs from the top down < account).',
  });

export type BaselineSettings = z.infer<typeof BaselineSettings>;
export type AlternateContactConfig = z.infer<typeof AlternateContact>;
