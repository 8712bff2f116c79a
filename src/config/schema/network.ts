import { Address4 } from 'ip-address';
import { z } from 'zod';
import { AccountKey, OuPath } from './common';
import { subnetTierControlFields, vpcControlFields } from './network-subnets';
import { endpointsNetworkFields, endpointsVpcFields } from './network-endpoints';
import { ipamFields, sharedSubnetsFields, transitGatewaySwitch } from './network-shared-ipam';
import { inspectionSchemas } from './network-inspection';
import { networkRegionFields, vpcRegionFields } from './network-regions';

/** Keys of the network section become Terraform addresses: lowercase letters, digits, hyphens. */
const NetworkKey = (what: string, example: string) =>
  z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, {
    error: `a ${what} key is 1-32 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. ${example})`,
  });

export const SegmentKey = NetworkKey('segment', 'prod');
export const PoolKey = NetworkKey('pool', 'prod');
export const VpcKey = NetworkKey('VPC', 'main');
export const TierKey = NetworkKey('subnet tier', 'app');

/** An IPv4 CIDR in canonical form: `10.0.0.0/16`, not `10.0.0.1/16` (host bits set) nor `10.0.0.0`. */
export const Cidr = z
  .string()
  .refine((value) => isCanonicalCidr(value), { error: 'expected an IPv4 CIDR such as 10.0.0.0/16, with no host bits set' })
  .meta({ description: 'IPv4 CIDR block, e.g. 10.0.0.0/16.' });

export function isCanonicalCidr(value: string): boolean {
  if (!/^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/.test(value) || !Address4.isValid(value)) return false;
  const address = new Address4(value);
  return address.startAddress().correctForm() === address.correctForm() && `${address.correctForm()}/${address.subnetMask}` === value;
}

const PrefixLength = z.number().int().min(1).max(32);
const inspection = inspectionSchemas({ Cidr, TierKey, key: NetworkKey });

export const SubnetTier = z
  .strictObject({
    prefixLength: PrefixLength.optional().meta({ description: 'Size of each subnet of the tier (one per availability zone), e.g. 24 for /24. Exactly one of prefixLength or cidrs.' }),
    defaultRoute: z
      .enum(['none', 'internet', 'nat', 'transit-gateway'])
      .default('none')
      .meta({
        description:
          'Where 0.0.0.0/0 goes: none (no default route), internet (an internet gateway: a public tier), nat (the NAT gateway of the same AZ, in the VPC\'s first public tier), or transit-gateway. @default none',
      }),
    transitGatewayDestinations: z
      .array(Cidr)
      .default([])
      .meta({ description: 'CIDRs routed to the Transit Gateway from this tier (e.g. 10.0.0.0/8). The TGW route tables still decide what is reachable. @default none' }),
    ...subnetTierControlFields(Cidr),
  })
  .meta({ description: 'A subnet tier: one subnet per availability zone, one route table.' });

const vpcFields = {
  segment: SegmentKey.optional().meta({ description: 'The segment (TGW route table) the VPC attaches to.' }),
  cidr: Cidr.optional().meta({ description: 'Primary CIDR given explicitly. Without it the CIDR is allocated from `pool` by `prefixLength` and recorded in lz.lock.json.' }),
  pool: PoolKey.optional().meta({ description: 'The CIDR pool the VPC is allocated from (and that an explicit `cidr` must lie in).' }),
  prefixLength: PrefixLength.optional().meta({ description: 'Size of the allocated primary CIDR, e.g. 20 for /20 (16-28).' }),
  secondaryCidrs: z.array(Cidr).optional().meta({ description: 'Additional CIDRs associated with the VPC (at most 4, so 5 in all).' }),
  azCount: z.number().int().min(1).max(8).optional().meta({ description: 'Availability zones the VPC spans. @default 2' }),
  attachmentTier: TierKey.optional().meta({ description: 'The tier whose subnets hold the Transit Gateway attachment (a small /28 tier is usual).' }),
  subnets: z.record(TierKey, SubnetTier).optional().meta({ description: 'Subnet tiers by key.' }),
  ...vpcControlFields,
  ...endpointsVpcFields,
  ...sharedSubnetsFields({ Cidr, PoolKey, TierKey }),
  ...inspection.vpc,
  ...vpcRegionFields,
};

/**
 * A VPC as written in a template or for one account. Every field is optional here because an
 * account entry with the key of a template VPC overrides only the fields it gives (shallow merge);
 * rule LZ0513 checks that every resolved VPC is complete.
 */
export const Vpc = z.strictObject(vpcFields).meta({ description: 'A VPC attached to the Transit Gateway.' });

export const StaticRoute = z
  .strictObject({
    destination: Cidr.meta({ description: 'Destination CIDR, e.g. 0.0.0.0/0.' }),
    vpc: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'a VPC reference is <account key>/<vpc key>, e.g. network/egress' })
      .optional()
      .meta({ description: 'Target attachment as <account key>/<vpc key> (e.g. network/egress). Exactly one of vpc or blackhole.' }),
    blackhole: z.literal(true).optional().meta({ description: 'Drop traffic to the destination. Exactly one of vpc or blackhole.' }),
  })
  .refine((r) => (r.vpc === undefined) !== (r.blackhole === undefined), { error: 'give exactly one of `vpc` or `blackhole: true`' })
  .meta({ description: 'A static route in the segment\'s TGW route table.' });

export const Segment = z
  .strictObject({
    reaches: z
      .array(SegmentKey)
      .default([])
      .meta({ description: 'Segments this segment may exchange traffic with. Symmetric: listing it on either side opens both directions. @default none (isolated)' }),
    intraSegment: z.boolean().default(false).meta({ description: 'Whether VPCs of this segment reach each other. @default false' }),
    routes: z.record(NetworkKey('route', 'default-egress'), StaticRoute).default({}).meta({ description: 'Static and blackhole routes by key.' }),
    ...inspection.segment,
  })
  .meta({ description: 'A network segment: one TGW route table.' });

export const VpcTemplate = z
  .strictObject({
    ous: z.array(OuPath).min(1).meta({ description: 'OUs whose accounts (nested OUs included) get these VPCs.' }),
    vpcs: z.record(VpcKey, Vpc).meta({ description: 'VPCs by key.' }),
  })
  .meta({ description: 'VPCs that every account under the given OUs gets with no other edit.' });

export const NetworkSection = z
  .strictObject({
    account: AccountKey.meta({ description: 'Key of the account that owns the Transit Gateway.' }),
    region: z.string().optional().meta({ description: 'Primary region: of the Transit Gateway and of every VPC that names no other (see `regions`). @default organization.homeRegion' }),
    transitGateway: z
      .strictObject({
        asn: z.number().int().default(64512).meta({ description: 'Amazon side ASN: 64512-65534 or 4200000000-4294967294. @default 64512' }),
        autoAcceptSharedAttachments: z
          .boolean()
          .default(false)
          .meta({ description: 'Accept attachments from other accounts automatically. When false, each account\'s network stack accepts exactly the attachments org.yaml declares for it. @default false' }),
        dnsSupport: z.boolean().default(true).meta({ description: 'DNS resolution across attachments. @default true' }),
        ...transitGatewaySwitch,
      })
      .default({ asn: 64512, autoAcceptSharedAttachments: false, dnsSupport: true, enabled: true })
      .meta({ description: 'Transit Gateway options.' }),
    sharing: z
      .strictObject({
        organization: z.boolean().default(true).meta({ description: 'Share the TGW with the whole organization. @default true' }),
        ous: z.array(OuPath).default([]).meta({ description: 'OUs to share the TGW with.' }),
        accounts: z.array(AccountKey).default([]).meta({ description: 'Accounts to share the TGW with.' }),
      })
      .default({ organization: true, ous: [], accounts: [] })
      .meta({ description: 'RAM principals of the TGW share (never outside the organization).' }),
    pools: z
      .record(PoolKey, z.union([
        Cidr,
        z.strictObject({
          cidr: Cidr,
          within: PoolKey.meta({ description: 'The pool this one is carved out of: that pool\'s allocations skip this range.' }),
        }).meta({ description: 'A pool nested in another.' }),
      ]))
      .default({})
      .meta({ description: 'CIDR pools by key, e.g. prod: 10.0.0.0/12. Pools do not overlap, except a pool declared `{ cidr, within: <outer pool> }`.' }),
    reserved: z.record(NetworkKey('reserved range', 'on-premises'), Cidr).default({}).meta({ description: 'Ranges no VPC may use (on-premises, partners), by key.' }),
    segments: z.record(SegmentKey, Segment).default({}).meta({ description: 'Segments by key; each is one TGW route table. @default none (a network without a Transit Gateway has none)' }),
    templates: z.record(NetworkKey('template', 'prod-workload'), VpcTemplate).default({}).meta({ description: 'VPC templates by key.' }),
    accounts: z
      .record(AccountKey, z.strictObject({ vpcs: z.record(VpcKey, Vpc).meta({ description: 'VPCs by key; a key also given by a template overrides the fields it sets.' }) }))
      .default({})
      .meta({ description: 'VPCs of individual accounts, by account key.' }),
    ...endpointsNetworkFields,
    ...ipamFields({ Cidr, PoolKey, TierKey }),
    ...inspection.section,
    ...networkRegionFields,
  })
  .meta({ description: 'Transit Gateway hub, segments and VPCs.' });

export type NetworkConfig = z.infer<typeof NetworkSection>;
export type VpcConfig = z.infer<typeof Vpc>;
