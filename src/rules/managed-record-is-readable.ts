import { readManagedRecord } from '../config/managed-record';
import type { Rule } from './rule';

/** Without a readable record, removals could no longer be told from additions: refuse rather than guess. */
export const managedRecordIsReadable: Rule = {
  code: 'LZ0809',
  name: 'managed-record-is-readable',
  check({ previousLock }) {
    return readManagedRecord(previousLock).findings;
  },
};
