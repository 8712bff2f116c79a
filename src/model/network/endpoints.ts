import type { OrgConfig } from '../../config/schema';
import type { EndpointPolicyConfig } from '../../config/schema/network-endpoints';
import type { VpcConfig } from '../../config/schema/network';
import { renderPolicyDocument } from '../policy-document';
import { endpointServiceName, privateDnsZone } from './endpoint-services';
import type { CentralEndpointsModel, EndpointModel, VpcEndpointsModel, VpcModel } from './types';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Place {
  readonly partition: string;
  readonly region: string;
}

function endpointOf(place: Place, service: string, policy: EndpointPolicyConfig | undefined): EndpointModel {
  return {
    service,
    serviceName: endpointServiceName(place.partition, place.region, service),
    ...(policy !== undefined ? { policy: renderPolicyDocument(policy.statements) } : {}),
  };
}

/**
 * A VPC's own endpoints, resolved: services in key order, gateway tiers defaulting to every tier of
 * the VPC. Undefined when the VPC declares no `endpoints`, so VPCs without them model as before.
 */
export function vpcEndpointsOf(fields: VpcConfig, place: Place): VpcEndpointsModel | undefined {
  const e = fields.endpoints;
  if (e === undefined) return undefined;
  const allTiers = Object.keys(fields.subnets ?? {}).sort(byString);
  const interfaces = Object.keys(e.interface).sort(byString).map((s) => endpointOf(place, s, e.interface[s]!.policy));
  return {
    gateway: Object.keys(e.gateway)
      .sort(byString)
      .map((s) => ({ ...endpointOf(place, s, e.gateway[s]!.policy), tiers: [...new Set(e.gateway[s]!.tiers ?? allTiers)].sort(byString) })),
    interface: interfaces,
    ...(interfaces.length > 0 && e.interfaceTier !== undefined ? { interfaceTier: e.interfaceTier } : {}),
    central: e.central,
  };
}

/**
 * The central interface endpoints and who uses them: every VPC with `endpoints.central: true`
 * other than the endpoints VPC, which always resolves through the zones it holds.
 * @see https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html
 */
export function centralEndpointsOf(config: OrgConfig, vpcs: readonly VpcModel[], place: Place): CentralEndpointsModel | undefined {
  const c = config.network?.centralEndpoints;
  if (c === undefined) return undefined;
  const [accountKey, vpcKey] = c.vpc.split('/') as [string, string];
  return {
    vpc: c.vpc,
    accountKey,
    vpcKey,
    tier: c.tier,
    services: Object.keys(c.services)
      .sort(byString)
      .map((s) => {
        const zone = privateDnsZone(place.partition, place.region, s);
        return { ...endpointOf(place, s, c.services[s]!.policy), zoneName: zone.name, wildcard: zone.wildcard };
      }),
    consumers: vpcs.filter((v) => v.endpoints?.central === true && v.id !== c.vpc).map((v) => v.id).sort(byString),
  };
}
