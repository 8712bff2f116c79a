import { z } from 'zod';
import { PolicyStatement } from './common';

/**
 * The service part of an endpoint service name, `com.amazonaws.<region>.<service>`: `s3`, `ssm`,
 * `ecr.dkr`. Lowercase letters, digits, dots and hyphens.
 */
export const EndpointServiceKey = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?$/, { error: 'an endpoint service is the last part of com.amazonaws.<region>.<service>, e.g. ssm or ecr.dkr' });

const TierRef = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, { error: 'a subnet tier key, e.g. app' });

/** An endpoint policy: a resource policy that every request through the endpoint is checked against. */
export const EndpointPolicy = z
  .strictObject({
    statements: z.array(PolicyStatement).min(1).meta({ description: 'IAM statements of the endpoint policy (each with a Principal).' }),
  })
  .meta({ description: 'Endpoint policy. @default the AWS default policy (full access through the endpoint)' });

const InterfaceEndpoint = z
  .strictObject({ policy: EndpointPolicy.optional() })
  .meta({ description: 'An interface endpoint of the service.' });

const GatewayEndpoint = z
  .strictObject({
    tiers: z.array(TierRef).min(1).optional().meta({ description: 'The tiers whose route tables get the endpoint\'s prefix-list route. @default every tier of the VPC' }),
    policy: EndpointPolicy.optional(),
  })
  .meta({ description: 'A gateway endpoint (s3 or dynamodb): a route to the service\'s prefix list, no network interface.' });

/** Fields spread into a VPC of `network.accounts` or `network.templates`. */
export const endpointsVpcFields = {
  endpoints: z
    .strictObject({
      gateway: z.record(EndpointServiceKey, GatewayEndpoint).default({}).meta({ description: 'Gateway endpoints by service (s3, dynamodb). @default none' }),
      interface: z
        .record(EndpointServiceKey, InterfaceEndpoint)
        .default({})
        .meta({ description: 'Interface endpoints of this VPC by service, with private DNS on. @default none' }),
      interfaceTier: TierRef.optional().meta({ description: 'The tier whose subnets hold this VPC\'s interface endpoints (one network interface per zone). Required with `interface`.' }),
      central: z
        .boolean()
        .default(false)
        .meta({ description: 'Resolve the services of network.centralEndpoints to the central endpoints (their private hosted zones are associated with this VPC). @default false' }),
    })
    .optional()
    .meta({ description: 'VPC endpoints of this VPC, and whether it uses the central interface endpoints.' }),
};

/** Fields spread into `network`. */
export const endpointsNetworkFields = {
  centralEndpoints: z
    .strictObject({
      vpc: z
        .string()
        .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'a VPC reference is <account key>/<vpc key>, e.g. shared-services/endpoints' })
        .meta({ description: 'The VPC that holds the central interface endpoints, as <account key>/<vpc key>.' }),
      tier: TierRef.meta({ description: 'The tier of that VPC whose subnets hold the endpoints\' network interfaces.' }),
      services: z.record(EndpointServiceKey, InterfaceEndpoint).meta({ description: 'Interface endpoints by service; each gets a private hosted zone (e.g. ssm.<region>.amazonaws.com).' }),
    })
    .optional()
    .meta({ description: 'Interface endpoints shared by every VPC with `endpoints.central: true`, through Route 53 private hosted zones (private DNS is off on the endpoints).' }),
};

export type EndpointPolicyConfig = z.infer<typeof EndpointPolicy>;
