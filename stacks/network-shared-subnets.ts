import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import type { Subnet } from '@cdktf/provider-aws/lib/subnet';
import type { Construct } from 'constructs';
import type { VpcModel } from '../src/model/network/types';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { ids } from './ids';
import type { OrganizationStack } from './organization-stack';

/** The RAM principal of the whole organization. */
export function organizationPrincipal(model: LandingZoneModel, organization: OrganizationStack): string {
  const { partition, managementAccountId } = model.organization;
  return `arn:${partition}:organizations::${managementAccountId}:organization/${organization.organizationId}`;
}

/** The RAM principal of an OU (its accounts and nested OUs). */
export function ouPrincipal(model: LandingZoneModel, organization: OrganizationStack, path: string): string {
  const { partition, managementAccountId } = model.organization;
  return `arn:${partition}:organizations::${managementAccountId}:ou/${organization.organizationId}/${organization.ouId(path)}`;
}

/**
 * The subnet share of one VPC, in its owner's network stack and with the owner's provider: one RAM
 * share that never allows principals outside the organization, each subnet of the shared tiers
 * (every zone) as a resource, and one principal association per principal org.yaml names. Which
 * participants an OU or the organization covers is RAM's to resolve, so an account joining an OU
 * changes nothing here; an account named by key is one association, addressed by its stack id.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-sharing.html
 */
export function shareSubnets(
  scope: Construct,
  v: VpcModel,
  subnets: ReadonlyMap<string, readonly Subnet[]>,
  context: { readonly model: LandingZoneModel; readonly organization: OrganizationStack; readonly accounts: AccountDirectory },
): void {
  const shared = v.sharedSubnets;
  if (!shared) return;
  const { model, organization, accounts } = context;
  const share = new RamResourceShare(scope, ids.subnetShare(v.key), {
    name: `${v.accountKey}-${v.key}-subnets`,
    allowExternalPrincipals: false,
    tags: { Name: `${v.accountKey}-${v.key}-subnets` },
  });
  for (const tier of shared.tiers)
    subnets.get(tier)!.forEach((subnet, azIndex) =>
      new RamResourceAssociation(scope, ids.subnetShareResource(v.key, tier, azIndex), { resourceShareArn: share.arn, resourceArn: subnet.arn }));
  const principal = (id: string, value: string) => new RamPrincipalAssociation(scope, id, { resourceShareArn: share.arn, principal: value });
  if (shared.organization) principal(ids.subnetSharePrincipal(v.key, { kind: 'organization' }), organizationPrincipal(model, organization));
  for (const path of shared.ous) principal(ids.subnetSharePrincipal(v.key, { kind: 'ou', path }), ouPrincipal(model, organization, path));
  for (const key of shared.accounts)
    principal(ids.subnetSharePrincipal(v.key, { kind: 'account', stackId: model.stackIds[key]! }), accounts.accountId(key));
}
