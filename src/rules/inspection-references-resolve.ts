import { error, type Finding } from '../config/diagnostics';
import { closest } from '../config/parse';
import { networkAllocation } from './network-facts';
import { inspectedSegments, inspectionVpc } from './inspection-facts';
import type { Rule } from './rule';

/**
 * A segment routed through inspection needs an inspection VPC to route to, and `network.inspection`
 * must name a VPC org.yaml defines; the inspection VPC's own segment is where the firewall hands
 * traffic back, so it cannot itself be inspected.
 */
export const inspectionReferencesResolve: Rule = {
  code: 'LZ0520',
  name: 'inspection-references-resolve',
  check(context) {
    const network = context.config.network;
    if (!network) return [];
    const findings: Finding[] = [];
    const inspection = network.inspection;
    if (!inspection) {
      for (const key of inspectedSegments(context))
        findings.push(error(this.code, ['network', 'segments', key, 'inspection'], `The segment ${key} sends traffic through inspection, but network.inspection names no inspection VPC, so there is no firewall to route to.`,
          'Add network.inspection with the inspection VPC (vpc: <account>/<vpc>) and its firewallTier, or remove the segment\'s inspection setting.'));
      return findings;
    }
    const vpc = inspectionVpc(context);
    if (!vpc) {
      const known = networkAllocation(context).definitions.map((d) => d.id);
      const suggestion = closest(inspection.vpc, known);
      findings.push(error(this.code, ['network', 'inspection', 'vpc'], `The inspection VPC "${inspection.vpc}" is not defined in network.accounts or network.templates.`,
        suggestion ? `Did you mean "${suggestion}"?` : 'Define the VPC under network.accounts.<account>.vpcs and name it as <account>/<vpc>.'));
      return findings;
    }
    const segment = vpc.fields.segment;
    if (segment !== undefined && inspectedSegments(context).includes(segment))
      findings.push(error(this.code, ['network', 'segments', segment, 'inspection'], `The segment ${segment} holds the inspection VPC ${vpc.id} and also sends its traffic through inspection: the firewall would route to itself.`,
        `Remove network.segments.${segment}.inspection; give the inspection VPC a segment of its own.`));
    return findings;
  },
};
