import { readImportRecord } from '../config/import-record';
import type { Rule } from './rule';

/** A record that cannot be read would leave adopted resources without import blocks: refuse rather than create them anew. */
export const importRecordIsReadable: Rule = {
  code: 'LZ0813',
  name: 'import-record-is-readable',
  check({ previousLock }) {
    return readImportRecord(previousLock).findings;
  },
};
