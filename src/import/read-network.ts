import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RAMClient } from '@aws-sdk/client-ram';
import { callAws, collectPages, type CallPolicy } from './aws-call';
import type { NetworkSnapshot, Tags, TransitGatewaySnapshot } from './snapshot';

type Ec2Sdk = typeof import('@aws-sdk/client-ec2');
type RamSdk = typeof import('@aws-sdk/client-ram');

const tagMap = (tags: Array<{ Key?: string; Value?: string }> | undefined): Tags => Object.fromEntries((tags ?? []).map((t) => [t.Key!, t.Value ?? '']));

/**
 * Reads the Transit Gateways the network account owns in one region: options, route tables with
 * their propagations and static routes, attachments with their association, and the RAM shares
 * that carry each gateway with their principals.
 */
export async function readNetwork(
  sdks: { ec2: Ec2Sdk; ram: RamSdk },
  clients: { ec2: EC2Client; ram: RAMClient },
  accountId: string,
  region: string,
  policy: CallPolicy = {},
): Promise<NetworkSnapshot> {
  const { ec2, ram } = sdks;
  const account = `account ${accountId}`;
  const ec2Call = <T>(command: object) => callAws<T>({ client: clients.ec2, servicePrefix: 'ec2', account }, command, policy);
  const ramCall = <T>(command: object) => callAws<T>({ client: clients.ram, servicePrefix: 'ram', account }, command, policy);

  type Tgw = { TransitGatewayId?: string; TransitGatewayArn?: string; State?: string; Description?: string; Tags?: Array<{ Key?: string; Value?: string }>;
    Options?: { AmazonSideAsn?: number; AutoAcceptSharedAttachments?: string; DefaultRouteTableAssociation?: string; DefaultRouteTablePropagation?: string; DnsSupport?: string } };
  const gateways = await collectPages(async (NextToken) => {
    const r = await ec2Call<{ TransitGateways?: Tgw[]; NextToken?: string }>(
      new ec2.DescribeTransitGatewaysCommand({ Filters: [{ Name: 'owner-id', Values: [accountId] }], NextToken }));
    return { items: r.TransitGateways, next: r.NextToken };
  });

  type Share = { resourceShareArn?: string; name?: string; allowExternalPrincipals?: boolean; status?: string };
  const shares = await collectPages(async (nextToken) => {
    const r = await ramCall<{ resourceShares?: Share[]; nextToken?: string }>(new ram.GetResourceSharesCommand({ resourceOwner: 'SELF', nextToken }));
    return { items: r.resourceShares, next: r.nextToken };
  });

  const transitGateways: TransitGatewaySnapshot[] = [];
  for (const g of gateways.filter((x) => x.State !== 'deleted' && x.State !== 'deleting')) {
    const id = g.TransitGatewayId!;
    const filter = [{ Name: 'transit-gateway-id', Values: [id] }];
    const tables = await collectPages(async (NextToken) => {
      const r = await ec2Call<{ TransitGatewayRouteTables?: Array<{ TransitGatewayRouteTableId?: string; State?: string; Tags?: Array<{ Key?: string; Value?: string }> }>; NextToken?: string }>(
        new ec2.DescribeTransitGatewayRouteTablesCommand({ Filters: filter, NextToken }));
      return { items: r.TransitGatewayRouteTables, next: r.NextToken };
    });
    const routeTables = [];
    for (const t of tables.filter((x) => x.State !== 'deleted')) {
      const TransitGatewayRouteTableId = t.TransitGatewayRouteTableId!;
      const propagations = await collectPages(async (NextToken) => {
        const r = await ec2Call<{ TransitGatewayRouteTablePropagations?: Array<{ TransitGatewayAttachmentId?: string; State?: string }>; NextToken?: string }>(
          new ec2.GetTransitGatewayRouteTablePropagationsCommand({ TransitGatewayRouteTableId, NextToken }));
        return { items: r.TransitGatewayRouteTablePropagations, next: r.NextToken };
      });
      // SearchTransitGatewayRoutes has no pagination; it returns up to MaxResults and says whether there were more.
      const routes = await ec2Call<{ Routes?: Array<{ DestinationCidrBlock?: string; State?: string; TransitGatewayAttachments?: Array<{ TransitGatewayAttachmentId?: string }> }>; AdditionalRoutesAvailable?: boolean }>(
        new ec2.SearchTransitGatewayRoutesCommand({ TransitGatewayRouteTableId, Filters: [{ Name: 'type', Values: ['static'] }], MaxResults: 1000 }));
      routeTables.push({
        id: TransitGatewayRouteTableId,
        tags: tagMap(t.Tags),
        propagations: propagations.filter((p) => p.State !== 'disabled').map((p) => p.TransitGatewayAttachmentId!).sort(),
        staticRoutes: (routes.Routes ?? []).map((r) => ({
          destination: r.DestinationCidrBlock!,
          blackhole: r.State === 'blackhole',
          ...(r.TransitGatewayAttachments?.[0]?.TransitGatewayAttachmentId ? { attachmentId: r.TransitGatewayAttachments[0].TransitGatewayAttachmentId } : {}),
        })),
      });
    }
    const attachments = await collectPages(async (NextToken) => {
      const r = await ec2Call<{ TransitGatewayAttachments?: Array<{ TransitGatewayAttachmentId?: string; ResourceType?: string; ResourceId?: string; ResourceOwnerId?: string; State?: string;
        Association?: { TransitGatewayRouteTableId?: string; State?: string } }>; NextToken?: string }>(new ec2.DescribeTransitGatewayAttachmentsCommand({ Filters: filter, NextToken }));
      return { items: r.TransitGatewayAttachments, next: r.NextToken };
    });
    const carrying = [];
    for (const share of shares.filter((s) => s.status === 'ACTIVE')) {
      const resources = await collectPages(async (nextToken) => {
        const r = await ramCall<{ resources?: Array<{ arn?: string }>; nextToken?: string }>(
          new ram.ListResourcesCommand({ resourceOwner: 'SELF', resourceShareArns: [share.resourceShareArn!], nextToken }));
        return { items: r.resources, next: r.nextToken };
      });
      if (!resources.some((r) => r.arn === g.TransitGatewayArn)) continue;
      const principals = await collectPages(async (nextToken) => {
        const r = await ramCall<{ principals?: Array<{ id?: string }>; nextToken?: string }>(
          new ram.ListPrincipalsCommand({ resourceOwner: 'SELF', resourceShareArns: [share.resourceShareArn!], nextToken }));
        return { items: r.principals, next: r.nextToken };
      });
      carrying.push({ arn: share.resourceShareArn!, name: share.name ?? '', allowExternalPrincipals: share.allowExternalPrincipals === true, principals: principals.map((p) => p.id!).sort() });
    }
    transitGateways.push({
      id,
      arn: g.TransitGatewayArn!,
      description: g.Description ?? '',
      amazonSideAsn: g.Options?.AmazonSideAsn ?? 64512,
      autoAcceptSharedAttachments: g.Options?.AutoAcceptSharedAttachments ?? 'disable',
      defaultRouteTableAssociation: g.Options?.DefaultRouteTableAssociation ?? 'enable',
      defaultRouteTablePropagation: g.Options?.DefaultRouteTablePropagation ?? 'enable',
      dnsSupport: g.Options?.DnsSupport ?? 'enable',
      tags: tagMap(g.Tags),
      routeTables,
      attachments: attachments.filter((a) => a.State !== 'deleted' && a.State !== 'deleting').map((a) => ({
        id: a.TransitGatewayAttachmentId!,
        resourceType: a.ResourceType ?? 'vpc',
        resourceId: a.ResourceId ?? '',
        resourceOwnerId: a.ResourceOwnerId ?? '',
        ...(a.Association?.TransitGatewayRouteTableId && a.Association.State !== 'disassociated' ? { associatedRouteTableId: a.Association.TransitGatewayRouteTableId } : {}),
      })),
      shares: carrying,
    });
  }
  return { accountId, region, transitGateways };
}
