import type { ReportEntry } from './mapped';
import type { NetworkSnapshot } from './snapshot';

/**
 * The network section cannot adopt an existing Transit Gateway yet: lz derives the gateway's
 * description and Name tags, its route tables' tags and the RAM share's name from
 * organization.name and segment keys, and declares VPCs (and so their attachments, associations
 * and propagations) only as VPCs it builds itself. Writing a network section would therefore
 * change or duplicate what exists. Everything read is reported, item by item, so nothing is guessed.
 */
export function reportNetwork(network: NetworkSnapshot): ReportEntry[] {
  const report: ReportEntry[] = [];
  const why = 'the network section cannot adopt an existing Transit Gateway (its description, tags and RAM share name are derived by lz); it stays as it is, unmanaged.';
  for (const tgw of network.transitGateways) {
    report.push({ kind: 'left-out', subject: `Transit Gateway ${tgw.id} in account ${network.accountId}, ${network.region} (ASN ${tgw.amazonSideAsn})`, reason: why });
    if (tgw.defaultRouteTableAssociation === 'enable' || tgw.defaultRouteTablePropagation === 'enable')
      report.push({ kind: 'note', subject: `Transit Gateway ${tgw.id}`, reason: 'default route table association or propagation is enabled; lz builds gateways with both disabled, so adopting it would change routing.' });
    for (const table of tgw.routeTables) {
      const name = table.tags.Name ?? table.id;
      report.push({ kind: 'left-out', subject: `route table ${name} (${table.id}): ${table.propagations.length} propagations, ${table.staticRoutes.length} static routes`, reason: 'it belongs to the Transit Gateway above.' });
    }
    for (const a of tgw.attachments)
      report.push({ kind: 'left-out', subject: `${a.resourceType} attachment ${a.id} of ${a.resourceId} (account ${a.resourceOwnerId})${a.associatedRouteTableId ? `, associated with ${a.associatedRouteTableId}` : ''}`,
        reason: 'org.yaml declares only VPCs that lz builds; an existing VPC and its attachment cannot be adopted.' });
    for (const share of tgw.shares)
      report.push({ kind: 'left-out', subject: `RAM share ${share.name} (${share.arn}) with ${share.principals.length} principals${share.allowExternalPrincipals ? ', external principals allowed' : ''}`, reason: 'it shares the Transit Gateway above.' });
  }
  return report;
}
