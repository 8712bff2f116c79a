import { SSO_SERVICE_PRINCIPAL } from '../model/identity-center';
import type { Partition } from '../model/types';
import { keyFromName } from './keys';
import { mapIdentityCenter } from './map-identity-center';
import { reportNetwork } from './map-network';
import { mapOrganizations } from './map-organizations';
import type { MappedImport } from './mapped';
import type { ImportSnapshot } from './snapshot';

export interface MapOptions {
  /** organization.name: a short name used in resource names and tags. @default the management account's key, up to 20 characters */
  readonly name?: string;
  readonly accessRoleName: string;
}

/** The pure half of `lz import`: a snapshot in, org.yaml data, the import record, policy files and the report out. */
export function mapSnapshot(snapshot: ImportSnapshot, options: MapOptions): MappedImport {
  const partition = snapshot.partition as Partition;
  const management = snapshot.organizations.accounts.find((a) => a.id === snapshot.organizations.managementAccountId);
  const name = options.name ?? keyFromName(management?.name ?? 'organization', { lowercase: true, maxLength: 20 }, 'organization');
  const org = mapOrganizations(snapshot.organizations, { name, homeRegion: snapshot.region, partition, accessRoleName: options.accessRoleName });
  const imports = new Map(org.imports);
  const files = new Map(org.files);
  const report = [...org.report];
  const document: Record<string, unknown> = { ...org.sections };

  if (snapshot.identityCenter) {
    // The delegated administrator of Identity Center is said once, in its own section.
    const delegated = org.delegated.get(SSO_SERVICE_PRINCIPAL);
    if (delegated !== undefined) {
      const admins = { ...(document.delegatedAdministrators as Record<string, string>) };
      delete admins[SSO_SERVICE_PRINCIPAL];
      if (Object.keys(admins).length > 0) document.delegatedAdministrators = admins;
      else delete document.delegatedAdministrators;
    }
    const ic = mapIdentityCenter(snapshot.identityCenter, org.keys, partition, delegated);
    document.identityCenter = ic.section;
    for (const [k, v] of ic.imports) imports.set(k, v);
    for (const [k, v] of ic.files) files.set(k, v);
    report.push(...ic.report);
  }
  if (snapshot.network) report.push(...reportNetwork(snapshot.network));
  for (const part of snapshot.skipped) report.push({ kind: 'left-out', subject: part, reason: 'left out on the command line (--without).' });
  return { document, imports: new Map([...imports].sort(([a], [b]) => (a < b ? -1 : 1))), files, report };
}
