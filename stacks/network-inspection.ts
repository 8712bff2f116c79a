import { NetworkfirewallFirewall } from '@cdktf/provider-aws/lib/networkfirewall-firewall';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { NetworkfirewallRuleGroup, type NetworkfirewallRuleGroupRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import type { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { FOR_EXPRESSION_VALUE, Fn, forExpression, propertyAccess } from 'cdktf';
import type { Construct } from 'constructs';
import type { FirewallRuleGroupModel, InspectionModel, SubnetTierModel, VpcModel } from '../src/model/network/types';
import { ids } from './ids';

const DEFAULT_ROUTE = '0.0.0.0/0';
const STATELESS_ACTION = { pass: 'aws:pass', drop: 'aws:drop', forward: 'aws:forward_to_sfe' } as const;
const DOMAIN_TARGET = { http: 'HTTP_HOST', tls: 'TLS_SNI' } as const;


/**
 * AWS Network Firewall in the inspection VPC: its rule groups, the firewall policy that references
 * them all, and the firewall with one endpoint per zone in the firewall tier. It lives in the
 * inspection VPC's account stack, with the VPC it serves: a new spoke account adds nothing here.
 * Returns the endpoint id of a zone, found in the firewall's sync states by the subnet it sits in.
 * @see https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-high-level-steps.html
 */
export function buildFirewall(scope: Construct, v: VpcModel, inspection: InspectionModel, vpcId: string, subnets: ReadonlyMap<string, Subnet[]>): (azIndex: number) => string {
  const name = `${v.accountKey}-${v.key}`;
  const homeNet = { ipSets: [{ key: 'HOME_NET', ipSet: { definition: [...inspection.internalRanges] } }] };
  const groups = inspection.ruleGroups.map((g) => ({
    model: g,
    resource: new NetworkfirewallRuleGroup(scope, ids.firewallRuleGroup(g.key), {
      name: `${name}-${g.key}`,
      type: g.type,
      capacity: g.capacity,
      ...(g.description !== undefined ? { description: g.description } : {}),
      ruleGroup: ruleGroupBody(g, homeNet),
      tags: { Name: `${name}-${g.key}` },
    }),
  }));
  const strict = inspection.policy.ruleOrder === 'STRICT_ORDER';
  const policy = new NetworkfirewallFirewallPolicy(scope, ids.firewallPolicy, {
    name,
    firewallPolicy: {
      statelessDefaultActions: [STATELESS_ACTION[inspection.policy.statelessDefaultAction]],
      statelessFragmentDefaultActions: [STATELESS_ACTION[inspection.policy.statelessDefaultAction]],
      ...(inspection.policy.statefulDefaultActions.length > 0 ? { statefulDefaultActions: [...inspection.policy.statefulDefaultActions] } : {}),
      statefulEngineOptions: { ruleOrder: inspection.policy.ruleOrder },
      statelessRuleGroupReference: groups.filter((g) => g.model.type === 'STATELESS').map((g) => ({ priority: g.model.priority!, resourceArn: g.resource.arn })),
      statefulRuleGroupReference: groups
        .filter((g) => g.model.type === 'STATEFUL')
        .map((g) => ({ resourceArn: g.resource.arn, ...(strict ? { priority: g.model.priority! } : {}) })),
    },
    tags: { Name: name },
  });
  const firewallSubnets = subnets.get(inspection.firewallTier)!;
  const firewall = new NetworkfirewallFirewall(scope, ids.firewall, {
    name,
    vpcId,
    firewallPolicyArn: policy.arn,
    subnetMapping: firewallSubnets.map((s) => ({ subnetId: s.id })),
    deleteProtection: inspection.deleteProtection,
    subnetChangeProtection: inspection.deleteProtection,
    tags: { Name: name },
    // The inspected segments' only path to each other and to the internet: no config edit removes it
    // unnoticed (lz refuses a plan that drops it unless the user releases it, LZ0810).
    lifecycle: { preventDestroy: true },
  });
  const endpointBySubnet = forExpression(
    firewall.firewallStatus.get(0).syncStates,
    propertyAccess(FOR_EXPRESSION_VALUE, ['attachment', 0, 'endpoint_id']),
    propertyAccess(FOR_EXPRESSION_VALUE, ['attachment', 0, 'subnet_id']),
  );
  return (azIndex) => Fn.lookup(endpointBySubnet, firewallSubnets[azIndex]!.id);
}

/**
 * The routes the firewall adds to a tier's table of the inspection VPC: the attachment tier sends
 * everything to its zone's endpoint; a public tier sends the internal ranges (replies to the
 * spokes, out of the NAT gateways) to its zone's endpoint, so north-south traffic is inspected
 * both ways. Returns nothing for other tiers.
 */
export function firewallRoutes(v: VpcModel, tier: SubnetTierModel, inspection: InspectionModel | undefined): string[] {
  if (inspection?.vpc !== v.id) return [];
  if (tier.key === v.attachmentTier) return [DEFAULT_ROUTE];
  const firewallTier = v.tiers.find((t) => t.key === inspection.firewallTier);
  if (firewallTier?.defaultRoute === 'nat' && tier.defaultRoute === 'internet') return [...inspection.internalRanges];
  return [];
}

function ruleGroupBody(g: FirewallRuleGroupModel, homeNet: NetworkfirewallRuleGroupRuleGroup['ruleVariables']): NetworkfirewallRuleGroupRuleGroup {
  const s = g.source;
  switch (s.kind) {
    case 'domains':
      // HOME_NET is the VPC's own CIDR by default: for traffic from the spokes it must be theirs.
      return { ruleVariables: homeNet, rulesSource: { rulesSourceList: { generatedRulesType: s.action === 'allow' ? 'ALLOWLIST' : 'DENYLIST', targetTypes: s.protocols.map((p) => DOMAIN_TARGET[p]), targets: [...s.targets] } } };
    case 'suricata':
      return { ruleVariables: homeNet, rulesSource: { rulesString: s.rules } };
    case 'five-tuple':
      return {
        rulesSource: {
          statefulRule: s.rules.map((r) => ({
            action: r.action.toUpperCase(),
            header: { protocol: r.protocol, source: r.source, sourcePort: r.sourcePort, destination: r.destination, destinationPort: r.destinationPort, direction: r.direction },
            ruleOption: [{ keyword: 'sid', settings: [String(r.sid)] }],
          })),
        },
      };
    case 'stateless':
      return {
        rulesSource: {
          statelessRulesAndCustomActions: {
            statelessRule: s.rules.map((r) => ({
              priority: r.priority,
              ruleDefinition: {
                actions: [STATELESS_ACTION[r.action]],
                matchAttributes: {
                  ...(r.protocols.length > 0 ? { protocols: [...r.protocols] } : {}),
                  source: (r.sources.length > 0 ? r.sources : [DEFAULT_ROUTE]).map((a) => ({ addressDefinition: a })),
                  destination: (r.destinations.length > 0 ? r.destinations : [DEFAULT_ROUTE]).map((a) => ({ addressDefinition: a })),
                  ...(r.destinationPorts.length > 0 ? { destinationPort: r.destinationPorts.map((p) => ({ fromPort: p, toPort: p })) } : {}),
                },
              },
            })),
          },
        },
      };
  }
}
