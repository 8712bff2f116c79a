import { z } from 'zod';
import { BaselineSettings } from './baseline';
import { AccountKey, OuKey, OuPath, PolicyName, PolicyStatement, Tags } from './common';
import { Ec2DeclarativeSettings } from './declarative';

export const PolicyType = z.enum(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY', 'AISERVICES_OPT_OUT_POLICY', 'DECLARATIVE_POLICY_EC2']);

export const Partition = z.enum(['aws', 'aws-us-gov', 'aws-cn']);

/**
 * The organization is governed by AWS Control Tower: lz leaves what Control Tower owns alone.
 * @see https://docs.aws.amazon.com/controltower/latest/userguide/orgs-guidance.html
 */
export const ControlTowerSettings = z
  .strictObject({
    enabled: z.boolean().meta({ description: 'Whether AWS Control Tower governs the organization.' }),
    ous: z.array(OuPath).default([])
      .meta({ description: 'OUs registered with Control Tower (nested OUs included): their accounts come from Account Factory and are adopted by id, never created by lz. @default none' }),
    guardrailAttachments: z.record(z.string(), z.number().int().min(0).max(10)).default({})
      .meta({ description: 'Per target (Root, an OU path or an account key), how many aws-guardrails-* SCPs Control Tower has attached there; they count toward the SCP limit per target. `lz import` writes it. @default none' }),
  })
  .meta({ description: 'AWS Control Tower coexistence: its aws-guardrails-* SCPs, OU baselines and AWSControlTowerExecution role are never managed by lz.' });

export const OrganizationSection = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'A short name for the organization, used in resource names and tags.' }),
    id: z.string().optional().meta({ description: 'Existing organization id (o-...). When set, the organization is adopted with an import block.' }),
    partition: Partition.default('aws').meta({ description: 'AWS partition; every ARN the tool writes uses it. @default aws' }),
    homeRegion: z.string().meta({ description: 'Region of the management account\'s stacks and the organization trail.' }),
    allowedRegions: z.array(z.string()).default([]).meta({ description: 'Regions workloads may use. The home region is always allowed.' }),
    managementAccount: AccountKey.meta({ description: 'Key of the management account in `accounts` (it must have an `id`).' }),
    accessRoleName: z
      .string()
      .default('OrganizationAccountAccessRole')
      .meta({ description: 'Role assumed in member accounts. @default OrganizationAccountAccessRole' }),
    serviceAccessPrincipals: z
      .array(z.string())
      .default([])
      .meta({ description: 'Extra AWS service principals to enable organization access for; those the config needs are added automatically.' }),
    policies: z.array(PolicyName).default([]).meta({ description: 'Policies attached to the organization root.' }),
    enabledPolicyTypes: z.array(PolicyType).default([])
      .meta({ description: 'Policy types kept enabled on the root even when org.yaml declares no policy of the type (the types of declared policies are enabled anyway). @default none' }),
    controlTower: ControlTowerSettings.optional(),
  })
  .meta({ description: 'The organization itself.' });

export interface OrganizationalUnitInput {
  name?: string;
  id?: string;
  policies?: string[];
  tags?: Record<string, string>;
  children?: Record<string, OrganizationalUnitInput>;
  formerKey?: string;
  baseline?: z.input<typeof BaselineSettings>;
}

/**
 * `ou-<root part>-<OU part>`: the root part is 4-32 and the OU part 8-32 lowercase letters or digits.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_OrganizationalUnit.html
 */
export const OU_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

export const OrganizationalUnit: z.ZodType<OrganizationalUnitInput> = z.lazy(() =>
  z
    .strictObject({
      name: z.string().optional().meta({ description: 'AWS name of the OU. @default the OU key' }),
      id: z
        .string()
        .regex(OU_ID_PATTERN, {
          error: 'an OU id is "ou-", 4-32 lowercase letters or digits, "-" and 8-32 more (e.g. ou-ab12-cdef3456); copy it from `aws organizations list-organizational-units-for-parent`',
        })
        .optional()
        .meta({ description: 'Existing OU id (ou-...). The OU is adopted with an import block instead of created; its parent in AWS must be the parent it has here.' }),
      policies: z.array(PolicyName).optional().meta({ description: 'Policies attached to this OU.' }),
      tags: Tags.optional(),
      children: z.record(OuKey, OrganizationalUnit).optional().meta({ description: 'Child OUs by key.' }),
      formerKey: OuKey.optional().meta({
        description: 'The key this OU had before a rename under the same parent; lz emits `moved` blocks so the plan shows no destroy/create.',
      }),
      baseline: BaselineSettings.optional().meta({ description: 'Baseline overrides for the accounts in this OU and its children.' }),
    })
    .meta({ id: 'OrganizationalUnit', description: 'An organizational unit.' }),
);

export const Account = z
  .strictObject({
    name: z.string().meta({ description: 'AWS account name (1-50 printable ASCII characters).' }),
    email: z.string().meta({ description: 'Root user email; unique across AWS. Changing it forces replacement, so the tool refuses it.' }),
    ou: OuPath.meta({ description: 'OU path the account belongs to (e.g. Workloads/Prod), or Root.' }),
    id: z.string().optional().meta({ description: 'Existing 12-digit account id. The account is adopted with an import block instead of created.' }),
    iamUserAccessToBilling: z.enum(['ALLOW', 'DENY']).default('ALLOW').meta({ description: 'Whether IAM users may see billing. @default ALLOW' }),
    policies: z.array(PolicyName).optional().meta({ description: 'Policies attached directly to this account.' }),
    quarantine: z.boolean().optional()
      .meta({ description: 'Whether guardrails.quarantinePolicy is attached. @default true for accounts without `id` (new accounts), false otherwise' }),
    tags: Tags.optional(),
    formerKey: AccountKey.optional().meta({
      description: 'The key this account had before a rename; lz emits `moved` blocks so the plan shows no destroy/create.',
    }),
    baseline: BaselineSettings.optional().meta({ description: 'Baseline overrides for this account, over those of its OUs.' }),
  })
  .meta({ description: 'An AWS account in the organization.' });

export const Policy = z
  .strictObject({
    type: PolicyType.default('SERVICE_CONTROL_POLICY').meta({ description: 'Organization policy type. @default SERVICE_CONTROL_POLICY' }),
    name: z.string().min(1).max(128).optional().meta({ description: 'AWS name of the policy (1-128 characters of letters, digits and +=,.@_-); a split policy adds -part<N> from its second part. @default the policy key' }),
    description: z.string().optional(),
    statements: z.array(PolicyStatement).min(1).optional().meta({ description: 'Inline IAM statements.' }),
    file: z.string().optional().meta({ description: 'A JSON policy document with a Statement list, relative to org.yaml (SCPs and RCPs).' }),
    guardrail: z.string().optional().meta({ description: 'A guardrail of the catalog (see the README), instead of statements or a file.' }),
    parameters: z.record(z.string(), z.unknown()).optional().meta({ description: 'Parameters of the guardrail; each guardrail has its own strict set.' }),
    guardrails: z.record(z.string(), z.record(z.string(), z.unknown()).nullable()).optional()
      .meta({ description: 'Several catalog guardrails in one policy (one attachment), by name, each with its parameters (or {}).' }),
    content: z.record(z.string(), z.unknown()).optional()
      .meta({ description: 'The document of a tag, backup, AI-services opt-out or declarative policy, in that policy type\'s own syntax.' }),
    ec2: Ec2DeclarativeSettings.optional()
      .meta({ description: 'The settings of a DECLARATIVE_POLICY_EC2 in structured form, instead of `content`.' }),
    tags: Tags.optional(),
  })
  .meta({ description: 'An organization policy; give exactly one of `statements`, `file`, `guardrail`, `guardrails`, `content` or `ec2`.' });

export const DelegatedAdministrators = z
  .record(z.string(), AccountKey)
  .meta({ description: 'Service principal (e.g. guardduty.amazonaws.com) to the key of its delegated administrator account.' });

export type OrganizationSection = z.infer<typeof OrganizationSection>;
export type AccountConfig = z.infer<typeof Account>;
export type PolicyConfig = z.infer<typeof Policy>;
