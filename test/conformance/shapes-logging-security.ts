import type { ApiTarget } from './aws-api-models';

const at = (service: string) => (operation: string, member: string): ApiTarget => ({ service, operation, member });
const s3 = at('s3');
const kms = at('kms');
const trail = at('cloudtrail');
const iam = at('iam');
const hub = at('securityhub');

const LIFECYCLE = 'LifecycleConfiguration.Rules';
const ENCRYPTION = 'ServerSideEncryptionConfiguration.Rules';

/** Log archive, organization trail, security tooling and delegated-administrator arguments. */
export const LOGGING_SECURITY_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_kms_key.description': kms('CreateKey', 'Description'),
  'aws_kms_key.policy': kms('CreateKey', 'Policy'),
  'aws_kms_key.tags': kms('CreateKey', 'Tags'),
  // Sent when the key is destroyed.
  'aws_kms_key.deletion_window_in_days': kms('ScheduleKeyDeletion', 'PendingWindowInDays'),
  'aws_kms_alias.name': kms('CreateAlias', 'AliasName'),
  'aws_kms_alias.target_key_id': kms('CreateAlias', 'TargetKeyId'),

  'aws_s3_bucket.bucket': s3('CreateBucket', 'Bucket'),
  'aws_s3_bucket.object_lock_enabled': s3('CreateBucket', 'ObjectLockEnabledForBucket'),
  'aws_s3_bucket.tags': s3('PutBucketTagging', 'Tagging.TagSet'),
  'aws_s3_bucket_versioning.bucket': s3('PutBucketVersioning', 'Bucket'),
  'aws_s3_bucket_versioning.versioning_configuration.status': s3('PutBucketVersioning', 'VersioningConfiguration.Status'),
  'aws_s3_bucket_versioning.versioning_configuration.mfa_delete': s3('PutBucketVersioning', 'VersioningConfiguration.MFADelete'),
  'aws_s3_bucket_object_lock_configuration.bucket': s3('PutObjectLockConfiguration', 'Bucket'),
  'aws_s3_bucket_object_lock_configuration.object_lock_enabled': s3('PutObjectLockConfiguration', 'ObjectLockConfiguration.ObjectLockEnabled'),
  'aws_s3_bucket_object_lock_configuration.rule.default_retention.mode': s3('PutObjectLockConfiguration', 'ObjectLockConfiguration.Rule.DefaultRetention.Mode'),
  'aws_s3_bucket_object_lock_configuration.rule.default_retention.days': s3('PutObjectLockConfiguration', 'ObjectLockConfiguration.Rule.DefaultRetention.Days'),
  'aws_s3_bucket_object_lock_configuration.rule.default_retention.years': s3('PutObjectLockConfiguration', 'ObjectLockConfiguration.Rule.DefaultRetention.Years'),
  'aws_s3_bucket_ownership_controls.bucket': s3('PutBucketOwnershipControls', 'Bucket'),
  'aws_s3_bucket_ownership_controls.rule.object_ownership': s3('PutBucketOwnershipControls', 'OwnershipControls.Rules.ObjectOwnership'),
  'aws_s3_bucket_policy.bucket': s3('PutBucketPolicy', 'Bucket'),
  'aws_s3_bucket_policy.policy': s3('PutBucketPolicy', 'Policy'),
  'aws_s3_bucket_public_access_block.bucket': s3('PutPublicAccessBlock', 'Bucket'),
  'aws_s3_bucket_public_access_block.block_public_acls': s3('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.BlockPublicAcls'),
  'aws_s3_bucket_public_access_block.block_public_policy': s3('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.BlockPublicPolicy'),
  'aws_s3_bucket_public_access_block.ignore_public_acls': s3('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.IgnorePublicAcls'),
  'aws_s3_bucket_public_access_block.restrict_public_buckets': s3('PutPublicAccessBlock', 'PublicAccessBlockConfiguration.RestrictPublicBuckets'),
  'aws_s3_bucket_server_side_encryption_configuration.bucket': s3('PutBucketEncryption', 'Bucket'),
  'aws_s3_bucket_server_side_encryption_configuration.rule.bucket_key_enabled': s3('PutBucketEncryption', `${ENCRYPTION}.BucketKeyEnabled`),
  'aws_s3_bucket_server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm':
    s3('PutBucketEncryption', `${ENCRYPTION}.ApplyServerSideEncryptionByDefault.SSEAlgorithm`),
  'aws_s3_bucket_server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id':
    s3('PutBucketEncryption', `${ENCRYPTION}.ApplyServerSideEncryptionByDefault.KMSMasterKeyID`),
  'aws_s3_bucket_lifecycle_configuration.bucket': s3('PutBucketLifecycleConfiguration', 'Bucket'),
  'aws_s3_bucket_lifecycle_configuration.rule.id': s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.ID`),
  'aws_s3_bucket_lifecycle_configuration.rule.status': s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.Status`),
  'aws_s3_bucket_lifecycle_configuration.rule.filter.prefix': s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.Filter.Prefix`),
  'aws_s3_bucket_lifecycle_configuration.rule.expiration.days': s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.Expiration.Days`),
  'aws_s3_bucket_lifecycle_configuration.rule.transition.days': s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.Transitions.Days`),
  'aws_s3_bucket_lifecycle_configuration.rule.transition.storage_class': s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.Transitions.StorageClass`),
  'aws_s3_bucket_lifecycle_configuration.rule.noncurrent_version_expiration.noncurrent_days':
    s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.NoncurrentVersionExpiration.NoncurrentDays`),
  'aws_s3_bucket_lifecycle_configuration.rule.noncurrent_version_transition.noncurrent_days':
    s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.NoncurrentVersionTransitions.NoncurrentDays`),
  'aws_s3_bucket_lifecycle_configuration.rule.noncurrent_version_transition.storage_class':
    s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.NoncurrentVersionTransitions.StorageClass`),
  'aws_s3_bucket_lifecycle_configuration.rule.abort_incomplete_multipart_upload.days_after_initiation':
    s3('PutBucketLifecycleConfiguration', `${LIFECYCLE}.AbortIncompleteMultipartUpload.DaysAfterInitiation`),
  'aws_s3_bucket_logging.bucket': s3('PutBucketLogging', 'Bucket'),
  'aws_s3_bucket_logging.target_bucket': s3('PutBucketLogging', 'BucketLoggingStatus.LoggingEnabled.TargetBucket'),
  'aws_s3_bucket_logging.target_prefix': s3('PutBucketLogging', 'BucketLoggingStatus.LoggingEnabled.TargetPrefix'),

  'aws_cloudtrail.name': trail('CreateTrail', 'Name'),
  'aws_cloudtrail.s3_bucket_name': trail('CreateTrail', 'S3BucketName'),
  'aws_cloudtrail.s3_key_prefix': trail('CreateTrail', 'S3KeyPrefix'),
  'aws_cloudtrail.kms_key_id': trail('CreateTrail', 'KmsKeyId'),
  'aws_cloudtrail.include_global_service_events': trail('CreateTrail', 'IncludeGlobalServiceEvents'),
  'aws_cloudtrail.is_multi_region_trail': trail('CreateTrail', 'IsMultiRegionTrail'),
  'aws_cloudtrail.is_organization_trail': trail('CreateTrail', 'IsOrganizationTrail'),
  'aws_cloudtrail.enable_log_file_validation': trail('CreateTrail', 'EnableLogFileValidation'),
  'aws_cloudtrail.tags': trail('CreateTrail', 'TagsList'),
  'aws_cloudtrail.cloud_watch_logs_group_arn': trail('CreateTrail', 'CloudWatchLogsLogGroupArn'),
  'aws_cloudtrail.cloud_watch_logs_role_arn': trail('CreateTrail', 'CloudWatchLogsRoleArn'),
  'aws_cloudwatch_log_group.name': at('logs')('CreateLogGroup', 'logGroupName'),
  'aws_cloudwatch_log_group.kms_key_id': at('logs')('CreateLogGroup', 'kmsKeyId'),
  'aws_cloudwatch_log_group.retention_in_days': at('logs')('PutRetentionPolicy', 'retentionInDays'),
  'aws_iam_role_policy.role': iam('PutRolePolicy', 'RoleName'),
  'aws_iam_role_policy.name': iam('PutRolePolicy', 'PolicyName'),
  'aws_iam_role_policy.policy': iam('PutRolePolicy', 'PolicyDocument'),

  'aws_iam_role.name': iam('CreateRole', 'RoleName'),
  'aws_iam_role.description': iam('CreateRole', 'Description'),
  'aws_iam_role.assume_role_policy': iam('CreateRole', 'AssumeRolePolicyDocument'),
  'aws_iam_role.path': iam('CreateRole', 'Path'),
  'aws_iam_role.max_session_duration': iam('CreateRole', 'MaxSessionDuration'),
  'aws_iam_role.tags': iam('CreateRole', 'Tags'),
  'aws_iam_role_policy_attachment.role': iam('AttachRolePolicy', 'RoleName'),
  'aws_iam_role_policy_attachment.policy_arn': iam('AttachRolePolicy', 'PolicyArn'),
  'aws_iam_openid_connect_provider.url': iam('CreateOpenIDConnectProvider', 'Url'),
  'aws_iam_openid_connect_provider.client_id_list': iam('CreateOpenIDConnectProvider', 'ClientIDList'),
  'aws_iam_openid_connect_provider.thumbprint_list': iam('CreateOpenIDConnectProvider', 'ThumbprintList'),
  'aws_iam_openid_connect_provider.tags': iam('CreateOpenIDConnectProvider', 'Tags'),

  'aws_guardduty_organization_admin_account.admin_account_id': at('guardduty')('EnableOrganizationAdminAccount', 'AdminAccountId'),
  'aws_guardduty_organization_configuration.detector_id': at('guardduty')('UpdateOrganizationConfiguration', 'DetectorId'),
  'aws_guardduty_organization_configuration_feature.detector_id': at('guardduty')('UpdateOrganizationConfiguration', 'DetectorId'),
  'aws_guardduty_detector_feature.detector_id': at('guardduty')('UpdateDetector', 'DetectorId'),
  'aws_securityhub_organization_admin_account.admin_account_id': hub('EnableOrganizationAdminAccount', 'AdminAccountId'),
  'aws_securityhub_account.enable_default_standards': hub('EnableSecurityHub', 'EnableDefaultStandards'),
  'aws_securityhub_account.auto_enable_controls': hub('UpdateSecurityHubConfiguration', 'AutoEnableControls'),
  // Security Hub is imported by the account id of the account it is enabled in.
  'aws_securityhub_account.<import id>': { service: 'organizations', shape: 'AccountId' },
  'aws_securityhub_organization_configuration.auto_enable': hub('UpdateOrganizationConfiguration', 'AutoEnable'),
  'aws_securityhub_organization_configuration.auto_enable_standards': hub('UpdateOrganizationConfiguration', 'AutoEnableStandards'),
  'aws_securityhub_standards_subscription.standards_arn': hub('BatchEnableStandards', 'StandardsSubscriptionRequests.StandardsArn'),
  'aws_securityhub_finding_aggregator.linking_mode': hub('CreateFindingAggregator', 'RegionLinkingMode'),
  'aws_securityhub_finding_aggregator.specified_regions': hub('CreateFindingAggregator', 'Regions'),
  'aws_accessanalyzer_analyzer.analyzer_name': at('accessanalyzer')('CreateAnalyzer', 'analyzerName'),
  'aws_accessanalyzer_analyzer.type': at('accessanalyzer')('CreateAnalyzer', 'type'),
  'aws_accessanalyzer_analyzer.tags': at('accessanalyzer')('CreateAnalyzer', 'tags'),
  'aws_config_configuration_aggregator.name': at('config')('PutConfigurationAggregator', 'ConfigurationAggregatorName'),
  'aws_config_configuration_aggregator.tags': at('config')('PutConfigurationAggregator', 'Tags'),
  'aws_config_configuration_aggregator.organization_aggregation_source.role_arn': at('config')('PutConfigurationAggregator', 'OrganizationAggregationSource.RoleArn'),
  'aws_config_configuration_aggregator.organization_aggregation_source.all_regions':
    at('config')('PutConfigurationAggregator', 'OrganizationAggregationSource.AllAwsRegions'),
  'aws_config_configuration_aggregator.organization_aggregation_source.regions': at('config')('PutConfigurationAggregator', 'OrganizationAggregationSource.AwsRegions'),
  'aws_inspector2_enabler.account_ids': at('inspector2')('Enable', 'accountIds'),
  'aws_inspector2_enabler.resource_types': at('inspector2')('Enable', 'resourceTypes'),
  'aws_inspector2_delegated_admin_account.account_id': at('inspector2')('EnableDelegatedAdminAccount', 'delegatedAdminAccountId'),
  'aws_inspector2_organization_configuration.auto_enable.ec2': at('inspector2')('UpdateOrganizationConfiguration', 'autoEnable.ec2'),
  'aws_inspector2_organization_configuration.auto_enable.ecr': at('inspector2')('UpdateOrganizationConfiguration', 'autoEnable.ecr'),
  'aws_inspector2_organization_configuration.auto_enable.lambda': at('inspector2')('UpdateOrganizationConfiguration', 'autoEnable.lambda'),
  'aws_macie2_organization_admin_account.admin_account_id': at('macie2')('EnableOrganizationAdminAccount', 'adminAccountId'),
  'aws_macie2_account.status': at('macie2')('EnableMacie', 'status'),
  'aws_macie2_account.finding_publishing_frequency': at('macie2')('EnableMacie', 'findingPublishingFrequency'),
  'aws_macie2_organization_configuration.auto_enable': at('macie2')('UpdateOrganizationConfiguration', 'autoEnable'),
  'aws_detective_graph.tags': at('detective')('CreateGraph', 'Tags'),
  'aws_detective_organization_admin_account.account_id': at('detective')('EnableOrganizationAdminAccount', 'AccountId'),
  'aws_detective_organization_configuration.graph_arn': at('detective')('UpdateOrganizationConfiguration', 'GraphArn'),
  'aws_detective_organization_configuration.auto_enable': at('detective')('UpdateOrganizationConfiguration', 'AutoEnable'),
};

const POLICY = 'ConfigurationPolicy.SecurityHub';
const central = (member: string, operation = 'CreateConfigurationPolicy') => ({
  target: hub(operation, member),
  reason: 'central configuration (configuration policies and their associations) was added in November 2023',
});

/** Security Hub central configuration: its operations are newer than the committed models. */
export const LOGGING_SECURITY_MODEL_GAPS: Readonly<Record<string, { readonly target: ApiTarget; readonly reason: string }>> = {
  'aws_securityhub_configuration_policy.name': central('Name'),
  'aws_securityhub_configuration_policy.description': central('Description'),
  'aws_securityhub_configuration_policy.configuration_policy.service_enabled': central(`${POLICY}.ServiceEnabled`),
  'aws_securityhub_configuration_policy.configuration_policy.enabled_standard_arns': central(`${POLICY}.EnabledStandardIdentifiers`),
  'aws_securityhub_configuration_policy.configuration_policy.security_controls_configuration.disabled_control_identifiers':
    central(`${POLICY}.SecurityControlsConfiguration.DisabledSecurityControlIdentifiers`),
  'aws_securityhub_configuration_policy_association.policy_id': central('ConfigurationPolicyIdentifier', 'StartConfigurationPolicyAssociation'),
  // Target is a union: RootId, OrganizationalUnitId or AccountId, as the target is.
  'aws_securityhub_configuration_policy_association.target_id': central('Target', 'StartConfigurationPolicyAssociation'),
};
