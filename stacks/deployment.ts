import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CloudBackend, NamedCloudWorkspace, TerraformRemoteState, TerraformStack, Tokenization, type App } from 'cdktf';
import { memberRoleArn } from '../src/constructs/aws-provider';
import { AccessRoleAssumptionPolicy, workspaceRoleName } from '../src/constructs/workload-identity';
import {
  runRolePower,
  runTriggerHolder,
  sharesStateGlobally,
  workspaceName,
  WORKSPACE_NAME,
  type CloudDeployment,
  type DeploymentModel,
  type RunRolePower,
  type StackSite,
} from '../src/model/deployment';
import type { LandingZoneModel } from '../src/model/types';
import { useBackend, type BackendOptions } from './backends';
import { BootstrapStack } from './bootstrap-stack';
import { deploymentIds, stackNames } from './ids';
import type { ManagedStack, WorkspaceSet, WorkspaceTrigger } from './stack-workspaces';
import { LandingZoneStack } from '../src/constructs/landing-zone-stack';
import { WorkspacesStack } from './workspaces-stack';

export const WORKSPACES_STACK = 'workspaces';

export interface DeploymentOptions extends BackendOptions {
  /** The account id by key, as stacks pass it to their provider: a literal, or the account stack's attribute. */
  readonly accountId: (key: string) => string;
  /** The `account-<id>` stack of an account, where the policies of the run roles that reach it are created. */
  readonly accountStack: (key: string) => TerraformStack | undefined;
}

/**
 * Gives every stack of the app its backend, whatever stacks the app holds. With the cloud backend
 * it adds the bootstrap stacks: `workspaces` (the project and the workspaces of the
 * organization-wide stacks) and, per account, `bootstrap-<id>` (the workspaces of the account's
 * stacks), each workspace with its run role in the management account, wired from the stacks'
 * own dependencies and remote-state reads. Call it once all other stacks exist.
 */
export function applyDeployment(app: App, model: LandingZoneModel, options: DeploymentOptions): void {
  const deployment: DeploymentModel = model.deployment ?? { backend: 'local' };
  const stacks = stacksOf(app).sort((a, b) => byString(a.node.id, b.node.id));
  for (const stack of stacks) useBackend(stack, deployment, options);
  if (deployment.backend !== 'cloud') return;

  const sites = new Map(stacks.map((stack) => [stack, siteOf(stack, model)]));
  const powers = new Map(stacks.map((stack) => [stack, runRolePower(sites.get(stack)!, model.organization.managementAccountKey, model.network?.accountKey)]));
  const holders = grantRunRoles(stacks, powers, model, deployment, options);
  const groupOf = (stack: TerraformStack) => {
    const owner = sites.get(stack)!.owner;
    return owner === undefined ? WORKSPACES_STACK : stackNames.bootstrap(model.stackIds[owner]!);
  };
  const groupNames = [...new Set(stacks.map(groupOf))].filter((name) => name !== WORKSPACES_STACK).sort(byString);
  assertWorkspaceNames([...stacks.map((s) => s.node.id), WORKSPACES_STACK, ...groupNames], deployment);

  let wiring: Map<string, WorkspaceSet> | undefined;
  const content = (name: string) => () => {
    wiring ??= wire(stacks, sites, powers, groupOf);
    return wiring.get(name) ?? { stacks: [], triggers: [] };
  };
  const workspaces = new WorkspacesStack(app, WORKSPACES_STACK, { model, deployment, content: content(WORKSPACES_STACK) });
  // Its own workspace cannot be in the project that it creates: it lives in the organization's default project.
  new CloudBackend(workspaces, {
    organization: deployment.organization,
    hostname: deployment.hostname,
    workspaces: new NamedCloudWorkspace(workspaceName(deployment.workspaceNamePattern, WORKSPACES_STACK)),
  });
  const bootstraps = new Map<string, TerraformStack>([[WORKSPACES_STACK, workspaces]]);
  for (const name of groupNames) {
    const bootstrap = new BootstrapStack(app, name, { model, deployment, content: content(name) });
    useBackend(bootstrap, deployment, options);
    bootstrap.addDependency(workspaces);
    bootstraps.set(name, bootstrap);
  }
  // A workspace and its role exist before its stack runs; a policy is granted once its role exists.
  for (const stack of stacks) stack.addDependency(bootstraps.get(groupOf(stack))!);
  for (const [stack, holder] of holders) holder.addDependency(bootstraps.get(groupOf(stack))!);
}

/**
 * What each bootstrap stack holds: the workspaces of its stacks, with their readers (or sharing with
 * the organization), and the run triggers along the stacks' dependencies. Both come from cdktf's
 * cross-stack references, recorded when a stack is prepared; synth prepares the bootstrap stacks
 * after all others (they are built last), so this normally prepares nothing itself.
 */
function wire(
  stacks: readonly TerraformStack[],
  sites: ReadonlyMap<TerraformStack, StackSite>,
  powers: ReadonlyMap<TerraformStack, RunRolePower>,
  groupOf: (stack: TerraformStack) => string,
): Map<string, WorkspaceSet> {
  const readers = readersOf(stacks);
  const managed = new Set(stacks);
  const groups = new Map<string, { stacks: ManagedStack[]; triggers: WorkspaceTrigger[] }>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { stacks: [], triggers: [] }));
    return g;
  };
  for (const stack of stacks) {
    const site = sites.get(stack)!;
    const reading = readers.get(stack) ?? [];
    group(groupOf(stack)).stacks.push({
      name: stack.node.id,
      power: powers.get(stack)!,
      readers: sharesStateGlobally(site, reading.map((r) => sites.get(r)!)) ? 'organization' : reading.map((r) => r.node.id).sort(byString),
    });
    for (const source of stack.dependencies.filter((d): d is TerraformStack => managed.has(d as TerraformStack))) {
      const holder = runTriggerHolder(sites.get(source)!, site);
      if (holder !== undefined) group(groupOf(holder === 'source' ? source : stack)).triggers.push({ source: source.node.id, target: stack.node.id });
    }
  }
  return groups;
}

function stacksOf(app: App): TerraformStack[] {
  return app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
}

/**
 * Creates, in the holder's `account-<id>` stack, the policy of every run role that may only assume
 * access roles, and makes the stack wait for its holder. Before any stack is prepared, so that
 * cdktf records the account ids the policies read from other account stacks.
 */
function grantRunRoles(
  stacks: readonly TerraformStack[],
  powers: ReadonlyMap<TerraformStack, RunRolePower>,
  model: LandingZoneModel,
  deployment: CloudDeployment,
  options: DeploymentOptions,
): Map<TerraformStack, TerraformStack> {
  const org = model.organization;
  const holders = new Map<TerraformStack, TerraformStack>();
  for (const stack of stacks) {
    const power = powers.get(stack)!;
    if (power.kind !== 'assume-access-role') continue;
    const holder = options.accountStack(power.heldBy);
    if (holder === undefined) throw new Error(`stack ${stack.node.id}: account ${power.heldBy} has no account stack to hold its run role's policy`);
    new AccessRoleAssumptionPolicy(holder, deploymentIds.runRolePolicy(stack.node.id), {
      roleName: workspaceRoleName(workspaceName(deployment.workspaceNamePattern, stack.node.id)),
      accessRoleArns: power.accounts.map((key) => memberRoleArn(org.partition, options.accountId(key), org.accessRoleName)),
    });
    stack.addDependency(holder);
    holders.set(stack, holder);
  }
  return holders;
}

/**
 * The account a stack belongs to (from its name and the stack ids of lz.lock.json) and the accounts
 * its AWS providers reach, the default provider's first. A provider's allowed account is the
 * literal id from org.yaml, or a reference to the attribute of the account's own stack.
 */
function siteOf(stack: TerraformStack, model: LandingZoneModel): StackSite {
  const { owners, literals } = accountIndex(model);
  const providers = stack.node.findAll().filter((c): c is AwsProvider => c instanceof AwsProvider);
  providers.sort((a, b) => (a.alias === undefined ? -1 : b.alias === undefined ? 1 : byString(a.alias, b.alias)));
  if (providers[0]?.alias !== undefined || providers.filter((p) => p.alias === undefined).length !== 1)
    throw new Error(`stack ${stack.node.id} needs exactly one default AWS provider; it deploys into one account through it`);
  const reaches = providers.map((provider) => {
    const id = provider.allowedAccountIds?.[0];
    const key = id === undefined ? undefined : (literals.get(id) ?? owners.get(originStackOf(id) ?? ''));
    if (key === undefined)
      throw new Error(`stack ${stack.node.id}: the allowed account of its provider ${provider.alias ?? 'aws'} is no account's literal id nor its account stack's attribute`);
    return key;
  });
  const owner = owners.get(stack.node.id);
  return { name: stack.node.id, ...(owner !== undefined ? { owner } : {}), reaches };
}

const indexes = new WeakMap<LandingZoneModel, { owners: Map<string, string>; literals: Map<string, string> }>();

/** Per-account stack names to their account's key, and literal account ids to keys. */
function accountIndex(model: LandingZoneModel): { owners: Map<string, string>; literals: Map<string, string> } {
  let index = indexes.get(model);
  if (index === undefined) {
    const owners = new Map<string, string>();
    const baselineGroups = model.baseline?.regionGroups.length ?? 0;
    for (const [key, id] of Object.entries(model.stackIds)) {
      for (const name of [stackNames.account(id), stackNames.access(id), stackNames.network(id)]) owners.set(name, key);
      for (let group = 1; group <= baselineGroups; group++) owners.set(stackNames.baseline(id, group), key);
    }
    const literals = new Map(model.accounts.flatMap((a) => (a.id !== undefined ? [[a.id, a.key] as const] : [])));
    index = { owners, literals };
    indexes.set(model, index);
  }
  return index;
}

/** The stack whose attribute a token string refers to. */
function originStackOf(value: string): string | undefined {
  const token = Tokenization.reverseString(value).firstToken as { originStack?: TerraformStack } | undefined;
  return token?.originStack?.node.id;
}

/**
 * The stacks that read each stack's outputs. cdktf records a cross-stack reference (the producer's
 * output, the consumer's remote state and the dependency) only in the preparing pass of synth; a
 * stack that has not been through it yet is prepared here.
 */
function readersOf(stacks: readonly TerraformStack[]): Map<TerraformStack, TerraformStack[]> {
  for (const stack of stacks) if (!(stack instanceof LandingZoneStack && stack.prepared)) stack.prepareStack();
  const byInput = new Map(stacks.map((s) => [`cross-stack-reference-input-${s.node.path}`, s]));
  const readers = new Map<TerraformStack, TerraformStack[]>();
  for (const consumer of stacks)
    for (const child of consumer.node.children) {
      const producer = child instanceof TerraformRemoteState ? byInput.get(child.node.id) : undefined;
      if (producer === undefined) continue;
      const list = readers.get(producer);
      if (list) list.push(consumer);
      else readers.set(producer, [consumer]);
    }
  return readers;
}

/** The rules check the pattern; this guards stacks added later whose names the rules could not foresee. */
function assertWorkspaceNames(stacks: readonly string[], deployment: CloudDeployment): void {
  const names = stacks.map((stack) => workspaceName(deployment.workspaceNamePattern, stack));
  const invalid = names.filter((name) => !WORKSPACE_NAME.test(name));
  if (invalid.length > 0) throw new Error(`invalid HCP Terraform workspace names: ${invalid.join(', ')} (letters, digits, - and _, at most 90)`);
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([name]) => name);
  if (duplicates.length > 0) throw new Error(`several stacks map to the workspace names ${duplicates.join(', ')}`);
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
