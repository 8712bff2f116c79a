import { Address6 } from 'ip-address';
import { z } from 'zod';

/**
 * An IPv6 CIDR in canonical form (RFC 5952, lowercase, zeros compressed, no host bits): `::/0`,
 * `2001:db8::/32`. A network ACL rule names one of these or an IPv4 CIDR.
 */
export const Ipv6Cidr = z
  .string()
  .refine((value) => isCanonicalIpv6Cidr(value), { error: 'expected an IPv6 CIDR in canonical form such as ::/0 or 2001:db8::/32, with no host bits set' })
  .meta({ description: 'IPv6 CIDR block, e.g. ::/0.' });

export function isCanonicalIpv6Cidr(value: string): boolean {
  if (!/^[0-9a-f:]+\/\d{1,3}$/.test(value) || !Address6.isValid(value)) return false;
  const address = new Address6(value);
  return `${address.startAddress().correctForm()}/${address.subnetMask}` === value;
}

/** The availability zone keys of explicit subnet CIDRs: `az0` is the first zone of the VPC. */
export const AzKey = z.string().regex(/^az[0-7]$/, { error: 'an availability zone key is az0 to az7 (az0 is the VPC\'s first zone)' });

const Port = z.number().int().min(0).max(65535);

/**
 * The schemas take the IPv4 CIDR schema of network.ts as an argument: network.ts spreads these
 * fields into its own objects, so importing it from here would be a cycle.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
function networkAclRule(Cidr: z.ZodType<string>) {
  return z
    .strictObject({
      rule: z.number().int().min(1).max(32766).meta({ description: 'Rule number (1-32766), unique per direction; rules are evaluated from the lowest number up.' }),
      action: z.enum(['allow', 'deny']).meta({ description: 'allow or deny.' }),
      protocol: z.enum(['tcp', 'udp', 'icmp', 'icmpv6', 'all']).meta({ description: 'tcp, udp, icmp, icmpv6 or all.' }),
      cidr: Cidr.optional().meta({ description: 'IPv4 CIDR the rule matches. Exactly one of cidr or ipv6Cidr.' }),
      ipv6Cidr: Ipv6Cidr.optional().meta({ description: 'IPv6 CIDR the rule matches. Exactly one of cidr or ipv6Cidr.' }),
      fromPort: Port.optional().meta({ description: 'First port (tcp and udp only; required for them).' }),
      toPort: Port.optional().meta({ description: 'Last port (tcp and udp only). @default fromPort' }),
      icmpType: z.number().int().min(-1).max(255).optional().meta({ description: 'ICMP type (icmp and icmpv6 only). @default -1 (all types)' }),
      icmpCode: z.number().int().min(-1).max(255).optional().meta({ description: 'ICMP code (icmp and icmpv6 only). @default -1 (all codes)' }),
    })
    .meta({ description: 'A network ACL entry. Network ACLs are stateless: allow the return traffic (ephemeral ports) in the other direction.' });
}

function networkAcl(Cidr: z.ZodType<string>) {
  const NetworkAclRule = networkAclRule(Cidr);
  return z
    .strictObject({
      ingress: z.array(NetworkAclRule).default([]).meta({ description: 'Inbound rules. @default none (all inbound traffic denied)' }),
      egress: z.array(NetworkAclRule).default([]).meta({ description: 'Outbound rules. @default none (all outbound traffic denied)' }),
    })
    .meta({ description: 'A network ACL for the subnets of the tier, in place of the VPC\'s default ACL. Anything no rule allows is denied.' });
}

/** Fields of a subnet tier added for explicit CIDRs, route tables per zone, network ACLs and IPv6. */
export const subnetTierControlFields = (Cidr: z.ZodType<string>) => ({
  cidrs: z
    .record(AzKey, Cidr)
    .optional()
    .meta({ description: 'Explicit subnet CIDRs by zone (az0, az1, ... one per availability zone of the VPC), in place of prefixLength. Each lies in the VPC\'s primary or a secondary CIDR; allocated tiers are placed around them.' }),
  routeTablePerAz: z
    .boolean()
    .optional()
    .meta({ description: 'One route table per availability zone instead of one for the tier (nat tiers always have one per zone). Turning it on moves the shared table to the az0 table; turning it off moves the az0 table back to the shared one (lz.lock.json records the tier). @default false' }),
  networkAcl: networkAcl(Cidr).optional().meta({ description: 'A network ACL for the tier\'s subnets. @default the VPC\'s default network ACL' }),
  ipv6: z
    .boolean()
    .optional()
    .meta({ description: 'Give each subnet of the tier a /64 of the VPC\'s IPv6 block, and ::/0 the way defaultRoute goes (internet: the internet gateway; nat: an egress-only internet gateway; none: no route). Needs ipv6 on the VPC. @default false' }),
  assignIpv6AddressOnCreation: z.boolean().optional().meta({ description: 'Give network interfaces created in the tier an IPv6 address. Needs ipv6 on the tier. @default false' }),
});

/**
 * Fields of a VPC added for IPv6.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#vpc-sizing-ipv6
 */
export const vpcControlFields = {
  ipv6: z.boolean().optional().meta({ description: 'Ask for an Amazon-provided /56 IPv6 block for the VPC; tiers opt in with ipv6. @default false' }),
};

export type NetworkAclConfig = z.infer<ReturnType<typeof networkAcl>>;
export type NetworkAclRuleConfig = z.infer<ReturnType<typeof networkAclRule>>;
