import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { IMPORTS_SECTION } from '../config/import-record';
import { InputError } from '../config/load';
import { LOCK_FILE_NAME, renderLockFile } from '../config/lock-file';
import type { CallPolicy } from '../import/aws-call';
import type { MappedImport, ReportEntry } from '../import/mapped';
import { readIdentityCenter } from '../import/read-identity-center';
import { readNetwork } from '../import/read-network';
import { readOrganizations } from '../import/read-organizations';
import type { ImportSnapshot } from '../import/snapshot';

export const IMPORT_PARTS = ['identity-center', 'network'] as const;

export interface ImportOptions {
  readonly region: string;
  readonly name?: string;
  readonly accessRoleName: string;
  /** The account that owns the Transit Gateway; without it the network is not read. */
  readonly networkAccount?: string;
  readonly networkRoleName?: string;
  readonly without: readonly string[];
  readonly callPolicy?: CallPolicy;
}

/** `cn-north-1` -> aws-cn, `us-gov-west-1` -> aws-us-gov, otherwise aws. */
export function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/**
 * Reads the organization with the standard credential chain (environment, profile, SSO, instance
 * role). The SDK is loaded here only, so no other subcommand pays for it. The SDK's own retries
 * are off: callAws retries throttling with a longer backoff than the SDK's three attempts.
 */
export async function readSnapshot(options: ImportOptions): Promise<ImportSnapshot> {
  for (const part of options.without)
    if (!(IMPORT_PARTS as readonly string[]).includes(part)) throw new InputError(`--without takes ${IMPORT_PARTS.join(' or ')}, not "${part}"`);
  const config = { region: options.region, maxAttempts: 1 };
  const organizations = await import('@aws-sdk/client-organizations');
  // Organizations is a global service answered in us-east-1 (aws), cn-northwest-1 or us-gov-west-1.
  const orgRegion = { aws: 'us-east-1', 'aws-cn': 'cn-northwest-1', 'aws-us-gov': 'us-gov-west-1' }[partitionOf(options.region)]!;
  const orgs = await readOrganizations(organizations, new organizations.OrganizationsClient({ ...config, region: orgRegion }), options.callPolicy);

  let identityCenter: ImportSnapshot['identityCenter'];
  if (!options.without.includes('identity-center')) {
    const [sso, store] = await Promise.all([import('@aws-sdk/client-sso-admin'), import('@aws-sdk/client-identitystore')]);
    identityCenter = await readIdentityCenter({ sso, store }, { sso: new sso.SSOAdminClient(config), store: new store.IdentitystoreClient(config) }, options.region, options.callPolicy);
  }

  let network: ImportSnapshot['network'];
  if (options.networkAccount !== undefined && !options.without.includes('network')) {
    if (!/^\d{12}$/.test(options.networkAccount)) throw new InputError(`--network-account takes a 12-digit account id, not "${options.networkAccount}"`);
    const [ec2, ram, { fromTemporaryCredentials }] = await Promise.all([import('@aws-sdk/client-ec2'), import('@aws-sdk/client-ram'), import('@aws-sdk/credential-providers')]);
    const roleArn = `arn:${partitionOf(options.region)}:iam::${options.networkAccount}:role/${options.networkRoleName ?? options.accessRoleName}`;
    const credentials = options.networkAccount === orgs.managementAccountId ? undefined
      : fromTemporaryCredentials({ params: { RoleArn: roleArn, RoleSessionName: 'lz-import' }, clientConfig: { region: options.region } });
    const networkConfig = { ...config, ...(credentials ? { credentials } : {}) };
    network = await readNetwork({ ec2, ram }, { ec2: new ec2.EC2Client(networkConfig), ram: new ram.RAMClient(networkConfig) }, options.networkAccount, options.region, options.callPolicy);
  }
  const skipped = [...options.without].sort().map((p) => (p === 'network' ? 'the network (Transit Gateway, route tables, attachments, RAM shares)' : 'IAM Identity Center'));
  return { partition: partitionOf(options.region), region: options.region, organizations: orgs, ...(identityCenter ? { identityCenter } : {}), ...(network ? { network } : {}), skipped };
}

/** The header of an imported org.yaml: where it came from and what to do next. */
function header(snapshot: ImportSnapshot): string {
  return [
    '# yaml-language-server: $schema=./org.schema.json',
    `# Imported by \`lz import\` from organization ${snapshot.organizations.id}. The first plan of every stack`,
    '# should show imports only; lz.lock.json holds the ids of what org.yaml has no id for.',
    '',
  ].join('\n');
}

/** Writes org.yaml, lz.lock.json and the policy files; refuses to replace existing ones unless forced. */
export function writeImport(mapped: MappedImport, snapshot: ImportSnapshot, out: string, force: boolean): string[] {
  const dir = dirname(out);
  const targets = [out, join(dir, LOCK_FILE_NAME), ...[...mapped.files.keys()].map((f) => join(dir, f))];
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length > 0 && !force) throw new InputError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; lz import writes a new configuration. Choose another --out directory, or pass --force to replace them.`);
  const text = header(snapshot) + stringify(mapped.document, { lineWidth: 0 });
  for (const [file, content] of [...mapped.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  writeFileSync(join(dir, LOCK_FILE_NAME), renderLockFile({ version: 1, [IMPORTS_SECTION]: Object.fromEntries(mapped.imports) }));
  writeFileSync(out, text);
  return targets;
}

/** The report, grouped: what the first plan changes, what lz leaves alone, notes. */
export function renderReport(report: readonly ReportEntry[]): string {
  const section = (kind: ReportEntry['kind'], title: string) => {
    const entries = report.filter((r) => r.kind === kind);
    return entries.length === 0 ? [] : [title, ...entries.map((e) => `  - ${e.subject}: ${e.reason}`)];
  };
  const lines = [
    ...section('change', 'Changed by the first apply:'),
    ...section('left-out', 'Not expressed in org.yaml (lz leaves it alone):'),
    ...section('note', 'Notes:'),
  ];
  return lines.length === 0 ? 'Everything read is expressed in org.yaml.' : lines.join('\n');
}
