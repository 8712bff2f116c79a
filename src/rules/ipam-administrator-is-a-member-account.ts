import { error } from '../config/diagnostics';
import type { Rule } from './rule';

/**
 * IPAM administration can be delegated only to a member account: the management account cannot
 * be the IPAM admin account, so an IPAM in it must not ask for delegation.
 * @see https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableIpamOrganizationAdminAccount.html
 */
export const ipamAdministratorIsAMemberAccount: Rule = {
  code: 'LZ0566',
  name: 'ipam-administrator-is-a-member-account',
  check({ config }) {
    const network = config.network;
    if (!network?.ipam?.delegatedAdministrator || network.account !== config.organization.managementAccount) return [];
    return [error(this.code, ['network', 'ipam', 'delegatedAdministrator'], `The IPAM would be delegated to \`${network.account}\` (network.account), the management account, which AWS does not accept as the IPAM admin account.`,
      'Put the network in a member account (network.account), or set delegatedAdministrator: false to keep a single-account IPAM.')];
  },
};
