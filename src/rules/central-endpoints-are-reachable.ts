import { error, type Finding } from '../config/diagnostics';
import { canReach } from '../model/network/reachability';
import { centralEndpointsHome, endpointsDeclarations, someOf } from './endpoint-facts';
import type { Rule } from './rule';

/**
 * A VPC that resolves the services to the central endpoints sends every call to the endpoints VPC
 * through the Transit Gateway; if the segments do not let the two reach each other (as the
 * reachability function answers, model/network/reachability.ts), the names resolve and every call
 * times out.
 */
export const centralEndpointsAreReachable: Rule = {
  code: 'LZ0533',
  name: 'central-endpoints-are-reachable',
  check(context) {
    const setting = centralEndpointsHome(context);
    if (!setting) return [];
    const { central, network, home } = setting;
    const findings: Finding[] = [];
    for (const d of endpointsDeclarations(context)) {
      if (!d.endpoints.central) continue;
      const cut = d.vpcIds.filter((id) => id !== central.vpc && !canReach(network, id, central.vpc));
      if (cut.length === 0) continue;
      const segments = [...new Set(cut.map((id) => network.vpcs.find((v) => v.id === id)!.segment))].sort();
      findings.push(error(this.code, [...d.yamlPath, 'endpoints', 'central'],
        `${someOf(cut)} (segment ${segments.join(', ')}) cannot reach the endpoints VPC ${central.vpc} (segment ${home.segment}) through the Transit Gateway, so calls to the central endpoints would time out.`,
        `Let segment ${segments[0]} reach ${home.segment} (network.segments.${segments[0]}.reaches: [${home.segment}]), or give the VPC its own endpoints in endpoints.interface instead of central: true.`));
    }
    return findings;
  },
};
