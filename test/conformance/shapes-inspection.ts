import type { ApiTarget } from './aws-api-models';

const nfw = (operation: string, member: string): ApiTarget => ({ service: 'network-firewall', operation, member });
const group = (member: string) => nfw('CreateRuleGroup', `RuleGroup.${member}`);
const policy = (member: string) => nfw('CreateFirewallPolicy', `FirewallPolicy.${member}`);
const STATELESS = 'RulesSource.StatelessRulesAndCustomActions.StatelessRules';
const RG = 'aws_networkfirewall_rule_group.rule_group';
const SR = `${RG}.rules_source.stateless_rules_and_custom_actions.stateless_rule`;
const FP = 'aws_networkfirewall_firewall_policy.firewall_policy';

/**
 * AWS Network Firewall arguments of the inspection VPC (stacks/network-inspection.ts), and the
 * one EC2 argument inspection adds (a route to a firewall endpoint is a route to a VPC endpoint).
 * Map entries (the rule variables) name the map's key and value shapes.
 */
export const INSPECTION_SHAPES: Readonly<Record<string, ApiTarget>> = {
  'aws_networkfirewall_firewall.name': nfw('CreateFirewall', 'FirewallName'),
  'aws_networkfirewall_firewall.firewall_policy_arn': nfw('CreateFirewall', 'FirewallPolicyArn'),
  'aws_networkfirewall_firewall.vpc_id': nfw('CreateFirewall', 'VpcId'),
  'aws_networkfirewall_firewall.subnet_mapping.subnet_id': nfw('CreateFirewall', 'SubnetMappings.SubnetId'),
  'aws_networkfirewall_firewall.delete_protection': nfw('CreateFirewall', 'DeleteProtection'),
  'aws_networkfirewall_firewall.subnet_change_protection': nfw('CreateFirewall', 'SubnetChangeProtection'),
  'aws_networkfirewall_firewall.tags': nfw('CreateFirewall', 'Tags'),

  'aws_networkfirewall_firewall_policy.name': nfw('CreateFirewallPolicy', 'FirewallPolicyName'),
  'aws_networkfirewall_firewall_policy.tags': nfw('CreateFirewallPolicy', 'Tags'),
  [`${FP}.stateless_default_actions`]: policy('StatelessDefaultActions'),
  [`${FP}.stateless_fragment_default_actions`]: policy('StatelessFragmentDefaultActions'),
  [`${FP}.stateful_default_actions`]: policy('StatefulDefaultActions'),
  [`${FP}.stateful_engine_options.rule_order`]: policy('StatefulEngineOptions.RuleOrder'),
  [`${FP}.stateless_rule_group_reference.priority`]: policy('StatelessRuleGroupReferences.Priority'),
  [`${FP}.stateless_rule_group_reference.resource_arn`]: policy('StatelessRuleGroupReferences.ResourceArn'),
  [`${FP}.stateful_rule_group_reference.priority`]: policy('StatefulRuleGroupReferences.Priority'),
  [`${FP}.stateful_rule_group_reference.resource_arn`]: policy('StatefulRuleGroupReferences.ResourceArn'),

  'aws_networkfirewall_rule_group.name': nfw('CreateRuleGroup', 'RuleGroupName'),
  'aws_networkfirewall_rule_group.type': nfw('CreateRuleGroup', 'Type'),
  'aws_networkfirewall_rule_group.capacity': nfw('CreateRuleGroup', 'Capacity'),
  'aws_networkfirewall_rule_group.description': nfw('CreateRuleGroup', 'Description'),
  'aws_networkfirewall_rule_group.tags': nfw('CreateRuleGroup', 'Tags'),
  [`${RG}.rule_variables.ip_sets.key`]: { service: 'network-firewall', shape: 'RuleVariableName' },
  [`${RG}.rule_variables.ip_sets.ip_set.definition`]: { service: 'network-firewall', shape: 'VariableDefinitionList' },
  [`${RG}.rules_source.rules_string`]: group('RulesSource.RulesString'),
  [`${RG}.rules_source.rules_source_list.generated_rules_type`]: group('RulesSource.RulesSourceList.GeneratedRulesType'),
  [`${RG}.rules_source.rules_source_list.target_types`]: group('RulesSource.RulesSourceList.TargetTypes'),
  [`${RG}.rules_source.rules_source_list.targets`]: group('RulesSource.RulesSourceList.Targets'),
  [`${RG}.rules_source.stateful_rule.action`]: group('RulesSource.StatefulRules.Action'),
  [`${RG}.rules_source.stateful_rule.header.protocol`]: group('RulesSource.StatefulRules.Header.Protocol'),
  [`${RG}.rules_source.stateful_rule.header.source`]: group('RulesSource.StatefulRules.Header.Source'),
  [`${RG}.rules_source.stateful_rule.header.source_port`]: group('RulesSource.StatefulRules.Header.SourcePort'),
  [`${RG}.rules_source.stateful_rule.header.destination`]: group('RulesSource.StatefulRules.Header.Destination'),
  [`${RG}.rules_source.stateful_rule.header.destination_port`]: group('RulesSource.StatefulRules.Header.DestinationPort'),
  [`${RG}.rules_source.stateful_rule.header.direction`]: group('RulesSource.StatefulRules.Header.Direction'),
  [`${RG}.rules_source.stateful_rule.rule_option.keyword`]: group('RulesSource.StatefulRules.RuleOptions.Keyword'),
  [`${RG}.rules_source.stateful_rule.rule_option.settings`]: group('RulesSource.StatefulRules.RuleOptions.Settings'),
  [`${SR}.priority`]: group(`${STATELESS}.Priority`),
  [`${SR}.rule_definition.actions`]: group(`${STATELESS}.RuleDefinition.Actions`),
  [`${SR}.rule_definition.match_attributes.protocols`]: group(`${STATELESS}.RuleDefinition.MatchAttributes.Protocols`),
  [`${SR}.rule_definition.match_attributes.source.address_definition`]: group(`${STATELESS}.RuleDefinition.MatchAttributes.Sources.AddressDefinition`),
  [`${SR}.rule_definition.match_attributes.destination.address_definition`]: group(`${STATELESS}.RuleDefinition.MatchAttributes.Destinations.AddressDefinition`),
  [`${SR}.rule_definition.match_attributes.destination_port.from_port`]: group(`${STATELESS}.RuleDefinition.MatchAttributes.DestinationPorts.FromPort`),
  [`${SR}.rule_definition.match_attributes.destination_port.to_port`]: group(`${STATELESS}.RuleDefinition.MatchAttributes.DestinationPorts.ToPort`),
};
