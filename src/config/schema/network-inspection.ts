import { z } from 'zod';

/**
 * The inspection part of the network section: an inspection VPC with AWS Network Firewall, and the
 * segments whose traffic goes through it. Built from the key and CIDR types of network.ts, which
 * spreads the results into its objects (network.ts imports this file, so it cannot import back).
 */
export function inspectionSchemas(types: { readonly Cidr: z.ZodType<string>; readonly TierKey: z.ZodType<string>; readonly key: (what: string, example: string) => z.ZodType<string> }) {
  const { Cidr, TierKey, key } = types;
  const Port = z.number().int().min(0).max(65535);
  const PortOrAny = z.union([Port, z.literal('ANY')]);
  const AddressOrAny = z.union([Cidr, z.literal('ANY')]);

  const FiveTupleRule = z
    .strictObject({
      sid: z.number().int().min(1).max(999999999).meta({ description: 'Suricata signature id, unique in the rule group; it names the rule in alert logs, so it stays fixed.' }),
      action: z.enum(['pass', 'drop', 'alert']).meta({ description: 'What a match does (Suricata action).' }),
      protocol: z.enum(['IP', 'TCP', 'UDP', 'ICMP', 'HTTP', 'TLS', 'DNS', 'SSH', 'FTP', 'SMTP', 'NTP', 'DHCP']).default('IP').meta({ description: 'Protocol to match. @default IP' }),
      source: AddressOrAny.default('ANY').meta({ description: 'Source CIDR or ANY. @default ANY' }),
      sourcePort: PortOrAny.default('ANY').meta({ description: 'Source port or ANY. @default ANY' }),
      destination: AddressOrAny.default('ANY').meta({ description: 'Destination CIDR or ANY. @default ANY' }),
      destinationPort: PortOrAny.default('ANY').meta({ description: 'Destination port or ANY. @default ANY' }),
      direction: z.enum(['FORWARD', 'ANY']).default('FORWARD').meta({ description: 'FORWARD matches source to destination only; ANY both ways. @default FORWARD' }),
    })
    .meta({ description: 'A stateful 5-tuple rule (Network Firewall standard stateful rule).' });

  const StatelessRule = z
    .strictObject({
      priority: z.number().int().min(1).max(65535).meta({ description: 'Order of evaluation in the rule group, unique in it (lower first).' }),
      action: z.enum(['pass', 'drop', 'forward']).meta({ description: 'pass (aws:pass), drop (aws:drop) or forward to the stateful engine (aws:forward_to_sfe).' }),
      protocols: z.array(z.number().int().min(0).max(255)).default([]).meta({ description: 'IANA protocol numbers (6 TCP, 17 UDP). @default all protocols' }),
      sources: z.array(Cidr).default([]).meta({ description: 'Source CIDRs. @default any source' }),
      destinations: z.array(Cidr).default([]).meta({ description: 'Destination CIDRs. @default any destination' }),
      destinationPorts: z.array(Port).default([]).meta({ description: 'Destination ports (TCP and UDP only). @default any port' }),
    })
    .meta({ description: 'A stateless rule: a match on the packet header and an action.' });

  const RuleGroup = z
    .strictObject({
      capacity: z.number().int().meta({ description: 'Capacity units reserved for the group (1-30,000). Fixed at creation: a change replaces the group.' }),
      description: z.string().max(512).optional().meta({ description: 'Description of the rule group.' }),
      priority: z.number().int().min(1).max(65535).optional().meta({ description: 'Order of the group in the firewall policy: required for stateless groups and with ruleOrder STRICT_ORDER.' }),
      domains: z
        .strictObject({
          action: z.enum(['allow', 'deny']).meta({ description: 'allow: only these domains pass (ALLOWLIST); deny: these are dropped (DENYLIST).' }),
          targets: z.array(z.string().regex(/^\.?[A-Za-z0-9*-]+(?:\.[A-Za-z0-9-]+)*$/, { error: 'a domain such as example.com, or .example.com for every subdomain' })).min(1)
            .meta({ description: 'Domains; a leading dot matches every subdomain (.example.com).' }),
          protocols: z.array(z.enum(['http', 'tls'])).min(1).default(['http', 'tls']).meta({ description: 'Inspect the HTTP Host header and/or the TLS SNI. @default both' }),
        })
        .optional()
        .meta({ description: 'A stateful domain list rule group.' }),
      suricata: z.string().min(1).optional().meta({ description: 'Suricata-compatible rules, inline.' }),
      suricataFile: z.string().min(1).optional().meta({ description: 'A file of Suricata-compatible rules, relative to org.yaml.' }),
      rules: z.record(key('firewall rule', 'allow-https'), FiveTupleRule).optional().meta({ description: 'Stateful 5-tuple rules by key.' }),
      stateless: z.record(key('firewall rule', 'drop-telnet'), StatelessRule).optional().meta({ description: 'Stateless rules by key; makes the group a stateless rule group.' }),
    })
    .refine((g) => [g.domains, g.suricata, g.suricataFile, g.rules, g.stateless].filter((s) => s !== undefined).length === 1, {
      error: 'give exactly one of `domains`, `suricata`, `suricataFile`, `rules` (stateful 5-tuple) or `stateless`',
    })
    .meta({ description: 'A Network Firewall rule group: exactly one of domains, suricata, suricataFile, rules or stateless.' });

  const InspectionSection = z
    .strictObject({
      vpc: z
        .string()
        .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'a VPC reference is <account key>/<vpc key>, e.g. network/inspection' })
        .meta({ description: 'The inspection VPC as <account key>/<vpc key>; its segment becomes the inspection segment.' }),
      firewallTier: TierKey.meta({ description: 'The tier whose subnets hold the firewall endpoints (one per zone). Its defaultRoute is transit-gateway (east-west only) or nat (north-south too).' }),
      internalRanges: z.array(Cidr).min(1).meta({ description: 'The ranges of the organization\'s VPCs (e.g. 10.0.0.0/8): east-west inspected segments route them to the firewall, and the firewall\'s HOME_NET is set to them.' }),
      deleteProtection: z.boolean().default(true).meta({ description: 'Protect the firewall against deletion (turn off, apply, then remove it). @default true' }),
      policy: z
        .strictObject({
          ruleOrder: z.enum(['DEFAULT_ACTION_ORDER', 'STRICT_ORDER']).default('DEFAULT_ACTION_ORDER').meta({ description: 'How the stateful engine orders rules. @default DEFAULT_ACTION_ORDER' }),
          statelessDefaultAction: z.enum(['pass', 'drop', 'forward']).default('forward').meta({ description: 'What a packet no stateless rule matches gets. @default forward (to the stateful engine)' }),
          statefulDefaultActions: z.array(z.enum(['aws:drop_strict', 'aws:drop_established', 'aws:alert_strict', 'aws:alert_established'])).optional()
            .meta({ description: 'Stateful default actions (STRICT_ORDER only), e.g. [aws:drop_established].' }),
        })
        .refine((p) => p.statefulDefaultActions === undefined || p.ruleOrder === 'STRICT_ORDER', { error: 'statefulDefaultActions needs ruleOrder: STRICT_ORDER' })
        .default({ ruleOrder: 'DEFAULT_ACTION_ORDER', statelessDefaultAction: 'forward' })
        .meta({ description: 'The firewall policy. @default default action order, stateless traffic forwarded to the stateful engine' }),
      ruleGroups: z.record(key('rule group', 'egress-domains'), RuleGroup).default({}).meta({ description: 'Rule groups by key, all referenced by the firewall policy.' }),
    })
    .meta({ description: 'An inspection VPC with AWS Network Firewall.' });

  const SegmentInspection = z
    .strictObject({
      eastWest: z.boolean().default(false).meta({ description: 'Traffic to the segments it reaches goes through the firewall (both sides must say so). @default false' }),
      northSouth: z.boolean().default(false).meta({ description: 'Traffic to the internet (0.0.0.0/0) goes through the firewall. @default false' }),
    })
    .meta({ description: 'Which of the segment\'s traffic goes through the inspection VPC.' });

  return {
    /** Spread into the network section. */
    section: { inspection: InspectionSection.optional().meta({ description: 'Inspection VPC and AWS Network Firewall.' }) },
    /** Spread into a segment. */
    segment: { inspection: SegmentInspection.optional().meta({ description: 'Send east-west and/or north-south traffic through the inspection VPC.' }) },
    /** Spread into a VPC. */
    vpc: {
      applianceModeSupport: z.boolean().optional().meta({ description: 'Appliance mode on the TGW attachment (a flow stays in one zone both ways). @default true for the inspection VPC, false otherwise' }),
    },
  };
}

export type InspectionConfig = NonNullable<z.infer<ReturnType<typeof inspectionSchemas>['section']['inspection']>>;
export type RuleGroupConfig = InspectionConfig['ruleGroups'][string];
