import { z } from 'zod';
import { AccountKey, OuKeyPath } from './common';

const Reason = z
  .string()
  .min(1)
  .meta({ description: 'Why it leaves lz\'s management (kept in org.yaml as the review record of the decision).' });

export const RemovedAccount = z
  .strictObject({
    id: z.string().optional().meta({ description: 'The account\'s 12-digit id, when known; checked against lz.lock.json.' }),
    reason: Reason,
  })
  .meta({ description: 'An account that leaves Terraform\'s management without being closed.' });

export const RemovedOrganizationalUnit = z
  .strictObject({ reason: Reason })
  .meta({ description: 'An OU that leaves Terraform\'s management without being deleted.' });

/**
 * The confirmation, written in org.yaml and reviewed in the pull request, that an account or OU
 * recorded in lz.lock.json was removed on purpose. Each entry becomes a Terraform `removed` block
 * with `destroy = false`: the account or OU stays in AWS and only leaves Terraform's state.
 */
export const RemovedSection = z
  .strictObject({
    accounts: z
      .record(AccountKey, RemovedAccount)
      .default({})
      .meta({ description: 'Former account keys to release from management; the accounts are not closed.' }),
    organizationalUnits: z
      .record(OuKeyPath, RemovedOrganizationalUnit)
      .default({})
      .meta({ description: 'Former OU paths (e.g. Workloads/Legacy) to release from management; the OUs are not deleted.' }),
  })
  .meta({ description: 'Accounts and OUs removed from org.yaml on purpose: they leave Terraform\'s state and are never closed or deleted.' });

export type RemovedSection = z.infer<typeof RemovedSection>;
