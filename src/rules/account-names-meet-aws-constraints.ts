import { error } from '../config/diagnostics';
import { sortedEntries, type Rule } from './rule';

/** CreateAccount AccountName: 1-50 characters of printable ASCII ([\u0020-\u007E]+). */
const ACCOUNT_NAME = /^[\u0020-\u007E]{1,50}$/;

export const accountNamesMeetAwsConstraints: Rule = {
  code: 'LZ0106',
  name: 'account-names-meet-aws-constraints',
  check({ config }) {
    return sortedEntries(config.accounts)
      .filter(([, account]) => !ACCOUNT_NAME.test(account.name) || account.name.trim() === '')
      .map(([key, account]) => error(this.code, ['accounts', key, 'name'],
        `The account name "${account.name}" (${account.name.length} characters) is not accepted by AWS: it needs 1-50 printable ASCII characters.`,
        'Shorten the name or replace characters outside printable ASCII.'));
  },
};
