import { error, type Finding } from '../config/diagnostics';
import { LOCK_FILE_NAME } from '../config/lock-file';
import { readManagedRecord } from '../config/managed-record';
import { sortedEntries, type Rule } from './rule';

const ACCOUNT_ID = /^\d{12}$/;

/** The id in a removal is the reviewer's check that the right account is released. */
export const removalIdsMatchTheRecord: Rule = {
  code: 'LZ0807',
  name: 'removal-ids-match-the-record',
  check({ config, previousLock }) {
    const { record } = readManagedRecord(previousLock);
    const findings: Finding[] = [];
    for (const [key, entry] of sortedEntries(config.removed.accounts)) {
      if (entry.id === undefined) continue;
      const path = ['removed', 'accounts', key, 'id'];
      const recorded = record?.accounts[key]?.id;
      if (!ACCOUNT_ID.test(entry.id))
        findings.push(error(this.code, path, `"${entry.id}" is not an account id: an id is exactly 12 digits.`, 'Quote the 12-digit id, e.g. id: "012345678901".'));
      else if (recorded !== undefined && recorded !== entry.id)
        findings.push(error(this.code, path, `The id "${entry.id}" differs from "${recorded}", the id ${LOCK_FILE_NAME} holds for \`${key}\`.`,
          `Check which account you mean to release; \`${key}\` is ${recorded}.`));
    }
    return findings;
  },
};
