import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { VpcIpam } from '@cdktf/provider-aws/lib/vpc-ipam';
import { VpcIpamPool } from '@cdktf/provider-aws/lib/vpc-ipam-pool';
import { VpcIpamPoolCidr } from '@cdktf/provider-aws/lib/vpc-ipam-pool-cidr';
import { VpcIpamPoolCidrAllocation } from '@cdktf/provider-aws/lib/vpc-ipam-pool-cidr-allocation';
import type { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { RefactoringBlocks } from '../src/constructs/refactoring-blocks';
import { renameChainEnd } from '../src/model/managed-changes';
import { subnetOffset } from '../src/model/network/shared-ipam';
import type { IpamModel, NetworkModel, VpcModel } from '../src/model/network/types';
import type { LandingZoneModel } from '../src/model/types';
import type { AccountDirectory } from './account-directory';
import { exportAttribute } from './exported-values';
import { ids } from './ids';
import { networkAccountProvider } from './network-account-provider';
import { organizationPrincipal } from './network-shared-subnets';
import type { OrganizationStack } from './organization-stack';

export interface IpamStackProps {
  readonly model: LandingZoneModel;
  readonly network: NetworkModel;
  readonly ipam: IpamModel;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
  /** The stack that delegates IPAM administration to the network account, when org.yaml asks for it. */
  readonly delegation?: LandingZoneStack;
}

/**
 * `ipam`, network account, after the organization (and the IPAM delegation): the IPAM with the
 * network region as operating region, a top-level pool holding `ipam.cidrs`, one regional pool per
 * network.pools key (carved from its outer pool or the top-level pool, with its netmask range), the
 * reserved ranges allocated so IPAM never hands them out, and one RAM share of the regional pools
 * with the organization. Its size is the number of pools, not of accounts: a VPC's allocation is the
 * VPC itself (`ipv4_ipam_pool_id`, `ipv4_netmask_length`) in its account's network stack, which reads
 * the pool ids from the outputs declared here up front.
 * @see https://docs.aws.amazon.com/vpc/latest/ipam/how-it-works-ipam.html
 */
export class IpamStack extends LandingZoneStack {
  private readonly pools = new Map<string, VpcIpamPool>();

  constructor(scope: Construct, id: string, props: IpamStackProps) {
    super(scope, id);
    const { model, network, ipam, organization, accounts, delegation } = props;
    const name = model.organization.name;
    networkAccountProvider(this, model, accounts, network.accountKey, network.region);
    this.addDependency(organization);
    if (delegation) this.addDependency(delegation);
    // Every VPC allocated from a pool depends on the IPAM and its pools: no plan deletes them.
    const keep = { lifecycle: { preventDestroy: true } };

    const manager = new VpcIpam(this, ids.ipam, {
      description: `${name} IP addresses`,
      operatingRegions: ipam.regions.map((regionName) => ({ regionName })),
      tags: { Name: name },
      ...keep,
    });
    const top = new VpcIpamPool(this, ids.ipamTopLevelPool, {
      addressFamily: 'ipv4',
      ipamScopeId: manager.privateDefaultScopeId,
      description: `${name} top-level pool`,
      tags: { Name: `${name}-top-level` },
      ...keep,
    });
    const provisioned = new Map<string, VpcIpamPoolCidr[]>([['', ipam.cidrs.map((cidr) => new VpcIpamPoolCidr(this, ids.ipamTopLevelCidr(cidr), { ipamPoolId: top.id, cidr, ...keep }))]]);

    // Outer pools first, so a nested pool is carved from a provisioned CIDR.
    const byKey = new Map(ipam.pools.map((p) => [p.key, p]));
    const depth = (key: string): number => (byKey.get(key)?.within === undefined ? 0 : 1 + depth(byKey.get(key)!.within!));
    for (const p of [...ipam.pools].sort((a, b) => depth(a.key) - depth(b.key) || (a.key < b.key ? -1 : 1))) {
      const source = p.within ?? '';
      const pool = new VpcIpamPool(this, ids.ipamPool(p.key), {
        addressFamily: 'ipv4',
        ipamScopeId: manager.privateDefaultScopeId,
        sourceIpamPoolId: p.within === undefined ? top.id : this.pools.get(p.within)!.id,
        locale: p.region,
        allocationMinNetmaskLength: p.netmaskLength.min,
        allocationMaxNetmaskLength: p.netmaskLength.max,
        description: `${name} pool ${p.key}`,
        tags: { Name: `${name}-${p.key}`, pool: p.key },
        ...keep,
      });
      this.pools.set(p.key, pool);
      exportAttribute(this, pool, 'id');
      const cidr = new VpcIpamPoolCidr(this, ids.ipamPoolCidr(p.key), { ipamPoolId: pool.id, cidr: p.cidr, dependsOn: provisioned.get(source) ?? [], ...keep });
      provisioned.set(p.key, [cidr]);
      for (const r of p.reserved)
        new VpcIpamPoolCidrAllocation(this, ids.ipamReservation(p.key, r.key), { ipamPoolId: pool.id, cidr: r.cidr, description: `reserved: ${r.key}`, dependsOn: [cidr] });
      for (const h of p.heldVpcs)
        // The description names the account and forces a new allocation when it changes: a rename keeps the first one.
        new VpcIpamPoolCidrAllocation(this, ids.ipamHeldVpc(p.key, h.vpc), { ipamPoolId: pool.id, cidr: h.cidr, description: `VPC ${h.vpc}, created before the IPAM`, dependsOn: [cidr], lifecycle: { ignoreChanges: ['description'] } });
    }

    // The one address here that names an account: a renamed account's held VPC keeps its allocation
    // (a new one of the same CIDR would fail while the old one holds it).
    const renames = model.managedChanges?.renamedAccounts ?? [];
    const endOf = renameChainEnd(renames);
    const type = VpcIpamPoolCidrAllocation.tfResourceType;
    const moved = ipam.pools.flatMap((p) =>
      p.heldVpcs.flatMap((h) => {
        const [account, vpc] = h.vpc.split('/') as [string, string];
        return renames.filter((r) => endOf(r.to) === account).map((r) => ({ from: `${type}.${ids.ipamHeldVpc(p.key, `${r.from}/${vpc}`)}`, to: `${type}.${ids.ipamHeldVpc(p.key, `${r.to}/${vpc}`)}` }));
      }),
    );
    if (moved.length > 0) new RefactoringBlocks(this, 'refactoring', { moved, removed: [] });

    const share = new RamResourceShare(this, ids.ipamShare, { name: `${name}-ipam-pools`, allowExternalPrincipals: false, ...keep });
    for (const p of ipam.pools) new RamResourceAssociation(this, ids.ipamShareResource(p.key), { resourceShareArn: share.arn, resourceArn: this.pools.get(p.key)!.arn });
    new RamPrincipalAssociation(this, ids.ipamShareOrganization, { resourceShareArn: share.arn, principal: organizationPrincipal(model, organization) });
  }

  /** The id of a regional pool, for the VPCs allocated from it. */
  poolId(pool: string): string {
    const p = this.pools.get(pool);
    if (!p) throw new Error(`unknown IPAM pool ${pool}`);
    return p.id;
  }
}

/**
 * How a VPC gets its primary CIDR: as given (no IPAM), from its IPAM pool by netmask (IPAM picks
 * the CIDR at apply time), or from its pool as given (IPAM records the explicit CIDR).
 */
export function vpcAddressing(v: VpcModel, ipam: IpamStack | undefined): { cidrBlock?: string; ipv4IpamPoolId?: string; ipv4NetmaskLength?: number } {
  if (!v.ipam || !ipam) return { cidrBlock: v.cidr };
  const ipv4IpamPoolId = ipam.poolId(v.ipam.pool);
  return v.ipam.netmask ? { ipv4IpamPoolId, ipv4NetmaskLength: Number(v.cidr.split('/')[1]) } : { cidrBlock: v.cidr, ipv4IpamPoolId };
}

/** A subnet's CIDR: literal when the VPC's CIDR is known offline, else its place in whatever CIDR IPAM gives the VPC. */
export function subnetCidrBlock(v: VpcModel, vpc: Vpc, cidr: string): string {
  if (!v.ipam?.netmask) return cidr;
  const { newbits, netnum } = subnetOffset(v.cidr, cidr);
  return Fn.cidrsubnet(vpc.cidrBlock, newbits, netnum);
}
