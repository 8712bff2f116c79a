import { allocateNetwork, type Allocation } from '../model/network/allocation';
import { block, type Block } from '../model/network/cidr';
import type { RuleContext } from './rule';

/** The network allocation of a config (computed once per config and record, and shared with the model). */
export function networkAllocation(context: RuleContext): Allocation {
  return allocateNetwork(context.config, context.previousLock);
}

/** A CIDR block of a VPC, with the VPC's id and where it is written. */
export interface VpcBlock {
  readonly vpcId: string;
  readonly block: Block;
  readonly yamlPath: ReadonlyArray<string | number>;
  readonly explicit: boolean;
}

/** Every CIDR of every VPC (primary, given or allocated, and secondary), by VPC id. */
export function vpcBlocks(context: RuleContext): VpcBlock[] {
  const allocation = networkAllocation(context);
  return allocation.definitions.flatMap((d) => {
    const out: VpcBlock[] = [];
    const primary = allocation.vpcCidrs.get(d.id);
    if (primary !== undefined) out.push({ vpcId: d.id, block: block(primary), yamlPath: d.fields.cidr !== undefined ? [...d.yamlPath, 'cidr'] : d.yamlPath, explicit: d.fields.cidr !== undefined });
    (d.fields.secondaryCidrs ?? []).forEach((c, i) => out.push({ vpcId: d.id, block: block(c), yamlPath: [...d.yamlPath, 'secondaryCidrs', i], explicit: true }));
    return out;
  });
}
