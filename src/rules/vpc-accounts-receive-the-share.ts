import { error, type Finding } from '../config/diagnostics';
import { isWithin, ROOT } from '../model/org-tree';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * An account can attach a VPC only to a Transit Gateway shared with it: through the organization,
 * one of its OUs, or by account. Without this the spoke stack fails at apply time.
 */
export const vpcAccountsReceiveTheShare: Rule = {
  code: 'LZ0515',
  name: 'vpc-accounts-receive-the-share',
  check(context) {
    const { config } = context;
    const network = config.network;
    if (!network || network.sharing.organization || !network.transitGateway.enabled) return [];
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const d of networkAllocation(context).definitions) {
      const account = config.accounts[d.accountKey];
      if (!account || d.accountKey === network.account || reported.has(d.accountKey)) continue;
      const shared = network.sharing.accounts.includes(d.accountKey) || network.sharing.ous.some((ou) => ou === ROOT || (account.ou !== ROOT && isWithin(account.ou, ou)));
      if (shared) continue;
      reported.add(d.accountKey);
      findings.push(error(this.code, d.yamlPath, `The account ${d.accountKey} (OU ${account.ou}) gets the VPC ${d.id}, but the Transit Gateway is not shared with it, so its attachment would fail.`,
        `Add ${account.ou === ROOT ? d.accountKey : `the OU ${account.ou}`} to network.sharing (ous or accounts), or set network.sharing.organization: true.`, true));
    }
    return findings;
  },
};
