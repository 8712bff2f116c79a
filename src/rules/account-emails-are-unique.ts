import { error, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import type { OrgConfig } from '../config/schema';
import { sortedEntries, type Rule } from './rule';

const normalize = (email: string) => email.trim().toLowerCase();

/**
 * A plus-tagged variant of `email` for `key` that no account uses, in org.yaml or in the record:
 * `ops+team@example.com` becomes `ops+<key>@example.com` (or `ops+<key>-2@...` when taken).
 */
export function freeAddress(email: string, key: string, taken: ReadonlySet<string>): string {
  const at = email.lastIndexOf('@');
  const domain = at > 0 ? email.slice(at + 1) : 'example.com';
  const base = (at > 0 ? email.slice(0, at) : 'aws').split('+')[0] || 'aws';
  for (let n = 1; ; n++) {
    const candidate = `${base}+${key}${n === 1 ? '' : `-${n}`}@${domain}`;
    if (!taken.has(normalize(candidate))) return candidate;
  }
}

/**
 * AWS requires a distinct root email per account; the second CreateAccount would fail at apply.
 * Of two accounts with one address, the one that already has it (in the record, or in AWS as an
 * adopted account) keeps it, and the one that was added or changed is reported.
 */
export const accountEmailsAreUnique: Rule = {
  code: 'LZ0102',
  name: 'account-emails-are-unique',
  check({ config, previousLock }) {
    const { record } = readManagedRecord(previousLock);
    const recordedEmail = (key: string): string | undefined => {
      const account = config.accounts[key]!;
      const entry = record?.accounts[key] ?? (account.formerKey !== undefined ? record?.accounts[account.formerKey] : undefined);
      return entry === undefined ? undefined : normalize(entry.email);
    };
    const taken = takenAddresses(config, record === undefined ? [] : Object.values(record.accounts).map((a) => a.email));
    const byEmail = new Map<string, string[]>();
    for (const [key, account] of sortedEntries(config.accounts)) byEmail.set(normalize(account.email), [...(byEmail.get(normalize(account.email)) ?? []), key]);
    const findings: Finding[] = [];
    for (const [email, keys] of byEmail) {
      if (keys.length < 2) continue;
      // The holder: the account the record lists with this address, else one that exists in AWS
      // (it has an id), else the first key in order. The others were added or changed.
      const holder = keys.find((k) => recordedEmail(k) === email) ?? keys.find((k) => config.accounts[k]!.id !== undefined) ?? keys[0]!;
      for (const key of keys.filter((k) => k !== holder)) {
        const given = config.accounts[key]!.email;
        const suggestion = freeAddress(given, key, taken);
        taken.add(normalize(suggestion));
        const since = recordedEmail(holder) === email ? ` (recorded in ${LOCK_FILE_NAME})` : '';
        findings.push(error(this.code, ['accounts', key, 'email'], `The email "${given}" is already the root email of account \`${holder}\`${since}; AWS requires one per account.`,
          `Give \`${key}\` an address of its own that no account uses, e.g. ${suggestion}.`));
      }
    }
    return findings;
  },
};

function takenAddresses(config: OrgConfig, recorded: readonly string[]): Set<string> {
  return new Set([...Object.values(config.accounts).map((a) => a.email), ...recorded].map(normalize));
}
