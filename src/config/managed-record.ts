import { z } from 'zod';
import { error, type Finding } from './diagnostics';
import { LOCK_FILE_NAME, type LockFile } from './lock-file';
import { AccountKey, OuKeyPath, PolicyName } from './schema/common';
import { OU_ID_PATTERN } from './schema/organization';

/**
 * The `managed` section of lz.lock.json: every member account (with its root email, and its id
 * when known) and every OU path that the last `lz synth` handed to Terraform, and the removals and
 * renames decided so far. It is what lets `lz validate` tell a removal or a rename from a new
 * organization.
 */
const AccountId = z.string().regex(/^\d{12}$/);
/** The name part of an account's stacks (`account-<id>`, `access-<id>`, ...), pinned at the account's first synth. */
export const StackId = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/);

/** `ou:<path>` or `account:<key>`: an attachment target that can be released. */
export const ATTACHMENT_TARGET = /^(?:ou:[A-Za-z0-9-]+(?:\/[A-Za-z0-9-]+)*|account:[a-z0-9-]+)$/;

/** Policy keys attached to each OU and account, by `ou:<path>` / `account:<key>`. */
const Attachments = z.record(z.string().regex(ATTACHMENT_TARGET), z.array(PolicyName));

export const ManagedRecordSchema = z.strictObject({
  accounts: z.record(AccountKey, z.strictObject({
    email: z.string(),
    id: AccountId.optional(),
    stack: StackId.optional(),
    /**
     * The account's optional stacks written so far. Kept while the account is managed: an account
     * that loses its last assignment or VPC keeps the stack, which then plans their removal, rather
     * than dropping a state that would leave them in AWS.
     */
    stacks: z.array(z.enum(['access', 'network', 'baseline'])).optional(),
  })),
  managementStacks: z.array(z.enum(['access', 'network', 'baseline'])).optional(),
  organizationalUnits: z.array(OuKeyPath),
  /** The management account's stack id: it is no member account, and its key may change too. */
  managementStack: StackId.optional(),
  /**
   * Ids of OUs adopted by id, current and released, by path: what lets a released OU that org.yaml
   * declares again be imported rather than created a second time.
   */
  organizationalUnitIds: z.record(OuKeyPath, z.string().regex(OU_ID_PATTERN)).optional(),
  /** The policies lz attached to each OU and account at the last synth. */
  attachments: Attachments.optional(),
  /**
   * Confirmed removals, kept after the run that confirmed them: their `removed` blocks must outlive
   * that run (a later synth without the flag, before apply, must not plan a destroy).
   */
  released: z
    .strictObject({
      accounts: z.record(AccountKey, z.strictObject({ id: AccountId.optional(), stack: StackId.optional() })),
      organizationalUnits: z.array(OuKeyPath),
      /**
       * The policies still attached in AWS to released OUs and accounts: their attachments left
       * Terraform's state with them, so such a policy cannot be deleted (PolicyInUseException), and
       * a target declared again has them imported.
       */
      attachments: Attachments.optional(),
    })
    .optional(),
  /** Renames, kept as chains of `moved` blocks once `formerKey` is gone from org.yaml, as Terraform advises. */
  renamed: z
    .strictObject({
      accounts: z.array(z.strictObject({ from: AccountKey, to: AccountKey })),
      organizationalUnits: z.array(z.strictObject({ from: OuKeyPath, to: OuKeyPath })),
    })
    .optional(),
});

export type ManagedRecord = z.infer<typeof ManagedRecordSchema>;

/** Removals and email changes confirmed on the command line (`--allow-removal`, `--accept-email-change`). */
export interface ChangeConfirmations {
  /** Account keys and OU paths that may leave management without an entry in `removed`. */
  readonly allowRemovals: readonly string[];
  /** Account keys whose root email was changed outside Terraform. */
  readonly acceptEmailChanges: readonly string[];
}

export const NO_CONFIRMATIONS: ChangeConfirmations = { allowRemovals: [], acceptEmailChanges: [] };

/** The record of the previous synth; undefined before the first one (nothing is protected yet). */
export function readManagedRecord(lock: LockFile): { record?: ManagedRecord; findings: Finding[] } {
  if (lock.managed === undefined) return { findings: [] };
  const parsed = ManagedRecordSchema.safeParse(lock.managed);
  if (parsed.success) return { record: parsed.data, findings: [] };
  return {
    findings: [
      error('LZ0809', [], `The \`managed\` section of ${LOCK_FILE_NAME} is malformed (${parsed.error.issues[0]?.message ?? 'unknown shape'}).`,
        `Restore ${LOCK_FILE_NAME} from version control; lz writes it and relies on it to protect accounts from removal.`),
    ],
  };
}
