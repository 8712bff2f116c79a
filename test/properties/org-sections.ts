import fc from 'fast-check';

/**
 * The sections beyond the foundation (guardrail catalog policies, logging, security, Identity
 * Center, network), added to a generated foundation document so that every rule still accepts it.
 * Each section is present or not on its own; the picks inside come from a seed list so that a
 * failure replays.
 */
export interface SectionChoices {
  guardrails: boolean;
  logging: boolean;
  security: boolean;
  identityCenter: boolean;
  network: boolean;
  seeds: number[];
}

export const sectionChoices: fc.Arbitrary<SectionChoices> = fc.record({
  guardrails: fc.boolean(),
  logging: fc.boolean(),
  security: fc.boolean(),
  identityCenter: fc.boolean(),
  network: fc.boolean(),
  seeds: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
});

/** Two hyphens: the generated account keys (at most one hyphen) never collide with these. */
const LOG_ARCHIVE = 'core-log-archive';
const SECURITY_TOOLING = 'core-sec-tooling';
const DEDICATED_OU = 'Core';

const EXEMPT_ROLES = ['BreakGlass', 'ops/Deployer', 'Pipeline*'];
const STORAGE_CLASSES = ['STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'];
const STANDARDS = ['aws-foundational-security-best-practices-v1-0-0', 'cis-aws-foundations-benchmark-v1-4-0', 'cis-aws-foundations-benchmark-v3-0-0', 'nist-800-53-v5-0-0', 'pci-dss-v3-2-1'];
const MANAGED_POLICIES = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'SecurityAudit', 'job-function/ViewOnlyAccess', 'job-function/Billing', 'AmazonS3ReadOnlyAccess'];
const PERMISSION_SETS = ['Admin', 'PowerUser', 'ReadOnly', 'Audit', 'Billing-1'];
const GROUPS = ['platform-admins', 'developers', 'auditors', 'finance', 'Ops-2'];
const SEGMENTS = ['prod', 'nonprod', 'shared', 'sandbox', 'inspect'];

type Doc = Record<string, any>;
type Pick = <T>(items: readonly T[]) => T;

/** Adds the chosen sections to `doc` (a foundation document whose OU paths are `paths`). */
export function withSections(doc: Doc, paths: readonly string[], choices: SectionChoices): Doc {
  let s = 0;
  const { seeds } = choices;
  const next = () => seeds[s++ % seeds.length]!;
  const pick: Pick = (items) => items[next() % items.length]!;
  const subset = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = Math.min(items.length, min + (next() % (max - min + 1)));
    const pool = [...items];
    return Array.from({ length: count }, () => pool.splice(next() % pool.length, 1)[0]!);
  };

  if (choices.logging || choices.security) {
    doc.organizationalUnits[DEDICATED_OU] = { tags: { purpose: 'security' } };
    for (const key of [choices.logging ? LOG_ARCHIVE : undefined, choices.security ? SECURITY_TOOLING : undefined])
      if (key) doc.accounts[key] = { name: `Acct ${key}`, email: `aws+${key}@example.com`, ou: DEDICATED_OU };
  }
  const bucketName = `generated-logs-${next() % 1000}`;
  if (choices.guardrails) addGuardrailPolicies(doc, paths, bucketName, pick, subset);
  if (choices.logging) doc.logging = logging(bucketName, next, pick);
  if (choices.security) {
    doc.security = security(pick, subset);
    // The security section registers the delegated administrator of each service it enables.
    const principals: Record<string, string> = { guardDuty: 'guardduty.amazonaws.com', securityHub: 'securityhub.amazonaws.com', configAggregator: 'config.amazonaws.com', accessAnalyzer: 'access-analyzer.amazonaws.com' };
    for (const service of Object.keys(doc.security.services)) if (principals[service]) delete doc.delegatedAdministrators[principals[service]];
  }
  if (choices.identityCenter) doc.identityCenter = identityCenter(doc, paths, pick, subset);
  // The network account and the VPCs go to workload accounts, not to the log archive or the security tooling.
  const members = Object.keys(doc.accounts).filter((k) => k !== doc.organization.managementAccount && doc.accounts[k].ou !== DEDICATED_OU).sort();
  if (choices.network && members.length > 0) doc.network = network(paths, members, next, pick, subset);
  return doc;
}

function addGuardrailPolicies(doc: Doc, paths: readonly string[], bucketName: string, pick: Pick, subset: <T>(items: readonly T[], min: number, max: number) => T[]): void {
  const exempt = () => subset(EXEMPT_ROLES, 0, 2);
  const catalog: Record<string, () => Record<string, unknown>> = {
    'deny-leave-organization': () => ({}),
    'deny-root-user': () => ({}),
    'deny-iam-users': () => ({ exemptRoles: exempt() }),
    'require-imdsv2': () => ({ exemptRoles: exempt() }),
    'deny-ebs-encryption-disable': () => ({ exemptRoles: exempt() }),
    'deny-ram-external-sharing': () => ({}),
    'deny-default-vpc': () => ({ exemptRoles: exempt() }),
    'deny-region-opt-in-changes': () => ({ exemptRoles: exempt() }),
    'protect-access-roles': () => ({ roles: subset(['Deployer', 'ops/Pipeline'], 0, 2), exemptRoles: exempt() }),
    'protect-security-services': () => ({ services: subset(['cloudtrail', 'config', 'guardduty', 'securityhub', 'access-analyzer'], 1, 5), exemptRoles: exempt() }),
    'protect-log-archive-bucket': () => ({ bucketNames: [bucketName], exemptRoles: exempt() }),
    'deny-unapproved-regions': () => ({ additionalRegions: subset(['sa-east-1', 'ca-central-1'], 0, 1), exemptRoles: exempt() }),
  };
  const single = pick(Object.keys(catalog));
  const several = subset(Object.keys(catalog), 1, 3);
  const policies: Doc = {
    'guardrail-single': { description: `Catalog guardrail ${single}`, guardrail: single, parameters: catalog[single]!() },
    'guardrail-several': { description: 'Several catalog guardrails', guardrails: Object.fromEntries(several.map((g) => [g, catalog[g]!()])) },
  };
  // At most 4 policies of our own per target: with FullAWSAccess that is the conservative quota of 5.
  for (const key of ['guardrail-single', 'guardrail-several']) {
    const targets = [...(doc.organization.policies.length < 4 ? ['Root'] : []), ...paths.filter((p) => policiesOf(doc, p).length < 4)];
    if (targets.length === 0) continue;
    doc.policies[key] = policies[key];
    const target = pick(targets);
    if (target === 'Root') doc.organization.policies.push(key);
    else ouAt(doc, target).policies = [...policiesOf(doc, target), key];
  }
}

function ouAt(doc: Doc, path: string): Doc {
  const [first, ...rest] = path.split('/');
  let ou = doc.organizationalUnits[first!];
  for (const key of rest) ou = ou.children[key];
  return ou;
}

const policiesOf = (doc: Doc, path: string): string[] => ouAt(doc, path).policies ?? [];

function logging(bucketName: string, next: () => number, pick: Pick): Doc {
  const transitionStorageClass = pick(STORAGE_CLASSES);
  const transitionDays = 30 + (next() % 300);
  const lockDays = 1 + (next() % 400);
  return {
    account: LOG_ARCHIVE,
    ...(pick([true, false]) ? { bucketName } : {}),
    retention: { transitionDays, transitionStorageClass, expirationDays: Math.max(transitionDays, lockDays) + 1 + (next() % 3000), noncurrentExpirationDays: 1 + (next() % 365) },
    objectLock: { mode: pick(['GOVERNANCE', 'COMPLIANCE']), days: lockDays },
    accessLogging: pick([true, false]),
  };
}

function security(pick: Pick, subset: <T>(items: readonly T[], min: number, max: number) => T[]): Doc {
  const makers: Record<string, () => Doc> = {
    guardDuty: () => ({
      autoEnable: pick(['ALL', 'NEW', 'NONE']),
      protectionPlans: { s3DataEvents: pick([true, false]), rdsLoginEvents: pick([true, false]), runtimeMonitoring: { agentManagement: subset(['EKS', 'ECS_FARGATE', 'EC2'], 0, 3) } },
    }),
    securityHub: () => ({ autoEnable: pick([true, false]), standards: subset(STANDARDS, 0, 3) }),
    configAggregator: () => ({}),
    accessAnalyzer: () => ({}),
    // Lambda code scanning comes with Lambda standard scanning (LZ0406).
    inspector: () => {
      const types = subset(['EC2', 'ECR', 'LAMBDA', 'LAMBDA_CODE'], 1, 4);
      return { resourceTypes: types.includes('LAMBDA_CODE') && !types.includes('LAMBDA') ? [...types, 'LAMBDA'] : types };
    },
    macie: () => ({ autoEnable: pick([true, false]) }),
    detective: () => ({ autoEnable: pick([true, false]) }),
  };
  const services = subset(Object.keys(makers), 0, 7);
  return { account: SECURITY_TOOLING, services: Object.fromEntries(services.map((k) => [k, makers[k]!()])) };
}

const isWithin = (ou: string, outer: string) => outer === 'Root' || ou === outer || ou.startsWith(`${outer}/`);

/** The accounts an assignment reaches, computed from the document alone (not by the tool). */
export function assignmentTargets(doc: Doc, a: Doc): string[] {
  const ouOf = (key: string) => doc.accounts[key].ou as string;
  const viaOus = Object.keys(doc.accounts).filter((k) => (a.ous ?? []).some((o: string) => isWithin(ouOf(k), o))
    && !(a.excludeOus ?? []).some((o: string) => isWithin(ouOf(k), o)) && !(a.excludeAccounts ?? []).includes(k));
  return [...new Set([...viaOus, ...(a.accounts ?? [])])].sort();
}

/** The VPC ids (<account>/<vpc>) a network section gives, computed from the document alone. */
export function expectedVpcs(doc: Doc): string[] {
  const network = doc.network;
  if (!network) return [];
  const ids = new Set<string>();
  for (const template of Object.values(network.templates) as Doc[])
    for (const key of Object.keys(doc.accounts))
      if (template.ous.some((o: string) => isWithin(doc.accounts[key].ou, o))) for (const vpc of Object.keys(template.vpcs)) ids.add(`${key}/${vpc}`);
  for (const [key, entry] of Object.entries(network.accounts) as Array<[string, Doc]>) for (const vpc of Object.keys(entry.vpcs)) ids.add(`${key}/${vpc}`);
  return [...ids].sort();
}

function identityCenter(doc: Doc, paths: readonly string[], pick: Pick, subset: <T>(items: readonly T[], min: number, max: number) => T[]): Doc {
  const setKeys = subset(PERMISSION_SETS, 1, 4);
  const permissionSets = Object.fromEntries(setKeys.map((key) => [key, {
    description: `Generated permission set ${key}`,
    sessionDuration: pick(['PT1H', 'PT2H', 'PT4H', 'PT1H30M', 'PT12H']),
    managedPolicies: subset(MANAGED_POLICIES, 1, 3),
  }]));
  const groupKeys = subset(GROUPS, 1, 4);
  const groups = Object.fromEntries(groupKeys.map((key) => [key, pick([{}, { displayName: `Group ${key}` }, { displayName: `Created ${key}`, create: true, description: 'Created by lz' }])]));
  const ouOf = (key: string) => doc.accounts[key].ou as string;
  const accountKeys = Object.keys(doc.accounts).sort();
  // Each (group, permission set, account) is granted once: the validator rejects a second grant.
  const granted = new Set<string>();
  const assignments: Doc[] = [];
  for (let i = 0; i < 5; i++) {
    const group = pick(groupKeys);
    const sets = subset(setKeys, 1, 2);
    // An antichain of OUs: none inside another, as the validator requires.
    const ous = subset(['Root', ...paths], 0, 2).filter((o, _, all) => !all.some((other) => other !== o && isWithin(o, other)));
    const excludeOus = ous.length > 0 ? subset(paths.filter((p) => ous.some((o) => p !== o && isWithin(p, o))), 0, 1) : [];
    const viaOus = accountKeys.filter((a) => ous.some((o) => isWithin(ouOf(a), o)) && !excludeOus.some((o) => isWithin(ouOf(a), o)));
    const excludeAccounts = subset(viaOus, 0, 1);
    const accounts = subset(accountKeys.filter((a) => !ous.some((o) => isWithin(ouOf(a), o))), ous.length > 0 ? 0 : 1, 2);
    const targets = assignmentTargets(doc, { ous, accounts, excludeOus, excludeAccounts });
    const grants = targets.flatMap((a) => sets.map((set) => `${group}:${set}:${a}`));
    if (accounts.length + ous.length === 0 || grants.some((g) => granted.has(g))) continue;
    for (const g of grants) granted.add(g);
    assignments.push({
      group, permissionSets: sets,
      ...(ous.length > 0 ? { ous } : {}),
      ...(accounts.length > 0 ? { accounts } : {}),
      ...(excludeOus.length > 0 ? { excludeOus } : {}),
      ...(excludeAccounts.length > 0 ? { excludeAccounts } : {}),
    });
  }
  return { permissionSets, groups, assignments };
}

function network(paths: readonly string[], members: readonly string[], next: () => number, pick: Pick, subset: <T>(items: readonly T[], min: number, max: number) => T[]): Doc {
  const segmentKeys = subset(SEGMENTS, 2, 4);
  const poolKeys = ['p0', 'p1', 'p2', 'p3'];
  // Four disjoint /12 pools: room for 256 /20 VPCs each, more than any generated document asks for.
  const pools = Object.fromEntries(poolKeys.map((key, i) => [key, `10.${i * 16}.0.0/12`]));
  const account = pick(members);
  const vpc = (segment: string): Doc => {
    const azCount = 2 + (next() % 2);
    const subnets: Doc = { attachment: { prefixLength: 28 }, app: { prefixLength: 24, defaultRoute: pick(['none', 'transit-gateway']) } };
    if (pick([true, false])) subnets.data = { prefixLength: 25, transitGatewayDestinations: ['10.0.0.0/8'] };
    // 3 AZs of /24 + /25 + /28 need 1,200 addresses: a /21 or larger; two AZs fit in a /22.
    return { segment, pool: pick(poolKeys), prefixLength: pick(azCount === 2 ? [20, 21, 22] : [20, 21]), azCount, attachmentTier: 'attachment', subnets };
  };
  const egress = pick([true, false]);
  const segments = Object.fromEntries(segmentKeys.map((key) => {
    const others = segmentKeys.filter((k) => k !== key);
    const routes: Doc = {};
    if (egress && pick([true, false])) {
      routes['default-egress'] = { destination: '0.0.0.0/0', vpc: `${account}/egress` };
      routes['no-hairpin'] = { destination: '10.0.0.0/8', blackhole: true };
    }
    return [key, { reaches: subset(others, 0, 2), intraSegment: pick([true, false]), routes }];
  }));
  const templates: Doc = {};
  if (paths.length > 0)
    for (let t = 0; t < 1 + (next() % 2); t++) templates[`tmpl-${t}`] = { ous: subset(paths, 1, 2), vpcs: { [`main-${t}`]: vpc(pick(segmentKeys)) } };
  const accounts: Doc = {};
  for (const key of subset(members, 0, 3)) accounts[key] = { vpcs: { extra: vpc(pick(segmentKeys)) } };
  if (egress) {
    accounts[account] ??= { vpcs: {} };
    accounts[account].vpcs.egress = {
      segment: pick(segmentKeys), pool: pick(poolKeys), prefixLength: 22, azCount: 2, attachmentTier: 'attachment',
      subnets: { public: { prefixLength: 24, defaultRoute: 'internet', transitGatewayDestinations: ['10.0.0.0/8'] }, attachment: { prefixLength: 28, defaultRoute: 'nat' } },
    };
  }
  return {
    account,
    transitGateway: { asn: pick([64512, 65000, 4200000000]), autoAcceptSharedAttachments: false, dnsSupport: pick([true, false]) },
    sharing: pick([{ organization: true }, { organization: false, ous: ['Root'] }]),
    pools,
    reserved: pick([{}, { 'on-premises': '192.168.0.0/16' }]),
    segments,
    templates,
    accounts,
  };
}
