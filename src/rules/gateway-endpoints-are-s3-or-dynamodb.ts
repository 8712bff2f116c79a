import { error } from '../config/diagnostics';
import { GATEWAY_ENDPOINT_SERVICES } from '../model/network/endpoint-services';
import { endpointsDeclarations } from './endpoint-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * Only Amazon S3 and DynamoDB have gateway endpoints; every other service is reached through an
 * interface endpoint, which AWS would refuse to create as a gateway.
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 */
export const gatewayEndpointsAreS3OrDynamodb: Rule = {
  code: 'LZ0531',
  name: 'gateway-endpoints-are-s3-or-dynamodb',
  check(context) {
    return endpointsDeclarations(context).flatMap((d) =>
      sortedEntries(d.endpoints.gateway)
        .filter(([service]) => !GATEWAY_ENDPOINT_SERVICES.includes(service))
        .map(([service]) => error(this.code, [...d.yamlPath, 'endpoints', 'gateway', service], `${service} has no gateway endpoint: only ${GATEWAY_ENDPOINT_SERVICES.join(' and ')} do.`,
          `Move ${service} to endpoints.interface (with an interfaceTier), or to network.centralEndpoints.services.`, true)));
  },
};
