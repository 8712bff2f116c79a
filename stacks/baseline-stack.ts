import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { AccountAlternateContact } from '@cdktf/provider-aws/lib/account-alternate-contact';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { EbsDefaultKmsKey } from '@cdktf/provider-aws/lib/ebs-default-kms-key';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { EbsSnapshotBlockPublicAccess } from '@cdktf/provider-aws/lib/ebs-snapshot-block-public-access';
import { Ec2ImageBlockPublicAccess } from '@cdktf/provider-aws/lib/ec2-image-block-public-access';
import { Ec2InstanceMetadataDefaults } from '@cdktf/provider-aws/lib/ec2-instance-metadata-defaults';
import { Ec2SerialConsoleAccess } from '@cdktf/provider-aws/lib/ec2-serial-console-access';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
import { IamServiceLinkedRole } from '@cdktf/provider-aws/lib/iam-service-linked-role';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import type { Construct } from 'constructs';
import { ManagementProvider, MemberAccountProvider } from '../src/constructs/aws-provider';
import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { CONFIG_RECORDER_NAME, configServiceLinkedRoleArn, ebsKeyArnIn, type AccountBaselineModel } from '../src/model/baseline';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { ids } from './ids';
import type { LogArchiveStack } from './log-archive-stack';

export interface BaselineStackProps {
  readonly model: LandingZoneModel;
  readonly accounts: AccountDirectory;
  readonly baseline: AccountBaselineModel;
  /** The regions of this stack's group (lz.lock.json `baselineRegionGroups`), at most 3. */
  readonly regions: readonly string[];
  /** Whether this is the account's first group, which also holds the account-wide settings. */
  readonly first: boolean;
  /** The account's first baseline stack, which creates the Config service-linked role the recorders of the other groups use. */
  readonly firstStack?: BaselineStack;
  /** Where Config delivers; present whenever Config is on (rule LZ1002). */
  readonly logArchive?: LogArchiveStack;
}

/**
 * `baseline-<id>` and `baseline<n>-<id>`: the account baseline in one account, with the account's
 * own credentials (a member's access role; the tool's own in the management account), one
 * provider per region of the group. The first group's default provider is the home region's, where the account-wide settings are made: the
 * password policy, S3 account-level Block Public Access, the Config service-linked role and the
 * alternate contacts (at most three Account Management API calls per state). In every region of
 * the group: the Config recorder (all supported types; global resources only in the home region)
 * with its delivery channel to the log archive bucket and its status, EBS encryption by default,
 * instance metadata defaults, serial console access, snapshot and AMI block public access, and
 * optionally an account Access Analyzer. Each resource's address ends in its region, so a region
 * never moves between addresses.
 * @see https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/fsbp-standard.html
 */
export class BaselineStack extends LandingZoneStack {
  readonly accountId: string;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    super(scope, id);
    const { model, accounts, baseline, regions, first, firstStack, logArchive } = props;
    const org = model.organization;
    this.accountId = accounts.accountId(baseline.accountKey);
    const providers = new Map<string, AwsProvider>();
    const management = baseline.accountKey === org.managementAccountKey;
    regions.forEach((region, i) => {
      const id = i === 0 ? 'aws' : `aws_${region}`;
      const alias = i === 0 ? {} : { alias: region };
      providers.set(region, management
        ? new ManagementProvider(this, id, { accountId: this.accountId, region, ...alias })
        : new MemberAccountProvider(this, id, {
          accountId: this.accountId,
          region,
          partition: org.partition,
          roleName: org.accessRoleName,
          // The stack id, not the key: a rename leaves the stack's configuration as it was.
          sessionName: `lz-baseline-${model.stackIds[baseline.accountKey]}`,
          ...alias,
        }));
    });
    if (firstStack) this.addDependency(firstStack);
    if (logArchive && baseline.config) this.addDependency(logArchive);

    const serviceLinkedRole = first && baseline.config?.serviceLinkedRole === 'create'
      ? new IamServiceLinkedRole(this, ids.configServiceLinkedRole, { awsServiceName: 'config.amazonaws.com' })
      : undefined;
    if (first) this.accountWide(baseline);
    const roleArn = serviceLinkedRole?.arn ?? configServiceLinkedRoleArn(org.partition, this.accountId);
    for (const region of regions) this.regional(baseline, region, providers.get(region)!, region === org.homeRegion, roleArn, logArchive);
  }

  /** Settings of the whole account, made once with the home region's (default) provider. */
  private accountWide(b: AccountBaselineModel): void {
    const p = b.passwordPolicy;
    if (p)
      new IamAccountPasswordPolicy(this, ids.passwordPolicy, {
        minimumPasswordLength: p.minimumLength,
        passwordReusePrevention: p.reusePrevention,
        requireUppercaseCharacters: p.requireUppercase,
        requireLowercaseCharacters: p.requireLowercase,
        requireNumbers: p.requireNumbers,
        requireSymbols: p.requireSymbols,
        allowUsersToChangePassword: p.allowUsersToChange,
        ...(p.maxAge !== undefined ? { maxPasswordAge: p.maxAge } : {}),
      });
    if (b.s3BlockPublicAccess)
      new S3AccountPublicAccessBlock(this, ids.s3AccountPublicAccessBlock, {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    for (const c of b.alternateContacts)
      new AccountAlternateContact(this, ids.alternateContact(c.type), {
        alternateContactType: c.type,
        name: c.name,
        title: c.title,
        emailAddress: c.email,
        phoneNumber: c.phone,
      });
  }

  private regional(b: AccountBaselineModel, region: string, provider: AwsProvider, home: boolean, roleArn: string, logArchive: LogArchiveStack | undefined): void {
    const id = (setting: Parameters<typeof ids.baselineRegional>[0]) => ids.baselineRegional(setting, region);
    if (b.config && logArchive) {
      // A recorder that a config edit drops is refused by LZ0810 until it is released explicitly.
      const recorder = new ConfigConfigurationRecorder(this, id('config_recorder'), {
        provider,
        name: CONFIG_RECORDER_NAME,
        roleArn,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: home },
        recordingMode: { recordingFrequency: b.config.recordingFrequency },
        lifecycle: { preventDestroy: true },
      });
      const channel = new ConfigDeliveryChannel(this, id('config_delivery_channel'), {
        provider,
        name: CONFIG_RECORDER_NAME,
        s3BucketName: logArchive.bucketName,
        dependsOn: [recorder],
      });
      new ConfigConfigurationRecorderStatus(this, id('config_recorder_status'), { provider, name: recorder.name, isEnabled: true, dependsOn: [channel] });
    }
    if (b.ebsEncryption) {
      new EbsEncryptionByDefault(this, id('ebs_encryption_by_default'), { provider, enabled: true });
      if (b.ebsEncryption.kmsKeyArn !== undefined)
        new EbsDefaultKmsKey(this, id('ebs_default_kms_key'), { provider, keyArn: ebsKeyArnIn(b.ebsEncryption.kmsKeyArn, region) });
    }
    if (b.instanceMetadata)
      new Ec2InstanceMetadataDefaults(this, id('instance_metadata_defaults'), {
        provider,
        httpTokens: b.instanceMetadata.httpTokens,
        httpPutResponseHopLimit: b.instanceMetadata.hopLimit,
      });
    if (b.serialConsole) new Ec2SerialConsoleAccess(this, id('serial_console_access'), { provider, enabled: b.serialConsole.allowAccess });
    if (b.snapshotPublicAccess) new EbsSnapshotBlockPublicAccess(this, id('snapshot_block_public_access'), { provider, state: b.snapshotPublicAccess.state });
    if (b.imagePublicAccess) new Ec2ImageBlockPublicAccess(this, id('image_block_public_access'), { provider, state: 'block-new-sharing' });
    if (b.accessAnalyzer) new AccessanalyzerAnalyzer(this, id('access_analyzer'), { provider, analyzerName: 'account-analyzer', type: 'ACCOUNT' });
  }
}
