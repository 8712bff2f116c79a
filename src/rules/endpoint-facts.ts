import type { YamlPath } from '../config/diagnostics';
import type { OrgConfig } from '../config/schema';
import type { VpcConfig } from '../config/schema/network';
import { buildNetworkModel } from '../model/network/build-network';
import type { NetworkModel, VpcModel } from '../model/network/types';
import { networkAllocation } from './network-facts';
import type { RuleContext } from './rule';

type CentralEndpointsConfig = NonNullable<NonNullable<OrgConfig['network']>['centralEndpoints']>;

/** A VPC definition that declares endpoints, checked once where it is written (a template VPC once, not per account). */
export interface EndpointsAt {
  readonly vpcIds: readonly string[];
  readonly fields: VpcConfig;
  readonly endpoints: NonNullable<VpcConfig['endpoints']>;
  readonly yamlPath: YamlPath;
}

/** Every place org.yaml declares a VPC's endpoints, with the VPCs it gives them to, in order. */
export function endpointsDeclarations(context: RuleContext): EndpointsAt[] {
  const byPath = new Map<string, { vpcIds: string[]; fields: VpcConfig; endpoints: NonNullable<VpcConfig['endpoints']>; yamlPath: YamlPath }>();
  for (const d of networkAllocation(context).definitions) {
    const e = d.fields.endpoints;
    if (e === undefined) continue;
    // The endpoints come from the account entry when it sets them, else from the template.
    const own = context.config.network?.accounts[d.accountKey]?.vpcs[d.key]?.endpoints !== undefined;
    const yamlPath = own || d.source === 'account' ? ['network', 'accounts', d.accountKey, 'vpcs', d.key] : ['network', 'templates', d.source.split(':')[1]!.split('+')[0]!, 'vpcs', d.key];
    const at = yamlPath.join('.');
    const entry = byPath.get(at);
    if (entry) entry.vpcIds.push(d.id);
    else byPath.set(at, { vpcIds: [d.id], fields: d.fields, endpoints: e, yamlPath });
  }
  return [...byPath.values()];
}

/** The region every VPC is built in. */
export function networkRegion(context: RuleContext): string {
  return context.config.network?.region ?? context.config.organization.homeRegion;
}

/**
 * The network model, when the network section is complete enough to build one (every VPC has a
 * segment that exists and a CIDR, and the subnets model); otherwise undefined, and the rules that
 * find what is missing report it. The model builder assumes a config that passed every rule, so a
 * network that still has subnet errors (explicit CIDRs that do not match the zones, for one) may
 * not model at all: that is such a case, not an error of this rule.
 */
export function completeNetworkModel(context: RuleContext): NetworkModel | undefined {
  const network = context.config.network;
  if (!network) return undefined;
  const allocation = networkAllocation(context);
  if (allocation.failures.length > 0) return undefined;
  const complete = allocation.definitions.every((d) => d.fields.segment !== undefined && network.segments[d.fields.segment] !== undefined && allocation.vpcCidrs.has(d.id));
  if (!complete) return undefined;
  try {
    return buildNetworkModel(context.config, context.previousLock).network;
  } catch {
    return undefined;
  }
}

/** `a, b, c` or `a, b, c and 4 more`. */
export function someOf(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}

/**
 * What the rules on consumers of the central endpoints start from: the org.yaml setting, the
 * network model (when complete) and the endpoints VPC in it; undefined when any is missing (other
 * rules report a missing VPC or an incomplete network).
 */
export function centralEndpointsHome(context: RuleContext): { central: CentralEndpointsConfig; network: NetworkModel; home: VpcModel } | undefined {
  const central = context.config.network?.centralEndpoints;
  if (!central) return undefined;
  const network = completeNetworkModel(context);
  const home = network?.vpcs.find((v) => v.id === central.vpc);
  return network && home ? { central, network, home } : undefined;
}
