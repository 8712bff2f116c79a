import { z } from 'zod';
import { AccountKey, OuPath, PolicyStatement, Tags } from './common';

/**
 * Keys of permission sets, groups and users become Terraform addresses
 * (`permission_set_<key>`, `assignment_group_<key>__<set>__<account>`), so they admit only
 * letters, digits and hyphens.
 */
export const IdentityKey = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/, {
    error: 'a permission set, group or user key is 1-64 letters, digits and hyphens, starting and ending with a letter or digit (e.g. platform-admins)',
  });

export const CustomerManagedPolicyReference = z
  .strictObject({
    name: z.string().meta({ description: 'Name of the IAM policy; it must exist, with this name and path, in every account the permission set is assigned to.' }),
    path: z.string().default('/').meta({ description: 'IAM path of the policy, e.g. /platform/. @default /' }),
  })
  .meta({ description: 'A customer managed IAM policy, by name and path.' });

export const InlinePolicy = z
  .strictObject({
    statements: z.array(PolicyStatement).min(1).optional().meta({ description: 'IAM statements of the inline policy.' }),
    file: z.string().optional().meta({ description: 'A JSON policy document, relative to org.yaml.' }),
  })
  .meta({ description: 'The one inline policy of the permission set: give `statements` or `file`.' });

export const PermissionsBoundary = z
  .strictObject({
    managedPolicy: z.string().optional().meta({ description: 'An AWS managed policy by name (PowerUserAccess), path and name (job-function/ViewOnlyAccess) or ARN.' }),
    customerManagedPolicy: CustomerManagedPolicyReference.optional(),
  })
  .meta({ description: 'The permissions boundary of the role the permission set creates: give `managedPolicy` or `customerManagedPolicy`.' });

export const PermissionSet = z
  .strictObject({
    name: z.string().optional().meta({ description: 'AWS name of the permission set (1-32 characters of letters, digits and +=,.@_-). @default the permission set key' }),
    description: z.string().optional().meta({ description: 'Shown to users in the AWS access portal (1-700 characters).' }),
    sessionDuration: z.string().optional().meta({ description: 'How long a portal session lasts, ISO 8601 between PT1H and PT12H (e.g. PT4H, PT1H30M). @default PT1H' }),
    relayState: z.string().optional().meta({ description: 'Console URL users land on after sign-in (1-240 characters).' }),
    managedPolicies: z
      .array(z.string())
      .default([])
      .meta({ description: 'AWS managed policies by name (ReadOnlyAccess), path and name (job-function/ViewOnlyAccess) or ARN.' }),
    customerManagedPolicies: z.array(CustomerManagedPolicyReference).default([]).meta({ description: 'Customer managed policies by name and path.' }),
    inlinePolicy: InlinePolicy.optional(),
    permissionsBoundary: PermissionsBoundary.optional(),
    tags: Tags.optional(),
  })
  .meta({ description: 'A permission set: the policies of the role IAM Identity Center creates in each account it is assigned to.' });

export const Group = z
  .strictObject({
    displayName: z.string().optional().meta({ description: 'DisplayName of the group in the identity store, the unique attribute it is looked up by. @default the group key' }),
    create: z.boolean().default(false).meta({ description: 'Create the group in the identity store instead of looking it up. @default false (the group comes from your identity provider)' }),
    description: z.string().optional().meta({ description: 'Description of a created group.' }),
  })
  .meta({ description: 'A group of the identity store.' });

export const User = z
  .strictObject({
    userName: z.string().meta({ description: 'UserName in the identity store, the unique attribute the user is looked up by.' }),
    create: z.boolean().default(false).meta({ description: 'Create the user in the identity store instead of looking it up. @default false' }),
    displayName: z.string().optional().meta({ description: 'Display name of a created user. @default given name and family name' }),
    givenName: z.string().optional().meta({ description: 'Given name of a created user (required with create).' }),
    familyName: z.string().optional().meta({ description: 'Family name of a created user (required with create).' }),
    email: z.string().optional().meta({ description: 'Primary work email of a created user.' }),
  })
  .meta({ description: 'A user of the identity store.' });

export const Assignment = z
  .strictObject({
    group: IdentityKey.optional().meta({ description: 'Key of the group under identityCenter.groups (give group or user).' }),
    user: IdentityKey.optional().meta({ description: 'Key of the user under identityCenter.users (give group or user).' }),
    permissionSets: z.array(IdentityKey).min(1).meta({ description: 'Keys of the permission sets granted.' }),
    ous: z.array(OuPath).default([]).meta({ description: 'OU paths (Workloads/Prod, or Root): every account in them and in OUs nested under them, now and later.' }),
    accounts: z.array(AccountKey).default([]).meta({ description: 'Account keys.' }),
    excludeAccounts: z.array(AccountKey).default([]).meta({ description: 'Account keys left out of the OUs above.' }),
    excludeOus: z.array(OuPath).default([]).meta({ description: 'OU paths whose accounts are left out of the OUs above.' }),
  })
  .meta({ description: 'Grants a group or user some permission sets in some accounts: one assignment per (principal, permission set, account).' });

export const IdentityCenterSection = z
  .strictObject({
    region: z.string().optional().meta({ description: 'Region of the IAM Identity Center instance. @default organization.homeRegion' }),
    delegatedAdministrator: AccountKey.optional().meta({
      description: 'Member account registered as delegated administrator for sso.amazonaws.com; the identity-center stack deploys there. @default - the management account',
    }),
    permissionSetsPerAccountQuota: z
      .number()
      .int()
      .positive()
      .default(500)
      .meta({ description: 'Your quota of permission sets provisioned per account; a warning names each account above it. @default 500 (the AWS default)' }),
    permissionSets: z.record(IdentityKey, PermissionSet).default({}).meta({ description: 'Permission sets by key.' }),
    groups: z.record(IdentityKey, Group).default({}).meta({ description: 'Identity store groups by key.' }),
    users: z.record(IdentityKey, User).default({}).meta({ description: 'Identity store users by key.' }),
    assignments: z.array(Assignment).default([]).meta({ description: 'Who gets which permission sets where.' }),
  })
  .meta({ description: 'IAM Identity Center: permission sets, groups, users and their account assignments.' });

export type IdentityCenterConfig = z.infer<typeof IdentityCenterSection>;
export type PermissionSetConfig = z.infer<typeof PermissionSet>;
export type AssignmentConfig = z.infer<typeof Assignment>;
