import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { closest } from '../config/parse';
import { endpointServiceAvailability, ENDPOINT_SERVICE_SOURCE, knownEndpointServices, regionsOffering } from '../model/network/endpoint-services';
import { endpointsDeclarations, networkRegion } from './endpoint-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * An endpoint of a service that the region does not offer fails at apply time (InvalidServiceName)
 * after the rest of the stack is half built. The table of services per region and its source are
 * in src/model/data/endpoint-services.json; a region the table does not know is not judged.
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
 */
export const endpointServicesExistInTheRegion: Rule = {
  code: 'LZ0530',
  name: 'endpoint-services-exist-in-the-region',
  check(context) {
    const network = context.config.network;
    if (!network) return [];
    const region = networkRegion(context);
    const findings: Finding[] = [];
    const check = (service: string, path: YamlPath) => {
      const availability = endpointServiceAvailability(service, region);
      if (availability === 'available' || availability === 'unknown-region') return;
      if (availability === 'unknown-service') {
        const suggestion = closest(service, knownEndpointServices());
        findings.push(error(this.code, path, `"${service}" is not an endpoint service this tool knows (com.amazonaws.${region}.${service}).`,
          suggestion !== undefined ? `Did you mean "${suggestion}"? Known services are listed in src/model/data/endpoint-services.json.` : `Use one of the services in src/model/data/endpoint-services.json (${ENDPOINT_SERVICE_SOURCE.split(';')[0]}).`, true));
        return;
      }
      const elsewhere = regionsOffering(service);
      findings.push(error(this.code, path, `The endpoint service ${service} does not exist in ${region} (source: ${ENDPOINT_SERVICE_SOURCE.split(';')[0]}), so creating its endpoint would fail.`,
        `Remove the ${service} endpoint, or build the network in a region that offers it (e.g. ${elsewhere.slice(0, 3).join(', ')}).`, true));
    };
    for (const [service] of sortedEntries(network.centralEndpoints?.services)) check(service, ['network', 'centralEndpoints', 'services', service]);
    for (const d of endpointsDeclarations(context)) {
      for (const [service] of sortedEntries(d.endpoints.interface)) check(service, [...d.yamlPath, 'endpoints', 'interface', service]);
      // Gateway services that are not s3 or dynamodb are LZ0531's; the two exist wherever the table knows the region.
      for (const [service] of sortedEntries(d.endpoints.gateway))
        if (endpointServiceAvailability(service, region) === 'absent') check(service, [...d.yamlPath, 'endpoints', 'gateway', service]);
    }
    return findings;
  },
};
