import { error, type Finding } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

const ACCOUNT_ID = /^\d{12}$/;

/** Adopted accounts are imported by id; a wrong id imports nothing or the wrong account. */
export const accountIdsAreValid: Rule = {
  code: 'LZ0108',
  name: 'account-ids-are-valid',
  check({ config }) {
    const findings: Finding[] = [];
    const firstById = new Map<string, string>();
    for (const [key, account] of sortedEntries(config.accounts)) {
      if (account.id === undefined) continue;
      if (!ACCOUNT_ID.test(account.id)) {
        findings.push(error(this.code, ['accounts', key, 'id'], `"${account.id}" is not an AWS account id: it must be exactly 12 digits.`,
          'Quote the id so YAML keeps leading zeros, e.g. id: "012345678901".'));
        continue;
      }
      const first = firstById.get(account.id);
      if (first === undefined) firstById.set(account.id, key);
      else
        findings.push(error(this.code, ['accounts', key, 'id'], `The account id ${account.id} is already the id of \`${first}\`.`,
          'Each account key must name a different AWS account; remove the duplicate.'));
    }
    return findings;
  },
};
