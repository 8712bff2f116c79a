import { error } from '../config/diagnostics';
import { endpointsDeclarations, someOf } from './endpoint-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * A VPC that resolves a service through the central endpoints' private hosted zone cannot also
 * have its own endpoint of that service with private DNS: both claim the service's name in the
 * VPC, and AWS refuses private DNS on an endpoint whose name a hosted zone associated with the VPC
 * already answers (or the zone association fails, depending on which comes first).
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html
 */
export const centralEndpointsAreNotAlsoLocal: Rule = {
  code: 'LZ0535',
  name: 'central-endpoints-are-not-also-local',
  check(context) {
    const central = context.config.network?.centralEndpoints;
    if (!central) return [];
    return endpointsDeclarations(context).flatMap((d) => {
      const isHome = d.vpcIds.includes(central.vpc);
      if (!d.endpoints.central && !isHome) return [];
      return sortedEntries(d.endpoints.interface)
        .filter(([service]) => central.services[service] !== undefined)
        .map(([service]) => error(this.code, [...d.yamlPath, 'endpoints', 'interface', service],
          `${someOf(d.vpcIds)} ${isHome ? 'holds the central endpoints' : 'uses the central endpoints'}, which include ${service}, and also declares its own ${service} endpoint with private DNS: both would answer for the ${service} name in the VPC.`,
          `Remove ${service} from this VPC's endpoints.interface (the central endpoint serves it), or remove central: true from this VPC.`, true));
    });
  },
};
