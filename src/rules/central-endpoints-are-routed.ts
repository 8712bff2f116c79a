import { error, type Finding } from '../config/diagnostics';
import type { VpcConfig } from '../config/schema/network';
import { block, contains } from '../model/network/cidr';
import { centralEndpointsHome, endpointsDeclarations, someOf } from './endpoint-facts';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/** Whether a tier hands traffic for `cidr` to the Transit Gateway (its default route, or a listed destination). */
function tierRoutesToTgw(tier: NonNullable<VpcConfig['subnets']>[string], cidr: string): boolean {
  return tier.defaultRoute === 'transit-gateway' || tier.transitGatewayDestinations.some((d) => contains(block(d), block(cidr)));
}

/**
 * The reachability function answers for the Transit Gateway only; the VPCs' own route tables must
 * also hand the traffic to it: some tier of a consuming VPC routes the endpoints VPC's CIDR to the
 * Transit Gateway, and the endpoints tier routes each consumer's CIDRs back (else replies are lost).
 */
export const centralEndpointsAreRouted: Rule = {
  code: 'LZ0537',
  name: 'central-endpoints-are-routed',
  check(context) {
    const setting = centralEndpointsHome(context);
    if (!setting) return [];
    const { central, network, home } = setting;
    const homeTier = networkAllocation(context).definitions.find((d) => d.id === central.vpc)?.fields.subnets?.[central.tier];
    const findings: Finding[] = [];
    for (const d of endpointsDeclarations(context)) {
      if (!d.endpoints.central) continue;
      const consumers = d.vpcIds.filter((id) => id !== central.vpc);
      if (consumers.length === 0) continue;
      if (!Object.values(d.fields.subnets ?? {}).some((t) => tierRoutesToTgw(t, home.cidr)))
        findings.push(error(this.code, [...d.yamlPath, 'subnets'], `No tier of ${someOf(consumers)} routes ${home.cidr} (the endpoints VPC ${central.vpc}) to the Transit Gateway, so calls to the central endpoints never leave the VPC.`,
          `Add ${home.cidr} (or a range that holds it) to transitGatewayDestinations of the tiers that call AWS services, or give them defaultRoute: transit-gateway.`));
      if (!homeTier) continue;
      const unrouted = consumers.flatMap((id) => {
        const v = network.vpcs.find((x) => x.id === id)!;
        return [v.cidr, ...v.secondaryCidrs].filter((c) => !tierRoutesToTgw(homeTier, c));
      });
      if (unrouted.length > 0)
        findings.push(error(this.code, [...d.yamlPath, 'endpoints', 'central'], `The endpoints tier ${central.tier} of ${central.vpc} does not route ${someOf([...new Set(unrouted)])} (used by ${someOf(consumers)}) to the Transit Gateway, so the endpoints' replies are lost.`,
          `Add a range that holds them (e.g. the pool) to transitGatewayDestinations of the ${central.tier} tier of ${central.vpc}.`));
    }
    return findings;
  },
};
