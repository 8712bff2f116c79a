import type { App } from 'cdktf';
import { networkByAccountAndRegion } from '../src/model/network/regions';
import type { MultiRegionModel, NetworkModel } from '../src/model/network/types';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { ids, stackNames } from './ids';
import type { LogArchiveStack } from './log-archive-stack';
import { NetworkHubStack } from './network-hub-stack';
import { NetworkPeeringStack } from './network-regions';
import { regionalStackNames } from './network-regions-ids';
import { NetworkSpokeStack } from './network-spoke-stack';
import type { OrganizationStack } from './organization-stack';

/**
 * The network stacks of a multi-region network: `network-hub` (the primary region, as with one
 * region) and `network-hub_<region>` for each further region, one `network-peering_<a>_<b>` per
 * pair of regions, and per account with a network stack one stack per region: `network-<id>` in
 * the primary region, `network-<id>_<region>` in the others. An account has a stack in every
 * region (possibly holding only the routes to its VPCs elsewhere), so moving a VPC between regions
 * never makes a stack, and its state, disappear. Each stack has at most two providers.
 */
export function buildMultiRegionNetworkStacks(
  app: App,
  model: LandingZoneModel,
  network: NetworkModel,
  multi: MultiRegionModel,
  organization: OrganizationStack,
  accounts: AccountDirectory,
  accountsWithNetwork: readonly string[],
  select: (name: string, accountKey: string) => boolean,
  logArchive: LogArchiveStack | undefined,
): void {
  const hubs = new Map<string, NetworkHubStack>();
  for (const g of multi.gateways) {
    const name = g.primary ? ids.networkHubStack : regionalStackNames.hub(g.region);
    hubs.set(g.region, new NetworkHubStack(app, name, { model, network, organization, accounts, ...(g.primary ? {} : { regional: { region: g.region, asn: g.asn } }) }));
  }
  const peerings = new Map(multi.peerings.map((peering) => [peering.key, new NetworkPeeringStack(app, regionalStackNames.peering(peering.key), { model, network, multiRegion: multi, accounts, peering, hubs })]));
  const peeringAttachmentId = (key: string) => peerings.get(key)!.accepter.transitGatewayAttachmentId;
  const parts = networkByAccountAndRegion(network, multi);
  for (const accountKey of accountsWithNetwork) {
    const stackId = model.stackIds[accountKey]!;
    for (const g of multi.gateways) {
      const name = g.primary ? stackNames.network(stackId) : regionalStackNames.spoke(stackId, g.region);
      if (!select(name, accountKey)) continue;
      const part = parts.get(accountKey)?.get(g.region) ?? { accountKey, region: g.region, vpcs: [], associations: [], propagations: [], routes: [], peeringRoutes: [], peeringPropagations: [] };
      new NetworkSpokeStack(app, name, {
        model, network, accounts, organization, hub: hubs.get(g.region)!, part, ...(logArchive ? { logArchive } : {}),
        regional: { region: g.region, part, peeringAttachmentId },
      });
    }
  }
}
