import { error, type Finding } from '../config/diagnostics';
import type { Rule } from './rule';

/**
 * RAM does not share a resource with the account that owns it: a share naming the network account
 * fails to apply (or, quietly skipped, hides a mistake in the list of accounts meant to use it).
 */
export const tgwIsNotSharedWithItsOwnAccount: Rule = {
  code: 'LZ0518',
  name: 'tgw-is-not-shared-with-its-own-account',
  check({ config }) {
    const network = config.network;
    if (!network) return [];
    const findings: Finding[] = [];
    network.sharing.accounts.forEach((key, i) => {
      if (key === network.account)
        findings.push(error(this.code, ['network', 'sharing', 'accounts', i], `The Transit Gateway belongs to \`${key}\` (network.account), so it cannot be shared with that account.`,
          `Remove \`${key}\` from network.sharing.accounts; the owner uses its Transit Gateway without a share.`));
    });
    return findings;
  },
};
