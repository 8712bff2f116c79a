/**
 * Stack names and addresses of a multi-region network, from region names and org.yaml keys. Stack
 * ids and keys never contain `_`, so `_<region>` cannot make one stack's name another's:
 * `network-hub_<region>` (the id `hub` is reserved), `network-<id>_<region>` and
 * `network-peering_<region>_<region>`. Part of the contract, like stacks/ids.ts.
 */
export const regionalStackNames = {
  hub: (region: string) => `network-hub_${region}`,
  /** The account's network stack of a region other than the primary (the primary keeps `network-<id>`). */
  spoke: (stackId: string, region: string) => `network-${stackId}_${region}`,
  peering: (key: string) => `network-peering_${key}`,
} as const;

export const regionalIds = {
  peeringRouteTable: 'tgw_peering_route_table',
  peeringAttachment: 'tgw_peering',
  peeringAccepter: 'tgw_peering_accept',
  peeringAssociation: (region: string) => `tgw_peering_association__${region}`,
  peeringRoute: (segment: string, vpcKey: string, cidr: string) => `tgw_peering_route_${segment}__${vpcKey}__${cidr.replace('/', '_').split('.').join('-')}`,
  peeringPropagation: (vpcKey: string) => `tgw_peering_propagation_${vpcKey}`,
} as const;
