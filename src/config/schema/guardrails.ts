import { z } from 'zod';
import { PolicyName } from './common';

/**
 * How organization policies are packed and checked: the limits profile, FullAWSAccess, and the
 * quarantine of new accounts.
 */
export const GuardrailsSection = z
  .strictObject({
    profile: z.enum(['conservative', 'raised']).default('conservative')
      .meta({ description: 'Limits to check SCPs against: conservative (5 per target, 5,120 characters) or raised (10 per target, 10,240; request the quota increase first). @default conservative' }),
    detachFullAWSAccess: z.array(z.string()).default([])
      .meta({ description: 'Targets (Root, an OU path or an account key) where the AWS-managed FullAWSAccess SCP is detached; their own SCPs must then allow what is permitted. @default none' }),
    quarantinePolicy: PolicyName.optional()
      .meta({ description: 'SCP attached automatically to every new account (no `id`) until the account sets `quarantine: false`. @default none' }),
  })
  .meta({ description: 'Packing and limits of organization policies, FullAWSAccess and the quarantine of new accounts.' });

export type GuardrailsConfig = z.infer<typeof GuardrailsSection>;
