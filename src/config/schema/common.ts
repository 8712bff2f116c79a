import { z } from 'zod';

/**
 * Keys of org.yaml maps become stack names and Terraform addresses, so they are restricted to
 * characters that are safe in both and never change meaning when sanitized.
 */
export const AccountKey = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/, {
    error: 'an account key is 1-50 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. payments-prod)',
  })
  .meta({ description: 'Account key: lowercase letters, digits and hyphens (e.g. payments-prod).' });

/** One path segment of the OU tree (the OU's key under its parent). */
export const OuKey = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/, {
    error: 'an OU key is 1-64 letters, digits and hyphens, starting and ending with a letter or digit (e.g. NonProd); use `name` for a display name with spaces',
  });

const OU_SEGMENT = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?';

/** A path of OU keys (`Workloads/Prod`), where the path itself becomes part of a Terraform address. */
export const OuKeyPath = z.string().regex(new RegExp(`^${OU_SEGMENT}(?:/${OU_SEGMENT})*$`), {
  error: 'an OU path is OU keys joined by "/" (e.g. Workloads/Prod); each key is letters, digits and hyphens',
});

/** `Workloads/Prod`, or `Root` for the organization root. Resolution is checked by a rule. */
export const OuPath = z
  .string()
  .min(1)
  .meta({ description: 'OU path from the root, segments separated by "/" (e.g. Workloads/Prod), or Root.' });

export const PolicyName = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,126}[A-Za-z0-9])?$/, {
    error: 'a policy key is 1-128 letters, digits and hyphens, starting and ending with a letter or digit (e.g. deny-leave-organization)',
  });

export const Tags = z
  .record(z.string(), z.string())
  .meta({ description: 'AWS tags: key (1-128 characters) to value (0-256 characters).' });

const StringOrList = z.union([z.string(), z.array(z.string()).min(1)]);

/** An IAM policy statement, written with AWS's own capitalized keys so examples can be pasted. */
export const PolicyStatement = z
  .strictObject({
    Sid: z.string().optional(),
    Effect: z.enum(['Allow', 'Deny']),
    Principal: z.union([z.literal('*'), z.record(z.string(), StringOrList)]).optional(),
    NotPrincipal: z.record(z.string(), StringOrList).optional(),
    Action: StringOrList.optional(),
    NotAction: StringOrList.optional(),
    Resource: StringOrList.optional(),
    NotResource: StringOrList.optional(),
    Condition: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.boolean(), z.number(), z.array(z.union([z.string(), z.boolean(), z.number()]))]))).optional(),
  })
  .meta({ description: 'An IAM policy statement (Sid, Effect, Action/NotAction, Resource/NotResource, Condition).' });

export type PolicyStatement = z.infer<typeof PolicyStatement>;
