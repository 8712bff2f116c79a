import { error } from '../config/diagnostics';
import { closest } from '../config/parse';
import { ROOT } from '../model/org-tree';
import { sortedEntries, type Rule } from './rule';

export const accountOusResolve: Rule = {
  code: 'LZ0103',
  name: 'account-ous-resolve',
  check({ config, ouByPath }) {
    const known = [ROOT, ...ouByPath.keys()];
    return sortedEntries(config.accounts)
      .filter(([, account]) => account.ou !== ROOT && !ouByPath.has(account.ou))
      .map(([key, account]) => {
        const suggestion = closest(account.ou, known);
        return error(this.code, ['accounts', key, 'ou'], `The OU path "${account.ou}" does not exist in organizationalUnits.`,
          suggestion ? `Did you mean "${suggestion}"? OU paths are keys from the root joined by "/".` : `Use one of: ${known.join(', ')}; or add the OU under organizationalUnits.`);
      });
  },
};
