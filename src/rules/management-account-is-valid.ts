import { error } from '../config/diagnostics';
import { closest } from '../config/parse';
import type { Rule } from './rule';

/**
 * The management account already exists (it owns the organization), so it must be given by id.
 * Its id also guards the management provider (allowed_account_ids).
 */
export const managementAccountIsValid: Rule = {
  code: 'LZ0111',
  name: 'management-account-is-valid',
  check({ config }) {
    const key = config.organization.managementAccount;
    const account = config.accounts[key];
    if (!account) {
      const suggestion = closest(key, Object.keys(config.accounts));
      return [error(this.code, ['organization', 'managementAccount'], `The management account \`${key}\` is not in accounts.`,
        suggestion ? `Did you mean \`${suggestion}\`?` : 'Add the management account under accounts, with its id, and name its key here.')];
    }
    if (account.id === undefined)
      return [error(this.code, ['accounts', key], `The management account \`${key}\` has no id; it already exists, so the tool must be told which it is.`,
        'Add `id: "<12-digit id of the management account>"` to this account.', true)];
    return [];
  },
};
