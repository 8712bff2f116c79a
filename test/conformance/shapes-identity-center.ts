import type { ApiTarget } from './aws-api-models';

const sso = (operation: string, member: string): ApiTarget => ({ service: 'sso-admin', operation, member });
const ids = (operation: string, member: string): ApiTarget => ({ service: 'identitystore', operation, member });

/**
 * IAM Identity Center (SSO Admin) and Identity Store arguments, as terraform-provider-aws sends them.
 * Nested blocks map attribute by attribute (`<type>.<block>.<attribute>`); `data.` prefixes data sources.
 */
export const IDENTITY_CENTER_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_ssoadmin_permission_set.name': sso('CreatePermissionSet', 'Name'),
  'aws_ssoadmin_permission_set.description': sso('CreatePermissionSet', 'Description'),
  'aws_ssoadmin_permission_set.instance_arn': sso('CreatePermissionSet', 'InstanceArn'),
  'aws_ssoadmin_permission_set.session_duration': sso('CreatePermissionSet', 'SessionDuration'),
  'aws_ssoadmin_permission_set.relay_state': sso('CreatePermissionSet', 'RelayState'),
  'aws_ssoadmin_permission_set.tags': sso('CreatePermissionSet', 'Tags'),

  'aws_ssoadmin_managed_policy_attachment.instance_arn': sso('AttachManagedPolicyToPermissionSet', 'InstanceArn'),
  'aws_ssoadmin_managed_policy_attachment.permission_set_arn': sso('AttachManagedPolicyToPermissionSet', 'PermissionSetArn'),
  'aws_ssoadmin_managed_policy_attachment.managed_policy_arn': sso('AttachManagedPolicyToPermissionSet', 'ManagedPolicyArn'),

  'aws_ssoadmin_customer_managed_policy_attachment.instance_arn': sso('AttachCustomerManagedPolicyReferenceToPermissionSet', 'InstanceArn'),
  'aws_ssoadmin_customer_managed_policy_attachment.permission_set_arn': sso('AttachCustomerManagedPolicyReferenceToPermissionSet', 'PermissionSetArn'),
  'aws_ssoadmin_customer_managed_policy_attachment.customer_managed_policy_reference.name': sso('AttachCustomerManagedPolicyReferenceToPermissionSet', 'CustomerManagedPolicyReference.Name'),
  'aws_ssoadmin_customer_managed_policy_attachment.customer_managed_policy_reference.path': sso('AttachCustomerManagedPolicyReferenceToPermissionSet', 'CustomerManagedPolicyReference.Path'),

  'aws_ssoadmin_permission_set_inline_policy.instance_arn': sso('PutInlinePolicyToPermissionSet', 'InstanceArn'),
  'aws_ssoadmin_permission_set_inline_policy.permission_set_arn': sso('PutInlinePolicyToPermissionSet', 'PermissionSetArn'),
  'aws_ssoadmin_permission_set_inline_policy.inline_policy': sso('PutInlinePolicyToPermissionSet', 'InlinePolicy'),

  'aws_ssoadmin_permissions_boundary_attachment.instance_arn': sso('PutPermissionsBoundaryToPermissionSet', 'InstanceArn'),
  'aws_ssoadmin_permissions_boundary_attachment.permission_set_arn': sso('PutPermissionsBoundaryToPermissionSet', 'PermissionSetArn'),
  'aws_ssoadmin_permissions_boundary_attachment.permissions_boundary.managed_policy_arn': sso('PutPermissionsBoundaryToPermissionSet', 'PermissionsBoundary.ManagedPolicyArn'),
  'aws_ssoadmin_permissions_boundary_attachment.permissions_boundary.customer_managed_policy_reference.name':
    sso('PutPermissionsBoundaryToPermissionSet', 'PermissionsBoundary.CustomerManagedPolicyReference.Name'),
  'aws_ssoadmin_permissions_boundary_attachment.permissions_boundary.customer_managed_policy_reference.path':
    sso('PutPermissionsBoundaryToPermissionSet', 'PermissionsBoundary.CustomerManagedPolicyReference.Path'),

  'aws_ssoadmin_account_assignment.instance_arn': sso('CreateAccountAssignment', 'InstanceArn'),
  'aws_ssoadmin_account_assignment.permission_set_arn': sso('CreateAccountAssignment', 'PermissionSetArn'),
  'aws_ssoadmin_account_assignment.principal_id': sso('CreateAccountAssignment', 'PrincipalId'),
  'aws_ssoadmin_account_assignment.principal_type': sso('CreateAccountAssignment', 'PrincipalType'),
  'aws_ssoadmin_account_assignment.target_id': sso('CreateAccountAssignment', 'TargetId'),
  'aws_ssoadmin_account_assignment.target_type': sso('CreateAccountAssignment', 'TargetType'),

  'aws_identitystore_group.identity_store_id': ids('CreateGroup', 'IdentityStoreId'),
  'aws_identitystore_group.display_name': ids('CreateGroup', 'DisplayName'),
  'aws_identitystore_group.description': ids('CreateGroup', 'Description'),

  'aws_identitystore_user.identity_store_id': ids('CreateUser', 'IdentityStoreId'),
  'aws_identitystore_user.user_name': ids('CreateUser', 'UserName'),
  'aws_identitystore_user.display_name': ids('CreateUser', 'DisplayName'),
  'aws_identitystore_user.name.family_name': ids('CreateUser', 'Name.FamilyName'),
  'aws_identitystore_user.name.given_name': ids('CreateUser', 'Name.GivenName'),
  'aws_identitystore_user.name.middle_name': ids('CreateUser', 'Name.MiddleName'),
  'aws_identitystore_user.name.formatted': ids('CreateUser', 'Name.Formatted'),
  'aws_identitystore_user.emails.value': ids('CreateUser', 'Emails.Value'),
  'aws_identitystore_user.emails.type': ids('CreateUser', 'Emails.Type'),
  'aws_identitystore_user.emails.primary': ids('CreateUser', 'Emails.Primary'),

  'aws_identitystore_group_membership.identity_store_id': ids('CreateGroupMembership', 'IdentityStoreId'),
  'aws_identitystore_group_membership.group_id': ids('CreateGroupMembership', 'GroupId'),
  'aws_identitystore_group_membership.member_id': ids('CreateGroupMembership', 'MemberId.UserId'),

  'data.aws_identitystore_group.identity_store_id': ids('GetGroupId', 'IdentityStoreId'),
  'data.aws_identitystore_group.alternate_identifier.unique_attribute.attribute_path': ids('GetGroupId', 'AlternateIdentifier.UniqueAttribute.AttributePath'),
  'data.aws_identitystore_group.alternate_identifier.unique_attribute.attribute_value': ids('GetGroupId', 'AlternateIdentifier.UniqueAttribute.AttributeValue'),
  'data.aws_identitystore_group.alternate_identifier.external_id.id': ids('GetGroupId', 'AlternateIdentifier.ExternalId.Id'),
  'data.aws_identitystore_group.alternate_identifier.external_id.issuer': ids('GetGroupId', 'AlternateIdentifier.ExternalId.Issuer'),
  'data.aws_identitystore_user.identity_store_id': ids('GetUserId', 'IdentityStoreId'),
  'data.aws_identitystore_user.alternate_identifier.unique_attribute.attribute_path': ids('GetUserId', 'AlternateIdentifier.UniqueAttribute.AttributePath'),
  'data.aws_identitystore_user.alternate_identifier.unique_attribute.attribute_value': ids('GetUserId', 'AlternateIdentifier.UniqueAttribute.AttributeValue'),
  'data.aws_identitystore_user.alternate_identifier.external_id.id': ids('GetUserId', 'AlternateIdentifier.ExternalId.Id'),
  'data.aws_identitystore_user.alternate_identifier.external_id.issuer': ids('GetUserId', 'AlternateIdentifier.ExternalId.Issuer'),
};
