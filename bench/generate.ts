import { stringify } from 'yaml';

/** A small, seeded PRNG (mulberry32): the same seed gives the same organization on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOrg {
  /** The org.yaml text. */
  readonly yaml: string;
  /** The same organization as data, for the bare cdktf baseline. */
  readonly spec: OrgSpec;
}

export interface OrgSpec {
  /** Where the stacks keep their state: local files, or one HCP Terraform workspace per stack. */
  readonly backend: 'local' | 'cloud';
  readonly managementId: string;
  readonly region: string;
  /** OU paths, parents first. */
  readonly ous: readonly string[];
  readonly accounts: ReadonlyArray<{ key: string; name: string; email: string; ou: string }>;
  readonly policies: ReadonlyArray<{ key: string; source: Record<string, unknown>; targets: string[] }>;
}

const DOMAINS = ['payments', 'ledger', 'search', 'identity', 'media', 'data', 'risk', 'growth', 'mobile', 'web', 'ml', 'ops'];

/**
 * An organization of `accounts` accounts shaped like a large enterprise: business units under
 * Workloads, each with Prod and NonProd, domain accounts spread over them, a sandbox OU, and a
 * guardrail baseline at the root and on Workloads.
 */
export function generateOrg(accounts: number, seed = 42, backend: OrgSpec['backend'] = 'local'): SyntheticOrg {
  const random = prng(seed);
  const businessUnits = Math.max(2, Math.round(Math.sqrt(accounts) / 2));
  const ous: string[] = ['Security', 'Infrastructure', 'Workloads', 'Sandbox', 'Suspended'];
  const bus: string[] = [];
  for (let i = 0; i < businessUnits; i++) {
    const bu = `Workloads/BU${String(i).padStart(3, '0')}`;
    bus.push(bu);
    ous.push(bu, `${bu}/Prod`, `${bu}/NonProd`);
  }
  const list: Array<{ key: string; name: string; email: string; ou: string }> = [
    { key: 'log-archive', name: 'Log Archive', email: 'aws+log-archive@example.com', ou: 'Security' },
    { key: 'security-tooling', name: 'Security Tooling', email: 'aws+security-tooling@example.com', ou: 'Security' },
    { key: 'network', name: 'Network', email: 'aws+network@example.com', ou: 'Infrastructure' },
  ];
  for (let i = list.length; i < accounts - 1; i++) {
    const domain = DOMAINS[Math.floor(random() * DOMAINS.length)]!;
    const sandbox = random() < 0.1;
    const bu = bus[Math.floor(random() * bus.length)]!;
    const ou = sandbox ? 'Sandbox' : `${bu}/${random() < 0.5 ? 'Prod' : 'NonProd'}`;
    const key = `${domain}-${String(i).padStart(5, '0')}`;
    list.push({ key, name: `${domain} ${i}`, email: `aws+${key}@example.com`, ou });
  }
  const policies = [
    { key: 'baseline', source: { guardrails: { 'deny-leave-organization': {}, 'deny-root-user': {}, 'protect-security-services': { exemptRoles: ['BreakGlass'] }, 'protect-access-roles': { exemptRoles: ['BreakGlass'] } } }, targets: ['Root'] },
    { key: 'deny-unapproved-regions', source: { guardrail: 'deny-unapproved-regions', parameters: { exemptRoles: ['BreakGlass'] } }, targets: ['Root'] },
    { key: 'workload-guardrails', source: { guardrails: { 'deny-iam-users': { exemptRoles: ['BreakGlass'] }, 'require-imdsv2': {}, 'deny-default-vpc': {} } }, targets: ['Workloads'] },
    { key: 'deny-all', source: { guardrail: 'deny-all' }, targets: ['Suspended'] },
  ];
  const spec: OrgSpec = { backend, managementId: '123456789012', region: 'us-east-1', ous, accounts: list, policies };
  return { yaml: toYaml(spec), spec };
}

function toYaml(spec: OrgSpec): string {
  const tree: Record<string, { children?: Record<string, unknown>; policies?: string[] }> = {};
  for (const path of spec.ous) {
    const parts = path.split('/');
    let level: Record<string, { children?: Record<string, unknown>; policies?: string[] }> = tree;
    for (let i = 0; i < parts.length; i++) {
      const node = (level[parts[i]!] ??= {});
      if (i < parts.length - 1) level = (node.children ??= {}) as typeof level;
    }
  }
  const attach = (path: string, key: string) => {
    const parts = path.split('/');
    let node: { children?: Record<string, unknown>; policies?: string[] } = tree[parts[0]!]!;
    for (const part of parts.slice(1)) node = (node.children as Record<string, typeof node>)[part]!;
    (node.policies ??= []).push(key);
  };
  const rootPolicies: string[] = [];
  for (const p of spec.policies) for (const t of p.targets) (t === 'Root' ? rootPolicies.push(p.key) : attach(t, p.key));
  const doc = {
    organization: { name: 'bench', homeRegion: spec.region, allowedRegions: ['us-west-2'], managementAccount: 'management', policies: rootPolicies },
    organizationalUnits: tree,
    accounts: {
      management: { name: 'Management', email: 'aws+management@example.com', ou: 'Root', id: spec.managementId },
      ...Object.fromEntries(spec.accounts.map((a) => [a.key, { name: a.name, email: a.email, ou: a.ou }])),
    },
    policies: Object.fromEntries(spec.policies.map((p) => [p.key, p.source])),
    ...(spec.backend === 'cloud' ? { deployment: { backend: 'cloud', cloud: { organization: 'bench' } } } : {}),
    logging: { account: 'log-archive', bucketName: 'bench-org-log-archive' },
    // The account baseline in every member account, as in the default org.yaml.
    baseline: { alternateContacts: { security: { name: 'Security Team', title: 'Security Operations', email: 'security@example.com', phone: '+1 206 555 0100' } } },
    security: { account: 'security-tooling', services: { guardDuty: { autoEnable: 'ALL' }, securityHub: { autoEnable: true }, configAggregator: {}, accessAnalyzer: {} } },
    network: {
      account: 'network',
      transitGateway: { asn: 64512 },
      sharing: { organization: true },
      // Sized for 5,000 accounts: /22 VPCs, 4,096 per /10 pool.
      pools: { prod: '10.0.0.0/10', nonprod: '10.64.0.0/10', sandbox: '10.128.0.0/12', shared: '10.192.0.0/16' },
      segments: {
        prod: { intraSegment: true },
        nonprod: { intraSegment: true },
        sandbox: {},
        shared: { reaches: ['prod', 'nonprod', 'sandbox'] },
      },
      // A VPC in most accounts: every workload and sandbox account, through OU templates.
      templates: {
        prod: { ous: spec.ous.filter((o) => o.endsWith('/Prod')), vpcs: { main: workloadVpc('prod', 3) } },
        nonprod: { ous: spec.ous.filter((o) => o.endsWith('/NonProd')), vpcs: { main: workloadVpc('nonprod', 2) } },
        sandbox: { ous: ['Sandbox'], vpcs: { main: workloadVpc('sandbox', 2) } },
      },
      accounts: { network: { vpcs: { shared: workloadVpc('shared', 2) } } },
    },
    identityCenter: {
      permissionSets: {
        PlatformAdmin: { managedPolicies: ['AdministratorAccess'] },
        PowerUser: { managedPolicies: ['PowerUserAccess'] },
        ReadOnly: { managedPolicies: ['ReadOnlyAccess'] },
      },
      groups: { 'platform-admins': { displayName: 'Platform Admins' }, developers: { displayName: 'Developers' }, auditors: { displayName: 'Auditors' } },
      // Permission sets assigned by OU: every account gets two or three assignments.
      assignments: [
        { group: 'platform-admins', permissionSets: ['PlatformAdmin'], ous: ['Security', 'Infrastructure'] },
        { group: 'developers', permissionSets: ['PowerUser'], ous: spec.ous.filter((o) => o.endsWith('/NonProd')).concat('Sandbox') },
        { group: 'developers', permissionSets: ['ReadOnly'], ous: spec.ous.filter((o) => o.endsWith('/Prod')) },
        { group: 'auditors', permissionSets: ['ReadOnly'], ous: ['Root'], excludeOus: spec.ous.filter((o) => o.endsWith('/Prod')) },
      ],
    },
  };
  return stringify(doc);
}

function workloadVpc(segment: string, azCount: number): Record<string, unknown> {
  return {
    segment,
    pool: segment,
    prefixLength: 22,
    azCount,
    attachmentTier: 'attachment',
    subnets: { attachment: { prefixLength: 28 }, app: { prefixLength: 25, defaultRoute: 'transit-gateway' } },
  };
}

/** The key of the account that `withOneMoreAccount` adds. */
export const ADDED_ACCOUNT = 'bench-added-account';

/** The same organization with one more workload account in the first Prod OU: a typical pull request. */
export function withOneMoreAccount(org: SyntheticOrg): string {
  const prodOu = org.spec.ous.find((o) => o.endsWith('/Prod'))!;
  const extra = `  ${ADDED_ACCOUNT}:\n    name: bench added account\n    email: aws+${ADDED_ACCOUNT}@example.com\n    ou: ${prodOu}\n`;
  return org.yaml.replace(/^accounts:\n/m, `accounts:\n${extra}`);
}
