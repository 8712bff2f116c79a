import { z } from 'zod';
import { AccountKey } from './common';

/** A Security Hub control id as AWS writes it (`Config.1`, `EC2.21`); which ids exist is checked by rule LZ1101. */
const ControlId = z
  .string()
  .regex(/^[A-Za-z0-9]+\.[0-9]+$/)
  .meta({ description: 'A Security Hub control id, e.g. `Config.1` (see docs/guides/audit.md for the controls lz audit checks).' });

const AuditException = z
  .strictObject({
    reason: z.string().min(1).meta({ description: 'Why the control may fail, kept in org.yaml as the review record of the decision.' }),
    accounts: z
      .array(AccountKey)
      .min(1)
      .optional()
      .meta({ description: 'The accounts the exception covers. @default - every account and resource the control judges' }),
  })
  .meta({ description: 'An accepted failure of one control: reported, but it does not fail `lz audit`.' });

/**
 * What `lz audit` holds the landing zone to. Without this section the audit only reports and
 * exits 0; with it, a required control that is not satisfied (outside its exceptions) exits 1.
 */
export const AuditSection = z
  .strictObject({
    required: z
      .union([z.literal('all'), z.array(ControlId)])
      .meta({ description: '`all` (every control lz audit checks), or the ids of the controls that must be satisfied.' }),
    exceptions: z
      .record(ControlId, AuditException)
      .default({})
      .meta({ description: 'Accepted failures by control id.' }),
  })
  .meta({ description: 'The Security Hub controls `lz audit` requires the synthesized landing zone to satisfy.' });
