import { z } from 'zod';
import { AccountKey, OuPath } from './common';

/**
 * Schema of the shared-VPC and IPAM options of the network section. The keys and CIDRs it needs
 * come from network.ts, which spreads these fields into its objects; they are passed in, not
 * imported, because network.ts imports this file.
 */
export interface NetworkPrimitives {
  readonly Cidr: z.ZodType<string>;
  readonly PoolKey: z.ZodType<string>;
  readonly TierKey: z.ZodType<string>;
}

/** The `enabled` switch of network.transitGateway. */
export const transitGatewaySwitch = {
  enabled: z
    .boolean()
    .default(true)
    .meta({
      description:
        'Whether the network has a Transit Gateway (network-hub). Without one, VPCs stand alone or share their subnets (sharedSubnets); no VPC may then name a segment, an attachment tier or a route to the gateway. @default true',
    }),
};

/** `sharedSubnets` of a VPC: the flat shared-VPC pattern. */
export function sharedSubnetsFields({ TierKey }: NetworkPrimitives) {
  return {
    sharedSubnets: z
      .strictObject({
        tiers: z.array(TierKey).min(1).meta({ description: 'The subnet tiers whose subnets (every availability zone) are shared.' }),
        organization: z.boolean().default(false).meta({ description: 'Share with every account of the organization. @default false' }),
        ous: z.array(OuPath).default([]).meta({ description: 'OUs whose accounts (nested OUs included) are participants. @default none' }),
        accounts: z.array(AccountKey).default([]).meta({ description: 'Accounts that are participants, by key. Each is one RAM principal association in the owner\'s network stack. @default none' }),
      })
      .optional()
      .meta({
        description:
          'Share subnets of this VPC through RAM with accounts of the organization (never outside it): participants launch resources in them and reach what the VPC reaches; the owner keeps the VPC, its route tables and its gateways.',
      }),
  };
}

/** `network.ipam`: AWS VPC IP Address Manager in the network account. */
export function ipamFields({ Cidr, PoolKey }: NetworkPrimitives) {
  const NetmaskLength = z.number().int().min(16).max(28);
  const Netmasks = z
    .strictObject({
      min: NetmaskLength.meta({ description: 'Smallest prefix length (largest VPC) the pool allocates. @default 16' }),
      max: NetmaskLength.meta({ description: 'Largest prefix length (smallest VPC) the pool allocates. @default 28' }),
    })
    .meta({ description: 'The netmask lengths a pool hands out: every VPC allocated from it asks for one in [min, max].' });
  return {
    ipam: z
      .strictObject({
        cidrs: z
          .array(Cidr)
          .min(1)
          .optional()
          .meta({ description: 'CIDRs of the top-level pool, e.g. [10.0.0.0/8]; every pool of network.pools not nested in another lies in one. @default the CIDRs of those pools' }),
        netmaskLength: Netmasks.default({ min: 16, max: 28 }).meta({ description: 'Allocation netmask range of every regional pool. @default 16-28' }),
        pools: z
          .record(PoolKey, z.strictObject({ netmaskLength: Netmasks }))
          .default({})
          .meta({ description: 'Per pool of network.pools, by key: its own allocation netmask range.' }),
        delegatedAdministrator: z
          .boolean()
          .default(true)
          .meta({ description: 'Delegate IPAM administration to the network account (from the management account), so the IPAM sees every account of the organization. @default true' }),
      })
      .optional()
      .meta({
        description:
          'AWS VPC IPAM in the network account: a top-level pool, one regional pool per network.pools key, shared with the organization through RAM. VPCs with pool and prefixLength are allocated by IPAM at apply time (lz predicts the CIDR); explicit CIDRs are allocated as given.',
      }),
  };
}
