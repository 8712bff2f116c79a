import { error, type Finding, type YamlPath } from '../config/diagnostics';
import { closest } from '../config/parse';
import { endpointsDeclarations, someOf } from './endpoint-facts';
import { networkAllocation } from './network-facts';
import type { Rule } from './rule';

/**
 * The VPC and tiers that endpoints name exist: the central endpoints' VPC and its tier, each
 * gateway endpoint's tiers, and the interface tier that a VPC with interface endpoints needs. A
 * VPC that asks for the central endpoints needs network.centralEndpoints.
 */
export const endpointReferencesResolve: Rule = {
  code: 'LZ0532',
  name: 'endpoint-references-resolve',
  check(context) {
    const network = context.config.network;
    if (!network) return [];
    const findings: Finding[] = [];
    const tier = (path: YamlPath, value: string, tiers: readonly string[], vpc: string) => {
      if (tiers.includes(value)) return;
      const suggestion = closest(value, tiers);
      findings.push(error(this.code, path, `The subnet tier "${value}" is not a tier of ${vpc} (its tiers: ${tiers.join(', ') || 'none'}).`,
        suggestion !== undefined ? `Did you mean "${suggestion}"?` : `Use one of its tiers, or add a ${value} tier to its subnets.`));
    };
    const central = network.centralEndpoints;
    if (central) {
      const definitions = networkAllocation(context).definitions;
      const home = definitions.find((d) => d.id === central.vpc);
      if (!home) {
        const suggestion = closest(central.vpc, definitions.map((d) => d.id));
        findings.push(error(this.code, ['network', 'centralEndpoints', 'vpc'], `The VPC "${central.vpc}" of the central endpoints is not defined in network.accounts or network.templates.`,
          suggestion !== undefined ? `Did you mean "${suggestion}"?` : 'Define the endpoints VPC (e.g. in network.accounts.<account>.vpcs) and name it as <account>/<vpc>.'));
      } else tier(['network', 'centralEndpoints', 'tier'], central.tier, Object.keys(home.fields.subnets ?? {}).sort(), central.vpc);
    }
    for (const d of endpointsDeclarations(context)) {
      const tiers = Object.keys(d.fields.subnets ?? {}).sort();
      const vpc = someOf(d.vpcIds);
      const at = [...d.yamlPath, 'endpoints'];
      for (const [service, g] of Object.entries(d.endpoints.gateway).sort(([a], [b]) => (a < b ? -1 : 1)))
        (g.tiers ?? []).forEach((t, i) => tier([...at, 'gateway', service, 'tiers', i], t, tiers, vpc));
      if (d.endpoints.interfaceTier !== undefined) tier([...at, 'interfaceTier'], d.endpoints.interfaceTier, tiers, vpc);
      else if (Object.keys(d.endpoints.interface).length > 0)
        findings.push(error(this.code, [...at, 'interface'], `${vpc} has interface endpoints (${Object.keys(d.endpoints.interface).sort().join(', ')}) but no interfaceTier to place their network interfaces in.`,
          `Add endpoints.interfaceTier naming one of its tiers (${tiers.join(', ') || 'none yet'}); a small private tier of its own is usual.`));
      if (d.endpoints.central && !central)
        findings.push(error(this.code, [...at, 'central'], `${vpc} asks for the central endpoints (central: true), but network.centralEndpoints is not defined.`,
          'Define network.centralEndpoints (vpc, tier, services), or remove central: true.'));
    }
    return findings;
  },
};
