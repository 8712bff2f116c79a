import type { AttachmentTableEntry, NetworkModel, StaticRouteModel, VpcModel } from './types';

/** What one account's network stack holds: its VPCs and, in the network account, what routes to them. */
export interface AccountNetwork {
  readonly accountKey: string;
  readonly vpcs: readonly VpcModel[];
  /** Associations and propagations of this account's attachments. */
  readonly associations: readonly AttachmentTableEntry[];
  readonly propagations: readonly AttachmentTableEntry[];
  /** Static routes of any segment whose target is one of this account's attachments. */
  readonly routes: readonly StaticRouteModel[];
}

/**
 * The network model cut by account: each VPC with every Transit Gateway entry that exists because
 * of it. Blackhole routes belong to no VPC and stay with the hub. Every entry lands in exactly
 * one account, so the stacks built from the parts hold what the whole model says, once.
 */
export function networkByAccount(network: NetworkModel): Map<string, AccountNetwork> {
  const accountOfVpc = new Map(network.vpcs.map((v) => [v.id, v.accountKey]));
  const parts = new Map<string, { vpcs: VpcModel[]; associations: AttachmentTableEntry[]; propagations: AttachmentTableEntry[]; routes: StaticRouteModel[] }>();
  const part = (accountKey: string) => {
    let p = parts.get(accountKey);
    if (!p) parts.set(accountKey, (p = { vpcs: [], associations: [], propagations: [], routes: [] }));
    return p;
  };
  for (const v of network.vpcs) part(v.accountKey).vpcs.push(v);
  for (const a of network.associations) part(accountOfVpc.get(a.vpc)!).associations.push(a);
  for (const p of network.propagations) part(accountOfVpc.get(p.vpc)!).propagations.push(p);
  for (const segment of network.segments)
    for (const route of segment.routes) if (route.target.kind === 'attachment') part(accountOfVpc.get(route.target.vpc)!).routes.push(route);
  return new Map([...parts].map(([accountKey, p]) => [accountKey, { accountKey, ...p }]));
}
