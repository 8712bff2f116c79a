import { error } from '../config/diagnostics';
import { isControlTowerGoverned } from '../model/control-tower';
import { sortedEntries, type Rule } from './rule';

/**
 * An account created with Organizations CreateAccount in a registered OU is not enrolled in
 * Control Tower (no baseline, no AWSControlTowerExecution role); Account Factory vends it instead,
 * and lz adopts it by id.
 */
export const controlTowerAccountsAreVendedByAccountFactory: Rule = {
  code: 'LZ0903',
  name: 'control-tower-accounts-are-vended-by-account-factory',
  check({ config }) {
    return sortedEntries(config.accounts)
      .filter(([key, a]) => a.id === undefined && key !== config.organization.managementAccount && isControlTowerGoverned(config, a.ou))
      .map(([key, a]) => error(this.code, ['accounts', key],
        `The account ${key} has no id and its OU ${a.ou} is registered with Control Tower; lz would create it outside Account Factory, unenrolled.`,
        `Vend it with Control Tower's Account Factory, then give its 12-digit id as accounts.${key}.id so lz adopts it.`));
  },
};
