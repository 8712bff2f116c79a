/**
 * The failing side of the controls of the catalog (the passing side is the default org.yaml,
 * default-org.test.ts): the default org.yaml with an edit that turns a control off
 * (OFF_SWITCH_CASES, run by off-switches.test.ts).
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
