import type { VpcDefinition } from '../model/network/resolve';
import { networkAllocation } from './network-facts';
import type { RuleContext } from './rule';

/** The inspection VPC's definition; undefined without `network.inspection` or when it names no VPC (LZ0520). */
export function inspectionVpc(context: RuleContext): VpcDefinition | undefined {
  const ref = context.config.network?.inspection?.vpc;
  if (ref === undefined) return undefined;
  return networkAllocation(context).definitions.find((d) => d.id === ref);
}

/** Segments that send any traffic through the inspection VPC, sorted. */
export function inspectedSegments(context: RuleContext): string[] {
  const segments = context.config.network?.segments ?? {};
  return Object.keys(segments)
    .filter((k) => segments[k]!.inspection?.eastWest || segments[k]!.inspection?.northSouth)
    .sort();
}

/** Whether inspection gives a segment's VPCs traffic: it is inspected, or it holds the inspection VPC. */
export function carriedByInspection(context: RuleContext, segment: string): boolean {
  if (!context.config.network?.inspection) return false;
  return inspectedSegments(context).includes(segment) || inspectionVpc(context)?.fields.segment === segment;
}
