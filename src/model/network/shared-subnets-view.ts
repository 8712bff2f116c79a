import { reachableVpcPairs } from './reachability';
import type { NetworkModel, VpcId } from './types';

/** One shared tier of one VPC, from its participants' side. */
export interface SharedSubnetAccess {
  readonly vpc: VpcId;
  readonly tier: string;
  /** The tier's subnet CIDRs, by availability zone (predicted when IPAM picks the VPC's CIDR). */
  readonly subnets: readonly string[];
  /** Accounts that may place resources in these subnets, sorted. */
  readonly participants: readonly string[];
  /**
   * The VPCs a resource in these subnets reaches, sorted: the shared VPC's own, because a participant's
   * instance sits in the owner's subnet and uses its route tables and attachment.
   */
  readonly reaches: readonly VpcId[];
}

/**
 * Which accounts can place resources in which shared subnets, and what they reach from there.
 * Participants share the VPC's reachability exactly: nothing in RAM sharing adds or removes a path.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-sharing.html
 */
export function sharedSubnetAccess(network: NetworkModel): SharedSubnetAccess[] {
  const pairs = reachableVpcPairs(network);
  const reachedFrom = (id: VpcId) => pairs.flatMap(([a, b]) => (a === id ? [b] : b === id ? [a] : [])).sort();
  return network.vpcs.flatMap((v) =>
    (v.sharedSubnets?.tiers ?? []).map((tier) => ({
      vpc: v.id,
      tier,
      subnets: v.tiers.find((t) => t.key === tier)?.subnets.map((s) => s.cidr) ?? [],
      participants: v.sharedSubnets!.participants,
      reaches: reachedFrom(v.id),
    })),
  );
}
