import type { ApiTarget } from './aws-api-models';

const at = (service: string) => (operation: string, member: string): ApiTarget => ({ service, operation, member });
const config = at('config');
const ec2 = at('ec2');
const iam = at('iam');
const account = at('account');
const s3control = at('s3control');
const analyzer = at('accessanalyzer');

/** The account baseline (baseline-<id> stacks) and the flow logs and default security groups of network-<id>. */
export const BASELINE_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_config_configuration_recorder.name': config('PutConfigurationRecorder', 'ConfigurationRecorder.name'),
  'aws_config_configuration_recorder.role_arn': config('PutConfigurationRecorder', 'ConfigurationRecorder.roleARN'),
  'aws_config_configuration_recorder.recording_group.all_supported': config('PutConfigurationRecorder', 'ConfigurationRecorder.recordingGroup.allSupported'),
  'aws_config_configuration_recorder.recording_group.include_global_resource_types':
    config('PutConfigurationRecorder', 'ConfigurationRecorder.recordingGroup.includeGlobalResourceTypes'),
  'aws_config_delivery_channel.name': config('PutDeliveryChannel', 'DeliveryChannel.name'),
  'aws_config_delivery_channel.s3_bucket_name': config('PutDeliveryChannel', 'DeliveryChannel.s3BucketName'),
  'aws_config_configuration_recorder_status.name': config('StartConfigurationRecorder', 'ConfigurationRecorderName'),
  'aws_iam_service_linked_role.aws_service_name': iam('CreateServiceLinkedRole', 'AWSServiceName'),
  'aws_ebs_default_kms_key.key_arn': ec2('ModifyEbsDefaultKmsKeyId', 'KmsKeyId'),
  'aws_s3_account_public_access_block.block_public_acls': s3control('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.BlockPublicAcls'),
  'aws_s3_account_public_access_block.block_public_policy': s3control('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.BlockPublicPolicy'),
  'aws_s3_account_public_access_block.ignore_public_acls': s3control('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.IgnorePublicAcls'),
  'aws_s3_account_public_access_block.restrict_public_buckets': s3control('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.RestrictPublicBuckets'),
  'aws_iam_account_password_policy.minimum_password_length': iam('UpdateAccountPasswordPolicy', 'MinimumPasswordLength'),
  'aws_iam_account_password_policy.password_reuse_prevention': iam('UpdateAccountPasswordPolicy', 'PasswordReusePrevention'),
  'aws_iam_account_password_policy.require_uppercase_characters': iam('UpdateAccountPasswordPolicy', 'RequireUppercaseCharacters'),
  'aws_iam_account_password_policy.require_lowercase_characters': iam('UpdateAccountPasswordPolicy', 'RequireLowercaseCharacters'),
  'aws_iam_account_password_policy.require_numbers': iam('UpdateAccountPasswordPolicy', 'RequireNumbers'),
  'aws_iam_account_password_policy.require_symbols': iam('UpdateAccountPasswordPolicy', 'RequireSymbols'),
  'aws_iam_account_password_policy.allow_users_to_change_password': iam('UpdateAccountPasswordPolicy', 'AllowUsersToChangePassword'),
  'aws_iam_account_password_policy.max_password_age': iam('UpdateAccountPasswordPolicy', 'MaxPasswordAge'),
  'aws_accessanalyzer_analyzer.analyzer_name': analyzer('CreateAnalyzer', 'analyzerName'),
  'aws_accessanalyzer_analyzer.type': analyzer('CreateAnalyzer', 'type'),
  'aws_account_alternate_contact.alternate_contact_type': account('PutAlternateContact', 'AlternateContactType'),
  'aws_account_alternate_contact.name': account('PutAlternateContact', 'Name'),
  'aws_account_alternate_contact.title': account('PutAlternateContact', 'Title'),
  'aws_account_alternate_contact.email_address': account('PutAlternateContact', 'EmailAddress'),
  'aws_account_alternate_contact.phone_number': account('PutAlternateContact', 'PhoneNumber'),
  'aws_flow_log.vpc_id': ec2('CreateFlowLogs', 'ResourceIds'),
  'aws_flow_log.traffic_type': ec2('CreateFlowLogs', 'TrafficType'),
  'aws_flow_log.log_destination_type': ec2('CreateFlowLogs', 'LogDestinationType'),
  'aws_flow_log.log_destination': ec2('CreateFlowLogs', 'LogDestination'),
  'aws_flow_log.log_format': ec2('CreateFlowLogs', 'LogFormat'),
  'aws_flow_log.max_aggregation_interval': ec2('CreateFlowLogs', 'MaxAggregationInterval'),
  'aws_flow_log.destination_options.file_format': ec2('CreateFlowLogs', 'DestinationOptions.FileFormat'),
  'aws_flow_log.destination_options.hive_compatible_partitions': ec2('CreateFlowLogs', 'DestinationOptions.HiveCompatiblePartitions'),
  'aws_flow_log.destination_options.per_hour_partition': ec2('CreateFlowLogs', 'DestinationOptions.PerHourPartition'),
  'aws_flow_log.tags': ec2('CreateFlowLogs', 'TagSpecifications.Tags'),
  'aws_default_security_group.ingress': ec2('RevokeSecurityGroupIngress', 'IpPermissions'),
  'aws_default_security_group.egress': ec2('RevokeSecurityGroupEgress', 'IpPermissions'),
  'aws_default_security_group.tags': ec2('CreateTags', 'Tags'),
};

/** Baseline arguments whose API members are newer than the committed models (botocore 1.29.27, late 2022). */
export const BASELINE_MODEL_GAPS: Readonly<Record<string, { readonly target: ApiTarget; readonly reason: string }>> = {
  'aws_config_configuration_recorder.recording_mode.recording_frequency': {
    target: config('PutConfigurationRecorder', 'ConfigurationRecorder.recordingMode.recordingFrequency'),
    reason: 'periodic recording (recordingMode) was added in November 2023',
  },
  'aws_ec2_instance_metadata_defaults.http_tokens': {
    target: ec2('ModifyInstanceMetadataDefaults', 'HttpTokens'),
    reason: 'account-level instance metadata defaults were added in March 2024',
  },
  'aws_ec2_instance_metadata_defaults.http_put_response_hop_limit': {
    target: ec2('ModifyInstanceMetadataDefaults', 'HttpPutResponseHopLimit'),
    reason: 'account-level instance metadata defaults were added in March 2024',
  },
  'aws_ebs_snapshot_block_public_access.state': {
    target: ec2('EnableSnapshotBlockPublicAccess', 'State'),
    reason: 'block public access for snapshots was added in November 2023',
  },
  'aws_ec2_image_block_public_access.state': {
    target: ec2('EnableImageBlockPublicAccess', 'ImageBlockPublicAccessState'),
    reason: 'block public access for AMIs was added in December 2023',
  },
};

/** Baseline arguments with no API member of their own. */
export const BASELINE_TERRAFORM_ONLY: Readonly<Record<string, string>> = {
  'aws_config_configuration_recorder_status.is_enabled': 'selects the operation (StartConfigurationRecorder or StopConfigurationRecorder), which carries no value',
  'aws_ebs_encryption_by_default.enabled': 'selects the operation (EnableEbsEncryptionByDefault or DisableEbsEncryptionByDefault), which carries no value',
  'aws_ec2_serial_console_access.enabled': 'selects the operation (EnableSerialConsoleAccess or DisableSerialConsoleAccess), which carries no value',
  'aws_default_security_group.vpc_id': 'finds the VPC\'s default security group (DescribeSecurityGroups filter); the group is never created',
};
