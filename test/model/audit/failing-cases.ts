/**
 * The failing side of every control of the catalog (the passing side is the default org.yaml,
 * default-org.test.ts). A control fails either on the default org.yaml with an edit that turns it
 * off (OFF_SWITCH_CASES, run by off-switches.test.ts), or, where no org.yaml setting can turn it
 * off because lz always builds it, on the default org.yaml's synthesized stacks with the resource
 * or argument changed (TAMPERED_CASES, run by tampered-stacks.test.ts). catalog.test.ts fails
 * when a control of the catalog has neither.
 */

/** A path of the default org.yaml set to a value, or deleted when the value is undefined. */
export type Edit = readonly [readonly string[], unknown];

export interface OffSwitchCase {
  readonly id: string;
  readonly edits: readonly Edit[];
  /** The setting the report names; undefined where no org.yaml setting manages what the control judges. */
  readonly turnedOffBy: string | undefined;
  /** The audit's failedRequired, exactly: the default org.yaml requires every control. */
  readonly failedRequired: readonly string[];
}

const ALL = 'analytics-nonprod, analytics-prod, log-archive and 7 more';

/**
 * Without `logging` there is no trail; the baseline's Config recorders and flow logs deliver to
 * the log archive, so they go too (LZ1002), and log-archive, no longer the log archive account,
 * leaves the Security OU it would otherwise share with security-tooling as a workload (LZ0402).
 */
const NO_LOGGING: readonly Edit[] = [
  [['logging'], undefined],
  [['baseline', 'config'], { enabled: false }],
  [['baseline', 'flowLogs'], { enabled: false }],
  [['accounts', 'log-archive', 'ou'], 'Infrastructure'],
];
const NO_LOGGING_FAILS = ['Config.1', 'CloudTrail.1', 'CloudTrail.2', 'CloudTrail.4', 'CloudTrail.5', 'EC2.6'];

const password = (setting: object): Edit => [['baseline', 'passwordPolicy'], setting];

export const OFF_SWITCH_CASES: readonly OffSwitchCase[] = [
  { id: 'Config.1', edits: [[['baseline', 'config'], { enabled: false }]], turnedOffBy: `baseline.config (off for ${ALL})`, failedRequired: ['Config.1'] },
  { id: 'GuardDuty.1', edits: [[['security', 'services', 'guardDuty', 'autoEnable'], 'NEW']], turnedOffBy: 'security.services.guardDuty.autoEnable: NEW', failedRequired: ['GuardDuty.1'] },
  { id: 'GuardDuty.1', edits: [[['security', 'services', 'guardDuty'], undefined]], turnedOffBy: 'security.services.guardDuty (absent)', failedRequired: ['GuardDuty.1'] },
  {
    id: 'SecurityHub.1',
    edits: [[['security', 'services', 'securityHub', 'configurationPolicies'], undefined]],
    turnedOffBy: 'security.services.securityHub.configurationPolicies (absent: local configuration enables only accounts that join later)',
    failedRequired: ['SecurityHub.1'],
  },
  {
    id: 'SecurityHub.1',
    edits: [[['security', 'services', 'securityHub', 'configurationPolicies', 'organization', 'ous'], ['Workloads']]],
    turnedOffBy: 'security.services.securityHub.configurationPolicies (none associated with Root)',
    failedRequired: ['SecurityHub.1'],
  },
  { id: 'SecurityHub.1', edits: [[['security', 'services', 'securityHub'], undefined]], turnedOffBy: 'security.services.securityHub (absent)', failedRequired: ['SecurityHub.1'] },
  {
    id: 'IAM.28',
    edits: [[['baseline', 'accessAnalyzer'], { enabled: false }], [['security', 'services', 'accessAnalyzer'], undefined]],
    turnedOffBy: `baseline.accessAnalyzer (off for ${ALL})`,
    failedRequired: ['IAM.28'],
  },
  { id: 'CloudTrail.1', edits: NO_LOGGING, turnedOffBy: 'logging (absent: no organization trail)', failedRequired: NO_LOGGING_FAILS },
  { id: 'CloudTrail.2', edits: NO_LOGGING, turnedOffBy: 'logging (absent: no organization trail)', failedRequired: NO_LOGGING_FAILS },
  { id: 'CloudTrail.4', edits: NO_LOGGING, turnedOffBy: 'logging (absent: no organization trail)', failedRequired: NO_LOGGING_FAILS },
  { id: 'CloudTrail.5', edits: [[['logging', 'cloudWatchLogs'], undefined]], turnedOffBy: 'logging.cloudWatchLogs (absent)', failedRequired: ['CloudTrail.5'] },
  { id: 'CloudTrail.7', edits: [[['logging', 'accessLogging'], false]], turnedOffBy: 'logging.accessLogging: false', failedRequired: ['CloudTrail.7'] },
  { id: 'EC2.6', edits: [[['baseline', 'flowLogs'], { enabled: false }]], turnedOffBy: `baseline.flowLogs (off for ${ALL})`, failedRequired: ['EC2.6'] },
  { id: 'EC2.6', edits: [[['baseline', 'flowLogs'], { trafficType: 'ACCEPT' }]], turnedOffBy: `baseline.flowLogs.trafficType: ACCEPT (for ${ALL})`, failedRequired: ['EC2.6'] },
  { id: 'EC2.7', edits: [[['baseline', 'ebsEncryption'], { enabled: false }]], turnedOffBy: `baseline.ebsEncryption (off for ${ALL})`, failedRequired: ['EC2.7'] },
  { id: 'EC2.8', edits: [[['baseline', 'instanceMetadata'], { enabled: false }]], turnedOffBy: `baseline.instanceMetadata (off for ${ALL})`, failedRequired: ['EC2.8'] },
  { id: 'EC2.8', edits: [[['baseline', 'instanceMetadata'], { httpTokens: 'optional' }]], turnedOffBy: `baseline.instanceMetadata.httpTokens: optional (for ${ALL})`, failedRequired: ['EC2.8'] },
  // lz leaves the default network ACL of each VPC as AWS creates it, and no org.yaml setting
  // manages it: the default org.yaml passes only by its reviewed exception, and fails without it.
  { id: 'EC2.21', edits: [[['audit', 'exceptions', 'EC2.21'], undefined]], turnedOffBy: undefined, failedRequired: ['EC2.21'] },
  { id: 'Account.1', edits: [[['baseline', 'alternateContacts'], undefined]], turnedOffBy: `baseline.alternateContacts.security (not set for ${ALL})`, failedRequired: ['Account.1'] },
  { id: 'S3.1', edits: [[['baseline', 's3BlockPublicAccess'], { enabled: false }]], turnedOffBy: `baseline.s3BlockPublicAccess (off for ${ALL})`, failedRequired: ['S3.1'] },
  // Without a password policy every password control fails, IAM.17 excepted by the default org.yaml.
  { id: 'IAM.7', edits: [password({ enabled: false })], turnedOffBy: `baseline.passwordPolicy (off for ${ALL})`, failedRequired: ['IAM.7', 'IAM.11', 'IAM.12', 'IAM.13', 'IAM.14', 'IAM.15', 'IAM.16'] },
  { id: 'IAM.7', edits: [password({ minimumLength: 6 })], turnedOffBy: `baseline.passwordPolicy.minimumLength: 6 (for ${ALL})`, failedRequired: ['IAM.7', 'IAM.15'] },
  { id: 'IAM.11', edits: [password({ requireUppercase: false })], turnedOffBy: `baseline.passwordPolicy.requireUppercase: false (for ${ALL})`, failedRequired: ['IAM.7', 'IAM.11'] },
  { id: 'IAM.12', edits: [password({ requireLowercase: false })], turnedOffBy: `baseline.passwordPolicy.requireLowercase: false (for ${ALL})`, failedRequired: ['IAM.7', 'IAM.12'] },
  { id: 'IAM.13', edits: [password({ requireSymbols: false })], turnedOffBy: `baseline.passwordPolicy.requireSymbols: false (for ${ALL})`, failedRequired: ['IAM.7', 'IAM.13'] },
  { id: 'IAM.14', edits: [password({ requireNumbers: false })], turnedOffBy: `baseline.passwordPolicy.requireNumbers: false (for ${ALL})`, failedRequired: ['IAM.7', 'IAM.14'] },
  { id: 'IAM.15', edits: [password({ minimumLength: 12 })], turnedOffBy: `baseline.passwordPolicy.minimumLength: 12 (for ${ALL})`, failedRequired: ['IAM.15'] },
  // An OU's baseline turns it off only for the accounts below it, and the report says which.
  { id: 'IAM.15', edits: [[['organizationalUnits', 'Sandbox', 'baseline'], { passwordPolicy: { minimumLength: 12 } }]], turnedOffBy: 'baseline.passwordPolicy.minimumLength: 12 (for sandbox-alice)', failedRequired: ['IAM.15'] },
  { id: 'IAM.16', edits: [password({ reusePrevention: 5 })], turnedOffBy: `baseline.passwordPolicy.reusePrevention: 5 (for ${ALL})`, failedRequired: ['IAM.16'] },
  // The default org.yaml sets no expiry (CIS v3.0) and excepts IAM.17; without the exception it fails.
  { id: 'IAM.17', edits: [[['audit', 'exceptions', 'IAM.17'], undefined]], turnedOffBy: `baseline.passwordPolicy.maxAge (not set for ${ALL})`, failedRequired: ['IAM.17'] },
  {
    id: 'IAM.17',
    edits: [[['audit', 'exceptions', 'IAM.17'], undefined], password({ maxAge: 365 })],
    turnedOffBy: `baseline.passwordPolicy.maxAge: 365 (for ${ALL})`,
    failedRequired: ['IAM.17'],
  },
];

/** Synthesized stacks by name, as cdk.tf.json holds them. */
export type Stacks = Record<string, { resource: Record<string, Record<string, Record<string, unknown>>> }>;

export interface TamperedCase {
  readonly id: string;
  /** What lz always builds, so that no org.yaml setting can turn the control off. */
  readonly alwaysBuilt: string;
  /** Changes the default org.yaml's synthesized stacks in place. */
  readonly tamper: (stacks: Stacks) => void;
  /** The unit that fails (`<stack>: <address>` for resources, else the account) and the reason the report gives. */
  readonly unit: string;
  readonly reason: string;
  readonly failedRequired: readonly string[];
}

const resource = (stacks: Stacks, stack: string, type: string, name: string) => {
  const found = stacks[stack]?.resource[type]?.[name];
  if (!found) throw new Error(`the default org.yaml no longer synthesizes ${stack}: ${type}.${name}`);
  return found;
};
const add = (stacks: Stacks, stack: string, type: string, name: string, body: Record<string, unknown>) => {
  (stacks[stack]!.resource[type] ??= {})[name] = body;
};
const trail = (stacks: Stacks) => resource(stacks, 'org-trail', 'aws_cloudtrail', 'organization_trail');
const VPC_STACK = 'network-payments-prod';
const defaultSg = '${aws_default_security_group.default_security_group_main.id}';
const openGroup = (rule: Record<string, unknown>) => (stacks: Stacks) =>
  add(stacks, VPC_STACK, 'aws_security_group', 'bastion', { name: 'bastion', vpc_id: '${aws_vpc.vpc_main.id}', ingress: [{ protocol: 'tcp', cidr_blocks: [], ipv6_cidr_blocks: [], ...rule }] });

export const TAMPERED_CASES: readonly TamperedCase[] = [
  {
    id: 'CloudTrail.1',
    alwaysBuilt: 'the organization trail is always multi-Region and records every management event; only `logging` absent removes it (OFF_SWITCH_CASES)',
    tamper: (stacks) => void (trail(stacks).is_multi_region_trail = false),
    unit: 'payments-prod',
    reason: 'org-trail: aws_cloudtrail.organization_trail: not multi-Region, or not every read and write management event',
    failedRequired: ['CloudTrail.1'],
  },
  {
    id: 'CloudTrail.2',
    alwaysBuilt: 'the organization trail always encrypts with the log archive key',
    tamper: (stacks) => void delete trail(stacks).kms_key_id,
    unit: 'payments-prod',
    reason: 'org-trail: aws_cloudtrail.organization_trail has no kms_key_id',
    failedRequired: ['CloudTrail.2'],
  },
  {
    id: 'CloudTrail.4',
    alwaysBuilt: 'the organization trail always validates its log files',
    tamper: (stacks) => void (trail(stacks).enable_log_file_validation = false),
    unit: 'payments-prod',
    reason: 'org-trail: aws_cloudtrail.organization_trail does not validate log files',
    failedRequired: ['CloudTrail.4'],
  },
  {
    id: 'CloudTrail.6',
    alwaysBuilt: 'the log bucket always blocks all public access; without `logging` there is no trail to judge (not applicable)',
    tamper: (stacks) => void (resource(stacks, 'log-archive', 'aws_s3_bucket_public_access_block', 'log_bucket_public_access').block_public_policy = false),
    unit: 'org-trail: aws_cloudtrail.organization_trail',
    reason: 'its bucket log-archive: aws_s3_bucket.log_bucket lacks public access block_public_policy',
    // The same block makes the bucket fail S3.8.
    failedRequired: ['CloudTrail.6', 'S3.8'],
  },
  {
    id: 'S3.5',
    alwaysBuilt: 'every bucket lz builds has a policy that denies requests without TLS',
    tamper: (stacks) => {
      const policy = resource(stacks, 'log-archive', 'aws_s3_bucket_policy', 'access_logs_bucket_policy');
      const document = JSON.parse(String(policy.policy)) as { Statement: Array<{ Condition?: { Bool?: Record<string, unknown> } }> };
      document.Statement = document.Statement.filter((s) => s.Condition?.Bool?.['aws:SecureTransport'] === undefined);
      policy.policy = JSON.stringify(document);
    },
    unit: 'log-archive: aws_s3_bucket.access_logs_bucket',
    reason: 'its bucket policy does not deny requests without TLS',
    failedRequired: ['S3.5'],
  },
  {
    id: 'S3.8',
    alwaysBuilt: 'every bucket lz builds blocks all public access',
    tamper: (stacks) => void (resource(stacks, 'log-archive', 'aws_s3_bucket_public_access_block', 'access_logs_bucket_public_access').restrict_public_buckets = false),
    unit: 'log-archive: aws_s3_bucket.access_logs_bucket',
    reason: 'log-archive: aws_s3_bucket_public_access_block.access_logs_bucket_public_access lacks restrict_public_buckets',
    failedRequired: ['S3.8'],
  },
  {
    id: 'KMS.4',
    alwaysBuilt: 'every key lz builds rotates',
    tamper: (stacks) => void (resource(stacks, 'log-archive', 'aws_kms_key', 'log_key').enable_key_rotation = false),
    unit: 'log-archive: aws_kms_key.log_key',
    reason: 'automatic rotation is off',
    failedRequired: ['KMS.4'],
  },
  {
    id: 'EC2.2',
    alwaysBuilt: 'every VPC lz builds has its default security group managed with no rules',
    tamper: (stacks) => void (resource(stacks, VPC_STACK, 'aws_default_security_group', 'default_security_group_main').egress = [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }]),
    unit: `${VPC_STACK}: aws_vpc.vpc_main`,
    reason: 'its default security group keeps 1 rules',
    failedRequired: ['EC2.2'],
  },
  {
    id: 'EC2.2',
    alwaysBuilt: 'every VPC lz builds has its default security group managed with no rules',
    tamper: (stacks) => add(stacks, VPC_STACK, 'aws_vpc_security_group_egress_rule', 'default_out', { security_group_id: defaultSg, ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' }),
    unit: `${VPC_STACK}: aws_vpc.vpc_main`,
    reason: 'its default security group keeps 1 rules',
    failedRequired: ['EC2.2'],
  },
  {
    id: 'EC2.53',
    alwaysBuilt: 'lz builds no security group other than the closed default ones',
    tamper: openGroup({ from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }),
    unit: `${VPC_STACK}: aws_security_group.bastion`,
    reason: `${VPC_STACK}: aws_security_group.bastion ingress opens 22 or 3389 to 0.0.0.0/0`,
    failedRequired: ['EC2.53'],
  },
  {
    id: 'EC2.54',
    alwaysBuilt: 'lz builds no security group other than the closed default ones',
    tamper: openGroup({ from_port: 3389, to_port: 3389, ipv6_cidr_blocks: ['::/0'] }),
    unit: `${VPC_STACK}: aws_security_group.bastion`,
    reason: `${VPC_STACK}: aws_security_group.bastion ingress opens 22 or 3389 to ::/0`,
    failedRequired: ['EC2.54'],
  },
];
