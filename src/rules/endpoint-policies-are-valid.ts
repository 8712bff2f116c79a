import { error, type Finding, type YamlPath } from '../config/diagnostics';
import type { EndpointPolicyConfig } from '../config/schema/network-endpoints';
import { validatePolicyStatements } from '../model/policy-validation';
import { endpointsDeclarations } from './endpoint-facts';
import { sortedEntries, type Rule } from './rule';

/**
 * An endpoint policy is a resource policy of at most 20,480 characters: each statement names its
 * principals, an action and a resource, and the actions and condition keys exist (the IAM grammar
 * of the tool's other policies). AWS rejects a malformed one at apply time.
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
export const ENDPOINT_POLICY_LIMIT = 20480;

export const endpointPoliciesAreValid: Rule = {
  code: 'LZ0534',
  name: 'endpoint-policies-are-valid',
  check(context) {
    const network = context.config.network;
    if (!network) return [];
    const findings: Finding[] = [];
    const check = (policy: EndpointPolicyConfig | undefined, path: YamlPath, service: string) => {
      if (policy === undefined) return;
      for (const issue of validatePolicyStatements(policy.statements, 'endpoint-policy'))
        findings.push(error(this.code, [...path, 'statements', ...issue.path], `In the ${service} endpoint policy: ${issue.message}`, issue.fix));
      const size = JSON.stringify({ Version: '2012-10-17', Statement: policy.statements }).length;
      if (size > ENDPOINT_POLICY_LIMIT)
        findings.push(error(this.code, path, `The ${service} endpoint policy has ${size} characters; an endpoint policy may have ${ENDPOINT_POLICY_LIMIT}.`,
          'Merge statements or use wildcards in actions and resources.', true));
    };
    for (const [service, s] of sortedEntries(network.centralEndpoints?.services)) check(s.policy, ['network', 'centralEndpoints', 'services', service, 'policy'], service);
    for (const d of endpointsDeclarations(context)) {
      for (const [service, g] of sortedEntries(d.endpoints.gateway)) check(g.policy, [...d.yamlPath, 'endpoints', 'gateway', service, 'policy'], service);
      for (const [service, i] of sortedEntries(d.endpoints.interface)) check(i.policy, [...d.yamlPath, 'endpoints', 'interface', service, 'policy'], service);
    }
    return findings;
  },
};
