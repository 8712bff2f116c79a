import { z } from 'zod';

/**
 * The EC2 settings a declarative policy (DECLARATIVE_POLICY_EC2) can enforce, in org.yaml's own
 * words; each compiles to its attribute of the AWS declarative policy syntax (values keep AWS's
 * spelling). A setting left out is not managed by the policy.
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_declarative_syntax.html
 */
export const Ec2DeclarativeSettings = z
  .strictObject({
    vpcBlockPublicAccess: z
      .strictObject({
        mode: z.enum(['off', 'block_ingress', 'block_bidirectional'])
          .meta({ description: 'off; block_ingress: no inbound internet traffic (NAT and egress-only gateways still work); block_bidirectional: no traffic through internet gateways at all.' }),
        exclusionsAllowed: z.boolean().default(false)
          .meta({ description: 'Whether accounts may exempt one VPC or subnet from the mode. @default false' }),
      })
      .optional()
      .meta({ description: 'VPC Block Public Access: whether VPCs reach the internet through internet gateways (vpc_block_public_access).' }),
    serialConsoleAccess: z.enum(['enabled', 'disabled']).optional()
      .meta({ description: 'Whether the EC2 serial console may be used (serial_console_access).' }),
    imageBlockPublicAccess: z.enum(['unblocked', 'block_new_sharing']).optional()
      .meta({ description: 'Whether AMIs may be shared publicly (image_block_public_access).' }),
    snapshotBlockPublicAccess: z.enum(['unblocked', 'block_new_sharing', 'block_all_sharing']).optional()
      .meta({ description: 'Whether EBS snapshots may be shared publicly; block_all_sharing also makes already public snapshots private (snapshot_block_public_access).' }),
    instanceMetadataDefaults: z
      .strictObject({
        httpTokens: z.enum(['no_preference', 'required', 'optional']).optional().meta({ description: 'required: IMDSv2 only.' }),
        httpPutResponseHopLimit: z.number().int().min(-1).max(64).optional()
          .meta({ description: 'Hops the metadata token may travel, 1-64, or -1 for no preference; use 2 or more for containers on EC2.' }),
        httpEndpoint: z.enum(['no_preference', 'enabled', 'disabled']).optional(),
        instanceMetadataTags: z.enum(['no_preference', 'enabled', 'disabled']).optional(),
      })
      .optional()
      .meta({ description: 'Instance metadata defaults of new instances (instance_metadata_defaults); defaults, not an enforcement of each launch.' }),
    allowedImages: z
      .strictObject({
        state: z.enum(['enabled', 'disabled', 'audit_mode']).meta({ description: 'audit_mode reports images outside the list without blocking them.' }),
        imageProviders: z.array(z.string().regex(/^(?:\d{12}|amazon|aws_marketplace|aws_backup_vault)$/, {
          error: 'an image provider is a 12-digit account id, amazon, aws_marketplace or aws_backup_vault',
        })).min(1).meta({ description: 'Who may provide the images: 12-digit account ids, amazon, aws_marketplace, aws_backup_vault.' }),
      })
      .optional()
      .meta({ description: 'Allowed AMIs: only images of these providers may be discovered and launched (allowed_images_settings).' }),
    exceptionMessage: z.string().min(1).optional()
      .meta({ description: 'The message a noncompliant action fails with, e.g. where to ask for an exception (exception_message).' }),
    allowChildOverrides: z.boolean().default(false)
      .meta({ description: 'Whether policies attached lower in the tree may change these settings (@@operators_allowed_for_child_policies @@all instead of @@none). @default false' }),
  })
  .meta({ description: 'The EC2 settings a DECLARATIVE_POLICY_EC2 enforces, compiled to the AWS declarative policy syntax.' });

export type Ec2DeclarativeSettings = z.infer<typeof Ec2DeclarativeSettings>;
