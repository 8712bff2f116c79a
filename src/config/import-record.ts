import { z } from 'zod';
import { error, type Finding } from './diagnostics';
import { LOCK_FILE_NAME, type LockFile } from './lock-file';

/** The section of lz.lock.json that `lz import` writes. */
export const IMPORTS_SECTION = 'imports';

/**
 * Import ids of resources that existed before lz managed them, by `<resource type>.<address>`
 * (`aws_organizations_policy.policy_deny-leave`) for organization-wide stacks, and by
 * `<stack>:<resource type>.<address>` for what lives in an account's own stack, where addresses
 * do not name the account (`access-payments-prod:aws_ssoadmin_account_assignment.assignment_group_dev__ReadOnly`):
 * the ids of attachments, permission sets and assignments, which org.yaml has no key for. Each
 * synthesized resource with an entry gets an import block; once applied, the block is a no-op.
 */
const ImportRecordSchema = z.record(z.string().regex(/^(?:[a-z0-9][a-z0-9-]*:)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+$/), z.string().min(1));

export type ImportRecord = ReadonlyMap<string, string>;

export function readImportRecord(lock: LockFile): { record: ImportRecord; findings: Finding[] } {
  const section = lock[IMPORTS_SECTION];
  if (section === undefined) return { record: new Map(), findings: [] };
  const parsed = ImportRecordSchema.safeParse(section);
  if (parsed.success) return { record: new Map(Object.entries(parsed.data)), findings: [] };
  const issue = parsed.error.issues[0];
  return {
    record: new Map(),
    findings: [
      error('LZ0813', [], `The \`${IMPORTS_SECTION}\` section of ${LOCK_FILE_NAME} is malformed at ${(issue?.path ?? []).join('.') || 'its top level'} (${issue?.message ?? 'unknown shape'}).`,
        `Restore ${LOCK_FILE_NAME} from version control, or run \`lz import\` again; the section maps <resource type>.<address> to the id Terraform imports.`),
    ],
  };
}

/** The key of a resource in the record; with `stack` for a resource of a per-account stack. */
export function importKey(resourceType: string, address: string, stack?: string): string {
  return `${stack === undefined ? '' : `${stack}:`}${resourceType}.${address}`;
}
