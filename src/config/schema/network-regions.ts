import { z } from 'zod';

/**
 * A region name as org.yaml writes it; whether it exists, lies in the organization's partition and
 * is allowed is rule LZ0550's to say, with the received value, not the parser's.
 */
const RegionName = z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, { error: 'a region name such as eu-west-1' });

/** A Transit Gateway in a region other than the primary one (`network.region`). */
export const RegionalTransitGateway = z
  .strictObject({
    asn: z.number().int().meta({ description: 'Amazon side ASN of this region\'s Transit Gateway: private (64512-65534 or 4200000000-4294967294) and different from every other region\'s.' }),
    pools: z
      .array(z.string())
      .default([])
      .meta({ description: 'Keys of network.pools that belong to this region: its VPCs are allocated from them, and no other region\'s pool may overlap them. Pools no region lists belong to the primary region. @default none' }),
    optedIn: z
      .boolean()
      .default(false)
      .meta({ description: 'For a region that is not enabled by default (an opt-in region): confirms that it is enabled in the network account and in every account with a VPC there. lz does not enable regions. @default false' }),
  })
  .meta({ description: 'A further region of the network: its own Transit Gateway, one route table per segment, peered with every other region.' });

/** Spread into the network section: the regions beyond the primary one. */
export const networkRegionFields = {
  regions: z
    .record(RegionName, RegionalTransitGateway)
    .optional()
    .meta({ description: 'Further regions by name, each with its own Transit Gateway peered with every other region\'s (e.g. eu-west-1: { asn: 64513 }). `network.region` stays the primary. @default none (one region)' }),
};

/** Spread into a VPC: where it is placed. */
export const vpcRegionFields = {
  region: RegionName.optional().meta({ description: 'Region of the VPC: the primary region (`network.region`) or a key of `network.regions`. @default the primary region' }),
};
