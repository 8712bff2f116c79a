import { App, TerraformStack } from 'cdktf';
import { adoptRecordedImports } from '../src/constructs/recorded-imports';
import { networkByAccount } from '../src/model/network/by-account';
import type { NetworkModel } from '../src/model/network/types';
import { buildTerraformVersions } from '../src/model/terraform-versions';
import type { AccountModel, LandingZoneModel } from '../src/model/types';
import { AccessStack } from './access-stack';
import { AccountDirectory } from './account-directory';
import { AccountStack } from './account-stack';
import { BaselineStack } from './baseline-stack';
import { requireVersions } from './backends';
import { DelegatedAdministratorsStack, hasDelegatedAdministrators } from './delegated-administrators-stack';
import { applyDeployment } from './deployment';
import { DetectiveAdministrationStack, DetectiveConfigurationStack } from './detective-stacks';
import { IdentityCenterStack } from './identity-center-stack';
import { LogArchiveStack } from './log-archive-stack';
import { ids, stackNames } from './ids';
import { IpamStack } from './ipam-stack';
import { NetworkHubStack } from './network-hub-stack';
import { buildMultiRegionNetworkStacks } from './network-regions-app';
import { NetworkSpokeStack } from './network-spoke-stack';
import { OrganizationStack } from './organization-stack';
import { OrgTrailStack } from './org-trail-stack';
import { SecurityToolingStack } from './security-tooling-stack';
import type { LandingZoneStack } from '../src/constructs/landing-zone-stack';

export interface BuildAppOptions {
  /** Where cdktf writes the stacks (possibly a staging directory that is renamed afterwards). */
  readonly outdir: string;
  /** The directory the output finally lives in; relative paths in the output are computed from it. @default outdir */
  readonly finalOutdir?: string;
  /** The directory of org.yaml; local state files live here, outside the output directory. */
  readonly projectDir: string;
  /**
   * Which per-account stacks to build, by stack name and account key; organization-wide stacks are
   * always built, and so is an `account-<id>` stack that one of them reads an account id from.
   * `lz synth` gives each worker process its share of the accounts this way.
   * @default every stack
   */
  readonly selectStacks?: StackSelection;
}

export type StackSelection = (name: string, accountKey: string) => boolean;

export interface LandingZoneStacks {
  readonly app: App;
  readonly organization: OrganizationStack;
  readonly accounts: AccountDirectory;
  readonly logArchive?: LogArchiveStack;
  readonly orgTrail?: OrgTrailStack;
  readonly securityTooling?: SecurityToolingStack;
  readonly identityCenter?: IdentityCenterStack;
}

/**
 * Builds every stack of the landing zone from the resolved model: organization-wide stacks
 * (organization, delegated-administrators, identity-center, log and security stacks, network-hub)
 * and, per account, `account-<id>`, `access-<id>` and `network-<id>`, named by the stack id that
 * lz.lock.json pins. Stack traces are not captured at token creation: they cost a fifth of synth
 * time and only help debugging cdktf itself. cdktf's own validations are skipped: lz has validated
 * the configuration before any construct exists, and cdktf's remaining checks run
 * `terraform version` for import, moved and removed blocks, which fails wherever no terraform
 * binary is installed (CI runners that only synthesize). The README states the Terraform version
 * those blocks need.
 */
export function buildApp(model: LandingZoneModel, options: BuildAppOptions): LandingZoneStacks {
  const app = new App({ outdir: options.outdir, stackTraces: false, skipValidation: true });
  const select = options.selectStacks ?? (() => true);
  const organization = new OrganizationStack(app, 'organization', { model });
  const accounts = buildAccountStacks(app, model, organization, select);

  const groups = securityRegionGroups(model);
  const delegated = hasDelegatedAdministrators(model)
    ? groups.map(({ group, regions }) => new DelegatedAdministratorsStack(app, ids.delegatedAdministratorsStackOf(group), { model, organization, accounts, regions, first: group === 1 }))
    : [];
  const afterDelegation: LandingZoneStack[] = [organization, ...delegated.slice(0, 1)];

  const identityCenter = model.identityCenter
    ? new IdentityCenterStack(app, 'identity-center', { model, identityCenter: model.identityCenter, accounts, after: afterDelegation })
    : undefined;
  if (identityCenter) buildAccessStacks(app, model, identityCenter, accounts, select);

  const { logging, security } = model;
  const logArchive = logging ? new LogArchiveStack(app, 'log-archive', { model, logging, organization, accounts }) : undefined;
  const orgTrail = logging && logArchive ? new OrgTrailStack(app, 'org-trail', { model, logging, organization, logArchive }) : undefined;
  const securityTooling = security
    ? groups.map(({ group, regions }, i) => new SecurityToolingStack(app, ids.securityToolingStackOf(group), {
      model, security, accounts, organization, regions, first: group === 1, after: [organization, ...(delegated[i] ? [delegated[i]!] : [])],
    }))[0]
    : undefined;
  if (security?.detective && securityTooling) {
    const detective = { model, detective: security.detective, organization, accounts, securityTooling };
    const administration = new DetectiveAdministrationStack(app, ids.detectiveAdministrationStack, detective);
    new DetectiveConfigurationStack(app, ids.detectiveConfigurationStack, { ...detective, administration });
  }
  if (model.network) buildNetworkStacks(app, model, organization, accounts, select, logArchive, delegated[0]);
  if (model.baseline) buildBaselineStacks(app, model, accounts, select, logArchive);
  // Last: backends and, for Terraform Cloud, the bootstrap stacks cover every stack built above.
  applyDeployment(app, model, {
    outdir: options.finalOutdir ?? options.outdir,
    projectDir: options.projectDir,
    accountId: (key) => accounts.accountId(key),
    accountStack: (key) => accounts.stackOf(key),
  });
  const versions = model.versions ?? buildTerraformVersions(undefined);
  for (const stack of app.node.children) if (stack instanceof TerraformStack) requireVersions(stack, versions);
  adoptRecordedImports(app, model.recordedImports);
  return {
    app,
    organization,
    accounts,
    ...(identityCenter ? { identityCenter } : {}),
    ...(logArchive ? { logArchive } : {}),
    ...(orgTrail ? { orgTrail } : {}),
    ...(securityTooling ? { securityTooling } : {}),
  };
}

/**
 * The region groups of GuardDuty's regional stacks (`delegated-administrators<n>`,
 * `security-tooling<n>`): the pinned groups that are not empty, the home region first in its
 * group so that it has the default provider. Without GuardDuty, only the home region.
 */
function securityRegionGroups(model: LandingZoneModel): Array<{ group: number; regions: string[] }> {
  const home = model.organization.homeRegion;
  const groups = model.security?.guardDuty?.regionGroups;
  if (!groups) return [{ group: 1, regions: [home] }];
  return groups
    .map((g, i) => ({ group: i + 1, regions: [...g].sort((a, b) => (a === home ? -1 : b === home ? 1 : 0)) }))
    .filter(({ group, regions }) => group === 1 || regions.length > 0);
}

/**
 * One `account-<id>` stack per member account, per released account (its `removed` blocks), and
 * for the management account only when a policy is attached to it. An account's stack that the
 * selection leaves out is still built when another stack asks for its account id.
 */
function buildAccountStacks(app: App, model: LandingZoneModel, organization: OrganizationStack, select: StackSelection): AccountDirectory {
  const literals = new Map<string, string>();
  const withStack = new Map<string, AccountModel>();
  const attachedToAccount = new Set((model.guardrails?.documents ?? []).flatMap((d) => d.targets.flatMap((t) => (t.kind === 'account' ? [t.key] : []))));
  for (const account of model.accounts) {
    if (account.id !== undefined) literals.set(account.key, account.id);
    if (account.isManagement && !attachedToAccount.has(account.key)) continue;
    withStack.set(account.key, account);
  }
  const name = (key: string) => stackNames.account(model.stackIds[key]!);
  const stacks = new OnDemandStacks((key) => {
    const account = withStack.get(key);
    return account && new AccountStack(app, name(key), { model, organization, account });
  });
  for (const key of withStack.keys()) if (select(name(key), key)) stacks.get(key);
  for (const released of model.managedChanges?.removedAccounts ?? [])
    if (select(name(released.key), released.key)) new AccountStack(app, name(released.key), { model, organization, releasedKey: released.key });
  return new AccountDirectory(stacks, literals);
}

/** Account stacks by key, each built the first time it is asked for. */
class OnDemandStacks extends Map<string, AccountStack> {
  constructor(private readonly build: (key: string) => AccountStack | undefined) {
    super();
  }

  override get(key: string): AccountStack | undefined {
    if (!super.has(key)) {
      const stack = this.build(key);
      if (stack) this.set(key, stack);
    }
    return super.get(key);
  }
}

/** Accounts that have the optional stack `kind` (src/model/stack-ids.ts), sorted. */
function accountsWith(model: LandingZoneModel, kind: 'access' | 'network' | 'baseline'): string[] {
  return Object.keys(model.optionalStacks).filter((key) => model.optionalStacks[key]!.includes(kind)).sort();
}

/** One `access-<id>` stack per account that has assignments, or had them. */
function buildAccessStacks(app: App, model: LandingZoneModel, identityCenterStack: IdentityCenterStack, accounts: AccountDirectory, select: StackSelection): void {
  const identityCenter = model.identityCenter!;
  const byAccount = new Map<string, (typeof identityCenter.assignments)[number][]>();
  for (const a of identityCenter.assignments) {
    const list = byAccount.get(a.accountKey);
    if (list) list.push(a);
    else byAccount.set(a.accountKey, [a]);
  }
  for (const accountKey of accountsWith(model, 'access')) {
    const name = stackNames.access(model.stackIds[accountKey]!);
    if (!select(name, accountKey)) continue;
    new AccessStack(app, name, { model, identityCenter, identityCenterStack, accounts, accountKey, assignments: byAccount.get(accountKey) ?? [] });
  }
}

/** network-hub (unless the network has no Transit Gateway), ipam (with an IPAM), and one `network-<id>` per account with a VPC, or that had one. */
function buildNetworkStacks(
  app: App,
  model: LandingZoneModel,
  organization: OrganizationStack,
  accounts: AccountDirectory,
  select: StackSelection,
  logArchive: LogArchiveStack | undefined,
  delegation: DelegatedAdministratorsStack | undefined,
): void {
  const network = model.network!;
  if (network.multiRegion) return buildMultiRegionNetworkStacks(app, model, network, network.multiRegion, organization, accounts, accountsWith(model, 'network'), select, logArchive);
  const hub = network.transitGateway.enabled ? new NetworkHubStack(app, ids.networkHubStack, { model, network, organization, accounts }) : undefined;
  const ipam = network.ipam
    ? new IpamStack(app, ids.ipamStack, { model, network, ipam: network.ipam, organization, accounts, ...(network.ipam.delegatedAdministrator && delegation ? { delegation } : {}) })
    : undefined;
  const parts = networkByAccount(network);
  const build = (accountKey: string, centralEndpoints?: NetworkSpokeStack) => {
    const part = parts.get(accountKey) ?? { accountKey, vpcs: [], associations: [], propagations: [], routes: [] };
    return new NetworkSpokeStack(app, stackNames.network(model.stackIds[accountKey]!), { model, network, accounts, hub, ipam, organization, part, ...(logArchive ? { logArchive } : {}), ...(centralEndpoints ? { centralEndpoints } : {}) });
  };
  const selected = accountsWith(model, 'network').filter((key) => select(stackNames.network(model.stackIds[key]!), key));
  // The central endpoints' stack comes first when a selected stack uses it: consumers read its zone ids.
  const central = centralEndpointsStack(network, selected, build);
  for (const accountKey of selected) if (accountKey !== network.centralEndpoints?.accountKey || !central) build(accountKey, central);
}

/** The stack of the central endpoints' VPC, built when it or a consumer in another account is selected. */
function centralEndpointsStack(network: NetworkModel, selected: readonly string[], build: (accountKey: string) => NetworkSpokeStack): NetworkSpokeStack | undefined {
  const central = network.centralEndpoints;
  if (!central) return undefined;
  const consumerAccounts = new Set(central.consumers.map((id) => id.split('/')[0]!));
  return selected.some((key) => key === central.accountKey || consumerAccounts.has(key)) ? build(central.accountKey) : undefined;
}

/**
 * Per account with a baseline, one stack per non-empty region group of lz.lock.json: `baseline-<id>`
 * for the first (the home region and the account-wide settings), `baseline<n>-<id>` for the others,
 * which run after the first (they use the Config service-linked role it creates).
 */
function buildBaselineStacks(app: App, model: LandingZoneModel, accounts: AccountDirectory, select: StackSelection, logArchive: LogArchiveStack | undefined): void {
  const { regionGroups, accounts: baselines } = model.baseline!;
  for (const accountKey of accountsWith(model, 'baseline')) {
    const baseline = baselines[accountKey];
    if (!baseline) continue;
    const stackId = model.stackIds[accountKey]!;
    // Every stack of the account is selected or none: they are the same account's.
    const names = regionGroups.flatMap((regions, i) => (i === 0 || regions.length > 0 ? [{ name: stackNames.baseline(stackId, i + 1), regions }] : []));
    if (!names.map(({ name }) => select(name, accountKey)).every(Boolean)) continue;
    const common = { model, accounts, baseline, ...(logArchive ? { logArchive } : {}) };
    const [first, ...others] = names;
    const firstStack = new BaselineStack(app, first!.name, { ...common, regions: first!.regions, first: true });
    for (const { name, regions } of others) new BaselineStack(app, name, { ...common, regions, first: false, firstStack });
  }
}
